// Zod-free constants of the event calendar, for the widgets.

export const EVENT_TYPES = ['matching', 'training', 'policyBriefing', 'expertClinic'] as const;
