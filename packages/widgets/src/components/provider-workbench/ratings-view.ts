import type { FollowUpStatus, Grade, Rating, RatingItem, SatisfactionLevel } from '@smec/schemas';
import { RATING_ITEMS, shanghaiDayOf } from '@smec/schemas/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str, type SmecLocale } from '../../i18n/localization.js';
import { formatDate, formatNumber, formatScore } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { ratingsShown, RATINGS_PAGE } from './rating-values.js';
import { awaitsAnswer, type WorkbenchSummary } from './required-actions.js';
import type { ViewContext, ViewHost, WorkbenchViewPart } from './view-context.js';
import { viewStyles } from './views.styles.js';
import { workingDaysUntil } from '../../workbench/working-days.js';

function itemName(item: RatingItem): string {
  switch (item) {
    case 'attitude':
      return msg('服务态度', { id: 'workbench.rating.item.attitude' });
    case 'expertise':
      return msg('专业能力', { id: 'workbench.rating.item.expertise' });
    case 'conduct':
      return msg('服务规范', { id: 'workbench.rating.item.conduct' });
    case 'fulfilment':
      return msg('履约情况', { id: 'workbench.rating.item.fulfilment' });
    case 'quality':
      return msg('交付质量', { id: 'workbench.rating.item.quality' });
    case 'value':
      return msg('性价比', { id: 'workbench.rating.item.value' });
    case 'usefulness':
      return msg('服务成效', { id: 'workbench.rating.item.usefulness' });
    case 'afterSales':
      return msg('售后服务', { id: 'workbench.rating.item.afterSales' });
  }
}

function levelName(level: SatisfactionLevel): string {
  switch (level) {
    case 'verySatisfied':
      return msg('非常满意', { id: 'workbench.rating.level.verySatisfied' });
    case 'satisfied':
      return msg('满意', { id: 'workbench.rating.level.satisfied' });
    case 'neutral':
      return msg('一般', { id: 'workbench.rating.level.neutral' });
    case 'dissatisfied':
      return msg('不满意', { id: 'workbench.rating.level.dissatisfied' });
    case 'veryDissatisfied':
      return msg('非常不满意', { id: 'workbench.rating.level.veryDissatisfied' });
  }
}

function followUpName(status: FollowUpStatus): string {
  switch (status) {
    case 'open':
      return msg('回访待答复', { id: 'workbench.rating.followUp.open' });
    case 'reopened':
      return msg('企业重新打开了回访，待答复', { id: 'workbench.rating.followUp.reopened' });
    case 'answered':
      return msg('已答复，待企业确认', { id: 'workbench.rating.followUp.answered' });
    case 'closed':
      return msg('回访已关闭', { id: 'workbench.rating.followUp.closed' });
  }
}

function scoreText(score: number, grade: Grade, locale: SmecLocale): string {
  const value = formatNumber(score, locale);
  return msg(str`${value} 分 · ${grade} 级`, { id: 'workbench.rating.score' });
}

/** As the catalog writes a provider's rating: 「92.4 分（满分 100，35 条评价）」, or 「暂无评价」. */
function averageText(summary: WorkbenchSummary, locale: SmecLocale): string {
  const { count, averageScore } = summary.account.profile.rating;
  if (count === 0 || averageScore === null) return msg('暂无评价', { id: 'workbench.ratings.none' });
  const score = formatScore(averageScore, locale);
  const total = formatNumber(count, locale);
  return msg(str`${score} 分（满分 100，${total} 条评价）`, { id: 'workbench.ratings.average' });
}

/** The ratings the provider received, newest first and a page at a time, each bad one with its follow-up. */
class RatingsView implements WorkbenchViewPart {
  private pages = 1;

  constructor(
    private readonly host: ViewHost,
    private readonly context: ViewContext,
  ) {}

  private more(firstNew: number): void {
    this.pages += 1;
    this.host.requestUpdate();
    // The first rating the button brought, so that a keyboard goes on reading where the list grew.
    this.context.focus(`.rating-list > li:nth-child(${firstNew + 1}) h4`);
  }

