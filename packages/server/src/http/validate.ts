import {
  isMessageKey,
  issueMessageKey,
  messageText,
  type MessageKey,
  type FieldError,
  type MessageLocale,
  type z,
} from '@smec/schemas';
import { validationFailed } from './problem.js';

interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly [key: string]: unknown;
}

/**
 * A readable English message for a zod issue. zod/mini ships no locale (it would weigh on the browser bundle), so
 * its default message is a bare "Invalid input"; schema-specific messages (`{ error: … }`) are kept as written.
 */
export function issueMessage(issue: Issue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  const { origin, minimum, maximum, expected, values, format } = issue as Record<string, unknown>;
  switch (issue.code) {
    case 'too_small':
      return origin === 'string'
        ? `Must be at least ${String(minimum)} characters`
        : `Must be at least ${String(minimum)}`;
    case 'too_big':
      return origin === 'string'
        ? `Must be at most ${String(maximum)} characters`
        : `Must be at most ${String(maximum)}`;
    case 'invalid_type':
      if (expected === 'int' || expected === 'number') return 'Must be a whole number';
      return `Must be a ${String(expected)}`;
    case 'invalid_value':
      if (expected === 'stringbool') return 'Must be true, false, 1 or 0';
      return Array.isArray(values) ? `Must be one of: ${values.join(', ')}` : 'Not an allowed value';
    case 'invalid_format':
      return format === 'regex' ? 'Has an invalid format' : `Must be a valid ${String(format)}`;
    case 'unrecognized_keys':
      return 'Unknown field';
    default:
      return 'Invalid value';
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

const NUL_MESSAGE: Record<MessageLocale, string> = {
  'zh-CN': '不能包含空字符（U+0000）',
  'zh-HK': '不能包含空字元（U+0000）',
  en: 'Must not contain the NUL character (U+0000)',
};

function refuseNul(input: unknown, location: string, locale: MessageLocale): void {
  const paths = pathsWithNul(input, location);
  if (paths.length > 0) {
    throw validationFailed(paths.map((path) => ({ path, message: NUL_MESSAGE[locale], code: 'invalid_characters' })));
  }
}

/** Parses request input with a shared schema; invalid input becomes a 400 `validation_failed` problem. */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  location: 'query' | 'params' | 'body',
): z.output<S> {
  const errors: FieldError[] = [];
  // Query strings may repeat a parameter (`?limit=1&limit=2`); every parameter of ours takes one value.
  if (location === 'query' && input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      if (Array.isArray(value))
        errors.push({ path: `query.${key}`, message: 'Must be given only once', code: 'repeated' });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  refuseNul(input, location, 'en');
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
  refuseNul(input, 'body', locale);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues as unknown as (Issue & { input?: unknown })[]) {
    const path = ['body', ...issue.path.map(String)].join('.');
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
