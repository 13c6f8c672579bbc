import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Booleans are stored as 0/1 integers (SQLite has no boolean type; PostgreSQL smallint
 * reads the same), money in integer fen, times as ISO 8601 text plus a sortable millisecond column.
 */
export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
}

export interface CategoryTable {
  id: string;
  name: string;
  name_en: string;
  position: number;
}

export interface ProviderTable {
  seq: number;
  id: string;
  name: string;
  short_name: string;
  uscc: string;
  org_type: string;
  region_code: string;
  city_code: string;
  address: string;
  contact: string;
  phone: string;
  email: string | null;
  website: string | null;
  founded_on: string;
  description: string;
  /** JSON array of category ids, in the provider's own order. */
  category_ids: string;
  accepts_vouchers: number;
  admission: string;
  admitted_on: string | null;
  product_count: number;
  rating_count: number;
  rating_average: number | null;
  /** rating_average, or -1 when unrated, so that a descending sort needs no NULLS LAST. */
  rating_sort: number;
  /** 1 when admitted: only listed providers are public. */
  listed: number;
  /** For the related-party check of voucher orders; empty when unknown. */
  legal_representative?: string;
  /** Lowercased name and short name, for substring search. */
  search_text: string;
  /** Counts the provider's own edits of its profile and its center's moves (its ETag); 0 as seeded or admitted. */
  revision?: number;
  /** JSON array of the region codes it serves; '[]' as seeded. */
  regions_served?: string;
}

export interface ProviderCategoryTable {
  provider_seq: number;
  category_id: string;
}

/**
 * The hot half of a product: what searching, filtering, faceting and sorting read. Kept narrow so that scanning
 * every listed product for facet counts touches few pages; the long texts live in `product_texts`.
 */
export interface ProductTable {
  seq: number;
  id: string;
  provider_seq: number;
  provider_id: string;
  name: string;
  category_id: string;
  list_price: number;
  discount_price: number | null;
  is_free: number;
  /** What a buyer pays: 0 when free, else the discount price if any, else the list price. */
  price: number;
  /** Index of `price` in PRICE_BANDS, so that the price facet groups in index order. */
  price_band: number;
  time_limit_days: number;
  voucher_eligible: number;
  status: string;
  sold_count: number;
  rating_count: number;
  rating_average: number | null;
  /** rating_average, or -1 when unrated, so that a descending sort needs no NULLS LAST. */
  rating_sort: number;
  published_at: string | null;
  /** published_at in epoch milliseconds, 0 when never published, for sorting. */
  published_ts: number;
  /** 1 when published by an admitted provider: only listed products are public. */
  listed: number;
  /** 1 when the product serves the whole province: it matches every region and has no coverage rows. */
  province_wide: number;
  /** Category, voucher, free, price band and province-wide packed into one integer (search/facet-key.ts). */
  facet_key: number;
  /** The one city all the regions it serves lie in; null when province-wide or spread over several cities. */
  city_code: string | null;
  /** Counts the provider's edits (its ETag); 0 as seeded. */
  revision?: number;
  /** Counts its publications: the version in product_versions the catalog shows; 0 while never published. */
  version?: number;
  /** When the provider last changed it; null as seeded. */
  updated_at?: string | null;
}

/** The cold half of a product: the five publics' texts, read only for the rows of a page. */
export interface ProductTextTable {
  product_seq: number;
  summary: string;
  function: string;
  /** JSON array of `{ title, description }`. */
  process: string;
  standard: string;
  fee_note: string;
  suitable_for: string;
  /** JSON array of region codes served. */
  region_codes: string;
}

/** Lowercased name, provider name, category name and summary: confirms a phrase match after the n-gram lookup. */
export interface ProductSearchTable {
  seq: number;
  text: string;
}

/**
 * The region index of products that do not serve the whole province: one row per region a product counts as
 * serving (the regions it names, their cities, and their counties), carrying copies of the product's filter columns
 * so that the region facet is counted from this table alone. `seq` is the product's.
 */
