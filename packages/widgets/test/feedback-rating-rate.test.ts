import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { RATING_ITEMS, type Engagement, type Rating } from '@smec/schemas';
import '../src/define/smec-feedback-rating.js';
import '../src/define/smec-root.js';
import type { SmecFeedbackRating } from '../src/index.js';
import {
  checked,
  comment,
  fieldErrors,
  focused,
  formShown,
  press,
  radio,
  text,
  tokenFor,
  typeComment,
  unratedEngagements,
} from './feedback-rating-helpers.js';
import { API, part, shadow } from './helpers.js';

/** Each test rates engagements of its own: usr-ent-05 and usr-ent-06 are this file's users. */
let tokens: { five: string; six: string };
let five: Engagement[];
let six: Engagement[];

before(async () => {
  tokens = { five: await tokenFor('usr-ent-05'), six: await tokenFor('usr-ent-06') };
  five = await unratedEngagements(tokens.five);
  six = await unratedEngagements(tokens.six);
  if (five.length < 3 || six.length < 2) throw new Error('the seed gives usr-ent-05/06 too few unrated engagements');
});

async function rateWidget(engagementId: string, token: string | undefined): Promise<SmecFeedbackRating> {
  return fixture<SmecFeedbackRating>(
    html`<smec-feedback-rating
      api-base=${API}
      engagement-id=${engagementId}
      .getToken=${token ? () => token : undefined}
    >
      <a slot="sign-in" href="#sign-in">企业用户登录</a>
    </smec-feedback-rating>`,
  );
}

/** Scores every item with clicks, as the mouse does. */
function scoreAll(el: SmecFeedbackRating, points: (max: number) => number): void {
  for (const [item, max] of RATING_ITEMS) radio(el, item, points(max)).click();
}

function choose(el: SmecFeedbackRating, level: string, solved: 'yes' | 'no'): void {
  radio(el, 'level', level).click();
  radio(el, 'solved', solved).click();
}

const EMOJI_200 = `${'服务专业，交付及时。'.repeat(19)}👍🏻👨‍👩‍👧‍👦🇨🇳😀🙂🎉👏💯✨🚀`;

