import type { PublicNotice, ServiceCategory } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { formatDate, formatList, formatNumber } from '../../internal/format.js';

/** A day of the notice (`2026-12-10`) in the visitor's words, as Shanghai's calendar has it. */
export function formatDay(day: string, locale: string): string {
  return formatDate(`${day}T12:00:00+08:00`, locale);
}

/** A category's name in the visitor's language: the notice's Chinese one until the English names arrive. */
function categoryNames(notice: PublicNotice, categories: readonly ServiceCategory[], locale: SmecLocale): string {
  const names = notice.categories.map(({ id, name }) => {
    const known = locale === 'en' ? categories.find((category) => category.id === id) : undefined;
    return known?.nameEn ?? name;
  });
  return formatList(names, locale);
}

export interface NoticeItemView {
  notice: PublicNotice;
  categories: readonly ServiceCategory[];
  locale: SmecLocale;
  onObject(notice: PublicNotice): void;
}

/** One applicant under notice: who, what it offers, where, until when, and how many objections it has drawn. */
export function renderNoticeItem({ notice, categories, locale, onObject }: NoticeItemView): TemplateResult {
  const titleId = `smec-pn-title-${notice.id}`;
  return html`<li part="item" class="item" data-notice-id=${notice.id} aria-labelledby=${titleId}>
    <h3 class="item-title" id=${titleId} part="item-title">${notice.name}</h3>
    <dl class="facts">
      <div>
        <dt>${msg('统一社会信用代码', { id: 'notice.uscc' })}</dt>
        <dd part="uscc" class="uscc">${notice.uscc}</dd>
      </div>
      <div>
        <dt>${msg('服务类别', { id: 'notice.categories' })}</dt>
        <dd>${categoryNames(notice, categories, locale)}</dd>
      </div>
      <div>
        <dt>${msg('所在地区', { id: 'notice.region' })}</dt>
        <dd>${notice.region.name}</dd>
      </div>
      <div>
        <dt>${msg('公示截止', { id: 'notice.endsOn' })}</dt>
        <dd part="ends-on">
          <time datetime=${notice.endsOn}>${formatDay(notice.endsOn, locale)}</time>
        </dd>
      </div>
      <div>
        <dt>${msg('已收到异议', { id: 'notice.objections' })}</dt>
        <dd part="objection-count">
          ${msg(str`${formatNumber(notice.objectionCount, locale)} 件`, { id: 'notice.objections.count' })}
        </dd>
      </div>
    </dl>
    <button
      type="button"
      part="object-button"
      class="button"
      id="smec-pn-object-${notice.id}"
      aria-describedby=${titleId}
      @click=${() => onObject(notice)}
    >
      ${msg('提出异议', { id: 'notice.object' })}
    </button>
  </li>`;
}
