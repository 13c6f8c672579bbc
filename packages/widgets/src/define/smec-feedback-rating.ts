import { SmecFeedbackRating } from '../components/feedback-rating/feedback-rating.component.js';

export { SmecFeedbackRating };
SmecFeedbackRating.define('smec-feedback-rating');

declare global {
  interface HTMLElementTagNameMap {
    'smec-feedback-rating': SmecFeedbackRating;
  }
}
