import type { CategoryId, OrgType, ServiceCategory } from '@smec/schemas';

/** The twelve service categories of the platform, in display order. */
export const CATEGORIES: readonly ServiceCategory[] = [
  { id: 'policy-consulting', name: '政策咨询', nameEn: 'Policy consulting' },
  { id: 'startup-coaching', name: '创业辅导', nameEn: 'Startup coaching' },
  { id: 'financing', name: '投融资服务', nameEn: 'Investment and financing' },
  { id: 'finance-tax', name: '财税服务', nameEn: 'Finance and tax' },
  { id: 'legal', name: '法律服务', nameEn: 'Legal services' },
  { id: 'training-talent', name: '培训与人才', nameEn: 'Training and talent' },
  { id: 'management-consulting', name: '管理咨询', nameEn: 'Management consulting' },
  { id: 'technology-rd', name: '技术研发', nameEn: 'Technology and R&D' },
  { id: 'intellectual-property', name: '知识产权', nameEn: 'Intellectual property' },
  { id: 'testing-certification', name: '检验检测认证', nameEn: 'Testing, inspection and certification' },
  { id: 'digitalization', name: '数字化转型', nameEn: 'Digital transformation' },
  { id: 'market-expansion', name: '市场开拓', nameEn: 'Market expansion' },
];

/** Characters of trade names (字号) with their pinyin, used for names, e-mail domains and websites. */
export const TRADE_FIRST: readonly (readonly [string, string])[] = [
  ['明', 'ming'],
  ['德', 'de'],
  ['粤', 'yue'],
  ['恒', 'heng'],
  ['华', 'hua'],
  ['正', 'zheng'],
  ['博', 'bo'],
  ['汇', 'hui'],
  ['鼎', 'ding'],
  ['启', 'qi'],
  ['卓', 'zhuo'],
  ['联', 'lian'],
  ['诚', 'cheng'],
  ['金', 'jin'],
  ['盈', 'ying'],
  ['安', 'an'],
  ['嘉', 'jia'],
  ['和', 'he'],
  ['瑞', 'rui'],
  ['泰', 'tai'],
  ['丰', 'feng'],
  ['创', 'chuang'],
  ['睿', 'rui'],
  ['宏', 'hong'],
  ['鸿', 'hong'],
  ['广', 'guang'],
  ['南', 'nan'],
  ['佳', 'jia'],
  ['永', 'yong'],
  ['同', 'tong'],
  ['志', 'zhi'],
  ['立', 'li'],
  ['建', 'jian'],
  ['新', 'xin'],
  ['益', 'yi'],
  ['远', 'yuan'],
  ['天', 'tian'],
  ['海', 'hai'],
  ['长', 'chang'],
  ['乐', 'le'],
  ['云', 'yun'],
  ['星', 'xing'],
  ['东', 'dong'],
  ['富', 'fu'],
  ['兴', 'xing'],
  ['融', 'rong'],
  ['勤', 'qin'],
  ['思', 'si'],
  ['至', 'zhi'],
  ['君', 'jun'],
  ['聚', 'ju'],
  ['协', 'xie'],
  ['晟', 'sheng'],
  ['昊', 'hao'],
  ['信', 'xin'],
  ['谷', 'gu'],
  ['领', 'ling'],
  ['凯', 'kai'],
  ['通', 'tong'],
  ['朗', 'lang'],
];

export const TRADE_SECOND: readonly (readonly [string, string])[] = [
  ['信', 'xin'],
  ['德', 'de'],
  ['诚', 'cheng'],
  ['达', 'da'],
  ['盛', 'sheng'],
  ['远', 'yuan'],
  ['成', 'cheng'],
  ['通', 'tong'],
  ['和', 'he'],
  ['泰', 'tai'],
  ['华', 'hua'],
  ['正', 'zheng'],
  ['恒', 'heng'],
  ['辉', 'hui'],
  ['航', 'hang'],
  ['越', 'yue'],
  ['桥', 'qiao'],
  ['科', 'ke'],
  ['智', 'zhi'],
  ['利', 'li'],
  ['源', 'yuan'],
  ['瑞', 'rui'],
  ['润', 'run'],
  ['茂', 'mao'],
  ['汇', 'hui'],
  ['鑫', 'xin'],
  ['祥', 'xiang'],
  ['邦', 'bang'],
  ['业', 'ye'],
  ['腾', 'teng'],
  ['衡', 'heng'],
  ['安', 'an'],
  ['思', 'si'],
  ['卓', 'zhuo'],
  ['创', 'chuang'],
  ['合', 'he'],
  ['方', 'fang'],
  ['元', 'yuan'],
  ['景', 'jing'],
  ['阳', 'yang'],
  ['峰', 'feng'],
  ['维', 'wei'],
  ['道', 'dao'],
  ['策', 'ce'],
  ['嘉', 'jia'],
  ['晖', 'hui'],
  ['川', 'chuan'],
  ['泽', 'ze'],
];

