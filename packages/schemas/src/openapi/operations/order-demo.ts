/**
 * The seeded demand of the enterprise-ordering examples: enterprise A's (`usr-ent-01`'s), matched, with a proposal of
 * a product (the one the example accepts) and one naming a provider only. The phone lets the lookup find it.
 */
export const DEMO_ORDER_DEMAND = {
  id: 'dmd-demo-order',
  trackingNo: 'XQ20261201ORDR01',
  phone: '13900139000',
  proposals: ['dpr-demo-0001', 'dpr-demo-0002'],
} as const;