export interface ProductCoverageTable {
  region_code: string;
  seq: number;
  listed: number;
  category_id: string;
  voucher_eligible: number;
  is_free: number;
  price: number;
  rating_sort: number;
  provider_id: string;
}

/** The n-gram index: one row per term and product, with the weight of the best field the term occurs in. */
export interface ProductTermTable {
  term: string;
  product_seq: number;
  weight: number;
}

/** Listed products per region and facet key (search/facet-counts.ts). */
export interface FacetCountTable {
  region_code: string;
  facet_key: number;
  n: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface UserTable {
  id: string;
  name: string;
  role: 'enterprise' | 'provider' | 'admin';
  organization: string;
  /** An administrator's region: a city, or the province for all of them. */
  region_code: string | null;
  enterprise_id: string | null;
  provider_id: string | null;
  /** Order of the demo sign-in list. */
  position: number;
  /** A center account's level (admin, staff, viewer); null for enterprises and providers. */
  staff_role: Generated<StaffRole | null>;
  /** 0 once a center deactivated the account: its tokens are refused. */
  active: Generated<number>;
  /** The count of the account's edits by its center (the ETag of `If-Match`). */
  revision: Generated<number>;
  /** The mobile a center invited the person by. */
  mobile: Generated<string | null>;
  /** Where the notification sender mails the user (0024); null: the user is told in the app only. */
  email: Generated<string | null>;
  /** The language the user is written to in (0024); null: zh-CN. */
  locale: Generated<MailLocale | null>;
}

export type MailLocale = 'zh-CN' | 'zh-HK' | 'en';

export type StaffRole = 'admin' | 'staff' | 'viewer';

export interface DemandTable {
  seq: Generated<number>;
  id: string;
  tracking_no: string;
  uscc: string;
  enterprise_name: string;
  contact_name: string;
  contact_phone: string;
  /** HMAC of the phone number, compared in constant time by the public lookup. */
  phone_hash: string;
  region_code: string;
  /** The city the region lies in (itself for a city); null for the province. */
  city_code: string | null;
  category_id: string;
  product_id: string | null;
  title: string;
  description: string;
  /** Budget in fen; null when negotiable. */
  budget_fen: number | null;
  expected_by: string | null;
  status: string;
  reject_reason: string | null;
  submitted_at: string;
  submitted_ts: number;
  updated_at: string;
  /** 1 when the enterprise agreed to give its contact to the matched providers (0028). */
  contact_shared: Generated<number>;
  /** When the center must have accepted it, counted from the submission or the last transfer (0028). */
  accept_by_ts: number | null;
  /** When the center must have matched it first, counted as accept_by_ts is (0028). */
  first_match_by_ts: number | null;
}

/** A provider (and product) a center proposed for a demand (0028); the demand's `matches`. */
export interface DemandProposalTable {
  id: string;
  demand_seq: number;
  provider_id: string;
  product_id: string | null;
  note: string | null;
  proposed_at: string;
  proposed_ts: number;
  /** The staff member's user id; null for the matches made before 0028. */
  proposed_by: string | null;
  /** 0 to 4: its place among the demand's proposals. */
  position: number;
}

/** A region's own deadlines for its demands, in working days (0028); the regions without one inherit. */
export interface DemandDeadlineTable {
  region_code: string;
  accept_days: number;
  first_match_days: number;
  updated_at: string;
  updated_by: string;
  /** Counts the changes, for the ETag that If-Match names. */
  revision: number;
}

export interface DemandTimelineTable {
  seq: Generated<number>;
  demand_seq: number;
  status: string;
  at: string;
  actor: 'submitter' | 'center' | 'provider';
  note: string | null;
  /** 'transferred' for a transfer to another center (0028); null for a move of the status. */
  kind: Generated<string | null>;
  to_region: Generated<string | null>;
  /** The engagement the step created or closed the demand with (0029). */
  engagement_id: Generated<string | null>;
}

/** The first answer to an idempotent write, replayed to its retries for 24 hours. */
/** A rate limit's count of one client (route group + address) in its current window. */
export interface RateLimitCounterTable {
  key: string;
  /** When the window began: its first request (epoch ms). */
  window_started_ts: number;
  hits: number;
}

export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  body_hash: string;
  /** 'pending' while the first request runs, then 'done'. */
  status: 'pending' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_ts: number;
}

