import { createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";

/** A GitHub App the fake knows: its id, public key, and where it is installed. */
export interface FakeGitHubAppOptions {
  appId: string | number;
  /** PEM (or key object) of the app's public key: the JWT's RS256 signature is checked with it. */
  publicKey: string | KeyObject;
  /** Installation ids by account login (organization or user). */
  installations: Record<string, number>;
}

/** A REST answer. */
export interface RestAnswer {
  status: number;
  body: unknown;
}

/** The REST routes of GitHub App authentication, and the installation tokens they handed out. */
export interface AppRoutes {
  /** The answer to a REST request, or undefined when the route is not one of these. */
  handle(method: string, url: string, authorization: string | undefined): RestAnswer | undefined;
  /** Whether a bearer token is an installation token this server issued and that has not expired. */
  accepts(token: string): boolean;
  /** Tokens issued so far, by installation id. */
  readonly issued: ReadonlyMap<string, number>;
}

const base64url = (text: string): Buffer => Buffer.from(text, "base64url");

/** Checks a GitHub App JWT as GitHub does: RS256 signature, `iss` the app id, and a live `iat`/`exp` at most 10 minutes apart. */
export function checkAppJwt(jwt: string, app: FakeGitHubAppOptions, nowMs: number): string | null {
  const [head, payload, signature, ...rest] = jwt.split(".");
  if (!head || !payload || !signature || rest.length > 0) return "A JSON web token could not be decoded";
  let header: { alg?: string };
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
  try {
    header = JSON.parse(base64url(head).toString("utf8")) as typeof header;
    claims = JSON.parse(base64url(payload).toString("utf8")) as typeof claims;
  } catch {
    return "A JSON web token could not be decoded";
  }
  if (header.alg !== "RS256") return "'alg' must be RS256";
  const key = typeof app.publicKey === "string" ? createPublicKey(app.publicKey) : app.publicKey;
  if (!verify("RSA-SHA256", Buffer.from(`${head}.${payload}`), key, base64url(signature))) return "A JSON web token could not be decoded";
  if (String(claims.iss) !== String(app.appId)) return "'Issuer' claim ('iss') must be an Integer";
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.iat !== "number" || typeof claims.exp !== "number") return "'Issued at' and 'Expiration time' claims are required";
  if (claims.iat > now + 60) return "'Issued at' claim ('iat') must be an Integer representing a time in the past";
  if (claims.exp <= now) return "'Expiration time' claim ('exp') is too far in the past";
  if (claims.exp - claims.iat > 600) return "'Expiration time' claim ('exp') is too far in the future";
  return null;
}

/** GitHub App routes: `GET /orgs|users/{owner}/installation`, `GET /repos/{owner}/{repo}/installation`, `POST /app/installations/{id}/access_tokens`. */
export function appRoutes(app: FakeGitHubAppOptions, now: () => number): AppRoutes {
  const issued = new Map<string, number>();
  const expiry = new Map<string, number>();
  const byLogin = new Map(Object.entries(app.installations).map(([login, id]) => [login.toLowerCase(), id]));
  const unauthorized = (message: string): RestAnswer => ({ status: 401, body: { message, documentation_url: "https://docs.github.com/rest" } });
  const installation = (login: string): RestAnswer => {
    const id = byLogin.get(login.toLowerCase());
    if (id === undefined) return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest/apps/apps" } };
    return { status: 200, body: { id, app_id: Number(app.appId), account: { login, type: "Organization" }, target_type: "Organization", permissions: { issues: "write", contents: "read", metadata: "read" }, repository_selection: "all" } };
  };
  return {
    issued,
    accepts: (token) => issued.has(token) && (expiry.get(token) ?? 0) > now(),
    handle(method, url, authorization) {
      const path = url.split("?")[0] ?? "";
      const owner = /^\/(?:orgs|users)\/([^/]+)\/installation$/.exec(path);
      const repo = /^\/repos\/([^/]+)\/([^/]+)\/installation$/.exec(path);
      const tokens = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
      if (!(method === "GET" && (owner || repo)) && !(method === "POST" && tokens)) return undefined;
      const jwt = /^bearer\s+(.+)$/i.exec(authorization ?? "")?.[1];
      if (!jwt) return unauthorized("A JSON web token could not be decoded");
      const problem = checkAppJwt(jwt, app, now());
      if (problem) return unauthorized(problem);
      if (owner) return installation(decodeURIComponent(owner[1]!));
      if (repo) return installation(decodeURIComponent(repo[1]!));
      const id = Number(tokens![1]);
      if (![...byLogin.values()].includes(id)) return { status: 404, body: { message: "Not Found" } };
      const token = `ghs_${randomBytes(18).toString("base64url")}`;
      const expiresAt = now() + 3_600_000;
      issued.set(token, id);
      expiry.set(token, expiresAt);
      return {
        status: 201,
        body: { token, expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"), permissions: { issues: "write", contents: "read", metadata: "read" }, repository_selection: "all" },
      };
    },
  };
}
