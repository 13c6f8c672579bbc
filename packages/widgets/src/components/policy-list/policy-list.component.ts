import { TaskStatus } from '@lit/task';
import type { CategoryId, Policy, PolicyPage } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { SmecPolicyServicesEvent } from '../../events/policy-services-event.js';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { describeError, renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { loadingText, renderEmpty } from '../../views/status-view.js';
import { loadCategories, loadPolicies } from './policy-api.js';
import { renderPolicyDetail } from './policy-detail.js';
import { NO_FILTERS, filtersOf, rangeProblem, renderFilters, type PolicyFilters } from './policy-filters.js';
import { renderPolicyItem } from './policy-item.js';
import styles from './policy-list.styles.js';

/** A failure in the policy list's words: its own when the platform has no such policy (or no policy library). */
function describePolicyError(error: unknown): string {
  return describeError(error, msg('没有找到这项政策，它可能已废止或撤下。', { id: 'policy.error.notFound' }));
}

/**
 * @summary The policy library (政策宣贯): search the policies of the province, the cities and the counties, filter
 * them, and read one with its summary, the link to its full text and the services that help apply it.
 *
 * The policies of the viewer's region (`region`) come first, then its city's, then the province's. Every policy
 * carries a badge that says in words whether it is in force. A policy's detail links to the catalog on each of
 * its categories: to the page at `catalog-url` (with `smec_cat=<category>`, which `<smec-catalog>` reads), or,
 * without one, by firing `smec-policy-services` for the host to handle.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-policy-services - {SmecPolicyServicesEvent} A visitor asked for the services of a policy's category
 * (only without `catalog-url`).
 * @fires smec-error - {SmecErrorEvent} Something could not be loaded (the widget shows it too).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading.
 * @csspart filters - The search and filter form.
 * @csspart search-input - The search box.
 * @csspart search-button - The search button.
 * @csspart filter - Each filter field.
 * @csspart field-error - The message next to a filter in error.
 * @csspart status - The live region: loading, the number of policies, nothing found.
 * @csspart list - The list of policies.
 * @csspart item - One policy of the list.
 * @csspart item-title - The button with a policy's title that opens it.
 * @csspart badge - The in-force / expired / not yet in force badge.
 * @csspart doc-number - The document number (发文字号).
 * @csspart more-button - Loads the next page.
 * @csspart detail - One policy's detail.
 * @csspart back-button - Back to the list.
 * @csspart summary - The policy's summary.
 * @csspart full-text - The link to the full text on the issuer's site.
 * @csspart services - The services related to the policy.
 * @csspart service-link - The link (or button) to the services of one category.
 * @csspart empty - 「没有找到符合条件的政策」.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of the filters.
 * @cssproperty --smec-color-border - Borders of fields, buttons and items.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecPolicyList extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  private readonly focusing = new FocusController(this);
  private readonly more = new MoreController<Policy>(this, 'policies.list');

  @state() private filters: PolicyFilters = NO_FILTERS;
  @state() private rangeError: string | undefined;
  @state() private opened: Policy | undefined;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /**
   * The viewer's region (a GB/T 2260 code, e.g. `440604`): only its policies and its parents' are listed, its own
   * first. Without it, every policy, newest first.
   */
  @property() region?: string;

  /** The address of the host's catalog page; 「查看相关服务」 links there with `smec_cat=<category>`. */
  @property({ attribute: 'catalog-url' }) catalogUrl?: string;

  /** After how many milliseconds of loading the widget says that loading is slow. */
  @property({ attribute: 'stalled-after', type: Number }) stalledAfter = 3000;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly listTask = new LoadTask(this, {
    task: ([client, key, region], { signal }): Promise<PolicyPage> =>
      loadPolicies(client, JSON.parse(key) as PolicyFilters, region, undefined, signal),
    // Strings, not objects: a new object on each render would restart the load on each render.
    args: () => [this.api.client, JSON.stringify(this.filters), this.region?.trim() || undefined] as const,
    operation: 'policies.list',
  });

  private readonly categoriesTask = new LoadTask(this, {
    task: ([client], { signal }) => loadCategories(client, signal),
    args: () => [this.api.client] as const,
  });

  /** Loads the list again (the retry button does this). */
  refresh(): void {
    this.more.reset();
    void this.listTask.run();
    if (this.categoriesTask.status === TaskStatus.ERROR) void this.categoriesTask.run();
  }

  private get listKey(): string {
    return `${JSON.stringify(this.filters)} ${this.region ?? ''}`;
  }

  private apply(filters: PolicyFilters): void {
    const problem = rangeProblem(filters);
    this.rangeError = problem;
    // A reversed range is shown next to the field; the list stays as it was, and what was typed stays too.
    if (problem) return;
    if (JSON.stringify(filters) === JSON.stringify(this.filters)) return;
    this.more.reset();
    this.filters = filters;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.apply(filtersOf(event.currentTarget as HTMLFormElement));
  }

  private handleChange(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    // Typed text applies on 搜索 (or Enter); choices apply at once.
    if (target instanceof HTMLInputElement && target.type === 'text') return;
    if (target.form) this.apply(filtersOf(target.form));
  }

  private open(policy: Policy): void {
    this.opened = policy;
    this.focusing.later('#smec-pl-detail-title');
  }

  private back(): void {
    const id = this.opened?.id;
    this.opened = undefined;
    if (id) this.focusing.later(`#smec-pl-item-${id}`);
  }

  private services(categoryId: CategoryId): void {
    if (this.opened) this.dispatchEvent(new SmecPolicyServicesEvent({ categoryId, policyId: this.opened.id }));
  }

  private async loadMore(): Promise<void> {
    const first = this.listTask.value;
    if (!first) return;
    const before = this.more.shown(this.listKey, first).items.length;
    const region = this.region?.trim() || undefined;
    const [next] = await this.more.more(this.listKey, first, (cursor, signal) =>
      loadPolicies(this.api.client, this.filters, region, cursor, signal),
    );
    // The first new policy takes the focus, so that a keyboard user reads on where the page ended.
    if (next && before > 0) this.focusing.later(`#smec-pl-item-${next.id}`);
  }

  private statusText(): string {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) return '';
    if (task.status !== TaskStatus.COMPLETE || !task.value) return loadingText(task.stalled);
    const total = task.value.total;
    if (total === 0) return msg('没有找到符合条件的政策', { id: 'policy.empty' });
    return msg(str`共 ${formatNumber(total, this.locale)} 项政策`, { id: 'policy.total' });
  }

  private renderList(): TemplateResult | typeof nothing {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) {
      return html`<div role="alert">${renderError(task.error, () => this.refresh(), describePolicyError)}</div>`;
    }
    const first = task.value;
    if (!first) return renderSkeleton();
    if (first.total === 0) {
      return renderEmpty(
        msg('没有找到符合条件的政策。请换个关键词，或放宽筛选条件。', { id: 'policy.empty.hint' }),
        'empty',
      );
    }
    const shown = this.more.shown(this.listKey, first);
    const { loading, error } = this.more;
    const busy = task.status === TaskStatus.PENDING;
    return html`<ul part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>
        ${shown.items.map((policy) => renderPolicyItem(policy, this.locale, (p) => this.open(p)))}
      </ul>
      ${error ? html`<div role="alert">${renderError(error, () => void this.loadMore(), describePolicyError)}</div>` : nothing}
      ${
        shown.nextCursor
          ? html`<button
              type="button"
              part="more-button"
              class="button"
              ?disabled=${loading}
              @click=${() => void this.loadMore()}
            >
              ${loading ? loadingText() : msg('加载更多政策', { id: 'policy.more' })}
            </button>`
          : nothing
      }`;
  }

  override render() {
    const categories = this.categoriesTask.value ?? [];
    const heading = html`<h2 id="smec-pl-heading" part="heading">${msg('政策文件', { id: 'policy.heading' })}</h2>`;
    if (this.opened) {
      return html`<div part="base" class="base" lang=${this.locale}>
        ${heading}
        ${renderPolicyDetail({
          policy: this.opened,
          categories,
          catalogUrl: this.catalogUrl?.trim() || undefined,
          locale: this.locale,
          onBack: () => this.back(),
          onServices: (id) => this.services(id),
        })}
      </div>`;
    }
    return html`<div part="base" class="base" lang=${this.locale}>
      ${heading}
      ${renderFilters({
        filters: this.filters,
        categories,
        rangeError: this.rangeError,
        locale: this.locale,
        onSubmit: (event) => this.handleSubmit(event),
        onChange: (event) => this.handleChange(event),
      })}
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
      ${this.renderList()}
    </div>`;
  }
}
