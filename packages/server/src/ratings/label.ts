/**
 * Kinds of company a public rating may name: the words before 有限公司 that say what the enterprise does, longest
 * first so that 电子科技 wins over 科技. Anything else is shown as plain 有限公司, which names no one.
 */
const KINDS = [
  '电子科技',
  '信息技术',
  '智能科技',
  '科技',
  '电子',
  '制造',
  '机械',
  '五金',
  '陶瓷',
  '家具',
  '服装',
  '食品',
  '塑料',
  '照明',
  '家电',
  '贸易',
  '实业',
  '新材料',
  '生物',
  '环保',
  '物流',
  '建材',
  '纺织',
  '化工',
  '印刷',
  '包装',
  '餐饮',
  '文化',
  '咨询',
] as const;

const COMPANY = /(股份有限公司|有限责任公司|有限公司)$/;

/** '佛山市' → '佛山'; a name without the suffix stays as it is. */
function shortCity(cityName: string): string {
  return cityName.replace(/市$/, '');
}

/**
 * What the public sees of a rating's enterprise: its city's short name, 某, and the kind of company from the tail
 * of its name — '佛山某科技有限公司'. Never enough to tell which enterprise it is.
 */
export function enterpriseLabel(name: string, cityName: string | null): string {
  const place = cityName ? shortCity(cityName) : '广东';
  const suffix = COMPANY.exec(name)?.[1];
  if (!suffix) return `${place}某企业`;
  const stem = name.slice(0, -suffix.length);
  const kind = KINDS.find((candidate) => stem.endsWith(candidate)) ?? '';
  return `${place}某${kind}${suffix === '有限责任公司' ? '有限公司' : suffix}`;
}
