/**
 * The HTTP layer under `@octokit/graphql`: a `fetch` that bounds what one answer may cost.
 * Every attempt has a time limit covering headers and body (a silent server or a slow-loris
 * answer ends), a size limit counted on the decoded body (an endless or gzip-bomb answer ends),
 * and a success answer must be JSON (an HTML error page or a cut-off body is named as such).
 */

/** Why an attempt was cut short. */
export type TransportFailure = "timeout" | "too-large" | "not-json" | "cut-short";

/** A bounded attempt that failed; octokit wraps it as the `cause` of its RequestError. */
export class TransportError extends Error {
  override name = "TransportError";
  constructor(
    readonly kind: TransportFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The limits of one attempt. */
export interface AttemptLimits {
  /** Milliseconds for the whole attempt, headers and body. */
  timeoutMs: number;
  /** Bytes of decoded body accepted. */
  maxBytes: number;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10}s`;

/** The first characters of a body, on one line, for an error message. */
function preview(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 200));
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

function isJsonType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json");
}

/**
 * A `fetch` for octokit that enforces `limits()` on every call (read per attempt, so a retry
 * deadline can shorten the last one). The caller's abort signal still aborts.
 */
export function boundedFetch(base: typeof fetch, limits: () => AttemptLimits, redact: (text: string) => string = (t) => t): typeof fetch {
  return async (input, init) => {
    const { timeoutMs, maxBytes } = limits();
    const controller = new AbortController();
    const outer = init?.signal;
    const onOuterAbort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) onOuterAbort();
    outer?.addEventListener("abort", onOuterAbort, { once: true });
    let phase = "an answer";
    const timer = setTimeout(() => controller.abort(new TransportError("timeout", `no complete answer within ${seconds(timeoutMs)} (waiting for ${phase})`)), timeoutMs);
    const failure = (error: unknown): unknown => (controller.signal.reason instanceof TransportError ? controller.signal.reason : error);
    try {
      let response: Response;
      try {
        response = await base(input, { ...init, signal: controller.signal });
      } catch (error) {
        throw failure(error);
      }
      if (NULL_BODY.has(response.status) || !response.body) return response;
      const declared = Number(response.headers.get("content-length"));
      const encoded = response.headers.has("content-encoding");
      if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
        controller.abort();
        throw new TransportError("too-large", `the answer is ${megabytes(declared)}, more than the ${megabytes(maxBytes)} limit`);
      }
      phase = "the rest of the body";
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          // Counted after decompression (fetch decodes gzip and brotli), so a small bomb stops here too.
          if (size > maxBytes) {
            controller.abort();
            throw new TransportError("too-large", `the answer passed the ${megabytes(maxBytes)} limit${encoded ? " once decompressed" : ""}`);
          }
          chunks.push(value);
        }
      } catch (error) {
        throw failure(error);
      }
      const raw = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        raw.set(chunk, at);
        at += chunk.byteLength;
      }
      // The one redaction step at the boundary: a server that echoes the token in any field,
      // header or error cannot get it into a message, a warning or a dataset.
      const text = redact(new TextDecoder().decode(raw));
      const body = new TextEncoder().encode(text);
      const headers = new Headers();
      for (const [key, value] of response.headers) if (key !== "content-encoding" && key !== "content-length") headers.set(key, redact(value));
      if (response.ok) {
        if (!isJsonType(response.headers.get("content-type"))) {
          throw new TransportError("not-json", `the answer is ${headers.get("content-type") ?? "untyped"}, not JSON${size > 0 ? ` ("${preview(body)}")` : ""}; a proxy or login page may stand in front of the API`);
        }
        try {
          JSON.parse(text);
        } catch (error) {
          if (/end of JSON input|Unterminated/i.test((error as Error).message)) {
            throw new TransportError("cut-short", `the answer ends after ${size} bytes, before its JSON is complete`);
          }
          throw new TransportError("not-json", `the answer is not valid JSON ("${preview(body)}")`);
        }
      }
      return new Response(body, { status: response.status, statusText: response.statusText, headers });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    }
  };
}
