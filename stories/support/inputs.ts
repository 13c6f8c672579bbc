// What the interactive stories type and choose, shared with their recordings (stories/record/) so that the server
// was asked exactly what the story asks.

/** A search the catalog finds nothing for. */
export const NOTHING_MATCHES = '火星移民咨询';

/** The demand form as a visitor filled it (restored from a draft), the consent aside: it is never kept. */
export const DEMAND_DRAFT = {
  uscc: '91440604MA51K8QX3Q',
  enterpriseName: '佛山市禅城区示例科技有限公司',
  categoryId: 'finance-tax',
  city: '440600',
  county: '440604',
  title: '申请高新技术企业认定辅导',
  description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
  budgetAmount: '30000',
  negotiable: false,
  expectedBy: '',
  contactName: '陈女士',
  phone: '13812341234',
  productId: '',
} as const;

/** The phone a lookup gives when it does not match the demand's. */
export const WRONG_PHONE = '13900000000';

/** The contract amounts typed into the voucher wallet's use dialog, as typed and in fen. */
export const USE_AMOUNT = { typed: '12345.6', fen: 1_234_560 } as const;
export const NOT_ELIGIBLE_AMOUNT = { typed: '8000', fen: 800_000 } as const;

/** The rating stories' scores, item by item (a 不满意 rating takes five points off each). */
export const RATING_SCORES: readonly (readonly [string, number])[] = [
  ['attitude', 10],
  ['expertise', 9],
  ['conduct', 9],
  ['fulfilment', 14],
  ['quality', 13],
  ['value', 13],
  ['usefulness', 9],
  ['afterSales', 13],
];
export const DISSATISFIED_PENALTY = 5;
export const RATING_COMMENT = '顾问专业，按期交付。';

/** The objection the public notice's confirmation story files against the seed's demo notice. */
export const OBJECTION = {
  name: '陈先生',
  mobile: '13900139000',
  reason: '该机构在申请材料中填报的专业人员人数与实际不符，其办公地址长期无人办公。',
} as const;
