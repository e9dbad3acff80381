export { AttributionError, type AttributionErrorCode } from "./errors.js";
export {
  DATASET_SCHEMA_ID,
  DatasetSchema,
  RepoSchema,
  ActorSchema,
  PullRequestSchema,
  CommitSchema,
  IssueSchema,
  ReviewSchema,
  CommentSchema,
  WarningSchema,
  WindowSchema,
  parseDataset,
  safeParseDataset,
  type Dataset,
  type DatasetParseResult,
  type Repo,
  type Actor,
  type ActorType,
  type PullRequest,
  type Review,
  type Comment,
  type Commit,
  type GitActor,
  type Issue,
  type DatasetWarning,
  type Window,
} from "./dataset.js";
export {
  ConfigSchema,
  RuleSchema,
  MatchSchema,
  MachineAccountSchema,
  ITEM_TYPES,
  CHANNELS,
  BUILTIN_KINDS,
  parseConfig,
  safeParseConfig,
  defaultConfig,
  type Config,
  type ConfigInput,
  type ConfigParseResult,
  type Rule,
  type RuleInput,
  type Match,
  type MachineAccount,
  type ItemType,
  type Channel,
} from "./config.js";
export { monthWindow, weekWindow, rangeWindow, lastCompleteMonth, inWindow, windowTest, pullRequestInWindow, issueInWindow, isValidTimeZone, utcInstant } from "./windows.js";
export { compilePattern, patternProblem, type SafePattern } from "./pattern.js";
export type { Verdict, Evidence, ActorVerdict, ActorInput } from "./verdict.js";
export { classifyActor, loginPattern, normalizeLogin } from "./actor.js";
export { knownAccount, type KnownAccount } from "./known-accounts.js";
export {
  summarize,
  isAiAssisted,
  type Summary,
  type Split,
  type Totals,
  type ActivityCounts,
  type PersonSummary,
  type AutomationSummary,
  type RepoSummary,
  type TokenRunSummary,
} from "./summarize.js";
export { itemRef, commitRef, reviewRef, commentRef } from "./refs.js";
export { inDatasetOrder } from "./alignment.js";
export { CommentClassifier, commentClassifier, commentCount, pushCommentVerdicts, COMMENT_RULES } from "./comments.js";
export {
  responsiveness,
  responseTimes,
  conversationWork,
  quantile,
  median,
  hoursBetween,
  type Responsiveness,
  type ResponseTimes,
  type TypeResponsiveness,
  type ResponseStats,
  type DurationStats,
  type RepoResponsiveness,
  type ItemResponse,
  type ConversationWork,
} from "./responsiveness.js";
export { classify, Classifier, effectiveRules, type ClassifyOptions } from "./classify.js";
export { BUILTIN_RULES } from "./rules/builtin.js";
export { parseTranslationMetadata, type TranslationMetadata } from "./translation.js";
export { aiAssistance, aiCoAuthor } from "./ai-assist.js";
export { knownIdentity, knownIdentityById, noreplyParts, type KnownIdentity, type IdentityDegree } from "./identities.js";
export { evidenceSide, type EvidenceSide } from "./sides.js";
export { shapeOf, shapeHash } from "./template.js";
export { datasetJsonSchema, configJsonSchema } from "./json-schema.js";
