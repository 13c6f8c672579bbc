// The network's coverage for a year: the province against the year's target, a tile map of the 21 cities and the
// same figures in a table. A tile says in words whether its city meets the target, so colour is never the only cue.
import type { CityCoverage, Coverage } from '@smec/schemas';
import { html, type nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { msg, str } from '../../i18n/localization.js';
import { formatList, formatNumber } from '../../internal/format.js';
import { shortCityName } from './center-texts.js';
import { CITY_TILES } from './city-tiles.js';

/** The first year the policy's network existed; the year select starts here. */
export const FIRST_YEAR = 2016;

export function yearsUpTo(current: number): number[] {
  const years: number[] = [];
  for (let year = Math.max(current, FIRST_YEAR); year >= FIRST_YEAR; year--) years.push(year);
  return years;
}

function targetText(coverage: Coverage): string {
  const { target } = coverage;
  if (target.kind === 'everyCity') return msg('目标：每个地级市都建有服务中心', { id: 'centerDir.target.everyCity' });
  if (target.kind === 'shareAbove') {
    return msg(str`目标：省、市、县三级服务中心覆盖率超过 ${target.share ?? 0}%`, { id: 'centerDir.target.share' });
  }
  return msg('当年未设覆盖目标', { id: 'centerDir.target.none' });
}

function verdict(meets: boolean | null): string {
  if (meets === null) return '—';
  return meets ? msg('达标', { id: 'centerDir.meets' }) : msg('未达标', { id: 'centerDir.misses' });
}

function verdictClass(meets: boolean | null): string {
  if (meets === null) return 'none';
  return meets ? 'meets' : 'misses';
}

function renderProvince(coverage: Coverage, locale: string): TemplateResult {
  const { province } = coverage;
  const number = (value: number) => formatNumber(value, locale);
  return html`<div part="province" class="province">
    <p class="figure-line">
      ${msg(
        str`全省 ${number(province.regions)} 个省、市、县中已有 ${number(province.covered)} 个建成服务中心，覆盖率 ${province.share}%；${number(province.cities)} 个地市中 ${number(province.citiesCovered)} 个建有市级中心。`,
        { id: 'centerDir.province' },
      )}
    </p>
    <p class="figure-line">
      <span>${targetText(coverage)}</span>
      <strong class="verdict ${verdictClass(province.meetsTarget)}">${verdict(province.meetsTarget)}</strong>
    </p>
    <p class="basis">${coverage.basis}</p>
  </div>`;
}

function renderTile(city: CityCoverage, selected: boolean, onPick: (code: string) => void): TemplateResult {
  const [column, row] = CITY_TILES[city.regionCode] ?? [0, 0];
  const place = column ? { gridColumn: String(column), gridRow: String(row) } : {};
  return html`<li class="tile-cell" style=${styleMap(place)}>
    <button
      type="button"
      part="tile"
      class="tile ${verdictClass(city.meetsTarget)}"
      data-region=${city.regionCode}
      aria-pressed=${selected ? 'true' : 'false'}
      @click=${() => onPick(city.regionCode)}
    >
      <span class="tile-name">${shortCityName(city.name)}</span>
      <span class="tile-share">${city.share}%</span>
      <span class="tile-verdict">${verdict(city.meetsTarget)}</span>
    </button>
  </li>`;
}

function renderTable(coverage: Coverage, locale: string): TemplateResult {
  const number = (value: number) => formatNumber(value, locale);
  return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="smec-cd-table-caption">
    <table part="coverage-table">
      <caption id="smec-cd-table-caption">
        ${msg(str`${coverage.year} 年各地市服务中心覆盖情况`, { id: 'centerDir.table.caption' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('地市', { id: 'centerDir.table.city' })}</th>
          <th scope="col">${msg('地区数', { id: 'centerDir.table.regions' })}</th>
          <th scope="col">${msg('已建中心', { id: 'centerDir.table.covered' })}</th>
          <th scope="col">${msg('覆盖率', { id: 'centerDir.table.share' })}</th>
          <th scope="col">${msg('是否达标', { id: 'centerDir.table.meets' })}</th>
          <th scope="col">${msg('未建中心的地区', { id: 'centerDir.table.uncovered' })}</th>
        </tr>
      </thead>
      <tbody>
        ${coverage.cities.map(
          (city) =>
            html`<tr data-region=${city.regionCode}>
              <th scope="row">${city.name}</th>
              <td>${number(city.regions)}</td>
              <td>${number(city.covered)}</td>
              <td>${city.share}%</td>
              <td>${verdict(city.meetsTarget)}</td>
              <td>
                ${
                  city.uncovered.length
                    ? formatList(
                        city.uncovered.map((region) => region.name),
                        locale,
                      )
                    : msg('无', { id: 'centerDir.table.none' })
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function renderCoverage(options: {
  coverage: Coverage | undefined;
  year: number;
  years: readonly number[];
  selectedCity: string;
  locale: string;
  placeholder: TemplateResult | typeof nothing;
  onYear: (year: number) => void;
  onPick: (code: string) => void;
}): TemplateResult {
  const { coverage, locale } = options;
  return html`<section part="coverage" class="coverage" aria-labelledby="smec-cd-coverage-heading">
    <h3 id="smec-cd-coverage-heading">${msg('服务中心覆盖情况', { id: 'centerDir.coverage.heading' })}</h3>
    <div class="field year-field">
      <label for="smec-cd-year">${msg('年份', { id: 'centerDir.year' })}</label>
      <select
        id="smec-cd-year"
        part="year-select"
        @change=${(event: Event) => options.onYear(Number((event.target as HTMLSelectElement).value))}
      >
        ${options.years.map(
          (year) =>
            html`<option value=${year} ?selected=${year === options.year}>
              ${msg(str`${year} 年`, { id: 'centerDir.yearOption' })}
            </option>`,
        )}
      </select>
    </div>
    ${
      coverage
        ? html`${renderProvince(coverage, locale)}
            <p class="map-hint" id="smec-cd-map-hint">
              ${msg('点击地市查看当地的服务中心', { id: 'centerDir.map.hint' })}
            </p>
            <ul
              part="tile-map"
              class="tile-map"
              aria-label=${msg('各地市覆盖率', { id: 'centerDir.map.label' })}
              aria-describedby="smec-cd-map-hint"
            >
              ${coverage.cities.map((city) => renderTile(city, city.regionCode === options.selectedCity, options.onPick))}
            </ul>
            ${renderTable(coverage, locale)}`
        : options.placeholder
    }
  </section>`;
}
