import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { execute, parse, validate, type DocumentNode, type GraphQLError, type GraphQLFieldResolver, type GraphQLTypeResolver } from "graphql";
import type { Context, RateState, ResolverMap } from "./context.js";
import { queryCost } from "./cost.js";
import { appRoutes, type AppRoutes, type FakeGitHubAppOptions } from "./github-app.js";
import { stringifyCounts, type Fault } from "./faults.js";
import { allResolvers } from "./resolvers/index.js";
import { githubSchema } from "./schema.js";
import { WorldIndex, type SearchItem, type World } from "./world.js";

/** How the fake GitHub behaves. */
export interface FakeGitHubOptions {
  /** The token it accepts as `Authorization: Bearer TOKEN` (or `token TOKEN`). */
  token?: string;
  /** Points per hour (GitHub's default for a user token is 5,000). */
  rateLimit?: number;
  /** How many results a search reaches; GitHub stops at 1,000. */
  searchCap?: number;
  /** Extra resolvers, e.g. for types a later feature needs. */
  resolvers?: ResolverMap;
  /** The server's clock, in epoch milliseconds. */
  now?: () => number;
  /** A GitHub App whose JWTs the REST token exchange accepts; the installation tokens it hands out work like `token`. */
  app?: FakeGitHubAppOptions;
}

/** A running fake GitHub. */
export interface FakeGitHub {
  /** The GraphQL endpoint, `http://127.0.0.1:PORT/graphql`. */
  url: string;
  /** The API root, as `GITHUB_API_URL` would be. */
  apiUrl: string;
  /** HTTP requests received, faulty ones included. */
  readonly requests: number;
  /** Rate-limit points charged so far. */
  readonly points: number;
  /** Every query text received, in order. */
  readonly queries: readonly string[];
  world: WorldIndex;
  /** The GitHub App routes, when `app` was given. */
  app: AppRoutes | undefined;
  /** Injects a fault, replacing any active one; `undefined` clears it. */
  setFault(fault: Fault | undefined): void;
  /**
   * Updates a pull request or issue now, as a comment or label would, moving it in `updated:`
   * searches (also between the pages of a search that is under way).
   */
  touch(repo: string, number: number, updatedAt: string): void;
  close(): Promise<void>;
}

