export { fetchActivity, type FetchActivityOptions, type FetchProgress } from "./fetch-activity.js";
export { resolveGitHubEnv, type GitHubEnv } from "./env.js";
export { GitHubError, type GitHubErrorCode } from "./errors.js";
export { systemClock, type Clock } from "./clock.js";
export { exampleQueries } from "./example-queries.js";
export {
  fetchWorkflowFiles,
  workflowFilesQuery,
  WORKFLOWS_FOLDER,
  type FetchWorkflowFilesOptions,
  type FetchedWorkflowFile,
  type WorkflowFetchProgress,
  type WorkflowFiles,
} from "./workflows.js";
export type { ConnectionOptions, RepoSelection } from "./source.js";
export {
  postReport,
  postKey,
  postMarker,
  readPostMarker,
  defuseMentions,
  bodyDigest,
  ISSUE_BODY_LIMIT,
  type MarkedComment,
  type PostReportOptions,
  type PostResult,
  type PostedBody,
} from "./post-issue.js";
export { appInstallationToken, normalizePrivateKey, type AppCredentials, type InstallationToken, type InstallationTokenOptions } from "./app-auth.js";
export { graphqlUrlFor } from "./env.js";
export { checkEndpoint, isLoopback } from "./endpoint.js";
export { LIMITS } from "./client.js";
export { displayUrl } from "./redact.js";
