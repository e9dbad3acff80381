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

/**
 * A pattern that is plain text, maybe anchored (`^dependabot/`, `^deploy: $`, `Automated changes by \[x\]`):
 * most rules are, and a string comparison answers them faster than any regex engine.
 */
function literalTest(body: string, flags: string): { test(text: string): boolean; whole(text: string): boolean } | undefined {
  if (/[imsuv]/.test(flags)) return undefined;
  const m = /^(\^?)((?:[^\\.^$|?*+()[\]{}]|\\[^A-Za-z0-9])*)(\$?)$/.exec(body);
  if (!m) return undefined;
  const text = (m[2] ?? "").replace(/\\(.)/g, "$1");
  const start = m[1] === "^";
  const end = m[3] === "$";
  const test = start && end ? (t: string) => t === text : start ? (t: string) => t.startsWith(text) : end ? (t: string) => t.endsWith(text) : (t: string) => t.includes(text);
  return { test, whole: (t) => t === text };
}

/**
 * The text every match must start with, for a pattern anchored at the start (`^SYNC: (update|add) …`
 * must start with `SYNC: `): a cheap test that spares the engine most texts. "" when there is none.
 */
function requiredPrefix(body: string, flags: string): string {
  if (!body.startsWith("^") || /[im]/.test(flags)) return "";
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    // `^ab|cd` matches `cd…` too: a top-level alternative has no common start.
    else if (c === "|" && depth === 0) return "";
  }
  const run = /^\^((?:[^\\.^$|?*+()[\]{}]|\\[^A-Za-z0-9])*)/.exec(body)?.[1] ?? "";
  const units = [...run.matchAll(/\\[^A-Za-z0-9]|[^\\]/gu)].map((m) => m[0]);
  // A quantifier after the run applies to its last unit, which is then not required.
  if ("*?{+".includes(body[1 + run.length] ?? "x")) units.pop();
  return units.map((u) => (u.startsWith("\\") ? u.slice(1) : u)).join("");
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
  const literal = literalTest(body, flags);
  const prefix = literal ? "" : requiredPrefix(body, flags);
  return {
    source: body,
    flags,
    test: literal ? literal.test : prefix ? (text) => text.startsWith(prefix) && engine.test(text) : (text) => engine.test(text),
    matchesWhole: literal ? literal.whole : prefix ? (text) => text.startsWith(prefix) && engine.matches(text) : (text) => engine.matches(text),
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
