import { SmecPolicyList } from '../components/policy-list/policy-list.component.js';

export { SmecPolicyList };
SmecPolicyList.define('smec-policy-list');

declare global {
  interface HTMLElementTagNameMap {
    'smec-policy-list': SmecPolicyList;
  }
}
