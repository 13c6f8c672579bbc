// VS Code's HTML custom data for the smec tags, generated from the custom-elements manifest, so that a webmaster's
// editor completes `<smec-…>` tags and their attributes with their descriptions. Run by `npm run manifest`.
import { readFileSync, writeFileSync } from 'node:fs';

const WIDGETS = new URL('../packages/widgets/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', WIDGETS), 'utf8'));

/** The values of an attribute typed as a union of string literals (`'month' | 'list'`), for completion. */
function valuesOf(type) {
  const literals = [...(type ?? '').matchAll(/'([^']+)'|"([^"]+)"/g)].map((match) => match[1] ?? match[2]);
  return literals.length ? literals.map((name) => ({ name })) : undefined;
}

function describe(declaration) {
  const lines = [declaration.summary ?? declaration.description ?? ''];
  const events = (declaration.events ?? []).map((event) => `- \`${event.name}\` ${event.description ?? ''}`.trim());
  if (events.length) lines.push('', 'Events:', ...events);
  const slots = (declaration.slots ?? []).map((slot) => `- \`${slot.name || '(default)'}\` ${slot.description ?? ''}`);
  if (slots.length) lines.push('', 'Slots:', ...slots);
  return lines.join('\n').trim();
}

const tags = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .map((declaration) => ({
    name: declaration.tagName,
    description: describe(declaration),
    attributes: (declaration.attributes ?? []).map((attribute) => ({
      name: attribute.name,
      description: attribute.description ?? '',
      ...(valuesOf(attribute.type?.text) ? { values: valuesOf(attribute.type?.text) } : {}),
    })),
  }));

const data = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags,
};
writeFileSync(new URL('vscode.html-custom-data.json', WIDGETS), `${JSON.stringify(data, null, 2)}\n`);
console.log(`vscode-data: ${tags.length} tags`);
