import { SmecCatalog } from '../components/catalog/catalog.component.js';

export { SmecCatalog };
SmecCatalog.define('smec-catalog');

declare global {
  interface HTMLElementTagNameMap {
    'smec-catalog': SmecCatalog;
  }
}
