import type { Center } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../../i18n/localization.js';
import { formatDate, formatNumber } from '../../internal/format.js';
import { levelName, orgFormName, setupName, shortfallText } from './center-texts.js';

/** A website as the platform stores it, made into a link only when it is http(s). */
function safeWebsite(website: string | null): string | undefined {
  return website && /^https?:\/\//i.test(website) ? website : undefined;
}

function renderRequirements(center: Center, locale: string): TemplateResult {
  const { met, shortfalls } = center.requirements;
  if (met) {
    return html`<p part="badge" class="badge met">${msg('符合基本要求', { id: 'centerDir.met' })}</p>`;
  }
  return html`<div class="requirements">
    <p part="badge" class="badge unmet">${msg('未达基本要求', { id: 'centerDir.unmet' })}</p>
    <ul part="shortfalls" class="shortfalls">
      ${shortfalls.map((shortfall) => html`<li>${shortfallText(shortfall, locale)}</li>`)}
    </ul>
  </div>`;
}

/** One center's card: who it is, how it was set up, how to reach it, its means and the basic-requirement check. */
export function renderCenterCard(center: Center, locale: string): TemplateResult {
  const website = safeWebsite(center.website);
  const number = (value: number) => formatNumber(value, locale);
  return html`<li part="card" class="card" data-center-id=${center.id}>
    <h3 class="name" id="smec-cd-name-${center.id}" tabindex="-1">${center.name}</h3>
    <p part="meta" class="meta">
      <span class="tag">${levelName(center.level)}</span>
      <span>${center.regionName}</span>
      <span>${orgFormName(center.orgForm)}</span>
    </p>
    ${renderRequirements(center, locale)}
    <dl part="details" class="details">
      <dt>${msg('设立方式', { id: 'centerDir.setup' })}</dt>
      <dd>${setupName(center.setup)}（${center.setupDocument}，${formatDate(center.establishedOn, locale)}）</dd>
      <dt>${msg('地址', { id: 'centerDir.address' })}</dt>
      <dd>${center.address}</dd>
      <dt>${msg('电话', { id: 'centerDir.phone' })}</dt>
      <dd><a part="phone" href="tel:${center.phone.replace(/[^\d+]/g, '')}">${center.phone}</a></dd>
      ${
        website
          ? html`<dt>${msg('网站', { id: 'centerDir.website' })}</dt>
              <dd><a part="website" href=${website} target="_blank" rel="noopener">${website}</a></dd>`
          : nothing
      }
      <dt>${msg('开放时间', { id: 'centerDir.hours' })}</dt>
      <dd>${center.openingHours}</dd>
      <dt>${msg('场地与人员', { id: 'centerDir.means' })}</dt>
      <dd>
        ${msg(
          str`场地 ${number(center.floorArea)} 平方米 · 专职人员 ${number(center.staffCount)} 人 · 中级以上职称或本科以上学历 ${center.qualifiedShare}%`,
          { id: 'centerDir.means.value' },
        )}
      </dd>
    </dl>
  </li>`;
}
