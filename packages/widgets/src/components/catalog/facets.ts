import { msg, str } from '../../i18n/localization.js';
import type { FacetCount, ProductFacets } from '@smec/schemas';
import { PRICE_BANDS } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import type { SmecLocale } from '../../i18n/localization.js';
import { formatMoney, formatNumber } from '../../internal/format.js';
import { hasFilters, isCategoryId, isPriceBand, type CatalogFilters, type PriceBandKey } from './catalog.state.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { categoryName } from './product-facts.js';
import { cityOf, countiesOf, regionName, type ReferenceData } from './reference-data.js';

export interface FacetsOptions {
  filters: CatalogFilters;
  /** The counts of the last search (kept while the next one loads). */
  facets: ProductFacets | undefined;
  reference: ReferenceData | undefined;
  locale: SmecLocale;
  /** Whether the panel is unfolded in a narrow column (in a wide one it always is). */
  open: boolean;
  onChange: (patch: Partial<CatalogFilters>) => void;
  onClear: () => void;
  onToggle: () => void;
}

type CountOf = (value: string) => number | undefined;

function counter(counts: readonly FacetCount[] | undefined): CountOf | undefined {
  if (!counts) return undefined;
  const map = new Map(counts.map((entry) => [entry.value, entry.count]));
  // A value missing from the facet matches nothing under the other filters.
  return (value) => map.get(value) ?? 0;
}

function withCount(label: string, count: number | undefined, locale: SmecLocale): string {
  return count === undefined ? label : `${label} (${formatNumber(count, locale)})`;
}

export function priceBandLabel(key: PriceBandKey): string {
  const band = PRICE_BANDS.find((candidate) => candidate.key === key);
  if (!band || band.key === 'free') return msg('免费', { id: 'price.free' });
  if (band.max === null) return msg(str`${formatMoney(band.min)} 以上`, { id: 'price.band.over' });
  if (band.min <= 1) return msg(str`${formatMoney(band.max)} 以下`, { id: 'price.band.under' });
  return msg(str`${formatMoney(band.min)} – ${formatMoney(band.max)}`, { id: 'price.band.between' });
}

function renderCategories({ filters, facets, reference, locale, onChange }: FacetsOptions): TemplateResult {
  const count = counter(facets?.categories);
  const ids = reference?.categories.map((category) => category.id) ?? facets?.categories.map((entry) => entry.value);
  const change = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    onChange({ category: isCategoryId(value) ? value : undefined });
  };
  return html`<fieldset class="facet">
    <legend>${msg('服务类别', { id: 'facet.category' })}</legend>
    <label class="option"
      ><input type="radio" name="category" value="" .checked=${!filters.category} @change=${change} />
      ${msg('全部类别', { id: 'facet.category.all' })}</label
    >
    ${
      ids
        ? ids.map(
            (id) =>
              html`<label class="option"
                ><input
                  type="radio"
                  name="category"
                  .value=${id}
                  .checked=${filters.category === id}
                  @change=${change}
                />
                ${withCount(categoryName(id, reference?.categories, locale), count?.(id), locale)}</label
              >`,
          )
        : renderSkeleton()
    }
  </fieldset>`;
}

function renderRegions({ filters, facets, reference, locale, onChange }: FacetsOptions): TemplateResult {
  const city = cityOf(filters.region);
  const facetCodes = new Set(facets?.regions.map((entry) => entry.value));
  const count = counter(facets?.regions);
  const cities = reference?.cities ?? [];
  const counties = city ? countiesOf(reference, city) : [];
  // The region facet counts cities, or the chosen city's counties: show counts only where they are the ones listed.
  const cityCount = cities.some((region) => facetCodes.has(region.code)) ? count : undefined;
  const countyCount = counties.some((region) => facetCodes.has(region.code)) ? count : undefined;
  const county = filters.region !== city ? filters.region : undefined;
  const pick = (event: Event) => onChange({ region: (event.target as HTMLSelectElement).value || undefined });
  const pickCounty = (event: Event) => onChange({ region: (event.target as HTMLSelectElement).value || city });
  return html`<fieldset class="facet">
    <legend>${msg('地区', { id: 'facet.region' })}</legend>
    <label class="select-label" for="smec-city">${msg('地市', { id: 'facet.region.city' })}</label>
    <select id="smec-city" @change=${pick}>
      <option value="" .selected=${!city}>${msg('全省', { id: 'facet.region.all' })}</option>
      ${cities.map(
        (region) =>
          html`<option value=${region.code} .selected=${region.code === city}>
            ${withCount(region.name, cityCount?.(region.code), locale)}
          </option>`,
      )}
      ${
        city && !reference?.regions.has(city)
          ? html`<option value=${city} .selected=${true}>${regionName(reference, city)}</option>`
          : nothing
      }
    </select>
    ${
      city && counties.length
        ? html`<label class="select-label" for="smec-county">${msg('区县', { id: 'facet.region.county' })}</label>
            <select id="smec-county" @change=${pickCounty}>
              <option value="" .selected=${!county}>
                ${msg(str`${regionName(reference, city)}全部区县`, { id: 'facet.region.countyAll' })}
              </option>
              ${counties.map(
                (region) =>
                  html`<option value=${region.code} .selected=${region.code === county}>
                    ${withCount(region.name, countyCount?.(region.code), locale)}
                  </option>`,
              )}
            </select>`
        : nothing
    }
  </fieldset>`;
}

