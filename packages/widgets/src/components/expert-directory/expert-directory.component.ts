import { TaskStatus } from '@lit/task';
import type { Expert, ExpertPage, ServiceCategory } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { loadingText, renderEmpty } from '../../views/status-view.js';
import { loadCategories, loadCities, loadExperts } from './expert-api.js';
import { renderExpertCard } from './expert-card.js';
import styles from './expert-directory.styles.js';
import { NO_FILTERS, filtersOf, renderFilters, type ExpertFilters } from './expert-filters.js';

/**
 * @summary The expert database (服务专家库): search the experts of the network's providers and centers by name,
 * title, specialty or a word of their bio (one or two Chinese characters are enough), filter them by specialty and
 * by city, and read each expert's card.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-error - {SmecErrorEvent} Something could not be loaded (the widget shows it too).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading.
 * @csspart filters - The search and filter form.
 * @csspart search-input - The search box.
 * @csspart search-button - The search button.
 * @csspart filter - Each filter field.
 * @csspart status - The live region: loading, the number of experts, nothing found.
 * @csspart list - The list of cards.
 * @csspart card - One expert's card.
 * @csspart title - The expert's title (职称).
 * @csspart specialties - The expert's specialties.
 * @csspart provider - The provider the expert works with.
 * @csspart bio - The bio, short until 展开.
 * @csspart expand-button - 展开 / 收起 of a long bio.
 * @csspart more-button - Loads the next page.
 * @csspart empty - 「没有找到符合条件的专家」.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of the filters.
 * @cssproperty --smec-color-border - Borders of fields, buttons and cards.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecExpertDirectory extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  private readonly focusing = new FocusController(this);
  private readonly more = new MoreController<Expert>(this, 'experts.list');

  @state() private filters: ExpertFilters = NO_FILTERS;
  @state() private expanded: ReadonlySet<string> = new Set();

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** A city (a GB/T 2260 code, e.g. `440600`) chosen at first; the visitor may choose another. */
  @property() region?: string;

  /** After how many milliseconds of loading the widget says that loading is slow. */
  @property({ attribute: 'stalled-after', type: Number }) stalledAfter = 3000;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private chosenRegion = false;

  private readonly listTask = new LoadTask(this, {
    task: ([client, key], { signal }): Promise<ExpertPage> =>
      loadExperts(client, JSON.parse(key) as ExpertFilters, undefined, signal),
    // A string, not an object: a new object on each render would restart the load on each render.
    args: () => [this.api.client, JSON.stringify(this.current)] as const,
    operation: 'experts.list',
  });

  private readonly categoriesTask = new LoadTask(this, {
    task: ([client], { signal }) => loadCategories(client, signal),
    args: () => [this.api.client] as const,
  });

  private readonly citiesTask = new LoadTask(this, {
    task: ([client], { signal }) => loadCities(client, signal),
    args: () => [this.api.client] as const,
  });

  /** The filters in force: the visitor's, with the `region` attribute until the visitor chooses a region. */
  private get current(): ExpertFilters {
    if (this.chosenRegion) return this.filters;
    return { ...this.filters, regionCode: this.region?.trim() ?? '' };
  }

  /** Loads the list again (the retry button does this). */
  refresh(): void {
    this.more.reset();
    void this.listTask.run();
    if (this.categoriesTask.status === TaskStatus.ERROR) void this.categoriesTask.run();
    if (this.citiesTask.status === TaskStatus.ERROR) void this.citiesTask.run();
  }

  private apply(filters: ExpertFilters): void {
    this.chosenRegion = true;
    if (JSON.stringify(filters) === JSON.stringify(this.current)) return;
    this.more.reset();
    this.filters = filters;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.apply(filtersOf(event.currentTarget as HTMLFormElement));
  }

  private handleChange(event: Event): void {
    const target = event.target as HTMLSelectElement;
    if (target.form) this.apply(filtersOf(target.form));
  }

  private toggle(expert: Expert): void {
    const next = new Set(this.expanded);
    if (!next.delete(expert.id)) next.add(expert.id);
    this.expanded = next;
  }

  private async loadMore(): Promise<void> {
    const first = this.listTask.value;
    if (!first) return;
    const key = JSON.stringify(this.current);
    const before = this.more.shown(key, first).items.length;
    const [next] = await this.more.more(key, first, (cursor, signal) =>
      loadExperts(this.api.client, this.current, cursor, signal),
    );
    // The first new card's name takes the focus, so that a keyboard user reads on where the page ended.
    if (next && before > 0) this.focusing.later(`#smec-ed-name-${next.id}`);
  }

  private statusText(): string {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) return '';
    if (task.status !== TaskStatus.COMPLETE || !task.value) return loadingText(task.stalled);
    const total = task.value.total;
    if (total === 0) return msg('没有找到符合条件的专家', { id: 'expert.empty' });
    return msg(str`共 ${formatNumber(total, this.locale)} 位专家`, { id: 'expert.total' });
  }

  private renderList(categories: readonly ServiceCategory[]): TemplateResult | typeof nothing {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) {
      return html`<div role="alert">${renderError(task.error, () => this.refresh())}</div>`;
    }
    const first = task.value;
    if (!first) return renderSkeleton();
    if (first.total === 0) {
      return renderEmpty(
        msg('没有找到符合条件的专家。请换个关键词，或放宽筛选条件。', { id: 'expert.empty.hint' }),
        'empty',
      );
    }
    const byId = new Map(categories.map((category) => [category.id, category]));
    const shown = this.more.shown(JSON.stringify(this.current), first);
    const { loading, error } = this.more;
    const busy = task.status === TaskStatus.PENDING;
    return html`<ul part="list" class="cards" aria-busy=${busy ? 'true' : 'false'}>
        ${shown.items.map((expert) =>
          renderExpertCard({
            expert,
            categories: byId,
            locale: this.locale,
            expanded: this.expanded.has(expert.id),
            onToggle: (e) => this.toggle(e),
          }),
        )}
      </ul>
      ${error ? html`<div role="alert">${renderError(error, () => void this.loadMore())}</div>` : nothing}
      ${
        shown.nextCursor
          ? html`<button
              type="button"
              part="more-button"
              class="button"
              ?disabled=${loading}
              @click=${() => void this.loadMore()}
            >
              ${loading ? loadingText() : msg('加载更多专家', { id: 'expert.more' })}
            </button>`
          : nothing
      }`;
  }

  override render() {
    const categories = this.categoriesTask.value ?? [];
    return html`<div part="base" class="base" lang=${this.locale}>
      <h2 part="heading">${msg('服务专家库', { id: 'expert.heading' })}</h2>
      ${renderFilters({
        filters: this.current,
        categories,
        cities: this.citiesTask.value ?? [],
        locale: this.locale,
        onSubmit: (event) => this.handleSubmit(event),
        onChange: (event) => this.handleChange(event),
      })}
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
      ${this.renderList(categories)}
    </div>`;
  }
}