/** A center's event; counts are kept on the row so that capacity is enforced by one conditional UPDATE. */
export interface EventTable {
  seq: Generated<number>;
  id: string;
  type: 'matching' | 'training' | 'policyBriefing' | 'expertClinic';
  title: string;
  description: string;
  organizer_name: string;
  organizer_region_code: string;
  region_code: string;
  /** The city the event is in; null for a province-wide event. */
  city_code: string | null;
  venue: string | null;
  online_url: string | null;
  starts_at: string;
  starts_ts: number;
  ends_at: string;
  ends_ts: number;
  registration_opens_at: string;
  opens_ts: number;
  registration_closes_at: string;
  closes_ts: number;
  capacity: number;
  /** Confirmed registrations; never above capacity (a CHECK constraint). */
  registered_count: number;
  waitlist_count: number;
  /** The last waitlist number drawn. */
  waitlist_seq: number;
  waitlist: number;
  /** JSON array of category ids. */
  category_ids: string;
  /** 'draft' until published (unseen by the public); 'scheduled' once published. */
  status: 'draft' | 'scheduled' | 'cancelled';
  updated_at: string;
  cancel_reason: Generated<string | null>;
  /** The staff member who created it; null for the seed's. */
  created_by: Generated<string | null>;
  /** The count of the staff's edits: the ETag of `If-Match`. */
  revision: Generated<number>;
  /** The longest the waitlist may grow; null: no cap. */
  waitlist_size: Generated<number | null>;
  /** For whom the event is. */
  audience: Generated<string | null>;
}

export interface RegistrationTable {
  seq: Generated<number>;
  id: string;
  event_seq: number;
  event_id: string;
  enterprise_id: string;
  enterprise_name: string;
  user_id: string;
  attendee_name: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'attended';
  /** Arrival order on the waitlist; the position is the rank among the event's waitlisted registrations. */
  waitlist_seq: number | null;
  created_at: string;
  created_ts: number;
  updated_at: string;
  /** The code the enterprise shows at check-in. */
  code: string;
  attended_at: Generated<string | null>;
}

/** A rating of a delivered engagement; one per engagement (a unique index). */
export interface RatingTable {
  seq: Generated<number>;
  id: string;
  engagement_id: string;
  enterprise_id: string;
  /** The enterprise's region and city (null for the province), for the administrators of a region. */
  region_code: string;
  city_code: string | null;
  provider_id: string;
  product_id: string;
  product_name: string;
  attitude: number;
  expertise: number;
  conduct: number;
  fulfilment: number;
  quality: number;
  value: number;
  usefulness: number;
  after_sales: number;
  score: number;
  grade: 'A' | 'B' | 'C' | 'D';
  level: 'verySatisfied' | 'satisfied' | 'neutral' | 'dissatisfied' | 'veryDissatisfied';
  solved: number;
  comment: string;
  /** What the public sees of the enterprise, e.g. '佛山某科技有限公司'. */
  enterprise_label: string;
  created_at: string;
  created_ts: number;
}

/** The follow-up of a rating in the two lowest levels. */
export interface FollowUpTable {
  seq: Generated<number>;
  id: string;
  rating_seq: number;
  status: 'open' | 'answered' | 'reopened' | 'closed';
  opened_at: string;
  /** The last day to answer (YYYY-MM-DD, Asia/Shanghai). */
  due_on: string;
  reopened_at: string | null;
  reopen_reason: string | null;
  /** 0 or 1: an enterprise may reopen once (a CHECK constraint). */
  reopen_count: number;
  updated_at: string;
  /** The center it was escalated to, last (null: the rating's own region's); set by migration 0026. */
  escalated_to: string | null;
}

/** What a center did with a follow-up: a note, an escalation to the level above, its close as resolved. */
export interface FollowUpActionTable {
  seq: Generated<number>;
  follow_up_seq: number;
  kind: 'note' | 'escalation' | 'resolution';
  text: string;
  actor_user_id: string;
  actor_name: string;
  actor_region_code: string;
  /** The center an escalation hands it to; null for the other kinds (a CHECK constraint). */
  to_region_code: string | null;
  at: string;
}

