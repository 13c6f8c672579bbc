import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@smec/widgets/smec-feedback-rating.js';
import { DISSATISFIED_PENALTY, RATING_COMMENT, RATING_SCORES } from './support/inputs.js';
import { find as findIn, typeInto } from './support/canvas.js';
import { NETWORKS, recordedIds, replayClient, type Network } from './support/replay.js';
import { signInLink } from './support/sign-in-link.js';

/** The demo enterprise's engagement not rated yet and one rated before; a product rated often and one never. */
const recorded = recordedIds('feedback-rating');
const OPEN_ENGAGEMENT = recorded['openEngagement'];
const RATED_ENGAGEMENT = recorded['ratedEngagement'];

interface FeedbackRatingArgs {
  /** How the network answers the recorded platform. */
  network: Network;
  /** Whether `network` applies to loading (reads) or to sending a rating (writes); both when unset. */
  only: 'reads' | 'writes' | undefined;
  /** The demo enterprise; the same with the engagement rated in another tab meanwhile; or nobody. */
  scenario: 'enterprise' | 'refused' | 'signedOut';
  /** Rate mode when set. */
  engagementId: string | undefined;
  /** Show mode (without an engagement). */
  productId: string | undefined;
  lang: 'zh-CN' | 'en' | 'zh-HK';
  theme: 'light' | 'dark' | undefined;
}

type Play = NonNullable<StoryObj<FeedbackRatingArgs>['play']>;

/** Waits for the widget's shadow root to show `selector`. */
const find = <T extends HTMLElement = HTMLElement>(canvasElement: HTMLElement, selector: string) =>
  findIn<T>(canvasElement, 'smec-feedback-rating', selector);

/** Clicks the radio of `points` in `item`'s group, as a visitor would. */
async function score(canvasElement: HTMLElement, item: string, points: number): Promise<void> {
  (await find<HTMLInputElement>(canvasElement, `input[name="${item}"][value="${points}"]`)).click();
}

async function typeComment(canvasElement: HTMLElement, text: string): Promise<void> {
  typeInto(await find<HTMLTextAreaElement>(canvasElement, 'textarea[name="comment"]'), text);
}

const fillPart: Play = async ({ canvasElement }) => {
  for (const [item, points] of RATING_SCORES.slice(0, 5)) await score(canvasElement, item, points);
};

const fillAll =
  (level: string, submit: boolean): Play =>
  async ({ canvasElement }) => {
    for (const [item, points] of RATING_SCORES) {
      await score(canvasElement, item, level === 'dissatisfied' ? points - DISSATISFIED_PENALTY : points);
    }
    (await find<HTMLInputElement>(canvasElement, `input[name="level"][value="${level}"]`)).click();
    (await find<HTMLInputElement>(canvasElement, 'input[name="solved"][value="yes"]')).click();
    await typeComment(canvasElement, RATING_COMMENT);
    if (submit) (await find(canvasElement, '[part~="submit-button"]')).click();
  };

