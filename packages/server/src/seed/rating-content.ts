// What a seeded rating scores and says, and how a provider answers a bad one: shared by the demo seed and the
// province scale.
import { RATING_ITEMS, type SatisfactionLevel } from '@smec/schemas';
import type { Random } from './prng.js';

export const COMMENTS: Record<SatisfactionLevel, readonly string[]> = {
  verySatisfied: [
    '顾问非常专业，响应及时，按期交付，超出预期。',
    '服务细致周到，问题一次性解决，推荐！👍',
    '团队经验丰富，方案落地性强，企业受益明显。',
    '全程有专人对接，进度透明，非常满意。',
  ],
  satisfied: [
    '整体不错，交付质量较好，个别环节沟通可以更及时。',
    '按合同完成服务，材料规范，满意。',
    '专业能力强，价格合理。',
    '',
  ],
  neutral: ['服务基本完成，但进度比约定晚了几天。', '效果一般，部分建议不太切合企业实际。', ''],
  dissatisfied: ['交付材料不完整，多次催促才补齐。', '顾问更换频繁，沟通成本高，问题没有完全解决。'],
  veryDissatisfied: ['服务未按合同约定完成，联系不上负责人。', '收费后拖延交付，至今未解决问题。'],
};

export const ANSWERS = [
  '非常抱歉给贵企业带来不便，我们已安排项目经理上门回访，并将在一周内补齐全部交付材料。',
  '感谢反馈。我们已调整服务团队，指定专人对接，后续进度每周书面报告。',
  '已核实情况，剩余服务内容将免费补充完成，请贵企业验收。',
];

/** A score near `mean`, split over the eight items in proportion to their weights, summing exactly. */
export function scoresNear(random: Random, mean: number): number[] {
  const total = Math.round(random.bell(mean, 24, 20, 100));
  const scores = RATING_ITEMS.map(([, max]) => Math.floor((max * total) / 100));
  let left = total - scores.reduce((sum, score) => sum + score, 0);
  for (let i = 0; left > 0; i = (i + 1) % scores.length) {
    const max = RATING_ITEMS[i]?.[1] ?? 0;
    if ((scores[i] ?? 0) < max) {
      scores[i] = (scores[i] ?? 0) + 1;
      left -= 1;
    }
  }
  return scores;
}

export function levelOf(random: Random, score: number): SatisfactionLevel {
  const shifted = score + random.int(-6, 6);
  if (shifted >= 90) return 'verySatisfied';
  if (shifted >= 78) return 'satisfied';
  if (shifted >= 62) return 'neutral';
  if (shifted >= 48) return 'dissatisfied';
  return 'veryDissatisfied';
}
