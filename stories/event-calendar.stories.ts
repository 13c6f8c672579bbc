import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-event-calendar.js';
import {
  EVENT_MODES,
  FULL_WITH_WAITLIST,
  VISITORS,
  currentMonth,
  eventClient,
  type EventMode,
  type Visitor,
} from './support/event-fetch.js';

interface EventCalendarArgs {
  /** How the fixture platform answers. */
  mode: EventMode;
  visitor: Visitor;
  view: 'month' | 'list' | undefined;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  region: string | undefined;
}

/** Waits for the calendar's shadow root to show `selector`. */
async function find(canvasElement: HTMLElement, selector: string): Promise<HTMLElement> {
  const element = canvasElement.querySelector('smec-event-calendar');
  for (let tries = 0; tries < 100; tries++) {
    const found = element?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${selector} never appeared`);
}

/** Opens the fixture event that is full and has a waitlist, as a visitor would. */
async function openFullEvent(canvasElement: HTMLElement): Promise<void> {
  (await find(canvasElement, '[part~="more-button"]')).click();
  (await find(canvasElement, `dialog [data-event-id="${FULL_WITH_WAITLIST}"]`)).click();
}

const meta: Meta<EventCalendarArgs> = {
  title: 'Widgets/smec-event-calendar',
  component: 'smec-event-calendar',
  render: (args) =>
    html`<smec-event-calendar
      .client=${eventClient(args.mode, args.visitor)}
      month=${currentMonth()}
      view=${ifDefined(args.view)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      region=${ifDefined(args.region)}
    >
      <a slot="sign-in" href="#sign-in">企业用户登录</a>
    </smec-event-calendar>`,
  args: { mode: 'normal', visitor: 'signedOut', view: 'month', lang: 'zh-CN', theme: undefined, region: '440600' },
  argTypes: {
    mode: { control: 'select', options: EVENT_MODES, description: 'How the fixture platform answers' },
    visitor: { control: 'inline-radio', options: VISITORS },
    view: { control: 'inline-radio', options: [undefined, 'month', 'list'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '900px' },
      description: {
        component:
          'A region’s events by month or as a list, in Beijing time, with registration, waitlist and cancellation ' +
          'for a signed-in enterprise and a sign-in prompt otherwise.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<EventCalendarArgs>;

/** The month grid: weeks from Monday, today marked, a busy day with its '+N'. */
export const MonthView: Story = {};

/** The list by day, the default on narrow screens. */
export const ListView: Story = { args: { view: 'list' } };

/** Waiting for the platform. */
export const Loading: Story = { args: { mode: 'loading' } };

/** A month without events. */
export const EmptyMonth: Story = { args: { mode: 'empty' } };

/** The platform could not be reached: the error and a retry button. */
export const LoadError: Story = { name: 'Error', args: { mode: 'error' } };

/** A full event with a waitlist, for a signed-in enterprise: 「已满，可候补」 and 加入候补. */
export const FullWithWaitlist: Story = {
  args: { visitor: 'signedIn' },
  play: async ({ canvasElement }) => openFullEvent(canvasElement),
};

/** The enterprise is on the waitlist already: its place and 取消报名. */
export const Registered: Story = {
  args: { visitor: 'registered' },
  play: async ({ canvasElement }) => openFullEvent(canvasElement),
};

/** Nobody signed in: 登录后报名 and the host's own sign-in link in the `sign-in` slot. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => openFullEvent(canvasElement),
};
