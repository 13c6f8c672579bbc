import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Clock } from '../clock.js';

/*
 * The log is JSON lines (pino), one per request plus startup and unexpected errors. It must hold no personal data
 * (PIPL): no phone numbers, names, tracking numbers, credit codes, tokens, request bodies or client addresses. A
 * line keeps what an operator needs: time, level, request id, method, route pattern, redacted URL, status and
 * duration. Client addresses are not logged at all: the rate limiter keeps them in memory only, and the load
 * balancer in front, whose logs an operator controls, is the place to trace an address.
 */

/** Query parameters whose values are personal or secret. The tracking number with the phone opens a demand. */
const SENSITIVE_PARAMS =
  /([?&](?:phone|mobile|tel|contactPhone|contactName|name|uscc|trackingNo|token|access_token)=)[^&#]*/gi;
/** A mainland mobile number anywhere (kept: carrier prefix and last four, as on a receipt). */
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
/** An 18-character unified social credit code, or a resident ID number, which has the same shape. */
const USCC =
  /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{2}\d{6}[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]{10}(?![0-9A-Za-z])/g;
/** PostgreSQL quotes the offending values in its messages: `Key (contact_phone)=(13812345678) already exists`. */
const KEY_VALUES = /(\))=\([^)]*\)/g;
const BEARER = /\b(Bearer\s+)[\w.~+/-]+=*/gi;

export function redactText(text: string): string {
  return text.replace(BEARER, '$1***').replace(KEY_VALUES, '$1=(***)').replace(USCC, '***').replace(MOBILE, '$1****$2');
}

/** The URL as logged: personal query parameters masked, and anything shaped like a phone number or credit code. */
export function redactUrl(url: string): string {
  return redactText(url.replace(SENSITIVE_PARAMS, '$1***'));
}

/**
 * An error as logged: its class, code and message and stack, masked. Everything else an error may carry is left out
 * on purpose: node-postgres adds `detail`, `where` and `parameters` with the row's values.
 */
export function errorForLog(error: unknown): { type: string; message: string; stack: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: redactText(String(error)), stack: '' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    message: redactText(error.message),
    stack: redactText(error.stack ?? ''),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

/** Belt and braces: if a header object ever reaches a log line, its credentials do not. */
const REDACT_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'err.detail',
  'err.parameters',
];

/** Fastify's `logger` option in its object form (Fastify's logger options and pino's). */
export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/**
 * Fastify's logger: JSON lines with an ISO time and a level name, masked errors, to `stream` (default stdout). The
 * time is the server's clock's, so a server pinned by SMEC_NOW logs the moments it acts at.
 */
export function loggerOptions(clock: Clock, stream?: { write(line: string): unknown }): LoggerOptions {
  return {
    level: 'info',
    ...(stream ? { stream: { write: (line: string) => void stream.write(line) } } : {}),
    timestamp: () => `,"time":"${new Date(clock.now()).toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { err: errorForLog as (error: Error) => ReturnType<typeof errorForLog> },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
  };
}

/** One line per request, when it is answered: `GET /api/v1/demands/lookup?trackingNo=***&phone=*** 200 3.1ms`. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const url = redactUrl(request.url);
    const durationMs = Math.round(reply.elapsedTime * 10) / 10;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        url,
        status: reply.statusCode,
        durationMs,
      },
      `${request.method} ${url} ${reply.statusCode} ${durationMs.toFixed(1)}ms`,
    );
  });
}
