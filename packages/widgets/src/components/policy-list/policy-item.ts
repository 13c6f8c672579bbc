import { msg, str } from '../../i18n/localization.js';
import type { Policy } from '@smec/schemas';
import { html, type TemplateResult } from 'lit';
import { formatDay, levelLabel, statusLabel } from './policy-texts.js';

/** The badge that says whether a policy applies today; in words, never by colour alone. */
export function renderStatusBadge(policy: Policy): TemplateResult {
  return html`<span part="badge" class="badge badge-${policy.status}">${statusLabel(policy.status)}</span>`;
}

/** One policy of the list: its title opens the detail. */
export function renderPolicyItem(policy: Policy, locale: string, onOpen: (policy: Policy) => void): TemplateResult {
  return html`<li part="item" class="item" data-policy-id=${policy.id}>
    <h3 class="item-title">
      <button
        type="button"
        part="item-title"
        class="link-button"
        id="smec-pl-item-${policy.id}"
        @click=${() => onOpen(policy)}
      >
        ${policy.title}
      </button>
    </h3>
    <p class="item-meta">
      ${renderStatusBadge(policy)}
      <span part="doc-number" class="doc-number">${policy.docNumber}</span>
      <span>${policy.issuer}</span>
      <span class="muted"> ${msg(str`${formatDay(policy.publishedAt, locale)}发布`, { id: 'policy.published' })} </span>
      <span class="tag">${policy.regionName} · ${levelLabel(policy.regionLevel)}</span>
    </p>
  </li>`;
}
