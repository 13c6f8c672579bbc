/** Full-width digits and points, as Chinese input methods type them, become ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A yuan amount as typed (`1234.5`, `1,234.50`, `¥12`, `１２３４`) to integer fen, without floating-point
 * arithmetic: the digits are read as strings, so `1234.5` is exactly `123450`. Undefined when it is not an amount
 * (empty, negative, letters, more than two decimals, too large to be exact).
 */
export function parseYuan(text: string): number | undefined {
  const clean = halfWidth(text.trim())
    .replace(/^[¥￥]\s*/, '')
    .replace(/,/g, '')
    .replace(/\s*元$/, '');
  const match = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(clean);
  if (!match) return undefined;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : undefined;
}
