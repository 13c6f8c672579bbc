import type { DemandInput } from '@smec/schemas';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { prepareTestDatabase, testClock } from '../../../test-support/server.js';
import { buildApp, type AppOptions, type Database, type PreparedDatabase } from '../src/index.js';
import type { JsonResponse } from './helpers.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: PreparedDatabase;
  inject<T = unknown>(options: InjectOptions): Promise<JsonResponse<T>>;
  countDemands(): Promise<number>;
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * What the test helpers that add rows and sign users in need: a database, and tokens of the demo issuer. A test app
 * is one; so is a test driving server processes of its own (instances.test.ts).
 */
export interface SetupTarget {
  readonly database: { readonly db: Kysely<Database> };
  tokenFor(userId: string): Promise<string>;
}

/** The app on a private copy of the seeded database, signing its own tokens, for `inject()` tests. */
export async function openTestApp(options: Partial<Omit<AppOptions, 'database'>> = {}): Promise<TestApp> {
  const database = await prepareTestDatabase();
  let app: FastifyInstance;
  try {
    app = await buildApp({ checkProblemCodes: true, clock: testClock, demoAuth: true, ...options, database });
  } catch (error) {
    await database.dispose();
    throw error;
  }
  const inject = async <T>(injectOptions: InjectOptions): Promise<JsonResponse<T>> => {
    const response = await app.inject(injectOptions);
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const text = response.body;
    const body = text !== '' && /json/.test(headers.get('content-type') ?? '') ? (JSON.parse(text) as T) : (text as T);
    return { status: response.statusCode, headers, body };
  };
  return {
    app,
    database,
    inject,
    async countDemands() {
      const row = await database.db
        .selectFrom('demands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return row.n;
    },
    async tokenFor(userId) {
      const response = await inject<{ token: string }>({
        method: 'POST',
        url: '/api/v1/demo/token',
        payload: { userId },
      });
      if (response.status !== 200) throw new Error(`No token for ${userId}: ${JSON.stringify(response.body)}`);
      return response.body.token;
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** A valid demand of a Foshan company; override any part. */
export function validDemand(overrides: Partial<DemandInput> = {}): DemandInput {
  return {
    enterprise: { uscc: '91440604MA51K8QX3Q', name: '佛山市禅城区示例科技有限公司' },
    contact: { name: '陈女士', phone: '13812345678' },
    regionCode: '440604',
    categoryId: 'finance-tax',
    title: '申请高新技术企业认定辅导',
    description: '公司计划明年申报高新技术企业，希望有机构协助梳理知识产权和研发费用归集。',
    budget: 'negotiable',
    consent: true,
    ...overrides,
  };
}
