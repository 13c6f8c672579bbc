// The one rule for a yuan amount as a person types it, shared by every form that takes money (the demand's budget,
// the wallet's contract amount), so the same text is read the same way, and refused in the same words, everywhere.
import type { MessageKey } from './messages-zh-CN.js';

/** Why a typed amount is not one: a message key, so every form shows the same words for it. */
export type MoneyProblem = Extract<MessageKey, `money.${string}`>;

// Chinese input methods type full-width digits, point, comma and minus: each is its ASCII twin plus 0xFEE0.
const FULL_WIDTH = /[－，．０-９]/g;
// An optional minus (before or after the currency sign, so both are told apart from a typo), ¥ or ￥, the yuan with
// thousands separators in groups of three (`1,5` is refused rather than read as 15), the decimals, then 元.
const AMOUNT = /^([-−]?)\s*[¥￥]?\s*([-−]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?\s*元?$/;

/**
 * A yuan amount as typed (`1234.5`, `1,234.50`, `¥12`, `１２３`, `12 元`) to integer fen, or why it is not one:
 * empty, negative, more than two decimals, or anything else. The digits are joined as a string before they become a
 * number, so `1234.5` is exactly 123450 (no floating-point arithmetic). Ranges are the caller's rule.
 */
export function parseYuan(text: string): number | MoneyProblem {
  const typed = text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).trim();
  if (!typed) return 'money.required';
  const match = AMOUNT.exec(typed);
  if (!match || (match[1] && match[2])) return 'money.format';
  if (match[1] || match[2]) return 'money.negative';
  const decimals = match[4] ?? '';
  if (decimals.length > 2) return 'money.decimals';
  const fen = Number(match[3]!.replace(/,/g, '') + decimals.padEnd(2, '0'));
  // More digits than a number holds exactly: no real amount, and no exact fen to give.
  return Number.isSafeInteger(fen) ? fen : 'money.format';
}
