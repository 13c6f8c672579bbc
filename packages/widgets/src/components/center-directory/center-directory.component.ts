import { TaskStatus } from '@lit/task';
import type { Center, CenterPage, Coverage } from '@smec/schemas';
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
import { loadCenters, loadCities, loadCoverage } from './center-api.js';
import { renderCenterCard } from './center-card.js';
import styles from './center-directory.styles.js';
import { NO_FILTERS, filtersOf, renderFilters, type CenterFilters } from './center-filters.js';
import { renderCoverage, yearsUpTo } from './coverage-view.js';

/** The current year in Guangdong. */
function currentYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * @summary The network of service centers (三级服务中心): find a center of the province, a city or a county by city,
 * level or name, read its contacts, opening hours and means and whether it meets the basic requirements of its level
 * (each shortfall named), and see the network's coverage of a year across the 21 cities as a tile map and a table.
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
 * @csspart filter - Each filter field (city, level).
 * @csspart status - The live region: loading, the number of centers, nothing found.
 * @csspart list - The list of cards.
 * @csspart card - One center's card.
 * @csspart meta - The center's level, region and organisation form.
 * @csspart badge - 「符合基本要求」 or 「未达基本要求」.
 * @csspart shortfalls - The requirements the center falls short of, in words.
 * @csspart details - The set-up, contacts, opening hours and means of a center.
 * @csspart phone - The phone number, a `tel:` link.
 * @csspart website - The website link.
 * @csspart more-button - Loads the next page.
 * @csspart empty - 「没有找到符合条件的服务中心」.
 * @csspart coverage - The coverage section.
 * @csspart year-select - The year of the coverage.
 * @csspart province - The province's figures against the year's target.
 * @csspart tile-map - The tile map of the 21 cities.
 * @csspart tile - One city's tile: its short name, share and whether it meets the target; pressing it lists the city's centers.
 * @csspart coverage-table - The same figures as a table.
 * @csspart error - An error message box.
 * @csspart retry-button - The error box's retry button.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-subtle - Background of the filters.
 * @cssproperty --smec-color-border - Borders of fields, buttons, cards and tiles.
 * @cssproperty --smec-color-danger - Error messages and the tiles of cities below the target.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecCenterDirectory extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  private readonly focusing = new FocusController(this);
  private readonly more = new MoreController<Center>(this, 'centers.list');

  @state() private filters: CenterFilters = NO_FILTERS;
  @state() private chosenYear?: number;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** A city (a GB/T 2260 code, e.g. `440600`) chosen at first; the visitor may choose another. */
  @property() region?: string;

  /** The year of the coverage shown at first; by default the current year. The visitor may choose another. */
  @property({ type: Number }) year?: number;

  /** After how many milliseconds of loading the widget says that loading is slow. */
  @property({ attribute: 'stalled-after', type: Number }) stalledAfter = 3000;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private chosenRegion = false;
  private readonly thisYear = currentYear();

  private readonly listTask = new LoadTask(this, {
    task: ([client, key], { signal }): Promise<CenterPage> =>
      loadCenters(client, JSON.parse(key) as CenterFilters, undefined, signal),
    // A string, not an object: a new object on each render would restart the load on each render.
    args: () => [this.api.client, JSON.stringify(this.current)] as const,
    operation: 'centers.list',
  });

  private readonly citiesTask = new LoadTask(this, {
    task: ([client], { signal }) => loadCities(client, signal),
    args: () => [this.api.client] as const,
  });

  private readonly coverageTask = new LoadTask(this, {
    task: ([client, year], { signal }): Promise<Coverage> => loadCoverage(client, year, signal),
    args: () => [this.api.client, this.shownYear] as const,
    operation: 'centers.coverage',
  });

  /** The filters in force: the visitor's, with the `region` attribute until the visitor chooses a region. */
  private get current(): CenterFilters {
    if (this.chosenRegion) return this.filters;
    return { ...this.filters, region: this.region?.trim() ?? '' };
  }

  private get shownYear(): number {
    const year = this.chosenYear ?? this.year ?? this.thisYear;
    return Number.isInteger(year) ? year : this.thisYear;
  }

  /** Loads again what failed, and the list (the retry buttons do this). */
  refresh(): void {
    this.more.reset();
    void this.listTask.run();
    if (this.citiesTask.status === TaskStatus.ERROR) void this.citiesTask.run();
    if (this.coverageTask.status === TaskStatus.ERROR) void this.coverageTask.run();
  }

  private apply(filters: CenterFilters): void {
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

  /** A tile lists its city's centers; the list's status then takes the focus so a keyboard user reads on there. */
  private pickCity(code: string): void {
    this.apply({ ...this.current, region: code });
    this.focusing.later('#smec-cd-list-heading');
  }

  private async loadMore(): Promise<void> {
    const first = this.listTask.value;
    if (!first) return;
    const key = JSON.stringify(this.current);
    const before = this.more.shown(key, first).items.length;
    const [next] = await this.more.more(key, first, (cursor, signal) =>
      loadCenters(this.api.client, this.current, cursor, signal),
    );
    if (next && before > 0) this.focusing.later(`#smec-cd-name-${next.id}`);
  }

  private statusText(): string {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) return '';
    if (task.status !== TaskStatus.COMPLETE || !task.value) return loadingText(task.stalled);
    const total = task.value.total;
    if (total === 0) return msg('没有找到符合条件的服务中心', { id: 'centerDir.empty' });
    return msg(str`共 ${formatNumber(total, this.locale)} 个服务中心`, { id: 'centerDir.total' });
  }

  private renderList(): TemplateResult | typeof nothing {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) {
      return html`<div role="alert">${renderError(task.error, () => this.refresh())}</div>`;
    }
    const first = task.value;
    if (!first) return renderSkeleton();
    if (first.total === 0) {
      return renderEmpty(
        msg('没有找到符合条件的服务中心。请换个名称，或放宽筛选条件。', { id: 'centerDir.empty.hint' }),
        'empty',
      );
    }
    const shown = this.more.shown(JSON.stringify(this.current), first);
    const { loading, error } = this.more;
    const busy = task.status === TaskStatus.PENDING;
    return html`<ul part="list" class="cards" aria-busy=${busy ? 'true' : 'false'}>
        ${shown.items.map((center) => renderCenterCard(center, this.locale))}
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
              ${loading ? loadingText() : msg('加载更多服务中心', { id: 'centerDir.more' })}
            </button>`
          : nothing
      }`;
  }

  private coveragePlaceholder(): TemplateResult {
    const task = this.coverageTask;
    if (task.status === TaskStatus.ERROR) {
      return html`<div role="alert">${renderError(task.error, () => this.refresh())}</div>`;
    }
    return html`<div class="coverage-skeleton">${renderSkeleton()}</div>`;
  }

  override render() {
    const current = this.current;
    const coverage = this.coverageTask.value;
    return html`<div part="base" class="base" lang=${this.locale}>
      <h2 part="heading">${msg('服务中心名录', { id: 'centerDir.heading' })}</h2>
      ${renderFilters({
        filters: current,
        cities: this.citiesTask.value ?? [],
        onSubmit: (event) => this.handleSubmit(event),
        onChange: (event) => this.handleChange(event),
      })}
      <p part="status" class="status" id="smec-cd-list-heading" tabindex="-1" role="status" aria-live="polite">
        ${this.statusText()}
      </p>
      ${this.renderList()}
      ${renderCoverage({
        coverage: coverage?.year === this.shownYear ? coverage : undefined,
        year: this.shownYear,
        years: yearsUpTo(this.thisYear),
        selectedCity: current.region,
        locale: this.locale,
        placeholder: this.coveragePlaceholder(),
        onYear: (year) => (this.chosenYear = year),
        onPick: (code) => this.pickCity(code),
      })}
    </div>`;
  }
}
