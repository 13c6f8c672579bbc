import { msg, str } from '../../i18n/localization.js';
import type { FollowUp, FollowUpStatus, Rating } from '@smec/schemas';
import { RATING_ITEMS } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from '../../internal/format.js';
import { dueText, itemName, itemValueText, levelName, scoreText } from './rating-texts.js';

function followUpStatusText(status: FollowUpStatus): string {
  switch (status) {
    case 'open':
      return msg('等待服务机构答复', { id: 'feedback.followUp.open' });
    case 'answered':
      return msg('服务机构已答复', { id: 'feedback.followUp.answered' });
    case 'reopened':
      return msg('已重新反馈，等待服务机构答复', { id: 'feedback.followUp.reopened' });
    case 'closed':
      return msg('跟踪已结束', { id: 'feedback.followUp.closed' });
  }
}

function renderFollowUp(followUp: FollowUp, locale: string): TemplateResult {
  const waiting = followUp.status === 'open' || followUp.status === 'reopened';
  return html`<section part="follow-up" class="follow-up" aria-labelledby="smec-fr-follow-up-title">
    <h3 id="smec-fr-follow-up-title">${msg('跟踪回访', { id: 'feedback.followUp' })}</h3>
    <p>${followUpStatusText(followUp.status)}</p>
    ${waiting ? html`<p part="due" class="due">${dueText(followUp.dueOn, locale)}</p>` : nothing}
    ${
      followUp.answers.length > 0
        ? html`<ul class="answers">
            ${followUp.answers.map(
              (answer) =>
                html`<li>
                  <span class="muted"
                    >${msg('服务机构答复', { id: 'feedback.answer' })} · ${formatDate(answer.at, locale)}</span
                  >
                  <p>${answer.text}</p>
                </li>`,
            )}
          </ul>`
        : nothing
    }
  </section>`;
}

/**
 * A rating read-only: right after sending (`sent`: the confirmation, with the follow-up's due date when the rating
 * opened one) or when the engagement was rated before.
 */
export function renderRatingResult(rating: Rating, sent: boolean, locale: string): TemplateResult {
  return html`<section part="confirmation" class="result" aria-labelledby="smec-fr-result-title">
    <h2 id="smec-fr-result-title" tabindex="-1">
      ${sent ? msg('评价已提交，感谢您的反馈', { id: 'feedback.sent' }) : msg('您已评价这项服务', { id: 'feedback.rated' })}
    </h2>
    <p part="score" class="score">${scoreText(rating.score, rating.grade, locale)}</p>
    <p class="muted">${msg(str`评价时间：${formatDate(rating.createdAt, locale)}`, { id: 'feedback.ratedAt' })}</p>
    <dl class="facts">
      ${RATING_ITEMS.map(
        ([item, max]) =>
          html`<div>
            <dt>${itemName(item)}</dt>
            <dd>${itemValueText(rating.scores[item], max, locale)}</dd>
          </div>`,
      )}
      <div>
        <dt>${msg('总体满意度', { id: 'feedback.level' })}</dt>
        <dd>${levelName(rating.level)}</dd>
      </div>
      <div>
        <dt>${msg('问题是否已解决', { id: 'feedback.solved' })}</dt>
        <dd>
          ${rating.solved ? msg('已解决', { id: 'feedback.solved.yes' }) : msg('未解决', { id: 'feedback.solved.no' })}
        </dd>
      </div>
    </dl>
    ${rating.comment ? html`<blockquote class="comment">${rating.comment}</blockquote>` : nothing}
    ${rating.followUp ? renderFollowUp(rating.followUp, locale) : nothing}
  </section>`;
}
