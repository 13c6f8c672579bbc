import { SmecCenterWorkbench } from '../components/center-workbench/center-workbench.component.js';

export { SmecCenterWorkbench };
SmecCenterWorkbench.define('smec-center-workbench');

declare global {
  interface HTMLElementTagNameMap {
    'smec-center-workbench': SmecCenterWorkbench;
  }
}
