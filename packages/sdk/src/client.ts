import type { z } from '@smec/schemas';
import {
  HttpClient,
  type ClientOptions,
  type RequestOptions,
  type ResponseSchema,
  type SchemaName,
  type SchemaOutput,
} from './http.js';
import type { Categories } from './resources/Categories.js';
import type { Demands } from './resources/Demands.js';
import type { Demo } from './resources/Demo.js';
import type { Engagements } from './resources/Engagements.js';
import type { Events } from './resources/Events.js';
import type { Files } from './resources/Files.js';
import type { Health } from './resources/Health.js';
import type { Me } from './resources/Me.js';
import type { Policies } from './resources/Policies.js';
import type { Centers } from './resources/Centers.js';
import type { Products } from './resources/Products.js';
import type { ProviderApplications } from './resources/ProviderApplications.js';
import type { Providers } from './resources/Providers.js';
import type { Ratings } from './resources/Ratings.js';
import type { Regions } from './resources/Regions.js';
import type { Stats } from './resources/Stats.js';
import type { Evaluations } from './resources/Evaluations.js';
import type { Targets } from './resources/Targets.js';
import type { Vouchers } from './resources/Vouchers.js';
import type { PublicNotices } from './resources/PublicNotices.js';
import type { Experts } from './resources/Experts.js';
import type { VoucherBatches } from './resources/VoucherBatches.js';
import type { AuditLog } from './resources/AuditLog.js';
import type { Settlements } from './resources/Settlements.js';
import type { Staff } from './resources/Staff.js';

/** A configured client of the platform API, made by {@link createClient}. */
export interface SmecClient {
  /** The platform's liveness. */
  readonly health: Health;
  /** Guangdong's regions. */
  readonly regions: Regions;
  /** The service categories. */
  readonly categories: Categories;
  /** Service providers. */
  readonly providers: Providers;
  /** Service products. */
  readonly products: Products;
  /** Enterprises' service demands: submit and follow one; administrators list and move them. */
  readonly demands: Demands;
  /** Events, trainings and policy briefings of the centers: list them, register, cancel, add to a calendar. */
  readonly events: Events;
  /** Verified ratings of delivered engagements, public ratings with their averages, and follow-ups of bad ones. */
  readonly ratings: Ratings;
  /** Service vouchers: open batches, claiming, the enterprise's wallet, using a voucher and handing it back. */
  readonly vouchers: Vouchers;
  /** Engagements bought from providers (with or without a voucher) and the moves of their lifecycle. */
  readonly engagements: Engagements;
  /** The policy library (政策宣贯). */
  readonly policies: Policies;
  /** The centers' yearly evaluation figures (综合评价考核). */
  readonly stats: Stats;
  /** The three-level network of centers: records, basic requirements, coverage by year. */
  readonly centers: Centers;
  /** The yearly evaluation of the centers: score, grade and rank of every center of a level. */
  readonly evaluations: Evaluations;
  /** The yearly targets of every region and the evaluation's weights; the province's administrators set them. */
  readonly targets: Targets;
  /** Files of the processes (a licence, a proof): upload one, read it back with its key. */
  readonly files: Files;
  /** Applications to join the network as a provider: apply, and follow one by its number and mobile. */
  readonly providerApplications: ProviderApplications;
  /** What belongs to the signed-in user, such as an enterprise's event registrations. */
  readonly me: Me;
  /** The demo platform's seeded users and their tokens. */
  readonly demo: Demo;
  /** The public notice of approved applicants (公示) and objections to them. */
  readonly publicNotices: PublicNotices;
  /** The expert database (服务专家库): search experts by specialty and region, and read one. */
  readonly experts: Experts;
  /** A center's own voucher batches (its staff): create drafts, change them, open, pause and close them. */
  readonly voucherBatches: VoucherBatches;
  /** The audit log of the centers' staff writes, for their administrators (read only). */
  readonly auditLog: AuditLog;
  /** A center's staff accounts: invite, change a level, deactivate (its administrators). */
  readonly staff: Staff;
  /** A center's settlement queue of voucher-paid services (any staff level), as pages or CSV. */
  readonly settlements: Settlements;
  /**
   * The low-level escape hatch, for endpoints this version has no method for: the same headers, retries, timeout,
   * errors and caching as every other call. With a `schema`, the body is parsed with it; with a schema's name, the
   * client's validator checks it (`@smec/sdk/core` returns it unchecked unless given a `validate`).
   *
   * @example
   * ```ts
   * const page = await client.request({ path: '/products', query: { limit: 5 }, schema: ProductPage });
   * const same = await client.request({ path: '/products', query: { limit: 5 }, schema: 'ProductPage' });
   * const raw = await client.request({ method: 'POST', path: '/demands', body: demand });
   * ```
   */
  request<S extends ResponseSchema>(options: RequestOptions & { schema: S }): Promise<z.output<S>>;
  request<N extends SchemaName>(options: RequestOptions & { schema: N }): Promise<SchemaOutput<N>>;
  request(options: RequestOptions): Promise<unknown>;
}

/** The resources of a client, by property name. */
export type ResourceName = Exclude<keyof SmecClient, 'request'>;

/** The class of each resource a client is made of (`createClientFrom`). */
export type ResourceClasses = { [K in ResourceName]?: new (http: HttpClient) => SmecClient[K] };

/**
 * A client made of the resource classes given, each created on first use. Bundles that need a few resources (the
 * widgets) import only those classes, so the others stay out of the download; `resources` is read on each first use,
 * so classes added to it later are found. A resource that is not there is undefined.
 *
 * @example
 * ```ts
 * import { Products, createClientFrom } from '@smec/sdk/core';
 *
 * const client = createClientFrom({ baseUrl: 'https://platform.example/api/v1' }, { products: Products });
 * const page = await client.products.list({ q: '法律' });
 * ```
 */
export function createClientFrom(options: ClientOptions, resources: ResourceClasses): SmecClient {
  const http = new HttpClient(options);
  const made = new Map<string, unknown>();
  const target = { request: (requestOptions: RequestOptions) => http.request(requestOptions) };
  // A proxy, not a getter per resource name: a list of the names would grow every widget's bundle with each resource
  // the SDK gains. Any other name reads as on a plain object (undefined), because libraries probe the objects they
  // are handed (lit-html looks for its own markers on every value it renders).
  return new Proxy(target, {
    get(object, name, receiver) {
      if (typeof name === 'symbol' || !Object.hasOwn(resources, name))
        return Reflect.get(object, name, receiver) as unknown;
      const Resource = resources[name as ResourceName] as new (core: HttpClient) => unknown;
      // A module of the widgets may add a fuller class of a resource already made (FullRatings after Ratings): the
      // instance is made again from it. The state lives in `http`, which both share.
      if (!(made.get(name) instanceof Resource)) made.set(name, new Resource(http));
      return made.get(name);
    },
  }) as SmecClient;
}
