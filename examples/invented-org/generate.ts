/**
 * A seeded synthetic month of an invented organization, "Nimbus Labs", classified with no
 * config at all. It mixes people (a person named Bot, a UK maintainer at +00:00, web-editor
 * patch PRs), automation that generic signals reveal (apps, agents, a `-bot` machine user, an
 * unlinked automation identity) and automation that only behaviour reveals (a scheduled data
 * refresh and weekly translation syncs under a maintainer's token, a release workflow
 * committing as a maintainer from a runner). Every expectation is written from how the item
 * was made, never from the classifier's output.
 */
import type { Commit, Dataset, GitActor, Issue, PullRequest } from "@quantecon/attribution";

/** What the generator made an item as. */
export interface Expectation {
  class: "human" | "automation";
  channel: "human" | "machine-account" | "github-actions" | "github-app" | "personal-token";
  /** `generic`: apps, agents, names and addresses reveal it; `behaviour`: only behaviour does. */
  category: "human" | "generic" | "behaviour";
  scenario: string;
}

export interface InventedOrg {
  dataset: Dataset;
  expected: Record<string, Expectation>;
}

// mulberry32: small, fast, and the same everywhere.
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const ORG = "nimbus-labs";
const REPOS = ["cloudkit", "cloudkit-docs", "nimbus-cli", "telemetry", "website", "sdk-python", "sdk-js", "datasets", "infra", "design-system"].map((r) => `${ORG}/${r}`);

const VERBS = ["Fix", "Add", "Refactor", "Document", "Speed up", "Simplify", "Handle", "Remove", "Rename", "Test", "Support", "Clarify", "Guard against", "Cache", "Validate", "Log", "Port", "Split", "Inline", "Deprecate"];
const OBJECTS = ["retry logic", "config loader", "pagination", "error messages", "the upload path", "token refresh", "CSV export", "the install guide", "dark mode", "flaky timeout test", "locale fallback", "the CLI help", "batch writer", "schema migration docs", "S3 credentials", "rate limiter", "plot legend", "empty responses", "unicode filenames", "the release notes"];
const TAILS = ["", "", "", " for large files", " on Windows", " in the SDK", " when offline", " (closes a long-standing bug)", " after review", " in CI"];

interface Person {
  login: string;
  name: string;
  email: string;
  offset: string;
}

const people: Person[] = [
  { login: "dkovacs", name: "Dora Kovacs", email: "dora@nimbus.dev", offset: "+02:00" },
  { login: "rpatel", name: "Ravi Patel", email: "ravi.patel@example.in", offset: "+05:30" },
  { login: "mjones-uk", name: "Megan Jones", email: "megan@example.co.uk", offset: "+00:00" },
  { login: "tnguyen", name: "Thanh Nguyen", email: "thanh@example.vn", offset: "+07:00" },
  { login: "sam-bot", name: "Sam Bot", email: "sam.bot@example.fr", offset: "+01:00" },
  { login: "lgarcia", name: "Lucia Garcia", email: "lucia@example.es", offset: "+02:00" },
  { login: "bwilliams", name: "Ben Williams", email: "ben@example.com", offset: "-05:00" },
  { login: "akimura", name: "Aiko Kimura", email: "aiko@example.jp", offset: "+09:00" },
  { login: "olsen-j", name: "Jonas Olsen", email: "jonas@example.no", offset: "+02:00" },
  { login: "cbrown", name: "Chloe Brown", email: "chloe@example.ca", offset: "-07:00" },
  { login: "ebotha", name: "Eben Botha", email: "eben@example.za", offset: "+02:00" },
  { login: "fmuller", name: "Felix Müller", email: "felix@example.de", offset: "+02:00" },
];

