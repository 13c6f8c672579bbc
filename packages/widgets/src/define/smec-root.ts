import { SmecRoot } from '../components/root/root.component.js';

export { SmecRoot };
SmecRoot.define('smec-root');

declare global {
  interface HTMLElementTagNameMap {
    'smec-root': SmecRoot;
  }
}
