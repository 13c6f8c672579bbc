import type { AuditEntry, AuditLogPage } from '@smec/schemas';
import { AuditLog, type AuditLogListParams } from '@smec/sdk/core';
import { css, html, nothing, type TemplateResult } from 'lit';
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

useResources({ auditLog: AuditLog });

const PAGE = 20;

/** The filters as typed; applied together when the form is sent. */
interface Filters {
  action: string;
  entityType: string;
  actor: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: '', entityType: '', actor: '', from: '', to: '' };

const auditStyles = css`
  ${listStyles}

  form {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(11rem, 100%), 1fr));
    gap: 0.75rem;
    align-items: end;
  }

  .entries {
    list-style: none;
    padding: 0;
    margin: var(--_space) 0 0;
    display: grid;
    gap: 0.5rem;
  }

  .changes {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    margin: 0;
    overflow-wrap: anywhere;
  }

  .changes dt {
    font-weight: 700;
  }

  .changes dd {
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;

/** The params of the list for the filters applied (the empty ones left out). */
function paramsOf(filters: Filters): AuditLogListParams {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params[key] = value.trim();
  return params as AuditLogListParams;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The audit log (操作日志) of the center and the centers below it: every staff write with who, in which role and
 * center, when, what on which entity and the request; filtered by action, entity type, actor and days; each entry
 * expands to the fields it changed, before and after. The platform shows it to administrators only.
 */
class AuditLogView implements WorkbenchViewPart {
  private typed: Filters = { ...EMPTY };
  private applied: Filters = { ...EMPTY };
  private readonly expanded = new Set<string>();
  private readonly more: MoreController<AuditEntry>;
  private readonly load: LoadTask<readonly [Filters], AuditLogPage | undefined>;

  constructor(
    private readonly host: ViewHost,
    private readonly context: CenterViewContext,
  ) {
    this.more = new MoreController(host, 'auditLog.list');
    this.load = new LoadTask(host, {
      operation: 'auditLog.list',
      args: () => [this.applied] as const,
      task: async ([filters], { signal }) =>
        this.context.isAdmin()
          ? await this.context.client().auditLog.list({ ...paramsOf(filters), limit: PAGE }, { signal })
          : undefined,
    });
    queueMicrotask(() => void this.load.run());
  }

  private key(): string {
    return `audit ${JSON.stringify(this.applied)}`;
  }

  private apply(event: Event): void {
    event.preventDefault();
    this.applied = { ...this.typed };
    this.more.reset();
    this.host.requestUpdate();
  }

  private renderFilter(name: keyof Filters, label: string, type = 'text'): TemplateResult {
    return html`<div class="field">
      <label for="smec-audit-${name}">${label}</label>
      <input
        id="smec-audit-${name}"
        part="audit-filter"
        type=${type}
        .value=${this.typed[name]}
        @input=${(e: Event) => {
          this.typed = { ...this.typed, [name]: (e.target as HTMLInputElement).value };
        }}
      />
    </div>`;
  }

  private renderChanges(entry: AuditEntry): TemplateResult {
    const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
    if (keys.length === 0) {
      return html`<p class="muted">${msg('没有字段变化。', { id: 'center.audit.noChanges' })}</p>`;
    }
    return html`<dl class="changes" part="audit-changes" id="smec-audit-changes-${entry.id}">
      <dt>${msg('字段', { id: 'center.audit.field' })}</dt>
      <dt>${msg('之前', { id: 'center.audit.before' })}</dt>
      <dt>${msg('之后', { id: 'center.audit.after' })}</dt>
      ${keys.map(
        (key) =>
          html`<dd>${key}</dd>
            <dd>${shown(entry.before?.[key])}</dd>
            <dd>${shown(entry.after?.[key])}</dd>`,
      )}
    </dl>`;
  }

  private renderEntry(entry: AuditEntry): TemplateResult {
    const open = this.expanded.has(entry.id);
    const { name } = entry.actor;
    return html`<li part="audit-entry" class="card" data-audit-id=${entry.id}>
      <div class="card-head">
        <h4>${entry.action}</h4>
        <span part="badge" class="badge">${entry.entityType}</span>
      </div>
      <p>${msg(str`${name}（${entry.actor.role}，${entry.centerRegionCode}）`, { id: 'center.audit.actor' })}</p>
      <p><time datetime=${entry.at}>${entry.at.slice(0, 16).replace('T', ' ')}</time> · ${entry.entityId}</p>
      <p class="muted">${msg(str`请求编号 ${entry.requestId}`, { id: 'center.audit.request' })}</p>
      <div class="actions">
        <button
          type="button"
          part="audit-expand-button"
          class="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="smec-audit-changes-${entry.id}"
          @click=${() => {
            if (open) this.expanded.delete(entry.id);
            else this.expanded.add(entry.id);
            this.host.requestUpdate();
          }}
        >
          ${open ? msg('收起变更', { id: 'center.audit.collapse' }) : msg('查看变更', { id: 'center.audit.expand' })}
        </button>
      </div>
      ${open ? this.renderChanges(entry) : nothing}
    </li>`;
  }

  private renderList(first: AuditLogPage | undefined): TemplateResult {
    if (!first) {
      return html`<p part="notice" class="muted">
        ${msg('只有管理员可以查看操作日志。', { id: 'center.audit.adminOnly' })}
      </p>`;
    }
    const page = this.more.shown(this.key(), first);
    return html`${
      page.items.length === 0
        ? html`<p class="muted">${msg('没有符合条件的操作记录。', { id: 'center.audit.empty' })}</p>`
        : html`<ul class="entries">
            ${page.items.map((entry) => this.renderEntry(entry))}
          </ul>`
    }
    ${renderMoreButton(this.more, this.key(), first, (cursor, signal) => this.context.client().auditLog.list({ ...paramsOf(this.applied), limit: PAGE, cursor }, { signal }), msg('加载更多', { id: 'center.audit.more' }))}
    ${this.more.error ? renderActionError(this.more.error) : nothing}`;
  }

  render(): unknown {
    adoptViewStyles(this.host, auditStyles);
    return html`<div class="view-body">
      ${
        this.context.isAdmin()
          ? html`<form part="audit-filters" @submit=${(e: Event) => this.apply(e)}>
              ${this.renderFilter('action', msg('操作（如 demand.accept）', { id: 'center.audit.action' }))}
              ${this.renderFilter('entityType', msg('对象类型（如 demand）', { id: 'center.audit.entityType' }))}
              ${this.renderFilter('actor', msg('操作人账号', { id: 'center.audit.actorFilter' }))}
              ${this.renderFilter('from', msg('开始日期', { id: 'center.audit.from' }), 'date')}
              ${this.renderFilter('to', msg('结束日期', { id: 'center.audit.to' }), 'date')}
              <button type="submit" part="audit-apply-button" class="button button-primary">
                ${msg('筛选', { id: 'center.audit.apply' })}
              </button>
            </form>`
          : nothing
      }
      ${this.load.render({
        initial: () => renderSkeleton(),
        pending: () => renderSkeleton(),
        complete: (page) => this.renderList(page),
        error: (error) => renderError(error, () => void this.load.run()),
      })}
    </div>`;
  }
}

export function createView(host: ViewHost, context: CenterViewContext): WorkbenchViewPart {
  return new AuditLogView(host, context);
}
