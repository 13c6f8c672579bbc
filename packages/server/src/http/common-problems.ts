// Problems several routes raise in the same words: one text each, in every language.
import { fill, type Localized } from './localized.js';
import { ProblemError, validationFailed } from './problem.js';

const TEXT = {
  unknownRegion: {
    'zh-CN': '未知的地区代码 {code}',
    'zh-HK': '未知的地區代碼 {code}',
    en: 'Unknown region code {code}',
  },
  cursorOfOtherSort: {
    'zh-CN': '该游标不属于当前的排序方式。',
    'zh-HK': '該游標不屬於目前的排序方式。',
    en: 'The cursor does not belong to this sort order.',
  },
} as const satisfies Record<string, Localized>;

/** A 400 for a region code the platform does not know, on the query parameter `path` (`query.region`). */
export function unknownRegion(path: string, code: string, errorCode = 'region.unknown'): ProblemError {
  return validationFailed([{ path, message: fill(TEXT.unknownRegion, { code }), code: errorCode }]);
}

/** A 400 for a cursor made under another sort order of the same list. */
export function cursorOfOtherSort(): ProblemError {
  return new ProblemError('invalid_cursor', TEXT.cursorOfOtherSort);
}
