import { SmecProviderWorkbench } from '../components/provider-workbench/provider-workbench.component.js';

export { SmecProviderWorkbench };
SmecProviderWorkbench.define('smec-provider-workbench');

declare global {
  interface HTMLElementTagNameMap {
    'smec-provider-workbench': SmecProviderWorkbench;
  }
}
