import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-center-scorecard.js';
import { STORY_MODES, policyClient, type StoryMode } from './support/policy-fetch.js';

interface ScorecardArgs {
  /** How the fixture platform answers. */
  mode: StoryMode;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
}

const meta: Meta<ScorecardArgs> = {
  title: 'Widgets/smec-center-scorecard',
  component: 'smec-center-scorecard',
  render: (args) =>
    html`<smec-center-scorecard
      .client=${policyClient(args.mode)}
      region="440600"
      year="2026"
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
    ></smec-center-scorecard>`,
  args: { mode: 'normal', lang: 'zh-CN', theme: undefined },
  argTypes: {
    mode: { control: 'select', options: STORY_MODES, description: 'How the fixture platform answers' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
};
export default meta;

type Story = StoryObj<ScorecardArgs>;

export const City: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Loading: Story = { args: { mode: 'loading' } };
export const NoData: Story = { args: { mode: 'empty' } };
export const Error: Story = { args: { mode: 'error' } };