function renderServiceTerms({ filters, facets, locale, onChange }: FacetsOptions): TemplateResult {
  return html`<fieldset class="facet">
    <legend>${msg('服务券与公益服务', { id: 'facet.terms' })}</legend>
    <label class="option"
      ><input
        type="checkbox"
        .checked=${filters.voucherEligible}
        @change=${(event: Event) => onChange({ voucherEligible: (event.target as HTMLInputElement).checked })}
      />
      ${withCount(msg('可用服务券', { id: 'badge.voucher' }), facets?.voucherEligible, locale)}</label
    >
    <label class="option"
      ><input
        type="checkbox"
        .checked=${filters.free}
        @change=${(event: Event) => onChange({ free: (event.target as HTMLInputElement).checked })}
      />
      ${withCount(msg('免费（公益）服务', { id: 'facet.free' }), facets?.free, locale)}</label
    >
  </fieldset>`;
}

function renderPrices({ filters, facets, locale, onChange }: FacetsOptions): TemplateResult {
  const count = (key: string) => facets?.priceBands.find((band) => band.key === key)?.count ?? (facets ? 0 : undefined);
  const change = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    onChange({ price: isPriceBand(value) ? value : undefined });
  };
  return html`<fieldset class="facet">
    <legend>${msg('价格', { id: 'facet.price' })}</legend>
    <label class="option"
      ><input type="radio" name="price" value="" .checked=${!filters.price} @change=${change} />
      ${msg('不限', { id: 'facet.price.all' })}</label
    >
    ${PRICE_BANDS.map(
      (band) =>
        html`<label class="option"
          ><input
            type="radio"
            name="price"
            .value=${band.key}
            .checked=${filters.price === band.key}
            @change=${change}
          />
          ${withCount(priceBandLabel(band.key), count(band.key), locale)}</label
        >`,
    )}
  </fieldset>`;
}

/**
 * The filter panel: a fieldset with a legend per facet, each option with its count, and a way back to everything.
 * In a narrow column it folds away behind a toggle button, so that the results are not pushed off the screen.
 */
export function renderFacets(options: FacetsOptions): TemplateResult {
  const active = hasFilters(options.filters);
  return html`<aside part="facets" class="facets" aria-labelledby="smec-facets-title">
    <h2 id="smec-facets-title" class="facets-title">
      <span class="facets-label">${msg('筛选', { id: 'facet.title' })}</span>
      <button
        type="button"
        class="button facets-toggle"
        aria-expanded=${options.open ? 'true' : 'false'}
        aria-controls="smec-facets-body"
        @click=${options.onToggle}
      >
        ${active ? msg('筛选（已启用）', { id: 'facet.toggle.active' }) : msg('筛选', { id: 'facet.title' })}
      </button>
    </h2>
    <div id="smec-facets-body" class=${options.open ? 'facets-body open' : 'facets-body'}>
      ${renderCategories(options)} ${renderRegions(options)} ${renderServiceTerms(options)} ${renderPrices(options)}
      <button
        type="button"
        part="clear-button"
        class="button"
        aria-disabled=${active ? 'false' : 'true'}
        @click=${() => active && options.onClear()}
      >
        ${msg('清除筛选', { id: 'facet.clear' })}
      </button>
    </div>
  </aside>`;
}
