// Zod-free text and date helpers shared by the forms, the server and the widgets.

/**
 * Length as a person counts it: one per user-perceived character (grapheme cluster), so a Chinese character, an
 * emoji, an emoji with a skin tone or a family emoji joined by zero-width joiners is one.
 */
export function textLength(text: string): number {
  // Kept once made, like the date format below; code points are the fallback where Intl.Segmenter is missing.
  if (typeof Intl.Segmenter !== 'function') return [...text].length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...graphemes.segment(text)].length;
}
let graphemes: Intl.Segmenter | undefined;

/** Today's date in Asia/Shanghai, where the platform's days begin and end. */
export function todayInShanghai(now: Date = new Date()): string {
  // Kept once made: building a DateTimeFormat costs far more than formatting with it.
  shanghaiDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' });
  return shanghaiDay.format(now);
}
let shanghaiDay: Intl.DateTimeFormat | undefined;
