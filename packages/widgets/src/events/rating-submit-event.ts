import type { Rating } from '@smec/schemas';

/**
 * Fired when the signed-in enterprise has rated an engagement and the platform accepted the rating (never for a
 * rating loaded to be shown). Bubbles out of the shadow root.
 *
 * @example
 * rating.addEventListener('smec-rating-submit', (event) => console.log(event.detail.rating.grade));
 */
export class SmecRatingSubmitEvent extends CustomEvent<{ engagementId: string; rating: Rating }> {
  static readonly eventName = 'smec-rating-submit';

  constructor(detail: { engagementId: string; rating: Rating }) {
    super(SmecRatingSubmitEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-rating-submit': SmecRatingSubmitEvent;
  }
}
