import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_DEMAND } from '../src/seed/demands.js';
import { openTestApp, validDemand } from './demand-helpers.js';

test('phone numbers never reach the log: not from a submit, a lookup, a refusal or an admin read', async () => {
  const lines: string[] = [];
  const t = await openTestApp({ logger: true, logStream: { write: (line: string) => lines.push(line) } });
  try {
    const phone = '13987654321';
    const created = await t.inject<{ id: string; trackingNo: string }>({
      method: 'POST',
      url: '/api/v1/demands',
      payload: validDemand({ contact: { name: '陈女士', phone } }),
      headers: { 'idempotency-key': 'log-1' },
    });
    assert.equal(created.status, 201);
    await t.inject({
      method: 'POST',
      url: '/api/v1/demands',
      payload: validDemand({ contact: { name: '陈', phone: `${phone}9` } }),
    });
    await t.inject({
      method: 'GET',
      url: `/api/v1/demands/lookup?trackingNo=${created.body.trackingNo}&phone=${phone}`,
    });
    await t.inject({
      method: 'GET',
      url: `/api/v1/demands/lookup?phone=${DEMO_DEMAND.phone}&trackingNo=${DEMO_DEMAND.trackingNo}`,
    });
    await t.inject({ method: 'GET', url: `/api/v1/demands/lookup?trackingNo=XQ1&phone=%2B86${phone}` });
    const token = await t.tokenFor('usr-admin-440600');
    await t.inject({
      method: 'GET',
      url: `/api/v1/demands/${created.body.id}`,
      headers: { authorization: `Bearer ${token}` },
    });

    const log = lines.join('');
    assert.ok(lines.length >= 6, `one line per request, got ${lines.length}`);
    assert.match(
      log,
      /GET \/api\/v1\/demands\/lookup\?trackingNo=\*\*\*&phone=\*\*\* 200/,
      'the lookup is logged, masked (the tracking number opens the demand together with the phone)',
    );
    for (const secret of [phone, DEMO_DEMAND.phone, token]) {
      assert.equal(log.includes(secret), false, `${secret.slice(0, 12)}… appears in the log`);
    }
    assert.doesNotMatch(
      log.replace(/"time":\d+/g, ''),
      /(?<!\d)1[3-9]\d{9}(?!\d)/,
      'nothing shaped like a mobile number',
    );
  } finally {
    await t.close();
  }
});
