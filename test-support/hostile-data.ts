// Hostile data for the widgets' XSS test (packages/widgets/test/xss.test.ts): every text column a widget shows is
// overwritten with markup and template syntax that would run script if a widget treated it as anything but text.
// A second test server gets it (test-support/serve.ts with SMEC_TEST_HOSTILE=1), so that the other widget tests
// keep their ordinary seed. The browser test imports the payloads from here too: only types are imported, so the
// module loads in a browser.
import type { Database } from '@smec/server';
import type { Kysely } from 'kysely';

/**
 * One string per way in: markup that runs script when parsed as HTML, a frame, template syntax of the usual
 * frameworks, a lookalike of lit-html's own part marker, and bidi overrides that reorder what a reader sees.
 */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"><circle r="9"/></svg>',
  '"><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  "{{constructor.constructor('window.__xss=1')()}}",
  '${window.__xss=1}',
  '<!--?lit$123$-->',
  '\u202Egnp.exe\u202C \u2067\u202Dbidi\u2069',
] as const;

/** Every payload in one text, for the columns that have room for it (no response schema limits their length). */
export const HOSTILE_TEXT = PAYLOADS.join(' ');

/** What a link field gets instead of a web address: the scheme in several spellings a browser still runs. */
export const JAVASCRIPT_URLS = [
  'javascript:window.__xss=1',
  ' JavaScript:window.__xss=1',
  'java\tscript:window.__xss=1',
  'javascript://example.com/%0Awindow.__xss=1',
] as const;

/** The regions whose names turn hostile: the province, Foshan and its Chancheng district (parent and child). */
export const HOSTILE_REGIONS = ['440000', '440600', '440604'] as const;

/** A hostile text that still says which row it was: the original, then every payload. */
const marked = (original: string) => `${original} ${HOSTILE_TEXT}`;

/**
 * Hands out the javascript: URLs over the rows (by sequence number), so that every spelling is served somewhere:
 * `update` sets one URL on a group of rows.
 */
async function spreadJavascriptUrls(
  seqs: readonly number[],
  update: (url: string, seqs: number[]) => Promise<unknown>,
): Promise<void> {
  for (const [index, url] of JAVASCRIPT_URLS.entries()) {
    const group = seqs.filter((seq) => seq % JAVASCRIPT_URLS.length === index);
    if (group.length > 0) await update(url, group);
  }
}

/**
 * Overwrites the seeded texts of the server's private copy before it opens it. Whole tables change, a
 * statement or a few each: whatever row a widget happens to show is hostile, and the test needs no list of ids.
 */
export async function writeHostileData(db: Kysely<Database>): Promise<void> {
  const text = HOSTILE_TEXT;
  await db.transaction().execute(async (trx) => {
    // Reference data: a few rows, each keeping its own name in front so that selects stay usable.
    for (const code of HOSTILE_REGIONS) {
      const region = await trx.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirstOrThrow();
      await trx
        .updateTable('regions')
        .set({ name: marked(region.name) })
        .where('code', '=', code)
        .execute();
    }
    for (const category of await trx.selectFrom('categories').select(['id', 'name', 'name_en']).execute()) {
      await trx
        .updateTable('categories')
        .set({ name: marked(category.name), name_en: marked(category.name_en) })
        .where('id', '=', category.id)
        .execute();
    }

    await trx
      .updateTable('providers')
      .set({
        name: text,
        short_name: text,
        address: text,
        contact: text,
        phone: `020-12345678 ${text}`,
        email: `x@example.com ${text}`,
        description: text,
      })
      .execute();
    const providers = await trx.selectFrom('providers').select('seq').execute();
    await spreadJavascriptUrls(
      providers.map((row) => row.seq),
      (url, seqs) => trx.updateTable('providers').set({ website: url }).where('seq', 'in', seqs).execute(),
    );
    await trx.updateTable('products').set({ name: text }).execute();
    await trx
      .updateTable('product_texts')
      .set({
        summary: text,
        function: text,
        process: JSON.stringify([
          { title: text, description: text },
          { title: PAYLOADS[6], description: PAYLOADS[1] },
        ]),
        standard: text,
        fee_note: text,
        suitable_for: text,
      })
      .execute();

    await trx.updateTable('events').set({ title: text, description: text, organizer_name: text }).execute();
    await trx.updateTable('events').set({ venue: text }).where('venue', 'is not', null).execute();
    const online = await trx.selectFrom('events').select('seq').where('online_url', 'is not', null).execute();
    await spreadJavascriptUrls(
      online.map((row) => row.seq),
      (url, seqs) => trx.updateTable('events').set({ online_url: url }).where('seq', 'in', seqs).execute(),
    );

    // A document number is one per issuer (a unique index): each policy's ends in its own row number.
    await trx
      .updateTable('policies')
      .set((eb) => ({
        title: text,
        issuer: text,
        doc_number: eb(eb.val(text), '||', eb.cast<string>('seq', 'text')),
        summary: text,
      }))
      .execute();
    const policies = await trx.selectFrom('policies').select('seq').execute();
    await spreadJavascriptUrls(
      policies.map((row) => row.seq),
      (url, seqs) => trx.updateTable('policies').set({ url }).where('seq', 'in', seqs).execute(),
    );

    await trx.updateTable('voucher_batches').set({ name: text, issuer_name: text }).execute();
    await trx.updateTable('voucher_history').set({ note: text, actor_name: text }).execute();
    await trx.updateTable('engagements').set({ product_name: text, provider_name: text }).execute();
    await trx.updateTable('engagement_timeline').set({ note: text, actor_name: text }).execute();
    await trx.updateTable('ratings').set({ comment: text, product_name: text, enterprise_label: text }).execute();
    await trx.updateTable('follow_up_answers').set({ text }).execute();
    // The applicants' names, which the public notice shows to anyone (categories and regions are hostile above).
    await trx.updateTable('provider_applications').set({ name: text }).execute();
  });
}
