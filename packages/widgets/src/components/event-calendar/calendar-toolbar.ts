import type { EventType } from '@smec/schemas';
import { EVENT_TYPES } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../i18n/localization.js';
import { formatMonth } from './calendar-dates.js';
import { eventTypeName } from './event-texts.js';
import type { Regions } from './events-api.js';

export interface ToolbarOptions {
  month: string;
  view: 'month' | 'list';
  locale: string;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
  onView: (view: 'month' | 'list') => void;
}

/** Previous / today / next, the month shown (announced when it changes) and the switch between grid and list. */
export function renderToolbar(options: ToolbarOptions): TemplateResult {
  const { view, onView } = options;
  return html`<div part="toolbar" class="toolbar">
    <button type="button" class="button" @click=${options.onPrevious}>
      <span aria-hidden="true">‹</span> ${msg('上个月', { id: 'calendar.previous' })}
    </button>
    <button type="button" class="button" @click=${options.onToday}>${msg('今天', { id: 'calendar.today' })}</button>
    <button type="button" class="button" @click=${options.onNext}>
      ${msg('下个月', { id: 'calendar.next' })} <span aria-hidden="true">›</span>
    </button>
    <h2 id="smec-month-title" part="month-title" class="month-title" aria-live="polite">
      ${formatMonth(options.month, options.locale)}
    </h2>
    <div class="views" role="group" aria-label=${msg('显示方式', { id: 'calendar.view' })}>
      <button
        type="button"
        class="button"
        aria-pressed=${view === 'month' ? 'true' : 'false'}
        @click=${() => onView('month')}
      >
        ${msg('月历', { id: 'calendar.view.month' })}
      </button>
      <button
        type="button"
        class="button"
        aria-pressed=${view === 'list' ? 'true' : 'false'}
        @click=${() => onView('list')}
      >
        ${msg('列表', { id: 'calendar.view.list' })}
      </button>
    </div>
  </div>`;
}

export interface FiltersOptions {
  regions: Regions | undefined;
  region: string | undefined;
  type: EventType | undefined;
  onType: (type: EventType | undefined) => void;
  onRegion: (region: string | undefined) => void;
}

/** The type filter, and the region as a city and (once a city is chosen) one of its counties. */
export function renderFilters(options: FiltersOptions): TemplateResult {
  const { regions, region: code, type: selectedType, onRegion } = options;
  const region = code ? regions?.byCode.get(code) : undefined;
  const city = region?.level === 'county' ? (region.parentCode ?? undefined) : code;
  const county = region?.level === 'county' ? code : undefined;
  const counties = city
    ? [...(regions?.byCode.values() ?? [])].filter((r) => r.level === 'county' && r.parentCode === city)
    : [];
  const value = (event: Event) => (event.target as HTMLSelectElement).value || undefined;
  return html`<div part="filters" class="filters">
    <label>
      ${msg('活动类型', { id: 'calendar.filter.type' })}
      <select @change=${(event: Event) => options.onType(value(event) as EventType | undefined)}>
        <option value="" ?selected=${!selectedType}>${msg('全部类型', { id: 'calendar.filter.allTypes' })}</option>
        ${EVENT_TYPES.map(
          (type) => html`<option value=${type} ?selected=${type === selectedType}>${eventTypeName(type)}</option>`,
        )}
      </select>
    </label>
    <label>
      ${msg('地市', { id: 'calendar.filter.city' })}
      <select @change=${(event: Event) => onRegion(value(event))}>
        <option value="" ?selected=${!city}>${msg('全省', { id: 'calendar.filter.province' })}</option>
        ${(regions?.cities ?? []).map((r) => html`<option value=${r.code} ?selected=${r.code === city}>${r.name}</option>`)}
        ${city && !regions?.byCode.has(city) ? html`<option value=${city} selected>${city}</option>` : nothing}
      </select>
    </label>
    ${
      counties.length > 0
        ? html`<label>
            ${msg('区县', { id: 'calendar.filter.county' })}
            <select @change=${(event: Event) => onRegion(value(event) ?? city)}>
              <option value="" ?selected=${!county}>${msg('全市', { id: 'calendar.filter.wholeCity' })}</option>
              ${counties.map((r) => html`<option value=${r.code} ?selected=${r.code === county}>${r.name}</option>`)}
            </select>
          </label>`
        : nothing
    }
  </div>`;
}
