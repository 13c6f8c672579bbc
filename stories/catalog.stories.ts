import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-catalog.js';
import '@smec/widgets/smec-root.js';
import { find, search } from './support/canvas.js';
import { NOTHING_MATCHES } from './support/inputs.js';
import { NETWORKS, replayClient, type Network } from './support/replay.js';

interface CatalogArgs {
  /** How the network answers the recorded platform. */
  network: Network;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  pageSize: number;
  stalledAfter: number;
  region: string | undefined;
  category: string | undefined;
}

/** Clicks the first product card once it has rendered, as a visitor would. */
async function openFirstProduct(canvasElement: HTMLElement): Promise<void> {
  (await find(canvasElement, 'smec-catalog', '[part~="card-title"]')).click();
}

/** Searches for what the platform has nothing for, as a visitor would (Enter searches at once). */
const searchNothing = (canvasElement: HTMLElement) => search(canvasElement, 'smec-catalog', '#smec-q', NOTHING_MATCHES);

const client = (args: CatalogArgs) =>
  replayClient({ widget: 'catalog', scenario: 'visitor', network: args.network, lang: args.lang });

const meta: Meta<CatalogArgs> = {
  title: 'Widgets/smec-catalog',
  component: 'smec-catalog',
  // Every story replays the seeded server's recorded answers: the static build needs no platform server.
  render: (args) =>
    html`<smec-catalog
      .client=${client(args)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      page-size=${args.pageSize}
      stalled-after=${args.stalledAfter}
      region=${ifDefined(args.region)}
      category=${ifDefined(args.category)}
      no-url-state
    ></smec-catalog>`,
  args: {
    network: 'answers',
    lang: 'zh-CN',
    theme: undefined,
    pageSize: 12,
    stalledAfter: 3000,
    region: undefined,
    category: undefined,
  },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    stalledAfter: { control: { type: 'number', min: 0, step: 500 } },
    region: { control: 'text' },
    category: { control: 'text' },
  },
  parameters: {
    docs: {
      // One iframe per story: the widgets speak one language per page, and the stories show several.
      story: { inline: false, height: '720px' },
      description: {
        component:
          'The province’s service products for a service center’s website: search, facets with counts, cards, a ' +
          'detail with the five publics, pagination, and every loading state.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<CatalogArgs>;

/** Products, facets with counts, sorting and pagination. */
export const Content: Story = {};

/** The first answer has not arrived yet: skeleton cards and 「正在加载…」. */
export const Loading: Story = { args: { network: 'loading', stalledAfter: 600_000 } };

/** Loading takes long (the answer comes after 5 s; the widget says so after 1 s here, 3 s by default). */
export const Stalled: Story = { args: { network: 'stalled', stalledAfter: 1000 } };

/** Nothing matches: a message and a way back to everything. */
export const Empty: Story = { play: async ({ canvasElement }) => searchNothing(canvasElement) };

/** The platform cannot be reached: the error, the reason and a retry button. */
export const ErrorState: Story = { name: 'Error', args: { network: 'offline' } };

/** The detail of a product, with the five publics and the provider's contacts. */
export const DetailOpen: Story = {
  play: async ({ canvasElement }) => openFirstProduct(canvasElement),
};

/** Filtered from the start by attributes (a city center's page). */
export const FilteredByAttributes: Story = { args: { region: '440600', category: 'legal' } };

/** The same catalog in English. */
export const English: Story = { args: { lang: 'en' } };

/** English, with a product open. */
export const EnglishDetail: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => openFirstProduct(canvasElement),
};

/** English error state. */
export const EnglishError: Story = { args: { lang: 'en', network: 'offline' } };

/** Traditional Chinese (Hong Kong). */
export const TraditionalChinese: Story = { args: { lang: 'zh-HK' } };

/** The dark scheme (also followed automatically from the visitor's system setting). */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};

/** A host page's own look through the theming tokens. */
export const CustomTokens: Story = {
  render: (args) =>
    html`<div class="host-page">
      <style>
        .host-page smec-catalog {
          --smec-color-primary: #8a1c1c;
          --smec-radius: 2px;
          --smec-font-family: 'Songti SC', 'SimSun', serif;
        }
      </style>
      <smec-catalog .client=${client(args)} lang=${args.lang} no-url-state></smec-catalog>
    </div>`,
};

/** Inside `<smec-root>`, which hands one client (and the language) to every widget inside it. */
export const InsideRoot: Story = {
  render: (args) =>
    html`<smec-root .client=${client(args)} lang=${args.lang}>
      <smec-catalog no-url-state page-size=${args.pageSize}></smec-catalog>
    </smec-root>`,
};
