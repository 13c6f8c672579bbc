import type { CategoryId, DemandBudget, DemandInput } from '@smec/schemas';
import {
  CATEGORY_IDS,
  checkBudget,
  checkDemandText,
  checkExpectedBy,
  checkMobile,
  checkUscc,
  parseYuan,
  type MessageKey,
  type MoneyProblem,
} from '@smec/schemas/rules';
import type { LookupField } from './lookup-fields.js';

/** What the form holds while the visitor types: strings as the inputs give them, converted only on submit. */
export interface DemandFormValues {
  uscc: string;
  enterpriseName: string;
  categoryId: string;
  city: string;
  /** Empty for the whole city. */
  county: string;
  title: string;
  description: string;
  /** Yuan, as typed (`3000`, `1500.50`). */
  budgetAmount: string;
  negotiable: boolean;
  expectedBy: string;
  contactName: string;
  phone: string;
  consent: boolean;
  productId: string;
}

export const EMPTY_VALUES: DemandFormValues = {
  uscc: '',
  enterpriseName: '',
  categoryId: '',
  city: '',
  county: '',
  title: '',
  description: '',
  budgetAmount: '',
  negotiable: false,
  expectedBy: '',
  contactName: '',
  phone: '',
  consent: false,
  productId: '',
};

/** The fields that can be wrong, in the order the form shows them (and the error summary lists them). */
export const FORM_FIELDS = [
  'uscc',
  'enterpriseName',
  'categoryId',
  'city',
  'title',
  'description',
  'budgetAmount',
  'expectedBy',
  'contactName',
  'phone',
  'consent',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** A field's problem: a message key of @smec/schemas, or the platform's own words for a rule the form does not know. */
export interface FieldProblem {
  readonly key: string;
  readonly text?: string | undefined;
  /** The platform's own words, shown when `key` is not one of the form's message keys. */
  readonly serverText?: string | undefined;
}

/** The budget in fen (or 面议), or why what was typed is not an amount (the same rule as the wallet's). */
export function budgetOf(values: DemandFormValues): DemandBudget | MoneyProblem {
  return values.negotiable ? 'negotiable' : parseYuan(values.budgetAmount);
}

export function regionCodeOf(values: DemandFormValues): string {
  return values.county || values.city;
}

/**
 * The message key for one field of the demand form, or undefined when it is right. The platform's schema is built on
 * the same rule functions, so the form and the server always agree.
 */
export function checkField(field: FormField, values: DemandFormValues): MessageKey | undefined {
  switch (field) {
    case 'uscc':
      return checkUscc(values.uscc);
    case 'enterpriseName':
      return checkDemandText('enterpriseName', values.enterpriseName);
    case 'categoryId':
      return (CATEGORY_IDS as readonly string[]).includes(values.categoryId) ? undefined : 'category';
    case 'city':
      return /^\d{6}$/.test(regionCodeOf(values)) ? undefined : 'region';
    case 'title':
      return checkDemandText('title', values.title);
    case 'description':
      return checkDemandText('description', values.description);
    case 'budgetAmount': {
      const budget = budgetOf(values);
      return typeof budget === 'string' && budget !== 'negotiable' ? budget : checkBudget(budget);
    }
    case 'expectedBy':
      return values.expectedBy ? checkExpectedBy(values.expectedBy) : undefined;
    case 'contactName':
      return checkDemandText('contactName', values.contactName);
    case 'phone':
      return checkMobile(values.phone.trim());
    case 'consent':
      return values.consent ? undefined : 'consent';
  }
}

/** What is sent: the values converted to the platform's types (checked by the same schema before sending). */
export function toDemandInput(values: DemandFormValues): DemandInput {
  return {
    enterprise: { uscc: values.uscc, name: values.enterpriseName.trim() },
    contact: { name: values.contactName.trim(), phone: values.phone.trim() },
    regionCode: regionCodeOf(values),
    categoryId: values.categoryId as CategoryId,
    productId: values.productId || null,
    title: values.title.trim(),
    description: values.description.trim(),
    budget: budgetOf(values) as DemandBudget,
    expectedBy: values.expectedBy || null,
    consent: values.consent as true,
  };
}

/** The field a platform error path (`body.enterprise.uscc`, `query.phone`) belongs to. */
const PATHS: Record<string, FormField | LookupField> = {
  'body.enterprise.uscc': 'uscc',
  'body.enterprise.name': 'enterpriseName',
  'body.categoryId': 'categoryId',
  'body.regionCode': 'city',
  'body.title': 'title',
  'body.description': 'description',
  'body.budget': 'budgetAmount',
  'body.expectedBy': 'expectedBy',
  'body.contact.name': 'contactName',
  'body.contact.phone': 'phone',
  'body.consent': 'consent',
  'query.trackingNo': 'trackingNo',
  'query.phone': 'phone',
};

export function fieldOfPath(path: string): FormField | LookupField | undefined {
  // Deeper paths (`body.enterprise.uscc.0`) belong to the same field.
  for (let candidate = path; candidate; candidate = candidate.slice(0, Math.max(0, candidate.lastIndexOf('.')))) {
    const field = PATHS[candidate];
    if (field) return field;
    if (!candidate.includes('.')) break;
  }
  return undefined;
}
