export { fetchActivity, type FetchActivityOptions, type FetchProgress } from "./fetch-activity.js";
export { resolveGitHubEnv, type GitHubEnv } from "./env.js";
export { GitHubError, type GitHubErrorCode } from "./errors.js";
export { systemClock, type Clock } from "./clock.js";
export { exampleQueries } from "./example-queries.js";
