import { TaskStatus } from '@lit/task';
import { hasProblemCode, type TokenProvider } from '@smec/sdk/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { ModalController } from '../../controllers/modal-controller.js';
import { SmecAuthRequiredEvent } from '../../events/auth-required-event.js';
import { msg } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { Lazy } from '../../internal/lazy.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { renderSignIn } from '../../views/sign-in-view.js';
import { loadingText } from '../../views/status-view.js';
import { ViewSwitch } from '../../workbench/view-switch.js';
import { loadCenterSummary } from './center-api.js';
import styles from './center-workbench.styles.js';
import type { CenterViewContext, CenterViewModule } from './view-context.js';
import { VIEWS, type ActionView, type CenterView } from './waiting-actions.js';

// A view is one entry here and in VIEWS, and one module fetched when first shown.
const VIEW_MODULES: Record<CenterView, Lazy<CenterViewModule>> = {
  overview: new Lazy(() => import('./overview-view.js')),
  demands: new Lazy(() => import('./demands-view.js')),
  providers: new Lazy(() => import('./providers-view.js')),
  settlements: new Lazy(() => import('./settlements-view.js')),
  batches: new Lazy(() => import('./batches-view.js')),
  policies: new Lazy(() => import('./policies-view.js')),
  events: new Lazy(() => import('./events-view.js')),
  followUps: new Lazy(() => import('./follow-ups-view.js')),
  staff: new Lazy(() => import('./staff-view.js')),
  auditLog: new Lazy(() => import('./audit-log-view.js')),
};

function viewName(view: CenterView): string {
  switch (view) {
    case 'overview':
      return msg('概览', { id: 'center.nav.overview' });
    case 'demands':
      return msg('需求', { id: 'center.nav.demands' });
    case 'providers':
      return msg('服务机构', { id: 'center.nav.providers' });
    case 'settlements':
      return msg('结算', { id: 'center.nav.settlements' });
    case 'batches':
      return msg('服务券', { id: 'center.nav.batches' });
    case 'policies':
      return msg('政策', { id: 'center.nav.policies' });
    case 'events':
      return msg('活动', { id: 'center.nav.events' });
    case 'followUps':
      return msg('回访跟踪', { id: 'center.nav.followUps' });
    case 'staff':
      return msg('工作人员', { id: 'center.nav.staff' });
    case 'auditLog':
      return msg('操作日志', { id: 'center.nav.auditLog' });
  }
}

