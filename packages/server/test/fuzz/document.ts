// The served OpenAPI document, read as the fuzzer needs it: each operation with its parameters, its request body
// schema and, per documented status, the media type and schema its answer must have.

import type { FileBody } from './files.js';

/** The subset of JSON Schema (draft 2020-12) the document uses. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly format?: string;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: JsonSchema;
  /** As the URL or the header spells it. */
  readonly example?: string;
}

/**
 * What a documented status answers with: each media type it may have and its schema (a file in one of its types, say),
 * or none for an answer without a body (304).
 */
export interface DocumentedResponse {
  readonly content: ReadonlyMap<string, JsonSchema>;
}

export interface FuzzOperation {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly secured: boolean;
  readonly pathParams: readonly Parameter[];
  readonly queryParams: readonly Parameter[];
  readonly headerParams: readonly Parameter[];
  readonly body: { readonly schema: JsonSchema; readonly example?: unknown } | null;
  /** The document does not require the body (`requestBody.required: false`). */
  readonly bodyOptional: boolean;
  /** A body of a file's own bytes (an upload) instead of JSON. */
  readonly fileBody: FileBody | null;
  readonly responses: ReadonlyMap<number, DocumentedResponse>;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, RawOperation>>;
  readonly components: {
    readonly schemas: Record<string, JsonSchema>;
    readonly responses: Record<string, RawResponse>;
  };
}

interface RawResponse {
  readonly $ref?: string;
  readonly content?: Record<string, { readonly schema?: JsonSchema }>;
}

interface RawOperation {
  readonly operationId: string;
  /** Examples are of their schema's type (`limit: 10`). */
  readonly parameters?: readonly (Omit<Parameter, 'example'> & { readonly example?: unknown })[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: Record<string, { schema: JsonSchema; example?: unknown }>;
  };
  readonly security?: readonly unknown[];
  readonly responses: Record<string, RawResponse>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Follows a local `#/components/...` reference. */
export function resolvePointer(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are expected, not ${ref}`);
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined) throw new Error(`dangling reference ${ref}`);
  return node;
}

function responseOf(document: OpenApiDocument, raw: RawResponse): DocumentedResponse {
  const response = raw.$ref ? (resolvePointer(document, raw.$ref) as RawResponse) : raw;
  const entries = Object.entries(response.content ?? {});
  return { content: new Map(entries.map(([mediaType, media]) => [mediaType, media.schema ?? {}])) };
}

/** The media types of a body documented as a file's bytes (a string with a `contentMediaType`), or null. */
function fileBodyOf(content: Record<string, { schema: JsonSchema }>): FileBody | null {
  const files = Object.entries(content).filter(([, media]) => media.schema.type === 'string');
  if (files.length === 0) return null;
  return {
    mediaTypes: files.map(([mediaType]) => mediaType),
    maxBytes: Math.max(...files.map(([, media]) => media.schema.maxLength ?? 0)),
  };
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  const result: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters: Parameter[] = (raw.parameters ?? []).map(({ example, ...parameter }) =>
        example === undefined ? parameter : { ...parameter, example: String(example) },
      );
      const responses = new Map<number, DocumentedResponse>();
      for (const [status, response] of Object.entries(raw.responses)) {
        responses.set(Number(status), responseOf(document, response));
      }
      const json = raw.requestBody?.content['application/json'];
      result.push({
        operationId: raw.operationId,
        method: method.toUpperCase() as FuzzOperation['method'],
        path,
        // Any requirement with a scheme: a token is read (an optional one, `{}` beside it, as well).
        secured: (raw.security ?? []).some((requirement) => Object.keys(requirement as object).length > 0),
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        headerParams: parameters.filter((parameter) => parameter.in === 'header'),
        body: json ? { schema: json.schema, ...(json.example === undefined ? {} : { example: json.example }) } : null,
        bodyOptional: raw.requestBody?.required === false,
        fileBody: json ? null : fileBodyOf(raw.requestBody?.content ?? {}),
        responses,
      });
    }
  }
  return result;
}
