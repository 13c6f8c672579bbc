// <smec-feedback-rating>'s stories: an engagement not rated yet, rated by the story's 不满意 rating (the platform
// opens a follow-up), refused when rated again; one rated before with the provider's answer; nobody signed in; a
// product's public ratings, and a product without any.
import type { Engagement, RatingInput, RatingScores } from '@smec/schemas';
import type { SmecClient } from '@smec/sdk';
import { DISSATISFIED_PENALTY, RATING_COMMENT, RATING_SCORES } from '../support/inputs.js';
import { refused, type Recorder, type WidgetRecorder } from './recorder.js';

/** The seed's demo enterprise: delivered engagements of its own, some rated, some not. */
const ENTERPRISE = 'usr-ent-01';
/** Show mode's page size (rating-api.ts). */
const LIMIT = 5;

/** What the story's 不满意 rating sends. */
const DISSATISFIED: RatingInput = {
  scores: Object.fromEntries(
    RATING_SCORES.map(([item, points]) => [item, points - DISSATISFIED_PENALTY]),
  ) as RatingScores,
  level: 'dissatisfied',
  solved: true,
  comment: RATING_COMMENT,
};

/** What rate mode loads: the engagement, and its rating when it has one. */
async function rateMode(client: SmecClient, id: string): Promise<Engagement> {
  const engagement = await client.engagements.get(id);
  if (engagement.ratingId) await client.ratings.forEngagement(id);
  return engagement;
}

export async function recordFeedbackRating(recorder: Recorder): Promise<WidgetRecorder> {
  const recording = recorder.widget('feedback-rating');
  const look = recorder.lookAs(ENTERPRISE);
  const engagements = (await look.engagements.list({ limit: 100 })).items;
  const open = engagements.find((engagement) => engagement.acceptedAt && !engagement.ratingId);
  let answered: Engagement | undefined;
  for (const engagement of engagements.filter((candidate) => candidate.ratingId)) {
    const rating = await look.ratings.forEngagement(engagement.id);
    if (rating.followUp?.status === 'answered') answered = engagement;
    if (answered) break;
  }
  if (!open || !answered) throw new Error(`${ENTERPRISE} lacks an unrated engagement or an answered follow-up`);

  const enterprise = recording.scenario('enterprise', { user: ENTERPRISE });
  await rateMode(enterprise, open.id);
  await rateMode(enterprise, answered.id);
  // Show mode: the most rated of the popular products, and one nobody rated yet.
  const popular = (await recorder.look.products.list({ sort: 'popular', limit: 100 })).items;
  const rated = [...popular].sort((a, b) => b.rating.count - a.rating.count)[0];
  let unrated: (typeof popular)[number] | undefined;
  for await (const product of recorder.look.products.list({ sort: 'newest', limit: 100 })) {
    if (product.rating.count === 0) unrated = product;
    if (unrated) break;
  }
  if (!rated || rated.rating.count <= LIMIT || !unrated) throw new Error('the seed lacks rated and unrated products');
  await enterprise.ratings.forProduct(rated.id, { limit: LIMIT });
  await enterprise.ratings.forProduct(unrated.id, { limit: LIMIT });

  // Rated in another tab meanwhile: the story's form, then the platform's 409.
  const refusing = recording.scenario('refused', { user: ENTERPRISE, base: 'enterprise' });
  await rateMode(refusing, open.id);
  await enterprise.ratings.rate(open.id, DISSATISFIED);
  await rateMode(enterprise, open.id);
  await refused(refusing.ratings.rate(open.id, DISSATISFIED), 409);

  await refused(rateMode(recording.scenario('signedOut'), open.id), 401);

  Object.assign(recording.ids, {
    openEngagement: open.id,
    ratedEngagement: answered.id,
    ratedProduct: rated.id,
    unratedProduct: unrated.id,
  });
  return recording;
}
