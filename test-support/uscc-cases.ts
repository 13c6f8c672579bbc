// One table of unified social credit codes (GB 32100-2015) that the schema, the server and the demand form must all
// judge the same way. `message` is the message key the schema gives (see packages/schemas/src/messages.ts).

export interface UsccCase {
  readonly code: string;
  readonly valid: boolean;
  readonly why: string;
  readonly message?: 'uscc.format' | 'uscc.checksum';
}

export const USCC_CASES: readonly UsccCase[] = [
  { code: '91350100M000100Y43', valid: true, why: 'a company (published code)' },
  { code: '91110108551385082Q', valid: true, why: 'a company with a letter check character (published code)' },
  { code: '914403001922038216', valid: true, why: 'a Shenzhen company (published code)' },
  { code: '91440604MA51K8QX3Q', valid: true, why: 'a Foshan company, new-style registration number' },
  { code: '12440000455859081J', valid: true, why: 'a public institution (12…)' },
  { code: '52440100MJL0123A4J', valid: true, why: 'a private non-enterprise unit (52…)' },
  { code: '93440605MA4W7T2N81', valid: true, why: 'a farmers’ cooperative (93…)' },
  { code: '91350100M000100Y44', valid: false, why: 'check character off by one', message: 'uscc.checksum' },
  { code: '91110108551385082R', valid: false, why: 'wrong letter check character', message: 'uscc.checksum' },
  { code: '914403001922038210', valid: false, why: 'wrong digit check character', message: 'uscc.checksum' },
  { code: '91440604MA51K8QX3', valid: false, why: '17 characters', message: 'uscc.format' },
  { code: '91440604MA51K8QX3QQ', valid: false, why: '19 characters', message: 'uscc.format' },
  { code: '91440604MI51K8QX3Q', valid: false, why: 'forbidden letter I', message: 'uscc.format' },
  { code: '91440604MO51K8QX3Q', valid: false, why: 'forbidden letter O', message: 'uscc.format' },
  { code: '91440604MZ51K8QX3Q', valid: false, why: 'forbidden letter Z', message: 'uscc.format' },
  { code: '91440604MS51K8QX3Q', valid: false, why: 'forbidden letter S', message: 'uscc.format' },
  { code: '91440604MV51K8QX3Q', valid: false, why: 'forbidden letter V', message: 'uscc.format' },
  { code: '91440604ma51k8qx3q', valid: false, why: 'lower case', message: 'uscc.format' },
  { code: '', valid: false, why: 'empty', message: 'uscc.format' },
];