const meta: Meta<FeedbackRatingArgs> = {
  title: 'Widgets/smec-feedback-rating',
  component: 'smec-feedback-rating',
  render: (args) =>
    html`<smec-feedback-rating
      .client=${replayClient({
        widget: 'feedback-rating',
        scenario: args.scenario,
        network: args.network,
        only: args.only,
        lang: args.lang,
      })}
      engagement-id=${ifDefined(args.engagementId)}
      product-id=${ifDefined(args.productId)}
      lang=${args.lang}
      theme=${ifDefined(args.theme)}
    >
      ${signInLink(args.lang)}
    </smec-feedback-rating>`,
  args: {
    network: 'answers',
    only: undefined,
    scenario: 'enterprise',
    engagementId: OPEN_ENGAGEMENT,
    productId: undefined,
    lang: 'zh-CN',
    theme: undefined,
  },
  argTypes: {
    network: { control: 'select', options: NETWORKS, description: 'How the network answers the recorded platform' },
    only: { control: 'inline-radio', options: [undefined, 'reads', 'writes'] },
    scenario: { control: 'inline-radio', options: ['enterprise', 'refused', 'signedOut'] },
    engagementId: { control: 'inline-radio', options: [undefined, OPEN_ENGAGEMENT, RATED_ENGAGEMENT] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en', 'zh-HK'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  parameters: {
    docs: {
      story: { inline: false, height: '1100px' },
      description: {
        component:
          'Rate mode (`engagement-id`): eight items as radio groups drawn as stars, satisfaction, solved, a comment ' +
          'of at most 200 characters, the running score and grade, the confirmation. Show mode (`provider-id` or ' +
          '`product-id`): the average, the distribution over the five levels and the latest ratings, page by page.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<FeedbackRatingArgs>;
const en = (story: Story): Story => ({ ...story, args: { ...story.args, lang: 'en' } });
const show = { engagementId: undefined, productId: recorded['ratedProduct'] } as const;

// Rate mode.

/** Nobody signed in: 登录后评价 and the host's own sign-in link in the `sign-in` slot. */
export const SignedOut: Story = { args: { scenario: 'signedOut' } };
export const SignedOutEn: Story = en(SignedOut);

/** Waiting for the engagement. */
export const RateLoading: Story = { args: { network: 'loading' } };
export const RateLoadingEn: Story = en(RateLoading);

/** The empty form of a delivered, accepted engagement. */
export const EmptyForm: Story = {};
export const EmptyFormEn: Story = en(EmptyForm);

/** Five items scored: the running score and grade, said by a live region. */
export const PartlyFilled: Story = { play: fillPart };
export const PartlyFilledEn: Story = en(PartlyFilled);

/** Sent with items missing: each error next to its field, what was chosen kept. */
export const ValidationErrors: Story = {
  play: async (context) => {
    await fillPart(context);
    (await find(context.canvasElement, '[part~="submit-button"]')).click();
  },
};
export const ValidationErrorsEn: Story = en(ValidationErrors);

/** 201 characters (an emoji counts one): 「已超出 1 字」 and the error at once. */
export const CommentOverLimit: Story = {
  play: async ({ canvasElement }) => typeComment(canvasElement, `${'服务很好'.repeat(50)}👍`),
};
export const CommentOverLimitEn: Story = en(CommentOverLimit);

/** Waiting for the platform's answer. */
export const Sending: Story = { args: { network: 'loading', only: 'writes' }, play: fillAll('satisfied', true) };
export const SendingEn: Story = en(Sending);

/** A 不满意 rating sent: the confirmation with the date by which the provider must answer. */
export const ConfirmationWithFollowUp: Story = { play: fillAll('dissatisfied', true) };
export const ConfirmationWithFollowUpEn: Story = en(ConfirmationWithFollowUp);

/** The engagement was rated before: its rating read-only, with the provider's answer. */
export const AlreadyRated: Story = { args: { engagementId: RATED_ENGAGEMENT } };
export const AlreadyRatedEn: Story = en(AlreadyRated);

/** The platform refuses the rating (409 already_rated): said clearly, the form kept. */
export const ServerError: Story = { args: { scenario: 'refused' }, play: fillAll('satisfied', true) };
export const ServerErrorEn: Story = en(ServerError);

/** The engagement could not be loaded: the error and a retry button. */
export const RateLoadError: Story = { args: { network: 'offline' } };
export const RateLoadErrorEn: Story = en(RateLoadError);

// Show mode.

/** Waiting for the ratings. */
export const ShowLoading: Story = { args: { ...show, network: 'loading' } };
export const ShowLoadingEn: Story = en(ShowLoading);

/** No ratings yet. */
export const ShowEmpty: Story = { args: { ...show, productId: recorded['unratedProduct'] } };
export const ShowEmptyEn: Story = en(ShowEmpty);

/** The average, the distribution in words and bars, the latest ratings with a provider's answer, 加载更多. */
export const ShowRatings: Story = { args: { ...show } };
export const ShowRatingsEn: Story = en(ShowRatings);

/** Dark scheme. */
export const ShowRatingsDark: Story = { args: { ...show, theme: 'dark' } };

/** The ratings could not be loaded: the error and a retry button. */
export const ShowError: Story = { args: { ...show, network: 'offline' } };
export const ShowErrorEn: Story = en(ShowError);
