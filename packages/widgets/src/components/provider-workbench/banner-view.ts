import type { TemplateResult } from 'lit';
import { msg, str } from '../../i18n/localization.js';
import { renderBanner as renderSharedBanner } from '../../workbench/banner-view.js';
import type { RequiredAction, WorkbenchView } from './required-actions.js';

function actionText({ kind, count }: RequiredAction): string {
  switch (kind) {
    case 'suspended':
      return msg('您的机构已被暂停：产品已从目录中隐藏，服务券暂不能用于您的服务。原因见机构资料的记录。', {
        id: 'workbench.banner.suspended',
      });
    case 'engagementsToConfirm':
      return msg(str`${count} 项订单等待您确认`, { id: 'workbench.banner.confirm' });
    case 'followUpsDue':
      return msg(str`${count} 条回访须在 3 个工作日内答复`, { id: 'workbench.banner.followUps' });
    case 'productsMissing':
      return msg(str`${count} 项产品尚缺发布所需内容`, { id: 'workbench.banner.missing' });
    case 'pendingChange':
      return msg('机构信息变更正在等待服务中心审核', { id: 'workbench.banner.pendingChange' });
  }
}

/** The required actions, each a button to the view where it is done; a short line when there is none. */
export function renderBanner(actions: readonly RequiredAction[], onGo: (view: WorkbenchView) => void): TemplateResult {
  return renderSharedBanner(
    {
      title: msg('待办事项', { id: 'workbench.banner.title' }),
      none: msg('目前没有需要您处理的事项。', { id: 'workbench.banner.none' }),
    },
    actions.map((action) => ({
      kind: action.kind,
      text: actionText(action),
      view: action.view,
      urgent: action.kind === 'suspended',
    })),
    onGo,
  );
}
