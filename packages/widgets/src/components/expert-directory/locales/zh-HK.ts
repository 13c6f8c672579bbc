// 繁體中文（香港）texts of <smec-expert-directory>: the same ids as ./en.ts.
import type { templates as english } from './en.js';

export const templates = {
  'expert.bio.collapse': '收起',
  'expert.bio.expand': '展開',
  'expert.empty': '沒有找到符合條件的專家',
  'expert.empty.hint': '沒有找到符合條件的專家。請換個關鍵詞，或放寬篩選條件。',
  'expert.filter.allRegions': '全省',
  'expert.filter.allSpecialties': '全部領域',
  'expert.filter.region': '所在地區',
  'expert.filter.specialty': '專業領域',
  'expert.heading': '服務專家庫',
  'expert.more': '載入更多專家',
  'expert.search.label': '搜尋專家',
  'expert.search.placeholder': '姓名、職稱或關鍵詞，如「稅」「會計」',
  'expert.search.submit': '搜尋',
  'expert.total': '共 {0} 位專家',
  'expert.years': '從業 {0} 年',
} satisfies Record<keyof typeof english, string>;
