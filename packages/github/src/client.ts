import { graphql as octokitGraphql, GraphqlResponseError } from "@octokit/graphql";
import type { z } from "zod";
import { backoff, formatDuration, type Clock } from "./clock.js";
import { GitHubError } from "./errors.js";
import { displayUrl, Redactor, urlCredentials } from "./redact.js";
import { checkShape } from "./response-shape.js";
import { boundedFetch, TransportError, type AttemptLimits } from "./transport.js";

/** One entry of a GraphQL answer's `errors`, as GitHub writes it. */
export interface GraphQLErrorItem {
  type?: string;
  message: string;
  path?: (string | number)[];
}

/** An answer: data (possibly partial) and the errors that came with it. */
export interface QueryResult<T> {
  data: T;
  errors: GraphQLErrorItem[];
}

/** How the client reaches GitHub and how patient it is. */
export interface ClientOptions {
  token: string;
  apiUrl: string;
  org: string;
  clock: Clock;
  random: () => number;
  /** Longest single wait for a rate limit to lift, in milliseconds. */
  maxWaitMs: number;
  /** Attempts after the first for 5xx answers, dropped connections and secondary limits. */
  maxRetries: number;
  /** Milliseconds one attempt may take, headers and body (default `LIMITS.requestTimeoutMs`). */
  requestTimeoutMs?: number;
  /** Milliseconds one query may spend on failed attempts and their backoff, rate-limit waits aside (default `LIMITS.retryDeadlineMs`). */
  retryDeadlineMs?: number;
  /** Bytes of one decoded answer (default `LIMITS.maxResponseBytes`). */
  maxResponseBytes?: number;
  signal?: AbortSignal;
  /** Options for `@octokit/request`, e.g. `{ fetch }`. */
  request?: Record<string, unknown>;
  onWait?: (wait: { ms: number; reason: string }) => void;
}

/**
 * The client's bounds, chosen for a 400-repository organization on github.com: GitHub ends a
 * GraphQL query itself after about 10 s and its largest answers here (300 commits with their
 * PRs, 25 repositories' workflow files) are a few MB; so an attempt gets 40 s, an answer 64 MB,
 * and one query 100 s of failed attempts and backoff, which ends a silent server in under 2 minutes.
 */
export const LIMITS = { requestTimeoutMs: 40_000, retryDeadlineMs: 100_000, maxResponseBytes: 64 * 1024 * 1024 } as const;

/** The longest rate-limit reset or retry-after taken at face value; larger values are a broken server's. */
const MAX_SANE_WAIT_MS = 24 * 3_600_000;

type Headers = Record<string, string | number | undefined>;

interface RequestFailure {
  name?: string;
  status?: number;
  message?: string;
  response?: { headers?: Headers; data?: unknown };
  cause?: unknown;
}

/** An instant as `2026-05-01T00:00:00Z`, or a plain phrase when it is no date at all. */
const instant = (ms: number): string => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? "an unknown time" : date.toISOString().replace(/\.\d{3}Z$/, "Z");
};

const header = (headers: Headers | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
};

const rateLimitShape = { cost: 0, remaining: 0, resetAt: "" };
type RateLimited = { rateLimit: typeof rateLimitShape };

/** Sends queries to GitHub's GraphQL API: retries, rate limits, cost accounting and response checks. */
export class GitHubClient {
  /** HTTP requests sent, retries included. */
  requests = 0;
  /** Rate-limit points GitHub charged. */
  points = 0;
  private remaining: number | undefined;
  private resetAt: number | undefined;
  private readonly send: typeof octokitGraphql;
  /** Removes the token (and any credential in the endpoint URL) from whatever leaves the client. */
  readonly redactor: Redactor;
  /** The endpoint as it may be shown: no credentials, no query. */
  readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly maxBytes: number;
  /** Milliseconds the current query has spent on failed attempts and backoff. */
  private spent = 0;