/**
 * What kind of organisation a provider is, and how its name is built. `industry` follows the trade name;
 * `place` says which place name leads: the city and county, the city only, or the province (广东).
 */
export interface OrgKind {
  readonly industry: string;
  /** Short form for `shortName`, e.g. 税务 in 明德税务. */
  readonly short: string;
  readonly suffix: string;
  readonly orgType: OrgType;
  readonly place: 'county' | 'city' | 'cityBare' | 'province';
  /** Domain word for e-mail and website, e.g. `tax`. */
  readonly domain: string;
  /** GB 32100 registration authority and category: 91 market regulator/enterprise, 31 justice/law firm … */
  readonly usccPrefix: string;
  readonly weight: number;
}

const company = (industry: string, short: string, domain: string, weight = 3): OrgKind => ({
  industry,
  short,
  domain,
  weight,
  suffix: '有限公司',
  orgType: 'company',
  place: 'county',
  usccPrefix: '91',
});
const cityCompany = (industry: string, short: string, domain: string, weight = 2): OrgKind => ({
  ...company(industry, short, domain, weight),
  place: 'city',
});

export const ORG_KINDS: Record<CategoryId, readonly OrgKind[]> = {
  'policy-consulting': [
    company('企业服务', '企服', 'service'),
    company('政策咨询服务', '政策咨询', 'policy'),
    cityCompany('商务咨询', '商务', 'biz'),
    cityCompany('企业管理服务', '企业服务', 'qyfw'),
  ],
  'startup-coaching': [
    company('创业服务', '创业', 'startup'),
    cityCompany('孵化器管理', '孵化器', 'incubator'),
    company('众创空间管理', '众创', 'space'),
    {
      ...company('创新创业服务中心', '创新创业', 'hub', 1),
      suffix: '',
      orgType: 'privateNonEnterprise',
      usccPrefix: '52',
    },
  ],
  financing: [
    cityCompany('融资担保', '担保', 'guarantee'),
    cityCompany('投资管理', '投资', 'invest'),
    cityCompany('创业投资', '创投', 'vc'),
    company('金融信息服务', '金融', 'fin', 2),
    cityCompany('商业保理', '保理', 'factoring', 1),
  ],
  'finance-tax': [
    company('税务师事务所', '税务', 'tax', 4),
    company('财务咨询', '财务', 'finance', 3),
    company('代理记账', '记账', 'acct', 3),
    company('财税咨询', '财税', 'caishui', 3),
    { ...cityCompany('会计师事务所', '会计师', 'cpa', 2), suffix: '（普通合伙）', orgType: 'partnership' },
  ],
  legal: [
    {
      ...cityCompany('律师事务所', '律所', 'law', 6),
      suffix: '',
      orgType: 'partnership',
      place: 'province',
      usccPrefix: '31',
    },
    {
      ...cityCompany('律师事务所', '律所', 'lawfirm', 5),
      suffix: '',
      orgType: 'partnership',
      place: 'cityBare',
      usccPrefix: '31',
    },
    company('法律咨询服务', '法律咨询', 'legal', 2),
  ],
  'training-talent': [
    company('人力资源服务', '人力资源', 'hr', 3),
    { ...company('职业培训学校', '培训学校', 'edu', 3), suffix: '', orgType: 'privateNonEnterprise', usccPrefix: '52' },
    cityCompany('教育咨询', '教育', 'training'),
    company('人才发展', '人才', 'talent', 2),
  ],
  'management-consulting': [
    company('企业管理咨询', '管理咨询', 'consulting', 5),
    cityCompany('管理顾问', '管理顾问', 'advisor', 3),
    company('质量管理咨询', '质量管理', 'quality', 2),
  ],
  'technology-rd': [
    company('科技', '科技', 'tech', 4),
    {
      ...cityCompany('工业技术研究院', '研究院', 'iit', 2),
      suffix: '',
      orgType: 'privateNonEnterprise',
      usccPrefix: '52',
    },
    company('新材料科技', '新材料', 'material', 2),
    company('智能科技', '智能', 'smart', 3),
    cityCompany('技术转移服务', '技术转移', 'transfer', 1),
  ],
  'intellectual-property': [
    company('知识产权代理', '知识产权', 'ip', 4),
    { ...cityCompany('专利代理事务所', '专利', 'patent', 3), suffix: '（普通合伙）', orgType: 'partnership' },
    company('商标代理', '商标', 'tm', 2),
    cityCompany('知识产权运营', '知识产权', 'ipo', 1),
  ],
  'testing-certification': [
    cityCompany('检测技术', '检测', 'test', 4),
    company('认证咨询', '认证', 'cert', 3),
    cityCompany('检验检测', '检验', 'inspect', 2),
    cityCompany('计量检测技术', '计量', 'metrology', 2),
    company('标准化技术服务', '标准化', 'std', 1),
  ],
  digitalization: [
    company('数字科技', '数字', 'digital', 4),
    company('信息技术', '信息', 'it', 4),
    company('软件', '软件', 'soft', 3),
    company('网络科技', '网络', 'net', 2),
    cityCompany('工业互联网科技', '工业互联网', 'iiot', 2),
    cityCompany('云计算科技', '云计算', 'cloud', 1),
  ],
  'market-expansion': [
    cityCompany('会展服务', '会展', 'expo', 3),
    company('电子商务', '电商', 'ec', 4),
    company('品牌策划', '品牌', 'brand', 3),
    cityCompany('国际贸易服务', '外贸', 'trade', 2),
    company('跨境电商服务', '跨境电商', 'cbec', 2),
    company('市场营销策划', '营销', 'marketing', 2),
  ],
};

