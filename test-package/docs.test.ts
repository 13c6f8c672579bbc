// The widget references (docs/widgets.en.md, generated, and docs/widgets.zh-CN.md, written by hand) and the two
// webmaster guides cover what the custom-elements manifest says the widgets have: a widget, attribute or event added
// to a component without a word in the Chinese docs fails here. The manifest comes first (`npm run manifest`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

interface Named {
  name: string;
}

interface Declaration {
  tagName?: string;
  attributes?: (Named & { fieldName?: string })[];
  members?: (Named & { kind: string })[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

const ROOT = new URL('../', import.meta.url);

function read(path: string): string {
  const url = new URL(path, ROOT);
  assert.ok(existsSync(url), `${path} is missing; run \`npm run manifest\` first`);
  return readFileSync(url, 'utf8');
}

const manifest = JSON.parse(read('packages/widgets/custom-elements.json')) as {
  modules: { declarations?: Declaration[] }[];
};
const widgets = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration): declaration is Declaration & { tagName: string } => Boolean(declaration.tagName));

const REFERENCES = ['docs/widgets.en.md', 'docs/widgets.zh-CN.md'];
const GUIDES = ['docs/embedding.en.md', 'docs/embedding.zh-CN.md'];

/** A widget's section of a reference: from its `## \`<tag>\`` heading to the next level-2 heading. */
function sectionOf(doc: string, tag: string): string | undefined {
  const start = doc.indexOf(`\n## \`<${tag}>\``);
  if (start < 0) return undefined;
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** The names a section must show in code spans, by kind. */
function requiredNames(widget: Declaration): [kind: string, names: string[]][] {
  const attributes = widget.attributes ?? [];
  // A property with an attribute is documented in its attribute's row; the others have rows of their own.
  const withAttribute = new Set(attributes.map((attribute) => attribute.fieldName));
  return [
    ['attribute', attributes.map((attribute) => attribute.name)],
    [
      'property',
      (widget.members ?? [])
        .filter((member) => member.kind === 'field' && !withAttribute.has(member.name))
        .map((member) => member.name),
    ],
    ['event', (widget.events ?? []).map((event) => event.name)],
    ['slot', (widget.slots ?? []).map((slot) => slot.name).filter(Boolean)],
    ['CSS part', (widget.cssParts ?? []).map((part) => part.name)],
    ['CSS property', (widget.cssProperties ?? []).map((property) => property.name)],
  ];
}

test('the manifest lists the eight widgets', () => {
  assert.ok(widgets.length >= 8, `only ${widgets.length} widgets in the manifest`);
});

for (const path of REFERENCES) {
  test(`${path} documents every attribute, property, event, slot, part and CSS property of every widget`, () => {
    const doc = read(path);
    const missing: string[] = [];
    for (const widget of widgets) {
      const section = sectionOf(doc, widget.tagName);
      if (!section) {
        missing.push(`<${widget.tagName}> (no section)`);
        continue;
      }
      for (const [kind, names] of requiredNames(widget)) {
        for (const name of names)
          if (!section.includes(`\`${name}\``)) missing.push(`<${widget.tagName}> ${kind} ${name}`);
      }
    }
    assert.deepEqual(missing, [], `${path} lacks:\n${missing.join('\n')}`);
  });
}

for (const path of GUIDES) {
  test(`${path} has a snippet for every widget and the whole token table`, () => {
    const doc = read(path);
    const missing: string[] = [];
    for (const widget of widgets) {
      if (!doc.includes(`<${widget.tagName}`)) missing.push(`snippet <${widget.tagName}>`);
    }
    const tokens = new Set(widgets.flatMap((widget) => (widget.cssProperties ?? []).map((property) => property.name)));
    // The calendar's event-type colours are named together in one entry of its manifest.
    for (const kind of ['training', 'policy-briefing', 'expert-clinic']) tokens.add(`--smec-event-${kind}`);
    for (const token of tokens) if (!doc.includes(`\`${token}\``)) missing.push(`token ${token}`);
    for (const event of new Set(widgets.flatMap((widget) => (widget.events ?? []).map((e) => e.name)))) {
      if (!doc.includes(event)) missing.push(`event ${event}`);
    }
    assert.deepEqual(missing, [], `${path} lacks:\n${missing.join('\n')}`);
  });
}

/** Every `var(--smec-…, fallback)` of the widgets' sources: the defaults the token tables must show. */
function tokenDefaults(): Map<string, Set<string>> {
  const defaults = new Map<string, Set<string>>();
  const source = new URL('packages/widgets/src/', ROOT);
  for (const file of readdirSync(source, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    for (const [, token = '', value = ''] of readFileSync(new URL(file, source), 'utf8').matchAll(
      /var\((--smec-[a-z-]+),\s*([^)]+?)\s*\)/g,
    )) {
      defaults.set(token, (defaults.get(token) ?? new Set()).add(value));
    }
  }
  return defaults;
}

test('the token tables of the guides give the defaults the widgets use', () => {
  const defaults = tokenDefaults();
  assert.ok(defaults.size >= 10, 'no token defaults found in the sources');
  for (const path of GUIDES) {
    const rows = read(path)
      .split('\n')
      .filter((line) => line.startsWith('| `--smec-'));
    const wrong: string[] = [];
    for (const [token, values] of defaults) {
      const row = rows.find((line) => line.startsWith(`| \`${token}\``));
      if (!row) wrong.push(`${token}: no row`);
      else
        for (const value of values)
          if (!row.includes(`\`${value}\``)) wrong.push(`${token}: default ${value} not shown`);
    }
    assert.deepEqual(wrong, [], `${path}: ${wrong.join('; ')}`);
  }
});

test('the guides give the exact strict policy of the CSP test', () => {
  const policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
    "require-trusted-types-for 'script'; trusted-types lit-html";
  for (const path of GUIDES) assert.ok(read(path).includes(policy), `${path} lacks the policy`);
});

/** The anchors GitHub gives a document's headings (lower case, punctuation dropped, spaces to hyphens). */
function anchors(doc: string): Set<string> {
  const headings = [...doc.matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1] ?? '');
  return new Set(
    headings.map((heading) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

test('the docs link only to files and headings that exist', () => {
  const problems: string[] = [];
  for (const path of [...GUIDES, ...REFERENCES, 'docs/sdk.md', 'docs/sdk.zh-CN.md', 'README.md']) {
    const doc = read(path);
    const base = new URL(path, ROOT);
    for (const [, target = '', anchor] of doc.matchAll(/\]\(([^)#\s]*)(?:#([^)\s]*))?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const file = target ? new URL(target, base) : base;
      if (!existsSync(file)) problems.push(`${path} → ${target}: no such file`);
      else if (anchor && file.pathname.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) {
        problems.push(`${path} → ${target}#${anchor}: no such heading`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
