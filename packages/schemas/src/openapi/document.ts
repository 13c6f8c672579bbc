import { Problem } from '../problem.js';
import * as z from '../zod.js';
import { operations, type Operation } from './operations.js';

type JsonObject = Record<string, unknown>;

const ERROR_TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete out['$schema'];
  return out;
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
    if (value !== undefined) parameter['example'] = value;
    return parameter;
  });
}

/**
 * The error statuses of an operation: its own, and those of the layers below every route. The body of any method but
 * GET is parsed before a route sees it (413 past 64 KB, 415 when it is not JSON); any operation may find the database
 * busy or out of reach (503 with Retry-After) or fail (500).
 */
function errorStatuses(operation: Operation): number[] {
  const statuses = new Set([...operation.errors, 500, 503]);
  if (operation.method !== 'get') [413, 415].forEach((status) => statuses.add(status));
  return [...statuses].sort((a, b) => a - b);
}

function operationObject(operation: Operation): JsonObject {
  // Every GET answers 200 with an ETag and honours If-None-Match, the cacheable ones and the private ones alike.
  const etag = operation.cacheable || operation.method === 'get';
  const responses: JsonObject = {
    [String(operation.successStatus ?? 200)]: {
      description: operation.successStatus === 201 ? 'Created' : 'OK',
      headers: etag ? { ETag: { schema: { type: 'string' } } } : undefined,
      content: { 'application/json': { schema: jsonSchema(operation.response, 'output') } },
    },
  };
  if (etag) responses['304'] = { description: 'Not modified (the `If-None-Match` ETag matched)' };
  for (const status of errorStatuses(operation)) {
    responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
  }
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
      })),
    ],
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: jsonSchema(operation.body, 'input'),
                ...(operation.example?.body === undefined ? {} : { example: operation.example.body }),
              },
            },
          },
        }
      : {}),
    ...(operation.security === 'bearer' ? { security: [{ bearerAuth: [] }] } : {}),
    responses,
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
  const statuses = new Set<number>();
  for (const operation of Object.values(operations) as Operation[]) {
    paths[operation.path] ??= {};
    (paths[operation.path] as JsonObject)[operation.method] = operationObject(operation);
    errorStatuses(operation).forEach((status) => statuses.add(status));
  }
  const problemResponses: JsonObject = {};
  for (const status of [...statuses].sort()) {
    problemResponses[`Problem${status}`] = {
      description: ERROR_TITLES[status] ?? 'Error',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Guangdong SME public service platform API',
      version: options.version ?? '1.0.0',
      description:
        '广东省中小企业公共服务平台接口。Money is integer fen; times are ISO 8601 with offset. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: options.serverUrl ?? '/api/v1' }],
    tags: [
      { name: 'platform', description: 'Liveness and the contract' },
      { name: 'reference', description: 'Regions and categories' },
      { name: 'catalog', description: 'Providers and service products' },
      { name: 'demands', description: "Enterprises' service demands: submit, follow, and (administrators) handle" },
      { name: 'events', description: "Centers' events, trainings and policy briefings; enterprises' registrations" },
      { name: 'policies', description: 'The policy library (政策宣贯)' },
      { name: 'stats', description: "Centers' yearly evaluation figures (综合评价考核)" },
      { name: 'demo', description: 'Demo mode only: seeded users and their tokens' },
    ],
    paths,
    components: {
      schemas: { Problem: jsonSchema(Problem, 'output') },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      responses: problemResponses,
    },
  };
}
