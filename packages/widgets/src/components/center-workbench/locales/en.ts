// English texts of <smec-center-workbench>, keyed by the ids of its msg() calls. `{0}`, `{1}` are the values in order.

export const templates = {
  'center.nav.label': 'Workbench',
  'center.nav.overview': 'Overview',
  'center.overview.counts': 'Waiting',
  'center.overview.hint': 'What waits for your center and the regions below it:',
  'center.signIn': 'Sign in',
  'center.signIn.hint':
    'The workbench is for service center staff: handle demands, applications to join, objections and follow-ups. Please sign in.',
  'center.signIn.title': 'Sign in to the service center workbench',
  'center.title': 'Service center workbench',
  'center.waiting.applications': 'Applications to review',
  'center.waiting.followUps': 'Follow-ups overdue',
  'center.waiting.newDemands': 'New demands',
  'center.waiting.objections': 'Open objections',
  'center.wrongAccount.hint':
    'You are signed in with an enterprise’s or a provider’s account. Sign in with a service center staff account and try again.',
  'center.wrongAccount.title': 'The workbench is for service center staff only',
};
