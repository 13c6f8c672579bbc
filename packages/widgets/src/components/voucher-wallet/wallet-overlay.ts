import type { Engagement, Voucher } from '@smec/schemas';

/** What an action returned, and the wallet's version when it did. */
interface Remembered<T> {
  readonly value: T;
  readonly at: number;
}

/**
 * What the last actions returned, shown in place of the loaded wallet until a load that started after them answers.
 * Only the platform's answers are kept: an entry is the answer of an action, and a later load replaces it.
 */
export interface Overlay {
  readonly vouchers: ReadonlyMap<string, Remembered<Voucher>>;
  readonly engagements: ReadonlyMap<string, Remembered<Engagement>>;
}

export function emptyOverlay(): Overlay {
  return { vouchers: new Map(), engagements: new Map() };
}

/** `overlay` with `value`, an action's answer at wallet version `at`. */
export function remembered(overlay: Overlay, kind: keyof Overlay, value: Voucher | Engagement, at: number): Overlay {
  const entries = new Map<string, Remembered<Voucher | Engagement>>(overlay[kind]);
  return { ...overlay, [kind]: entries.set(value.id, { value, at }) };
}

/** `overlay` once the load of wallet version `version` has answered: what was remembered before it is dropped. */
export function answeredBy(overlay: Overlay, version: number): Overlay {
  const stale = (entries: ReadonlyMap<string, Remembered<unknown>>) =>
    [...entries.values()].some((e) => e.at < version);
  if (!stale(overlay.vouchers) && !stale(overlay.engagements)) return overlay;
  return { vouchers: kept(overlay.vouchers, version), engagements: kept(overlay.engagements, version) };
}

function kept<T>(entries: ReadonlyMap<string, Remembered<T>>, version: number): Map<string, Remembered<T>> {
  return new Map([...entries].filter(([, entry]) => entry.at >= version));
}

/** What was loaded, with what the last actions returned in place of it; new ones first. */
export function shown<T extends { id: string }>(
  loaded: readonly T[] = [],
  overlay: ReadonlyMap<string, Remembered<T>>,
): T[] {
  const current = loaded.map((item) => overlay.get(item.id)?.value ?? item);
  const added = [...overlay.values()]
    .map((entry) => entry.value)
    .filter((item) => !loaded.some((l) => l.id === item.id));
  return [...added, ...current];
}
