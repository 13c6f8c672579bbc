import { TaskStatus } from '@lit/task';
import type { FiledObjection, PublicNotice, PublicNoticePage } from '@smec/schemas';
import { isSmecConflictError, type TokenProvider } from '@smec/sdk/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActionController } from '../../controllers/action-controller.js';
import { ClientController } from '../../controllers/client-controller.js';
import { FocusController } from '../../controllers/focus-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { SmecObjectionSubmitEvent } from '../../events/objection-submit-event.js';
import { fieldId } from '../../forms/field-view.js';
import { renderSubmitMessage } from '../../forms/submit-view.js';
import { msg, str } from '../../i18n/localization.js';
import type { SmecClient } from '../../internal/client.js';
import { formatNumber } from '../../internal/format.js';
import { SmecElement } from '../../internal/smec-element.js';
import { skeletonStyles } from '../../styles/skeleton.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { loadingText, renderEmpty } from '../../views/status-view.js';
import { PAGE_SIZE, fileObjection, loadCategories, loadNotices } from './notice-api.js';
import { renderNoticeItem } from './notice-item.js';
import {
  EMPTY_OBJECTION,
  OBJECTION_FIELDS,
  checkObjectionField,
  isObjectionField,
  objectionFieldOfPath,
  toObjectionInput,
  type ObjectionField,
  type ObjectionValues,
} from './objection-fields.js';
import { renderObjectionFields, renderObjectionHeading } from './objection-form.js';
import { renderConfirmation, renderNoticeEnded } from './objection-result.js';
import { prepareValidation, problemText, renderSummary, type ObjectionProblem } from './objection-validation.js';
import styles from './public-notice.styles.js';

type Problems = Partial<Record<ObjectionField, ObjectionProblem>>;
/** Writing an objection; it failed (the message under the form); the notice had ended (409); it was accepted. */
type Phase = 'editing' | 'failed' | 'ended' | 'done';

/**
 * @summary The public notice (公示) of the applicants a service center approved to join the network, and an
 * objection (异议) to one of them, with no account needed.
 *
 * Each applicant under notice shows its name, unified social credit code, categories, region, the last day of its
 * notice and how many objections it has drawn, soonest end first. 「提出异议」 opens a short form (name, mobile,
 * reason) checked as the visitor goes with the platform's own rules; a failed submit shows an error summary that
 * takes the focus, and the platform's refusals appear next to their fields with what was typed kept. One objection
 * keeps one Idempotency-Key across its retries, so a double click or a retry after a network failure never files a
 * second one. The visitor gets the objection's number when the platform has accepted it.
 *
 * @attribute lang - The language of the texts: zh-CN (default), en or zh-HK. Without it, the nearest ancestor's `lang`.
 * @attribute care - Care mode (适老化): text of at least 18 px, targets of at least 44 × 44 px, colours of at least 7:1. Without it, on while an ancestor (a `<smec-root>`, `<html>`) has `care`.
 *
 * @fires smec-objection-submit - {SmecObjectionSubmitEvent} The platform accepted a visitor's objection.
 * @fires smec-error - {SmecErrorEvent} The list or an objection failed (the widget shows it too).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The heading.
 * @csspart status - The live region: loading, the number of applicants under notice.
 * @csspart list - The list of applicants under notice.
 * @csspart item - One applicant.
 * @csspart item-title - Its name.
 * @csspart uscc - Its unified social credit code.
 * @csspart ends-on - The last day of its notice.
 * @csspart objection-count - How many objections it has drawn.
 * @csspart object-button - 「提出异议」.
 * @csspart more-button - Loads the next page.
 * @csspart empty - 「目前没有公示中的机构」.
 * @csspart error - An error message box.
 * @csspart retry-button - The retry button of an error box or a failed submission.
 * @csspart form-heading - The heading of the objection form.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart field - One field: label, hint, error and control.
 * @csspart counter - The reason's character count.
 * @csspart submit-button - Sends the objection.
 * @csspart cancel-button - Back to the list without sending.
 * @csspart submit-error - Why a submission failed (network, rate limit, the notice has ended).
 * @csspart confirmation - The view after an accepted objection.
 * @csspart objection-no - The objection's number.
 * @csspart back-button - Back to the list.
 *
 * @cssproperty --smec-color-primary - Buttons, links and focus rings.
 * @cssproperty --smec-color-on-primary - Text on primary buttons.
 * @cssproperty --smec-color-text - Body text.
 * @cssproperty --smec-color-muted - Secondary text.
 * @cssproperty --smec-color-surface - Background.
 * @cssproperty --smec-color-border - Borders of fields, buttons and items.
 * @cssproperty --smec-color-danger - Error messages.
 * @cssproperty --smec-radius - Corner radius.
 * @cssproperty --smec-space - The base spacing unit.
 * @cssproperty --smec-font-family - Font; by default the host page's.
 */
