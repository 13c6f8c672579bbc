// The English widget reference, docs/widgets.en.md, generated from the custom-elements manifest so that it can never
// disagree with the components' JSDoc. Run by `npm run manifest` after the manifest; the output is not committed.
// Event payloads are not in the manifest: they are read from the event classes in packages/widgets/src/events/.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const ROOT = new URL('../', import.meta.url);
const WIDGETS = new URL('packages/widgets/', ROOT);
const EVENTS = new URL('src/events/', WIDGETS);
const OUT = new URL('docs/widgets.en.md', ROOT);

/** The order a webmaster meets them in; a widget the list does not know goes last. */
const ORDER = [
  'smec-root',
  'smec-catalog',
  'smec-demand-form',
  'smec-event-calendar',
  'smec-voucher-wallet',
  'smec-feedback-rating',
  'smec-policy-list',
  'smec-center-scorecard',
  'smec-provider-application',
  'smec-expert-directory',
  'smec-center-directory',
  'smec-provider-workbench',
  'smec-center-workbench',
];

/** Markdown table cells hold one line and no bare `|`. */
function cell(text) {
  const value = (text ?? '').replace(/\s*\n\s*/g, ' ').trim();
  return value ? value.replace(/\|/g, '\\|') : '—';
}

function code(text) {
  return text ? `\`${text.replace(/\s+/g, ' ').trim()}\`` : '—';
}

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** The text between the brackets that open at `start` (which holds `open`), nesting counted. */
function balanced(source, start, open, close) {
  let depth = 0;
  for (let index = start; index < source.length; index += 1) {
    if (source[index] === open) depth += 1;
    else if (source[index] === close && (depth -= 1) === 0) return source.slice(start + 1, index);
  }
  return '';
}

/** Each event class of the package: its payload as a webmaster reads it, and whether it can be cancelled. */
function eventClasses() {
  const classes = new Map();
  for (const file of readdirSync(EVENTS).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(new URL(file, EVENTS), 'utf8');
    const declared = /export class (\w+) extends (CustomEvent|Event)\b/.exec(source);
    if (!declared) continue;
    const [, name, base] = declared;
    let payload;
    if (base === 'CustomEvent') {
      const parameter = source.indexOf('constructor(detail: ');
      const after = source.slice(parameter + 'constructor(detail: '.length);
      let type = after.startsWith('{') ? `{${balanced(after, 0, '{', '}')}}` : (/^[\w.]+/.exec(after)?.[0] ?? '');
      const alias = new RegExp(`export type ${type} = ([^;]+);`).exec(source);
      if (alias) type = alias[1];
      payload = `\`event.detail\`: ${code(type.replace(/;\s*}/g, ' }'))}`;
    } else {
      const fields = [...source.matchAll(/readonly (\w+): ([^;]+);/g)].map(
        ([, field, type]) => `\`event.${field}\` (${code(type)})`,
      );
      payload = fields.join(', ') || '—';
    }
    classes.set(name, { payload, cancelable: /cancelable: true/.test(source) });
  }
  return classes;
}

