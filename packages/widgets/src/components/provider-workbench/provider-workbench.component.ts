import { TaskStatus } from '@lit/task';
import { hasProblemCode, type TokenProvider } from '@smec/sdk/core';
import { shanghaiDayOf } from '@smec/schemas/rules';
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
import { renderBanner } from './banner-view.js';
import { requiredActions, VIEWS, type WorkbenchSummary, type WorkbenchView } from './required-actions.js';
import type { ViewContext, ViewModule } from './view-context.js';
import styles from './provider-workbench.styles.js';
import { loadSummary } from './workbench-api.js';
import { ViewSwitch } from '../../workbench/view-switch.js';
import { notificationHeadStyles, UnreadNotifications } from '../../notifications/unread-notifications.js';

// Every view arrives when first shown: the shell, the banner and the view shown first make the first download.
const VIEW_MODULES: Record<WorkbenchView, Lazy<ViewModule>> = {
  products: new Lazy(() => import('./products-view.js')),
  engagements: new Lazy(() => import('./engagements-view.js')),
  proposals: new Lazy(() => import('./proposals-view.js')),
  profile: new Lazy(() => import('./profile-view.js')),
  ratings: new Lazy(() => import('./ratings-view.js')),
  experts: new Lazy(() => import('./experts-view.js')),
};

function viewName(view: WorkbenchView): string {
  switch (view) {
    case 'products':
      return msg('服务产品', { id: 'workbench.nav.products' });
    case 'engagements':
      return msg('订单与回访', { id: 'workbench.nav.engagements' });
    case 'proposals':
      return msg('需求推荐', { id: 'workbench.nav.proposals' });
    case 'profile':
      return msg('机构资料', { id: 'workbench.nav.profile' });
    case 'ratings':
      return msg('收到的评价', { id: 'workbench.nav.ratings' });
    case 'experts':
      return msg('服务专家', { id: 'workbench.nav.experts' });
  }
}

