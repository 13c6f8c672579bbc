// The messages of the centers' event forms, in Simplified Chinese first, Traditional and English: apart from the
// public forms' messages (messages-*.ts), which every widget carries.
import type { EventMessageKey } from './event-admin.js';

type Texts = Readonly<Record<'zh-CN' | 'zh-HK' | 'en', string>>;

export const EVENT_MESSAGES: Readonly<Record<EventMessageKey, Texts>> = {
  'event.title': {
    'zh-CN': '活动名称应为 4 至 60 个字',
    'zh-HK': '活動名稱應為 4 至 60 個字',
    en: 'The title must be 4 to 60 characters',
  },
  'event.description': {
    'zh-CN': '活动简介应为 10 至 2000 个字',
    'zh-HK': '活動簡介應為 10 至 2000 個字',
    en: 'The summary must be 10 to 2,000 characters',
  },
  'event.venue': {
    'zh-CN': '活动地点应为 2 至 100 个字',
    'zh-HK': '活動地點應為 2 至 100 個字',
    en: 'The venue must be 2 to 100 characters',
  },
  'event.audience': {
    'zh-CN': '面向对象不能超过 100 个字',
    'zh-HK': '面向對象不能超過 100 個字',
    en: 'Who it is for must be at most 100 characters',
  },
  'event.place': {
    'zh-CN': '请填写活动地点或线上参会地址（可两者都填）',
    'zh-HK': '請填寫活動地點或網上參會地址（可兩者都填）',
    en: 'Give a venue or an online address (or both)',
  },
  'event.endsBeforeStart': {
    'zh-CN': '结束时间应晚于开始时间',
    'zh-HK': '結束時間應晚於開始時間',
    en: 'The event must end after it starts',
  },
  'event.tooLong': {
    'zh-CN': '一场活动最长 7 天',
    'zh-HK': '一場活動最長 7 天',
    en: 'An event lasts at most 7 days',
  },
  'event.windowOrder': {
    'zh-CN': '报名截止时间应晚于报名开始时间',
    'zh-HK': '報名截止時間應晚於報名開始時間',
    en: 'Registration must close after it opens',
  },
  'event.closesAfterStart': {
    'zh-CN': '报名应在活动开始前截止',
    'zh-HK': '報名應在活動開始前截止',
    en: 'Registration must close no later than the event starts',
  },
  'event.cancelReason': {
    'zh-CN': '取消原因应为 4 至 200 个字，报名企业会收到该原因',
    'zh-HK': '取消原因應為 4 至 200 個字，報名企業會收到該原因',
    en: 'The reason must be 4 to 200 characters; the registrants are told it',
  },
  'event.ratingComment': {
    'zh-CN': '评价内容不能超过 500 个字',
    'zh-HK': '評價內容不能超過 500 個字',
    en: 'The comment must be at most 500 characters',
  },
};

export function isEventMessageKey(value: unknown): value is EventMessageKey {
  return typeof value === 'string' && Object.hasOwn(EVENT_MESSAGES, value);
}