/** The invented org's month, from a seed (the default is the one the tests and scorer use). */
export function generateInventedOrg(seed = 20260501): InventedOrg {
  const r = rng(seed);
  const pullRequests: PullRequest[] = [];
  const commits: Commit[] = [];
  const issues: Issue[] = [];
  const expected: Record<string, Expectation> = {};
  let oidSerial = 0;
  const numbers = new Map<string, number>();
  const nextNumber = (repo: string) => {
    const n = (numbers.get(repo) ?? 100) + 1;
    numbers.set(repo, n);
    return n;
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  const MONTH = Date.UTC(2026, 4, 1);
  const DAY = 86_400_000;
  const MIN = 60_000;
  const git = (p: Person): GitActor => ({ login: p.login, name: p.name, email: p.email });
  const web: GitActor = { login: "web-flow", name: "GitHub", email: "noreply@github.com" };
  const human = (scenario: string): Expectation => ({ class: "human", channel: "human", category: "human", scenario });
  const auto = (channel: Expectation["channel"], category: Expectation["category"], scenario: string): Expectation => ({ class: "automation", channel, category, scenario });
  const handTitle = () => `${r.pick(VERBS)} ${r.pick(OBJECTS)}${r.pick(TAILS)}`;

  function addPr(repo: string, author: string | null, title: string, at: number, extra: Partial<PullRequest>, want: Expectation): PullRequest {
    const number = nextNumber(repo);
    const pr: PullRequest = {
      repo, number, url: `https://github.com/${repo}/pull/${number}`, title, body: "", author, createdAt: iso(at), updatedAt: iso(at + 3 * 3600_000),
      closedAt: iso(at + 3 * 3600_000), mergedAt: iso(at + 3 * 3600_000), mergedBy: "dkovacs", state: "MERGED", isDraft: false, headRef: `feature-${number}`,
      baseRef: "main", headRepo: repo, labels: [], assignees: [], additions: r.int(1, 300), deletions: r.int(0, 100), changedFiles: r.int(1, 12), reviews: [], ...extra,
    };
    pullRequests.push(pr);
    expected[`${repo}#${number}`] = want;
    pr.reviews.forEach((review, i) => {
      expected[`${repo}#${number}/review/${i}`] = review.author === "copilot-pull-request-reviewer" ? auto("github-app", "generic", "ai-review") : human("review");
    });
    return pr;
  }

  function addCommit(repo: string, message: string, author: GitActor, at: number, extra: Partial<Commit>, want: Expectation): Commit {
    const oid = (++oidSerial).toString(16).padStart(8, "0").repeat(5);
    const c: Commit = {
      repo, oid, url: `https://github.com/${repo}/commit/${oid}`, message, authoredAt: iso(at), committedAt: iso(at), author, committer: author,
      parents: 1, committedViaWeb: false, pullRequest: null, ...extra,
    };
    commits.push(c);
    expected[`${repo}@${oid}`] = want;
    return c;
  }

  const reviewers = (author: string) => [{ author: r.pick(people.filter((p) => p.login !== author)).login, state: "APPROVED" as const, submittedAt: iso(MONTH + DAY) }];

  // People: varied hand-written PRs, their squash commits, direct commits at their own offset.
  for (const p of people) {
    const prs = r.int(4, 9);
    for (let i = 0; i < prs; i++) {
      const repo = r.pick(REPOS);
      const at = MONTH + r.int(0, 29) * DAY + r.int(7 * 60, 19 * 60) * MIN;
      const title = handTitle();
      const reviews = [...reviewers(p.login), ...(r.chance(0.2) ? [{ author: "copilot-pull-request-reviewer", state: "COMMENTED" as const, submittedAt: iso(at + 600_000) }] : [])];
      const pr = addPr(repo, p.login, title, at, { body: r.chance(0.5) ? `${title}.\n\nSee the discussion in #${r.int(10, 99)}.` : "", headRef: `${p.login}/${title.toLowerCase().replace(/[^a-z]+/g, "-").slice(0, 30)}`, reviews }, human("human-pr"));
      addCommit(repo, `${title} (#${pr.number})`, git(p), at + 3 * 3600_000, { committer: web, committedViaWeb: true, pullRequest: pr.number, authorOffset: "+00:00" }, human("human-pr/squash"));
    }
    const direct = r.int(5, 14);
    for (let i = 0; i < direct; i++) {
      const at = MONTH + r.int(0, 29) * DAY + r.int(8 * 60, 22 * 60) * MIN;
      const trailer = r.chance(0.1) ? "\n\nCo-authored-by: Claude <noreply@anthropic.com>" : "";
      addCommit(r.pick(REPOS), `${handTitle()}${trailer}`, git(p), at, { authorOffset: p.offset, committerOffset: p.offset }, human("human-commit"));
    }
    for (let i = 0; i < r.int(0, 3); i++) {
      const number = nextNumber(REPOS[0] as string);
      const repo = REPOS[0] as string;
      issues.push({ repo, number, url: `https://github.com/${repo}/issues/${number}`, title: `${r.pick(OBJECTS)} ${r.pick(["is broken", "is slow", "needs docs", "fails on Windows"])}`, body: "Steps to reproduce…", author: p.login, createdAt: iso(MONTH + r.int(0, 29) * DAY), updatedAt: iso(MONTH + 29 * DAY), closedAt: null, state: "OPEN", labels: [] });
      expected[`${repo}#${number}`] = human("human-issue");
    }
  }
  // Web-editor edits: alike titles on `<login>-patch-N` branches, still a person's.
  for (let i = 1; i <= 4; i++) {
    const file = r.pick(["README.md", "CONTRIBUTING.md", "docs/install.md", "docs/faq.md"]);
    const at = MONTH + (3 + 6 * i) * DAY + (9 * 60 + i) * MIN;
    addPr("nimbus-labs/website", "lgarcia", `Update ${file}`, at, { headRef: `lgarcia-patch-${i}`, body: "" }, human("web-edit-series"));
  }

  // Generic: Dependabot PRs and their commits.
  for (let i = 0; i < 10; i++) {
    const repo = r.pick(REPOS);
    const dep = r.pick(["requests", "pytest", "lodash", "actions/checkout", "numpy", "vite"]);
    const from = `${r.int(1, 5)}.${r.int(0, 9)}.${r.int(0, 9)}`;
    const title = `Bump ${dep} from ${from} to ${from.replace(/\d+$/, (d) => String(Number(d) + 1))}`;
    const at = MONTH + r.int(0, 29) * DAY + r.int(0, 1439) * MIN;
    const pr = addPr(repo, "dependabot", title, at, { headRef: `dependabot/pip/${dep}-${i}`, body: "Bumps …\n\n---\nupdated-dependencies:\n- dependency-name: x" }, auto("github-app", "generic", "dependabot"));
    addCommit(repo, `${title} (#${pr.number})`, { login: null, name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com" }, at + 3600_000, { committer: web, committedViaWeb: true, pullRequest: pr.number, authorOffset: "+00:00" }, auto("github-app", "generic", "dependabot/squash"));
  }
  // Generic: github-actions deploys and pre-commit.ci.
  for (let i = 0; i < 12; i++) {
    addCommit("nimbus-labs/website", `Deploying to gh-pages from @ nimbus-labs/website@${(0xabcdef0 + i * 7919).toString(16)} 🚀`, { login: null, name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" }, MONTH + i * 2 * DAY + 3600_000, { authorOffset: "+00:00" }, auto("github-actions", "generic", "gh-pages-deploy"));
  }
  for (let i = 0; i < 4; i++) {
    const repo = REPOS[5] as string;
    const pr = addPr(repo, "pre-commit-ci", "[pre-commit.ci] pre-commit autoupdate", MONTH + (i * 7 + 1) * DAY + 17 * 60 * MIN, { headRef: "pre-commit-ci-update-config" }, auto("github-app", "generic", "pre-commit-ci"));
    addCommit(repo, `[pre-commit.ci] pre-commit autoupdate (#${pr.number})`, { login: null, name: "pre-commit-ci[bot]", email: "66853113+pre-commit-ci[bot]@users.noreply.github.com" }, MONTH + (i * 7 + 1) * DAY + 18 * 60 * MIN, { committer: web, committedViaWeb: true, pullRequest: pr.number }, auto("github-app", "generic", "pre-commit-ci/squash"));
  }
  // Generic: a `-bot` machine user bumping versions across repositories.
  for (let i = 0; i < 8; i++) {
    const repo = REPOS[i % REPOS.length] as string;
    const version = `3.${i + 2}.0`;
    addPr(repo, "nimbus-release-bot", `chore(release): bump cloudkit to ${version}`, MONTH + (i * 3 + 2) * DAY + (2 * 60 + r.int(0, 20)) * MIN, { headRef: `release-bot/cloudkit-${version}`, body: "Automated release bump." }, auto("machine-account", "generic", "machine-user-bumps"));
  }
  // Generic: the Copilot coding agent, assigned by a person; its squash commit under the agent's address.
  for (let i = 0; i < 3; i++) {
    const repo = REPOS[2] as string;
    const at = MONTH + (i * 9 + 4) * DAY + 10 * 60 * MIN;
    const pr = addPr(repo, "copilot-swe-agent", `Add ${r.pick(["--json flag", "retry backoff", "config validation"])} to the CLI`, at, { headRef: `copilot/task-${i}`, assignees: ["rpatel"], body: "<!-- START COPILOT CODING AGENT SUFFIX -->" }, auto("github-app", "generic", "copilot-agent"));
    addCommit(repo, `${pr.title} (#${pr.number})\n\n* Initial plan\n\nCo-authored-by: rpatel <2233445+rpatel@users.noreply.github.com>`, { login: "Copilot", name: "Copilot", email: "198982749+Copilot@users.noreply.github.com" }, at + 2 * 3600_000, { committer: web, committedViaWeb: true, pullRequest: pr.number }, auto("github-app", "generic", "copilot-agent/squash"));
  }
  // Generic: an unlinked automation identity's nightly commits.
  for (let i = 0; i < 20; i++) {
    addCommit("nimbus-labs/datasets", `Nightly index rebuild ${iso(MONTH + i * DAY).slice(0, 10)}`, { login: null, name: "Nimbus Automation", email: "automation@nimbus.dev" }, MONTH + i * DAY + (1 * 60 + r.int(0, 9)) * MIN, { authorOffset: "+00:00" }, auto("machine-account", "generic", "unlinked-automation-identity"));
  }

  // Behaviour only: a scheduled data refresh under dkovacs's token (daily, same hour, same body).
  const dora = people[0] as Person;
  for (let d = 0; d < 24; d++) {
    const at = MONTH + d * DAY + (4 * 60 + 10 + r.int(0, 25)) * MIN;
    const date = iso(MONTH + d * DAY).slice(0, 10);
    const repo = "nimbus-labs/datasets";
    const pr = addPr(repo, "dkovacs", `Refresh usage snapshot ${date}`, at, { headRef: `snapshot/${date}`, body: "Scheduled refresh of the usage snapshot.\n\nGenerated by the snapshot workflow.", mergedBy: "dkovacs" }, auto("personal-token", "behaviour", "token-series/data-refresh"));
    addCommit(repo, `Refresh usage snapshot ${date} (#${pr.number})`, git(dora), at + 20 * MIN, { committer: web, committedViaWeb: true, pullRequest: pr.number }, auto("personal-token", "behaviour", "token-series/data-refresh/squash"));
  }
  // Behaviour only: weekly translation syncs per language, Mondays early morning.
  for (const lang of ["fr", "es", "ja"]) {
    for (let w = 0; w < 4; w++) {
      const at = MONTH + (3 + 7 * w) * DAY + (5 * 60 + 30 + r.int(0, 15)) * MIN;
      addPr("nimbus-labs/cloudkit-docs", "dkovacs", `Sync ${lang} translations (week ${19 + w})`, at, { headRef: `i18n-sync/${lang}-w${19 + w}`, body: `Translations for ${lang} pulled from the translation service.` }, auto("personal-token", "behaviour", "token-series/translation-sync"));
    }
  }
  // Behaviour only: a release workflow committing bump and lock-file as fmuller from a runner.
  const felix = people[11] as Person;
  for (const [i, version] of ["0.9.0", "0.9.1", "0.10.0"].entries()) {
    const at = MONTH + (6 + 9 * i) * DAY + (13 * 60 + 4) * MIN + r.int(0, 50) * 1000;
    addCommit("nimbus-labs/sdk-js", `chore: release v${version}`, git(felix), at, { authorOffset: "+00:00", committerOffset: "+00:00" }, auto("github-actions", "behaviour", "runner-release/bump"));
    addCommit("nimbus-labs/sdk-js", "chore: update package-lock.json", git(felix), at + 9000, { authorOffset: "+00:00", committerOffset: "+00:00" }, auto("github-actions", "behaviour", "runner-release/lockfile"));
  }

  const actors: Dataset["actors"] = [
    ...people.map((p) => ({ login: p.login, type: "User" as const, name: p.name })),
    { login: "nimbus-release-bot", type: "User", name: null },
    { login: "dependabot", type: "Bot", name: null },
    { login: "pre-commit-ci", type: "Bot", name: null },
    { login: "copilot-swe-agent", type: "Bot", name: null },
    { login: "Copilot", type: "User", name: null },
    { login: "copilot-pull-request-reviewer", type: "Bot", name: null },
  ];
  const dataset: Dataset = {
    schema: "qe-activity/v1", generatedAt: "2026-06-01T00:00:00Z", source: { kind: "synthetic", org: ORG },
    window: { from: iso(MONTH), to: iso(Date.UTC(2026, 5, 1)), timeZone: "UTC" },
    repos: REPOS.map((name) => ({ name, defaultBranch: "main", isArchived: false, isFork: false })), actors, pullRequests, commits, issues,
  };
  return { dataset, expected };
}
