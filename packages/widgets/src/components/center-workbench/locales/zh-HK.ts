// 繁體中文（香港）texts of <smec-center-workbench>: the same ids as ./en.ts.
import type { templates as english } from './en.js';

export const templates = {
  'center.nav.label': '工作台導航',
  'center.nav.overview': '概覽',
  'center.overview.counts': '待處理事項',
  'center.overview.hint': '您所在服務中心及下級轄區內等待處理的事項：',
  'center.signIn': '登入',
  'center.signIn.hint': '工作台須以服務中心工作人員帳戶使用：處理需求、入駐申請、異議和回訪。請先登入。',
  'center.signIn.title': '登入後進入服務中心工作台',
  'center.title': '服務中心工作台',
  'center.waiting.applications': '待審核的入駐申請',
  'center.waiting.followUps': '已逾期的回訪',
  'center.waiting.newDemands': '新提交的需求',
  'center.waiting.objections': '待處理的公示異議',
  'center.wrongAccount.hint': '您目前登入的是企業或服務機構帳戶。請以服務中心工作人員帳戶登入後再試。',
  'center.wrongAccount.title': '工作台僅供服務中心工作人員使用',
} satisfies Record<keyof typeof english, string>;
