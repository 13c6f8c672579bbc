/** What `smec-objection-submit` tells: the objection's number, the notice it is against and that applicant's name. */
export interface ObjectionSubmitDetail {
  objectionId: string;
  noticeId: string;
  organisationName: string;
}

/**
 * Fired when the platform accepted an objection to an applicant under public notice (never for a replay of one
 * already accepted by code). Bubbles out of the shadow root.
 *
 * @example
 * notice.addEventListener('smec-objection-submit', (event) => console.log(event.detail.objectionId));
 */
export class SmecObjectionSubmitEvent extends CustomEvent<ObjectionSubmitDetail> {
  static readonly eventName = 'smec-objection-submit';

  constructor(detail: ObjectionSubmitDetail) {
    super(SmecObjectionSubmitEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'smec-objection-submit': SmecObjectionSubmitEvent;
  }
}
