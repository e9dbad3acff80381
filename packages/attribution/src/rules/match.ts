import type { Match, Rule } from "../config.js";
import { normalizeLogin } from "../known-accounts.js";
import { compilePattern } from "../pattern.js";
import type { Evidence } from "../verdict.js";
import type { Subject } from "./subject.js";

type Test = (subject: Subject) => string | undefined;

const list = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);
const short = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

function anyPattern(sources: string | readonly string[]): RegExp[] {
  return list(sources).map(compilePattern);
}

// One text field against patterns: the detail names what matched, for the evidence.
function textTest(signal: string, read: (s: Subject) => string | undefined, sources: string | readonly string[]): [string, Test] {
  const res = anyPattern(sources);
  return [
    signal,
    (s) => {
      const text = read(s);
      if (text === undefined) return undefined;
      const re = res.find((r) => r.test(text));
      return re ? `${signal} ${short(text)} matches ${re}` : undefined;
    },
  ];
}

function listTest(signal: string, read: (s: Subject) => readonly string[] | undefined, sources: string | readonly string[]): [string, Test] {
  const res = anyPattern(sources);
  return [
    signal,
    (s) => {
      for (const value of read(s) ?? []) {
        const re = res.find((r) => r.test(value));
        if (re) return `${signal} ${short(value)} matches ${re}`;
      }
      return undefined;
    },
  ];
}

function loginTest(signal: string, read: (s: Subject) => string | null | undefined, logins: string | readonly string[]): [string, Test] {
  const wanted = new Set(list(logins).map(normalizeLogin));
  return [
    signal,
    (s) => {
      const login = read(s);
      return login && wanted.has(normalizeLogin(login)) ? `${signal} is ${login}` : undefined;
    },
  ];
}

function compileMatch(match: Match): Array<[string, Test]> {
  const tests: Array<[string, Test]> = [];
  if (match.repo) tests.push(textTest("repo", (s) => s.repo, match.repo));
  if (match.author) tests.push(loginTest("author", (s) => s.author, match.author));
  if (match.authorPattern) tests.push(textTest("author", (s) => s.author ?? undefined, match.authorPattern));
  if (match.authorType) {
    const type = match.authorType;
    tests.push(["author-type", (s) => (s.authorType === type ? `author type is ${type}` : undefined)]);
  }
  if (match.branch) tests.push(textTest("branch", (s) => s.branch, match.branch));
  if (match.baseBranch) tests.push(textTest("base-branch", (s) => s.baseBranch, match.baseBranch));
  if (match.title) tests.push(textTest("title", (s) => s.title, match.title));
  if (match.body) tests.push(textTest("body", (s) => s.body, match.body));
  if (match.labels) {
    const wanted = new Set(match.labels.map((l) => l.toLowerCase()));
    tests.push(["label", (s) => {
      const label = s.labels?.find((l) => wanted.has(l.toLowerCase()));
      return label === undefined ? undefined : `label "${label}"`;
    }]);
  }
  if (match.message) tests.push(textTest("message", (s) => s.message, match.message));
  if (match.trailer) tests.push(listTest("trailer", (s) => s.trailers, match.trailer));
  if (match.gitName) tests.push(listTest("git-identity", (s) => s.gitNames, match.gitName));
  if (match.gitEmail) tests.push(listTest("git-identity", (s) => s.gitEmails, match.gitEmail));
  if (match.committer) tests.push(loginTest("committer", (s) => s.committer, match.committer));
  return tests;
}

/** A rule ready to run: returns the evidence of the first condition set that holds, or undefined. */
export interface CompiledRule {
  rule: Rule;
  test(subject: Subject): Evidence[] | undefined;
}

/** Compiles a rule's patterns once, so classifying a million items compiles nothing. */
export function compileRule(rule: Rule): CompiledRule {
  const sets = list(rule.match).map(compileMatch);
  const types = new Set(rule.on);
  return {
    rule,
    test(subject) {
      if (!types.has(subject.type)) return undefined;
      for (const tests of sets) {
        const evidence: Evidence[] = [];
        for (const [signal, test] of tests) {
          const detail = test(subject);
          if (detail === undefined) break;
          evidence.push({ rule: rule.id, signal, detail });
        }
        if (evidence.length === tests.length) return evidence;
      }
      return undefined;
    },
  };
}
