// English texts of <smec-center-scorecard>, keyed by the ids of its msg() calls. `{0}`, `{1}` are the values in order.

export const templates = {
  'scorecard.asOf': "Figures as of {0}, counted from the platform's live data",
  'scorecard.basis': 'How targets are set: ',
  'scorecard.basis.text':
    "The province's targets are the policy's (10,000 providers integrated, 300,000 enterprise-services a year); a city's is an equal share of the province's among the prefecture-level cities, a county's an equal share of its city's among the city's counties, rounded up.",
  'scorecard.chart.none': 'No services recorded in any month of the year.',
  'scorecard.chart.summary': 'Enterprise-services by month, bar chart: {0} in the year, the most in {1} ({2}).',
  'scorecard.compare': 'Compared with the parent region',
  'scorecard.comparison': 'Compared with {0}',
  'scorecard.error.notFound': 'No yearly figures were found for this region.',
  'scorecard.figure': 'Figure',
  'scorecard.figures': 'Key figures',
  'scorecard.heading': '{0}: services in {1}',
  'scorecard.share': 'Share of {0}',
  'scorecard.table.caption': 'Figures by month',
  'scorecard.table.demands': 'Demands received',
  'scorecard.table.hide': 'Hide the table',
  'scorecard.table.month': 'Month',
  'scorecard.table.ratings': 'Ratings',
  'scorecard.table.show': 'Show as a table',
  'scorecard.table.vouchers': 'Vouchers redeemed',
  'scorecard.targets': 'Progress towards the targets',
  'scorecard.title': 'Services of the year',
  'scorecard.trend': 'Monthly trend',
} satisfies Record<string, string>;
