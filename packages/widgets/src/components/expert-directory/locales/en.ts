// English texts of <smec-expert-directory>, keyed by the ids of its msg() calls. `{0}`, `{1}` are the values in order.

export const templates = {
  'expert.bio.collapse': 'Show less',
  'expert.bio.expand': 'Show more',
  'expert.empty': 'No expert matches',
  'expert.empty.hint': 'No expert matches. Try another word or fewer filters.',
  'expert.filter.allRegions': 'All of Guangdong',
  'expert.filter.allSpecialties': 'All specialties',
  'expert.filter.region': 'Region',
  'expert.filter.specialty': 'Specialties',
  'expert.heading': 'Experts',
  'expert.more': 'More experts',
  'expert.search.label': 'Search experts',
  'expert.search.placeholder': 'Name, title or a keyword (Chinese works with one or two characters)',
  'expert.search.submit': 'Search',
  'expert.total': '{0} experts',
  'expert.years': '{0} years in practice',
};
