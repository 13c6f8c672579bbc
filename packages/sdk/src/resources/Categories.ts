import type { CategoryList } from '@smec/schemas';
import type { CallOptions } from '../http.js';
import { Resource } from './Resource.js';

/** The twelve service categories: `client.categories`. */
export class Categories extends Resource {
  /**
   * Every service category, with its Chinese and English name.
   *
   * @example
   * ```ts
   * const { items } = await client.categories.list();
   * ```
   */
  list(options?: CallOptions): Promise<CategoryList> {
    return this.http.request({ ...options, path: '/categories', schema: 'CategoryList' });
  }
}
