// Zod-free constants of the catalog, for the widgets.

export const CATEGORY_IDS = [
  'policy-consulting',
  'startup-coaching',
  'financing',
  'finance-tax',
  'legal',
  'training-talent',
  'management-consulting',
  'technology-rd',
  'intellectual-property',
  'testing-certification',
  'digitalization',
  'market-expansion',
] as const;

/** Price bands of the price facet, in fen; `max` is exclusive and null means no upper bound. */
export const PRICE_BANDS = [
  { key: 'free', min: 0, max: 1 },
  { key: 'under-1k', min: 1, max: 100_000 },
  { key: '1k-5k', min: 100_000, max: 500_000 },
  { key: '5k-20k', min: 500_000, max: 2_000_000 },
  { key: 'over-20k', min: 2_000_000, max: null },
] as const;
