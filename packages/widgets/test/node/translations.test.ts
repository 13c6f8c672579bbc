// Every text of the widgets exists in zh-CN (the source), zh-HK and en, in the table of the widget that shows it, with
// the same values; and no text mixes languages. Reads the sources with the TypeScript parser and imports the tables.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MESSAGES_ZH_CN } from '@smec/schemas/rules';
import type { TranslationModule } from '../../src/i18n/localization.js';
import { SIMPLIFIED_AND_TRADITIONAL } from './han-variants.js';
import { componentModule, importGraph, sourceMessages, widgetsWithTexts, WIDGETS_SRC } from './message-sources.js';

const LOCALES = ['en', 'zh-HK'] as const;
type Locale = (typeof LOCALES)[number];

/** The owner of the tables in `i18n/locales/`; a widget's are in `components/<widget>/locales/`. */
const SHARED = 'shared';

/** One text of a table, or one validation message. */
interface Text {
  readonly id: string;
  /** `components/catalog/locales/en.ts`, or where the source says it. */
  readonly where: string;
  readonly text: string;
}

const source = sourceMessages();
const graph = importGraph();
const widgets = widgetsWithTexts(source, graph);
const owners = [SHARED, ...widgets.keys()];

function tablePath(owner: string, locale: Locale): string {
  return join(WIDGETS_SRC, owner === SHARED ? 'i18n' : `components/${owner}`, 'locales', `${locale}.ts`);
}

function tableName(owner: string, locale: Locale): string {
  return relative(WIDGETS_SRC, tablePath(owner, locale));
}

const tables = new Map<string, TranslationModule>();
for (const owner of owners) {
  for (const locale of LOCALES) {
    const path = tablePath(owner, locale);
    if (existsSync(path))
      tables.set(tableName(owner, locale), (await import(pathToFileURL(path).href)) as TranslationModule);
  }
}

/** The widgets that show each id: their element can reach a module that uses it. */
const shownBy = new Map<string, Set<string>>();
for (const [widget, modules] of widgets) {
  for (const module of modules) {
    for (const id of source.idsByModule.get(module) ?? []) {
      if (!shownBy.has(id)) shownBy.set(id, new Set());
      shownBy.get(id)!.add(widget);
    }
  }
}

/** Where an id belongs: the table of the one widget that shows it, else the shared one. */
function homeOf(id: string): string {
  const by = [...(shownBy.get(id) ?? [])];
  return by.length === 1 ? by[0]! : SHARED;
}

/** Every text of a language, table by table. */
function textsOf(locale: Locale): Text[] {
  return owners.flatMap((owner) => {
    const where = tableName(owner, locale);
    return Object.entries(tables.get(where)?.templates ?? {}).map(([id, text]) => ({ id, where, text }));
  });
}

function validationOf(locale: Locale): Text[] {
  const where = `${tableName(SHARED, locale)} validation`;
  return Object.entries(tables.get(tableName(SHARED, locale))?.validation ?? {}).map(([id, text]) => ({
    id,
    where,
    text,
  }));
}

/** The characters of `text` that `forbidden` holds. */
function foundIn(text: string, forbidden: ReadonlySet<string>): string[] {
  return [...new Set([...text].filter((char) => forbidden.has(char)))];
}

test('every msg() call has a literal id and text, and an id has one text wherever it is used', () => {
  assert.deepEqual(source.problems, []);
  assert.ok(source.byId.size > 400, `only ${source.byId.size} ids found`);
});

test('every id is shown by some widget', () => {
  const nowhere = [...source.byId.values()]
    .filter((message) => !shownBy.has(message.id))
    .map((message) => `${message.id} (${message.places.join(', ')}) is reached by no widget's element`);
  assert.deepEqual(nowhere, []);
});

test('each widget with texts has its two tables, which its class names (static translations)', () => {
  const problems: string[] = [];
  for (const widget of widgets.keys()) {
    const imported = graph.get(componentModule(widget)) ?? new Set();
    for (const locale of LOCALES) {
      const path = tablePath(widget, locale);
      if (!existsSync(path)) problems.push(`${tableName(widget, locale)} does not exist`);
      else if (!imported.has(path))
        problems.push(`${widget}.component.ts does not import ${tableName(widget, locale)}`);
    }
  }
  assert.deepEqual(problems, []);
});

for (const locale of LOCALES) {
  test(`every id is translated into ${locale}, once, in the table of the widget that shows it`, () => {
    const problems: string[] = [];
    const found = new Map<string, string>();
    for (const { id, where } of textsOf(locale)) {
      const other = found.get(id);
      if (other) problems.push(`${id} is in ${other} and in ${where}`);
      found.set(id, where);
    }
    for (const message of source.byId.values()) {
      const expected = tableName(homeOf(message.id), locale);
      const where = found.get(message.id);
      if (!where) problems.push(`${message.id} «${message.text}» (${message.places[0]}) is missing from ${expected}`);
      else if (where !== expected) {
        const by = [...(shownBy.get(message.id) ?? [])].join(', ');
        problems.push(`${message.id} is in ${where}, but shown by ${by}: it belongs in ${expected}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test(`the ${locale} tables hold no id that no source uses`, () => {
    const stale = textsOf(locale)
      .filter(({ id }) => !source.byId.has(id))
      .map(({ id, where }) => `${id} in ${where}`);
    assert.deepEqual(stale, []);
  });

  test(`every ${locale} translation has the source's values, {0} to {n - 1}, each once`, () => {
    const problems: string[] = [];
    for (const { id, where, text } of textsOf(locale)) {
      const message = source.byId.get(id);
      if (!message) continue;
      const used = [...text.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])).sort((a, b) => a - b);
      const wanted = Array.from({ length: message.valueCount }, (_, index) => index);
      if (used.join() !== wanted.join()) {
        problems.push(`${id} in ${where}: «${text}» does not have the values of the source «${message.text}»`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test(`the shared ${locale} table carries the validation message of every key`, () => {
    const keys = validationOf(locale).map(({ id }) => id);
    assert.deepEqual(keys.sort(), Object.keys(MESSAGES_ZH_CN).sort());
  });
}

const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

test('English texts hold no Chinese character or Chinese punctuation', () => {
  const mixed = [...textsOf('en'), ...validationOf('en')]
    .filter(({ text }) => CHINESE.test(text))
    .map(({ id, where, text }) => `${id} in ${where}: «${text}»`);
  assert.deepEqual(mixed, []);
});

test('zh-HK texts hold no Simplified-only character', () => {
  const simplified = new Set(SIMPLIFIED_AND_TRADITIONAL.map(([simple]) => simple));
  const mixed = [...textsOf('zh-HK'), ...validationOf('zh-HK')]
    .filter(({ text }) => foundIn(text, simplified).length)
    .map(({ id, where, text }) => `${id} in ${where}: ${foundIn(text, simplified).join(' ')} in «${text}»`);
  assert.deepEqual(mixed, []);
});

test('zh-CN texts hold no Traditional-only character', () => {
  const traditional = new Set(SIMPLIFIED_AND_TRADITIONAL.map(([, full]) => full));
  const texts: Text[] = [
    ...[...source.byId.values()].map(({ id, places, text }) => ({ id, where: places[0]!, text })),
    ...Object.entries(MESSAGES_ZH_CN).map(([id, text]) => ({ id, where: 'MESSAGES_ZH_CN', text })),
  ];
  const mixed = texts
    .filter(({ text }) => foundIn(text, traditional).length)
    .map(({ id, where, text }) => `${id} (${where}): ${foundIn(text, traditional).join(' ')} in «${text}»`);
  assert.deepEqual(mixed, []);
});
