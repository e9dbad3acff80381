import { graphql as octokitGraphql, GraphqlResponseError } from "@octokit/graphql";
import type { z } from "zod";
import { backoff, formatDuration, type Clock } from "./clock.js";
import { GitHubError } from "./errors.js";
import { checkShape } from "./response-shape.js";

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
  signal?: AbortSignal;
  /** Options for `@octokit/request`, e.g. `{ fetch }`. */
  request?: Record<string, unknown>;
  onWait?: (wait: { ms: number; reason: string }) => void;
}

type Headers = Record<string, string | number | undefined>;

interface RequestFailure {
  name?: string;
  status?: number;
  message?: string;
  response?: { headers?: Headers; data?: unknown };
}

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

  constructor(private readonly options: ClientOptions) {
    this.send = octokitGraphql.defaults({
      url: options.apiUrl,
      headers: { authorization: `bearer ${options.token}` },
      request: { ...options.request, ...(options.signal ? { signal: options.signal } : {}) },
    });
  }

  /** Runs one query, checks its answer against `schema`, and returns data with any partial errors. */
  async query<T extends RateLimited>(name: string, query: string, schema: z.ZodType<T>): Promise<QueryResult<T>> {
    let failures = 0;
    for (;;) {
      this.checkAborted();
      if (this.remaining === 0 && this.resetAt !== undefined && this.resetAt > this.options.clock.now()) {
        await this.waitForReset(this.resetAt);
      }
      this.requests += 1;
      let raw: unknown;
      let errors: GraphQLErrorItem[] = [];
      try {
        raw = await this.send(query);
      } catch (error) {
        if (error instanceof GraphqlResponseError) {
          errors = (error.errors ?? []) as GraphQLErrorItem[];
          if (errors.some((e) => e.type === "RATE_LIMITED")) {
            if (failures++ >= this.options.maxRetries) throw this.stillLimited();
            await this.waitForReset(this.resetFrom(error.headers as Headers));
            continue;
          }
          if (error.data == null) {
            const message = this.redact(errors.map((e) => e.message).join("; "));
            // GitHub answers a query that ran too long with data null and this message; it is worth another try.
            if (/timeout|something went wrong/i.test(message) && failures < this.options.maxRetries) {
              await this.pause(backoff(failures++, this.options.random), "GitHub timed out");
              continue;
            }
            throw new GitHubError("E_GITHUB_RESPONSE", `GitHub rejected the ${name} query: ${message}`);
          }
          raw = error.data;
        } else {
          failures = await this.handleFailure(name, error as RequestFailure, failures);
          continue;
        }
      }
      const data = checkShape(name, schema, raw);
      this.points += data.rateLimit.cost;
      this.remaining = data.rateLimit.remaining;
      this.resetAt = Date.parse(data.rateLimit.resetAt);
      return { data, errors: errors.map((e) => ({ ...e, message: this.redact(e.message) })) };
    }
  }

  /** Decides what a failed request means: wait and retry (returns the new failure count), or throw. */
  private async handleFailure(name: string, error: RequestFailure, failures: number): Promise<number> {
    if (error instanceof GitHubError) throw error;
    if (error.name === "AbortError" || this.options.signal?.aborted) throw new GitHubError("E_GITHUB_ABORTED", "fetch aborted");
    const status = error.status;
    const headers = error.response?.headers;
    const message = this.redact(this.describe(error));
    const giveUp = (what: string): never => {
      throw new GitHubError("E_GITHUB_NETWORK", `${what} ${failures + 1} times in a row on the ${name} query (${this.options.apiUrl}); try again later`, status === undefined ? {} : { status });
    };
    if (!error.response || status === undefined) {
      if (failures >= this.options.maxRetries) giveUp(`could not reach GitHub (${message})`);
      await this.pause(backoff(failures, this.options.random), `network error: ${message}`);
      return failures + 1;
    }
    if (status === 401) {
      throw new GitHubError("E_GITHUB_AUTH", `GitHub rejected the token (401): set GITHUB_TOKEN to a token with read access to ${this.options.org}`, { status });
    }
    if (status === 403 || status === 429) {
      const retryAfter = Number(header(headers, "retry-after"));
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
          const when = new Date(this.options.clock.now() + ms).toISOString().replace(/\.\d{3}Z$/, "Z");
          throw new GitHubError("E_GITHUB_RATE_LIMIT", `GitHub's secondary rate limit asks to wait ${formatDuration(ms)}, more than the allowed ${formatDuration(this.options.maxWaitMs)} (--max-wait): retry after ${when}`, { status });
        }
        await this.pause(ms, "secondary rate limit");
        return failures + 1;
      }
      throw new GitHubError("E_GITHUB_AUTH", `GitHub refused access (403: ${message}): the token needs read access to ${this.options.org}`, { status });
    }
    if (status >= 500) {
      if (failures >= this.options.maxRetries) giveUp(`GitHub answered ${status}`);
      await this.pause(backoff(failures, this.options.random), `GitHub answered ${status}`);
      return failures + 1;
    }
    throw new GitHubError("E_GITHUB_RESPONSE", `GitHub answered ${status} to the ${name} query: ${message}`, { status });
  }

  private describe(error: RequestFailure): string {
    const data = error.response?.data as { message?: unknown } | undefined;
    if (data && typeof data.message === "string") return data.message;
    return error.message ?? "unknown error";
  }

  private resetFrom(headers: Headers | undefined): number {
    const reset = Number(header(headers, "x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0) return reset * 1000;
    return this.resetAt ?? this.options.clock.now() + 60_000;
  }

  private stillLimited(): GitHubError {
    return new GitHubError("E_GITHUB_RATE_LIMIT", `GitHub still reports the API rate limit exhausted after ${this.options.maxRetries} waits for its reset; try again later`);
  }

  private async waitForReset(resetAt: number): Promise<void> {
    const ms = resetAt - this.options.clock.now();
    const when = new Date(resetAt).toISOString().replace(/\.\d{3}Z$/, "Z");
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

  /** Removes the token from any text that came back from the network. */
  private redact(text: string): string {
    return this.options.token ? text.split(this.options.token).join("[REDACTED]") : text;
  }
}
