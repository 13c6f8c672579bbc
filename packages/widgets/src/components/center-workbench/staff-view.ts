import type { StaffInvite, StaffMember, StaffPage, StaffRole } from '@smec/schemas';
import { Staff } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ActionController } from '../../controllers/action-controller.js';
import { ConfirmController } from '../../controllers/confirm-controller.js';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { useResources } from '../../internal/client.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import { listStyles } from '../../workbench/list.styles.js';
import type { ViewHost, WorkbenchViewPart } from '../../workbench/view-switch.js';
import type { CenterViewContext } from './view-context.js';
import { renderMoreButton } from '../../views/more-button-view.js';

useResources({ staff: Staff });

const PAGE = 50;
const ROLES: readonly StaffRole[] = ['admin', 'staff', 'viewer'];
/** A mainland mobile number, as the platform takes it (MobilePhone). */
const MOBILE = /^1[3-9]\d{9}$/;

type Field = 'identity' | 'name' | 'role';

const staffStyles = css`
  ${listStyles}

  form {
    display: grid;
    gap: 0.75rem;
    max-width: 32rem;
  }

  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }
`;

function roleName(role: StaffRole): string {
  switch (role) {
    case 'admin':
      return msg('管理员', { id: 'center.staff.role.admin' });
    case 'staff':
      return msg('业务员', { id: 'center.staff.role.staff' });
    case 'viewer':
      return msg('只读', { id: 'center.staff.role.viewer' });
  }
}

/** The platform's field of an invitation's refusal, as the form names it. */
function fieldOf(path: string): Field | undefined {
  if (path === 'body.subject' || path === 'body.mobile') return 'identity';
  if (path === 'body.name') return 'name';
  if (path === 'body.role') return 'role';
  return undefined;
}

/**
 * The center's staff accounts (工作人员): who they are, their level, whether active and how they were invited; its
 * administrators invite people by the identity provider's subject or by mobile, change a level, and deactivate or
 * reactivate an account (asked first). The platform lets only administrators read the list.
 */
