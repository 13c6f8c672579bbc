/** One page of a list: its items and the cursor of the next page, null on the last. */
export interface Page<Item> {
  readonly items: readonly Item[];
  readonly nextCursor: string | null;
  readonly total: number;
}

/** Fetches the page that starts at `cursor` (the first page when undefined). */
export type PageFetcher<P> = (cursor: string | undefined) => Promise<P>;

/**
 * The result of a list call: await it for the first page, or iterate it for every item of every page, following
 * `nextCursor`. Nothing is fetched until you do one or the other; awaiting twice fetches once.
 *
 * @example
 * ```ts
 * const page = await client.products.list({ q: '财税', limit: 12 });
 * console.log(page.total, page.items.length, page.facets.categories);
 *
 * for await (const product of client.products.list({ q: '法' })) console.log(product.name);
 *
 * for await (const page of client.products.list({ category: 'legal' }).pages()) render(page.items);
 * ```
 */
export class PagePromise<P extends Page<Item>, Item = P['items'][number]>
  implements PromiseLike<P>, AsyncIterable<Item>
{
  readonly #fetchPage: PageFetcher<P>;
  readonly #firstCursor: string | undefined;
  #first: Promise<P> | undefined;

  constructor(fetchPage: PageFetcher<P>, firstCursor?: string) {
    this.#fetchPage = fetchPage;
    this.#firstCursor = firstCursor;
  }

  /** The first page. */
  #firstPage(): Promise<P> {
    return (this.#first ??= this.#fetchPage(this.#firstCursor));
  }

  then<Result = P, Reason = never>(
    onFulfilled?: ((page: P) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Reason | PromiseLike<Reason>) | null,
  ): Promise<Result | Reason> {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  /** Like `Promise.prototype.catch`, for the first page. */
  catch<Reason = never>(onRejected?: ((reason: unknown) => Reason | PromiseLike<Reason>) | null): Promise<P | Reason> {
    return this.#firstPage().catch(onRejected);
  }

  /** Like `Promise.prototype.finally`, for the first page. */
  finally(onFinally?: (() => void) | null): Promise<P> {
    return this.#firstPage().finally(onFinally);
  }

  /** Every page in turn, the first one included, until the last. */
  async *pages(): AsyncGenerator<P, void, undefined> {
    let page = await this.#firstPage();
    yield page;
    while (page.nextCursor !== null) {
      page = await this.#fetchPage(page.nextCursor);
      yield page;
    }
  }

  /** Every item of every page, in order. Breaking out of the loop stops fetching. */
  async *iterate(): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    return this.iterate();
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
