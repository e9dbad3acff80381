import { compilePattern } from "@quantecon/attribution";
import { GitHubError } from "./errors.js";

/** A repository name test built from patterns; each must match the whole name (without the owner). */
export type RepoFilter = (name: string) => boolean;

function anchored(pattern: string | RegExp, what: string): RegExp {
  let re: RegExp;
  try {
    re = typeof pattern === "string" ? compilePattern(pattern) : pattern;
  } catch (error) {
    throw new GitHubError("E_GITHUB_USAGE", `${what} ${JSON.stringify(String(pattern))}: invalid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, "")})`);
  }
  return new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, ""));
}

/** Whether any of the patterns matches a repository name in full (`test-.*` matches `test-x`, not `my-test-x`). */
export function anyOf(patterns: readonly (string | RegExp)[], what: string): RepoFilter {
  const res = patterns.map((p) => anchored(p, what));
  return (name) => res.some((re) => re.test(name));
}
