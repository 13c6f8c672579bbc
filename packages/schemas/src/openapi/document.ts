import { MAX_FILE_BYTES } from '../rules/file.js';
import { Problem } from '../problem.js';
import { PROBLEM_CODES, PROBLEM_STATUS, type ProblemCode } from '../rules/problem.js';
import { PROBLEM_TITLES } from '../rules/problem-titles.js';
import type * as z from '../zod.js';
import { jsonSchema, type JsonObject } from './json-schema.js';
import { operations, problemCodesOf, type Operation } from './operations.js';
import { CORS_HEADERS, RATE_LIMIT_HEADERS, RETRY_AFTER_HEADER } from './response-headers.js';

/** The reason phrase of each error status a problem code has (RFC 9110). */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * A query or path value as the type of its schema: the operations' examples are written as the URL spells them
 * (`limit: '10'`), the document's examples must match their schema (`limit: 10`).
 */
function exampleOf(value: string, schema: JsonObject): unknown {
  if (schema['type'] === 'integer' || schema['type'] === 'number') return Number(value);
  if (schema['type'] === 'boolean') return value === 'true';
  return value;
}

/** Turns an object schema of query or path values into OpenAPI parameters. */
function parametersOf(schema: z.ZodMiniType | undefined, location: 'query' | 'path', example?: Record<string, string>) {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, propertySchema]) => {
    const parameter: JsonObject = {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      schema: propertySchema,
    };
    const value = example?.[name];
    if (value !== undefined) parameter['example'] = exampleOf(value, propertySchema);
    return parameter;
  });
}

/**
 * The operation's error responses, one per status, each naming the codes it can carry: the description lists them
 * with their titles, and the schema narrows the problem's `status` and `code` to them, so that a generated client
 * knows every code it has to handle. Codes keep the order of the one list (`PROBLEM_CODES`).
 */
function problemResponses(operation: Operation): Record<string, JsonObject> {
  const own = new Set(problemCodesOf(operation));
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of PROBLEM_CODES) {
    if (!own.has(code)) continue;
    const status = PROBLEM_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const named = codes.map((code) => `\`${code}\` (${PROBLEM_TITLES[code].en})`).join(', ');
    responses[String(status)] = {
      description: `${STATUS_TEXT[status] ?? 'Error'}: ${named}`,
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Problem' },
              { type: 'object', properties: { status: { const: status }, code: { type: 'string', enum: codes } } },
            ],
          },
        },
      },
    };
  }
  return responses;
}

/**
 * The headers of each answer: CORS on all of them; on a limited operation (one that can answer 429) the rate limit's
 * on all of them, and `Retry-After` with the 429.
 */
function withHeaders(responses: Record<string, JsonObject>, limited: boolean): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      {
        ...response,
        headers: {
          ...(response['headers'] as JsonObject | undefined),
          ...CORS_HEADERS,
          ...(limited ? RATE_LIMIT_HEADERS : {}),
          ...(limited && status === '429' ? RETRY_AFTER_HEADER : {}),
        },
      },
    ]),
  );
}

/** The example's value of a header, as a parameter's `example`. */
function exampleHeader(operation: Operation, name: string): JsonObject {
  const value = operation.example?.headers?.[name.toLowerCase()];
  return value === undefined ? {} : { example: value };
}

const SECURITY = { bearer: [{ bearerAuth: [] }], optional: [{}, { bearerAuth: [] }], none: [] } as const;

