import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-policy-list.js';
import { STORY_MODES, policyClient, type StoryMode } from './support/policy-fetch.js';

interface PolicyListArgs {
  /** How the fixture platform answers. */
  mode: StoryMode;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  region: string | undefined;
  catalogUrl: string | undefined;
}

const meta: Meta<PolicyListArgs> = {
  title: 'Widgets/smec-policy-list',
  component: 'smec-policy-list',
  render: (args) =>
    html`<smec-policy-list
      .client=${policyClient(args.mode)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      region=${ifDefined(args.region)}
      catalog-url=${ifDefined(args.catalogUrl)}
    ></smec-policy-list>`,
  args: { mode: 'normal', lang: 'zh-CN', theme: undefined, region: '440604', catalogUrl: '/catalog' },
  argTypes: {
    mode: { control: 'select', options: STORY_MODES, description: 'How the fixture platform answers' },
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
export const Loading: Story = { args: { mode: 'loading' } };
export const Empty: Story = { args: { mode: 'empty' } };
export const Error: Story = { args: { mode: 'error' } };
