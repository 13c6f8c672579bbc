import {
  DemandInput,
  MobilePhone,
  TrackingNo,
  issueMessageKey,
  type DemandBudget,
  type MessageKey,
  type z,
} from '@smec/schemas';

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

export interface LookupValues {
  trackingNo: string;
  phone: string;
}

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

export const LOOKUP_FIELDS = ['trackingNo', 'phone'] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

/** A field's problem: a message key of @smec/schemas, or the platform's own words for a rule the form does not know. */
export interface FieldProblem {
  readonly key: string;
  readonly text?: string | undefined;
}

const shape = DemandInput.shape;

/**
 * The message key of a failed parse. A schema may report several issues for one value (format, then checksum); the
 * first that carries a message of its own is what the platform says too.
 */
function problemOf(result: { success: boolean; error?: { issues: readonly z.core.$ZodIssue[] } | undefined }) {
  if (result.success) return undefined;
  const keys = (result.error?.issues ?? []).map((issue) => issueMessageKey(issue));
  return keys.find((key) => key !== 'invalid') ?? keys[0] ?? 'invalid';
}

/** `1500.5` yuan → 150050 fen; NaN for anything that is not an amount with at most two decimals. */
export function yuanToFen(text: string): number {
  const trimmed = text.trim().replace(/[,，]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return Number.NaN;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function fenToYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

export function budgetOf(values: DemandFormValues): DemandBudget | number {
  return values.negotiable ? 'negotiable' : yuanToFen(values.budgetAmount);
}

export function regionCodeOf(values: DemandFormValues): string {
  return values.county || values.city;
}

/** The message key for one field of the demand form, or undefined when it is right: the shared schema decides. */
export function checkField(field: FormField, values: DemandFormValues): MessageKey | undefined {
  switch (field) {
    case 'uscc':
      return problemOf(shape.enterprise.shape.uscc.safeParse(values.uscc));
    case 'enterpriseName':
      return problemOf(shape.enterprise.shape.name.safeParse(values.enterpriseName));
    case 'categoryId':
      return problemOf(shape.categoryId.safeParse(values.categoryId));
    case 'city':
      return problemOf(shape.regionCode.safeParse(regionCodeOf(values)));
    case 'title':
      return problemOf(shape.title.safeParse(values.title));
    case 'description':
      return problemOf(shape.description.safeParse(values.description));
    case 'budgetAmount': {
      const key = problemOf(shape.budget.safeParse(budgetOf(values)));
      // An amount that is not a number fails the union as a whole; the budget's own words say what to do.
      return key && key !== 'budget' ? 'budget' : key;
    }
    case 'expectedBy':
      return values.expectedBy ? problemOf(shape.expectedBy.safeParse(values.expectedBy)) : undefined;
    case 'contactName':
      return problemOf(shape.contact.shape.name.safeParse(values.contactName));
    case 'phone':
      return problemOf(shape.contact.shape.phone.safeParse(values.phone.trim()));
    case 'consent':
      return problemOf(shape.consent.safeParse(values.consent));
  }
}

export function checkLookupField(field: LookupField, values: LookupValues): MessageKey | undefined {
  return field === 'trackingNo'
    ? problemOf(TrackingNo.safeParse(values.trackingNo.trim().toUpperCase()))
    : problemOf(MobilePhone.safeParse(values.phone.trim()));
}

/** What is sent: the values converted to the platform's types (checked by the same schema before sending). */
export function toDemandInput(values: DemandFormValues): DemandInput {
  return {
    enterprise: { uscc: values.uscc, name: values.enterpriseName.trim() },
    contact: { name: values.contactName.trim(), phone: values.phone.trim() },
    regionCode: regionCodeOf(values),
    categoryId: values.categoryId as DemandInput['categoryId'],
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
