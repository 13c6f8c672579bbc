import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-demand-form.js';
import { typeInto } from './support/canvas.js';
import { DEMAND_DRAFT, WRONG_PHONE } from './support/inputs.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';

/** The seed's demo demand, which anyone may look up. */
const { trackingNo: DEMO_TRACKING_NO = '', phone: DEMO_PHONE = '' } = recordedIds('demand-form');

interface DemandFormArgs {
  /** Who submits: a first visitor, or one the platform's limiter turns away. */
  scenario: 'visitor' | 'rateLimited';
  /** How the network answers a submission (the form's categories and regions always load). */
  network: Network;
  formMode: 'form' | 'lookup';
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  /** Fill the form as a visitor would have (a draft in localStorage, as after a reload). */
  filled: boolean;
  category: string | undefined;
  region: string | undefined;
}

let stories = 0;

/** A draft key of its own per rendering, holding the filled values when asked for. */
function draftKey(filled: boolean): string {
  stories += 1;
  const key = `smec-story-draft-${stories}`;
  if (filled) localStorage.setItem(key, JSON.stringify({ values: DEMAND_DRAFT }));
  else localStorage.removeItem(key);
  return key;
}

async function form(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const element = canvasElement.querySelector('smec-demand-form');
  for (let tries = 0; tries < 100; tries++) {
    const select = element?.shadowRoot?.querySelector<HTMLSelectElement>('select[name="city"]');
    if (element?.shadowRoot && (select?.options.length ?? 0) > 1) return element.shadowRoot;
    if (element?.shadowRoot?.querySelector('[name="trackingNo"]')) return element.shadowRoot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the form never loaded');
}

/** Ticks the consent (never kept in a draft) and presses submit, as a visitor would. */
async function consentAndSubmit(canvasElement: HTMLElement): Promise<void> {
  const root = await form(canvasElement);
  const consent = root.querySelector<HTMLInputElement>('input[name="consent"]');
  if (consent) {
    consent.checked = true;
    consent.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  root.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
}

async function lookUp(canvasElement: HTMLElement, trackingNo: string, phone: string): Promise<void> {
  const root = await form(canvasElement);
  typeInto(root.querySelector<HTMLInputElement>('input[name="trackingNo"]')!, trackingNo);
  typeInto(root.querySelector<HTMLInputElement>('input[name="phone"]')!, phone);
  await new Promise((resolve) => setTimeout(resolve, 0));
  root.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
}

const meta: Meta<DemandFormArgs> = {
  title: 'Widgets/smec-demand-form',
  component: 'smec-demand-form',
  render: (args) =>
    html`<smec-demand-form
      .client=${replayClient({
        widget: 'demand-form',
        scenario: args.scenario,
        network: args.network,
        only: 'writes',
        lang: args.lang,
      })}
      mode=${args.formMode}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      category=${ifDefined(args.category)}
      region=${ifDefined(args.region)}
      draft-key=${draftKey(args.filled)}
    ></smec-demand-form>`,
  args: {
    scenario: 'visitor',
    network: 'answers',
    formMode: 'form',
    lang: 'zh-CN',
    theme: undefined,
    filled: false,
    category: undefined,
    region: undefined,
  },
  argTypes: {
    scenario: { control: 'inline-radio', options: ['visitor', 'rateLimited'] },
    network: { control: 'select', options: NETWORKS, description: 'How the network answers a submission' },
    formMode: { control: 'inline-radio', options: ['form', 'lookup'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '900px' },
      description: {
        component:
          'A service demand form for an enterprise (no account needed), with field checks shared with the platform, ' +
          'an error summary, a draft kept in the browser, idempotent retries, and the lookup of a demand’s progress.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<DemandFormArgs>;

/** Nothing typed yet. */
export const Empty: Story = {};

/** Everything typed (restored from a draft) except the consent, which is never kept. */
export const Filled: Story = { args: { filled: true } };

/** Submitted empty: the error summary has the focus, each field says what is wrong. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const root = await form(canvasElement);
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
  },
};

/** Waiting for the platform: the button is disabled, a second click does nothing. */
export const Submitting: Story = {
  args: { filled: true, network: 'loading' },
  play: async ({ canvasElement }) => consentAndSubmit(canvasElement),
};

/** The platform could not be reached: everything is kept, 重试 sends the same submission again. */
export const NetworkFailure: Story = {
  args: { filled: true, network: 'offline' },
  play: async ({ canvasElement }) => consentAndSubmit(canvasElement),
};

/** Too many submissions from this address: when to try again. */
export const RateLimited: Story = {
  args: { filled: true, scenario: 'rateLimited' },
  play: async ({ canvasElement }) => consentAndSubmit(canvasElement),
};

/** Accepted: the tracking number with a copy button, and what happens next. */
export const Success: Story = {
  args: { filled: true },
  play: async ({ canvasElement }) => consentAndSubmit(canvasElement),
};

/** Prefilled by attributes, as the catalog's 「我要咨询」 does. */
export const Prefilled: Story = { args: { category: 'legal', region: '440604' } };

/** The lookup: tracking number and phone. */
export const Lookup: Story = { args: { formMode: 'lookup' } };

/** A demand found: its status, the matched provider and the timeline. */
export const LookupFound: Story = {
  args: { formMode: 'lookup' },
  play: async ({ canvasElement }) => lookUp(canvasElement, DEMO_TRACKING_NO, DEMO_PHONE),
};

/** Nothing found: the same words whichever half was wrong. */
export const LookupNotFound: Story = {
  args: { formMode: 'lookup' },
  play: async ({ canvasElement }) => lookUp(canvasElement, DEMO_TRACKING_NO, WRONG_PHONE),
};

/** The form in English, with its errors. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const root = await form(canvasElement);
    root.querySelector<HTMLButtonElement>('[part~="submit-button"]')?.click();
  },
};

/** The lookup in English, found. */
export const EnglishLookup: Story = {
  args: { lang: 'en', formMode: 'lookup' },
  play: async ({ canvasElement }) => lookUp(canvasElement, DEMO_TRACKING_NO, DEMO_PHONE),
};

/** Traditional Chinese (Hong Kong). */
export const TraditionalChinese: Story = { args: { lang: 'zh-HK' } };

/** The dark scheme. */
export const DarkTheme: Story = {
  args: { theme: 'dark', filled: true },
  parameters: { backgrounds: { default: 'dark' } },
};