export class SmecPublicNotice extends SmecElement {
  static override styles = [themeStyles, skeletonStyles, styles];
  static override translations = { en: () => import('./locales/en.js'), 'zh-HK': () => import('./locales/zh-HK.js') };

  private readonly api = new ClientController(this);
  private readonly focusing = new FocusController(this);
  private readonly more = new MoreController<PublicNotice>(this, 'publicNotices.list');
  /** The objection: one Idempotency-Key per body until the platform accepts it. */
  private readonly submission = new ActionController<ObjectionField>(this, objectionFieldOfPath);

  @state() private opened: PublicNotice | undefined;
  @state() private values: ObjectionValues = { ...EMPTY_OBJECTION };
  @state() private problems: Problems = {};
  @state() private summaryShown = false;
  @state() private phase: Phase = 'editing';
  @state() private filed: FiledObjection | undefined;

  /** Base URL of the platform API; default: the platform that served the script. Not used inside `<smec-root>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** An SDK client to use instead of the enclosing root's or one built from `api-base`. */
  @property({ attribute: false }) client?: SmecClient;

  /** Returns the signed-in user's token, for the client this element builds itself (outside `<smec-root>`). */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** How many applicants a page shows (1–100) before 「加载更多」. */
  @property({ attribute: 'page-size', type: Number }) pageSize = PAGE_SIZE;

  /** After how many milliseconds of loading the widget says that loading is slow. */
  @property({ attribute: 'stalled-after', type: Number }) stalledAfter = 3000;

  /** `dark` or `light` to force a colour scheme; by default the visitor's system setting is followed. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly listTask = new LoadTask(this, {
    task: ([client, limit], { signal }): Promise<PublicNoticePage> => loadNotices(client, limit, undefined, signal),
    args: () => [this.api.client, this.limit] as const,
    operation: 'publicNotices.list',
  });

  // English names of the categories (a notice carries the Chinese ones): only fetched for a visitor reading English.
  private readonly categoriesTask = new LoadTask(this, {
    task: ([client, english], { signal }) => (english ? loadCategories(client, signal) : Promise.resolve([])),
    args: () => [this.api.client, this.locale === 'en'] as const,
  });

  private get limit(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(100, Math.max(1, size)) : PAGE_SIZE;
  }

  private get listKey(): string {
    return String(this.limit);
  }

  /** Loads the list again (the retry button does this). */
  refresh(): void {
    this.more.reset();
    void this.listTask.run();
  }

  private async loadMore(): Promise<void> {
    const first = this.listTask.value;
    if (!first) return;
    const before = this.more.shown(this.listKey, first).items.length;
    const [next] = await this.more.more(this.listKey, first, (cursor, signal) =>
      loadNotices(this.api.client, this.limit, cursor, signal),
    );
    // The first new applicant's button takes the focus, so that a keyboard user reads on where the page ended.
    if (next && before > 0) this.focusing.later(`#smec-pn-object-${next.id}`);
  }