  constructor(private readonly options: ClientOptions) {
    this.redactor = new Redactor([options.token, ...urlCredentials(options.apiUrl)]);
    this.endpoint = displayUrl(options.apiUrl);
    this.timeoutMs = options.requestTimeoutMs ?? LIMITS.requestTimeoutMs;
    this.deadlineMs = options.retryDeadlineMs ?? LIMITS.retryDeadlineMs;
    this.maxBytes = options.maxResponseBytes ?? LIMITS.maxResponseBytes;
    const base = (options.request?.["fetch"] as typeof fetch | undefined) ?? globalThis.fetch;
    this.send = octokitGraphql.defaults({
      url: options.apiUrl,
      headers: { authorization: `bearer ${options.token}` },
      request: { ...options.request, fetch: boundedFetch(base, () => this.attemptLimits(), (text) => this.redactor.text(text)), ...(options.signal ? { signal: options.signal } : {}) },
    });
  }

  /** This attempt's limits: the last attempt before the retry deadline gets only what is left of it. */
  private attemptLimits(): AttemptLimits {
    return { timeoutMs: Math.min(this.timeoutMs, Math.max(1000, this.deadlineMs - this.spent)), maxBytes: this.maxBytes };
  }

  /** Runs one query, checks its answer against `schema`, and returns data with any partial errors. */
  async query<T extends RateLimited>(name: string, query: string, schema: z.ZodType<T>): Promise<QueryResult<T>> {
    let failures = 0;
    this.spent = 0;
    for (;;) {
      this.checkAborted();
      if (this.remaining === 0 && this.resetAt !== undefined && this.resetAt > this.options.clock.now()) {
        await this.waitForReset(this.resetAt);
      }
      this.requests += 1;
      let raw: unknown;
      let errors: GraphQLErrorItem[] = [];
      const started = Date.now();
      try {
        raw = await this.send(query);
      } catch (error) {
        if (error instanceof GraphqlResponseError) {
          errors = this.cleanErrors(error.errors);
          if (errors.some((e) => e.type === "RATE_LIMITED")) {
            if (failures++ >= this.options.maxRetries) throw this.stillLimited();
            await this.waitForReset(this.resetFrom(error.headers as Headers));
            continue;
          }
          if (error.data == null) {
            const message = this.redactor.line(errors.map((e) => e.message).join("; "), 1000);
            // GitHub answers a query that ran too long with data null and this message; it is worth another try.
            if (/timeout|something went wrong/i.test(message) && failures < this.options.maxRetries) {
              this.spent += Date.now() - started;
              if (!this.withinDeadline(backoff(failures, this.options.random))) throw this.deadlinePassed(name, failures, "GitHub timed out");
              await this.backOff(backoff(failures++, this.options.random), "GitHub timed out");
              continue;
            }
            throw new GitHubError("E_GITHUB_RESPONSE", `GitHub rejected the ${name} query: ${message}`);
          }
          raw = error.data;
        } else {
          this.spent += Date.now() - started;
          failures = await this.handleFailure(name, error as RequestFailure, failures);
          continue;
        }
      }
      const data = checkShape(name, schema, raw);
      this.points += data.rateLimit.cost;
      this.remaining = data.rateLimit.remaining;
      const resetAt = Date.parse(data.rateLimit.resetAt);
      this.resetAt = Math.abs(resetAt - this.options.clock.now()) <= MAX_SANE_WAIT_MS ? resetAt : undefined;
      return { data, errors };
    }
  }

  /** A server's error list made safe to keep: redacted, one line, bounded, only the fields used. */
  private cleanErrors(raw: unknown): GraphQLErrorItem[] {
    if (!Array.isArray(raw)) return [];
    return raw.slice(0, 1000).map((item: unknown) => {
      const e = (item ?? {}) as Record<string, unknown>;
      const out: GraphQLErrorItem = { message: this.redactor.line(e["message"] ?? "", 1000) };
      if (e["type"] !== undefined && e["type"] !== null) out.type = this.redactor.line(e["type"], 100);
      if (Array.isArray(e["path"])) out.path = e["path"].slice(0, 50).map((p: unknown) => (typeof p === "number" ? p : this.redactor.line(p, 200)));
      return out;
    });
  }

