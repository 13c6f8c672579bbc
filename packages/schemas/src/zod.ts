import * as z from 'zod/mini';

// Government pages run under `script-src 'self'` without 'unsafe-eval'; zod must never try `new Function`.
z.config({ jitless: true });

export { z };
