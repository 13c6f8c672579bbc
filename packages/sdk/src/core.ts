/**
 * The typed client of Guangdong's SME public service platform API without zod, for bundles that must stay small (the
 * widgets): the same API as `@smec/sdk`, but `createClient` returns responses unchecked unless given a `validate`.
 *
 * @packageDocumentation
 */
export { createClientFrom, type ResourceClasses, type ResourceName, type SmecClient } from './client.js';
export { createClient } from './create-client.js';
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
export { Health } from './resources/Health.js';
export { Regions, type RegionListParams } from './resources/Regions.js';
export { Categories } from './resources/Categories.js';
export { Providers, type ProviderAccountListParams, type ProviderListParams } from './resources/Providers.js';
export { Products, type ProductListParams } from './resources/Products.js';
export {
  Demands,
  type CreateDemandOptions,
  type DemandListParams,
  type DemandLookupParams,
} from './resources/Demands.js';
export { Demo } from './resources/Demo.js';
export {
  Events,
  eventEtag,
  type EventFeedParams,
  type EventListParams,
  type EventVersion,
  type RegisterOptions,
  type RegistrantListParams,
} from './resources/Events.js';
export { Me, type MyRegistrationListParams } from './resources/Me.js';
export { FullMe } from './resources/FullMe.js';
export { MyProducts, productEtag, type MyProductListParams, type ProductVersion } from './resources/MyProducts.js';
export { MyProvider, accountEtag, type AccountVersion } from './resources/MyProvider.js';
export {
  Vouchers,
  type VoucherBatchListParams,
  type MyVoucherListParams,
  type VoucherWriteOptions,
} from './resources/Vouchers.js';
export { Engagements, type EngagementListParams, type TransitionOptions } from './resources/Engagements.js';
export { Ratings, type RateOptions, type RatingListParams, type PublicRatingParams } from './resources/Ratings.js';
export { Policies, type PolicyListParams } from './resources/Policies.js';
export { Centers, type CenterListParams } from './resources/Centers.js';
export { Stats, type ScorecardParams } from './resources/Stats.js';
export { Evaluations, type EvaluationsParams } from './resources/Evaluations.js';
export { Targets } from './resources/Targets.js';
export { Files, type FileParams, type UploadFileOptions } from './resources/Files.js';
export {
  ProviderApplications,
  type ApplicationListParams,
  type ApplicationLookupParams,
  type CreateApplicationOptions,
  type ResumeParams,
} from './resources/ProviderApplications.js';
export { PublicNotices, type ObjectOptions, type PublicNoticeListParams } from './resources/PublicNotices.js';
export { Experts, type ExpertListParams } from './resources/Experts.js';
export { VoucherBatches, revisionEtag, type BatchVersion } from './resources/VoucherBatches.js';
export { FullEvents } from './resources/FullEvents.js';
export { FullVouchers } from './resources/FullVouchers.js';
export { FullEngagements } from './resources/FullEngagements.js';
export { FullProviders } from './resources/FullProviders.js';
export { FullDemands } from './resources/FullDemands.js';
export { FullRatings } from './resources/FullRatings.js';
export { Settlements, type SettlementListParams } from './resources/Settlements.js';
export { FullPolicies, type PolicyVersion } from './resources/FullPolicies.js';
export { FullCenters } from './resources/FullCenters.js';
export { FullTargets } from './resources/FullTargets.js';
export { MyExperts, type ExpertWriteOptions } from './resources/MyExperts.js';
export { MyNotifications, type NotificationListParams } from './resources/MyNotifications.js';
export { AuditLog, type AuditLogListParams } from './resources/AuditLog.js';
export { Staff, staffEtag, type InviteOptions, type StaffListParams, type StaffVersion } from './resources/Staff.js';
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
  ApplicationTransition,
  ChangeNote,
  Provider,
  ProviderApplicationPage,
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
  MyProduct,
  MyProductInput,
  MyProductPage,
  MyProductPatch,
  OrderedProduct,
  PendingChange,
  ProviderAccount,
  ProviderAccountPage,
  ProviderAccountPatch,
  ProviderAccountsQuery,
  AdmissionFilter,
  ProviderTimelineEntry,
  ProviderTransition,
} from '@smec/schemas';

// The applicant's side of an application to join: drafts, the resume key, resubmission.
export type {
  CreatedApplicationDraft,
  DraftFile,
  ProviderApplicationDraft,
  ProviderApplicationDraftInput,
  ProviderApplicationRevision,
  StoredApplicationDraft,
  SubmittedProviderApplication,
} from '@smec/schemas';

// The public notice of approved applicants and the objections to them.
export type {
  ApplicationObjection,
  FiledObjection,
  ObjectionInput,
  ObjectionStatus,
  PublicNotice,
  PublicNoticePage,
} from '@smec/schemas';
// The expert database (服务专家库).
export type { Expert, ExpertDetail, ExpertInput, ExpertPage, ExpertPatch, NamedRef } from '@smec/schemas';
// What the platform tells an enterprise or a provider user.
export type { Account, Notification, NotificationPage } from '@smec/schemas';
// A center's staff accounts and the audit log of their writes.
export type {
  AuditEntry,
  AuditLogPage,
  StaffInvite,
  StaffMember,
  StaffPage,
  StaffPatch,
  StaffRole,
} from '@smec/schemas';
// The settlement of voucher-paid services.
export type {
  EngagementProof,
  EngagementProofsInput,
  ProofKind,
  Settlement,
  SettlementPage,
  SettlementState,
} from '@smec/schemas';
