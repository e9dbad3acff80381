/** When a fault fires: after letting `after` requests through, for `times` requests (default 1). */
export interface FaultTiming {
  after?: number;
  times?: number;
}

/** A failure the fake can inject, one per GitHub failure mode the fetcher must survive or report. */
export type Fault = FaultTiming &
  (
    | { kind: "status"; status: number }
    | { kind: "drop" }
    | { kind: "secondary"; status: 403 | 429; retryAfter?: number }
    | { kind: "primary"; resetInSeconds: number; status?: 200 | 403 }
    | { kind: "unauthorized" }
    | { kind: "repoError"; repo: string; type: "NOT_FOUND" | "FORBIDDEN" }
    | { kind: "shape"; mutate?: (body: { data?: unknown }) => void }
  );

/** The default changed shape: every count arrives as a string, as if GitHub changed the field's type. */
export function stringifyCounts(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stringifyCounts(item);
  } else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      if ((key === "totalCount" || key === "issueCount") && typeof child === "number") record[key] = String(child);
      else stringifyCounts(child);
    }
  }
}
