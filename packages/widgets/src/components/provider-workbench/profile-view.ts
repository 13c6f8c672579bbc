import type { ProviderAccount, ProviderAccountPatch, ProviderTimelineEntry } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { APPLICATION_MESSAGES, checkApplicationCategories, checkRegionsServed } from '@smec/schemas/rules';
import { ActionController } from '../../controllers/action-controller.js';
import { renderCheckGroup } from '../../forms/check-group.js';
import { renderErrorSummary } from '../../forms/error-summary.js';
import { fieldId } from '../../forms/field-view.js';
import { renderTextField } from '../../forms/text-field.js';
import { msg } from '../../i18n/localization.js';
import { formatDate } from '../../internal/format.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { categoryName, loadReferenceData, regionName, type ReferenceData } from '../catalog/reference-data.js';
import { renderActionError } from '../../workbench/action-error.js';
import type { ViewContext, ViewHost, WorkbenchViewPart } from './view-context.js';
import { viewStyles } from './views.styles.js';

/** The fields of the profile form; the last three change the provider's identity and go back to review. */
const TEXT_FIELDS = [
  'shortName',
  'address',
  'contact',
  'phone',
  'email',
  'website',
  'name',
  'uscc',
  'legalRepresentative',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type ListField = 'categoryIds' | 'regionsServed';
type Field = TextField | ListField | 'description' | 'acceptsVouchers';
const IDENTITY: readonly TextField[] = ['name', 'uscc', 'legalRepresentative'];

function fieldOf(path: string): Field | undefined {
  const name = path.replace(/^body\./, '').split('.')[0];
  return [...TEXT_FIELDS, 'description', 'acceptsVouchers', 'categoryIds', 'regionsServed'].find(
    (field) => field === name,
  ) as Field | undefined;
}

function label(field: Field): string {
  switch (field) {
    case 'shortName':
      return msg('机构简称', { id: 'workbench.profile.shortName' });
    case 'address':
      return msg('地址', { id: 'workbench.profile.address' });
    case 'contact':
      return msg('联系人', { id: 'workbench.profile.contact' });
    case 'phone':
      return msg('联系电话', { id: 'workbench.profile.phone' });
    case 'email':
      return msg('电子邮箱', { id: 'workbench.profile.email' });
    case 'website':
      return msg('网站', { id: 'workbench.profile.website' });
    case 'name':
      return msg('机构名称', { id: 'workbench.profile.name' });
    case 'uscc':
      return msg('统一社会信用代码', { id: 'workbench.profile.uscc' });
    case 'legalRepresentative':
      return msg('法定代表人', { id: 'workbench.profile.legalRepresentative' });
    case 'description':
      return msg('机构简介', { id: 'workbench.profile.description' });
    case 'acceptsVouchers':
      return msg('接受服务券', { id: 'workbench.profile.acceptsVouchers' });
    case 'categoryIds':
      return msg('服务类别', { id: 'workbench.profile.categories' });
    case 'regionsServed':
      return msg('服务地区', { id: 'workbench.profile.regionsServed' });
  }
}

function timelineText(entry: ProviderTimelineEntry): string {
  switch (entry.action) {
    case 'suspend':
      return msg('服务中心暂停了机构', { id: 'workbench.timeline.suspend' });
    case 'reinstate':
      return msg('服务中心恢复了机构', { id: 'workbench.timeline.reinstate' });
    case 'remove':
      return msg('服务中心将机构移出服务网络', { id: 'workbench.timeline.remove' });
    case 'requestChange':
      return msg('机构申请变更信息', { id: 'workbench.timeline.requestChange' });
    case 'approveChange':
      return msg('服务中心批准了信息变更', { id: 'workbench.timeline.approveChange' });
    case 'refuseChange':
      return msg('服务中心驳回了信息变更', { id: 'workbench.timeline.refuseChange' });
  }
}

type Values = Record<TextField, string> &
  Record<ListField, string[]> & { description: string; acceptsVouchers: boolean };

function valuesOf(account: ProviderAccount): Values {
  const p = account.profile;
  return {
    shortName: p.shortName,
    address: p.address,
    contact: p.contact,
    phone: p.phone,
    email: p.email ?? '',
    website: p.website ?? '',
    name: p.name,
    uscc: p.uscc,
    legalRepresentative: account.legalRepresentative,
    description: p.description,
    acceptsVouchers: p.acceptsVouchers,
    categoryIds: [...p.categoryIds],
    regionsServed: [...account.regionsServed],
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Only what changed is sent: a change of identity goes to review, the rest applies at once. */
function patchOf(values: Values, before: Values): ProviderAccountPatch {
  const patch: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    if (values[field].trim() === before[field]) continue;
    const value = values[field].trim();
    patch[field] = (field === 'email' || field === 'website') && value === '' ? null : value;
  }
  if (values.description !== before.description) patch.description = values.description;
  if (values.acceptsVouchers !== before.acceptsVouchers) patch.acceptsVouchers = values.acceptsVouchers;
  // Categories and regions do not go back to review: the catalog's facets follow them at once.
  for (const field of ['categoryIds', 'regionsServed'] as const)
    if (!sameList(values[field], before[field])) patch[field] = values[field];
  return patch as ProviderAccountPatch;
}

/** The provider's profile: its editable fields, a change of identity waiting for review, its timeline. */
class ProfileView implements WorkbenchViewPart {
  private readonly action: ActionController<Field>;
  private values: Values | undefined;
  private base: ProviderAccount | undefined;
  private reference: ReferenceData | undefined;
  /** The shared rules' refusals of the categories and regions, found before anything is sent. */
  private ruleErrors: Partial<Record<ListField, string>> = {};
  /** The error summary lists the rules' refusals only once the form was sent (GOV.UK). */
  private submitted = false;

  constructor(
    private readonly host: ViewHost,
    private readonly context: ViewContext,
  ) {
    this.action = new ActionController<Field>(host, fieldOf);
    loadReferenceData(context.client(), new AbortController().signal).then(
      (reference) => {
        this.reference = reference;
        host.requestUpdate();
      },
      // The boxes then wait for their names; the rest of the form works.
      () => undefined,
    );
  }

  private checkLists(): boolean {
    const locale = this.context.locale();
    const values = this.values!;
    const before = valuesOf(this.base!);
    // Only a list that is sent is checked: what the account already holds does not stop another change.
    const changed = (field: ListField) => !sameList(values[field], before[field]);
    const categories = changed('categoryIds') ? checkApplicationCategories(values.categoryIds) : undefined;
    const regions = changed('regionsServed') ? checkRegionsServed(values.regionsServed) : undefined;
    this.ruleErrors = {
      ...(categories ? { categoryIds: APPLICATION_MESSAGES[categories][locale] } : {}),
      ...(regions ? { regionsServed: APPLICATION_MESSAGES[regions][locale] } : {}),
    };
    this.host.requestUpdate();
    return Object.keys(this.ruleErrors).length === 0;
  }

  private toggle(field: ListField, value: string, on: boolean, order: readonly string[]): void {
    const chosen = new Set(this.values![field]);
    if (on) chosen.add(value);
    else chosen.delete(value);
    this.set(
      field,
      order.filter((candidate) => chosen.has(candidate)),
    );
    // As the visitor goes: a rule broken shows at once, and goes once it holds again.
    this.checkLists();
  }

  private save(event: Event): void {
    event.preventDefault();
    const account = this.base!;
    this.submitted = true;
    if (!this.checkLists()) {
      this.action.error = undefined;
      this.action.fieldErrors = {};
      this.context.focus('.profile-form .error-summary');
      return;
    }
    const patch = patchOf(this.values!, valuesOf(account));
    if (Object.keys(patch).length === 0) {
      this.context.announce(msg('没有需要保存的修改。', { id: 'workbench.profile.unchanged' }));
      return;
    }
    const client = this.context.client();
    void this.action.run({
      operation: 'me.provider.update',
      body: JSON.stringify(patch),
      send: ({ signal }) => client.me.provider.update(account, patch, { signal }),
      done: (updated) => {
        this.base = updated;
        this.values = valuesOf(updated);
        this.context.announce(
          updated.pendingChange
            ? msg('已保存。机构名称、信用代码或法定代表人的变更须经服务中心审核后生效。', {
                id: 'workbench.profile.savedPending',
              })
            : msg('已保存。', { id: 'workbench.editor.saved' }),
        );
        this.context.refresh();
        this.context.focus('#smec-view-title');
      },
      failed: () =>
        this.context.focus(
          Object.keys(this.action.fieldErrors).length ? '.profile-form .error-summary' : '#smec-profile-error',
        ),
    });
  }

  private set(field: Field, value: string | boolean | string[]): void {
    this.values = { ...this.values!, [field]: value };
  }

  private renderTimeline(account: ProviderAccount): TemplateResult {
    const locale = this.context.locale();
    return html`<section aria-labelledby="smec-timeline-title">
      <h4 id="smec-timeline-title">${msg('机构记录', { id: 'workbench.timeline.title' })}</h4>
      ${
        account.timeline.length === 0
          ? html`<p class="muted">${msg('暂无记录。', { id: 'workbench.timeline.empty' })}</p>`
          : html`<ol part="timeline" class="timeline">
              ${account.timeline.map(
                (entry) =>
                  html`<li>
                    <time datetime=${entry.at}>${formatDate(entry.at, locale)}</time>
                    <strong>${timelineText(entry)}</strong>
                    ${entry.reason ? html`<span>${entry.reason}</span>` : nothing}
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }

  render(): unknown {
    adoptViewStyles(this.host, viewStyles);
    const account = this.context.summary().account;
    // The form keeps what is being typed across reloads; a new revision from elsewhere replaces it only when untouched.
    if (!this.base || (this.base.revision !== account.revision && !this.action.busy)) {
      this.base = account;
      this.values = valuesOf(account);
      this.ruleErrors = {};
    }
    const values = this.values!;
    const errors: Partial<Record<Field, { message: string }>> = { ...this.action.fieldErrors };
    for (const [field, message] of Object.entries(this.ruleErrors)) errors[field as ListField] = { message };
    const summary = Object.entries(errors)
      .filter(([name]) => this.submitted || !(name in this.ruleErrors))
      .map(([name, error]) => ({ name, text: error!.message }));
    const reference = this.reference;
    const locale = this.context.locale();
    const categories = reference?.categories ?? [];
    const categoryOrder = categories.map((category) => category.id);
    // The province and its cities, as the application offers them, and any other region already served.
    const regionCodes = reference
      ? [...new Set(['440000', ...reference.cities.map((city) => city.code), ...values.regionsServed])]
      : values.regionsServed;
    const pending = account.pendingChange;
    const input = (field: TextField) =>
      html`<div @input=${(e: Event) => this.set(field, (e.target as HTMLInputElement).value)}>
        ${renderTextField(field, label(field), errors[field]?.message, { value: values[field], optional: field === 'email' || field === 'website' })}
      </div>`;
    return html`${
        pending
          ? html`<div class="notice" part="pending-change">
              <p>${msg('以下变更正在等待服务中心审核：', { id: 'workbench.profile.pending' })}</p>
              <dl class="amounts">
                ${Object.entries(pending.fields).map(
                  ([field, value]) =>
                    html`<dt>${label(field as Field)}</dt>
                      <dd>${value}</dd>`,
                )}
              </dl>
            </div>`
          : nothing
      }
      <form part="profile" class="profile-form" novalidate @submit=${(e: Event) => this.save(e)}>
        ${renderErrorSummary(
          this.host,
          summary,
          (name) => this.host.shadowRoot?.querySelector<HTMLElement>(`#${fieldId(name)}`)?.focus(),
          4,
        )}
        <fieldset>
          <legend>${msg('联系信息', { id: 'workbench.profile.contactGroup' })}</legend>
          ${(['shortName', 'address', 'contact', 'phone', 'email', 'website'] as const).map(input)}
          <div class="field">
            <label for=${fieldId('description')}>${label('description')}</label>
            <textarea
              id=${fieldId('description')}
              rows="4"
              .value=${values.description}
              @input=${(e: Event) => this.set('description', (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </div>
          <label class="check">
            <input
              type="checkbox"
              .checked=${values.acceptsVouchers}
              @change=${(e: Event) => this.set('acceptsVouchers', (e.target as HTMLInputElement).checked)}
            />
            ${label('acceptsVouchers')}
          </label>
        </fieldset>
        <fieldset>
          <legend>${msg('服务范围', { id: 'workbench.profile.scopeGroup' })}</legend>
          ${renderCheckGroup({
            name: 'categoryIds',
            legend: label('categoryIds'),
            hint: msg('选择 1 至 5 个', { id: 'workbench.profile.categories.hint' }),
            error: errors.categoryIds?.message,
            choices: categories.map((category) => ({
              value: category.id,
              label: categoryName(category.id, categories, locale),
            })),
            chosen: values.categoryIds,
            loading: msg('正在加载…', { id: 'status.loading' }),
            onToggle: (id, on) => this.toggle('categoryIds', id, on, categoryOrder),
          })}
          ${renderCheckGroup({
            name: 'regionsServed',
            legend: label('regionsServed'),
            error: errors.regionsServed?.message,
            choices: regionCodes.map((code) => ({ value: code, label: regionName(reference, code) })),
            chosen: values.regionsServed,
            loading: msg('正在加载…', { id: 'status.loading' }),
            onToggle: (code, on) => this.toggle('regionsServed', code, on, regionCodes),
          })}
        </fieldset>
        <fieldset>
          <legend>${msg('机构身份（修改须经服务中心审核）', { id: 'workbench.profile.identityGroup' })}</legend>
          ${IDENTITY.map(input)}
        </fieldset>
        <div role="alert" id="smec-profile-error" tabindex="-1">
          ${this.action.error && summary.length === 0 ? renderActionError(this.action.error) : nothing}
        </div>
        <div class="actions">
          <button type="submit" part="save-profile-button" class="button button-primary" ?disabled=${this.action.busy}>
            ${msg('保存', { id: 'workbench.editor.save' })}
          </button>
        </div>
      </form>
      ${this.renderTimeline(account)}`;
  }
}

export function createView(host: ViewHost, context: ViewContext): WorkbenchViewPart {
  return new ProfileView(host, context);
}
