// The messages of a center's batch editor in Simplified Chinese first, Traditional and English: kept apart from the
// public forms' messages, which every widget carries, because only the center's workbench needs these.
import type { BatchMessageKey } from './voucher-batch.js';

type Texts = Readonly<Record<'zh-CN' | 'zh-HK' | 'en', string>>;

export const BATCH_MESSAGES: Readonly<Record<BatchMessageKey, Texts>> = {
  'batch.name.required': {
    'zh-CN': '请填写批次名称（最多 60 个字）',
    'zh-HK': '請填寫批次名稱（最多 60 個字）',
    en: 'Name the batch (at most 60 characters)',
  },
  'batch.faceValue.range': {
    'zh-CN': '面额应在 1 元至 100 万元之间（以分计的整数）',
    'zh-HK': '面額應在 1 元至 100 萬元之間（以分計的整數）',
    en: 'The face value must be between ¥1 and ¥1,000,000 (a whole number of fen)',
  },
  'batch.quota.range': {
    'zh-CN': '发放总量应在 1 至 1,000,000 张之间',
    'zh-HK': '發放總量應在 1 至 1,000,000 張之間',
    en: 'The quota must be between 1 and 1,000,000 vouchers',
  },
  'batch.cap.range': {
    'zh-CN': '每家企业年度上限应在 1 元至 100 万元之间',
    'zh-HK': '每家企業年度上限應在 1 元至 100 萬元之間',
    en: 'The yearly cap per enterprise must be between ¥1 and ¥1,000,000',
  },
  'batch.cap.belowFace': {
    'zh-CN': '每家企业年度上限不能低于一张服务券的面额',
    'zh-HK': '每家企業年度上限不能低於一張服務券的面額',
    en: 'The yearly cap per enterprise cannot be below one voucher’s face value',
  },
  'batch.coverage.range': {
    'zh-CN': '最高抵扣比例应为 1% 至 100% 的整数',
    'zh-HK': '最高抵扣比例應為 1% 至 100% 的整數',
    en: 'The largest share of a contract must be a whole percentage from 1 to 100',
  },
  'batch.useWithin.range': {
    'zh-CN': '领取后使用期限应为 1 至 730 天',
    'zh-HK': '領取後使用期限應為 1 至 730 天',
    en: 'The days to use a voucher after its claim must be from 1 to 730',
  },
  'batch.window.order': {
    'zh-CN': '领取截止时间应晚于领取开始时间',
    'zh-HK': '領取截止時間應晚於領取開始時間',
    en: 'The claim window must close after it opens',
  },
  'batch.settleBy.afterWindow': {
    'zh-CN': '结算截止时间应晚于领取截止时间',
    'zh-HK': '結算截止時間應晚於領取截止時間',
    en: 'The settle-by date must come after the claim window closes',
  },
  'batch.year.window': {
    'zh-CN': '批次年度应为领取开始或截止时间所在的年份',
    'zh-HK': '批次年度應為領取開始或截止時間所在的年份',
    en: 'The batch’s year must be the year its claim window opens or closes in',
  },
  'batch.sizes.required': {
    'zh-CN': '请至少选择一种企业规模（微型、小型、中型）',
    'zh-HK': '請至少選擇一種企業規模（微型、小型、中型）',
    en: 'Choose at least one enterprise size (micro, small, medium)',
  },
  'batch.regions.unknown': {
    'zh-CN': '没有这个行政区划代码',
    'zh-HK': '沒有這個行政區劃代碼',
    en: 'No region has this code',
  },
  'batch.regions.outside': {
    'zh-CN': '发放范围只能是本中心所在地区或其下辖地区',
    'zh-HK': '發放範圍只能是本中心所在地區或其下轄地區',
    en: 'The scope can only be the issuing center’s region or regions below it',
  },
  'batch.regions.tooMany': {
    'zh-CN': '发放范围最多 50 个地区',
    'zh-HK': '發放範圍最多 50 個地區',
    en: 'The scope can name at most 50 regions',
  },
};