describe('smec-feedback-rating rate mode', () => {
  it('signed out: a sign-in prompt that fires smec-auth-required, and the host’s sign-in slot', async () => {
    const el = await rateWidget(five[0]!.id, undefined);
    await waitUntil(() => part(el, 'submit-button'), 'no sign-in prompt');
    expect(text(el, 'submit-button')).to.equal('登录后评价');
    const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="sign-in"]')!;
    expect(slot.assignedElements()[0]?.textContent).to.equal('企业用户登录');
    await expect(el).to.be.accessible();
    const fired = oneEvent(el, 'smec-auth-required');
    part(el, 'submit-button')!.click();
    const event = await fired;
    expect(event.detail).to.deep.equal({ engagementId: five[0]!.id });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('keyboard: every item is scored with the arrow keys, to 0 and to its most, as native radio groups', async () => {
    const el = await rateWidget(six[1]!.id, tokens.six);
    await formShown(el);
    await expect(el).to.be.accessible();
    radio(el, 'attitude', 0).focus();
    const wanted = [7, 8, 9, 12, 13, 11, 6, 10];
    for (const [index, [item, max]] of RATING_ITEMS.entries()) {
      expect(focused(el)?.getAttribute('name')).to.equal(item);
      await press(' ');
      expect(checked(el, item)).to.equal('0');
      await press('ArrowLeft');
      expect(checked(el, item), `${item} wraps to its most`).to.equal(String(max));
      expect(focused(el)?.getAttribute('aria-label')).to.match(new RegExp(` ${max} 分（满分 ${max} 分）$`));
      await press('ArrowRight');
      expect(checked(el, item)).to.equal('0');
      await press('ArrowRight', wanted[index]!);
      expect(checked(el, item)).to.equal(String(wanted[index]));
      await press('Tab');
    }
    // Tab left the last star group for the satisfaction group.
    expect(focused(el)?.getAttribute('name')).to.equal('level');
    await press('ArrowRight');
    expect(checked(el, 'level')).to.equal('satisfied');
    const total = wanted.reduce((sum, points) => sum + points, 0);
    expect(text(el, 'running-score')).to.equal(`当前得分：${total} 分 · C 级`);
    expect(part(el, 'running-score')?.getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('running score and grade, errors next to each field that keep the input, then 201 characters refused', async () => {
    const el = await rateWidget(five[1]!.id, tokens.five);
    await formShown(el);
    expect(text(el, 'running-score')).to.equal('当前得分：0 分 · D 级（还有 8 项未评分）');
    radio(el, 'attitude', 9).click();
    radio(el, 'fulfilment', 15).click();
    await el.updateComplete;
    expect(text(el, 'running-score')).to.equal('当前得分：24 分 · D 级（还有 6 项未评分）');

    part(el, 'submit-button')!.click();
    await waitUntil(() => fieldErrors(el).length > 0, 'no errors shown');
    // Six items unscored, the satisfaction and solved: each says so next to itself; the scored items keep their stars.
    expect(fieldErrors(el)).to.deep.equal([
      ...Array(6).fill('错误：请为此项打分'),
      '错误：请选择满意程度',
      '错误：请选择问题是否已解决',
    ]);
    expect(checked(el, 'attitude')).to.equal('9');
    expect(checked(el, 'fulfilment')).to.equal('15');
    await waitUntil(() => focused(el)?.id === 'smec-fr-expertise', 'the focus did not go to the first problem');
    await expect(el).to.be.accessible();

    scoreAll(el, (max) => max - 1);
    choose(el, 'verySatisfied', 'yes');
    await el.updateComplete;
    expect(fieldErrors(el)).to.deep.equal([]);
    expect(text(el, 'running-score')).to.equal('当前得分：92 分 · A 级');

    typeComment(el, `${EMOJI_200}好`);
    await el.updateComplete;
    expect(text(el, 'counter')).to.equal('已超出 1 字');
    expect(fieldErrors(el)).to.deep.equal(['错误：评价内容最多 200 个字']);
    expect(comment(el).getAttribute('aria-invalid')).to.equal('true');
    let posted = false;
    el.addEventListener('smec-rating-submit', () => (posted = true));
    part(el, 'submit-button')!.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posted).to.equal(false);
    expect(comment(el).value).to.equal(`${EMOJI_200}好`);
    await expect(el).to.be.accessible();
  });

  it('a 200-character comment with emoji is accepted: the event, the confirmation, then read-only', async () => {
    const engagement = five[1]!;
    const el = await rateWidget(engagement.id, tokens.five);
    await formShown(el);
    scoreAll(el, (max) => max - 1);
    choose(el, 'verySatisfied', 'yes');
    typeComment(el, EMOJI_200);
    await el.updateComplete;
    expect(text(el, 'counter')).to.equal('还可输入 0 字');
    expect(fieldErrors(el)).to.deep.equal([]);

    const fired = oneEvent(el, 'smec-rating-submit');
    part(el, 'submit-button')!.click();
    const event = await fired;
    const rating = event.detail.rating as Rating;
    expect(event.detail.engagementId).to.equal(engagement.id);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(rating.score).to.equal(92);
    expect(rating.grade).to.equal('A');
    expect(rating.comment).to.equal(EMOJI_200);
    expect(rating.followUp).to.equal(null);
    await waitUntil(() => part(el, 'confirmation'), 'no confirmation');
    expect(shadow(el).querySelector('#smec-fr-result-title')?.textContent?.trim()).to.equal('评价已提交，感谢您的反馈');
    expect(text(el, 'score')).to.equal('92 分 · A 级');
    expect(part(el, 'due')).to.equal(null);
    await waitUntil(() => focused(el)?.id === 'smec-fr-result-title', 'the focus did not go to the confirmation');
    await expect(el).to.be.accessible();

    // Loaded again, the engagement shows its rating read-only.
    const again = await rateWidget(engagement.id, tokens.five);
    await waitUntil(() => part(again, 'confirmation'), 'the rating is not shown read-only', { timeout: 10000 });
    expect(shadow(again).querySelector('#smec-fr-result-title')?.textContent?.trim()).to.equal('您已评价这项服务');
    expect(shadow(again).querySelector('form')).to.equal(null);
    expect(text(again, 'score')).to.equal('92 分 · A 级');
    await expect(again).to.be.accessible();
  });

  it('a 不满意 rating opens a follow-up: the confirmation says by when the provider answers', async () => {
    const engagement = six[0]!;
    const el = await rateWidget(engagement.id, tokens.six);
    await formShown(el);
    scoreAll(el, (max) => Math.floor(max / 2));
    choose(el, 'dissatisfied', 'no');
    typeComment(el, '交付比约定晚了两周。');
    const fired = oneEvent(el, 'smec-rating-submit');
    part(el, 'submit-button')!.click();
    const rating = (await fired).detail.rating as Rating;
    expect(rating.followUp?.status).to.equal('open');
    const [year, month, day] = rating.followUp!.dueOn.split('-').map(Number);
    await waitUntil(() => part(el, 'due'), 'no due date');
    expect(text(el, 'due')).to.equal(`服务机构将在 ${year}年${month}月${day}日前答复`);
    expect(text(el, 'score')).to.equal(`${rating.score} 分 · ${rating.grade} 级`);
    await expect(el).to.be.accessible();
  });

  it('the platform’s refusal (already rated elsewhere) is said clearly and the form is kept', async () => {
    const engagement = five[2]!;
    const el = await rateWidget(engagement.id, tokens.five);
    await formShown(el);
    // Rated meanwhile in another tab.
    const response = await fetch(`${API}/engagements/${engagement.id}/rating`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.five}` },
      body: JSON.stringify({
        scores: Object.fromEntries(RATING_ITEMS.map(([item, max]) => [item, max])),
        level: 'verySatisfied',
        solved: true,
      }),
    });
    expect(response.status).to.equal(201);
    scoreAll(el, (max) => max);
    choose(el, 'satisfied', 'yes');
    part(el, 'submit-button')!.click();
    await waitUntil(() => part(el, 'submit-error'), 'no refusal shown', { timeout: 10000 });
    expect(text(el, 'submit-error')).to.contain('这项服务已经评价过了');
    expect(checked(el, 'level')).to.equal('satisfied');
    await expect(el).to.be.accessible();
  });

  it('another enterprise’s engagement is not found', async () => {
    const el = await rateWidget(six[0]!.id, tokens.five);
    await waitUntil(() => part(el, 'error'), 'no error shown', { timeout: 10000 });
    expect(text(el, 'error')).to.contain('没有找到这项服务，或它不属于您的企业。');
    await expect(el).to.be.accessible();
  });

  it('inside <smec-root> with lang="en": English names with the points', async () => {
    const root = await fixture(
      html`<smec-root api-base=${API} .getToken=${() => tokens.six} lang="en">
        <smec-feedback-rating engagement-id=${six[1]!.id}></smec-feedback-rating>
      </smec-root>`,
    );
    const el = root.querySelector('smec-feedback-rating')!;
    await formShown(el);
    await waitUntil(() => radio(el, 'attitude', 8).getAttribute('aria-label') === 'Attitude 8 points (out of 10)');
    expect(text(el, 'submit-button')).to.equal('Send rating');
    await expect(el).to.be.accessible();
  });
});
