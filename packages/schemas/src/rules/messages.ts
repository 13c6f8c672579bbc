// Validation messages of the forms, in Simplified Chinese first and in English. Schemas carry a message key as
// their error; the server answers in the request's language and the widgets show the same words next to the field.

import { MESSAGES_EN } from './messages-en.js';
import { MESSAGES_ZH_CN, isMessageKey, type MessageKey } from './messages-zh-CN.js';
import { MESSAGES_ZH_HK } from './messages-zh-HK.js';
import { APPLICATION_MESSAGES, isApplicationMessageKey } from './provider-application-messages.js';
import type { ApplicationMessageKey } from './provider-application.js';
import { OBJECTION_MESSAGES, isObjectionMessageKey } from './public-notice-messages.js';
import type { ObjectionMessageKey } from './public-notice.js';
import { EXPERT_MESSAGES, isExpertMessageKey } from './expert-messages.js';
import type { ExpertMessageKey } from './expert.js';
import { BATCH_MESSAGES } from './voucher-batch-messages.js';
import type { BatchMessageKey } from './voucher-batch.js';

function isBatchMessageKey(key: unknown): key is BatchMessageKey {
  return typeof key === 'string' && Object.hasOwn(BATCH_MESSAGES, key);
}

export type MessageLocale = 'zh-CN' | 'zh-HK' | 'en';

const BY_LOCALE: Record<MessageLocale, Record<MessageKey, string>> = {
  'zh-CN': MESSAGES_ZH_CN,
  'zh-HK': MESSAGES_ZH_HK,
  en: MESSAGES_EN,
};

/** Every message in the three languages, key by key (what the server answers with). */
export const MESSAGES = Object.fromEntries(
  (Object.keys(MESSAGES_ZH_CN) as MessageKey[]).map((key) => [
    key,
    { 'zh-CN': MESSAGES_ZH_CN[key], 'zh-HK': MESSAGES_ZH_HK[key], en: MESSAGES_EN[key] },
  ]),
) as Record<MessageKey, Record<MessageLocale, string>>;

/** A message key of any form: the public forms' or the application's. */
export type FormMessageKey =
  MessageKey | ApplicationMessageKey | ObjectionMessageKey | ExpertMessageKey | BatchMessageKey;

/** The text of a message key in a language; unknown keys fall back to the generic message. */
export function messageText(key: string, locale: MessageLocale = 'zh-CN'): string {
  if (isApplicationMessageKey(key)) return APPLICATION_MESSAGES[key][locale];
  if (isObjectionMessageKey(key)) return OBJECTION_MESSAGES[key][locale];
  if (isExpertMessageKey(key)) return EXPERT_MESSAGES[key][locale];
  if (isBatchMessageKey(key)) return BATCH_MESSAGES[key][locale];
  return BY_LOCALE[locale][isMessageKey(key) ? key : 'invalid'];
}

/** The message key of a validation issue: the schema's own key, else `required` for a missing value, else `invalid`. */
export function issueMessageKey(issue: {
  readonly code: string;
  readonly message: string;
  readonly input?: unknown;
}): FormMessageKey {
  const { message } = issue;
  if (isMessageKey(message) || isApplicationMessageKey(message) || isObjectionMessageKey(message)) return message;
  if (isExpertMessageKey(message) || isBatchMessageKey(message)) return message;
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null || issue.input === '')) {
    return 'required';
  }
  return 'invalid';
}
