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
  /**
   * The UTF-16 code units every match starts with, for a pattern anchored at the start with a
   * known first character (`^dependabot/`, `/^bump /i`); undefined when a match may start with
   * anything. A necessary condition only: the rule engine skips a condition set on it.
   */
  readonly firstCodes: readonly number[] | undefined;
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
function literalTest(body: string, flags: string): { test(text: string): boolean; whole(text: string): boolean; first: number[] | undefined } | undefined {
  if (/[imsuv]/.test(flags)) return undefined;
  const m = /^(\^?)((?:[^\\.^$|?*+()[\]{}]|\\[^A-Za-z0-9])*)(\$?)$/.exec(body);
  if (!m) return undefined;
  const text = (m[2] ?? "").replace(/\\(.)/g, "$1");
  const start = m[1] === "^";
  const end = m[3] === "$";
  const test = start && end ? (t: string) => t === text : start ? (t: string) => t.startsWith(text) : end ? (t: string) => t.endsWith(text) : (t: string) => t.includes(text);
  return { test, whole: (t) => t === text, first: start && text.length > 0 ? [text.charCodeAt(0)] : undefined };
}

const LITERAL_UNIT = /^(?:[^\\.^$|?*+()[\]{}]|\\[^A-Za-z0-9])/u;
const QUANTIFIER = /^[*?+{]/;
const LONE_SURROGATE = /[\ud800-\udfff]/;
// Beyond ASCII, only ſ (U+017F) and the Kelvin sign (U+212A) fold to ASCII letters (s, k) in
// RE2's case-insensitive matching (checked over every code point): any other ASCII unit
// compares by ASCII case alone.
const FOLDS_BEYOND_ASCII = /[ksKS]/;

/** A literal's unit (`\.` → `.`), or undefined for a unit a fast path should not compare. */
function unitText(unit: string, fold: boolean): string | undefined {
  const text = unit.startsWith("\\") ? unit.slice(1) : unit;
  if (LONE_SURROGATE.test(text) && text.length === 1) return undefined;
  if (fold && (text.charCodeAt(0) > 0x7f || FOLDS_BEYOND_ASCII.test(text))) return undefined;
  return fold ? text.toLowerCase() : text;
}

/**
 * The texts one of which every match must start with, for a pattern anchored at the start:
 * `^SYNC: (update|add) …` must start with `SYNC: update` or `SYNC: add`. A cheap test that spares
 * the engine most texts; it only ever stops early (a shorter start is still required), never
 * guesses. With the `i` flag the starts are lower case and compare by ASCII case. Undefined when
 * nothing useful is required.
 */
function requiredStarts(body: string, flags: string): { starts: string[]; fold: boolean } | undefined {
  if (!body.startsWith("^") || flags.includes("m")) return undefined;
  const fold = flags.includes("i");
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
    else if (c === "|" && depth === 0) return undefined;
  }
  let starts = [""];
  let rest = body.slice(1);
  scan: while (rest.length > 0) {
    const unit = LITERAL_UNIT.exec(rest)?.[0];
    if (unit !== undefined) {
      const after = rest.slice(unit.length);
      // A quantifier after a unit makes it optional or repeatable: the start ends before it.
      if (QUANTIFIER.test(after)) break;
      const text = unitText(unit, fold);
      if (text === undefined) break;
      starts = starts.map((s) => s + text);
      rest = after;
      continue;
    }
    // A group of plain alternatives, `(a|b)` or `(?:a|b)`, not quantified: one start per alternative.
    const group = /^\((?:\?:)?((?:[^\\.^$|?*+()[\]{}]|\\[^A-Za-z0-9]|\|)*)\)/u.exec(rest);
    if (!group || QUANTIFIER.test(rest.slice(group[0].length))) break;
    const alternatives = [""];
    for (const [unit] of (group[1] ?? "").matchAll(/\\[^A-Za-z0-9]|[^\\]/gu)) {
      if (unit === "|") {
        alternatives.push("");
        continue;
      }
      const text = unitText(unit, fold);
      if (text === undefined) break scan;
      alternatives[alternatives.length - 1] += text;
    }
    if (starts.length * alternatives.length > 32) break;
    starts = starts.flatMap((s) => alternatives.map((a) => s + a));
    rest = rest.slice(group[0].length);
  }
  return starts.every((s) => s.length > 0) ? { starts, fold } : undefined;
}

/** Whether `text` starts with `start`, ignoring ASCII case (`start` is lower case). */
function startsWithFolded(text: string, start: string): boolean {
  if (text.length < start.length) return false;
  for (let i = 0; i < start.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== start.charCodeAt(i)) return false;
  }
  return true;
}

// The first code units of `requiredStarts`' texts; with `fold`, an ASCII letter's both cases.
function firstCodesOf(required: { starts: string[]; fold: boolean }): number[] {
  const codes = new Set<number>();
  for (const start of required.starts) {
    const c = start.charCodeAt(0);
    codes.add(c);
    if (required.fold && c >= 97 && c <= 122) codes.add(c - 32);
  }
  return [...codes].sort((a, b) => a - b);
}