function section(declaration, events) {
  const tag = declaration.tagName;
  const lines = [`## \`<${tag}>\``, ''];
  if (declaration.summary) lines.push(declaration.summary.trim(), '');
  if (declaration.description) lines.push(declaration.description.trim(), '');
  lines.push(
    `Load: \`<script type="module" src="https://platform.example/cdn/${tag}.js"></script>\` (or \`smec.js\`, or the ` +
      `loader); npm: \`import '@smec/widgets/${tag}.js'\`.`,
    '',
  );

  const attributes = declaration.attributes ?? [];
  lines.push('### Attributes', '');
  lines.push(
    ...table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      attributes.map((attribute) => [
        code(attribute.name),
        code(attribute.fieldName),
        cell(attribute.type?.text ? code(attribute.type.text) : ''),
        cell(attribute.default ? code(attribute.default) : ''),
        cell(attribute.description),
      ]),
    ),
    '',
  );

  const withAttribute = new Set(attributes.map((attribute) => attribute.fieldName).filter(Boolean));
  const properties = (declaration.members ?? []).filter(
    (member) => member.kind === 'field' && !withAttribute.has(member.name),
  );
  if (properties.length) {
    lines.push('### Properties (JavaScript only)', '');
    lines.push(
      ...table(
        ['Property', 'Type', 'Description'],
        properties.map((member) => [code(member.name), cell(code(member.type?.text)), cell(member.description)]),
      ),
      '',
    );
  }

  const fired = declaration.events ?? [];
  if (fired.length) {
    lines.push('### Events', '', 'Every event bubbles and crosses the shadow root (`composed`).', '');
    lines.push(
      ...table(
        ['Event', 'Payload', 'Description'],
        fired.map((event) => {
          const className = /\{(\w+)\}/.exec(event.description ?? '')?.[1] ?? event.type?.text;
          const known = className ? events.get(className) : undefined;
          const text = (event.description ?? '').replace(/^\s*\{\w+\}\s*/, '');
          const payload = known ? `${known.payload}${known.cancelable ? '; cancelable' : ''}` : '';
          return [code(event.name), cell(payload), cell(`${className ? `\`${className}\`. ` : ''}${text}`)];
        }),
      ),
      '',
    );
  }

  const slots = declaration.slots ?? [];
  if (slots.length) {
    lines.push('### Slots', '');
    lines.push(
      ...table(
        ['Slot', 'Description'],
        slots.map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
      ),
      '',
    );
  }

  const parts = declaration.cssParts ?? [];
  if (parts.length) {
    lines.push('### CSS parts', '', `Style them with \`${tag}::part(name)\`.`, '');
    lines.push(
      ...table(
        ['Part', 'Description'],
        parts.map((part) => [code(part.name), cell(part.description)]),
      ),
      '',
    );
  }

  const properties_ = declaration.cssProperties ?? [];
  if (properties_.length) {
    lines.push('### CSS custom properties', '');
    lines.push(
      ...table(
        ['Property', 'Description'],
        properties_.map((property) => [code(property.name), cell(property.description)]),
      ),
      '',
    );
  }
  return lines;
}

/** The whole reference as Markdown. */
export function renderWidgetDocs(manifest, events = eventClasses()) {
  const declarations = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .sort((a, b) => {
      const rank = (tag) => (ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length);
      return rank(a.tagName) - rank(b.tagName) || a.tagName.localeCompare(b.tagName);
    });
  const lines = [
    '# smec widget reference',
    '',
    '<!-- Generated by scripts/widget-docs.mjs from packages/widgets/custom-elements.json (`npm run manifest`). -->',
    '',
    'Every attribute, property, event, slot, CSS part and CSS custom property of the `@smec/widgets` custom',
    'elements, read from the components themselves. How to embed them, sign users in, pick a language and theme',
    'them: [the webmaster guide](embedding.en.md). 中文版：[组件参考](widgets.zh-CN.md).',
    '',
    'Attributes are set in HTML; the property of the same row sets the same thing from JavaScript. Every widget',
    'also takes `lang` (`zh-CN`, `en`, `zh-HK`; by default the nearest ancestor’s `lang`) and, except',
    '`<smec-root>`, `theme` (`light` or `dark`; by default the visitor’s system setting). Every widget takes `care`',
    '(care mode, 适老化; on while an ancestor has `care`): see [the webmaster guide](embedding.en.md#care-mode-适老化).',
    '',
    ...declarations.map((declaration) => `- [\`<${declaration.tagName}>\`](#${declaration.tagName})`),
    '',
  ];
  for (const declaration of declarations) lines.push(...section(declaration, events));
  return `${lines.join('\n').trimEnd()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', WIDGETS), 'utf8'));
  writeFileSync(OUT, renderWidgetDocs(manifest));
  console.log(`widget-docs: ${OUT.pathname.replace(ROOT.pathname, '')}`);
}
