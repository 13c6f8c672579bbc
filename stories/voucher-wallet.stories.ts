import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-voucher-wallet.js';
import type { SmecVoucherWallet } from '@smec/widgets';
import { NOT_ELIGIBLE_AMOUNT, USE_AMOUNT } from './support/inputs.js';
import { find as findIn, typeInto } from './support/canvas.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';
import { signInLink } from './support/sign-in-link.js';

/** The batch the demo enterprise may still claim, and a product that takes no vouchers. */
const {
  claimBatch: CLAIM_BATCH,
  notEligibleProduct: NOT_ELIGIBLE,
  notEligibleName: NOT_ELIGIBLE_NAME = '',
} = recordedIds('voucher-wallet');

/** Whose wallet: the demo enterprise's, the same with nothing in it yet, or nobody's. */
type Holder = 'enterprise' | 'empty' | 'signedOut';

interface VoucherWalletArgs {
  /** How the network answers the recorded platform. */
  network: Network;
  holder: Holder;
  /** The recording of the platform refusing a product that takes no vouchers. */
  refusing: boolean;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
}

/** Waits for the widget's shadow root to show `selector`. */
const find = <T extends HTMLElement = HTMLElement>(canvasElement: HTMLElement, selector: string) =>
  findIn<T>(canvasElement, 'smec-voucher-wallet', selector);

const client = ({ network, holder, refusing, lang }: VoucherWalletArgs) =>
  replayClient({
    widget: 'voucher-wallet',
    scenario: holder === 'signedOut' ? 'signedOut' : refusing ? 'notEligible' : 'enterprise',
    withoutItems: holder === 'empty' ? ['/me/vouchers', '/engagements'] : [],
    network,
    lang,
  });

const meta: Meta<VoucherWalletArgs> = {
  title: 'Widgets/smec-voucher-wallet',
  component: 'smec-voucher-wallet',
  render: (args) =>
    html`<smec-voucher-wallet .client=${client(args)} lang=${args.lang} theme=${ifDefined(args.theme)}>
      ${signInLink(args.lang)}
    </smec-voucher-wallet>`,
  args: { network: 'answers', holder: 'enterprise', refusing: false, lang: 'zh-CN', theme: undefined },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    holder: { control: 'inline-radio', options: ['enterprise', 'empty', 'signedOut'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '1000px' },
      description: {
        component:
          'The signed-in enterprise’s service vouchers: status, face value, deadlines with a countdown, history; ' +
          'open batches to claim; use a voucher on a voucher-eligible product with a checked preview; hand back; ' +
          'engagements with acceptance and rating.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<VoucherWalletArgs>;

/** Vouchers in every status (a near deadline in the warning style), an open batch and an upcoming one. */
export const Wallet: Story = {};
export const WalletEnglish: Story = { args: { lang: 'en' } };
export const WalletDark: Story = { args: { theme: 'dark' } };

export const SignedOut: Story = { args: { holder: 'signedOut' } };
export const SignedOutEnglish: Story = { args: { holder: 'signedOut', lang: 'en' } };
export const Loading: Story = { args: { network: 'loading' } };
export const Empty: Story = { args: { holder: 'empty' } };
export const EmptyEnglish: Story = { args: { holder: 'empty', lang: 'en' } };
export const NetworkError: Story = { args: { network: 'offline' } };
export const NetworkErrorEnglish: Story = { args: { network: 'offline', lang: 'en' } };

/** 「领取」 pressed: the new voucher is listed and the result announced. */
export const ClaimSuccess: Story = {
  play: async ({ canvasElement }) => {
    (await find(canvasElement, `[part~="batch"][data-batch-id="${CLAIM_BATCH}"] [part~="claim-button"]`)).click();
  },
};
export const ClaimSuccessEnglish: Story = { ...ClaimSuccess, args: { lang: 'en' } };

const openUse = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  (await find(canvasElement, '[part~="use-button"]')).click();
  const radio = await find(canvasElement, 'input[name="smec-product"]');
  radio.click();
  typeInto(await find<HTMLInputElement>(canvasElement, '#smec-amount'), USE_AMOUNT.typed);
};

/** The use dialog: a product chosen, ¥12,345.60 typed, the preview checked with the platform. */
export const UseWithPreview: Story = { play: openUse };
export const UseWithPreviewEnglish: Story = { play: openUse, args: { lang: 'en' } };

const notEligible = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const wallet = canvasElement.querySelector<SmecVoucherWallet>('smec-voucher-wallet');
  await find(canvasElement, '[part~="use-button"]');
  await wallet?.useProduct({ productId: NOT_ELIGIBLE ?? '', productName: NOT_ELIGIBLE_NAME });
  typeInto(await find<HTMLInputElement>(canvasElement, '#smec-amount'), NOT_ELIGIBLE_AMOUNT.typed);
};

/** The platform refuses a product that takes no vouchers: the message stands next to the product, the amount stays. */
export const ErrorNextToField: Story = { play: notEligible, args: { refusing: true } };
export const ErrorNextToFieldEnglish: Story = { play: notEligible, args: { refusing: true, lang: 'en' } };

const handBack = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  (await find(canvasElement, '[part~="return-button"]')).click();
};

/** 「退回」 asks first: the voucher is void once handed back. */
export const HandBackConfirmation: Story = { play: handBack };
export const HandBackConfirmationEnglish: Story = { play: handBack, args: { lang: 'en' } };