/** Public institutions and associations: one per place, named after the place only. */
export interface PlaceOrg {
  readonly name: string;
  readonly short: string;
  readonly orgType: OrgType;
  readonly level: 'city' | 'county';
  readonly usccPrefix: string;
  readonly domain: string;
}

export const PLACE_ORGS: Partial<Record<CategoryId, readonly PlaceOrg[]>> = {
  'technology-rd': [
    {
      name: '生产力促进中心',
      short: '生产力中心',
      orgType: 'publicInstitution',
      level: 'county',
      usccPrefix: '12',
      domain: 'ppc',
    },
  ],
  'testing-certification': [
    {
      name: '质量计量监督检测所',
      short: '质检所',
      orgType: 'publicInstitution',
      level: 'city',
      usccPrefix: '12',
      domain: 'qts',
    },
  ],
  'training-talent': [
    {
      name: '人才服务中心',
      short: '人才中心',
      orgType: 'publicInstitution',
      level: 'county',
      usccPrefix: '12',
      domain: 'rencai',
    },
  ],
  'policy-consulting': [
    {
      name: '中小企业发展促进会',
      short: '中小企业促进会',
      orgType: 'association',
      level: 'city',
      usccPrefix: '51',
      domain: 'smea',
    },
  ],
  'market-expansion': [
    { name: '电子商务协会', short: '电商协会', orgType: 'association', level: 'city', usccPrefix: '51', domain: 'eca' },
  ],
  'intellectual-property': [
    {
      name: '知识产权协会',
      short: '知识产权协会',
      orgType: 'association',
      level: 'city',
      usccPrefix: '51',
      domain: 'ipa',
    },
  ],
};

export const SURNAMES = [
  '陈',
  '李',
  '黄',
  '张',
  '梁',
  '林',
  '刘',
  '吴',
  '罗',
  '何',
  '郑',
  '杨',
  '谢',
  '曾',
  '周',
  '邓',
  '冯',
  '许',
  '朱',
  '蔡',
  '钟',
  '叶',
  '苏',
  '卢',
  '潘',
  '彭',
  '赖',
  '关',
  '温',
  '麦',
  '欧阳',
  '区',
  '伍',
  '莫',
  '邱',
  '余',
] as const;

export const CONTACT_TITLES = ['先生', '女士', '经理', '主任', '律师', '老师', '顾问'] as const;

export const ROAD_WORDS = [
  '人民',
  '建设',
  '解放',
  '中山',
  '环城',
  '新城',
  '滨江',
  '迎宾',
  '工业',
  '科技',
  '创业',
  '文化',
  '东风',
  '朝阳',
  '金融',
  '学府',
  '府前',
  '华南',
  '海滨',
  '季华',
  '广佛',
  '南湖',
  '松山',
  '湖景',
  '江湾',
  '青年',
  '凤凰',
  '金沙',
] as const;

export const ROAD_KINDS = ['路', '大道', '东路', '西路', '中路', '北路', '南路', '街'] as const;

export const BUILDINGS = [
  '创意产业园',
  '科技园',
  '金融中心',
  '商务大厦',
  '国际大厦',
  '孵化基地',
  '创新中心',
  '电子商务园',
  '总部基地',
  '广场',
  '写字楼',
  '产业园',
  '双创中心',
  '科创中心',
] as const;

/** Landline area codes (长途区号) of Guangdong's cities, keyed by the city's two-digit code inside the province. */
export const AREA_CODES: Record<string, string> = {
  '01': '020',
  '02': '0751',
  '03': '0755',
  '04': '0756',
  '05': '0754',
  '06': '0757',
  '07': '0750',
  '08': '0759',
  '09': '0668',
  '12': '0758',
  '13': '0752',
  '14': '0753',
  '15': '0660',
  '16': '0762',
  '17': '0662',
  '18': '0763',
  '19': '0769',
  '20': '0760',
  '51': '0768',
  '52': '0663',
  '53': '0766',
};
