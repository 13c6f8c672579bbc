import type { Grade, MessageKey, RatingInput, RatingItem, SatisfactionLevel } from '@smec/schemas';
import { COMMENT_MAX, RATING_ITEMS, ratingGrade, textLength } from '@smec/schemas/rules';

/** What the form holds while the enterprise rates: nothing chosen until it chooses. */
export interface RatingFormValues {
  scores: Partial<Record<RatingItem, number>>;
  level: SatisfactionLevel | undefined;
  solved: boolean | undefined;
  comment: string;
}

export const EMPTY_RATING: RatingFormValues = { scores: {}, level: undefined, solved: undefined, comment: '' };

/** The fields that can be wrong, in the order of the form. */
export type RatingField = RatingItem | 'level' | 'solved' | 'comment';

export type RatingProblems = Partial<Record<RatingField, MessageKey>>;

export function commentProblem(comment: string): MessageKey | undefined {
  return textLength(comment) > COMMENT_MAX ? 'rating.comment' : undefined;
}

/** Every problem of the form, with the message keys of @smec/schemas (the server's words for the same rules). */
export function checkRating(values: RatingFormValues): RatingProblems {
  const problems: RatingProblems = {};
  for (const [item] of RATING_ITEMS) if (values.scores[item] === undefined) problems[item] = 'rating.score';
  if (!values.level) problems.level = 'rating.level';
  if (values.solved === undefined) problems.solved = 'rating.solved';
  const comment = commentProblem(values.comment);
  if (comment) problems.comment = comment;
  return problems;
}

/** The body to send; call only when {@link checkRating} found nothing. */
export function toRatingInput(values: RatingFormValues): RatingInput {
  const scores = Object.fromEntries(RATING_ITEMS.map(([item]) => [item, values.scores[item] ?? 0]));
  const comment = values.comment.trim();
  return {
    scores: scores as RatingInput['scores'],
    level: values.level ?? 'neutral',
    solved: values.solved ?? false,
    ...(comment ? { comment } : {}),
  };
}

/** The score so far (unscored items count nothing), its grade, and how many items are still to score. */
export function runningScore(values: RatingFormValues): { score: number; grade: Grade; left: number } {
  let score = 0;
  let left = 0;
  for (const [item] of RATING_ITEMS) {
    const points = values.scores[item];
    if (points === undefined) left += 1;
    else score += points;
  }
  return { score, grade: ratingGrade(score), left };
}

/** The field a validation problem's path (`/scores/attitude`, `scores.attitude`, `comment`) belongs to. */
export function fieldOfPath(path: string | readonly (string | number)[] | undefined): RatingField | undefined {
  const parts = (typeof path === 'string' ? path.split(/[./]/) : (path ?? []).map(String)).filter(Boolean);
  const last = parts.at(-1);
  const fields: readonly string[] = [...RATING_ITEMS.map(([item]) => item), 'level', 'solved', 'comment'];
  return last && fields.includes(last) ? (last as RatingField) : undefined;
}
