import type { RatingInput } from '@smec/sdk';

/** A complete, satisfied rating of an engagement, scoring 90 (grade A), for the tests that rate one. */
export const GOOD_RATING: RatingInput = {
  scores: {
    attitude: 10,
    expertise: 9,
    conduct: 9,
    fulfilment: 14,
    quality: 13,
    value: 13,
    usefulness: 9,
    afterSales: 13,
  },
  level: 'satisfied',
  solved: true,
  comment: '顾问专业，按期交付。👍🏻',
};
