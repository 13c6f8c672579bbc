// The messages of the application to join, in Simplified Chinese first, Traditional and English: kept apart from
// the public forms' messages (messages-*.ts), which every widget carries, because only the application form needs these.
import type { ApplicationMessageKey } from './provider-application.js';

type Texts = Readonly<Record<'zh-CN' | 'zh-HK' | 'en', string>>;

export const APPLICATION_MESSAGES: Readonly<Record<ApplicationMessageKey, Texts>> = {
  'application.name': {
    'zh-CN': '机构名称应为 2 至 100 个字，与营业执照一致',
    'zh-HK': '機構名稱應為 2 至 100 個字，與營業執照一致',
    en: 'The name must be 2 to 100 characters, as on the business licence',
  },
  'application.legalRepresentative': {
    'zh-CN': '法定代表人姓名应为 2 至 30 个字',
    'zh-HK': '法定代表人姓名應為 2 至 30 個字',
    en: "The legal representative's name must be 2 to 30 characters",
  },
  'application.address': {
    'zh-CN': '注册地址应为 5 至 200 个字',
    'zh-HK': '註冊地址應為 5 至 200 個字',
    en: 'The registered address must be 5 to 200 characters',
  },
  'application.description': {
    'zh-CN': '机构简介应为 20 至 2000 个字，说明主要服务、资质和服务案例',
    'zh-HK': '機構簡介應為 20 至 2000 個字，說明主要服務、資質和服務案例',
    en: 'The description must be 20 to 2,000 characters: main services, qualifications and cases',
  },
  'application.contactName': {
    'zh-CN': '联系人姓名应为 1 至 30 个字',
    'zh-HK': '聯絡人姓名應為 1 至 30 個字',
    en: "The contact's name must be 1 to 30 characters",
  },
  'application.uscc.individual': {
    'zh-CN': '个体工商户不是法人主体，不能申请入驻（统一社会信用代码以 92 开头）',
    'zh-HK': '個體工商戶不是法人主體，不能申請入駐（統一社會信用代碼以 92 開頭）',
    en: 'An individual business (a code starting with 92) is not a legal entity and cannot apply',
  },
  'application.uscc.orgType': {
    'zh-CN': '统一社会信用代码与所选机构类型不符，请核对机构类型或代码',
    'zh-HK': '統一社會信用代碼與所選機構類型不符，請核對機構類型或代碼',
    en: 'The credit code does not belong to the organisation type chosen; check the type or the code',
  },
  'application.foundedOn.format': {
    'zh-CN': '请输入正确的成立日期，例如 2018-06-01',
    'zh-HK': '請輸入正確的成立日期，例如 2018-06-01',
    en: 'Enter a real founding date, for example 2018-06-01',
  },
  'application.foundedOn.future': {
    'zh-CN': '成立日期不能晚于今天',
    'zh-HK': '成立日期不能遲於今天',
    en: 'The founding date cannot be after today',
  },
  'application.foundedOn.tooRecent': {
    'zh-CN': '入驻要求机构成立满两年，请在成立满两年后再申请',
    'zh-HK': '入駐要求機構成立滿兩年，請在成立滿兩年後再申請',
    en: 'A provider must have operated for two years; apply once it has',
  },
  'application.categories': {
    'zh-CN': '请选择 1 至 5 个服务类别',
    'zh-HK': '請選擇 1 至 5 個服務類別',
    en: 'Choose 1 to 5 service categories',
  },
  'application.regionsServed': {
    'zh-CN': '请至少选择一个服务地区',
    'zh-HK': '請至少選擇一個服務地區',
    en: 'Choose at least one region served',
  },
  'application.staff': {
    'zh-CN': '从业人员数应为 1 至 100000 之间的整数',
    'zh-HK': '從業人員數應為 1 至 100000 之間的整數',
    en: 'The number of staff must be a whole number from 1 to 100,000',
  },
  'application.professionalStaff': {
    'zh-CN': '专业技术人员数应为不超过从业人员数的整数',
    'zh-HK': '專業技術人員數應為不超過從業人員數的整數',
    en: 'The number of professional staff must be a whole number no greater than the staff',
  },
  'application.email': {
    'zh-CN': '请输入正确的电子邮箱，例如 service@example.cn',
    'zh-HK': '請輸入正確的電子郵箱，例如 service@example.cn',
    en: 'Enter a valid e-mail address, for example service@example.cn',
  },
  'application.licence': {
    'zh-CN': '请上传营业执照（或登记证书）',
    'zh-HK': '請上載營業執照（或登記證書）',
    en: 'Upload the business licence (or registration certificate)',
  },
  'application.no': {
    'zh-CN': '申请编号格式不正确，例如 RZ20261207K7M3Q9',
    'zh-HK': '申請編號格式不正確，例如 RZ20261207K7M3Q9',
    en: 'The application number looks like RZ20261207K7M3Q9',
  },
};

export function isApplicationMessageKey(value: unknown): value is ApplicationMessageKey {
  return typeof value === 'string' && Object.hasOwn(APPLICATION_MESSAGES, value);
}
