/**
 * The typed client of Guangdong's SME public service platform API without zod, for bundles that must stay small (the
 * widgets): the same API as `@smec/sdk`, but `createClient` returns responses unchecked unless given a `validate`.
 *
 * @packageDocumentation
 */
export { createClient, type SmecClient } from './client.js';
export type {
  CallOptions,
  ClientOptions,
  RequestOptions,
  ResponseSchema,
  ResponseValidator,
  SchemaName,
  SchemaOutput,
  SmecLocale,
  TokenProvider,
  ValidationResult,
} from './http.js';
export type { RetryOptions } from './retry.js';
export type { QueryParams, QueryValue } from './query.js';
export { PagePromise, type Page, type PageFetcher } from './pagination.js';
export { createIdempotencyKey } from './idempotency.js';
export type { Health } from './resources/Health.js';
export type { Regions, RegionListParams } from './resources/Regions.js';
export type { Categories } from './resources/Categories.js';
export type { Providers, ProviderListParams } from './resources/Providers.js';
export type { Products, ProductListParams } from './resources/Products.js';
export type { Demands, CreateDemandOptions, DemandListParams, DemandLookupParams } from './resources/Demands.js';
export type { Demo } from './resources/Demo.js';
export type { Events, EventFeedParams, EventListParams, RegisterOptions } from './resources/Events.js';
export type { Me, MyRegistrationListParams } from './resources/Me.js';
export type {
  Vouchers,
  VoucherBatchListParams,
  MyVoucherListParams,
  VoucherWriteOptions,
} from './resources/Vouchers.js';
export type { Engagements, EngagementListParams, TransitionOptions } from './resources/Engagements.js';
export type { Ratings, RateOptions, RatingListParams, PublicRatingParams } from './resources/Ratings.js';
export type { Policies, PolicyListParams } from './resources/Policies.js';
export type { Stats, ScorecardParams } from './resources/Stats.js';
export * from './errors/index.js';

// The data types users handle, so they need not depend on @smec/schemas themselves.
export type {
  Admission,
  CategoryId,
  CategoryList,
  Demand,
  DemandBudget,
  DemandInput,
  DemandMatch,
  DemandPage,
  DemandStatus,
  DemandStatusView,
  DemandTimelineEntry,
  DemandTransition,
  DemoToken,
  DemoUser,
  DemoUserList,
  EventType,
  MyRegistration,
  MyRegistrationPage,
  Registration,
  RegistrationInput,
  RegistrationStatus,
  Role,
  ServiceEvent,
  ServiceEventPage,
  FacetCount,
  Fee,
  FieldError,
  Health as HealthStatus,
  OrgType,
  PriceBandCount,
  Problem,
  ProcessStep,
  ProductFacets,
  ProductPage,
  ProductSort,
  ProductStatus,
  Provider,
  ProviderPage,
  ProviderSort,
  ProviderSummary,
  RatingSummary,
  Rating,
  RatingInput,
  RatingPage,
  RatingScores,
  SatisfactionLevel,
  Grade,
  FollowUp,
  FollowUpAnswer,
  FollowUpStatus,
  PublicRating,
  PublicRatingPage,
  RatingDistribution,
  Region,
  RegionLevel,
  RegionList,
  ServiceCategory,
  ServiceProduct,
  ServiceProductDetail,
  Actor,
  BatchClaimState,
  Engagement,
  EngagementAction,
  EngagementPage,
  EngagementStatus,
  EngagementTimelineEntry,
  EngagementTransition,
  EnterpriseSize,
  EnterpriseTag,
  Voucher,
  VoucherBatch,
  VoucherBatchPage,
  VoucherHistoryEntry,
  VoucherPage,
  VoucherQuote,
  VoucherStatus,
  VoucherUseInput,
} from '@smec/schemas';
