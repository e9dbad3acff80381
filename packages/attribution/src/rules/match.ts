import type { Match, Rule } from "../config.js";
import { normalizeLogin } from "../known-accounts.js";
import { sharedPattern } from "../pattern.js";
import type { Evidence } from "../verdict.js";
import type { Subject } from "./subject.js";
import type { Interner, ListCursor } from "../intern.js";

type Test = (subject: Subject) => Evidence | undefined;

const list = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);

/**
 * Characters of each field a pattern scans. Patterns are linear-time, but a million-character
 * commit message times thirty rules is still work nobody asked for. GitHub caps a PR or issue body
 * at 65,536 characters and a title at 256; git names, emails and branches are short in practice.
 */
export const SCAN_LIMITS: Readonly<Record<string, number>> = {
  repo: 512,
  author: 512,
  branch: 1024,
  "base-branch": 1024,
  title: 4096,
  body: 65_536,
  message: 65_536,
  trailer: 4096,
  "git-identity": 1024,
};

// A field's limit, read once per compiled test rather than per item.
const scanLimit = (signal: string): number => SCAN_LIMITS[signal] ?? 4096;

/*
 * Evidence lines name the rule, the signal and the pattern that held, not the item's own text
 * (the item carries that): so each line is one shared object however many items match it.
 */
function textTest(rule: string, signal: string, read: (s: Subject) => string | undefined, sources: string | readonly string[], interner: Interner): Test {
  const checks = list(sources).map((source) => {
    const re = sharedPattern(source);
    return { re, evidence: interner.evidence(rule, signal, `${signal} matches ${re}`) };
  });
  const limit = scanLimit(signal);
  return (s) => {
    const text = read(s);
    if (text === undefined) return undefined;
    const scanned = text.length > limit ? text.slice(0, limit) : text;
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i] as (typeof checks)[number];
      if (check.re.test(scanned)) return check.evidence;
    }
    return undefined;
  };
}

function listTest(rule: string, signal: string, read: (s: Subject) => readonly (string | null)[] | undefined, sources: string | readonly string[], what: string, interner: Interner): Test {
  const checks = list(sources).map((source) => {
    const re = sharedPattern(source);
    return { re, evidence: interner.evidence(rule, signal, `${what} matches ${re}`) };
  });
  const limit = scanLimit(signal);
  // Indexed loops on this per-item path: no iterator, and no empty list for a missing field.
  return (s) => {
    const values = read(s);
    if (values === undefined) return undefined;
    for (let v = 0; v < values.length; v++) {
      const value = values[v] as string | null;
      if (value === null) continue;
      const scanned = value.length > limit ? value.slice(0, limit) : value;
      for (let i = 0; i < checks.length; i++) {
        const check = checks[i] as (typeof checks)[number];
        if (check.re.test(scanned)) return check.evidence;
      }
    }
    return undefined;
  };
}

function loginTest(rule: string, signal: string, read: (s: Subject) => string | null | undefined, logins: string | readonly string[], interner: Interner): Test {
  const wanted = new Map(list(logins).map((l) => [normalizeLogin(l), interner.evidence(rule, signal, `${signal} is ${normalizeLogin(l)}`)]));
  return (s) => {
    const login = read(s);
    return login ? wanted.get(normalizeLogin(login)) : undefined;
  };
}

/** Text fields a gate can read: each is a string (or missing) on the subject. */
type GateField = "repo" | "branch" | "baseBranch" | "title" | "body" | "message";

/**
 * A necessary condition of a condition set, checked before any of its tests: the first code
 * unit of one field must be one its anchored pattern can start with. Most items fail most sets
 * on their first character, and this check costs one load and one comparison.
 */
interface Gate {
  field: GateField;
  codes: readonly number[];
}

// A gate from a text condition: every pattern of it anchored with a known first character.
function gateOf(field: GateField, sources: string | readonly string[]): Gate | undefined {
  const codes = new Set<number>();
  for (const source of list(sources)) {
    const first = sharedPattern(source).firstCodes;
    if (first === undefined) return undefined;
    for (const c of first) codes.add(c);
  }
  return codes.size > 0 && codes.size <= 8 ? { field, codes: [...codes] } : undefined;
}

