import {
  isMessageKey,
  issueMessageKey,
  messageText,
  type MessageKey,
  type FieldError,
  type MessageLocale,
  type z,
} from '@smec/schemas';
import { EVENT_MESSAGES, isEventMessageKey } from '@smec/schemas/rules';
import { fill, type Localized, type ProblemText } from './localized.js';
import { validationFailed, type ProblemFieldError } from './problem.js';

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly [key: string]: unknown;
}

const ISSUE_TEXT = {
  minLength: { 'zh-CN': '至少 {n} 个字符', 'zh-HK': '至少 {n} 個字元', en: 'Must be at least {n} characters' },
  min: { 'zh-CN': '不能小于 {n}', 'zh-HK': '不能小於 {n}', en: 'Must be at least {n}' },
  maxLength: { 'zh-CN': '最多 {n} 个字符', 'zh-HK': '最多 {n} 個字元', en: 'Must be at most {n} characters' },
  max: { 'zh-CN': '不能大于 {n}', 'zh-HK': '不能大於 {n}', en: 'Must be at most {n}' },
  wholeNumber: { 'zh-CN': '必须是整数', 'zh-HK': '必須是整數', en: 'Must be a whole number' },
  type: { 'zh-CN': '类型应为 {n}', 'zh-HK': '類型應為 {n}', en: 'Must be a {n}' },
  boolean: {
    'zh-CN': '必须是 true、false、1 或 0',
    'zh-HK': '必須是 true、false、1 或 0',
    en: 'Must be true, false, 1 or 0',
  },
  oneOf: { 'zh-CN': '必须是以下之一：{n}', 'zh-HK': '必須是以下之一：{n}', en: 'Must be one of: {n}' },
  notAllowed: { 'zh-CN': '不是允许的值', 'zh-HK': '不是允許的值', en: 'Not an allowed value' },
  format: { 'zh-CN': '格式不正确', 'zh-HK': '格式不正確', en: 'Has an invalid format' },
  formatOf: { 'zh-CN': '必须是有效的 {n}', 'zh-HK': '必須是有效的 {n}', en: 'Must be a valid {n}' },
  unknownField: { 'zh-CN': '未知字段', 'zh-HK': '未知欄位', en: 'Unknown field' },
  invalid: { 'zh-CN': '值无效', 'zh-HK': '值無效', en: 'Invalid value' },
  repeated: { 'zh-CN': '只能出现一次', 'zh-HK': '只能出現一次', en: 'Must be given only once' },
} as const satisfies Record<string, Localized>;

/**
 * A readable message for a zod issue, in every language. zod/mini ships no locale (it would weigh on the browser
 * bundle), so its default message is a bare "Invalid input"; schema-specific messages (`{ error: … }`) are kept as
 * written.
 */
export function issueMessage(issue: Issue): ProblemText {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  const { origin, minimum, maximum, expected, values, format } = issue as Record<string, unknown>;
  switch (issue.code) {
    case 'too_small':
      return fill(origin === 'string' ? ISSUE_TEXT.minLength : ISSUE_TEXT.min, { n: String(minimum) });
    case 'too_big':
      return fill(origin === 'string' ? ISSUE_TEXT.maxLength : ISSUE_TEXT.max, { n: String(maximum) });
    case 'invalid_type':
      if (expected === 'int' || expected === 'number') return ISSUE_TEXT.wholeNumber;
      return fill(ISSUE_TEXT.type, { n: String(expected) });
    case 'invalid_value':
      if (expected === 'stringbool') return ISSUE_TEXT.boolean;
      return Array.isArray(values) ? fill(ISSUE_TEXT.oneOf, { n: values.join(', ') }) : ISSUE_TEXT.notAllowed;
    case 'invalid_format':
      return format === 'regex' ? ISSUE_TEXT.format : fill(ISSUE_TEXT.formatOf, { n: String(format) });
    case 'unrecognized_keys':
      return ISSUE_TEXT.unknownField;
    default:
      return ISSUE_TEXT.invalid;
  }
}

/**
 * The paths of the strings in `input` that hold a NUL character. No text of the platform has one, and PostgreSQL
 * cannot store one in a text column: such input is refused up front, whatever the database.
 */
function pathsWithNul(input: unknown, path: string, found: string[] = []): string[] {
  if (typeof input === 'string') {
    if (input.includes('\u0000')) found.push(path);
  } else if (Array.isArray(input)) {
    input.forEach((item, i) => pathsWithNul(item, `${path}.${i}`, found));
  } else if (input !== null && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) pathsWithNul(value, `${path}.${key}`, found);
  }
  return found;
}

const NUL_MESSAGE: Localized = {
  'zh-CN': '不能包含空字符（U+0000）',
  'zh-HK': '不能包含空字元（U+0000）',
  en: 'Must not contain the NUL character (U+0000)',
};

function refuseNul(input: unknown, location: string): void {
  const paths = pathsWithNul(input, location);
  if (paths.length > 0) {
    throw validationFailed(paths.map((path) => ({ path, message: NUL_MESSAGE, code: 'invalid_characters' })));
  }
}

/** Parses request input with a shared schema; invalid input becomes a 400 `validation_failed` problem. */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  location: 'query' | 'params' | 'body',
): z.output<S> {
  const errors: ProblemFieldError[] = [];
  // Query strings may repeat a parameter (`?limit=1&limit=2`); every parameter of ours takes one value.
  if (location === 'query' && input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      if (Array.isArray(value)) errors.push({ path: `query.${key}`, message: ISSUE_TEXT.repeated, code: 'repeated' });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  refuseNul(input, location);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues as unknown as Issue[]) {
    const path = [location, ...issue.path.map(String)].join('.');
    errors.push({ path, message: issueMessage(issue), code: issue.code });
  }
  throw validationFailed(errors);
}

/**
 * Parses a form's body with its shared schema. Each error names the field (`body.enterprise.uscc`), carries the
 * schema's message key as `code` and that key's text in the request's language as `message`, so every client can
 * show the same words next to the field.
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, input: unknown, locale: MessageLocale): z.output<S> {
  refuseNul(input, 'body');
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues as unknown as (Issue & { input?: unknown })[]) {
    const path = ['body', ...issue.path.map(String)].join('.');
    // The centers' event forms keep their messages apart from the public forms' (which every widget carries).
    if (isEventMessageKey(issue.message)) {
      if (!seen.has(`${path} ${issue.message}`)) {
        seen.add(`${path} ${issue.message}`);
        errors.push({ path, message: EVENT_MESSAGES[issue.message][locale], code: issue.message });
      }
      continue;
    }
    const key = unionMessageKey(issue) ?? issueMessageKey(issue);
    if (seen.has(`${path} ${key}`)) continue;
    seen.add(`${path} ${key}`);
    errors.push({ path, message: messageText(key, locale), code: key });
  }
  throw validationFailed(errors);
}

/** A union's issue (a budget that is neither an amount nor 'negotiable') takes the first message key of its branches. */
function unionMessageKey(issue: Issue): MessageKey | undefined {
  if (issue.code !== 'invalid_union' || !Array.isArray(issue['errors'])) return undefined;
  for (const branch of issue['errors'] as unknown[]) {
    if (!Array.isArray(branch)) continue;
    for (const inner of branch as { message?: unknown }[]) if (isMessageKey(inner.message)) return inner.message;
  }
  return undefined;
}
