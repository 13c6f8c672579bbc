import { SmecPublicNotice } from '../components/public-notice/public-notice.component.js';

export { SmecPublicNotice };
SmecPublicNotice.define('smec-public-notice');

declare global {
  interface HTMLElementTagNameMap {
    'smec-public-notice': SmecPublicNotice;
  }
}
