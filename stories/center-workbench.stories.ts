import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-center-workbench.js';
import { find } from './support/canvas.js';
import { NETWORKS, pinClock, recordedIds, replayClient, type Network } from './support/replay.js';

/** The accepted demand of Shantou's inbox whose detail the stories open. */
const { demand: DEMAND = '' } = recordedIds('center-workbench');

const SIGN_IN: Record<string, string> = {
  'zh-CN': '工作人员登录',
  'zh-HK': '工作人員登入',
  en: 'Sign in as center staff',
};

/** Who is signed in: the scenarios of stories/record/center-workbench.ts. */
type Account = 'staff' | 'admin' | 'viewer' | 'signedOut' | 'enterprise';
const ACCOUNTS: readonly Account[] = ['staff', 'admin', 'viewer', 'signedOut', 'enterprise'];

const VIEWS = [
  'overview',
  'demands',
  'providers',
  'settlements',
  'batches',
  'policies',
  'events',
  'followUps',
  'staff',
  'auditLog',
] as const;

interface WorkbenchArgs {
  network: Network;
  account: Account;
  view: (typeof VIEWS)[number];
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
  care: boolean;
}

const meta: Meta<WorkbenchArgs> = {
  title: 'Widgets/smec-center-workbench',
  component: 'smec-center-workbench',
  // The workbench asks for the events of the next seven days from now: the page's clock stands at the recording's.
  beforeEach: () => pinClock('center-workbench'),
  render: (args) =>
    html`<smec-center-workbench
      .client=${replayClient({
        widget: 'center-workbench',
        scenario: args.account,
        network: args.network,
        lang: args.lang,
      })}
      lang=${args.lang}
      view=${args.view}
      theme=${ifDefined(args.theme)}
      ?care=${args.care}
    >
      <a slot="sign-in" href="#sign-in">${SIGN_IN[args.lang]}</a>
    </smec-center-workbench>`,
  args: { network: 'answers', account: 'staff', view: 'overview', lang: 'zh-CN', theme: undefined, care: false },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    account: {
      control: 'inline-radio',
      options: ACCOUNTS,
      description:
        'Who is signed in: Shantou’s 业务员, the province’s 管理员, Shantou’s 只读 viewer, nobody, or an enterprise',
    },
    view: { control: 'select', options: VIEWS },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '1000px' },
      description: {
        component:
          'The workbench of a service center’s staff, scoped by the platform to the center’s region and the regions ' +
          'below it: the overview of what waits and this year’s key figures; the demands inbox with its response ' +
          'deadlines and a demand’s moves (accept, propose, transfer, reject, close); the provider applications to ' +
          'review; the settlement queue; voucher batches; policies; events; follow-ups of bad ratings; and, for ' +
          'administrators, the staff accounts and the audit log. Every view is fetched when first shown; a 只读 ' +
          'viewer sees no button that writes.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<WorkbenchArgs>;

/** Opens the recorded demand's detail from the inbox, as a visitor would. */
async function openDemand(canvasElement: HTMLElement): Promise<void> {
  (
    await find<HTMLButtonElement>(
      canvasElement,
      'smec-center-workbench',
      `[data-demand-id="${DEMAND}"] [part~="demand-open-button"]`,
    )
  ).click();
  await find(canvasElement, 'smec-center-workbench', '[part~="demand-detail"]');
}

/** What waits in Shantou's center and below it, and this year's key figures with progress towards the targets. */
export const Overview: Story = {};
export const OverviewEnglish: Story = { args: { lang: 'en' } };
export const OverviewHongKong: Story = { args: { lang: 'zh-HK' } };
export const OverviewDark: Story = { args: { theme: 'dark' } };

/** The demands inbox: filters, response deadlines in working days, the overdue ones marked. */
export const Demands: Story = { args: { view: 'demands' } };
export const DemandsEnglish: Story = { args: { view: 'demands', lang: 'en' } };

/** An accepted demand: its contact, timeline, the proposer of matches, the transfer and the other moves. */
export const DemandDetail: Story = {
  args: { view: 'demands' },
  play: async ({ canvasElement }) => openDemand(canvasElement),
};
export const DemandDetailCare: Story = { ...DemandDetail, args: { view: 'demands', care: true } };

/** The province’s queue of applications to join, to review. */
export const Providers: Story = { args: { view: 'providers', account: 'admin' } };
/** Voucher-paid engagements waiting to be settled, with the provider's proofs. */
export const Settlements: Story = { args: { view: 'settlements' } };
/** The batches the province and the regions below it issued, with what is claimed and left. */
export const Batches: Story = { args: { view: 'batches', account: 'admin' } };
export const Policies: Story = { args: { view: 'policies' } };
export const Events: Story = { args: { view: 'events' } };
/** Bad ratings whose follow-up is still open, overdue first. */
export const FollowUps: Story = { args: { view: 'followUps' } };
export const FollowUpsHongKong: Story = { args: { view: 'followUps', lang: 'zh-HK' } };
/** The province’s staff accounts and the invitation form: administrators only. */
export const Staff: Story = { args: { view: 'staff', account: 'admin' } };
/** A 业务员 on the Staff view: told it is for administrators, nothing asked of the platform. */
export const StaffNotAdmin: Story = { args: { view: 'staff' } };
/** Every staff write below the province: who, role, center, when, action, entity, the changes. */
export const AuditLog: Story = { args: { view: 'auditLog', account: 'admin' } };
export const AuditLogEnglish: Story = { args: { view: 'auditLog', account: 'admin', lang: 'en' } };

/** A 只读 viewer on the same demand: the facts and the timeline, no move. */
export const Viewer: Story = {
  args: { view: 'demands', account: 'viewer' },
  play: async ({ canvasElement }) => openDemand(canvasElement),
};
export const SignedOut: Story = { args: { account: 'signedOut' } };
/** An enterprise's account: the workbench is for center staff, and says so. */
export const WrongAccount: Story = { args: { account: 'enterprise' } };
export const Loading: Story = { args: { network: 'loading' } };
export const Offline: Story = { args: { network: 'offline' } };
