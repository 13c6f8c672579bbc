import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-center-scorecard.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';

/** The city recorded, the year its figures run up to now, and the next year, which has none yet. */
const { region: REGION, year: YEAR, nextYear: NEXT_YEAR } = recordedIds('center-scorecard');

interface ScorecardArgs {
  /** How the network answers the recorded platform. */
  network: Network;
  year: string | undefined;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
}

const meta: Meta<ScorecardArgs> = {
  title: 'Widgets/smec-center-scorecard',
  component: 'smec-center-scorecard',
  render: (args) =>
    html`<smec-center-scorecard
      .client=${replayClient({ widget: 'center-scorecard', scenario: 'visitor', network: args.network, lang: args.lang })}
      region=${ifDefined(REGION)}
      year=${ifDefined(args.year)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
    ></smec-center-scorecard>`,
  args: { network: 'answers', year: YEAR, lang: 'zh-CN', theme: undefined },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    year: { control: 'inline-radio', options: [YEAR, NEXT_YEAR] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<ScorecardArgs>;

export const City: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Loading: Story = { args: { network: 'loading' } };
/** The next year: nothing counted yet. */
export const NoData: Story = { args: { year: NEXT_YEAR } };
export const Error: Story = { args: { network: 'offline' } };
