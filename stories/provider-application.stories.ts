import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-provider-application.js';
import { typeInto } from './support/canvas.js';
import { WRONG_PHONE } from './support/inputs.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';

/** The seed's application under review, which anyone may look up, and the demo's public resume keys. */
const {
  applicationNo: DEMO_NO = '',
  phone: DEMO_PHONE = '',
  draft = '',
  changes = '',
} = recordedIds('provider-application');

interface ApplicationArgs {
  /** What this device kept: nothing, the seed's draft, or the seed's application sent back for changes. */
  kept: 'nothing' | 'draft' | 'changesRequested';
  /** How the network answers the reads. */
  network: Network;
  formMode: 'apply' | 'lookup';
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
}

let stories = 0;

/** A storage key of its own per rendering, holding the number and key of what the story resumes. */
function draftKey(kept: ApplicationArgs['kept']): string {
  stories += 1;
  const key = `smec-story-application-${stories}`;
  if (kept === 'nothing') localStorage.removeItem(key);
  else localStorage.setItem(key, `smec-resume=${kept === 'draft' ? draft : changes}`);
  return key;
}

async function root(canvasElement: HTMLElement, selector: string): Promise<ShadowRoot> {
  const element = canvasElement.querySelector('smec-provider-application');
  for (let tries = 0; tries < 100; tries++) {
    if (element?.shadowRoot?.querySelector(selector)) return element.shadowRoot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the application never showed ${selector}`);
}

async function lookUp(canvasElement: HTMLElement, applicationNo: string, phone: string): Promise<void> {
  const shadow = await root(canvasElement, 'input[name="phone"]');
  typeInto(shadow.querySelector<HTMLInputElement>('input[name="applicationNo"]')!, applicationNo);
  typeInto(shadow.querySelector<HTMLInputElement>('input[name="phone"]')!, phone);
  await new Promise((resolve) => setTimeout(resolve, 0));
  shadow.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
}

const meta: Meta<ApplicationArgs> = {
  title: 'Widgets/smec-provider-application',
  component: 'smec-provider-application',
  render: (args) =>
    html`<smec-provider-application
      .client=${replayClient({
        widget: 'provider-application',
        scenario: 'visitor',
        network: args.network,
        only: 'reads',
        lang: args.lang,
      })}
      mode=${args.formMode}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      draft-key=${draftKey(args.kept)}
    ></smec-provider-application>`,
  args: { kept: 'nothing', network: 'answers', formMode: 'apply', lang: 'zh-CN', theme: undefined },
  argTypes: {
    kept: { control: 'inline-radio', options: ['nothing', 'draft', 'changesRequested'] },
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the reads' },
    formMode: { control: 'inline-radio', options: ['apply', 'lookup'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '1100px' },
      description: {
        component:
          'The application of an organisation to join the network as a provider (no account needed): five steps ' +
          'checked with the platform’s rules, an error summary, uploads, save and resume across devices with a ' +
          'private link, resubmission after the reviewer’s notes, and the lookup of an application’s progress.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<ApplicationArgs>;

/** The first step, nothing typed yet. */
export const Empty: Story = {};

/** 下一步 with nothing typed: the error summary has the focus, each field says what is wrong. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const shadow = await root(canvasElement, 'select[name="city"] option[value="440600"]');
    shadow.querySelector<HTMLButtonElement>('[part~="next-button"]')?.click();
  },
};

/** The seed's draft, resumed as on a reload or from its private link. */
export const ResumedDraft: Story = { args: { kept: 'draft' } };

/** The seed's application sent back for changes, opened to resubmit. */
export const ChangesRequested: Story = { args: { kept: 'changesRequested' } };

/** A saved application still loading: the form's size is kept. */
export const Loading: Story = { args: { kept: 'draft', network: 'loading' } };

/** The categories and regions could not be loaded: 重试. */
export const Offline: Story = { args: { network: 'offline' } };

/** The lookup: application number and mobile. */
export const Lookup: Story = { args: { formMode: 'lookup' } };

/** An application found: its status and timeline. */
export const LookupFound: Story = {
  args: { formMode: 'lookup' },
  play: async ({ canvasElement }) => lookUp(canvasElement, DEMO_NO, DEMO_PHONE),
};

/** Nothing found: the same words whichever half was wrong. */
export const LookupNotFound: Story = {
  args: { formMode: 'lookup' },
  play: async ({ canvasElement }) => lookUp(canvasElement, DEMO_NO, WRONG_PHONE),
};

/** In English, with its errors. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const shadow = await root(canvasElement, 'select[name="city"] option[value="440600"]');
    shadow.querySelector<HTMLButtonElement>('[part~="next-button"]')?.click();
  },
};

/** Traditional Chinese (Hong Kong). */
export const TraditionalChinese: Story = { args: { lang: 'zh-HK' } };

/** The dark scheme. */
export const DarkTheme: Story = {
  args: { theme: 'dark', kept: 'draft' },
  parameters: { backgrounds: { default: 'dark' } },
};