export interface FollowUpAnswerTable {
  seq: Generated<number>;
  follow_up_seq: number;
  text: string;
  at: string;
}

/** The ratings of one provider or product, kept by relative updates in the same transaction as each rating. */
export interface RatingStatsTable {
  subject_id: string;
  count: number;
  score_sum: number;
  very_satisfied: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  very_dissatisfied: number;
}

/** An enterprise's profile: what voucher eligibility and the related-party check read. */
export interface EnterpriseTable {
  id: string;
  uscc: string;
  name: string;
  /** `unknown` for an enterprise first known from a sign-in, until the center records it (`auth/enterprise-profile.ts`). */
  size: 'micro' | 'small' | 'medium' | 'unknown';
  industry: string;
  region_code: string;
  /** The city the region lies in (itself for a city). */
  city_code: string | null;
  founded_on: string;
  employees: number;
  /** JSON array of EnterpriseTag. */
  tags: string;
  legal_representative: string;
}

/** A batch of service vouchers; `remaining` is decremented by one conditional UPDATE per claim. */
export interface VoucherBatchTable {
  seq: Generated<number>;
  id: string;
  name: string;
  year: number;
  issuer_name: string;
  issuer_region_code: string;
  code_prefix: string;
  face_value: number;
  quota: number;
  /** Never below 0 nor above quota (a CHECK constraint). */
  remaining: number;
  claim_opens_at: string;
  opens_ts: number;
  claim_closes_at: string;
  closes_ts: number;
  /** JSON arrays: EnterpriseSize, EnterpriseTag, region codes, category ids. */
  sizes: string;
  tags: string;
  region_codes: string;
  category_ids: string;
  annual_cap: number;
  max_coverage: number;
  use_within_days: number;
  settle_by: string;
  settle_ts: number;
  updated_at: string;
  /** The issuing center's: a draft is not public; the batches seeded before 0022 are open. */
  status: Generated<'draft' | 'open' | 'paused' | 'closed'>;
  /** The staff member who created it through the API; null for a seeded batch. */
  created_by: Generated<string | null>;
  /** Counts the center's changes and moves (its ETag); claims change `remaining`, not this. */
  revision: Generated<number>;
}

export interface VoucherTable {
  seq: Generated<number>;
  id: string;
  code: string;
  batch_seq: number;
  batch_id: string;
  enterprise_id: string;
  face_value: number;
  status: 'issued' | 'ordered' | 'confirmed' | 'delivered' | 'settled' | 'expired' | 'withdrawn' | 'revoked';
  claimed_at: string;
  claimed_ts: number;
  use_by: string;
  use_by_ts: number;
  settle_by: string;
  engagement_id: string | null;
  year: number;
  updated_at: string;
}

export type ActorRole = 'enterprise' | 'provider' | 'admin' | 'system';

export interface VoucherHistoryTable {
  seq: Generated<number>;
  voucher_seq: number;
  status: VoucherTable['status'];
  at: string;
  actor_role: ActorRole;
  actor_name: string;
  note: string | null;
}

export interface EngagementTable {
  seq: Generated<number>;
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  enterprise_region_code: string;
  provider_id: string;
  provider_name: string;
  product_id: string;
  product_name: string;
  category_id: string;
  voucher_id: string | null;
  contract_amount: number;
  voucher_amount: number;
  self_paid: number;
  status: 'ordered' | 'confirmed' | 'inProgress' | 'delivered' | 'closed' | 'cancelled';
  accepted_at: string | null;
  rating_id: string | null;
  created_at: string;
  created_ts: number;
  updated_at: string;
  /** The product's version as ordered (product_versions); null when ordered before versions were kept. */
  product_version?: number | null;
  /** Why the center last refused to settle it; null once the provider added proof since, or never refused. */
  settlement_refusal?: string | null;
  /** 'free' when the product was free (公益) as ordered: the amounts are then 0 (0029); 'paid' otherwise. */
  price_kind: Generated<'paid' | 'free'>;
  /** The demand the engagement serves, when it came from an accepted proposal (0029). */
  demand_id: Generated<string | null>;
  demand_proposal_id: Generated<string | null>;
}