interface ActiveFault {
  fault: Fault;
  skip: number;
  left: number;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function formatError(error: GraphQLError): Record<string, unknown> {
  const type = error.extensions?.["type"];
  // GitHub puts the error type beside the message rather than under `extensions`.
  return { ...(type ? { type } : {}), path: error.path, locations: error.locations, message: error.message };
}

/** Starts a GitHub GraphQL API on 127.0.0.1 (ephemeral port) that runs every query against GitHub's real schema over `world`. */
export async function startFakeGitHub(world: World, options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const schema = githubSchema();
  const index = new WorldIndex(world);
  const token = options.token ?? "fake-token";
  const now = options.now ?? Date.now;
  const resolvers = allResolvers(...(options.resolvers ? [options.resolvers] : []));
  const rate: RateState = { limit: options.rateLimit ?? 5000, used: 0, resetAt: now() + 3_600_000 };
  const searchCache = new Map<string, SearchItem[]>();
  const documents = new Map<string, DocumentNode>();
  const queries: string[] = [];
  let requests = 0;
  let points = 0;
  let active: ActiveFault | undefined;
  const app = options.app ? appRoutes(options.app, now) : undefined;

  const fieldResolver: GraphQLFieldResolver<unknown, Context> = (source, args, context, info) => {
    const resolver = resolvers[info.parentType.name]?.[info.fieldName];
    if (resolver) return resolver(source, args, context, info);
    const record = source as Record<string, unknown> & { rec?: Record<string, unknown> };
    return info.fieldName in record ? record[info.fieldName] : record.rec?.[info.fieldName];
  };
  const typeResolver: GraphQLTypeResolver<unknown, Context> = (value) => (value as { __typename?: string }).__typename;

  const firing = (kinds: Fault["kind"][]): Fault | undefined => {
    if (!active || !kinds.includes(active.fault.kind)) return undefined;
    if (active.skip > 0) return undefined;
    if (active.left <= 0) return undefined;
    active.left -= 1;
    return active.fault;
  };

  const rateHeaders = (): Record<string, string> => ({
    "x-ratelimit-limit": String(rate.limit),
    "x-ratelimit-remaining": String(Math.max(0, rate.limit - rate.used)),
    "x-ratelimit-used": String(rate.used),
    "x-ratelimit-reset": String(Math.floor(rate.resetAt / 1000)),
    "x-ratelimit-resource": "graphql",
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests += 1;
    const body = await readBody(req);
    if (now() >= rate.resetAt) {
      rate.used = 0;
      rate.resetAt = now() + 3_600_000;
    }
    const fault = firing(["drop", "status", "secondary", "unauthorized", "primary", "shape"]);
    if (active && active.skip > 0) active.skip -= 1;
    const rest = app?.handle(req.method ?? "GET", req.url ?? "", req.headers.authorization);
    if (rest) return send(res, rest.status, rest.body);
    if (req.method !== "POST" || !/^\/(graphql|api\/graphql)?$/.test(req.url ?? "")) {
      return send(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/graphql" });
    }
    if (fault?.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "status") return send(res, fault.status, { message: "Server Error" });
    if (fault?.kind === "secondary") {
      return send(
        res,
        fault.status,
        { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: "https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits" },
        fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) },
      );
    }
    const auth = /^(?:bearer|token)\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (fault?.kind === "unauthorized" || !auth || (auth[1] !== token && !app?.accepts(auth[1] ?? ""))) {
      return send(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/graphql" });
    }
    let payload: { query?: unknown; variables?: unknown };
    try {
      payload = JSON.parse(body) as typeof payload;
    } catch {
      return send(res, 400, { message: "Problems parsing JSON" });
    }
    if (typeof payload.query !== "string") return send(res, 200, { errors: [{ message: "A query attribute must be specified and must be a string." }] });
    queries.push(payload.query);
    let document = documents.get(payload.query);
    if (!document) {
      try {
        document = parse(payload.query);
      } catch (error) {
        return send(res, 200, { errors: [formatError(error as GraphQLError)] });
      }
      const problems = validate(schema, document);
      if (problems.length > 0) return send(res, 200, { errors: problems.map(formatError) });
      if (documents.size > 500) documents.clear();
      documents.set(payload.query, document);
    }
    const variables = (payload.variables ?? {}) as Record<string, unknown>;
    if (fault?.kind === "primary") {
      rate.used = rate.limit;
      rate.resetAt = now() + fault.resetInSeconds * 1000;
    }
    const cost = queryCost(document, variables);
    if (rate.used + cost > rate.limit) {
      const message = { errors: [{ type: "RATE_LIMITED", message: "API rate limit already exceeded for user ID 1." }] };
      const headers = rateHeaders();
      if (fault?.kind === "primary") {
        // The fault stands for one exhausted window: the next one starts with a full budget.
        rate.used = 0;
      }
      return send(res, fault?.kind === "primary" ? (fault.status ?? 200) : 200, message, headers);
    }
    rate.used += cost;
    points += cost;
    const repoErrors = new Map<string, "NOT_FOUND" | "FORBIDDEN">();
    if (active?.fault.kind === "repoError" && active.skip === 0) repoErrors.set(active.fault.repo.toLowerCase(), active.fault.type);
    const context: Context = { world: index, cost, rate, repoErrors, searchCache, searchCap: options.searchCap ?? 1000 };
    const result = await execute({ schema, document, variableValues: variables, contextValue: context, fieldResolver, typeResolver });
    const out: { data?: unknown; errors?: unknown[] } = {};
    if (result.errors) out.errors = result.errors.map(formatError);
    if (result.data !== undefined) out.data = result.data;
    if (fault?.kind === "shape") (fault.mutate ?? ((b: { data?: unknown }) => stringifyCounts(b.data)))(out);
    send(res, 200, out, rateHeaders());
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `fake-github internal error: ${(error as Error).message}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${apiUrl}/graphql`,
    apiUrl,
    get requests() {
      return requests;
    },
    get points() {
      return points;
    },
    queries,
    world: index,
    app,
    setFault(fault) {
      active = fault ? { fault, skip: fault.after ?? 0, left: fault.times ?? 1 } : undefined;
    },
    touch(repo, number, updatedAt) {
      const entry = index.repo(repo);
      const item = entry && (index.pullRequestItem(entry, number) ?? index.issueItem(entry, number));
      if (!item) throw new Error(`fake-github: no pull request or issue ${repo}#${number} to touch`);
      item.rec.updatedAt = updatedAt;
      item.updatedMs = Date.parse(updatedAt);
      searchCache.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
