import { createAppAuth } from "@octokit/auth-app";
import { request as octokitRequest } from "@octokit/request";
import { LIMITS } from "./client.js";
import { GitHubError } from "./errors.js";
import { boundedFetch } from "./transport.js";

/** A GitHub App's credentials, as a workflow passes them. */
export interface AppCredentials {
  appId: string;
  /** The app's private key, PEM; `\n` escapes (a key pasted on one line) are read as line breaks. */
  privateKey: string;
  /** The installation to act as; looked up from `owner` (and `repo`) when absent. */
  installationId?: string | number;
}

/** Where the installation is and how to reach GitHub's REST API. */
export interface InstallationTokenOptions {
  /** The organization or user the app is installed on. */
  owner: string;
  /** A repository of `owner` the token must reach; looks the installation up through it when given. */
  repo?: string;
  /** REST API root (`GITHUB_API_URL`); github.com's by default. */
  restUrl?: string;
  /** Options for `@octokit/request`, e.g. `{ fetch }`. */
  request?: Record<string, unknown>;
}

/** An installation access token and what it is for. */
export interface InstallationToken {
  token: string;
  installationId: number;
  expiresAt: string;
}

/** Normalizes a PEM key pasted into a secret: `\n` escapes, CRLF, stray spaces around it. */
export function normalizePrivateKey(key: string): string {
  return key.trim().replace(/\\n/g, "\n").replace(/\r\n/g, "\n");
}

function failure(what: string, error: unknown): GitHubError {
  const status = (error as { status?: number }).status;
  // Never the error's own text: a request error can quote the JWT it sent.
  const hint =
    status === 401
      ? "GitHub rejected the app's JSON Web Token (401): check app-id and private-key"
      : status === 404
        ? "not found (404): is the app installed there?"
        : status === undefined
          ? /key|PEM|asn1|decoder/i.test((error as Error).message ?? "")
            ? "the private key could not be read: paste the app's whole .pem file, BEGIN and END lines included"
            : "could not reach GitHub"
          : `GitHub answered ${status}`;
  return new GitHubError("E_GITHUB_AUTH", `GitHub App ${what}: ${hint}`, status === undefined ? {} : { status });
}

/**
 * Exchanges a GitHub App's credentials for an installation access token (valid for an hour):
 * signs a JSON Web Token with the private key, finds the installation on `owner` (or `repo`)
 * unless its id is given, and asks GitHub for the installation's token.
 */
export async function appInstallationToken(credentials: AppCredentials, options: InstallationTokenOptions): Promise<InstallationToken> {
  const appId = String(credentials.appId).trim();
  if (!/^\d+$/.test(appId) && !/^Iv[0-9a-z.]+$/i.test(appId)) throw new GitHubError("E_GITHUB_USAGE", `app-id ${JSON.stringify(appId)}: expected the app's numeric id (or its client id)`);
  const privateKey = normalizePrivateKey(credentials.privateKey);
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) {
    throw new GitHubError("E_GITHUB_USAGE", "private-key: expected the app's PEM private key (-----BEGIN RSA PRIVATE KEY----- ...)");
  }
  const base = (options.request?.["fetch"] as typeof fetch | undefined) ?? globalThis.fetch;
  const fetch = boundedFetch(base, () => ({ timeoutMs: LIMITS.requestTimeoutMs, maxBytes: LIMITS.maxResponseBytes }));
  const request = octokitRequest.defaults({ baseUrl: (options.restUrl ?? "https://api.github.com").replace(/\/+$/, ""), request: { ...options.request, fetch } });
  const auth = createAppAuth({ appId, privateKey, request });

  let installationId = credentials.installationId === undefined || credentials.installationId === "" ? undefined : Number(credentials.installationId);
  if (installationId !== undefined && !(Number.isInteger(installationId) && installationId > 0)) {
    throw new GitHubError("E_GITHUB_USAGE", `installation-id ${JSON.stringify(String(credentials.installationId))}: expected a positive whole number`);
  }
  if (installationId === undefined) {
    let jwt: string;
    try {
      jwt = (await auth({ type: "app" })).token;
    } catch (error) {
      throw failure("sign-in", error);
    }
    const route = options.repo ? `GET /repos/{owner}/{repo}/installation` : `GET /orgs/{owner}/installation`;
    try {
      const found = await request(route, { owner: options.owner, repo: options.repo ?? "", headers: { authorization: `bearer ${jwt}` } });
      installationId = (found.data as { id: number }).id;
    } catch (error) {
      throw failure(`installation on ${options.repo ? `${options.owner}/${options.repo}` : options.owner}`, error);
    }
  }
  try {
    const token = await auth({ type: "installation", installationId });
    return { token: token.token, installationId, expiresAt: token.expiresAt };
  } catch (error) {
    throw failure(`token for installation ${installationId}`, error);
  }
}
