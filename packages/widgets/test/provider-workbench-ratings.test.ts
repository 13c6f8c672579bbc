import { expect } from '@open-wc/testing';
import { part } from './helpers.js';
import { viewReady, workbench } from './provider-workbench-helpers.js';

// The ratings in zh-CN with the open follow-up are in provider-workbench-engagements.test.ts, before it is answered.
describe('<smec-provider-workbench> ratings received', () => {
  it('reads in English', async () => {
    const el = await workbench('usr-prv-01', 'en', 'ratings');
    await viewReady(el, '[part~="rating"]');
    expect(part(el, 'rating-average')!.textContent).to.contain('out of 100');
    expect(part(el, 'rating')!.textContent).to.match(/points · grade [ABCD]/);
    await expect(el).to.be.accessible();
  });
});
