import { GitHubError } from "./errors.js";
import { displayUrl, urlCredentials } from "./redact.js";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** Whether a URL's host is this machine (plain http there sends nothing over a network). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname) || url.hostname.toLowerCase().endsWith(".localhost");
}

/**
 * Checks the GraphQL endpoint before any request: a URL, http(s), no credentials inside it,
 * and not plain http to another machine (the token would cross the network in clear text)
 * unless `allowInsecure`. Returns a warning line to show when plain http was allowed.
 */
export function checkEndpoint(apiUrl: string, allowInsecure = false): { warning?: string } {
  const shown = JSON.stringify(displayUrl(apiUrl));
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new GitHubError("E_GITHUB_USAGE", `GitHub endpoint ${shown} is not a valid URL (set GITHUB_GRAPHQL_URL or GITHUB_API_URL to an https:// URL)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new GitHubError("E_GITHUB_USAGE", `GitHub endpoint ${shown}: expected an https:// URL, got ${url.protocol.replace(/:$/, "")}`);
  }
  if (urlCredentials(apiUrl).length > 0) {
    throw new GitHubError("E_GITHUB_USAGE", `GitHub endpoint ${shown} has credentials written into the URL; remove them and set GITHUB_TOKEN instead`);
  }
  if (url.protocol === "http:" && !isLoopback(url)) {
    const what = `GitHub endpoint ${shown} is plain http on another machine (${url.hostname}): the token would cross the network unencrypted`;
    if (!allowInsecure) throw new GitHubError("E_GITHUB_USAGE", `${what}; use https, or pass --insecure if this network is trusted`);
    return { warning: what };
  }
  return {};
}
