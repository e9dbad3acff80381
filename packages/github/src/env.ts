/** Where to reach GitHub and with what token. */
export interface GitHubEnv {
  token: string | undefined;
  apiUrl: string;
}

const set = (value: string | undefined): string | undefined => (value && value.trim() !== "" ? value.trim() : undefined);

/**
 * Token and GraphQL endpoint from the environment, so the same command runs in GitHub Actions
 * and against GitHub Enterprise Server: `GITHUB_TOKEN` or `GH_TOKEN`; `GITHUB_GRAPHQL_URL`,
 * else `GITHUB_API_URL` + `/graphql`, else github.com.
 */
export function resolveGitHubEnv(env: Record<string, string | undefined>): GitHubEnv {
  const token = set(env["GITHUB_TOKEN"]) ?? set(env["GH_TOKEN"]);
  const graphqlUrl = set(env["GITHUB_GRAPHQL_URL"]);
  const apiUrl = set(env["GITHUB_API_URL"]);
  return {
    token,
    apiUrl: graphqlUrl ?? (apiUrl ? `${apiUrl.replace(/\/+$/, "")}/graphql` : "https://api.github.com/graphql"),
  };
}