  private withinDeadline(pauseMs: number): boolean {
    return this.spent + pauseMs < this.deadlineMs;
  }

  private deadlinePassed(name: string, failures: number, what: string): GitHubError {
    return new GitHubError(
      "E_GITHUB_NETWORK",
      `${what}; gave up after ${failures + 1} attempts in ${formatDuration(this.spent)} (the retry deadline is ${formatDuration(this.deadlineMs)}; ${this.endpoint}); try again later`,
    );
  }

  /** A backoff pause that counts toward the query's retry deadline. */
  private async backOff(ms: number, reason: string): Promise<void> {
    this.spent += ms;
    await this.pause(ms, reason);
  }

  /** Decides what a failed request means: wait and retry (returns the new failure count), or throw. */
  private async handleFailure(name: string, error: RequestFailure, failures: number): Promise<number> {
    if (error instanceof GitHubError) throw error;
    if (error.name === "AbortError" || this.options.signal?.aborted) throw new GitHubError("E_GITHUB_ABORTED", "fetch aborted");
    const status = error.status;
    const headers = error.response?.headers;
    const message = this.redactor.line(this.describe(error));
    const giveUp = (what: string): never => {
      throw new GitHubError("E_GITHUB_NETWORK", `${what} ${failures + 1} times in a row on the ${name} query (${this.endpoint}); try again later`, status === undefined ? {} : { status });
    };
    const retry = async (what: string, reason: string): Promise<number> => {
      if (failures >= this.options.maxRetries) giveUp(what);
      const ms = backoff(failures, this.options.random);
      if (!this.withinDeadline(ms)) throw this.deadlinePassed(name, failures, what);
      await this.backOff(ms, reason);
      return failures + 1;
    };
    const cut = error.cause instanceof TransportError ? error.cause : undefined;
    if (cut) {
      const what = `GitHub's answer to the ${name} query: ${this.redactor.line(cut.message)}`;
      // Too large or not JSON comes back the same next time; a timeout or a cut-off body may not.
      if (cut.kind === "too-large" || cut.kind === "not-json") throw new GitHubError("E_GITHUB_RESPONSE", `${what} (${this.endpoint})`);
      return retry(what, cut.kind === "timeout" ? "GitHub did not answer in time" : "GitHub's answer was cut short");
    }
    if (!error.response || status === undefined) return retry(`could not reach GitHub (${message})`, `network error: ${message}`);
    if (status === 401) {
      throw new GitHubError("E_GITHUB_AUTH", `GitHub rejected the token (401): set GITHUB_TOKEN to a token with read access to ${this.options.org}`, { status });
    }
    if (status === 403 || status === 429) {
      const retryAfter = this.retryAfter(headers);
      if (header(headers, "x-ratelimit-remaining") === "0" && !Number.isFinite(retryAfter)) {
        if (failures >= this.options.maxRetries) throw this.stillLimited();
        await this.waitForReset(this.resetFrom(headers));
        return failures + 1;
      }
      if (Number.isFinite(retryAfter) || status === 429 || /secondary rate limit/i.test(message)) {
        if (failures >= this.options.maxRetries) {
          throw new GitHubError("E_GITHUB_RATE_LIMIT", `GitHub's secondary rate limit stopped the fetch ${failures + 1} times in a row; wait a few minutes and try again`, { status });
        }
        // GitHub asks for at least a minute when it gives no retry-after.
        const ms = Number.isFinite(retryAfter) ? retryAfter * 1000 : backoff(failures, this.options.random, 60_000, 600_000);
        if (ms > this.options.maxWaitMs) {
          const when = instant(this.options.clock.now() + ms);
          throw new GitHubError("E_GITHUB_RATE_LIMIT", `GitHub's secondary rate limit asks to wait ${formatDuration(ms)}, more than the allowed ${formatDuration(this.options.maxWaitMs)} (--max-wait): retry after ${when}`, { status });
        }
        await this.pause(ms, "secondary rate limit");
        return failures + 1;
      }
      throw new GitHubError("E_GITHUB_AUTH", `GitHub refused access (403: ${message}): the token needs read access to ${this.options.org}`, { status });
    }
    if (status >= 500) return retry(`GitHub answered ${status}`, `GitHub answered ${status}`);
    throw new GitHubError("E_GITHUB_RESPONSE", `GitHub answered ${status} to the ${name} query: ${message}`, { status });
  }

