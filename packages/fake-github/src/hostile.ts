import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createGzip } from "node:zlib";
import { startFakeGitHub, type FakeGitHub } from "./server.js";
import type { World } from "./world.js";

/**
 * How a hostile server misbehaves. The proxy modes forward each request to a real fake GitHub
 * and bend its answer; the others answer nothing useful at all.
 *
 * - `loop-cursor`: every connection claims a next page, always with the same cursor.
 * - `loop-fresh`: every connection claims a next page with a new cursor each time, serving page one again.
 * - `empty-pages`: every connection after the first page is empty and still claims more.
 * - `echo`: puts the caller's credentials in every field it can: error types, messages, paths, codes, headers.
 * - `endless`: a 200 JSON answer whose body never ends.
 * - `gzip-bomb`: a gzip-encoded body that decompresses without end (a few KB on the wire per hundred MB).
 * - `silent`: reads the request and never answers.
 * - `slow-loris`: sends headers, then one byte of body every 200 ms, forever.
 * - `html`: a 200 HTML page, as a proxy's login page would be.
 * - `truncated`: a 200 JSON body cut off half-way.
 * - `absurd-reset`: 403 rate limited with an `x-ratelimit-reset` centuries away and a `retry-after` of 1e300.
 * - `bad-reset`: 403 rate limited with an `x-ratelimit-reset` that is no number, and no `retry-after`.
 */
export type HostileMode =
  | "loop-cursor"
  | "loop-fresh"
  | "empty-pages"
  | "echo"
  | "endless"
  | "gzip-bomb"
  | "silent"
  | "slow-loris"
  | "html"
  | "truncated"
  | "absurd-reset"
  | "bad-reset";

/** A running hostile server. */
export interface HostileGitHub {
  /** The GraphQL endpoint, `http://127.0.0.1:PORT/graphql`. */
  url: string;
  /** HTTP requests received. */
  readonly requests: number;
  close(): Promise<void>;
}

const LOOP = "HOSTILE-LOOP";

/** Every connection object in a GraphQL answer (anything with `pageInfo`), bent by `bend`. */
function eachConnection(value: unknown, bend: (connection: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes?: unknown[] }) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) eachConnection(item, bend);
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record["pageInfo"] && typeof record["pageInfo"] === "object") bend(record as never);
    for (const child of Object.values(record)) eachConnection(child, bend);
  }
}

function forward(target: string, req: IncomingMessage, body: string): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(target);
    const out = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", authorization: req.headers.authorization ?? "" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string" && k !== "content-length") headers[k] = v;
          resolve({ status: res.statusCode ?? 500, headers, text: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    out.on("error", reject);
    out.end(body);
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Starts a misbehaving GitHub GraphQL endpoint on 127.0.0.1 (ephemeral port), for tests of what
 * a client does against proxies, broken GitHub Enterprise instances and attackers.
 */
export async function startHostileGitHub(mode: HostileMode, world: World, options: { token?: string } = {}): Promise<HostileGitHub> {
  const real: FakeGitHub | undefined = ["loop-cursor", "loop-fresh", "empty-pages", "echo"].includes(mode) ? await startFakeGitHub(world, { token: options.token ?? "fake-token" }) : undefined;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let requests = 0;
  let fresh = 0;

  const proxy = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    // A cursor this server made up means "page one again" to the real fake behind it.
    const query = body.replace(new RegExp(`, after: \\\\"${LOOP}\\d*\\\\"`, "g"), "");
    const answer = await forward(real!.url, req, query);
    let out: { data?: unknown; errors?: unknown[] };
    try {
      out = JSON.parse(answer.text) as typeof out;
    } catch {
      res.writeHead(answer.status, answer.headers).end(answer.text);
      return;
    }
    const asked = body.includes(LOOP);
    if (mode === "loop-cursor") eachConnection(out.data, (c) => void (c.pageInfo = { hasNextPage: true, endCursor: LOOP }));
    if (mode === "loop-fresh") eachConnection(out.data, (c) => void (c.pageInfo = { hasNextPage: true, endCursor: `${LOOP}${++fresh}` }));
    if (mode === "empty-pages") {
      eachConnection(out.data, (c) => {
        if (asked && Array.isArray(c.nodes)) c.nodes = [];
        c.pageInfo = { hasNextPage: true, endCursor: `${LOOP}${++fresh}` };
      });
    }
    const headers = { ...answer.headers };
    // The repository listing stays clean, so the fetch goes on to batches whose errors become dataset warnings.
    if (mode === "echo" && !body.includes("query ListRepositories")) {
      const credential = req.headers.authorization ?? "";
      const secret = credential.replace(/^\S+\s+/, "");
      const echo = (prefix: string) => `${prefix} ${credential} ${secret}`;
      // A partial answer: the first alias of a batch fails, with the credential in every field.
      const data = out.data as Record<string, unknown> | undefined;
      const alias = data ? Object.keys(data).find((k) => /^[rn]\d+$/.test(k)) : undefined;
      if (data && alias) data[alias] = null;
      out.errors = [
        ...(out.errors ?? []),
        { type: secret, message: echo("bad credentials"), path: [alias ?? secret, secret], extensions: { code: secret }, locations: [{ line: 1, column: 1 }] },
      ];
      headers["x-echo"] = secret;
      headers["x-github-request-id"] = secret;
    }
    res.writeHead(answer.status, { ...headers, "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(out));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests += 1;
    const body = await readBody(req);
    switch (mode) {
      case "silent":
        return; // never answers; the socket stays open until the client gives up
      case "endless": {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"data":{"x":"');
        const chunk = "a".repeat(64 * 1024);
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once("drain", pump);
        };
        pump();
        return;
      }
      case "gzip-bomb": {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
        const gzip = createGzip();
        gzip.pipe(res);
        gzip.write('{"data":{"x":"');
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        const pump = (): void => {
          while (!res.destroyed && gzip.write(chunk));
          if (!res.destroyed) gzip.once("drain", pump);
        };
        res.on("close", () => gzip.destroy());
        pump();
        return;
      }
      case "slow-loris": {
        res.writeHead(200, { "content-type": "application/json" });
        res.write("{");
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(" ")), 200);
        timers.add(timer);
        res.on("close", () => clearInterval(timer));
        return;
      }
      case "html": {
        const page = "<!DOCTYPE html><html><head><title>Sign in to your proxy</title></head><body>Please sign in</body></html>";
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
        return;
      }
      case "truncated": {
        const text = JSON.stringify({ data: { rateLimit: { cost: 1, remaining: 4999, resetAt: "2026-06-02T01:00:00Z" }, organization: { repositories: { nodes: [] } } } });
        res.writeHead(200, { "content-type": "application/json" }).end(text.slice(0, Math.floor(text.length / 2)));
        return;
      }
      case "absurd-reset":
        res
          .writeHead(403, { "content-type": "application/json", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "99999999999999999999", "retry-after": "1e300" })
          .end(JSON.stringify({ message: "API rate limit exceeded" }));
        return;
      case "bad-reset":
        res.writeHead(403, { "content-type": "application/json", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "tomorrow-ish" }).end(JSON.stringify({ message: "API rate limit exceeded" }));
        return;
      default:
        return proxy(req, res, body);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get requests() {
      return requests;
    },
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await real?.close();
    },
  };
}
