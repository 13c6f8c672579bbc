/**
 * Phone numbers are personal data: they appear in query strings (`/demands/lookup?phone=…`) and must never reach
 * a log. Mask query parameters that carry them and anything shaped like a mainland mobile number.
 */
const SENSITIVE_PARAMS = /([?&](?:phone|mobile|tel|contactPhone|token|access_token)=)[^&#]*/gi;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function redactUrl(url: string): string {
  return url.replace(SENSITIVE_PARAMS, '$1***').replace(MOBILE, '$1****$2');
}
