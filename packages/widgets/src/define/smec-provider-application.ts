import { SmecProviderApplication } from '../components/provider-application/provider-application.component.js';

export { SmecProviderApplication };
SmecProviderApplication.define('smec-provider-application');

declare global {
  interface HTMLElementTagNameMap {
    'smec-provider-application': SmecProviderApplication;
  }
}
