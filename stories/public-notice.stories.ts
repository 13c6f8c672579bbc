import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-public-notice.js';
import { find, typeInto } from './support/canvas.js';
import { OBJECTION } from './support/inputs.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';

/** The seed's demo notice, which the confirmation story objects to. */
const { noticeId: NOTICE_ID = '' } = recordedIds('public-notice');

interface NoticeArgs {
  /** How the network answers the reads. */
  network: Network;
  /** The seed's applicants under notice, or none (the list answered with no items). */
  empty: boolean;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
}

const TAG = 'smec-public-notice';

async function openForm(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const button = await find<HTMLButtonElement>(canvasElement, TAG, `#smec-pn-object-${NOTICE_ID}`);
  button.click();
  await find(canvasElement, TAG, '[part~="form-heading"]');
  return canvasElement.querySelector(TAG)!.shadowRoot!;
}

async function submit(shadow: ShadowRoot): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  shadow.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
}

const meta: Meta<NoticeArgs> = {
  title: 'Widgets/smec-public-notice',
  component: TAG,
  render: (args) =>
    html`<smec-public-notice
      .client=${replayClient({
        widget: 'public-notice',
        scenario: 'visitor',
        network: args.network,
        only: 'reads',
        lang: args.lang,
        ...(args.empty ? { withoutItems: ['/public-notices'] } : {}),
      })}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
    ></smec-public-notice>`,
  args: { network: 'answers', empty: false, lang: 'zh-CN', theme: undefined },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the reads' },
    empty: { control: 'boolean' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '900px' },
      description: {
        component:
          'The public notice (公示) of the applicants a service center approved to join the network, and the ' +
          'objection anyone may file against one while its notice runs (no account needed): checked with the ' +
          'platform’s rules, an error summary, and the objection’s number once the platform has accepted it.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<NoticeArgs>;

/** The seed's applicants under notice, soonest end first. */
export const List: Story = {};

/** Nobody is under notice. */
export const Empty: Story = { args: { empty: true } };

/** The list is loading: its room is kept. */
export const Loading: Story = { args: { network: 'loading' } };

/** The platform could not be reached: 重试. */
export const Offline: Story = { args: { network: 'offline' } };

/** 提交异议 with nothing typed: the error summary has the focus, each field says what is wrong. */
export const FormWithErrors: Story = {
  play: async ({ canvasElement }) => submit(await openForm(canvasElement)),
};

/** Accepted: the objection's number and what happens next. */
export const Confirmation: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await openForm(canvasElement);
    typeInto(shadow.querySelector<HTMLInputElement>('input[name="name"]')!, OBJECTION.name);
    typeInto(shadow.querySelector<HTMLInputElement>('input[name="mobile"]')!, OBJECTION.mobile);
    typeInto(shadow.querySelector<HTMLTextAreaElement>('textarea[name="reason"]')!, OBJECTION.reason);
    await submit(shadow);
  },
};

/** In English, with the form's errors. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => submit(await openForm(canvasElement)),
};

/** Traditional Chinese (Hong Kong). */
export const TraditionalChinese: Story = { args: { lang: 'zh-HK' } };

/** The dark scheme. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};
