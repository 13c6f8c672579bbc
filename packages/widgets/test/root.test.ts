import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@smec/sdk';
import '../src/define/smec-catalog.js';
import '../src/define/smec-root.js';
import { SmecCatalog, SmecElement, SmecRoot } from '../src/index.js';
import { API, CLOSED_API, results } from './helpers.js';

describe('smec-root', () => {
  it('hands its client to the widgets inside it', async () => {
    const requested: string[] = [];
    const client = createClient({
      baseUrl: API,
      fetch: (input, init) => {
        requested.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    });
    // The catalog's own api-base points nowhere: only the root's client can load anything.
    const root = await fixture<SmecRoot>(
      html`<smec-root .client=${client}><smec-catalog api-base=${CLOSED_API} no-url-state></smec-catalog></smec-root>`,
    );
    const el = root.querySelector('smec-catalog')!;
    await results(el);
    expect(requested.some((url) => url.startsWith(`${API}/products`))).to.equal(true);
    expect(requested.every((url) => url.startsWith(API))).to.equal(true);
  });

  it('builds a client from its own api-base for the widgets inside', async () => {
    const root = await fixture<SmecRoot>(
      html`<smec-root api-base=${API}><smec-catalog no-url-state></smec-catalog></smec-root>`,
    );
    await results(root.querySelector('smec-catalog')!);
  });

  it('gives the language to the widgets inside it', async () => {
    const root = await fixture<SmecRoot>(
      html`<smec-root api-base=${API} lang="en"><smec-catalog no-url-state></smec-catalog></smec-root>`,
    );
    const el = root.querySelector('smec-catalog')!;
    await waitUntil(() =>
      /services$/.test(el.shadowRoot?.querySelector('[part~="status"]')?.textContent?.trim() ?? ''),
    );
  });
});

describe('define()', () => {
  it('ignores a second definition of the same version and warns once about another version', () => {
    expect(customElements.get('smec-catalog')).to.equal(SmecCatalog);
    expect(() => SmecCatalog.define('smec-catalog')).not.to.throw();

    class Newer extends SmecElement {
      static override version = '99.0.0';
    }
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => Newer.define('smec-catalog')).not.to.throw();
      expect(() => Newer.define('smec-catalog')).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.include('99.0.0');
    expect(customElements.get('smec-catalog')).to.equal(SmecCatalog);
  });

  it('stamps the package version on every element class', async () => {
    const { version } = (await (await fetch(new URL('../package.json', import.meta.url))).json()) as {
      version: string;
    };
    expect(SmecCatalog.version).to.equal(version);
    expect(SmecRoot.version).to.equal(version);
  });
});
