// Zod-free text and date helpers shared by the forms, the server and the widgets.
import { shanghaiDayOf } from './shanghai.js';

/**
 * Length as a person counts it: one per user-perceived character (grapheme cluster), so a Chinese character, an
 * emoji, an emoji with a skin tone or a family emoji joined by zero-width joiners is one.
 */
export function textLength(text: string): number {
  // Kept once made: building a Segmenter costs far more than segmenting with it. Code points are the fallback where
  // Intl.Segmenter is missing.
  if (typeof Intl.Segmenter !== 'function') return [...text].length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...graphemes.segment(text)].length;
}
let graphemes: Intl.Segmenter | undefined;

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, where the platform's days begin and end. */
export function todayInShanghai(now: Date | number = new Date()): string {
  return shanghaiDayOf(now);
}