  private open(notice: PublicNotice): void {
    // A key still pending stays: the same objection typed again to the same applicant is the same submission.
    this.submission.abort();
    this.opened = notice;
    this.values = { ...EMPTY_OBJECTION };
    this.problems = {};
    this.summaryShown = false;
    this.phase = 'editing';
    this.filed = undefined;
    prepareValidation();
    this.focusing.later('#smec-pn-form-title');
  }

  /** Back to the list, on the button of the applicant the visitor came from; after an objection, counts refreshed. */
  private back(): void {
    const id = this.opened?.id;
    const changed = this.phase === 'done' || this.phase === 'ended';
    this.submission.abort();
    this.opened = undefined;
    this.filed = undefined;
    if (changed) this.refresh();
    if (id) this.focusing.later(`#smec-pn-object-${id}`, () => this.listTask.status === TaskStatus.PENDING);
  }

  private setProblem(field: ObjectionField, key: string | undefined): void {
    const next = { ...this.problems };
    if (key) next[field] = { key };
    else delete next[field];
    this.problems = next;
  }

  private handleInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (!isObjectionField(target.name)) return;
    const field = target.name;
    this.values = { ...this.values, [field]: target.value };
    // A field in error is checked as the visitor corrects it, so the message goes away as soon as it is right.
    if (this.problems[field]) this.setProblem(field, checkObjectionField(field, this.values));
  }

  private handleLeave(event: FocusEvent): void {
    const name = (event.target as HTMLInputElement).name;
    // An empty field just passed through is not wrong yet; it is when the form is sent.
    if (!isObjectionField(name) || (!this.values[name] && !this.problems[name])) return;
    this.setProblem(name, checkObjectionField(name, this.values));
  }

  private focusField(name: string): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(name)}`);
    control?.scrollIntoView?.({ block: 'center' });
    control?.focus();
  }

  private showSummary(): void {
    this.summaryShown = true;
    this.focusing.later('[part~="error-summary"]', () => this.summaryShown);
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    // Once the notice has ended, sending again could only be refused again.
    if (this.submission.busy || this.phase === 'ended') return;
    const problems: Problems = {};
    for (const field of OBJECTION_FIELDS) {
      const key = checkObjectionField(field, this.values);
      if (key) problems[field] = { key };
    }
    this.problems = problems;
    if (Object.keys(problems).length > 0) {
      this.phase = 'editing';
      this.showSummary();
      return;
    }
    this.summaryShown = false;
    this.send();
  }

  /** Sends the objection as it is, with the Idempotency-Key of this very body (a new one only when it changed). */
  private send(): void {
    const notice = this.opened;
    if (!notice || this.submission.busy) return;
    const input = toObjectionInput(this.values);
    this.phase = 'editing';
    void this.submission.run({
      operation: 'publicNotices.object',
      body: JSON.stringify([notice.id, input]),
      send: (call) => fileObjection(this.api.client, notice.id, input, call),
      done: (objection) => this.succeed(notice, objection),
      failed: (error) => this.fail(error),
    });
  }

  private succeed(notice: PublicNotice, objection: FiledObjection): void {
    this.filed = objection;
    this.phase = 'done';
    this.problems = {};
    this.values = { ...EMPTY_OBJECTION };
    this.focusing.later('#smec-pn-done-title');
    this.dispatchEvent(
      new SmecObjectionSubmitEvent({ objectionId: objection.id, noticeId: notice.id, organisationName: notice.name }),
    );
  }

  private fail(error: unknown): void {
    if (isSmecConflictError(error)) {
      this.phase = 'ended';
      this.focusing.later('#smec-pn-ended-title');
      return;
    }
    // On the fields the platform names: the form's own words for the rules it knows, else the platform's.
    const problems: Problems = {};
    for (const [field, refusal] of Object.entries(this.submission.fieldErrors) as [
      ObjectionField,
      { code: string; message: string },
    ][]) {
      problems[field] = { key: refusal.code, serverText: refusal.message };
    }
    if (Object.keys(problems).length > 0) {
      this.problems = problems;
      this.phase = 'editing';
      this.showSummary();
      return;
    }
    this.phase = 'failed';
  }

  // Rendering.

  private statusText(): string {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) return '';
    if (task.status !== TaskStatus.COMPLETE || !task.value) return loadingText(task.stalled);
    const total = task.value.total;
    if (total === 0) return msg('目前没有公示中的机构', { id: 'notice.empty' });
    return msg(str`共 ${formatNumber(total, this.locale)} 家机构正在公示`, { id: 'notice.total' });
  }

  private renderList(): TemplateResult {
    const task = this.listTask;
    if (task.status === TaskStatus.ERROR) {
      return html`<div role="alert">${renderError(task.error, () => this.refresh())}</div>`;
    }
    const first = task.value;
    if (!first) return renderSkeleton();
    if (first.total === 0 && first.items.length === 0) {
      return renderEmpty(
        msg('目前没有公示中的机构。服务中心审核通过的申请会在这里公示 7 天。', { id: 'notice.empty.hint' }),
        'empty',
      );
    }
    const shown = this.more.shown(this.listKey, first);
    const { loading, error } = this.more;
    const categories = this.categoriesTask.value ?? [];
    return html`<ul part="list" class="list" aria-busy=${task.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${shown.items.map((notice) =>
          renderNoticeItem({ notice, categories, locale: this.locale, onObject: (n) => this.open(n) }),
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
              ${loading ? loadingText() : msg('加载更多', { id: 'notice.more' })}
            </button>`
          : nothing
      }`;
  }

  private renderForm(notice: PublicNotice): TemplateResult {
    const busy = this.submission.busy;
    const problem = (field: ObjectionField) => problemText(this, this.problems[field], this.locale);
    const summary = OBJECTION_FIELDS.filter((field) => this.problems[field]).map((field) => ({
      name: field,
      text: problem(field) ?? '',
    }));
    const ended = this.phase === 'ended';
    return html`${renderObjectionHeading(notice, this.locale)}
      ${this.summaryShown ? renderSummary(this, summary, (name) => this.focusField(name)) : nothing}
      <form
        novalidate
        aria-labelledby="smec-pn-form-title"
        @submit=${this.handleSubmit}
        @input=${this.handleInput}
        @focusin=${prepareValidation}
        @focusout=${this.handleLeave}
      >
        ${renderObjectionFields({ notice, values: this.values, locale: this.locale, problem })}
        <div role="status" class="submit-status">
          ${
            ended
              ? renderNoticeEnded(this.submission.error, () => this.back())
              : renderSubmitMessage(busy, this.phase === 'failed', this.submission.error, () => this.send())
          }
        </div>
        <div class="actions">
          <button
            type="submit"
            part="submit-button"
            class="button button-primary"
            aria-disabled=${busy || ended ? 'true' : 'false'}
          >
            ${busy ? msg('正在提交…', { id: 'demand.submitting' }) : msg('提交异议', { id: 'notice.form.submit' })}
          </button>
          <button type="button" part="cancel-button" class="button" @click=${() => this.back()}>
            ${msg('返回公示名单', { id: 'notice.back' })}
          </button>
        </div>
      </form>`;
  }

  override render() {
    const heading = html`<h2 id="smec-pn-heading" part="heading">
      ${msg('服务机构入驻公示', { id: 'notice.heading' })}
    </h2>`;
    const notice = this.opened;
    let body: TemplateResult;
    if (notice && this.phase === 'done' && this.filed) {
      body = renderConfirmation(notice, this.filed, this.locale, () => this.back());
    } else if (notice) {
      body = this.renderForm(notice);
    } else {
      body = html`<p class="muted">
          ${msg('以下机构已通过服务中心审核，正在公示。对其资质或信誉有异议的，可在公示截止前提出。', {
            id: 'notice.intro',
          })}
        </p>
        <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
        ${this.renderList()}`;
    }
    return html`<div part="base" class="base" lang=${this.locale}>${heading}${body}</div>`;
  }
}
