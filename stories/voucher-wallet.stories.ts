import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-voucher-wallet.js';
import type { SmecVoucherWallet } from '@smec/widgets';
import { RELATED_PRODUCT, VOUCHER_MODES, voucherClient, type VoucherMode } from './support/voucher-fetch.js';

interface VoucherWalletArgs {
  /** How the fixture platform answers. */
  mode: VoucherMode;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
}

async function find(canvasElement: HTMLElement, selector: string): Promise<HTMLElement> {
  const element = canvasElement.querySelector('smec-voucher-wallet');
  for (let tries = 0; tries < 100; tries++) {
    const found = element?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${selector} never appeared`);
}

function typeInto(input: HTMLElement, text: string): void {
  (input as HTMLInputElement).value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const meta: Meta<VoucherWalletArgs> = {
  title: 'Widgets/smec-voucher-wallet',
  component: 'smec-voucher-wallet',
  render: (args) =>
    html`<smec-voucher-wallet .client=${voucherClient(args.mode)} lang=${args.lang} theme=${ifDefined(args.theme)}>
      <a slot="sign-in" href="#sign-in">企业用户登录</a>
    </smec-voucher-wallet>`,
  args: { mode: 'normal', lang: 'zh-CN', theme: undefined },
  argTypes: {
    mode: { control: 'select', options: VOUCHER_MODES, description: 'How the fixture platform answers' },
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

export const SignedOut: Story = { args: { mode: 'signedOut' } };
export const SignedOutEnglish: Story = { args: { mode: 'signedOut', lang: 'en' } };
export const Loading: Story = { args: { mode: 'loading' } };
export const Empty: Story = { args: { mode: 'empty' } };
export const EmptyEnglish: Story = { args: { mode: 'empty', lang: 'en' } };
export const NetworkError: Story = { args: { mode: 'error' } };
export const NetworkErrorEnglish: Story = { args: { mode: 'error', lang: 'en' } };

/** 「领取」 pressed: the new voucher is listed and the result announced. */
export const ClaimSuccess: Story = {
  play: async ({ canvasElement }) => {
    (await find(canvasElement, '[part~="batch"] [part~="claim-button"]:not([disabled])')).click();
  },
};
export const ClaimSuccessEnglish: Story = { ...ClaimSuccess, args: { lang: 'en' } };

const openUse = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  (await find(canvasElement, '[part~="use-button"]')).click();
  const radio = await find(canvasElement, 'input[name="smec-product"]');
  radio.click();
  typeInto(await find(canvasElement, '#smec-amount'), '12345.6');
};

/** The use dialog: a product chosen, ¥12,345.60 typed, the preview checked with the platform. */
export const UseWithPreview: Story = { play: openUse };
export const UseWithPreviewEnglish: Story = { play: openUse, args: { lang: 'en' } };

const relatedParty = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const wallet = canvasElement.querySelector<SmecVoucherWallet>('smec-voucher-wallet');
  await find(canvasElement, '[part~="use-button"]');
  await wallet?.useProduct({ productId: RELATED_PRODUCT, productName: '五金制品检测认证辅导' });
  typeInto(await find(canvasElement, '#smec-amount'), '8000');
};

/** The platform refuses a related party: the message stands next to the product, the amount stays. */
export const ErrorNextToField: Story = { play: relatedParty };
export const ErrorNextToFieldEnglish: Story = { play: relatedParty, args: { lang: 'en' } };

const handBack = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  (await find(canvasElement, '[part~="return-button"]')).click();
};

/** 「退回」 asks first: the voucher is void once handed back. */
export const HandBackConfirmation: Story = { play: handBack };
export const HandBackConfirmationEnglish: Story = { play: handBack, args: { lang: 'en' } };
