/**
 * The embeddable web components of Guangdong's SME public service platform. Importing this module defines every
 * `smec-*` tag; import a single `@smec/widgets/smec-<tag>.js` to define only that one.
 *
 * @packageDocumentation
 */
export { SmecRoot } from './define/smec-root.js';
export { SmecCatalog } from './define/smec-catalog.js';
export { SmecDemandForm } from './define/smec-demand-form.js';
export { SmecEventCalendar } from './define/smec-event-calendar.js';
export { SmecFeedbackRating } from './define/smec-feedback-rating.js';
export { SmecVoucherWallet } from './define/smec-voucher-wallet.js';
export { SmecPolicyList } from './define/smec-policy-list.js';
export { SmecCenterScorecard } from './define/smec-center-scorecard.js';
export { SmecProviderApplication } from './define/smec-provider-application.js';
export { SmecExpertDirectory } from './define/smec-expert-directory.js';
export { SmecCenterDirectory } from './define/smec-center-directory.js';
export { SmecPublicNotice } from './define/smec-public-notice.js';
export { SmecProviderWorkbench } from './define/smec-provider-workbench.js';
export { SmecCenterWorkbench } from './define/smec-center-workbench.js';
export type { VoucherProductRequest } from './components/voucher-wallet/voucher-wallet.component.js';
export type { DemandPrefill } from './components/demand-form/demand-form.component.js';
export { SmecElement } from './internal/smec-element.js';
export { clientContext, type SmecClient } from './internal/client.js';
export { SmecSelectEvent } from './events/select-event.js';
export { SmecErrorEvent } from './events/error-event.js';
export { SmecDemandSubmitEvent } from './events/demand-submit-event.js';
export { SmecDemandRequestEvent } from './events/demand-request-event.js';
export { SmecEventRegisterEvent } from './events/event-register-event.js';
export { SmecEventCancelEvent } from './events/event-cancel-event.js';
export { SmecAuthRequiredEvent, type AuthRequiredDetail } from './events/auth-required-event.js';
export { SmecRatingSubmitEvent } from './events/rating-submit-event.js';
export { SmecVoucherClaimEvent } from './events/voucher-claim-event.js';
export { SmecVoucherUseEvent } from './events/voucher-use-event.js';
export { SmecVoucherReturnEvent } from './events/voucher-return-event.js';
export { SmecVoucherRequestEvent } from './events/voucher-request-event.js';
export { SmecPolicyServicesEvent } from './events/policy-services-event.js';
export { SmecApplicationSubmitEvent, type ApplicationSubmitDetail } from './events/application-submit-event.js';
export { SmecObjectionSubmitEvent, type ObjectionSubmitDetail } from './events/objection-submit-event.js';
export { LOCALES, type SmecLocale } from './i18n/localization.js';
