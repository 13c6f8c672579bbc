// The custom elements the widgets package declares, read from its custom-elements manifest (npm run manifest): the
// packaging tests compare what is built and published with it instead of counting by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MANIFEST = fileURLToPath(new URL('../packages/widgets/custom-elements.json', import.meta.url));

/** Every tag name in the manifest, sorted: the widgets and `smec-root`. */
export function manifestTags(): string[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
    modules: { declarations: { tagName?: string }[] }[];
  };
  return manifest.modules
    .flatMap((module) => module.declarations.map((declaration) => declaration.tagName))
    .filter((tag): tag is string => typeof tag === 'string')
    .sort();
}

/** The widgets a webmaster embeds: every tag but `smec-root`, which only provides a shared client. */
export function manifestWidgets(): string[] {
  return manifestTags().filter((tag) => tag !== 'smec-root');
}
