import { pool } from './pool.js';

/** Demo tokens for `userIds` (in their order), from the server's own issuer (`POST /demo/token`). */
export async function demoTokens(apiUrl: string, userIds: readonly string[], concurrency = 16): Promise<string[]> {
  const tokens = new Array<string>(userIds.length);
  await pool(userIds, concurrency, async (userId, index) => {
    const response = await fetch(`${apiUrl}/demo/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    if (response.status !== 200) throw new Error(`No token for ${userId}: ${response.status} ${await response.text()}`);
    tokens[index] = ((await response.json()) as { token: string }).token;
  });
  return tokens;
}
