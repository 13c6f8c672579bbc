// English texts that several widgets show (statuses, errors, shared labels) and the platform's validation messages.
// A widget's own texts are in its components/<widget>/locales/en.ts. `{0}`, `{1}` are the values in order.
import { MESSAGES_EN } from '@smec/schemas/rules';

export const templates = {
  'calendar.close': 'Close',
  'confirm.back': 'Go back',
  'price.discounted': 'Discounted price',
  'price.free': 'Free',
  'price.list': 'List price',
  'demand.errorPrefix': 'Error: ',
  'demand.keptRetry': 'Everything you entered has been kept. Trying again will not submit it twice.',
  'demand.optional': '(optional)',
  'demand.submitting': 'Submitting…',
  'error.invalidResponse': 'The platform sent data that could not be read.',
  'error.network': 'Could not reach the service platform. Check your connection and try again.',
  'error.notFound': 'This service was not found; it may have been withdrawn.',
  'error.rateLimited': 'Too many requests. Please try again in a moment.',
  'error.requestId': 'Request ID: {0}',
  'error.timeout': 'The service platform took too long to answer. Please try again.',
  'error.unknown': 'Something went wrong.',
  'event.error.signedOut': 'Your sign-in has expired. Please sign in again.',
  'policy.level.city': 'City',
  'policy.level.county': 'County/district',
  'policy.level.province': 'Province',
  'rating.none': 'No ratings yet',
  'status.error': 'Could not load',
  'status.loading': 'Loading…',
  'status.retry': 'Try again',
  'status.stalled': 'Loading is taking longer than usual, please wait…',
} satisfies Record<string, string>;

/** The platform's validation messages in this language, keyed like the server's `code`s. */
export const validation = MESSAGES_EN;
