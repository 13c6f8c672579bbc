// What the document promises about an answer: a documented status, the documented media type, a body that validates
// against the documented schema (ajv, draft 2020-12), and never a 2xx to a request the document calls invalid.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { isValidUscc } from '@smec/schemas';
import { resolvePointer, type FuzzOperation, type JsonSchema, type OpenApiDocument } from './document.js';

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly requestId: string | null;
}

const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export class Oracle {
  readonly #document: OpenApiDocument;
  readonly #ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  readonly #validators = new WeakMap<object, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    // The patterns next to these formats check the shape; the formats add what a pattern cannot say.
    this.#ajv.addFormat('date', { type: 'string', validate: (value: string) => !Number.isNaN(Date.parse(value)) });
    this.#ajv.addFormat('date-time', { type: 'string', validate: (value: string) => !Number.isNaN(Date.parse(value)) });
    this.#ajv.addFormat('uscc', { type: 'string', validate: isValidUscc });
    // OpenAPI's integer formats: a 32-bit integer, and a 64-bit one as far as a JavaScript number holds it exactly.
    this.#ajv.addFormat('int32', { type: 'number', validate: (value: number) => value === (value | 0) });
    this.#ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger });
  }

  resolve = (ref: string): JsonSchema => resolvePointer(this.#document, ref) as JsonSchema;

  /** The schema with every local `$ref` inlined (the document has no recursive schemas). */
  #inline(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map((item) => this.#inline(item));
    if (schema === null || typeof schema !== 'object') return schema;
    const ref = (schema as JsonSchema).$ref;
    if (ref) return this.#inline(this.resolve(ref));
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, this.#inline(value)]));
  }

  #validator(schema: JsonSchema): ValidateFunction {
    let validate = this.#validators.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(this.#inline(schema) as object);
      this.#validators.set(schema, validate);
    }
    return validate;
  }

  /** Whether `value` is valid for `schema`; the reason when it is not. */
  check(schema: JsonSchema, value: unknown): string | null {
    const validate = this.#validator(schema);
    if (validate(value)) return null;
    return this.#ajv.errorsText(validate.errors, { dataVar: 'body' });
  }

  /** The broken promises of one answer; empty when it keeps them all. */
  judge(operation: FuzzOperation, answer: Answer, requestInvalid: string | null): string[] {
    const problems: string[] = [];
    const { status } = answer;
    if (status >= 500) problems.push(`server error ${status}`);
    if (requestInvalid !== null && status < 400) {
      problems.push(`answered ${status} to a request the document calls invalid (${requestInvalid})`);
    }
    if (!answer.requestId) problems.push('no X-Request-Id header');
    const documented = operation.responses.get(status);
    if (!documented) {
      problems.push(`status ${status} is not documented for ${operation.operationId}`);
      return problems;
    }
    if (documented.content.size === 0) {
      if (answer.text !== '') problems.push(`status ${status} is documented without a body, got one`);
      return problems;
    }
    const mediaType = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    const schema = documented.content.get(mediaType);
    if (!schema) {
      const expected = [...documented.content.keys()].join(' or ');
      problems.push(`content type ${answer.contentType || '(none)'} instead of ${expected}`);
      return problems;
    }
    // JSON media types are checked parsed; others (the iCalendar files) as the text itself.
    let body: unknown = answer.text;
    if (/[/+]json$/.test(mediaType)) {
      try {
        body = JSON.parse(answer.text);
      } catch {
        problems.push('the body is not JSON');
        return problems;
      }
    }
    const invalid = this.check(schema, body);
    if (invalid) problems.push(`the body does not match the documented schema: ${invalid}`);
    if (mediaType === PROBLEM_MEDIA_TYPE) {
      const problem = body as { status?: unknown; requestId?: unknown; detail?: unknown };
      if (problem.status !== status) problems.push(`problem.status ${String(problem.status)} is not ${status}`);
      if (problem.requestId !== answer.requestId) problems.push('problem.requestId differs from X-Request-Id');
      if (typeof problem.detail === 'string' && /\bat .+\.(ts|js):\d+/.test(problem.detail)) {
        problems.push('the problem shows a stack trace');
      }
    }
    return problems;
  }
}
