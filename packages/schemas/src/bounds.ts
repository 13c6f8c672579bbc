// Length bounds of request strings that the OpenAPI document can state as `maxLength`, for clients and linters that
// read neither patterns nor refinements.
import * as z from './zod.js';

/**
 * UTF-16 code units a text may take per character of its limit. Free-text limits count characters as a person does
 * (`textLength`), which bounds nothing a byte counter sees: one family emoji takes eleven units. Four a character hold
 * any real text (a Chinese character takes one, an emoji two, a flag or an emoji with a skin tone four).
 */
export const CODE_UNITS_PER_CHARACTER = 4;

/**
 * The hard cap of a free text of at most `characters` characters, checked before they are counted; its error is the
 * field's own message, so an over-long text is refused with the same words as a text a few characters too long.
 */
export function textCap(characters: number, error: string) {
  return z.maxLength(characters * CODE_UNITS_PER_CHARACTER, { error, abort: true });
}

/** Says in the document how many characters the text may have, as the cap cannot. */
export function describeTextLimit(characters: number) {
  return z.describe(
    `At most ${characters} characters as a person counts them (an emoji or a Chinese character is one).`,
  );
}

/**
 * Documents the longest value the schema's own check (an anchored pattern, a refinement) allows. That check refuses
 * anything longer, so this adds nothing to what the server checks, nor to a refusal's errors; each use is tested.
 */
export function impliedMaxLength(maxLength: number) {
  return z.meta({ maxLength });
}

/** A free-text field: capped, checked by its rule (undefined when the value passes) and described, with one message. */
export function ruledText(max: number, key: string, rule: (value: string) => unknown) {
  return z.string().check(
    textCap(max, key),
    z.refine((value) => rule(value) === undefined, { error: key }),
    describeTextLimit(max),
  );
}
