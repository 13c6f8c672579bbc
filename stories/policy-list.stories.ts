import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-policy-list.js';
import { search } from './support/canvas.js';
import { NOTHING_MATCHES } from './support/inputs.js';
import { NETWORKS, replayClient, type Network } from './support/replay.js';

interface PolicyListArgs {
  /** How the network answers the recorded platform. */
  network: Network;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  region: string | undefined;
  catalogUrl: string | undefined;
}

/** Searches for what the platform has no policy for, as a visitor would. */
const searchNothing = (canvasElement: HTMLElement) =>
  search(canvasElement, 'smec-policy-list', '#smec-pl-q', NOTHING_MATCHES);

const meta: Meta<PolicyListArgs> = {
  title: 'Widgets/smec-policy-list',
  component: 'smec-policy-list',
  render: (args) =>
    html`<smec-policy-list
      .client=${replayClient({ widget: 'policy-list', scenario: 'visitor', network: args.network, lang: args.lang })}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      region=${ifDefined(args.region)}
      catalog-url=${ifDefined(args.catalogUrl)}
    ></smec-policy-list>`,
  args: { network: 'answers', lang: 'zh-CN', theme: undefined, region: '440604', catalogUrl: '/catalog' },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<PolicyListArgs>;

export const CountyWithParents: Story = {};
export const AllPolicies: Story = { args: { region: undefined } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Loading: Story = { args: { network: 'loading' } };
/** A search that finds nothing. */
export const Empty: Story = { play: async ({ canvasElement }) => searchNothing(canvasElement) };
export const Error: Story = { args: { network: 'offline' } };
