import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-event-calendar.js';
import { find as findIn } from './support/canvas.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';
import { signInLink } from './support/sign-in-link.js';

/** The month recorded, its full event with a waitlist (and that event's day), and a month without events. */
const {
  month: MONTH,
  emptyMonth: EMPTY_MONTH,
  fullEvent: FULL_EVENT,
  fullEventDay: FULL_EVENT_DAY,
} = recordedIds('event-calendar');

/** Who looks: nobody signed in, an enterprise, or the same enterprise once it joined the full event's waitlist. */
type Visitor = 'signedOut' | 'signedIn' | 'registered';
const VISITORS: readonly Visitor[] = ['signedOut', 'signedIn', 'registered'];

interface EventCalendarArgs {
  /** How the network answers the recorded platform. */
  network: Network;
  visitor: Visitor;
  month: string | undefined;
  view: 'month' | 'list' | undefined;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  region: string | undefined;
}

/** Waits for the widget's shadow root to show `selector`. */
const find = <T extends HTMLElement = HTMLElement>(canvasElement: HTMLElement, selector: string) =>
  findIn<T>(canvasElement, 'smec-event-calendar', selector);

/** Opens the event that is full and has a waitlist, as a visitor would: from its day, or its day's '+N'. */
async function openFullEvent(canvasElement: HTMLElement): Promise<void> {
  const day = `[data-date="${FULL_EVENT_DAY}"]`;
  // Whichever the day shows once the month loaded: the event itself, or the '+N' of the events it has no room for.
  const found = await find(canvasElement, `${day} [data-event-id="${FULL_EVENT}"], ${day} [part~="more-button"]`);
  found.click();
  if (found.matches('[part~="more-button"]')) {
    (await find(canvasElement, `dialog [data-event-id="${FULL_EVENT}"]`)).click();
  }
}

/** The recording each visitor replays; the registered one starts after the enterprise joined the waitlist. */
const client = ({ network, visitor, lang }: EventCalendarArgs) =>
  replayClient({
    widget: 'event-calendar',
    scenario: visitor === 'signedOut' ? 'signedOut' : 'enterprise',
    afterWrites: visitor === 'registered' ? 1 : 0,
    network,
    lang,
  });

const meta: Meta<EventCalendarArgs> = {
  title: 'Widgets/smec-event-calendar',
  component: 'smec-event-calendar',
  render: (args) =>
    html`<smec-event-calendar
      .client=${client(args)}
      month=${ifDefined(args.month)}
      view=${ifDefined(args.view)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
      region=${ifDefined(args.region)}
    >
      ${signInLink(args.lang)}
    </smec-event-calendar>`,
  args: {
    network: 'answers',
    visitor: 'signedOut',
    month: MONTH,
    view: 'month',
    lang: 'zh-CN',
    theme: undefined,
    region: '440600',
  },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
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
export const Loading: Story = { args: { network: 'loading' } };

/** A month without events. */
export const EmptyMonth: Story = { args: { month: EMPTY_MONTH } };

/** The platform could not be reached: the error and a retry button. */
export const LoadError: Story = { name: 'Error', args: { network: 'offline' } };

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
