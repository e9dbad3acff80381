import { RE2JS } from "re2js";

/**
 * A compiled config or rule pattern. Matching runs on RE2JS, a linear-time engine: a title or
 * message written by a stranger cannot make a pattern such as `(a+)+$` backtrack for minutes.
 */
export interface SafePattern {
  /** The expression without slashes or flags, as written. */
  readonly source: string;
  /** The JavaScript flags written after `/…/` (`g` and `y` dropped), e.g. `i`. */
  readonly flags: string;
  /** Whether the pattern matches anywhere in `text` (as `RegExp.prototype.test`). */
  test(text: string): boolean;
  /** Whether the pattern matches the whole of `text`. */
  matchesWhole(text: string): boolean;
  /** `/source/flags`, as a RegExp prints itself: evidence lines show this. */
  toString(): string;
}

const LITERAL = /^\/(.*)\/([dgimsuvy]*)$/s;

function parts(source: string): { body: string; flags: string } {
  const literal = LITERAL.exec(source);
  if (literal) return { body: literal[1] ?? "", flags: (literal[2] ?? "").replace(/[gy]/g, "") };
  return { body: source, flags: "" };
}

function re2Flags(flags: string): number {
  let out = 0;
  if (flags.includes("i")) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes("s")) out |= RE2JS.DOTALL;
  if (flags.includes("m")) out |= RE2JS.MULTILINE;
  return out;
}

/** Thrown when a pattern is valid JavaScript but needs backtracking (lookaround, backreferences). */
class UnsupportedPattern extends SyntaxError {}

/**
 * Patterns in config and rules are strings: `text` is a case-sensitive regular expression,
 * `/text/flags` carries its own flags (`/^bump /i`). One parser serves validation and matching.
 * Throws a SyntaxError for a pattern JavaScript rejects or the linear-time engine cannot run.
 */
export function compilePattern(source: string): SafePattern {
  const { body, flags } = parts(source);
  // JavaScript's parser first: its messages are the ones users know, and `/…/` must stay valid JS.
  const native = new RegExp(body, flags);
  let engine: RE2JS;
  try {
    engine = RE2JS.compile(body, re2Flags(flags));
  } catch (error) {
    const why = (error as Error).message.replace(/^error parsing regexp: /, "");
    throw new UnsupportedPattern(
      `${why}; patterns run on a linear-time engine (RE2 syntax), which has no lookaround, backreferences or \\u escapes (write \\x{00e9})`,
    );
  }
  const printed = native.toString();
  return {
    source: body,
    flags,
    test: (text) => engine.test(text),
    matchesWhole: (text) => engine.matches(text),
    toString: () => printed,
  };
}

/** Why a pattern does not compile, or undefined when it does. */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (error) {
    if (error instanceof UnsupportedPattern) return `unsupported regular expression ${JSON.stringify(source)}: ${error.message}`;
    return `invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message.replace(/^Invalid regular expression: /, "")}`;
  }
}
