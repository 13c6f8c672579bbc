// A notification's words are made when it is read, in the reader's language, from the facts kept with it: a text
// stored at sending would stay in the language of whoever caused it.
import { fill, type Localized } from '../http/localized.js';

type Facts = Readonly<Record<string, unknown>>;

export interface NotificationText {
  readonly title: Localized;
  readonly body: Localized;
}

const EMPTY: Localized = { 'zh-CN': '', 'zh-HK': '', en: '' };

/** The fact `name` as text, or undefined when it was not kept (a text then says less, never `{name}`). */
function fact(facts: Facts, name: string): string | undefined {
  const value = facts[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** `withFact` filled with `facts[name]` when it was kept, else `without`. */
function either(facts: Facts, name: string, withFact: Localized, without: Localized): Localized {
  const value = fact(facts, name);
  return value === undefined ? without : fill(withFact, { [name]: value });
}

const REASON: Localized = { 'zh-CN': '原因：{reason}', 'zh-HK': '原因：{reason}', en: 'Reason: {reason}' };

const TEXTS: Record<string, (facts: Facts) => NotificationText> = {
  eventCancelled: (facts) => ({
    title: either(
      facts,
      'title',
      { 'zh-CN': '活动已取消：{title}', 'zh-HK': '活動已取消：{title}', en: 'Event cancelled: {title}' },
      { 'zh-CN': '您报名的活动已取消', 'zh-HK': '您報名的活動已取消', en: 'An event you registered for is cancelled' },
    ),
    body: either(facts, 'reason', REASON, EMPTY),
  }),
  eventChanged: (facts) => ({
    title: either(
      facts,
      'title',
      { 'zh-CN': '活动有变更：{title}', 'zh-HK': '活動有變更：{title}', en: 'Event changed: {title}' },
      { 'zh-CN': '您报名的活动有变更', 'zh-HK': '您報名的活動有變更', en: 'An event you registered for has changed' },
    ),
    body: {
      'zh-CN': '活动的时间或地点已调整，请查看最新安排。',
      'zh-HK': '活動的時間或地點已調整，請查看最新安排。',
      en: 'Its time or place has changed; see the event for the details.',
    },
  }),
  registrationPromoted: (facts) => ({
    title: either(
      facts,
      'title',
      {
        'zh-CN': '候补已转为正式报名：{title}',
        'zh-HK': '候補已轉為正式報名：{title}',
        en: 'Off the waitlist: {title}',
      },
      { 'zh-CN': '候补已转为正式报名', 'zh-HK': '候補已轉為正式報名', en: 'You are off the waitlist' },
    ),
    body: {
      'zh-CN': '活动有名额空出，您已由候补转为正式报名。',
      'zh-HK': '活動有名額空出，您已由候補轉為正式報名。',
      en: 'A place became free: your registration is confirmed.',
    },
  }),
  voucherRevoked: (facts) => ({
    title: either(
      facts,
      'code',
      { 'zh-CN': '服务券已被收回：{code}', 'zh-HK': '服務券已被收回：{code}', en: 'Voucher revoked: {code}' },
      { 'zh-CN': '您的服务券已被收回', 'zh-HK': '您的服務券已被收回', en: 'Your voucher was revoked' },
    ),
    body: either(facts, 'reason', REASON, EMPTY),
  }),
  settlementRefused: (facts) => ({
    title: either(
      facts,
      'productName',
      {
        'zh-CN': '结算被退回：{productName}',
        'zh-HK': '結算被退回：{productName}',
        en: 'Settlement refused: {productName}',
      },
      { 'zh-CN': '一项服务的结算被退回', 'zh-HK': '一項服務的結算被退回', en: 'A settlement was refused' },
    ),
    body: either(
      facts,
      'reason',
      {
        'zh-CN': '原因：{reason}。请补充结算材料后重新提交。',
        'zh-HK': '原因：{reason}。請補充結算材料後重新提交。',
        en: 'Reason: {reason}. Add the missing proof to have it settled.',
      },
      EMPTY,
    ),
  }),
  voucherExpiring: (facts) => ({
    title: either(
      facts,
      'code',
      { 'zh-CN': '服务券即将到期：{code}', 'zh-HK': '服務券即將到期：{code}', en: 'Voucher about to expire: {code}' },
      { 'zh-CN': '您的服务券即将到期', 'zh-HK': '您的服務券即將到期', en: 'Your voucher is about to expire' },
    ),
    body: either(
      facts,
      'useBy',
      { 'zh-CN': '请在 {useBy} 前使用。', 'zh-HK': '請在 {useBy} 前使用。', en: 'Use it by {useBy}.' },
      EMPTY,
    ),
  }),
  // Told to the users of a provider a center proposed for a demand; the demand's detail is in their proposals.
  demandMatched: (facts) => ({
    title: either(
      facts,
      'title',
      {
        'zh-CN': '服务中心向您推荐了一项企业需求：{title}',
        'zh-HK': '服務中心向您推薦了一項企業需求：{title}',
        en: 'A service center proposed you for a demand: {title}',
      },
      {
        'zh-CN': '服务中心向您推荐了一项企业需求',
        'zh-HK': '服務中心向您推薦了一項企業需求',
        en: 'A service center proposed you for a demand',
      },
    ),
    body: {
      'zh-CN': '请在工作台的“需求推荐”中查看需求详情，并尽快与企业联系。',
      'zh-HK': '請在工作台的「需求推薦」中查看需求詳情，並盡快與企業聯絡。',
      en: 'See the demand in your workbench’s proposals and get in touch with the enterprise soon.',
    },
  }),
  applicationChangesRequested: (facts) => ({
    title: either(
      facts,
      'applicationNo',
      {
        'zh-CN': '入驻申请需要修改：{applicationNo}',
        'zh-HK': '入駐申請需要修改：{applicationNo}',
        en: 'Changes asked of application {applicationNo}',
      },
      { 'zh-CN': '入驻申请需要修改', 'zh-HK': '入駐申請需要修改', en: 'Changes asked of your application' },
    ),
    body: {
      'zh-CN': '审核人员请您修改申请内容，请查看审核意见后重新提交。',
      'zh-HK': '審核人員請您修改申請內容，請查看審核意見後重新提交。',
      en: 'The reviewer asks for changes: read the notes, then resubmit.',
    },
  }),
  followUpDue: (facts) => ({
    title:
      facts['overdue'] === true
        ? { 'zh-CN': '回访已逾期', 'zh-HK': '回訪已逾期', en: 'A follow-up is overdue' }
        : { 'zh-CN': '回访即将到期', 'zh-HK': '回訪即將到期', en: 'A follow-up is due' },
    body: either(
      facts,
      'dueOn',
      {
        'zh-CN': '一条评价的回访须在 {dueOn} 前答复。',
        'zh-HK': '一條評價的回訪須在 {dueOn} 前答覆。',
        en: 'A rating’s follow-up must be answered by {dueOn}.',
      },
      EMPTY,
    ),
  }),
};

const ANY: NotificationText = {
  title: { 'zh-CN': '平台通知', 'zh-HK': '平台通知', en: 'Notice from the platform' },
  body: EMPTY,
};

/** The words of a notification of `kind` with `facts`; a kind this version does not know still reads as a notice. */
export function notificationText(kind: string, facts: Facts): NotificationText {
  return TEXTS[kind]?.(facts) ?? ANY;
}
