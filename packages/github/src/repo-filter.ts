import { compilePattern, type SafePattern } from "@quantecon/attribution";
import { GitHubError } from "./errors.js";

/** A repository name test built from patterns; each must match the whole name (without the owner). */
export type RepoFilter = (name: string) => boolean;

function wholeName(pattern: string | RegExp, what: string): (name: string) => boolean {
  if (typeof pattern !== "string") {
    // A RegExp passed by library code is the caller's own; it keeps JavaScript's engine.
    const re = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ""));
    return (name) => re.test(name);
  }
  let compiled: SafePattern;
  try {
    compiled = compilePattern(pattern);
  } catch (error) {
    throw new GitHubError("E_GITHUB_USAGE", `${what} ${JSON.stringify(pattern)}: invalid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, "")})`);
  }
  return (name) => compiled.matchesWhole(name);
}

/** Whether any of the patterns matches a repository name in full (`test-.*` matches `test-x`, not `my-test-x`). */
export function anyOf(patterns: readonly (string | RegExp)[], what: string): RepoFilter {
  const tests = patterns.map((p) => wholeName(p, what));
  return (name) => tests.some((test) => test(name));
}
