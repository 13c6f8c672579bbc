// Zod-free rules and constants: safe for browser bundles (no import of zod here or in any module below).
export * from './policy.js';
export * from './stats.js';
