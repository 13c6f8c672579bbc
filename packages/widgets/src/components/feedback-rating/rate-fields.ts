import { msg, str } from '../../i18n/localization.js';
import type { RatingItem, SatisfactionLevel } from '@smec/schemas';
import { COMMENT_MAX, SATISFACTION_LEVELS, textLength } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../internal/format.js';
import { itemName, itemValueText, levelName, pointLabel } from './rating-texts.js';

/** The id of a field's first control, or of its error (`-error`), inside the shadow root. */
export function fieldId(name: string): string {
  return `smec-fr-${name}`;
}

function renderError(name: string, error: string | undefined) {
  return error
    ? html`<p id="${fieldId(name)}-error" part="field-error" class="field-error">
        <span class="sr-only">${msg('错误：', { id: 'demand.errorPrefix' })}</span>${error}
      </p>`
    : nothing;
}

export interface ItemOptions {
  item: RatingItem;
  max: number;
  value: number | undefined;
  error: string | undefined;
  locale: string;
}

/**
 * One scored item: a native radio group with one radio per point value (0 to the item's most), drawn as a row of
 * stars. Being native radios, the arrow keys move through the points and Tab leaves the group.
 */
export function renderItem({ item, max, value, error, locale }: ItemOptions): TemplateResult {
  const points = Array.from({ length: max + 1 }, (_, index) => index);
  const describedBy = error ? `${fieldId(item)}-error` : undefined;
  return html`<fieldset part="item" class=${error ? 'item field-invalid' : 'item'} data-item=${item}>
    <legend>
      ${itemName(item)}
      <span class="muted">${msg(str`（满分 ${formatNumber(max, locale)} 分）`, { id: 'feedback.itemMax' })}</span>
    </legend>
    ${renderError(item, error)}
    <div class="stars">
      ${points.map(
        (point) =>
          html`<label class=${starClass(point, value)}>
            <input
              id=${point === 0 ? fieldId(item) : nothing}
              type="radio"
              name=${item}
              .value=${String(point)}
              .checked=${value === point}
              aria-label=${pointLabel(item, point, max, locale)}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy ?? nothing}
            /><span class="glyph" aria-hidden="true">${point === 0 ? '0' : '★'}</span>
          </label>`,
      )}
      <span class="item-value" aria-hidden="true">${itemValueText(value, max, locale)}</span>
    </div>
  </fieldset>`;
}

function starClass(point: number, value: number | undefined): string {
  if (point === 0) return value === 0 ? 'star zero on' : 'star zero';
  return value !== undefined && point <= value ? 'star on' : 'star';
}

export function renderLevel(value: SatisfactionLevel | undefined, error: string | undefined): TemplateResult {
  return html`<fieldset part="level" class=${error ? 'choice-group field-invalid' : 'choice-group'}>
    <legend>${msg('总体满意度', { id: 'feedback.level' })}</legend>
    ${renderError('level', error)}
    <div class="choices">
      ${SATISFACTION_LEVELS.map(
        (level, index) =>
          html`<label class="choice">
            <input
              id=${index === 0 ? fieldId('level') : nothing}
              type="radio"
              name="level"
              .value=${level}
              .checked=${value === level}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${fieldId('level')}-error` : nothing}
            /><span>${levelName(level)}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

export function renderSolved(value: boolean | undefined, error: string | undefined): TemplateResult {
  const options = [
    [true, msg('已解决', { id: 'feedback.solved.yes' })],
    [false, msg('未解决', { id: 'feedback.solved.no' })],
  ] as const;
  return html`<fieldset part="solved" class=${error ? 'choice-group field-invalid' : 'choice-group'}>
    <legend>${msg('问题是否已解决', { id: 'feedback.solved' })}</legend>
    ${renderError('solved', error)}
    <div class="choices">
      ${options.map(
        ([solved, label]) =>
          html`<label class="choice">
            <input
              id=${solved ? fieldId('solved') : nothing}
              type="radio"
              name="solved"
              .value=${solved ? 'yes' : 'no'}
              .checked=${value === solved}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${fieldId('solved')}-error` : nothing}
            /><span>${label}</span>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

/** 「还可输入 N 字」, or 「已超出 N 字」 past the limit; graphemes, as a person counts them. */
export function counterText(comment: string, locale: string): string {
  const left = COMMENT_MAX - textLength(comment);
  if (left >= 0) return msg(str`还可输入 ${formatNumber(left, locale)} 字`, { id: 'feedback.comment.left' });
  return msg(str`已超出 ${formatNumber(-left, locale)} 字`, { id: 'feedback.comment.over' });
}

export function renderComment(value: string, error: string | undefined, locale: string): TemplateResult {
  const over = textLength(value) > COMMENT_MAX;
  const counterId = `${fieldId('comment')}-count`;
  const describedBy = [`${fieldId('comment')}-hint`, ...(error ? [`${fieldId('comment')}-error`] : []), counterId];
  return html`<div part="field" class=${error ? 'field field-invalid' : 'field'}>
    <label for=${fieldId('comment')}
      >${msg('评价内容', { id: 'feedback.comment' })}
      <span class="muted">${msg('（选填）', { id: 'demand.optional' })}</span></label
    >
    <p id="${fieldId('comment')}-hint" class="hint">
      ${msg('说说服务的过程和效果，最多 200 字。评价将匿名公开。', { id: 'feedback.comment.hint' })}
    </p>
    ${renderError('comment', error)}
    <textarea
      id=${fieldId('comment')}
      name="comment"
      rows="4"
      .value=${value}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy.join(' ')}
    ></textarea>
    <p id=${counterId} part="counter" class=${over ? 'counter counter-over' : 'counter'}>
      ${counterText(value, locale)}
    </p>
  </div>`;
}
