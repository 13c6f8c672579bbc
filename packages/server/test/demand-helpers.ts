import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemandInput } from '@smec/schemas';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { templateDatabase } from '../../../test-support/server.js';
import { buildApp, prepareDatabase, type AppOptions, type PreparedDatabase } from '../src/index.js';
import type { JsonResponse } from './helpers.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: PreparedDatabase;
  inject<T = unknown>(options: InjectOptions): Promise<JsonResponse<T>>;
  countDemands(): number;
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/** The app on a private copy of the seeded database, signing its own tokens, for `inject()` tests. */
export async function openTestApp(options: Omit<AppOptions, 'database'> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smec-demands-'));
  copyFileSync(await templateDatabase(), join(dataDir, 'smec.db'));
  const database = await prepareDatabase(dataDir);
  const app = await buildApp({ demoAuth: true, ...options, database });
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
    countDemands: () => (database.sqlite.prepare('SELECT count(*) AS n FROM demands').get() as { n: number }).n,
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
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
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
