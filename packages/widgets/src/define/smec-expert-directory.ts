import { SmecExpertDirectory } from '../components/expert-directory/expert-directory.component.js';

export { SmecExpertDirectory };
SmecExpertDirectory.define('smec-expert-directory');

declare global {
  interface HTMLElementTagNameMap {
    'smec-expert-directory': SmecExpertDirectory;
  }
}