  private renderFollowUp(rating: Rating): TemplateResult {
    const followUp = rating.followUp!;
    const locale = this.context.locale();
    const waiting = awaitsAnswer(rating);
    const left = workingDaysUntil(shanghaiDayOf(Date.now()), followUp.dueOn);
    // Noon of the due day in Beijing, so that no time zone moves it to another day.
    const dueDate = formatDate(`${followUp.dueOn}T12:00:00+08:00`, locale);
    return html`<div part="rating-follow-up" class=${waiting ? 'notice' : 'muted'} data-follow-up=${followUp.status}>
      <p><strong>${followUpName(followUp.status)}</strong></p>
      ${
        waiting
          ? html`<p class=${left <= 3 ? 'missing' : ''}>
                ${msg(str`请于 ${dueDate} 前答复`, { id: 'workbench.followUp.due' })}
                (${
                  left < 0
                    ? msg('已逾期', { id: 'workbench.followUp.overdue' })
                    : msg(str`还剩 ${left} 个工作日`, { id: 'workbench.followUp.left' })
                })
              </p>
              <button
                type="button"
                part="go-answer-button"
                class="link-button"
                @click=${() => this.context.show('engagements', `#smec-answer-${rating.id}`)}
              >
                ${msg('去答复', { id: 'workbench.rating.goAnswer' })}
              </button>`
          : nothing
      }
    </div>`;
  }

  private renderRating(rating: Rating, productName: string): TemplateResult {
    const locale = this.context.locale();
    return html`<li part="rating" class="card" data-rating-id=${rating.id}>
      <div class="card-head">
        <h4 tabindex="-1">${productName}</h4>
        <span part="badge" class="badge">${scoreText(rating.score, rating.grade, locale)}</span>
      </div>
      <p>
        ${levelName(rating.level)} · <time datetime=${rating.createdAt}>${formatDate(rating.createdAt, locale)}</time>
      </p>
      <dl class="items">
        ${RATING_ITEMS.map(
          ([item, max]) =>
            html`<div>
              <dt>${itemName(item)}</dt>
              <dd>${formatNumber(rating.scores[item], locale)} / ${formatNumber(max, locale)}</dd>
            </div>`,
        )}
      </dl>
      <p class=${rating.comment ? '' : 'muted'}>
        ${rating.comment || msg('企业未留下文字评价。', { id: 'workbench.rating.noComment' })}
      </p>
      ${rating.followUp ? this.renderFollowUp(rating) : nothing}
    </li>`;
  }

  render(): unknown {
    adoptViewStyles(this.host, viewStyles);
    const summary = this.context.summary();
    const locale = this.context.locale();
    const names = new Map(summary.engagements.map((engagement) => [engagement.id, engagement.productName]));
    const products = new Map(summary.products.map((product) => [product.id, product.name]));
    const { shown, more } = ratingsShown(summary.ratings, this.pages);
    return html`<p part="rating-average" class="average">
        <strong>${msg('平均得分', { id: 'workbench.ratings.averageLabel' })}</strong>
        ${averageText(summary, locale)}
      </p>
      ${
        shown.length === 0
          ? html`<p class="muted">${msg('还没有收到评价。', { id: 'workbench.ratings.empty' })}</p>`
          : html`<ol class="cards rating-list">
              ${shown.map((rating) =>
                this.renderRating(rating, names.get(rating.engagementId) ?? products.get(rating.productId) ?? ''),
              )}
            </ol>`
      }
      ${
        more
          ? html`<div class="actions">
              <button type="button" part="more-button" class="button" @click=${() => this.more(shown.length)}>
                ${msg(str`显示更多评价（每次 ${RATINGS_PAGE} 条）`, { id: 'workbench.ratings.more' })}
              </button>
            </div>`
          : nothing
      }`;
  }
}

export function createView(host: ViewHost, context: ViewContext): WorkbenchViewPart {
  return new RatingsView(host, context);
}
