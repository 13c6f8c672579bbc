import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-provider-workbench.js';
import { find } from './support/canvas.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';

/** The demo provider's draft that still misses its publics. */
const { draft: DRAFT = '' } = recordedIds('provider-workbench');

const SIGN_IN: Record<string, string> = {
  'zh-CN': '服务机构登录',
  'zh-HK': '服務機構登入',
  en: 'Sign in as a provider',
};

interface WorkbenchArgs {
  network: Network;
  signedIn: boolean;
  view: 'products' | 'engagements' | 'profile' | 'ratings' | 'experts';
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  care: boolean;
}

const meta: Meta<WorkbenchArgs> = {
  title: 'Widgets/smec-provider-workbench',
  component: 'smec-provider-workbench',
  render: (args) =>
    html`<smec-provider-workbench
      .client=${replayClient({
        widget: 'provider-workbench',
        scenario: args.signedIn ? 'provider' : 'signedOut',
        network: args.network,
        lang: args.lang,
      })}
      lang=${args.lang}
      view=${args.view}
      theme=${ifDefined(args.theme)}
      ?care=${args.care}
    >
      <a slot="sign-in" href="#sign-in">${SIGN_IN[args.lang]}</a>
    </smec-provider-workbench>`,
  args: { network: 'answers', signedIn: true, view: 'products', lang: 'zh-CN', theme: undefined, care: false },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    view: { control: 'inline-radio', options: ['products', 'engagements', 'profile', 'ratings', 'experts'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '1000px' },
      description: {
        component:
          'The signed-in provider’s workbench: a banner of required actions; its products with what publishing ' +
          'still needs, drafts, the editor of the five publics with a preview, publish and withdraw; its engagements ' +
          '(confirm, start, deliver) and follow-ups with their working-day due dates; its profile (with its ' +
          'categories and regions served) and record; the ratings it received; its experts. ' +
          'Every view is fetched when first shown.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<WorkbenchArgs>;

/** The banner and the products: a draft still missing its publics lists what it needs. */
export const Products: Story = {};
export const ProductsEnglish: Story = { args: { lang: 'en' } };
export const ProductsHongKong: Story = { args: { lang: 'zh-HK' } };
export const ProductsDark: Story = { args: { theme: 'dark' } };
export const ProductsCare: Story = { args: { care: true } };

/** The editor of the demo draft, its errors shown as the rules find them once a field is touched. */
export const Editor: Story = {
  play: async ({ canvasElement }) => {
    const edit = await find<HTMLButtonElement>(
      canvasElement,
      'smec-provider-workbench',
      `[data-product-id="${DRAFT}"] .edit-button`,
    );
    edit.click();
    const field = await find<HTMLTextAreaElement>(canvasElement, 'smec-provider-workbench', '#smec-df-function');
    field.value = '';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  },
};

export const Engagements: Story = { args: { view: 'engagements' } };
export const Profile: Story = { args: { view: 'profile' } };
export const ProfileEnglish: Story = { args: { view: 'profile', lang: 'en' } };

/** No category left: the shared rule speaks next to the group as the box is cleared, before any 「保存」. */
export const ProfileNoCategory: Story = {
  args: { view: 'profile' },
  play: async ({ canvasElement }) => {
    await find(canvasElement, 'smec-provider-workbench', 'input[name="categoryIds"]');
    const host = canvasElement.querySelector('smec-provider-workbench')!;
    for (const box of host.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="categoryIds"]'))
      if (box.checked) box.click();
  },
};

/** The ratings received, newest first, with the catalog's average; a bad one shows its follow-up. */
export const Ratings: Story = { args: { view: 'ratings' } };
export const RatingsEnglish: Story = { args: { view: 'ratings', lang: 'en' } };
export const RatingsHongKong: Story = { args: { view: 'ratings', lang: 'zh-HK' } };
export const RatingsCare: Story = { args: { view: 'ratings', care: true } };

/** The provider's experts. */
export const Experts: Story = { args: { view: 'experts' } };
export const ExpertsEnglish: Story = { args: { view: 'experts', lang: 'en' } };
export const ExpertsDark: Story = { args: { view: 'experts', theme: 'dark' } };

/** A new expert sent empty: the error summary and each field's rule. */
export const ExpertFormErrors: Story = {
  args: { view: 'experts' },
  play: async ({ canvasElement }) => {
    (await find<HTMLButtonElement>(canvasElement, 'smec-provider-workbench', '[part~="add-expert-button"]')).click();
    (await find<HTMLButtonElement>(canvasElement, 'smec-provider-workbench', '[part~="save-expert-button"]')).click();
    await find(canvasElement, 'smec-provider-workbench', '[part~="error-summary"]');
  },
};
export const ExpertFormCare: Story = { ...ExpertFormErrors, args: { view: 'experts', care: true } };
export const SignedOut: Story = { args: { signedIn: false } };
export const Loading: Story = { args: { network: 'loading' } };
export const Offline: Story = { args: { network: 'offline' } };
