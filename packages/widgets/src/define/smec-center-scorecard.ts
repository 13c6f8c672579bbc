import { SmecCenterScorecard } from '../components/center-scorecard/center-scorecard.component.js';

export { SmecCenterScorecard };
SmecCenterScorecard.define('smec-center-scorecard');

declare global {
  interface HTMLElementTagNameMap {
    'smec-center-scorecard': SmecCenterScorecard;
  }
}
