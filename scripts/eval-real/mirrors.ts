/** Finds a repository's bare clone under a mirrors directory. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { stem } from "./labels.js";

/**
 * The git directory of `owner/name` under `dir`: `owner+name/repo` (what the search tool's
 * `fetch` writes), `owner+name.git`, or `owner+name` itself; `null` when none exists.
 */
export function findMirror(dir: string, repo: string): string | null {
  const base = join(dir, stem(repo));
  for (const candidate of [join(base, "repo"), `${base}.git`, base]) {
    if (existsSync(join(candidate, "HEAD")) && existsSync(join(candidate, "objects"))) return candidate;
  }
  return null;
}
