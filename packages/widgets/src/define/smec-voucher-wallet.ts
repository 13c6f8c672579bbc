import { SmecVoucherWallet } from '../components/voucher-wallet/voucher-wallet.component.js';

export { SmecVoucherWallet };
SmecVoucherWallet.define('smec-voucher-wallet');

declare global {
  interface HTMLElementTagNameMap {
    'smec-voucher-wallet': SmecVoucherWallet;
  }
}
