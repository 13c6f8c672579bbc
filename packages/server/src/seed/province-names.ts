// Words for the province-scale seed's million enterprises: the demo seed's few thousand get by with a dozen trade
// names, a million need enough combinations that names rarely repeat.
import { SURNAMES } from './names.js';
import type { Random } from './prng.js';

/** Characters of given names; two-character given names are the common case. */
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文辉海波宏斌俊鹏飞云峰丹萍',
  ...'嘉欣子豪梓涵浩然俊杰思远晓东雪梅家明永强丽珍伟雄少华锦荣德华惠玲秋菊国栋',
];

export function personName(random: Random): string {
  return `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.7) ? random.pick(GIVEN) : ''}`;
}

/** Trade names (字号) of enterprises: two characters, one from each list. */
const TRADE_A = [...'鸿恒盛宏华兴达利信和丰源泰嘉隆祥瑞通德福裕昌永新安康美佳锦富广弘启创联明'];
const TRADE_B = [...'业力晟耀辉科越腾展合发成通捷凯迅润泽博汇鑫宇航顺升远卓诚达邦亿嘉赢峰'];

/**
 * What an enterprise does: the word in its name (its last characters, which the public rating label shows) and its
 * industry (国民经济行业分类, the division's name). Manufacturing and services in roughly the province's proportions.
 */
export const ENTERPRISE_KINDS: readonly (readonly [word: string, industry: string, weight: number])[] = [
  ['电子科技', '计算机、通信和其他电子设备制造业', 9],
  ['信息技术', '软件和信息技术服务业', 8],
  ['智能科技', '软件和信息技术服务业', 5],
  ['科技', '科技推广和应用服务业', 8],
  ['电子', '计算机、通信和其他电子设备制造业', 5],
  ['机械', '通用设备制造业', 5],
  ['五金', '金属制品业', 5],
  ['陶瓷', '非金属矿物制品业', 2],
  ['家具', '家具制造业', 3],
  ['服装', '纺织服装、服饰业', 4],
  ['食品', '食品制造业', 3],
  ['塑料', '橡胶和塑料制品业', 3],
  ['照明', '电气机械和器材制造业', 2],
  ['家电', '电气机械和器材制造业', 3],
  ['贸易', '批发业', 9],
  ['实业', '商务服务业', 4],
  ['新材料', '化学原料和化学制品制造业', 2],
  ['生物', '医药制造业', 2],
  ['环保', '生态保护和环境治理业', 2],
  ['物流', '装卸搬运和仓储业', 3],
  ['建材', '非金属矿物制品业', 2],
  ['纺织', '纺织业', 2],
  ['化工', '化学原料和化学制品制造业', 1],
  ['印刷', '印刷和记录媒介复制业', 1],
  ['包装', '造纸和纸制品业', 1],
  ['餐饮', '餐饮业', 3],
  ['文化', '文化艺术业', 2],
  ['咨询', '商务服务业', 2],
];

/**
 * An enterprise name `<place><trade><kind>有限公司`, the place being the city (with or without 市) or the county-level
 * city it registered in. Trade names have two characters, or three when `long` (a name already taken retries long).
 */
export function enterpriseName(random: Random, place: string, kind: string, long: boolean): string {
  const trade = `${random.pick(TRADE_A)}${random.pick(TRADE_B)}${long ? random.pick(TRADE_A) : ''}`;
  return `${place}${trade}${kind}有限公司`;
}