class StaffView implements WorkbenchViewPart {
  private by: 'subject' | 'mobile' = 'subject';
  private identity = '';
  private name = '';
  private role: StaffRole = 'staff';
  private invalid: Partial<Record<Field, string>> = {};
  private readonly invite: ActionController<Field>;
  private readonly change: ActionController;
  private readonly confirm: ConfirmController;
  private readonly more: MoreController<StaffMember>;
  private readonly roles = new Map<string, StaffRole>();
  private failedOn: string | undefined;
  private readonly load: LoadTask<readonly [], StaffPage | undefined>;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.invite = new ActionController(host, fieldOf);
    this.change = new ActionController(host);
    this.confirm = new ConfirmController(host);
    this.more = new MoreController(host, 'staff.list');
    this.load = new LoadTask(host, {
      operation: 'staff.list',
      args: () => [] as const,
      // Only administrators may read the accounts: the others are told so without asking.
      task: async (_args, { signal }) =>
        this.context.isAdmin() ? await this.context.client().staff.list({ limit: PAGE }, { signal }) : undefined,
    });
    queueMicrotask(() => void this.load.run());
  }

  private reload(): void {
    this.more.reset();
    void this.load.run();
  }

  private fieldError(field: Field): string | undefined {
    return this.invalid[field] ?? this.invite.fieldErrors[field]?.message;
  }

  private sendInvite(event: Event): void {
    event.preventDefault();
    const identity = this.identity.trim();
    const name = this.name.trim();
    const invalid: Partial<Record<Field, string>> = {};
    if (this.by === 'mobile' ? !MOBILE.test(identity) : identity.length === 0) {
      invalid.identity =
        this.by === 'mobile'
          ? msg('请填写 11 位手机号', { id: 'center.staff.mobile.invalid' })
          : msg('请填写统一身份认证账号', { id: 'center.staff.subject.invalid' });
    }
    if (name.length === 0 || name.length > 100) invalid.name = msg('请填写姓名', { id: 'center.staff.name.invalid' });
    this.invalid = invalid;
    if (Object.keys(invalid).length > 0) {
      this.host.requestUpdate();
      this.context.focus(invalid.identity ? '#smec-staff-identity' : '#smec-staff-name');
      return;
    }
    const input: StaffInvite =
      this.by === 'mobile' ? { mobile: identity, name, role: this.role } : { subject: identity, name, role: this.role };
    void this.invite.run({
      operation: 'staff.invite',
      body: JSON.stringify(input),
      send: ({ signal, idempotencyKey }) => this.context.client().staff.invite(input, { signal, idempotencyKey }),
      done: (member) => {
        this.identity = '';
        this.name = '';
        this.context.announce(msg(str`已邀请 ${member.name}。`, { id: 'center.staff.invited' }));
        this.reload();
        this.context.focus('#smec-view-title');
      },
      failed: () => {
        const field = (['identity', 'name', 'role'] as const).find((each) => this.invite.fieldErrors[each]);
        this.context.focus(field ? `#smec-staff-${field}` : '#smec-staff-invite-error');
      },
    });
  }

  private update(member: StaffMember, patch: { role?: StaffRole; active?: boolean }, done: string): void {
    this.failedOn = member.id;
    void this.change.run({
      operation: 'staff.update',
      body: `${member.id} ${member.revision} ${JSON.stringify(patch)}`,
      send: ({ signal }) => this.context.client().staff.update(member, patch, { signal }),
      done: () => {
        this.failedOn = undefined;
        this.context.announce(done);
        this.reload();
        this.context.focus('#smec-view-title');
      },
      failed: () => this.context.focus(`#smec-staff-error-${member.id}`),
    });
  }

  private toggle(member: StaffMember): void {
    const who = member.name;
    const deactivate = member.active;
    this.confirm.ask({
      title: deactivate
        ? msg('停用该账号？', { id: 'center.staff.deactivate.title' })
        : msg('重新启用该账号？', { id: 'center.staff.reactivate.title' }),
      text: deactivate
        ? msg(str`${who} 将不能再登录工作台，直到重新启用。`, { id: 'center.staff.deactivate.text' })
        : msg(str`${who} 将可以再次登录工作台。`, { id: 'center.staff.reactivate.text' }),
      confirm: deactivate
        ? msg('停用', { id: 'center.staff.deactivate' })
        : msg('启用', { id: 'center.staff.reactivate' }),
      part: 'confirm-staff-button',
      onConfirm: () =>
        this.update(
          member,
          { active: !deactivate },
          deactivate
            ? msg(str`已停用 ${who}。`, { id: 'center.staff.deactivated' })
            : msg(str`已启用 ${who}。`, { id: 'center.staff.reactivated' }),
        ),
    });
  }

  private renderMember(member: StaffMember): TemplateResult {
    const selectId = `smec-staff-role-${member.id}`;
    const chosen = this.roles.get(member.id) ?? member.role;
    return html`<li part="staff-member" class="card" data-staff-id=${member.id} data-active=${String(member.active)}>
      <div class="card-head">
        <h4>${member.name}</h4>
        <span part="badge" class="badge">
          ${member.active ? roleName(member.role) : msg('已停用', { id: 'center.staff.inactive' })}
        </span>
      </div>
      <p>
        ${
          member.mobile
            ? msg(str`通过手机号 ${member.mobile} 邀请`, { id: 'center.staff.byMobile' })
            : msg('通过统一身份认证账号邀请', { id: 'center.staff.bySubject' })
        }
      </p>
      <p class="muted">${member.organization}</p>
      ${
        this.context.isAdmin()
          ? html`<div class="actions">
              <div class="field">
                <label for=${selectId}>${msg('角色', { id: 'center.staff.role' })}</label>
                <select
                  id=${selectId}
                  part="staff-role-select"
                  .value=${chosen}
                  @change=${(e: Event) => {
                    this.roles.set(member.id, (e.target as HTMLSelectElement).value as StaffRole);
                    this.host.requestUpdate();
                  }}
                >
                  ${ROLES.map((role) => html`<option value=${role}>${roleName(role)}</option>`)}
                </select>
              </div>
              <button
                type="button"
                part="staff-role-button"
                class="button"
                ?disabled=${this.change.busy || chosen === member.role}
                @click=${() =>
                  this.update(
                    member,
                    { role: chosen },
                    msg(str`${member.name} 的角色已改为${roleName(chosen)}。`, { id: 'center.staff.roleChanged' }),
                  )}
              >
                ${msg('更改角色', { id: 'center.staff.changeRole' })}
              </button>
              <button type="button" part="staff-active-button" class="button" @click=${() => this.toggle(member)}>
                ${
                  member.active
                    ? msg('停用…', { id: 'center.staff.deactivate.open' })
                    : msg('启用…', { id: 'center.staff.reactivate.open' })
                }
              </button>
            </div>`
          : nothing
      }
      <div role="alert" id="smec-staff-error-${member.id}" tabindex="-1">
        ${this.failedOn === member.id && this.change.error ? renderActionError(this.change.error) : nothing}
      </div>
    </li>`;
  }

  private renderField(field: Field, label: string, input: TemplateResult): TemplateResult {
    const error = this.fieldError(field);
    return html`<div class="field">
      <label for="smec-staff-${field}">${label}</label>
      ${error ? html`<p id="smec-staff-${field}-error" class="field-error">${error}</p>` : nothing} ${input}
    </div>`;
  }

  private renderInvite(): TemplateResult {
    const described = (field: Field) => (this.fieldError(field) ? `smec-staff-${field}-error` : nothing);
    const invalid = (field: Field) => (this.fieldError(field) ? 'true' : 'false');
    return html`<form part="staff-invite" novalidate @submit=${(e: Event) => this.sendInvite(e)}>
      <h4>${msg('邀请工作人员', { id: 'center.staff.invite.title' })}</h4>
      <fieldset>
        <legend>${msg('邀请方式', { id: 'center.staff.invite.by' })}</legend>
        ${(['subject', 'mobile'] as const).map(
          (by) =>
            html`<label>
              <input
                type="radio"
                name="smec-staff-by"
                value=${by}
                .checked=${this.by === by}
                @change=${() => {
                  this.by = by;
                  this.invalid = {};
                  this.host.requestUpdate();
                }}
              />
              ${
                by === 'subject'
                  ? msg('统一身份认证账号', { id: 'center.staff.invite.bySubject' })
                  : msg('手机号', { id: 'center.staff.invite.byMobile' })
              }
            </label>`,
        )}
      </fieldset>
      ${this.renderField(
        'identity',
        this.by === 'mobile'
          ? msg('手机号', { id: 'center.staff.invite.byMobile' })
          : msg('统一身份认证账号', { id: 'center.staff.invite.bySubject' }),
        html`<input
          id="smec-staff-identity"
          part="staff-identity"
          type=${this.by === 'mobile' ? 'tel' : 'text'}
          autocomplete="off"
          maxlength="255"
          aria-invalid=${invalid('identity')}
          aria-describedby=${described('identity')}
          .value=${this.identity}
          @input=${(e: Event) => (this.identity = (e.target as HTMLInputElement).value)}
        />`,
      )}
      ${this.renderField(
        'name',
        msg('姓名', { id: 'center.staff.invite.name' }),
        html`<input
          id="smec-staff-name"
          part="staff-name"
          type="text"
          autocomplete="off"
          maxlength="100"
          aria-invalid=${invalid('name')}
          aria-describedby=${described('name')}
          .value=${this.name}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
        />`,
      )}
      ${this.renderField(
        'role',
        msg('角色', { id: 'center.staff.role' }),
        html`<select
          id="smec-staff-role"
          aria-invalid=${invalid('role')}
          aria-describedby=${described('role')}
          .value=${this.role}
          @change=${(e: Event) => (this.role = (e.target as HTMLSelectElement).value as StaffRole)}
        >
          ${ROLES.map((role) => html`<option value=${role}>${roleName(role)}</option>`)}
        </select>`,
      )}
      <div class="actions">
        <button type="submit" part="staff-invite-button" class="button button-primary" ?disabled=${this.invite.busy}>
          ${msg('发送邀请', { id: 'center.staff.invite.send' })}
        </button>
      </div>
      <div role="alert" id="smec-staff-invite-error" tabindex="-1">
        ${
          this.invite.error && !Object.values(this.invite.fieldErrors).some(Boolean)
            ? renderActionError(this.invite.error)
            : nothing
        }
      </div>
    </form>`;
  }

  private renderList(first: StaffPage | undefined): TemplateResult {
    if (!first) {
      return html`<p part="notice" class="muted">
        ${msg('只有本中心的管理员可以查看和管理工作人员账号。', { id: 'center.staff.adminOnly' })}
      </p>`;
    }
    const shown = this.more.shown('staff', first);
    return html`${this.renderInvite()}
      <ul class="cards">
        ${shown.items.map((member) => this.renderMember(member))}
      </ul>
      ${renderMoreButton(this.more, 'staff', first, (cursor, signal) => this.context.client().staff.list({ limit: PAGE, cursor }, { signal }), msg('加载更多', { id: 'center.staff.more' }))}
      ${this.more.error ? renderActionError(this.more.error) : nothing}`;
  }

  render(): unknown {
    adoptViewStyles(this.host, staffStyles);
    return html`<div class="view-body">
      ${this.load.render({
        initial: () => renderSkeleton(),
        pending: () => renderSkeleton(),
        complete: (page) => this.renderList(page),
        error: (error) => renderError(error, () => void this.load.run()),
      })}
      ${this.confirm.render()}
    </div>`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new StaffView(host, context);
}