/** A test that a text starts with one of `starts`: the necessary condition of `requiredStarts`. */
function startTest(required: { starts: string[]; fold: boolean }): (text: string) => boolean {
  const { starts, fold } = required;
  const one = starts.length === 1 ? (starts[0] as string) : undefined;
  if (fold) return one !== undefined ? (t) => startsWithFolded(t, one) : (t) => starts.some((s) => startsWithFolded(t, s));
  return one !== undefined ? (t) => t.startsWith(one) : (t) => starts.some((s) => t.startsWith(s));
}

// ASCII sets of a fixed-shape pattern's units, as bitmaps over char codes 0–127. RE2's `\d`
// and `\w` are ASCII only ([0-9], [0-9A-Za-z_]), unlike some engines' Unicode classes.
const DIGIT = asciiSet((c) => c >= 48 && c <= 57);
const WORD = asciiSet((c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
function asciiSet(has: (c: number) => boolean): Uint8Array {
  const set = new Uint8Array(128);
  for (let c = 0; c < 128; c++) set[c] = has(c) ? 1 : 0;
  return set;
}

/**
 * A matcher for a pattern of one fixed shape (`^translation-sync-\d{4}-\d{2}-pr-\d+$`): anchored
 * at the start, ASCII units (a plain character, `\d`, `\w`) each once or `{n}` times, the last maybe
 * `+`, then maybe `$`. Every position has exactly one unit to match, so one scan without
 * backtracking gives the engine's answer. Undefined for any other pattern, or with flags.
 */
function fixedShape(body: string, flags: string): { test(text: string): boolean; whole(text: string): boolean; first: number[] | undefined } | undefined {
  if (flags !== "" || !body.startsWith("^")) return undefined;
  const sets: Uint8Array[] = [];
  let plusLast = false;
  let end = false;
  let i = 1;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === "$" && i === body.length - 1) {
      end = true;
      break;
    }
    // Only the last unit may repeat freely.
    if (plusLast) return undefined;
    let set: Uint8Array;
    if (c === "\\") {
      const e = body[i + 1] ?? "";
      if (e === "d") set = DIGIT;
      else if (e === "w") set = WORD;
      else if (/^[!-/:-@[-`{-~]$/.test(e)) set = asciiSet((x) => x === e.charCodeAt(0));
      else return undefined;
      i += 2;
    } else if (/^[ -~]$/.test(c) && !"\\.^$|?*+()[]{}".includes(c)) {
      set = asciiSet((x) => x === c.charCodeAt(0));
      i += 1;
    } else return undefined;
    let count = 1;
    const repeat = /^\{(\d{1,3})\}/.exec(body.slice(i));
    if (repeat) {
      count = Number(repeat[1]);
      i += repeat[0].length;
    } else if (body[i] === "+") {
      plusLast = true;
      i += 1;
    } else if ("*?{".includes(body[i] ?? "x")) return undefined;
    for (let k = 0; k < count; k++) sets.push(set);
  }
  if (sets.length === 0) return undefined;
  // Where the text stops matching the shape: the end of its match, or -1 when it has none.
  const scan = (text: string): number => {
    const n = plusLast ? sets.length - 1 : sets.length;
    if (text.length < sets.length) return -1;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c > 127 || (sets[k] as Uint8Array)[c] !== 1) return -1;
    }
    if (!plusLast) return n;
    const last = sets[n] as Uint8Array;
    let at = n;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c > 127 || last[c] !== 1) break;
      at++;
    }
    return at > n ? at : -1;
  };
  const first: number[] = [];
  for (let c = 0; c < 128; c++) if ((sets[0] as Uint8Array)[c] === 1) first.push(c);
  return {
    test: end ? (text) => scan(text) === text.length : (text) => scan(text) >= 0,
    whole: (text) => scan(text) === text.length,
    first,
  };
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
  const literal = literalTest(body, flags) ?? fixedShape(body, flags);
  const required = literal ? undefined : requiredStarts(body, flags);
  const starts = required ? startTest(required) : undefined;
  // Automation repeats its lines (one commit message per synced file): the engine's answer on
  // the text it saw last serves a repeat, as matching is a pure function of the text.
  let lastTested: string | undefined;
  let lastTest = false;
  const engineTest = (text: string): boolean => {
    if (text !== lastTested) {
      lastTest = engine.test(text);
      lastTested = text;
    }
    return lastTest;
  };
  return {
    source: body,
    flags,
    test: literal ? literal.test : starts ? (text) => starts(text) && engineTest(text) : engineTest,
    matchesWhole: literal ? literal.whole : starts ? (text) => starts(text) && engine.matches(text) : (text) => engine.matches(text),
    toString: () => printed,
    firstCodes: literal ? literal.first : required ? firstCodesOf(required) : undefined,
  };
}

// Compiled patterns by source, for the rule engine: every classify() builds its rules anew, and
// compiling on the linear-time engine costs more than a small dataset's whole matching. The
// engine's patterns are never handed out, so one object can serve every rule with that source.
const SHARED = new Map<string, SafePattern>();

/** @internal `compilePattern`, compiled once per source for the rule engine. */
export function sharedPattern(source: string): SafePattern {
  let compiled = SHARED.get(source);
  if (compiled === undefined) {
    compiled = compilePattern(source);
    // Config patterns are few; a program that makes configs without end does not grow this forever.
    if (SHARED.size >= 1024) SHARED.clear();
    SHARED.set(source, compiled);
  }
  return compiled;
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