// The set's first gate in a fixed field order: title, message, branch, body, base branch, repo.
function gateOfMatch(match: Match): Gate | undefined {
  const fields: [GateField, string | readonly string[] | undefined][] = [
    ["title", match.title], ["message", match.message], ["branch", match.branch], ["body", match.body], ["baseBranch", match.baseBranch], ["repo", match.repo],
  ];
  for (const [field, sources] of fields) {
    const gate = sources === undefined ? undefined : gateOf(field, sources);
    if (gate) return gate;
  }
  return undefined;
}

function compileMatch(rule: string, match: Match, interner: Interner): Test[] {
  const tests: Test[] = [];
  if (match.repo) tests.push(textTest(rule, "repo", (s) => s.repo, match.repo, interner));
  if (match.author) {
    const wanted = new Map(list(match.author).map((l) => [normalizeLogin(l), interner.evidence(rule, "author", `author is ${normalizeLogin(l)}`)]));
    tests.push((s) => (s.authorKey === null ? undefined : wanted.get(s.authorKey)));
  }
  if (match.authorPattern) tests.push(textTest(rule, "author", (s) => s.author ?? undefined, match.authorPattern, interner));
  if (match.authorType) {
    const type = match.authorType;
    const evidence = interner.evidence(rule, "author-type", `author type is ${type}`);
    tests.push((s) => (s.authorType === type ? evidence : undefined));
  }
  if (match.branch) tests.push(textTest(rule, "branch", (s) => s.branch, match.branch, interner));
  if (match.baseBranch) tests.push(textTest(rule, "base-branch", (s) => s.baseBranch, match.baseBranch, interner));
  if (match.title) tests.push(textTest(rule, "title", (s) => s.title, match.title, interner));
  if (match.body) tests.push(textTest(rule, "body", (s) => s.body, match.body, interner));
  if (match.labels) {
    const wanted = new Map(match.labels.map((l) => [l.toLowerCase(), interner.evidence(rule, "label", `label "${l}"`)]));
    tests.push((s) => {
      for (const label of s.labels ?? []) {
        const hit = wanted.get(label.toLowerCase());
        if (hit) return hit;
      }
      return undefined;
    });
  }
  if (match.message) tests.push(textTest(rule, "message", (s) => s.message, match.message, interner));
  if (match.trailer) tests.push(listTest(rule, "trailer", (s) => s.trailers, match.trailer, "a trailer", interner));
  if (match.gitName) tests.push(listTest(rule, "git-identity", (s) => s.gitNames, match.gitName, "git name", interner));
  if (match.gitEmail) tests.push(listTest(rule, "git-identity", (s) => s.gitEmails, match.gitEmail, "git email", interner));
  if (match.committer) tests.push(loginTest(rule, "committer", (s) => s.committer, match.committer, interner));
  return tests;
}

/** A rule ready to run: extends the evidence with the first condition set that holds, or undefined. */
export interface CompiledRule {
  rule: Rule;
  test(subject: Subject, at: ListCursor): ListCursor | undefined;
}

/** Compiles a rule's patterns once, so classifying a million items compiles nothing. */
export function compileRule(rule: Rule, interner: Interner): CompiledRule {
  const matches = list(rule.match);
  const sets = matches.map((m) => compileMatch(rule.id, m, interner));
  const gates = matches.map(gateOfMatch);
  return {
    rule,
    test(subject, start) {
      for (let s = 0; s < sets.length; s++) {
        const gate = gates[s];
        if (gate !== undefined) {
          const text = subject[gate.field];
          if (text === undefined || !gate.codes.includes(text.charCodeAt(0))) continue;
        }
        const tests = sets[s] as Test[];
        let at: ListCursor | undefined = start;
        for (let t = 0; t < tests.length; t++) {
          const line = (tests[t] as Test)(subject);
          if (line === undefined) {
            at = undefined;
            break;
          }
          at = interner.extend(at, line);
        }
        if (at) return at;
      }
      return undefined;
    },
  };
}
