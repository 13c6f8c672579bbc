import { SmecCenterDirectory } from '../components/center-directory/center-directory.component.js';

export { SmecCenterDirectory };
SmecCenterDirectory.define('smec-center-directory');

declare global {
  interface HTMLElementTagNameMap {
    'smec-center-directory': SmecCenterDirectory;
  }
}