/** A file the provider attached to an engagement: its contract, or a proof of delivery. */
export interface EngagementProofTable {
  engagement_seq: number;
  file_id: string;
  kind: 'contract' | 'proof';
  added_at: string;
}

export interface EngagementTimelineTable {
  seq: Generated<number>;
  engagement_seq: number;
  status: EngagementTable['status'];
  at: string;
  actor_role: ActorRole;
  actor_name: string;
  note: string | null;
}

/** A policy of the library (政策宣贯); dates are YYYY-MM-DD, `effective_until` the last day it applies. */
export interface PolicyTable {
  seq: number;
  id: string;
  title: string;
  issuer: string;
  doc_number: string;
  published_on: string;
  effective_from: string;
  effective_until: string | null;
  region_code: string;
  /** JSON array of category ids. */
  category_ids: string;
  summary: string;
  url: string;
  /** Normalised title, issuer, document number and summary: confirms a phrase after the n-gram lookup. */
  search_text: string;
  /** A withdrawn policy leaves the public list; its reason is kept. */
  status: Generated<'published' | 'withdrawn'>;
  withdraw_reason: Generated<string | null>;
  /** The staff member who published it through the API; null for a seeded policy. */
  created_by: Generated<string | null>;
  /** Counts the center's changes (its ETag for If-Match). */
  revision: Generated<number>;
}

/** The n-gram index of the policies: one row per term and policy. */
export interface PolicyTermTable {
  term: string;
  policy_seq: number;
}

/** A file kept for a process (a licence, a proof): its bytes in the database, its key only as a hash. */
export interface FileTable {
  id: string;
  media_type: string;
  size: number;
  sha256: string;
  /** Where the bytes are: in `content`, or in the S3-compatible bucket under the file's id. */
  store: Generated<'database' | 's3'>;
  content: Buffer | null;
  /** SHA-256 (base64url) of the uploader's key. */
  key_hash: string;
  uploaded_at: string;
  uploaded_ts: number;
}

/** An application to join the network; `input` is the ProviderApplicationInput as JSON, file keys left out. */
export interface ProviderApplicationTable {
  seq: Generated<number>;
  id: string;
  application_no: string;
  uscc: string;
  name: string;
  region_code: string;
  phone_hash: string;
  status: string;
  input: string;
  submitted_at: string;
  submitted_ts: number;
  updated_at: string;
  /** SHA-256 (base64url) of the applicant's resume key; null for an application made before resume keys. */
  resume_key_hash: string | null;
  /** The reviewer's ChangeNote[] as JSON while changes are requested. */
  change_notes: string | null;
  /** The staff user who made the last center transition. */
  reviewed_by: string | null;
  notice_ends_ts: number | null;
  notice_ends_on: string | null;
  /** The provider the application became once admitted. */
  provider_id: string | null;
}

/** An objection filed during an application's public notice (migration 0015). */
export interface ApplicationObjectionTable {
  seq: Generated<number>;
  id: string;
  application_seq: number;
  name: string;
  /** HMAC of the objector's mobile (`phoneHash`); the mobile itself is never kept. */
  phone_hash: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  decided_note: string | null;
  /** The staff user who decided it. */
  decided_by: string | null;
  created_at: string;
  created_ts: number;
  decided_at: string | null;
  decided_ts: number | null;
}

export interface ProviderApplicationTimelineTable {
  seq: Generated<number>;
  application_seq: number;
  status: string;
  at: string;
  actor: string;
  note: string | null;
}

export interface ProviderApplicationFileTable {
  application_seq: number;
  file_id: string;
  role: 'licence' | 'certificate';
}

/** A draft of an application to join; `input` is the ProviderApplicationDraftInput as JSON, file keys left out. */
export interface ProviderApplicationDraftTable {
  seq: Generated<number>;
  application_no: string;
  /** SHA-256 (base64url) of the resume key. */
  key_hash: string;
  input: string;
  created_at: string;
  saved_at: string;
  saved_ts: number;
  expires_ts: number;
}