function operationObject(operation: Operation): JsonObject {
  // Every GET answers 200 with an ETag and honours If-None-Match, the cacheable ones and the private ones alike.
  const etag = operation.cacheable || operation.method === 'get';
  const responses: Record<string, JsonObject> = {
    [String(operation.successStatus ?? 200)]: {
      description: operation.successStatus === 201 ? 'Created' : 'OK',
      ...(etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
      content: operation.responseBinaryTypes
        ? Object.fromEntries(
            operation.responseBinaryTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
          )
        : {
            [operation.responseMediaType ?? 'application/json']: { schema: jsonSchema(operation.response, 'output') },
            ...Object.fromEntries(
              (operation.alsoServes ?? []).map((other) => [
                other.mediaType,
                { schema: jsonSchema(other.schema, 'output') },
              ]),
            ),
          },
    },
  };
  if (etag) responses['304'] = { description: 'Not modified (the `If-None-Match` ETag matched)' };
  Object.assign(responses, problemResponses(operation));
  const limited = problemCodesOf(operation).includes('rate_limited');
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    parameters: [
      ...parametersOf(operation.params, 'path', operation.example?.params),
      ...parametersOf(operation.query, 'query', operation.example?.query),
      ...(operation.headers ?? []).map((header) => ({
        name: header.name,
        in: 'header',
        required: header.required,
        description: header.description,
        schema: { type: 'string', maxLength: 255 },
        ...exampleHeader(operation, header.name),
      })),
    ],
    ...(operation.body
      ? {
          requestBody: {
            required: !operation.bodyOptional,
            content: {
              'application/json': {
                schema: jsonSchema(operation.body, 'input'),
                ...(operation.example?.body === undefined ? {} : { example: operation.example.body }),
              },
            },
          },
        }
      : {}),
    ...(operation.bodyMediaTypes
      ? {
          requestBody: {
            required: true,
            description: 'The bytes of the file themselves.',
            content: Object.fromEntries(
              operation.bodyMediaTypes.map((type) => [
                type,
                { schema: { type: 'string', contentMediaType: type, maxLength: MAX_FILE_BYTES } },
              ]),
            ),
          },
        }
      : {}),
    // A public operation says so: it reads no token (and ignores one sent).
    // An operation open to all that reads a token when one is sent (a reviewer's) lists no requirement as well.
    security: SECURITY[operation.security ?? 'none'],
    responses: withHeaders(responses, limited),
  };
}

export interface OpenApiOptions {
  /** The server URL that clients call, e.g. `https://platform.example/api/v1`. */
  readonly serverUrl?: string;
  readonly version?: string;
}

/** The OpenAPI 3.1 document of the platform API, generated from the shared schemas. */
export function buildOpenApiDocument(options: OpenApiOptions = {}): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const operation of Object.values(operations) as Operation[]) {
    paths[operation.path] ??= {};
    (paths[operation.path] as JsonObject)[operation.method] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Guangdong SME public service platform API',
      version: options.version ?? '1.0.0',
      description:
        '广东省中小企业公共服务平台接口。Money is integer fen; times are ISO 8601 with offset. Errors are RFC 9457 problem+json.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // The platform's API is public: every center's site embeds its widgets.
    servers: [{ url: options.serverUrl ?? '/api/v1', 'x-internal': false }],
    tags: [
      { name: 'platform', description: 'Liveness and the contract' },
      { name: 'reference', description: 'Regions and categories' },
      { name: 'catalog', description: 'Providers and service products' },
      { name: 'demands', description: "Enterprises' service demands: submit, follow, and (administrators) handle" },
      { name: 'events', description: "Centers' events, trainings and policy briefings; enterprises' registrations" },
      { name: 'vouchers', description: 'Service vouchers (服务券): batches, claims and uses' },
      { name: 'engagements', description: 'The engagements a voucher pays for, from order to settlement' },
      { name: 'ratings', description: 'Ratings of delivered engagements and the follow-ups of bad ones' },
      { name: 'policies', description: 'The policy library (政策宣贯)' },
      { name: 'centers', description: 'The three-level network of centers: records, requirements, coverage' },
      { name: 'stats', description: "Centers' yearly evaluation figures (综合评价考核)" },
      {
        name: 'files',
        description: 'Files of the processes (a licence, a proof): uploaded, then read by those allowed',
      },
      { name: 'demo', description: 'Demo mode only: seeded users and their tokens' },
      { name: 'experts', description: 'The expert database (服务专家库): providers’ and centers’ experts' },
      { name: 'notifications', description: 'What the platform tells an enterprise or a provider user' },
      {
        name: 'staff',
        description: "A center's staff accounts (管理员, 业务员, 只读) and the audit log of their writes",
      },
    ],
    paths,
    components: {
      schemas: { Problem: jsonSchema(Problem, 'output') },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A signed JWT (JWS) checked as RFC8725 (JSON Web Token Best Current Practices) asks: asymmetric algorithms ' +
            'only (ES256/384, RS256/384/512, PS256/384/512, EdDSA; never `none` or a shared secret), the issuer and ' +
            'the audience must match, and `exp` and `sub` are required.',
        },
      },
    },
  };
}
