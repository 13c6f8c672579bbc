// The one rule for a yuan amount as a person types it, shared by every form that takes money (the demand's budget,
// the wallet's contract amount), so the same text is read the same way, and refused in the same words, everywhere.
import type { MessageKey } from './messages-zh-CN.js';

/** Why a typed amount is not one: a message key, so every form shows the same words for it. */
export type MoneyProblem = Extract<MessageKey, `money.${string}`>;

// Chinese input methods type full-width forms (digits, point, comma, minus, ￥): NFKC turns each into its ASCII twin
// (￥ into ¥). Only those: NFKC would also make digits of ² or ①, which are no amount.
const FULL_WIDTH = /[！-～￥]/g;
// An optional minus (before or after ¥), the yuan with thousands separators in groups of three (`1,5` is refused
// rather than read as 15), the decimals, then 元.
const AMOUNT = /^(-?)\s*¥?\s*(-?)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?\s*元?$/;

/**
 * A yuan amount as typed (`1234.5`, `1,234.50`, `¥12`, `１２３`, `12 元`) to integer fen, or why it is not one:
 * empty, negative, more than two decimals, or anything else. The digits are joined as a string before they become a
 * number, so `1234.5` is exactly 123450 (no floating-point arithmetic). Ranges are the caller's rule.
 */
export function parseYuan(text: string): number | MoneyProblem {
  const typed = text.replace(FULL_WIDTH, (char) => char.normalize('NFKC')).trim();
  const [, minus, minusAfterSign, yuan, decimals = ''] = AMOUNT.exec(typed) ?? [];
  if (!yuan) return typed ? 'money.format' : 'money.required';
  if (minus || minusAfterSign) return 'money.negative';
  if (decimals.length > 2) return 'money.decimals';
  const fen = Number(yuan.replace(/,/g, '') + decimals.padEnd(2, '0'));
  // More digits than a number holds exactly: no real amount, and no exact fen to give.
  return Number.isSafeInteger(fen) ? fen : 'money.format';
}