export interface ProviderApplicationDraftFileTable {
  draft_seq: number;
  file_id: string;
  role: 'licence' | 'certificate';
  name: string | null;
}

/** An expert of the expert database (服务专家库): a provider's, or a center's for its region when no provider's. */
export interface ExpertTable {
  seq: Generated<number>;
  id: string;
  name: string;
  title: string;
  years: number;
  bio: string;
  region_code: string;
  provider_id: string | null;
  /** The center (its region) that added the expert when no provider did. */
  center_region_code: string | null;
  /** 1 when shown to the public (as well as its provider being listed). */
  listed: number;
  /** Name, title, specialties' names and bio: confirms a phrase after the n-gram lookup. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface ExpertSpecialtyTable {
  expert_seq: number;
  category_id: string;
}

/** The products an expert delivers: always its provider's. */
export interface ExpertProductTable {
  expert_seq: number;
  product_id: string;
}

/** The n-gram index of the experts (search/ngrams.ts): one row per term and expert. */
export interface ExpertTermTable {
  term: string;
  expert_seq: number;
}

/** The experts an expert clinic names, in the organiser's order. */
export interface EventExpertTable {
  event_seq: number;
  expert_seq: number;
  position: number;
}

export interface Database {
  regions: RegionTable;
  categories: CategoryTable;
  providers: ProviderTable;
  provider_categories: ProviderCategoryTable;
  products: ProductTable;
  product_texts: ProductTextTable;
  product_search: ProductSearchTable;
  product_coverage: ProductCoverageTable;
  product_terms: ProductTermTable;
  facet_counts: FacetCountTable;
  meta: MetaTable;
  users: UserTable;
  demands: DemandTable;
  demand_timeline: DemandTimelineTable;
  demand_proposals: DemandProposalTable;
  demand_deadlines: DemandDeadlineTable;
  idempotency_keys: IdempotencyKeyTable;
  rate_limit_counters: RateLimitCounterTable;
  events: EventTable;
  registrations: RegistrationTable;
  enterprises: EnterpriseTable;
  voucher_batches: VoucherBatchTable;
  vouchers: VoucherTable;
  voucher_history: VoucherHistoryTable;
  engagements: EngagementTable;
  engagement_timeline: EngagementTimelineTable;
  ratings: RatingTable;
  follow_ups: FollowUpTable;
  follow_up_answers: FollowUpAnswerTable;
  follow_up_actions: FollowUpActionTable;
  provider_rating_stats: RatingStatsTable;
  product_rating_stats: RatingStatsTable;
  policies: PolicyTable;
  policy_terms: PolicyTermTable;
  files: FileTable;
  provider_applications: ProviderApplicationTable;
  provider_application_timeline: ProviderApplicationTimelineTable;
  provider_application_files: ProviderApplicationFileTable;
  engagement_proofs: EngagementProofTable;
  provider_application_drafts: ProviderApplicationDraftTable;
  provider_application_draft_files: ProviderApplicationDraftFileTable;
  application_objections: ApplicationObjectionTable;
  product_versions: ProductVersionTable;
  provider_timeline: ProviderTimelineTable;
  provider_changes: ProviderChangeTable;
  audit_log: AuditLogTable;
  notifications: NotificationTable;
  experts: ExpertTable;
  expert_specialties: ExpertSpecialtyTable;
  expert_products: ExpertProductTable;
  expert_terms: ExpertTermTable;
  event_experts: EventExpertTable;
  event_ratings: EventRatingTable;
  mail_notices: MailNoticeTable;
  centers: CenterTable;
  evaluation_years: EvaluationYearTable;
  target_shares: TargetShareTable;
}

/** A product as it was published: what an engagement ordered at that version shows. */
export interface ProductVersionTable {
  product_id: string;
  version: number;
  name: string;
  category_id: string;
  list_price: number;
  discount_price: number | null;
  is_free: number;
  price: number;
  fee_note: string;
  function: string;
  /** JSON array of `{ title, description }`. */
  process: string;
  standard: string;
  time_limit_days: number;
  published_at: string;
}

/** What a center did to a provider after admission, or what the provider asked of it, in order. */
export interface ProviderTimelineTable {
  seq: Generated<number>;
  provider_id: string;
  action: 'suspend' | 'reinstate' | 'remove' | 'requestChange' | 'approveChange' | 'refuseChange';
  at: string;
  reason: string | null;
  actor_user_id: string;
}

/** A change of a provider's name, credit code or legal representative, waiting for its center. */
export interface ProviderChangeTable {
  seq: Generated<number>;
  provider_id: string;
  /** JSON object of the fields asked for. */
  fields: string;
  status: 'pending' | 'approved' | 'refused';
  requested_at: string;
  decided_at: string | null;
  reason: string | null;
}

/** One staff write, as it happened; append-only (the database refuses UPDATE and DELETE). */
export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  at_ts: number;
  actor_user_id: string;
  actor_name: string;
  actor_role: string;
  center_region_code: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  request_id: string;
}

