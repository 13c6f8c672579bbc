export * as z from './zod.js';
export * from './identifiers.js';
export * from './common.js';
export * from './problem.js';
export * from './reference.js';
export * from './catalog.js';
export * from './health.js';
export * from './query.js';
