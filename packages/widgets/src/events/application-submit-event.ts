/** What `smec-application-submit` tells: the application's number and id. */
export interface ApplicationSubmitDetail {
  applicationNo: string;
  applicationId: string;
  /** True when it was sent again after the reviewer asked for changes. */
  resubmitted: boolean;
}

/**
 * Fired when the platform accepted an applicant's application to join, or its resubmission (never for a change made
 * by code). Bubbles out of the shadow root.
 *
 * @example
 * form.addEventListener('smec-application-submit', (event) => console.log(event.detail.applicationNo));
 */
export class SmecApplicationSubmitEvent extends CustomEvent<ApplicationSubmitDetail> {
  static readonly eventName = 'smec-application-submit';

  constructor(detail: ApplicationSubmitDetail) {
    super(SmecApplicationSubmitEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-application-submit': SmecApplicationSubmitEvent;
  }
}