  private describe(error: RequestFailure): string {
    const data = error.response?.data as { message?: unknown } | undefined;
    if (data && typeof data.message === "string") return data.message;
    return error.message ?? "unknown error";
  }

  /** `retry-after` in seconds (a number or an HTTP date), NaN when absent or unusable; capped at a day so an absurd value reads as "too long". */
  private retryAfter(headers: Headers | undefined): number {
    const text = header(headers, "retry-after")?.trim() ?? "";
    if (text === "") return Number.NaN;
    const cap = MAX_SANE_WAIT_MS / 1000;
    const seconds = Number(text);
    if (!Number.isNaN(seconds)) return seconds < 0 ? Number.NaN : Math.min(seconds, cap);
    const at = Date.parse(text);
    return Number.isNaN(at) ? Number.NaN : Math.min(Math.max(0, (at - this.options.clock.now()) / 1000), cap);
  }

  /** When the primary rate limit resets: the header's epoch second; without one, what the last answer said, else a minute from now. */
  private resetFrom(headers: Headers | undefined): number {
    const text = header(headers, "x-ratelimit-reset")?.trim() ?? "";
    const now = this.options.clock.now();
    if (text === "") return this.resetAt ?? now + 60_000;
    const reset = /^\d{1,12}$/.test(text) ? Number(text) * 1000 : Number.NaN;
    if (Number.isNaN(reset) || reset - now > MAX_SANE_WAIT_MS) {
      throw new GitHubError(
        "E_GITHUB_RATE_LIMIT",
        `GitHub reports the API rate limit exhausted, but its reset time (x-ratelimit-reset: ${JSON.stringify(this.redactor.line(text, 40))}) is no usable time (${this.endpoint}); try again later`,
      );
    }
    return reset;
  }

  private stillLimited(): GitHubError {
    return new GitHubError("E_GITHUB_RATE_LIMIT", `GitHub still reports the API rate limit exhausted after ${this.options.maxRetries} waits for its reset; try again later`);
  }

  private async waitForReset(resetAt: number): Promise<void> {
    const ms = resetAt - this.options.clock.now();
    const when = instant(resetAt);
    if (ms > this.options.maxWaitMs) {
      throw new GitHubError(
        "E_GITHUB_RATE_LIMIT",
        `GitHub API rate limit exhausted; it resets at ${when} (in ${formatDuration(ms)}), later than the allowed wait of ${formatDuration(this.options.maxWaitMs)} (--max-wait): retry after ${when}`,
      );
    }
    // A second past the reset, so the first request after the wait is not refused again.
    await this.pause(Math.max(0, ms) + 1000, `rate limit exhausted until ${when}`);
    this.remaining = undefined;
  }

  private async pause(ms: number, reason: string): Promise<void> {
    this.options.onWait?.({ ms, reason });
    await this.options.clock.sleep(ms, this.options.signal);
  }

  private checkAborted(): void {
    if (this.options.signal?.aborted) throw new GitHubError("E_GITHUB_ABORTED", "fetch aborted");
  }
}