/**
 * @summary The signed-in provider's workbench (服务机构工作台): the actions required of it, its service products with
 * the five publics (create, edit, preview, publish, withdraw), its engagements and follow-ups, its profile, the
 * ratings it received and its experts.
 *
 * Signing in is the host page's business: give `<smec-root>` (or this element) a `getToken` for a provider user.
 * Visitors who are not signed in see a sign-in prompt, the `sign-in` slot and a button that fires
 * `smec-auth-required`. Every view is fetched the first time it is shown.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-auth-required - {SmecAuthRequiredEvent} A visitor who is not signed in pressed 「登录」.
 * @fires smec-error - {SmecErrorEvent} The workbench could not be loaded, or an action failed (the widget shows it too).
 *
 * @slot sign-in - The host's own sign-in link, shown to visitors who are not signed in.
 *
 * @csspart notifications-button - 「消息 (N)」 with the count of unread notifications, for a signed-in enterprise or provider user.
 * @csspart notifications - The list of notifications that 「消息」 opens.
 * @csspart notification - One notification; `data-read` says whether it was read.
 * @csspart notification-link - 「查看」: what the notification is about, where the widget shows it.
 * @csspart notification-read-button - 「标为已读」.
 * @csspart notifications-more-button - 「加载更多」 under the notifications.
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region that announces loading and the outcome of every action.
 * @csspart sign-in - The sign-in prompt.
 * @csspart sign-in-button - 「登录」.
 * @csspart wrong-account - What an account that is no provider's sees.
 * @csspart banner - The required actions.
 * @csspart banner-action - One required action, a button to the view where it is done.
 * @csspart nav - The navigation between the views.
 * @csspart nav-button - One view's button in it; the view shown has `aria-current="page"`.
 * @csspart view - The view shown.
 * @csspart draft-form - The form of a new draft (name and category).
 * @csspart create-button - 「创建草稿」.
 * @csspart product - A product in the list.
 * @csspart badge - A status badge.
 * @csspart missing - What publishing a product still needs.
 * @csspart edit-button - 「编辑」.
 * @csspart editor - The product editor.
 * @csspart field - A field of a form.
 * @csspart error-summary - The list of the problems of a form.
 * @csspart add-step-button - 「添加步骤」.
 * @csspart save-button - 「保存」 in the editor.
 * @csspart publish-button - 「保存并发布」.
 * @csspart withdraw-button - 「下架」.
 * @csspart preview-button - 「预览」.
 * @csspart back-button - 「返回产品列表」.
 * @csspart stale - The notice of a save refused because the product changed elsewhere.
 * @csspart reload-button - 「载入最新版本」, which keeps what was typed.
 * @csspart preview - The product as the catalog shows it.
 * @csspart confirm-withdraw-button - 「确认下架」.
 * @csspart engagement - An engagement.
 * @csspart confirm-button - 「确认接单」 on an engagement.
 * @csspart start-button - 「开始服务」.
 * @csspart deliver-button - 「交付」.
 * @csspart confirm-engagement-button - 「确认接单」 in the question.
 * @csspart confirm-deliver-button - 「确认交付」 in the question.
 * @csspart follow-up - A follow-up to answer.
 * @csspart answer-button - 「提交答复」.
 * @csspart profile - The profile form.
 * @csspart save-profile-button - 「保存」 in the profile.
 * @csspart pending-change - The change of identity waiting for review.
 * @csspart timeline - The profile's record.
 * @csspart rating-average - The provider's average score and count of ratings, as the catalog shows them.
 * @csspart rating - A rating received.
 * @csspart rating-follow-up - A bad rating's follow-up: its status and, while it waits, its due date.
 * @csspart go-answer-button - 「去答复」, to the follow-up's answer form in the engagements view.
 * @csspart more-button - 「显示更多评价」.
 * @csspart expert - One of the provider's experts.
 * @csspart add-expert-button - 「添加专家」.
 * @csspart edit-expert-button - 「编辑」 on an expert.
 * @csspart expert-form - The form that adds or edits an expert.
 * @csspart save-expert-button - 「保存专家」.
 * @csspart cancel-expert-button - 「取消」 in the expert form.
 * @csspart proposal - A demand a center proposed the provider for (「需求推荐」), with the center's note.
 * @csspart proposal-note - The center's note on a proposal.
 * @csspart proposal-contact - The enterprise's contact, where the enterprise agreed to share it.
 * @csspart proposal-no-contact - Said instead of the contact where the enterprise did not share it.
 * @csspart confirm-dialog - The question before an action that cannot be undone.
 * @csspart dismiss-button - The question's 「返回」.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of cards.
 * @cssproperty --smec-color-border - Borders of cards, fields and buttons.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-color-warning - Required actions.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecProviderWorkbench extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles, notificationHeadStyles];
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

  /** The view shown: `products` (default), `engagements`, `proposals`, `profile`, `ratings` or `experts`. */
  @property({ reflect: true }) view: WorkbenchView = 'products';

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly summaryTask = new LoadTask(this, {
    // Nobody can be signed in without a token: no need to hear a 401 say so.
    task: async ([client], { signal }) => ((await this.api.signedIn()) ? loadSummary(client, signal) : undefined),
    args: () => [this.api.client, this.version] as const,
    operation: 'me.provider.get',
  });

  /** 「消息 (N)」: asked once the provider's account has loaded. */
  private readonly unread = new UnreadNotifications(this, this.api, {
    ready: () => this.summary !== undefined,
    // Settlements, ratings and follow-ups are worked on with the engagements; an application has no view here.
    opener: ({ kind, subject }) =>
      kind === 'followUpDue' || subject.type === 'engagement' || subject.type === 'rating'
        ? () => this.show('engagements')
        : undefined,
  });

  private readonly context: ViewContext = {
    client: () => this.api.client,
    summary: () => this.summaryTask.value!,
    locale: () => this.locale,
    refresh: () => this.refresh(),
    announce: (message) => {
      this.message = message;
    },
    focus: (selector) => this.focusing.later(selector, true),
    show: (view, selector) => this.show(view, selector),
  };

  private readonly views = new ViewSwitch(this, { views: VIEWS, modules: VIEW_MODULES, name: viewName }, this.context);

  /** Reloads the account, the products, the engagements and the follow-ups. */
  refresh(): void {
    this.version += 1;
  }

  private get summary(): WorkbenchSummary | undefined {
    // The last answer stays on screen while a reload runs, so the focus never falls out of the page.
    return this.summaryTask.value;
  }

  private show(view: WorkbenchView, selector = '#smec-view-title'): void {
    this.message = '';
    this.view = view;
    this.focusing.later(selector, true);
  }

  private handleSignIn(): void {
    this.dispatchEvent(new SmecAuthRequiredEvent({ widget: 'provider-workbench' }));
  }

  private renderNav(): unknown {
    return this.views.renderNav(this.view, msg('工作台导航', { id: 'workbench.nav.label' }), (view) => this.show(view));
  }

  private renderView(): unknown {
    return this.views.renderView(this.view);
  }

  private statusText(): string {
    if (this.message) return this.message;
    const status = this.summaryTask.status;
    return status === TaskStatus.PENDING || status === TaskStatus.INITIAL ? loadingText(this.summaryTask.stalled) : '';
  }

  override render() {
    const status = this.summaryTask.status;
    const failed = status === TaskStatus.ERROR;
    // An enterprise's or a center's account has no provider: a retry cannot help, so none is offered.
    const wrongAccount = failed && hasProblemCode(this.summaryTask.error, 'forbidden');
    const signedOut = status === TaskStatus.COMPLETE && this.summary === undefined;
    const firstLoad = !this.summary && (status === TaskStatus.PENDING || status === TaskStatus.INITIAL);
    const summary = this.summary;
    return html`<div part="base" class="base" lang=${this.locale}>
      <div class="head">
        <h2 class="title">${msg('服务机构工作台', { id: 'workbench.title' })}</h2>
        ${this.unread.renderButton()}
      </div>
      ${this.unread.renderPanel()}
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
      <div role="alert">
        ${failed && !wrongAccount ? renderError(this.summaryTask.error, () => this.refresh()) : nothing}
      </div>
      ${
        wrongAccount
          ? html`<section part="wrong-account" class="sign-in" aria-labelledby="smec-wrong-account-title">
              <h3 id="smec-wrong-account-title">
                ${msg('工作台仅供服务机构账号使用', { id: 'workbench.wrongAccount.title' })}
              </h3>
              <p>
                ${msg('您当前登录的账号不属于已入驻的服务机构。请以服务机构账号登录后再试。', {
                  id: 'workbench.wrongAccount.hint',
                })}
              </p>
            </section>`
          : nothing
      }
      ${firstLoad ? renderSkeleton() : nothing}
      ${
        signedOut
          ? renderSignIn({
              title: msg('登录后进入服务机构工作台', { id: 'workbench.signIn.title' }),
              hint: msg('工作台须以服务机构账号使用：管理服务产品、订单、回访和机构资料。请先登录。', {
                id: 'workbench.signIn.hint',
              }),
              label: msg('登录', { id: 'workbench.signIn' }),
              part: 'sign-in-button',
              onSignIn: () => this.handleSignIn(),
            })
          : nothing
      }
      ${
        summary
          ? html`${renderBanner(requiredActions(summary, shanghaiDayOf(Date.now())), (view) => this.show(view))}
            ${this.renderNav()} ${this.renderView()}`
          : nothing
      }
    </div>`;
  }
}
