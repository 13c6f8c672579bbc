import { PRICE_BANDS } from '@smec/schemas';

/** The index in PRICE_BANDS of the band a price (fen) falls in; bands are contiguous and ascending. */
export function priceBandOf(price: number): number {
  const index = PRICE_BANDS.findIndex((band) => price >= band.min && (band.max === null || price < band.max));
  return index < 0 ? PRICE_BANDS.length - 1 : index;
}
