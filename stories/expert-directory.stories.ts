import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-expert-directory.js';
import { search } from './support/canvas.js';
import { NOTHING_MATCHES } from './support/inputs.js';
import { NETWORKS, replayClient, type Network } from './support/replay.js';

interface ExpertDirectoryArgs {
  /** How the network answers the recorded platform. */
  network: Network;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  region: string | undefined;
}

/** Searches for what the platform has no expert for, as a visitor would. */
const searchNothing = (canvasElement: HTMLElement) =>
  search(canvasElement, 'smec-expert-directory', '#smec-ed-q', NOTHING_MATCHES);

const meta: Meta<ExpertDirectoryArgs> = {
  title: 'Widgets/smec-expert-directory',
  component: 'smec-expert-directory',
  render: (args) =>
    html`<smec-expert-directory
      .client=${replayClient({ widget: 'expert-directory', scenario: 'visitor', network: args.network, lang: args.lang })}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      region=${ifDefined(args.region)}
    ></smec-expert-directory>`,
  args: { network: 'answers', lang: 'zh-CN', theme: undefined, region: '440600' },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<ExpertDirectoryArgs>;

export const City: Story = {};
export const Province: Story = { args: { region: undefined } };
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Loading: Story = { args: { network: 'loading' } };
/** A search that finds nothing. */
export const Empty: Story = { play: async ({ canvasElement }) => searchNothing(canvasElement) };
export const Error: Story = { args: { network: 'offline' } };