/** What the platform told a user; its text is made when read, from `kind` and `data`, in the reader's language. */
export interface NotificationTable {
  seq: Generated<number>;
  id: string;
  user_id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  /** JSON object of the facts the text needs (an event's title, a reason, a date). */
  data: string;
  created_at: string;
  created_ts: number;
  read_at: string | null;
  read_ts: number | null;
  sent_at: string | null;
  delivery: Generated<DeliveryState>;
  attempts: Generated<number>;
  next_attempt_ts: Generated<number | null>;
  last_error: Generated<string | null>;
  claimed_until_ts: Generated<number | null>;
  claim_token: Generated<string | null>;
  /** A reminder's occasion (`voucherExpiring:vch-1:usr-ent-01`), unique: written once however many sweeps see it. */
  once_key: Generated<string | null>;
}

/** Where a notification's e-mail stands (0024). */
export type DeliveryState = 'pending' | 'sent' | 'failed' | 'skipped';

/** A notice mailed to an address rather than a user (an applicant to join has no account), 0024. */
export interface MailNoticeTable {
  seq: Generated<number>;
  id: string;
  to_address: string;
  locale: MailLocale | null;
  kind: string;
  subject_type: string;
  subject_id: string;
  data: string;
  created_at: string;
  created_ts: number;
  sent_at: Generated<string | null>;
  delivery: Generated<DeliveryState>;
  attempts: Generated<number>;
  next_attempt_ts: Generated<number | null>;
  last_error: Generated<string | null>;
  claimed_until_ts: Generated<number | null>;
  claim_token: Generated<string | null>;
}

/** An attendee's rating of an event; one per attendance (a unique registration). */
export interface EventRatingTable {
  seq: Generated<number>;
  id: string;
  event_seq: number;
  registration_seq: number;
  enterprise_id: string;
  user_id: string;
  score: number;
  comment: string | null;
  created_at: string;
  created_ts: number;
}

/** One center of the three-level network per region (`ctr-<region code>`). */
export interface CenterTable {
  id: string;
  region_code: string;
  name: string;
  org_form: 'publicInstitution' | 'privateNonEnterprise' | 'enterprise';
  setup: 'established' | 'recognized' | 'designated';
  setup_document: string;
  established_on: string;
  address: string;
  phone: string;
  website: string | null;
  opening_hours: string;
  floor_area: number;
  staff_count: number;
  qualified_staff_count: number;
  own_space: number;
  revision: Generated<number>;
  updated_at: string;
}

/** The province's settings of a year's evaluation (0030): the weights, summing to 100 (a CHECK constraint). */
export interface EvaluationYearTable {
  year: number;
  weight_resources: number;
  weight_matching: number;
  weight_effect: number;
  /** The count of the province's settings of the year: the ETag of `If-Match`. */
  revision: number;
  updated_at: string;
  updated_by: string;
}

/** A city's or county's target of a year, as the province set it (0030). */
export interface TargetShareTable {
  year: number;
  region_code: string;
  providers_integrated: number;
  enterprise_services: number;
}
