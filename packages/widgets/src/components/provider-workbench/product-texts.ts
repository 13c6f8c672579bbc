import type { MyProduct, ProductStatus } from '@smec/schemas';
import { PRODUCT_MESSAGES, type ProductMessageKey } from '@smec/schemas/rules';
import { msg } from '../../i18n/localization.js';
import type { SmecLocale } from '../../i18n/localization.js';

export function statusName(status: ProductStatus): string {
  switch (status) {
    case 'draft':
      return msg('草稿', { id: 'workbench.product.status.draft' });
    case 'published':
      return msg('已发布', { id: 'workbench.product.status.published' });
    case 'withdrawn':
      return msg('已下架', { id: 'workbench.product.status.withdrawn' });
  }
}

/** The words of a publishing refusal in `locale`; the key itself for one this version does not know. */
export function refusalText(code: string, locale: SmecLocale): string {
  return PRODUCT_MESSAGES[code as ProductMessageKey]?.[locale] ?? code;
}

/** What publishing `product` still needs, in `locale`. */
export function missingTexts(product: Pick<MyProduct, 'missing'>, locale: SmecLocale): string[] {
  return product.missing.map((missing) => refusalText(missing.code, locale));
}
