import { config } from 'zod/mini';

// Government pages run under `script-src 'self'` without 'unsafe-eval'; zod must never try `new Function`.
// This call must run before any schema is built, so package.json lists this file in `sideEffects`.
config({ jitless: true });

// Modules import this as a namespace (`import * as z from './zod.js'`): bundlers tree-shake a direct namespace
// import, but not a namespace object re-exported as a value (that pulled all of zod, 85 KB gzip, into browsers).
export * from 'zod/mini';
