// English texts of <smec-public-notice>, keyed by the ids of its msg() calls. `{0}`, `{1}` are the values in order.

export const templates = {
  'notice.back': 'Back to the notice list',
  'notice.categories': 'Service categories',
  'notice.done.at': 'Filed {0}',
  'notice.done.heading': 'Objection filed',
  'notice.done.next':
    'The service center will look into it before the notice ends and may call you on the mobile number you gave. Keep the objection number for any enquiry.',
  'notice.done.number': 'Objection number',
  'notice.done.received': 'The service center has received your objection to “{0}”.',
  'notice.empty': 'No organisation is under public notice',
  'notice.empty.hint':
    'No organisation is under public notice now. Applications a service center approves are listed here for 7 days.',
  'notice.ended': 'The public notice of this organisation has ended; objections are no longer accepted',
  'notice.ended.hint': 'If you have concerns, contact the SME public service center of your area directly.',
  'notice.endsOn': 'Notice ends',
  'notice.form.heading': 'Object to “{0}”',
  'notice.form.intro':
    'The notice ends on {0}. The service center looks into every objection; your mobile number is only used to contact you and is never published.',
  'notice.form.mobile': 'Mobile number',
  'notice.form.mobile.hint': 'An 11-digit mainland China mobile number, so that the service center can reach you',
  'notice.form.name': 'Your name',
  'notice.form.reason': 'Reason for the objection',
  'notice.form.reason.count': '{0} of {1} characters',
  'notice.form.reason.hint': 'State the facts, such as when, where and what happened: 10 to 500 characters',
  'notice.form.submit': 'File the objection',
  'notice.heading': 'Public notice of service providers joining the network',
  'notice.intro':
    'These organisations have been approved by a service center and are under public notice. If you have concerns about their qualifications or integrity, you may object before the notice ends.',
  'notice.more': 'Show more',
  'notice.object': 'Object',
  'notice.objections': 'Objections received',
  'notice.objections.count': '{0}',
  'notice.region': 'Region',
  'notice.total': '{0} organisations under public notice',
  'notice.uscc': 'Unified social credit code',
} satisfies Record<string, string>;
