import { SmecDemandForm } from '../components/demand-form/demand-form.component.js';

export { SmecDemandForm };
SmecDemandForm.define('smec-demand-form');

declare global {
  interface HTMLElementTagNameMap {
    'smec-demand-form': SmecDemandForm;
  }
}
