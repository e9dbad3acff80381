import type { z } from "zod";
import { GitHubError } from "./errors.js";

function formatPath(path: readonly PropertyKey[]): string {
  let out = "data";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

/** Checks a GraphQL answer against the shape the fetcher relies on; a changed field fails here, by name. */
export function checkShape<T>(queryName: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? formatPath(issue.path) : "data";
  const what = issue ? issue.message.replace(/^Invalid input: /, "") : "invalid";
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : "";
  throw new GitHubError("E_GITHUB_RESPONSE", `GitHub's answer to the ${queryName} query has an unexpected shape at ${where}: ${what}${more}; the API may have changed`);
}
