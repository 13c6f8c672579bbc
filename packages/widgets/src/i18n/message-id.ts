// Every message id `msg()` accepts: the ids of the English tables (each zh-HK table has the same ones). Types only:
// naming a table here fetches nothing. A new widget with texts adds its table.
import type { templates as catalog } from '../components/catalog/locales/en.js';
import type { templates as centerScorecard } from '../components/center-scorecard/locales/en.js';
import type { templates as demandForm } from '../components/demand-form/locales/en.js';
import type { templates as eventCalendar } from '../components/event-calendar/locales/en.js';
import type { templates as feedbackRating } from '../components/feedback-rating/locales/en.js';
import type { templates as providerApplication } from '../components/provider-application/locales/en.js';
import type { templates as publicNotice } from '../components/public-notice/locales/en.js';
import type { templates as providerWorkbench } from '../components/provider-workbench/locales/en.js';
import type { templates as policyList } from '../components/policy-list/locales/en.js';
import type { templates as voucherWallet } from '../components/voucher-wallet/locales/en.js';
import type { templates as expertDirectory } from '../components/expert-directory/locales/en.js';
import type { templates as centerDirectory } from '../components/center-directory/locales/en.js';
import type { templates as centerWorkbench } from '../components/center-workbench/locales/en.js';
import type { templates as shared } from './locales/en.js';

export type MessageId = keyof (typeof shared &
  typeof catalog &
  typeof centerScorecard &
  typeof demandForm &
  typeof eventCalendar &
  typeof feedbackRating &
  typeof policyList &
  typeof voucherWallet &
  typeof providerApplication &
  typeof expertDirectory &
  typeof publicNotice &
  typeof providerWorkbench &
  typeof centerDirectory &
  typeof centerWorkbench);
