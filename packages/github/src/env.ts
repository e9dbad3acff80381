/** Where to reach GitHub and with what token. */
export interface GitHubEnv {
  token: string | undefined;
  apiUrl: string;
}

const set = (value: string | undefined): string | undefined => (value && value.trim() !== "" ? value.trim() : undefined);

/**
 * The GraphQL endpoint beside a REST API root. GitHub Enterprise Server serves REST at
 * `https://HOST/api/v3` (what `GITHUB_API_URL` holds in its Actions) but GraphQL at
 * `https://HOST/api/graphql`, not `/api/v3/graphql`; github.com and GHE.com serve both at one root.
 */
export function graphqlUrlFor(apiUrl: string): string {
  const root = apiUrl.replace(/\/+$/, "");
  return /\/api\/v3$/i.test(root) ? `${root.slice(0, -"/v3".length)}/graphql` : `${root}/graphql`;
}

/**
 * Token and GraphQL endpoint from the environment, so the same command runs in GitHub Actions
 * and against GitHub Enterprise Server: `GITHUB_TOKEN` or `GH_TOKEN`; `GITHUB_GRAPHQL_URL`,
 * else the GraphQL endpoint beside `GITHUB_API_URL`, else github.com.
 */
export function resolveGitHubEnv(env: Record<string, string | undefined>): GitHubEnv {
  const token = set(env["GITHUB_TOKEN"]) ?? set(env["GH_TOKEN"]);
  const graphqlUrl = set(env["GITHUB_GRAPHQL_URL"]);
  const apiUrl = set(env["GITHUB_API_URL"]);
  return {
    token,
    apiUrl: graphqlUrl ?? (apiUrl ? graphqlUrlFor(apiUrl) : "https://api.github.com/graphql"),
  };
}
