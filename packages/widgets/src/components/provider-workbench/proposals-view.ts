import type { MyDemandProposal, MyDemandProposalPage } from '@smec/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { LoadTask } from '../../controllers/load-task.js';
import { MoreController } from '../../controllers/more-controller.js';
import { msg, str } from '../../i18n/localization.js';
import { formatDate } from '../../internal/format.js';
import { budgetText } from '../../workbench/demand-budget.js';
import { adoptViewStyles } from '../../internal/view-styles.js';
import { renderError } from '../../views/error-view.js';
import { renderSkeleton } from '../../views/skeleton-view.js';
import { renderActionError } from '../../workbench/action-error.js';
import { categoryName, loadReferenceData, regionName, type ReferenceData } from '../catalog/reference-data.js';
import type { ViewContext, ViewHost, WorkbenchViewPart } from './view-context.js';
import { viewStyles } from './views.styles.js';
import { renderMoreButton } from '../../views/more-button-view.js';

const PAGE = 20;

/**
 * 「需求推荐」: the demands centers proposed the provider for, newest first, with the center's note, and the
 * enterprise's contact only where the enterprise agreed to share it.
 */
class ProposalsView implements WorkbenchViewPart {
  private reference: ReferenceData | undefined;
  private readonly more: MoreController<MyDemandProposal>;
  private readonly load: LoadTask<readonly [], MyDemandProposalPage>;

  constructor(
    private readonly host: ViewHost,
    private readonly context: ViewContext,
  ) {
    adoptViewStyles(host, viewStyles);
    this.more = new MoreController(host, 'me.demandProposals');
    this.load = new LoadTask(host, {
      operation: 'me.demandProposals',
      args: () => [] as const,
      task: (_, { signal }) => this.context.client().me.demandProposals({ limit: PAGE }, { signal }),
    });
    // Made while the shell renders, after its update began: the first run is started here, not by that update.
    queueMicrotask(() => void this.load.run());
    // Names of categories and regions; their codes show until they arrive, and if they never do.
    loadReferenceData(context.client(), new AbortController().signal).then(
      (reference) => {
        this.reference = reference;
        host.requestUpdate();
      },
      () => undefined,
    );
  }

  private renderContact(proposal: MyDemandProposal): TemplateResult {
    const { contact, enterprise } = proposal;
    if (!contact)
      return html`<p part="proposal-no-contact" class="notice">
        ${msg('企业未同意向服务机构提供联系方式，服务中心将为您转达联系方式。', {
          id: 'workbench.proposal.noContact',
        })}
      </p>`;
    return html`<p part="proposal-contact">
      ${msg(str`联系人：${contact.name} · ${contact.phone}`, { id: 'workbench.proposal.contact' })}
      ${enterprise ? html`<br />${msg(str`企业：${enterprise.name}`, { id: 'workbench.proposal.enterprise' })}` : nothing}
    </p>`;
  }

  private renderItem(proposal: MyDemandProposal): TemplateResult {
    const locale = this.context.locale();
    return html`<li part="proposal" class="card" data-proposal-id=${proposal.id} data-demand-id=${proposal.demandId}>
      <h4>${proposal.title}</h4>
      <p class="muted">
        ${categoryName(proposal.categoryId, this.reference?.categories, locale)} ·
        ${regionName(this.reference, proposal.regionCode)}
      </p>
      <p>${msg(str`预算：${budgetText(proposal.budget)}`, { id: 'workbench.proposal.budget' })}</p>
      <p>
        ${
          proposal.expectedBy
            ? msg(str`期望完成：${formatDate(proposal.expectedBy, locale)}`, { id: 'workbench.proposal.expectedBy' })
            : msg('期望完成：未填写', { id: 'workbench.proposal.noExpectedBy' })
        }
      </p>
      ${
        proposal.productName
          ? html`<p>${msg(str`推荐产品：${proposal.productName}`, { id: 'workbench.proposal.product' })}</p>`
          : nothing
      }
      ${
        proposal.note
          ? html`<p part="proposal-note">
              ${msg(str`服务中心说明：${proposal.note}`, { id: 'workbench.proposal.note' })}
            </p>`
          : nothing
      }
      ${this.renderContact(proposal)}
      <p class="muted">
        ${msg(str`推荐于 ${formatDate(proposal.proposedAt, locale)}`, { id: 'workbench.proposal.proposedAt' })}
      </p>
    </li>`;
  }

  private renderList(first: MyDemandProposalPage): TemplateResult {
    const key = 'proposals';
    const shown = this.more.shown(key, first);
    return html`${
      shown.items.length === 0
        ? html`<p class="muted">${msg('服务中心尚未向您推荐需求。', { id: 'workbench.proposal.empty' })}</p>`
        : html`<ul class="cards">
            ${shown.items.map((proposal) => this.renderItem(proposal))}
          </ul>`
    }
    ${renderMoreButton(this.more, key, first, (cursor, signal) => this.context.client().me.demandProposals({ limit: PAGE, cursor }, { signal }), msg('加载更多', { id: 'workbench.proposal.more' }))}
    ${this.more.error ? renderActionError(this.more.error) : nothing}`;
  }

  render(): unknown {
    return html`<p class="hint">
        ${msg('服务中心根据企业需求向您推荐的对接机会，最新的在前。', { id: 'workbench.proposal.hint' })}
      </p>
      ${this.load.render({
        initial: () => renderSkeleton(),
        pending: () => renderSkeleton(),
        complete: (page) => this.renderList(page),
        error: (error) => renderError(error, () => void this.load.run()),
      })}`;
  }
}

export function createView(host: ViewHost, context: ViewContext): WorkbenchViewPart {
  return new ProposalsView(host, context);
}
