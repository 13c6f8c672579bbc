// Zod-free rules and constants: safe for browser bundles. Nothing here or below imports zod, so a widget importing
// values from `@smec/schemas/rules` pays only for what it uses; the schemas in the main entry are built on these.
export * from './catalog.js';
export * from './demand.js';
export * from './event.js';
export * from './expert.js';
export * from './expert-messages.js';
export * from './file.js';
export * from './identifiers.js';
export * from './messages.js';
export * from './messages-en.js';
export * from './messages-zh-CN.js';
export * from './messages-zh-HK.js';
export * from './money.js';
export * from './policy.js';
export * from './problem.js';
export * from './problem-titles.js';
export * from './provider-application.js';
export * from './provider-application-messages.js';
export * from './rating.js';
export * from './regions.js';
export * from './shanghai.js';
export * from './stats.js';
export * from './text.js';
export * from './voucher.js';
export * from './web-url.js';
export * from './application-draft.js';