/**
 * @summary The workbench of a service center's staff (服务中心工作台), scoped by the platform to the center's region
 * and the regions below it: first the overview of what waits (new demands, applications and objections to review,
 * follow-ups overdue); the other views (providers, settlements, voucher batches, policies, events) are fetched when
 * first shown.
 *
 * Signing in is the host page's business: give `<smec-root>` (or this element) a `getToken` for a center staff
 * member. Visitors who are not signed in see a sign-in prompt, the `sign-in` slot and a button that fires
 * `smec-auth-required`; an enterprise's or a provider's account is told the workbench is for center staff.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-auth-required - {SmecAuthRequiredEvent} A visitor who is not signed in pressed 「登录」.
 * @fires smec-error - {SmecErrorEvent} The workbench could not be loaded (the widget shows it too).
 *
 * @slot sign-in - The host's own sign-in link, shown to visitors who are not signed in.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region that announces loading and the outcome of every action.
 * @csspart sign-in - The sign-in prompt.
 * @csspart sign-in-button - 「登录」.
 * @csspart wrong-account - What an account that is no center staff member's sees.
 * @csspart region - The name of the center's region, when the host gives it.
 * @csspart nav - The navigation between the views.
 * @csspart nav-button - One view's button in it; the view shown has `aria-current="page"`.
 * @csspart view - The view shown.
 * @csspart overview-count - One count of the overview: a button to its view once that view exists (`aria-busy` while the overview still loads it).
 * @csspart key-figures - This year's key figures of the center's region in the overview, with progress towards its targets.
 * @csspart targets - The list of progress towards the targets.
 * @csspart target - One target's progress: the figures in words and a bar.
 * @csspart overview-count - One count of the overview: a button to its view once that view exists.
 * @csspart demand - One demand of the Demands view's inbox (`data-status`; `data-overdue` once past a deadline).
 * @csspart demand-total - How many demands the filters find.
 * @csspart demand-status-filter - The inbox's status filter.
 * @csspart demand-region-filter - The inbox's region filter: the regions below the center's (shown once the region is known).
 * @csspart demand-overdue-filter - 「只看已逾期」: only the demands past a deadline.
 * @csspart deadlines - A demand's response deadlines.
 * @csspart deadline - One deadline (`data-kind`: acceptBy, firstMatchBy) with the working days left, or how long it is overdue.
 * @csspart overdue-flag - 「已逾期」 on a demand past a deadline.
 * @csspart demand-open-button - 「查看详情」 of a demand.
 * @csspart demand-detail - A demand's detail: its facts, description, proposals, timeline and the moves on it.
 * @csspart back-button - 「返回需求列表」.
 * @csspart demand-contact - The contact's name and phone in full, and whether the enterprise shares it with providers.
 * @csspart demand-matches - The providers proposed so far.
 * @csspart demand-timeline - The demand's timeline, oldest first.
 * @csspart accept-button - 「受理」.
 * @csspart propose-form - 「推荐服务机构」: the providers searched, chosen (up to five in all) and their notes.
 * @csspart propose-search - The provider search field.
 * @csspart propose-search-button - 「搜索」.
 * @csspart propose-add-button - 「选择」: adds a provider found to the proposal.
 * @csspart proposal - One provider chosen, with its product and note.
 * @csspart propose-remove-button - Removes a chosen provider.
 * @csspart propose-button - 「发送推荐」.
 * @csspart transfer-form - 「转办」: the center to transfer to (the line above and below) and the reason.
 * @csspart transfer-target - The center to transfer to.
 * @csspart transfer-button - 「转办」 (after a confirmation).
 * @csspart reject-demand-button - 「不予受理」 with the reason typed, which the enterprise sees (after a confirmation).
 * @csspart close-demand-button - 「办结」 (after a confirmation).
 * @csspart confirm-transfer-button - 「确认转办」 in the question.
 * @csspart confirm-reject-demand-button - 「不予受理」 in the question.
 * @csspart confirm-close-demand-button - 「确认办结」 in the question.
 * @csspart application - One application to join in the Providers view's queue.
 * @csspart badge - A status label.
 * @csspart soon-badge - 「7 天内开始」 on an event that starts within 7 days.
 * @csspart under-way-badge - 「进行中」 on an event that has begun and is not over: registrants are checked in.
 * @csspart detail-button - 「查看详情」 of an application (`aria-expanded` says whether its detail is shown).
 * @csspart application-detail - An application's detail: its fields, files, timeline and the review.
 * @csspart application-fields - The fields of an application.
 * @csspart file-button - Opens one of the application's files (licence, certificates).
 * @csspart approve-button - 「通过并公示」: approves an application, starting its 7-day public notice.
 * @csspart changes - The notes per field of 「退回补正」.
 * @csspart changes-button - 「退回补正」: asks the applicant for changes.
 * @csspart reject-button - 「不予通过」: rejects an application with the reason typed.
 * @csspart objection - An open objection of an application under notice.
 * @csspart uphold-button - 「异议成立」: upholds the objection, which rejects the application.
 * @csspart dismiss-objection-button - 「异议不成立」: the notice runs on.
 * @csspart more-button - 「加载更多」 under a list (applications, settlements, follow-ups, staff, the audit log).
 * @csspart confirm-dialog - The question before each review's move.
 * @csspart confirm-approve-button - 「通过并公示」 in the question.
 * @csspart confirm-requestChanges-button - 「退回补正」 in the question.
 * @csspart confirm-reject-button - 「不予通过」 in the question.
 * @csspart confirm-upholdObjection-button - 「异议成立」 in the question.
 * @csspart confirm-dismissObjection-button - 「异议不成立」 in the question.
 * @csspart provider-accounts - 「已入驻机构」: the providers of the center's region and below, under the review queue.
 * @csspart provider-account-filter - The search of 「已入驻机构」: name or credit code, and admission.
 * @csspart provider-account-search - 「查询」: lists the providers the search finds.
 * @csspart provider-account-total - How many providers the search finds.
 * @csspart provider-account - One provider of 「已入驻机构」 (`data-admission`: admitted, suspended, removed).
 * @csspart provider-history - A provider's record: suspensions, reinstatements, changes, with their reasons.
 * @csspart suspend-button - 「暂停服务」: suspends an admitted provider with the reason typed.
 * @csspart reinstate-button - 「恢复服务」: reinstates a suspended provider with the reason typed.
 * @csspart remove-button - 「移出平台…」: asks before removing a provider (final).
 * @csspart confirm-remove-button - 「确认移出」 in the question.
 * @csspart dismiss-button - 「返回」 in the question: nothing is sent.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 * @csspart settlement - One engagement of the settlement queue (`data-state`: waiting, refused).
 * @csspart settlement-filter - The queue's state filter.
 * @csspart settlement-total - How many the queue holds.
 * @csspart export-button - 「导出 CSV」: the whole queue as a spreadsheet.
 * @csspart proof - A proof the provider attached, downloaded when pressed.
 * @csspart settle-button - 「结算」 (after a confirmation).
 * @csspart refuse-open-button - 「退回…」: opens the reason field.
 * @csspart refuse-button - 「退回结算」: sends the reason.
 * @csspart follow-up - One follow-up of the Follow-ups view (`data-overdue` says whether it is overdue).
 * @csspart follow-up-filter - The Follow-ups view's filter: not closed (overdue first), overdue, escalated.
 * @csspart follow-up-total - How many follow-ups the filter holds.
 * @csspart follow-up-notes - The centers' notes, escalations and resolution of a follow-up.
 * @csspart escalation - Where a follow-up was escalated last, and why.
 * @csspart follow-up-note-button - 「添加备注」: opens the note field.
 * @csspart follow-up-escalate-button - 「上报上级」: opens the reason field of an escalation to the level above.
 * @csspart follow-up-resolve-button - 「结束回访…」: opens the note field of the close as resolved.
 * @csspart follow-up-send-button - Sends the note, the escalation or the close typed.
 * @csspart staff-invite - The form that invites a staff member by identity account or mobile (administrators only).
 * @csspart staff-identity - The identity account or mobile of the person invited.
 * @csspart staff-name - The name of the person invited.
 * @csspart staff-invite-button - 「发送邀请」.
 * @csspart staff-member - One staff account (`data-active` says whether it is active).
 * @csspart staff-role-select - The role to give an account: 管理员, 业务员, 只读.
 * @csspart staff-role-button - 「更改角色」.
 * @csspart staff-active-button - 「停用…」 or 「启用…」 (after a confirmation).
 * @csspart confirm-staff-button - 「停用」 or 「启用」 in the question.
 * @csspart notice - What a staff member who is no administrator sees in the Staff and Audit log views.
 * @csspart audit-filters - The audit log's filters: action, entity type, actor, from and to.
 * @csspart audit-filter - One filter field of the audit log.
 * @csspart audit-apply-button - 「筛选」.
 * @csspart audit-entry - One entry of the audit log.
 * @csspart audit-expand-button - 「查看变更」 of an entry (`aria-expanded` says whether its changes are shown).
 * @csspart audit-changes - The fields an entry changed, before and after.
 * @csspart batch - One batch of the Voucher batches view (`data-status`: draft, open, paused, closed; `data-nearly-used-up` when an open batch has less than a tenth of its quota left).
 * @csspart nearly-used-up - 「即将领完」 on such a batch.
 * @csspart quota - A batch's vouchers claimed and left.
 * @csspart add-batch-button - 「新建服务券批次」.
 * @csspart settlements-link - 「前往服务券结算」: shows the Settlements view.
 * @csspart edit-batch-button - 「编辑」 of a batch.
 * @csspart open-batch-button - 「开放领取」 (after a confirmation).
 * @csspart pause-batch-button - 「暂停领取」 (after a confirmation).
 * @csspart close-batch-button - 「结束批次」 (after a confirmation).
 * @csspart confirm-open-batch-button - 「开放领取」 in the question.
 * @csspart confirm-pause-batch-button - 「暂停领取」 in the question.
 * @csspart confirm-close-batch-button - 「结束批次」 in the question.
 * @csspart batch-form - The form of a new or edited batch.
 * @csspart batch-terms - The batch's terms in that form, disabled once the batch has opened.
 * @csspart save-batch-button - 「保存批次」.
 * @csspart cancel-batch-button - 「返回列表」 of the batch form.
 * @csspart reload-batch-button - 「载入最新版本」 after someone else changed the batch (412).
 * @csspart error-summary - The list of a form's errors after a failed save; each links to its field.
 * @csspart field - One field of a form: its label, hint, error and control.
 * @csspart voucher-desk - Looking up and revoking a voucher.
 * @csspart voucher-find - The form that looks a voucher up by its id.
 * @csspart find-voucher-button - 「查询」.
 * @csspart voucher - The voucher found: its code, batch, status and history.
 * @csspart voucher-history - The voucher's history, oldest first.
 * @csspart history-entry - One entry of it (`data-status`: the status it led to).
 * @csspart revoke-form - The reason and 「作废服务券…」 of an unused voucher.
 * @csspart revoke-button - 「作废服务券…」: asks before revoking.
 * @csspart confirm-revoke-button - 「确认作废」 in the question.
 * @csspart policy - One policy of the Policies view.
 * @csspart doc-number - A policy's document number (发文字号).
 * @csspart policy-total - How many policies the center has.
 * @csspart add-policy-button - 「发布政策」.
 * @csspart edit-policy-button - 「编辑」 of a policy.
 * @csspart withdraw-open-button - 「撤回…」: opens the reason field.
 * @csspart withdraw-form - The reason of a withdrawal and 「撤回政策…」.
 * @csspart withdraw-button - 「撤回政策…」: asks before withdrawing.
 * @csspart confirm-withdraw-button - 「确认撤回」 in the question.
 * @csspart policy-form - The form of a new or edited policy.
 * @csspart save-policy-button - 「发布政策」 or 「保存政策」.
 * @csspart cancel-policy-button - 「返回列表」 of the policy form.
 * @csspart reload-policy-button - 「载入最新版本」 after someone else changed the policy (412).
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of cards.
 * @cssproperty --smec-color-border - Borders of cards, fields and buttons.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-color-warning - Notices.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecCenterWorkbench extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  // The views' dialogs open before the focus moves into them.
  private readonly modal = new ModalController(this);
  private readonly focusing = new FocusController(this);

  @state() private version = 0;
  @state() private message = '';

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /**
   * The view shown: `overview` (default), `demands`, `providers`, `settlements`, `batches`, `policies`, `events`,
   * `followUps`, `staff` or `auditLog`.
   */
  @property({ reflect: true }) view: CenterView = 'overview';

  /**
   * The name of the center's region shown in the header, when the host page wants another than the platform's
   * (广州市中小企业服务中心). The platform scopes every list to the signed-in staff member's region whatever this says.
   */
  @property({ attribute: 'region-name' }) regionName?: string;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly summaryTask = new LoadTask(this, {
    // Nobody can be signed in without a token: no need to hear a 401 say so.
    task: async ([client], { signal }) => ((await this.api.signedIn()) ? loadCenterSummary(client, signal) : undefined),
    args: () => [this.api.client, this.version] as const,
    operation: 'demands.list',
  });

  private readonly context: CenterViewContext = {
    client: () => this.api.client,
    summary: () => this.summaryTask.value!,
    locale: () => this.locale,
    refresh: () => this.refresh(),
    announce: (message) => {
      this.message = message;
    },
    focus: (selector) => this.focusing.later(selector, true),
    canWrite: () => this.summaryTask.value?.account.staffRole !== 'viewer',
    regionCode: () => this.summaryTask.value?.account.regionCode ?? null,
    isAdmin: () => this.summaryTask.value?.account.staffRole === 'admin',
    has: (view: ActionView) => (VIEWS as readonly string[]).includes(view),
    show: (view: ActionView) => {
      if ((VIEWS as readonly string[]).includes(view)) this.show(view as CenterView);
    },
  };

  private readonly views = new ViewSwitch(this, { views: VIEWS, modules: VIEW_MODULES, name: viewName }, this.context);

  /** Reloads the queues. */
  refresh(): void {
    this.version += 1;
  }

  private show(view: CenterView): void {
    this.message = '';
    this.view = view;
    this.focusing.later('#smec-view-title', true);
  }

  private handleSignIn(): void {
    this.dispatchEvent(new SmecAuthRequiredEvent({ widget: 'center-workbench' }));
  }

  private statusText(): string {
    if (this.message) return this.message;
    const status = this.summaryTask.status;
    return status === TaskStatus.PENDING || status === TaskStatus.INITIAL ? loadingText(this.summaryTask.stalled) : '';
  }

  private renderWrongAccount(): unknown {
    return html`<section part="wrong-account" class="sign-in" aria-labelledby="smec-wrong-account-title">
      <h3 id="smec-wrong-account-title">
        ${msg('工作台仅供服务中心工作人员使用', { id: 'center.wrongAccount.title' })}
      </h3>
      <p>
        ${msg('您当前登录的是企业或服务机构账号。请以服务中心工作人员账号登录后再试。', {
          id: 'center.wrongAccount.hint',
        })}
      </p>
    </section>`;
  }

  override render() {
    const status = this.summaryTask.status;
    const failed = status === TaskStatus.ERROR;
    // An enterprise's or a provider's account is no center's: a retry cannot help, so none is offered.
    const wrongAccount = failed && hasProblemCode(this.summaryTask.error, 'forbidden');
    const summary = this.summaryTask.value;
    const regionName = this.regionName || summary?.account.regionName;
    const signedOut = status === TaskStatus.COMPLETE && summary === undefined;
    const firstLoad = !summary && (status === TaskStatus.PENDING || status === TaskStatus.INITIAL);
    return html`<div part="base" class="base" lang=${this.locale}>
      <h2 class="title">${msg('服务中心工作台', { id: 'center.title' })}</h2>
      ${regionName ? html`<p part="region" class="muted">${regionName}</p>` : nothing}
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
      <div role="alert">
        ${failed && !wrongAccount ? renderError(this.summaryTask.error, () => this.refresh()) : nothing}
      </div>
      ${wrongAccount ? this.renderWrongAccount() : nothing} ${firstLoad ? renderSkeleton() : nothing}
      ${
        signedOut
          ? renderSignIn({
              title: msg('登录后进入服务中心工作台', { id: 'center.signIn.title' }),
              hint: msg('工作台须以服务中心工作人员账号使用：处理需求、入驻申请、异议和回访。请先登录。', {
                id: 'center.signIn.hint',
              }),
              label: msg('登录', { id: 'center.signIn' }),
              part: 'sign-in-button',
              onSignIn: () => this.handleSignIn(),
            })
          : nothing
      }
      ${
        summary
          ? html`${this.views.renderNav(this.view, msg('工作台导航', { id: 'center.nav.label' }), (view) =>
              this.show(view),
            )}
            ${this.views.renderView(this.view)}`
          : nothing
      }
    </div>`;
  }
}
