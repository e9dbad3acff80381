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
export { checkEndpoint, isLoopback } from "./endpoint.js";
export { LIMITS } from "./client.js";
export { displayUrl } from "./redact.js";
