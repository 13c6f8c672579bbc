import { msg } from '../../i18n/localization.js';
import type { RegionScore, ScorecardFigures } from '@smec/schemas';
import { formatMoney, formatNumber } from '../../internal/format.js';

/** `12.5` → `12.5%`; null (nothing to share) → `—`. */
export function formatPercent(value: number | null, locale: string): string {
  return value === null ? '—' : `${formatNumber(value, locale)}%`;
}

/** A month (`2026-03`) in the visitor's language: 3月 / Mar. */
export function monthLabel(month: string, locale: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 2000, (index ?? 1) - 1, 15)),
  );
}

export function levelName(level: RegionScore['region']['level']): string {
  if (level === 'province') return msg('省级', { id: 'policy.level.province' });
  if (level === 'city') return msg('市级', { id: 'policy.level.city' });
  return msg('县（区）级', { id: 'policy.level.county' });
}

export interface FigureRow {
  readonly key: string;
  readonly label: string;
  readonly value: (figures: ScorecardFigures, locale: string) => string;
  /** The plain number compared with the parent, when a share of it makes sense. */
  readonly count?: (figures: ScorecardFigures) => number;
}

/** The figures of the yearly evaluation, in the order the policy lists its criteria. */
export function figureRows(): FigureRow[] {
  const count = (pick: (f: ScorecardFigures) => number) => (f: ScorecardFigures, locale: string) =>
    formatNumber(pick(f), locale);
  return [
    {
      key: 'providersIntegrated',
      label: msg('整合服务机构（家）', { id: 'scorecard.providersIntegrated' }),
      value: count((f) => f.providersIntegrated),
      count: (f) => f.providersIntegrated,
    },
    {
      key: 'providersAdmitted',
      label: msg('本年新入库机构（家）', { id: 'scorecard.providersAdmitted' }),
      value: count((f) => f.providersAdmitted),
      count: (f) => f.providersAdmitted,
    },
    {
      key: 'productsPublished',
      label: msg('上架服务产品（项）', { id: 'scorecard.productsPublished' }),
      value: count((f) => f.productsPublished),
      count: (f) => f.productsPublished,
    },
    {
      key: 'enterpriseServices',
      label: msg('服务企业（家次）', { id: 'scorecard.enterpriseServices' }),
      value: count((f) => f.enterpriseServices),
      count: (f) => f.enterpriseServices,
    },
    {
      key: 'enterprisesServed',
      label: msg('服务企业（家）', { id: 'scorecard.enterprisesServed' }),
      value: count((f) => f.enterprisesServed),
      count: (f) => f.enterprisesServed,
    },
    {
      key: 'demands',
      label: msg('受理需求 / 已对接（项）', { id: 'scorecard.demands' }),
      value: (f, locale) => `${formatNumber(f.demandsReceived, locale)} / ${formatNumber(f.demandsMatched, locale)}`,
      count: (f) => f.demandsReceived,
    },
    {
      key: 'eventsHeld',
      label: msg('举办服务对接活动（场）', { id: 'scorecard.eventsHeld' }),
      value: count((f) => f.eventsHeld),
      count: (f) => f.eventsHeld,
    },
    {
      key: 'vouchersIssued',
      label: msg('发放服务券（张 / 金额）', { id: 'scorecard.vouchersIssued' }),
      value: (f, locale) => `${formatNumber(f.vouchersIssued.count, locale)} / ${formatMoney(f.vouchersIssued.fen)}`,
      count: (f) => f.vouchersIssued.count,
    },
    {
      key: 'vouchersRedeemed',
      label: msg('兑付服务券（张 / 金额）', { id: 'scorecard.vouchersRedeemed' }),
      value: (f, locale) =>
        `${formatNumber(f.vouchersRedeemed.count, locale)} / ${formatMoney(f.vouchersRedeemed.fen)}`,
      count: (f) => f.vouchersRedeemed.count,
    },
    {
      key: 'satisfaction',
      label: msg('满意度', { id: 'scorecard.satisfaction' }),
      value: (f, locale) => formatPercent(f.satisfactionPercent, locale),
    },
    {
      key: 'freeShare',
      label: msg('公益服务占比', { id: 'scorecard.freeShare' }),
      value: (f, locale) => formatPercent(f.freeSharePercent, locale),
    },
  ];
}
