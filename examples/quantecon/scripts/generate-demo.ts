/**
 * Generates the QuantEcon demo month (`demo-2026-05.json`) and the verdict each item should get
 * (`demo-2026-05.expected.json`).
 *
 * Every expected verdict is recorded from how the generator made the item (which scenario, which
 * identity, which token), never by running the classifier, so the file can test it honestly.
 * Output is a pure function of the seed: own PRNG (mulberry32), no clock, no Math.random.
 *
 * Run: `pnpm demo:generate` (writes both files next to this folder).
 */
import { writeFileSync } from "node:fs";
import { addDemoComments } from "./demo-comments.js";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  parseDataset,
  type Channel,
  type Commit,
  type Dataset,
  type GitActor,
  type Issue,
  type PullRequest,
  type Repo,
  type Review,
} from "@quantecon/attribution";

const SEED = 0x2026_0501;
const ORG = "QuantEcon";
const GENERATED_AT = "2026-06-01T00:10:00Z";
const FROM = Date.parse("2026-05-01T00:00:00Z");
const TO = Date.parse("2026-06-01T00:00:00Z");
const GENERATED = Date.parse(GENERATED_AT);
/** translation-sync moved from mmcky's token to quantecon-services on this day. */
const MIGRATION = Date.parse("2026-05-20T00:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ACTION_VERSION = "QuantEcon/action-translation@v0.9.2";

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, good enough for fixtures, and identical on every platform. */
class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }
  hex(length: number): string {
    let out = "";
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
  /** A whole-second instant in [from, to). */
  time(from: number, to: number): number {
    return Math.floor((from + this.next() * (to - from)) / 1000) * 1000;
  }
}

/** One stream per section, so editing one scenario does not reshuffle all the others. */
function rngFor(section: string): Rng {
  let hash = 0x811c9dc5;
  for (let i = 0; i < section.length; i++) hash = Math.imul(hash ^ section.charCodeAt(i), 0x01000193);
  return new Rng((SEED ^ hash) >>> 0);
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const day = (d: number, hour = 0, minute = 0): number => Date.UTC(2026, 4, d, hour, minute);

// ---------------------------------------------------------------------------------------------
// Accounts

interface Account {
  login: string;
  type: "User" | "Bot";
  name: string | null;
  /** Database id, used only to build noreply emails. */
  id: number;
}

const ACCOUNTS: readonly Account[] = [
  // QuantEcon maintainers and research assistants
  { login: "mmcky", type: "User", name: "Matt McKay", id: 8263752 },
  { login: "jstac", type: "User", name: "John Stachurski", id: 7654398 },
  { login: "HumphreyYang", type: "User", name: "Humphrey Yang", id: 39026988 },
  { login: "Smit-create", type: "User", name: "Smit Lunagariya", id: 69166207 },
  { login: "kp992", type: "User", name: null, id: 42788765 },
  { login: "longye-tian", type: "User", name: "Longye Tian", id: 133110211 },
  { login: "nisha617", type: "User", name: null, id: 108221416 },
  { login: "xuanguang-li", type: "User", name: "Xuanguang Li", id: 152440378 },
  { login: "oyamad", type: "User", name: "Daisuke Oyama", id: 7353083 },
  { login: "thomassargent30", type: "User", name: "Thomas Sargent", id: 32289467 },
  // A research assistant whose login merely contains "bot" (comments only)
  { login: "econbot-dev", type: "User", name: null, id: 160022817 },
  // External contributors (two whose logins merely contain "bot")
  { login: "olgabot", type: "User", name: "Olga Botvinnik", id: 806256 },
  { login: "timabbott", type: "User", name: "Tim Abbott", id: 2746074 },
  { login: "s-farahani", type: "User", name: "Sara Farahani", id: 170412553 },
  { login: "lena-markov", type: "User", name: "Lena Markov", id: 91022817 },
  { login: "jcheng-phd", type: "User", name: "Jia Cheng", id: 120938117 },
  { login: "t-okafor", type: "User", name: "Tunde Okafor", id: 88123004 },
  { login: "mvarga-dev", type: "User", name: null, id: 145220981 },
  // The machine account and GitHub's web committer
  { login: "quantecon-services", type: "User", name: "QuantEcon Services", id: 181455102 },
  { login: "web-flow", type: "User", name: "GitHub Web Flow", id: 19864447 },
  // GitHub Apps: GraphQL's Bot.login, no [bot] suffix
  { login: "dependabot", type: "Bot", name: null, id: 49699333 },
  { login: "github-actions", type: "Bot", name: null, id: 41898282 },
  { login: "pre-commit-ci", type: "Bot", name: null, id: 66853113 },
  { login: "copilot-swe-agent", type: "Bot", name: null, id: 198982749 },
  { login: "Copilot", type: "Bot", name: null, id: 198982749 },
  { login: "copilot-pull-request-reviewer", type: "Bot", name: null, id: 175728472 },
];
const ACCOUNT_BY_LOGIN = new Map(ACCOUNTS.map((a) => [a.login, a]));

function account(login: string): Account {
  const found = ACCOUNT_BY_LOGIN.get(login);
  if (!found) throw new Error(`generator bug: unknown login ${login}`);
  return found;
}

const WEB_FLOW: GitActor = { login: "web-flow", name: "GitHub", email: "noreply@github.com" };
const COPILOT_GIT: GitActor = { login: "Copilot", name: "Copilot", email: "198982749+Copilot@users.noreply.github.com" };

/** The git identity GitHub writes for an account's web/squash commits. */
function gitFor(login: string): GitActor {
  const a = account(login);
  if (login === "copilot-swe-agent" || login === "Copilot") return COPILOT_GIT;
  // Commit authors link only to User accounts, so an App's commits carry its git name and no login.
  if (a.type === "Bot") return { login: null, name: `${login}[bot]`, email: `${a.id}+${login}[bot]@users.noreply.github.com` };
  return { login, name: a.name ?? login, email: `${a.id}+${login}@users.noreply.github.com` };
}

/** Who GitHub shows for a git identity: the login, else the git name. */
const gitActorName = (g: GitActor): string => g.login ?? g.name ?? g.email ?? "unknown";

// ---------------------------------------------------------------------------------------------
// Repositories

interface RepoInfo {
  name: string;
  defaultBranch: string;
  isArchived?: boolean;
  isFork?: boolean;
  /** First item number seen in the window. */
  base: number;
  mergeMethod: "squash" | "merge";
  maintainers: readonly string[];
}

const REPOS: readonly RepoInfo[] = [
  { name: "QuantEcon/lecture-python.myst", defaultBranch: "main", base: 812, mergeMethod: "squash", maintainers: ["mmcky", "jstac", "HumphreyYang"] },
  { name: "QuantEcon/lecture-python-intro", defaultBranch: "main", base: 633, mergeMethod: "squash", maintainers: ["mmcky", "jstac", "HumphreyYang"] },
  { name: "QuantEcon/lecture-python-programming.myst", defaultBranch: "main", base: 402, mergeMethod: "squash", maintainers: ["mmcky", "jstac"] },
  { name: "QuantEcon/lecture-python-advanced.myst", defaultBranch: "main", base: 287, mergeMethod: "squash", maintainers: ["mmcky", "HumphreyYang", "thomassargent30"] },
  { name: "QuantEcon/lecture-jax", defaultBranch: "main", base: 254, mergeMethod: "squash", maintainers: ["jstac", "mmcky", "kp992"] },
  { name: "QuantEcon/lecture-dp", defaultBranch: "main", base: 118, mergeMethod: "squash", maintainers: ["jstac"] },
  { name: "QuantEcon/lecture-python.zh-cn", defaultBranch: "main", base: 214, mergeMethod: "squash", maintainers: ["mmcky", "HumphreyYang"] },
  { name: "QuantEcon/lecture-python.fa", defaultBranch: "main", base: 146, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-intro.zh-cn", defaultBranch: "main", base: 121, mergeMethod: "squash", maintainers: ["mmcky", "HumphreyYang"] },
  { name: "QuantEcon/lecture-python.notebooks", defaultBranch: "main", base: 12, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-python-intro.notebooks", defaultBranch: "main", base: 8, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-python-programming.notebooks", defaultBranch: "main", base: 6, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-python-advanced.notebooks", defaultBranch: "main", base: 5, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-jax.notebooks", defaultBranch: "main", base: 4, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/QuantEcon.py", defaultBranch: "main", base: 781, mergeMethod: "merge", maintainers: ["oyamad", "mmcky", "Smit-create"] },
  { name: "QuantEcon/QuantEcon.manual", defaultBranch: "main", base: 176, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/meta", defaultBranch: "main", base: 391, mergeMethod: "squash", maintainers: ["mmcky", "jstac"] },
  { name: "QuantEcon/action-translation", defaultBranch: "main", base: 137, mergeMethod: "squash", maintainers: ["mmcky", "xuanguang-li"] },
  { name: "QuantEcon/action-style-guide", defaultBranch: "main", base: 58, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/quantecon-book-theme", defaultBranch: "main", base: 329, mergeMethod: "squash", maintainers: ["mmcky", "Smit-create"] },
  { name: "QuantEcon/continuous_time_mcs", defaultBranch: "main", base: 41, mergeMethod: "squash", maintainers: ["jstac"] },
  { name: "QuantEcon/book-networks", defaultBranch: "main", base: 77, mergeMethod: "squash", maintainers: ["jstac", "mmcky"] },
  { name: "QuantEcon/QuantEcon.jl", defaultBranch: "master", base: 330, mergeMethod: "merge", maintainers: ["oyamad"] },
  { name: "QuantEcon/quantecon.org", defaultBranch: "main", base: 212, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-tools-techniques", defaultBranch: "main", base: 95, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/sphinx-tojupyter", defaultBranch: "main", base: 88, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/workshop.notebooks", defaultBranch: "main", base: 20, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-julia.myst", defaultBranch: "main", base: 301, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-datascience.myst", defaultBranch: "main", base: 260, mergeMethod: "squash", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-source-py", defaultBranch: "master", isArchived: true, base: 1063, mergeMethod: "merge", maintainers: ["mmcky"] },
  { name: "QuantEcon/lecture-python-programming", defaultBranch: "master", isArchived: true, base: 201, mergeMethod: "merge", maintainers: ["mmcky"] },
  { name: "QuantEcon/quantecon-notebooks-python", defaultBranch: "master", isArchived: true, base: 45, mergeMethod: "merge", maintainers: ["mmcky"] },
  { name: "QuantEcon/jupyter-book", defaultBranch: "master", isFork: true, base: 1, mergeMethod: "merge", maintainers: ["mmcky"] },
];
const REPO_BY_NAME = new Map(REPOS.map((r) => [r.name, r]));

function repoInfo(name: string): RepoInfo {
  const found = REPO_BY_NAME.get(name);
  if (!found) throw new Error(`generator bug: unknown repo ${name}`);
  return found;
}

const LECTURES: Readonly<Record<string, readonly string[]>> = {
  "QuantEcon/lecture-python.myst": [
    "mccall_q", "mccall_model", "kalman", "aiyagari", "cake_eating_problem", "lqcontrol", "markov_perf",
    "optgrowth", "wealth_dynamics", "career", "jv", "perm_income", "samuelson", "linear_models",
    "finite_markov", "ifp", "odu", "harrison_kreps", "kesten_processes", "lake_model", "mle", "ols",
    "egm_policy_iter", "likelihood_ratio_process", "exchangeable", "navy_captain",
  ],
  "QuantEcon/lecture-python-intro": [
    "intro", "cobweb", "solow", "inequality", "long_run_growth", "business_cycle", "money_inflation",
    "cagan_ree", "lp_intro", "markov_chains_I", "eigen_I", "commod_price", "heavy_tails", "lln_clt",
    "prob_dist", "pv", "scalar_dynam", "time_series_with_matrices", "unpleasant", "ar1_processes",
    "input_output", "olg", "simple_linear_regression",
  ],
  "QuantEcon/lecture-python-programming.myst": [
    "about_py", "getting_started", "python_by_example", "functions", "python_essentials", "oop_intro",
    "python_oop", "numpy", "matplotlib", "scipy", "pandas", "numba", "parallelization", "jax_intro",
    "writing_good_code", "sympy", "debugging",
  ],
  "QuantEcon/lecture-python-advanced.myst": [
    "BCG_complete_mkts", "cattle_cycles", "lu_tricks", "knowing_forecasts_of_others", "smoothing",
    "arellano", "opt_tax_recur", "amss", "chang_ramsey", "calvo", "dyn_stack",
  ],
  "QuantEcon/lecture-jax": [
    "jax_intro", "newtons_method", "aiyagari_jax", "inventory_dynamics", "kesten_processes", "wealth_dynamics",
    "mle", "opt_savings_1", "opt_savings_2", "short_path", "cake_eating_numerical", "job_search",
  ],
  "QuantEcon/lecture-dp": [
    "mccall_model", "cake_eating_problem", "optgrowth", "ifp", "career", "jv", "odu", "markov_asset",
    "kesten_processes", "wealth_dynamics", "finite_mdp", "value_iteration",
  ],
};

function lecturesOf(repo: string): readonly string[] {
  return LECTURES[repo] ?? [];
}

// ---------------------------------------------------------------------------------------------
// Expected verdicts

/** The verdict an item must get, recorded from how it was made. */
export interface ExpectedVerdict {
  class: "human" | "automation";
  channel: Channel;
  kind: string | null;
  onBehalfOf: string | null;
  actor: string;
  scenario: string;
}

/** The expected-verdict file (`qe-demo-expected/v1`). */
export interface ExpectedFile {
  schema: "qe-demo-expected/v1";
  verdicts: Record<string, ExpectedVerdict>;
}

const human = (actor: string | null, scenario: string): ExpectedVerdict => ({
  class: "human",
  channel: "human",
  kind: null,
  onBehalfOf: null,
  actor: actor ?? "ghost",
  scenario,
});

const automation = (channel: Channel, kind: string, actor: string, onBehalfOf: string | null, scenario: string): ExpectedVerdict => ({
  class: "automation",
  channel,
  kind,
  onBehalfOf,
  actor,
  scenario,
});

// ---------------------------------------------------------------------------------------------
// Drafts: items whose number and number-bearing text are settled once every item exists, so
// numbers rise with creation time within each repository as they do on GitHub.

type Text = string | (() => string);
const render = (t: Text): string => (typeof t === "function" ? t() : t);

interface Slot {
  repo: string;
  createdAt: number;
  seq: number;
  n: number;
}

interface ReviewPlan {
  author: string | null;
  state: Review["state"];
  at: number;
}

type Outcome =
  | { state: "OPEN" }
  | { state: "CLOSED"; at: number }
  | { state: "MERGED"; at: number; by: string; method?: "squash" | "merge" };

interface BranchCommitPlan {
  message: Text;
  at: number;
  author?: GitActor;
  parents?: number;
}

interface PrPlan {
  repo: string;
  author: string | null;
  createdAt: number;
  title: Text;
  body?: Text;
  headRef: Text;
  /** Defaults to the repo itself; a fork for outside contributors; null when the fork is gone. */
  headRepo?: string | null;
  labels?: string[];
  assignees?: string[];
  isDraft?: boolean;
  outcome: Outcome;
  reviews?: ReviewPlan[];
  size?: { additions: number; deletions: number; changedFiles: number };
  expected: ExpectedVerdict;
  /** Author of the squash commit or branch commits; defaults to the PR author's identity. */
  commitAuthor?: GitActor;
  /** Lines after the squash commit's first line (commit list, trailers). */
  squashBody?: Text;
  /** Commits a merge-commit merge brings onto the default branch. */
  branchCommits?: BranchCommitPlan[];
  /** Updated after the last event (comments, label changes), for open items. */
  lastActivity?: number;
  /** Numbered like any other PR but left out of the dataset (all its activity predates the window). */
  omit?: boolean;
}

interface PrDraft {
  plan: PrPlan;
  slot: Slot;
  reviews: { plan: ReviewPlan; expected: ExpectedVerdict }[];
  mergeCommit: CommitDraft | undefined;
}

interface CommitDraft {
  repo: string;
  oid: string;
  message: Text;
  authoredAt: number;
  committedAt: number;
  author: GitActor;
  committer: GitActor;
  parents: number;
  committedViaWeb: boolean;
  pr: Slot | null;
  expected: ExpectedVerdict;
}

interface IssuePlan {
  repo: string;
  author: string | null;
  createdAt: number;
  title: Text;
  body: Text;
  labels?: string[];
  closedAt?: number | null;
  lastActivity?: number;
  expected: ExpectedVerdict;
}

interface IssueDraft {
  plan: IssuePlan;
  slot: Slot;
}

const inWindow = (t: number): boolean => t >= FROM && t < TO;

/** Collects drafts from every scenario, then numbers, renders, checks and sorts them. */
class DemoBuilder {
  readonly prs: PrDraft[] = [];
  readonly commits: CommitDraft[] = [];
  readonly issues: IssueDraft[] = [];
  readonly #oids = rngFor("oids");
  #seq = 0;

  #slot(repo: string, createdAt: number): Slot {
    repoInfo(repo);
    return { repo, createdAt, seq: this.#seq++, n: 0 };
  }

  /** A pull request, its reviews, and the commits its merge put on the default branch. */
  addPr(plan: PrPlan): PrDraft {
    const slot = this.#slot(plan.repo, plan.createdAt);
    const reviews = (plan.reviews ?? [])
      .filter((r) => r.at < GENERATED)
      .sort((a, b) => a.at - b.at)
      .map((r) => ({ plan: r, expected: reviewVerdict(r.author, plan.expected.scenario) }));
    const draft: PrDraft = { plan, slot, reviews, mergeCommit: undefined };
    this.prs.push(draft);
    const { outcome } = plan;
    if (outcome.state !== "MERGED") return draft;

    const info = repoInfo(plan.repo);
    const author = plan.commitAuthor ?? (plan.author ? gitFor(plan.author) : WEB_FLOW);
    const commitVerdict = (role: string, who: GitActor): ExpectedVerdict => ({
      ...plan.expected,
      actor: gitActorName(who),
      scenario: `${plan.expected.scenario}/${role}`,
    });
    const method = outcome.method ?? info.mergeMethod;
    if (method === "squash") {
      draft.mergeCommit = this.addCommit({
        repo: plan.repo,
        message: () => {
          const body = plan.squashBody ? render(plan.squashBody) : "";
          return `${render(plan.title)} (#${slot.n})${body ? `\n\n${body}` : ""}`;
        },
        authoredAt: outcome.at,
        committedAt: outcome.at,
        author,
        committer: WEB_FLOW,
        parents: 1,
        committedViaWeb: true,
        pr: slot,
        expected: commitVerdict("squash-commit", author),
      });
      return draft;
    }
    const branchCommits = plan.branchCommits ?? [{ message: plan.title, at: plan.createdAt - 5 * MINUTE }];
    for (const c of branchCommits) {
      const who = c.author ?? author;
      this.addCommit({
        repo: plan.repo,
        message: c.message,
        authoredAt: c.at,
        committedAt: c.at,
        author: who,
        // Apps commit through the API, which GitHub signs as web-flow; people push from a clone.
        committer: who.login === null || who === COPILOT_GIT ? WEB_FLOW : who,
        parents: c.parents ?? 1,
        committedViaWeb: who.login === null || who === COPILOT_GIT,
        pr: slot,
        expected: commitVerdict(c.parents === 2 ? "branch-merge-commit" : "branch-commit", who),
      });
    }
    const merger = gitFor(outcome.by);
    const headOwner = (plan.headRepo === undefined ? plan.repo : (plan.headRepo ?? "ghost/unknown")).split("/")[0];
    draft.mergeCommit = this.addCommit({
      repo: plan.repo,
      message: () => `Merge pull request #${slot.n} from ${headOwner}/${render(plan.headRef)}\n\n${render(plan.title)}`,
      authoredAt: outcome.at,
      committedAt: outcome.at,
      author: merger,
      committer: WEB_FLOW,
      parents: 2,
      committedViaWeb: true,
      pr: slot,
      expected: human(outcome.by, `${plan.expected.scenario}/merge-commit-by-maintainer`),
    });
    return draft;
  }

  /** A commit on the default branch; kept out of the dataset when committed outside the window. */
  addCommit(c: Omit<CommitDraft, "oid">): CommitDraft {
    const draft: CommitDraft = { ...c, oid: this.#oids.hex(40) };
    if (inWindow(c.committedAt)) this.commits.push(draft);
    return draft;
  }

  /** An issue (not a pull request). */
  addIssue(plan: IssuePlan): IssueDraft {
    const draft: IssueDraft = { plan, slot: this.#slot(plan.repo, plan.createdAt) };
    this.issues.push(draft);
    return draft;
  }

  #number(): void {
    const rng = rngFor("numbers");
    const byRepo = new Map<string, Slot[]>();
    for (const slot of [...this.prs.map((p) => p.slot), ...this.issues.map((i) => i.slot)]) {
      const list = byRepo.get(slot.repo) ?? [];
      list.push(slot);
      byRepo.set(slot.repo, list);
    }
    for (const [repo, slots] of [...byRepo.entries()].sort(([a], [b]) => compare(a, b))) {
      slots.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
      let n = repoInfo(repo).base;
      for (const slot of slots) {
        slot.n = n;
        // Gaps stand for items created in the window's repos but outside it, or deleted spam.
        n += 1 + (rng.chance(0.15) ? rng.int(1, 3) : 0);
      }
    }
  }

  /** The finished dataset and expected verdicts, validated and in a stable order. */
  finish(): { dataset: Dataset; expected: ExpectedFile } {
    this.#number();
    const rng = rngFor("updates");
    const pullRequests = this.prs
      .filter((d) => !d.plan.omit)
      .sort((a, b) => compare(a.slot.repo, b.slot.repo) || a.slot.n - b.slot.n)
      .map((d) => ({ draft: d, pr: this.#renderPr(d, rng) }));
    const commits = this.commits
      .slice()
      .sort((a, b) => compare(a.repo, b.repo) || a.committedAt - b.committedAt || compare(a.oid, b.oid))
      .map((d) => ({ draft: d, commit: renderCommit(d) }));
    const issues = this.issues
      .slice()
      .sort((a, b) => compare(a.slot.repo, b.slot.repo) || a.slot.n - b.slot.n)
      .map((d) => ({ draft: d, issue: this.#renderIssue(d, rng) }));

    const verdicts: Record<string, ExpectedVerdict> = {};
    const put = (ref: string, v: ExpectedVerdict): void => {
      if (ref in verdicts) throw new Error(`generator bug: duplicate ref ${ref}`);
      verdicts[ref] = v;
    };
    for (const { draft, pr } of pullRequests) {
      put(`${pr.repo}#${pr.number}`, draft.plan.expected);
      draft.reviews.forEach((r, i) => put(`${pr.repo}#${pr.number}/review/${i}`, r.expected));
    }
    for (const { draft, commit } of commits) put(`${commit.repo}@${commit.oid}`, draft.expected);
    for (const { draft, issue } of issues) put(`${issue.repo}#${issue.number}`, draft.plan.expected);
    // Comments last, as classify orders their verdicts (demo-comments.ts).
    addDemoComments({
      pullRequests: pullRequests.map(({ draft, pr }) => ({ item: pr, expected: draft.plan.expected })),
      issues: issues.map(({ draft, issue }) => ({ item: issue, expected: draft.plan.expected })),
      rng: rngFor("comments"),
      until: GENERATED,
      put,
    });

    const raw = {
      schema: "qe-activity/v1",
      generatedAt: GENERATED_AT,
      source: { kind: "github", org: ORG, apiUrl: "https://api.github.com/graphql" },
      window: { from: iso(FROM), to: iso(TO), timeZone: "UTC" },
      repos: REPOS.map(
        (r): Repo => ({ name: r.name, defaultBranch: r.defaultBranch, isArchived: r.isArchived ?? false, isFork: r.isFork ?? false }),
      ).sort((a, b) => compare(a.name, b.name)),
      actors: [] as Dataset["actors"],
      pullRequests: pullRequests.map((p) => p.pr),
      commits: commits.map((c) => c.commit),
      issues: issues.map((i) => i.issue),
    } satisfies Dataset;
    raw.actors = actorsUsed(raw);
    checkWindowRules(raw);
    return { dataset: parseDataset(raw), expected: { schema: "qe-demo-expected/v1", verdicts } };
  }

  #renderPr(d: PrDraft, rng: Rng): PullRequest {
    const { plan, slot } = d;
    const o = plan.outcome;
    const closedAt = o.state === "OPEN" ? null : o.at;
    const mergedAt = o.state === "MERGED" ? o.at : null;
    const events = [plan.createdAt, closedAt ?? 0, plan.lastActivity ?? 0, ...d.reviews.map((r) => r.plan.at)];
    const last = Math.max(...events);
    const updatedAt = Math.min(GENERATED, last + rng.int(0, o.state === "OPEN" ? 2 * 86_400 : 90 * 60) * 1000);
    const size = plan.size ?? { additions: rng.int(1, 120), deletions: rng.int(0, 60), changedFiles: rng.int(1, 4) };
    return {
      repo: plan.repo,
      number: slot.n,
      url: `https://github.com/${plan.repo}/pull/${slot.n}`,
      title: render(plan.title),
      body: render(plan.body ?? ""),
      author: plan.author,
      createdAt: iso(plan.createdAt),
      updatedAt: iso(Math.floor(updatedAt / 1000) * 1000),
      closedAt: closedAt === null ? null : iso(closedAt),
      mergedAt: mergedAt === null ? null : iso(mergedAt),
      mergedBy: o.state === "MERGED" ? o.by : null,
      state: o.state,
      isDraft: plan.isDraft ?? false,
      headRef: render(plan.headRef),
      baseRef: repoInfo(plan.repo).defaultBranch,
      headRepo: plan.headRepo === undefined ? plan.repo : plan.headRepo,
      labels: plan.labels ?? [],
      assignees: plan.assignees ?? [],
      additions: size.additions,
      deletions: size.deletions,
      changedFiles: size.changedFiles,
      reviews: d.reviews.map((r) => ({ author: r.plan.author, state: r.plan.state, submittedAt: iso(r.plan.at) })),
    };
  }

  #renderIssue(d: IssueDraft, rng: Rng): Issue {
    const { plan, slot } = d;
    const closedAt = plan.closedAt ?? null;
    const last = Math.max(plan.createdAt, closedAt ?? 0, plan.lastActivity ?? 0);
    const updatedAt = Math.min(GENERATED, last + rng.int(0, closedAt === null ? 86_400 : 3_600) * 1000);
    return {
      repo: plan.repo,
      number: slot.n,
      url: `https://github.com/${plan.repo}/issues/${slot.n}`,
      title: render(plan.title),
      body: render(plan.body),
      author: plan.author,
      createdAt: iso(plan.createdAt),
      updatedAt: iso(Math.floor(updatedAt / 1000) * 1000),
      closedAt: closedAt === null ? null : iso(closedAt),
      state: closedAt === null ? "OPEN" : "CLOSED",
      labels: plan.labels ?? [],
    };
  }
}

function renderCommit(d: CommitDraft): Commit {
  return {
    repo: d.repo,
    oid: d.oid,
    url: `https://github.com/${d.repo}/commit/${d.oid}`,
    message: render(d.message),
    authoredAt: iso(d.authoredAt),
    committedAt: iso(d.committedAt),
    author: d.author,
    committer: d.committer,
    parents: d.parents,
    committedViaWeb: d.committedViaWeb,
    pullRequest: d.pr ? d.pr.n : null,
  };
}

function reviewVerdict(author: string | null, scenario: string): ExpectedVerdict {
  if (author === "copilot-pull-request-reviewer") {
    return automation("github-app", "ai-agent", author, null, `${scenario}/copilot-code-review`);
  }
  // A person's review of any PR, automated or not, is that person's work.
  return human(author, `${scenario}/${author === null ? "review-by-ghost" : "review-by-human"}`);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every login the dataset references, with its type, sorted. */
function actorsUsed(d: Omit<Dataset, "actors">): Dataset["actors"] {
  const used = new Set<string>();
  const add = (login: string | null | undefined): void => {
    if (login) used.add(login);
  };
  for (const pr of d.pullRequests) {
    add(pr.author);
    add(pr.mergedBy);
    pr.assignees.forEach(add);
    pr.reviews.forEach((r) => add(r.author));
  }
  for (const c of d.commits) {
    add(c.author.login);
    add(c.committer.login);
  }
  d.issues.forEach((i) => add(i.author));
  d.issues.forEach((i) => add(i.closedBy));
  for (const item of [...d.pullRequests, ...d.issues]) item.comments?.forEach((c) => add(c.author));
  return [...used].sort(compare).map((login) => {
    const a = account(login);
    return { login, type: a.type, name: a.name };
  });
}

/** Fails when an item would not be in a real fetch of this window (activity-dataset-v1). */
function checkWindowRules(d: Omit<Dataset, "actors">): void {
  const t = (s: string | null): number => (s === null ? Number.NaN : Date.parse(s));
  for (const pr of d.pullRequests) {
    const times = [pr.createdAt, pr.mergedAt, pr.closedAt, ...pr.reviews.map((r) => r.submittedAt)].map(t);
    if (!times.some(inWindow)) throw new Error(`generator bug: ${pr.repo}#${pr.number} has no activity in the window`);
    const all = [...times, t(pr.updatedAt)].filter((x) => !Number.isNaN(x));
    if (all.some((x) => x > GENERATED) || t(pr.updatedAt) < Math.max(...times.filter((x) => !Number.isNaN(x)))) {
      throw new Error(`generator bug: ${pr.repo}#${pr.number} has times after generation or a stale updatedAt`);
    }
    for (const r of pr.reviews) {
      if (t(r.submittedAt) < t(pr.createdAt)) throw new Error(`generator bug: review before ${pr.repo}#${pr.number} was opened`);
    }
  }
  for (const c of d.commits) {
    if (!inWindow(t(c.committedAt))) throw new Error(`generator bug: ${c.repo}@${c.oid} committed outside the window`);
  }
  for (const i of d.issues) {
    if (!inWindow(t(i.createdAt)) && !inWindow(t(i.closedAt))) throw new Error(`generator bug: ${i.repo}#${i.number} outside the window`);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers for scenarios

const EXTERNALS = ["lena-markov", "jcheng-phd", "t-okafor", "mvarga-dev"] as const;

/** Reviews by people other than the author, ending in approval when the PR merged. */
function humanReviews(rng: Rng, reviewers: readonly string[], author: string | null, from: number, until: number, merged: boolean): ReviewPlan[] {
  const pool = reviewers.filter((r) => r !== author);
  if (pool.length === 0 || until <= from) return [];
  const count = merged ? rng.weighted([[1, 6], [2, 3], [0, 2]] as const) : rng.weighted([[0, 4], [1, 4], [2, 1]] as const);
  const reviews: ReviewPlan[] = [];
  for (let i = 0; i < count; i++) {
    const at = rng.time(from + 10 * MINUTE, Math.max(from + 11 * MINUTE, until - 2 * MINUTE));
    const last = i === count - 1;
    const state: Review["state"] = last && merged ? "APPROVED" : rng.weighted([["COMMENTED", 5], ["CHANGES_REQUESTED", 2], ["APPROVED", 2]] as const);
    reviews.push({ author: rng.pick(pool), state, at });
  }
  return reviews;
}

/** Open, merged or closed, with the time it happened (merges that would fall after the window stay open). */
function outcomeFor(rng: Rng, createdAt: number, mergers: readonly string[], odds = { merged: 70, closed: 10, open: 20 }, delay: readonly [number, number] = [2 * HOUR, 5 * DAY]): Outcome {
  const state = rng.weighted([["MERGED", odds.merged], ["CLOSED", odds.closed], ["OPEN", odds.open]] as const);
  if (state === "OPEN") return { state };
  const at = createdAt + rng.int(delay[0] / 1000, delay[1] / 1000) * 1000;
  if (at >= TO) return { state: "OPEN" };
  if (state === "CLOSED") return { state, at };
  return { state, at, by: rng.pick(mergers) };
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");

const outcomeTime = (o: Outcome): number => (o.state === "OPEN" ? TO - MINUTE : o.at);

// ---------------------------------------------------------------------------------------------
// Scenario: ordinary human pull requests (and the upstream merges that drive translation sync)

/** An upstream lecture PR merged in a source repo, which action-translation syncs. */
interface UpstreamMerge {
  repo: string;
  draft: PrDraft;
  title: string;
  files: string[];
  mergedAt: number;
}

const HUMAN_PR_VOLUME: readonly (readonly [string, number, readonly string[]])[] = [
  ["QuantEcon/lecture-python.myst", 40, ["HumphreyYang", "longye-tian", "jstac", "mmcky", "Smit-create", "kp992", "thomassargent30"]],
  ["QuantEcon/lecture-python-intro", 28, ["HumphreyYang", "longye-tian", "nisha617", "jstac", "mmcky"]],
  ["QuantEcon/lecture-python-programming.myst", 10, ["mmcky", "kp992", "Smit-create", "HumphreyYang"]],
  ["QuantEcon/lecture-python-advanced.myst", 8, ["HumphreyYang", "thomassargent30", "mmcky", "longye-tian"]],
  ["QuantEcon/lecture-jax", 12, ["kp992", "Smit-create", "jstac", "HumphreyYang"]],
  ["QuantEcon/lecture-dp", 4, ["jstac", "longye-tian"]],
  ["QuantEcon/QuantEcon.py", 10, ["oyamad", "Smit-create", "kp992"]],
  ["QuantEcon/QuantEcon.manual", 5, ["mmcky", "HumphreyYang", "nisha617"]],
  ["QuantEcon/meta", 3, ["mmcky"]],
  ["QuantEcon/action-translation", 9, ["mmcky", "xuanguang-li"]],
  ["QuantEcon/action-style-guide", 4, ["mmcky"]],
  ["QuantEcon/quantecon-book-theme", 5, ["mmcky", "Smit-create"]],
  ["QuantEcon/lecture-python.zh-cn", 4, ["xuanguang-li", "HumphreyYang"]],
  ["QuantEcon/lecture-python.fa", 2, ["s-farahani"]],
  ["QuantEcon/lecture-intro.zh-cn", 3, ["xuanguang-li"]],
  ["QuantEcon/continuous_time_mcs", 2, ["jstac"]],
  ["QuantEcon/book-networks", 2, ["jstac", "mmcky"]],
  ["QuantEcon/QuantEcon.jl", 2, ["oyamad"]],
  ["QuantEcon/quantecon.org", 3, ["mmcky", "nisha617"]],
  ["QuantEcon/lecture-julia.myst", 2, ["mmcky"]],
];

const LECTURE_PR_TITLES: readonly ((lec: string, k: number) => string)[] = [
  (l) => `[${l}] Fix typos`,
  (l, k) => `[${l}] Fix typo in exercise ${k}`,
  (l) => `[${l}] Update code to use JAX`,
  (l) => `[${l}] Improve figure styling`,
  (l) => `[${l}] Fix broken link`,
  (l) => `[${l}] Clarify derivation of the Bellman equation`,
  (l, k) => `[${l}] Add solution to exercise ${k}`,
  (l) => `[${l}] Replace deprecated numpy calls`,
  (l) => `[${l}] Update lecture for numpy 2`,
  (l) => `[${l}] Edits and minor fixes`,
  (l) => `${l}: fix equation references`,
  (l) => `FIX: ${l} code cell raises a warning`,
];

const INFRA_TITLES: Readonly<Record<string, readonly string[]>> = {
  lecture: [
    "[CI] Cache the execution outputs between builds",
    "[CI] Add link checker workflow",
    "MAINT: pin jupyter-book to 1.0.4",
    "Use quantecon-book-theme 0.16.0",
    "FIX: remove warnings in the build",
    "Configure action-translation for a new language",
  ],
  "QuantEcon/QuantEcon.py": [
    "ENH: add modified policy iteration option to `DiscreteDP.solve`",
    "FIX: numba deprecation warnings in `markov.core`",
    "DOC: fix docstring of `rouwenhorst`",
    "TST: increase coverage for `LinearStateSpace`",
    "MAINT: drop Python 3.9 support",
    "FIX: `tic`/`toc` with nested timers",
    "ENH: vectorise `gth_solve` for stacked matrices",
  ],
  "QuantEcon/QuantEcon.manual": [
    "Add section on the translation workflow",
    "Update writing conventions for figures",
    "Document the quantecon-services migration",
    "Add guidance on reviewing automated PRs",
  ],
  "QuantEcon/meta": ["Add migration plan for automation tokens", "Update team list", "Add May 2026 planning notes"],
  "QuantEcon/action-translation": [
    "Add metadata block to sync PR bodies",
    "Support resync of a single file",
    "Use the quantecon-services token when available",
    "Fix heading map for nested sections",
    "Open an issue when a sync fails",
    "Handle deleted files in sync",
    "Add glossary support for fa",
  ],
  "QuantEcon/action-style-guide": ["Add rule for figure captions", "Improve prompt for math notation", "Skip lectures listed in the ignore file"],
  "QuantEcon/quantecon-book-theme": ["Fix dark mode colours for admonitions", "Add launch button for Colab", "Improve RTL support for fa"],
  translation: ["Fix glossary term for 'Bellman equation'", "修正翻译中的术语不一致", "Fix RTL layout of figure captions", "Update translated README"],
  other: ["Fix typos in chapter 2", "Update environment", "Edits to the introduction", "Add exercise solutions"],
};

function isLectureSource(repo: string): boolean {
  return lecturesOf(repo).length > 0;
}

function isTranslationRepo(repo: string): boolean {
  return /\.(zh-cn|fa)$/.test(repo);
}

function titlesFor(repo: string): readonly string[] {
  if (isLectureSource(repo)) return INFRA_TITLES.lecture ?? [];
  if (isTranslationRepo(repo)) return INFRA_TITLES.translation ?? [];
  return INFRA_TITLES[repo] ?? INFRA_TITLES.other ?? [];
}

function humanPullRequests(b: DemoBuilder): UpstreamMerge[] {
  const rng = rngFor("human-prs");
  const upstream: UpstreamMerge[] = [];
  for (const [repo, count, authors] of HUMAN_PR_VOLUME) {
    const info = repoInfo(repo);
    const reviewers = [...new Set([...info.maintainers, ...authors.filter((a) => a !== "thomassargent30")])];
    for (let i = 0; i < count; i++) {
      const external = rng.chance(0.1);
      const author = external ? rng.pick(EXTERNALS) : rng.pick(authors);
      const lecture = isLectureSource(repo) && rng.chance(0.75) ? rng.pick(lecturesOf(repo)) : null;
      const title = lecture ? rng.pick(LECTURE_PR_TITLES)(lecture, rng.int(1, 5)) : rng.pick(titlesFor(repo));
      // A few PRs opened in April count for May because they were merged, closed or reviewed in May.
      const early = rng.chance(0.08);
      const createdAt = early ? rng.time(day(1) - 20 * DAY, day(1) - HOUR) : rng.time(FROM, TO - 2 * HOUR);
      let outcome = outcomeFor(rng, createdAt, info.maintainers);
      if (early) {
        const at = rng.time(day(1, 1), day(6));
        outcome = rng.chance(0.8) ? { state: "MERGED", at, by: rng.pick(info.maintainers) } : { state: "CLOSED", at };
      }
      const end = outcomeTime(outcome);
      const reviews = humanReviews(rng, reviewers, author, createdAt, end, outcome.state === "MERGED");
      const earlyReviewers = reviewers.filter((r) => r !== author);
      if (early && earlyReviewers.length > 0) {
        reviews.push({ author: rng.pick(earlyReviewers), state: "COMMENTED", at: Math.min(createdAt + 20 * HOUR, end - 5 * MINUTE) });
      }
      if (rng.chance(0.2)) reviews.push({ author: "copilot-pull-request-reviewer", state: "COMMENTED", at: createdAt + rng.int(2, 9) * MINUTE });
      const headRef = author === "jstac" && rng.chance(0.4) ? "jstac-edits" : external && rng.chance(0.6) ? "patch-1" : lecture ? `${lecture}-${slug(title.replace(/^\[[^\]]+\]\s*/, ""))}`.slice(0, 48) : slug(title);
      const files = lecture ? [`lectures/${lecture}.md`] : [];
      const squashBody =
        outcome.state === "MERGED" && info.mergeMethod === "squash" && rng.chance(0.3)
          ? `* ${title.replace(/^\[[^\]]+\]\s*/, "")}\n\n* address review comments`
          : undefined;
      const branchCommits =
        info.mergeMethod === "merge" && outcome.state === "MERGED"
          ? Array.from({ length: rng.int(1, 3) }, (_, k): BranchCommitPlan => {
              const message = k === 0 ? title.replace(/^[A-Z]+: /, "") : rng.pick(["address review comments", "fix tests", "update docstring", `Merge branch 'main' into ${slug(title)}`]);
              const at = createdAt - 10 * MINUTE + k * rng.int(10, 600) * MINUTE;
              return { message, at, parents: message.startsWith("Merge branch") ? 2 : 1 };
            }).filter((c) => c.at < end)
          : undefined;
      const draft = b.addPr({
        repo,
        author,
        createdAt,
        title,
        body: lecture ? `This PR updates \`lectures/${lecture}.md\`.\n\n${rng.pick(["Fixes a few typos spotted while teaching.", "Closes a reader's report.", "See the discussion in the last team meeting.", ""])}`.trim() : rng.pick(["", "As discussed.", "This keeps the build green.", "Small maintenance change."]),
        headRef,
        headRepo: external ? `${author}/${repo.split("/")[1]}` : repo,
        labels: lecture ? [] : rng.pick([[], [], ["infrastructure"], ["enhancement"], ["bug"]]),
        isDraft: outcome.state === "OPEN" && rng.chance(0.35),
        outcome,
        reviews,
        expected: human(author, "human-pr"),
        ...(squashBody ? { squashBody } : {}),
        ...(branchCommits ? { branchCommits } : {}),
      });
      if (outcome.state === "MERGED" && files.length > 0) upstream.push({ repo, draft, title, files, mergedAt: outcome.at });
    }
  }
  return upstream;
}

// ---------------------------------------------------------------------------------------------
// Scenario: translation sync (QuantEcon/action-translation)

interface TranslationTarget {
  target: string;
  source: string;
  language: string;
  languageName: string;
  reviewers: readonly string[];
  legacyLabel: string;
}

const TRANSLATIONS: readonly TranslationTarget[] = [
  { target: "QuantEcon/lecture-python.zh-cn", source: "QuantEcon/lecture-python.myst", language: "zh-cn", languageName: "Simplified Chinese", reviewers: ["HumphreyYang", "xuanguang-li"], legacyLabel: "translation-sync" },
  { target: "QuantEcon/lecture-python.fa", source: "QuantEcon/lecture-python.myst", language: "fa", languageName: "Persian", reviewers: ["s-farahani", "mmcky"], legacyLabel: "action-translation-sync" },
  { target: "QuantEcon/lecture-intro.zh-cn", source: "QuantEcon/lecture-python-intro", language: "zh-cn", languageName: "Simplified Chinese", reviewers: ["xuanguang-li", "HumphreyYang"], legacyLabel: "translation-sync" },
];

/** Whose token a translation-sync run used at a given moment, and the verdict that follows. */
function syncIdentity(at: number, scenario: string): { author: string; expected: ExpectedVerdict } {
  if (at < MIGRATION) {
    return { author: "mmcky", expected: automation("personal-token", "translation-sync", "mmcky", "mmcky", `${scenario}/personal-token`) };
  }
  return {
    author: "quantecon-services",
    expected: automation("machine-account", "translation-sync", "quantecon-services", null, `${scenario}/machine-account`),
  };
}

/** The `<!-- translation-sync-metadata {json} -->` block; its shape is documented in the README. */
function metadataBlock(meta: {
  sourceRepo: string;
  sourcePR: number | null;
  sourceCommit: string | null;
  targetLanguage: string;
  files: string[];
  mode: "sync" | "resync";
}): string {
  const { sourceRepo, sourcePR, sourceCommit, targetLanguage, files, mode } = meta;
  const json = JSON.stringify({ sourceRepo, sourcePR, sourceCommit, sourceLanguage: "en", targetLanguage, files, mode, action: ACTION_VERSION });
  return `<!-- translation-sync-metadata ${json} -->`;
}

const stamp = (t: number): string => iso(t).slice(0, 19).replace(/:/g, "-");

function translationSync(b: DemoBuilder, upstream: readonly UpstreamMerge[]): void {
  const rng = rngFor("translation-sync");
  const failures: { t: TranslationTarget; file: string; at: number }[] = [];

  // An upstream PR merged just before midnight on 30 April, whose sync PRs open on 1 May. All
  // its own activity predates the window, so the dataset holds only the sync PRs.
  const lateAprilAt = day(1) - 2 * MINUTE;
  const lateApril = b.addPr({
    repo: "QuantEcon/lecture-python.myst",
    author: "HumphreyYang",
    createdAt: day(1) - 3 * DAY,
    title: "[mccall_q] Fix typos",
    body: "This PR updates `lectures/mccall_q.md`.",
    headRef: "mccall_q-fix-typos",
    outcome: { state: "MERGED", at: lateAprilAt, by: "mmcky" },
    reviews: [{ author: "mmcky", state: "APPROVED", at: day(1) - 2 * HOUR }],
    expected: human("HumphreyYang", "human-pr/merged-in-april"),
    omit: true,
  });
  // An upstream PR merged late on 31 May: its fa sync PR is merged minutes after the window
  // closed, so that squash commit is not in the dataset.
  const lateMayAt = day(31, 22, 40);
  const lateMay = b.addPr({
    repo: "QuantEcon/lecture-python.myst",
    author: "HumphreyYang",
    createdAt: day(30, 9, 12),
    title: "[kalman] Fix typo in figure caption",
    body: "This PR updates `lectures/kalman.md`.",
    headRef: "kalman-fix-typo-in-figure-caption",
    outcome: { state: "MERGED", at: lateMayAt, by: "mmcky" },
    reviews: [{ author: "mmcky", state: "APPROVED", at: lateMayAt - 3 * MINUTE }],
    expected: human("HumphreyYang", "human-pr"),
  });
  const special = new Set([lateApril, lateMay]);
  const all: UpstreamMerge[] = [
    { repo: lateApril.plan.repo, draft: lateApril, title: "[mccall_q] Fix typos", files: ["lectures/mccall_q.md"], mergedAt: lateAprilAt },
    ...upstream,
    { repo: lateMay.plan.repo, draft: lateMay, title: "[kalman] Fix typo in figure caption", files: ["lectures/kalman.md"], mergedAt: lateMayAt },
  ];

  for (const up of all) {
    for (const t of TRANSLATIONS.filter((x) => x.source === up.repo)) {
      const createdAt = up.mergedAt + rng.int(3 * 60, 14 * 60) * 1000;
      if (createdAt >= TO) continue;
      if (!special.has(up.draft) && rng.chance(0.11)) {
        failures.push({ t, file: up.files[0] ?? "lectures/index.md", at: createdAt });
        const who = syncIdentity(createdAt, "translation-sync-failure-issue");
        const closedAt = rng.chance(0.5) ? createdAt + rng.int(2, 60) * HOUR : null;
        b.addIssue({
          repo: t.target,
          author: who.author,
          createdAt,
          title: () => `Translation sync failed for PR #${up.draft.slot.n} (${t.language})`,
          body: () =>
            `## Translation Sync Failed\n\nThe automated translation of ${up.repo}#${up.draft.slot.n} into ${t.languageName} (${t.language}) failed.\n\n**Files:** ${up.files.map((f) => `\`${f}\``).join(", ")}\n**Error:** ${rng.pick(["Anthropic API returned 529 (overloaded) after 3 retries", "Heading map mismatch: section count differs between source and target", "Could not parse MyST directive in translated output"])}\n**Workflow run:** https://github.com/${t.target}/actions/runs/${rng.int(14_000_000_000, 15_000_000_000)}\n\nRe-run the workflow or open a resync for the affected files.`,
          labels: ["translation-sync-failure"],
          closedAt: closedAt !== null && closedAt < TO ? closedAt : null,
          expected: { ...who.expected, scenario: who.expected.scenario },
        });
        continue;
      }
      const who = syncIdentity(createdAt, "translation-sync-pr");
      const legacy = rng.chance(0.2);
      const reviewers = t.reviewers;
      const merger = rng.pick(["mmcky", ...reviewers.filter((r) => r !== "s-farahani")]);
      let outcome = outcomeFor(rng, createdAt, [merger], { merged: 78, closed: 7, open: 15 }, [40 * MINUTE, 3 * DAY]);
      if (up.draft === lateMay) {
        outcome = t.language === "fa" ? { state: "MERGED", at: TO + 4 * MINUTE, by: "mmcky" } : { state: "OPEN" };
      }
      const end = outcomeTime(outcome);
      const reviews = humanReviews(rng, reviewers, who.author, createdAt, Math.min(end, GENERATED - MINUTE), outcome.state === "MERGED");
      if (rng.chance(0.15)) reviews.push({ author: "copilot-pull-request-reviewer", state: "COMMENTED", at: createdAt + rng.int(2, 6) * MINUTE });
      const files = up.files;
      b.addPr({
        repo: t.target,
        author: who.author,
        createdAt,
        title: `🌐 [translation-sync] ${up.title}`,
        body: () => {
          const n = up.draft.slot.n;
          const lines = [
            "## Automated Translation Sync",
            "",
            `This PR syncs the ${t.languageName} translation with changes merged upstream in [${up.repo}#${n}](https://github.com/${up.repo}/pull/${n}).`,
            "",
            `**Source PR:** #${n} - ${up.title}`,
            `**Target language:** ${t.languageName} (${t.language})`,
            "**Files updated:**",
            ...files.map((f) => `- \`${f}\``),
            "",
            "---",
            "*This PR was created automatically by [action-translation](https://github.com/QuantEcon/action-translation).*",
          ];
          if (!legacy) {
            lines.push(
              "",
              metadataBlock({ sourceRepo: up.repo, sourcePR: n, sourceCommit: up.draft.mergeCommit?.oid ?? null, targetLanguage: t.language, files, mode: "sync" }),
            );
          }
          return lines.join("\n");
        },
        headRef: () => `translation-sync-${stamp(createdAt)}-pr-${up.draft.slot.n}`,
        labels: legacy ? [t.legacyLabel] : ["action-translation", "automated"],
        outcome,
        reviews,
        size: { additions: rng.int(4, 160), deletions: rng.int(1, 90), changedFiles: files.length },
        expected: { ...who.expected, scenario: legacy ? `${who.expected.scenario}/legacy-label` : who.expected.scenario },
      });
    }
  }

  // Resync PRs: after a failure, and a few started by hand to repair drift.
  const resyncs = [
    ...failures.map((f) => ({ t: f.t, file: f.file, at: f.at + rng.int(6, 40) * HOUR })),
    ...Array.from({ length: 4 }, () => {
      const t = rng.pick(TRANSLATIONS);
      return { t, file: `lectures/${rng.pick(lecturesOf(t.source))}.md`, at: rng.time(FROM, TO - DAY) };
    }),
  ].filter((r) => r.at < TO - HOUR);
  for (const r of resyncs) {
    const stem = r.file.replace(/^lectures\//, "").replace(/\.md$/, "");
    const who = syncIdentity(r.at, "translation-resync-pr");
    const outcome = outcomeFor(rng, r.at, ["mmcky", r.t.reviewers[0] ?? "mmcky"], { merged: 75, closed: 5, open: 20 }, [HOUR, 2 * DAY]);
    b.addPr({
      repo: r.t.target,
      author: who.author,
      createdAt: r.at,
      title: `[action-translation] resync: ${stem}.md`,
      body: `## Resync\n\nRe-translates \`${r.file}\` in full from ${r.t.source} (\`main\`) so the ${r.t.languageName} translation matches the source again.\n\n${metadataBlock({ sourceRepo: r.t.source, sourcePR: null, sourceCommit: rng.hex(40), targetLanguage: r.t.language, files: [r.file], mode: "resync" })}`,
      headRef: `resync/${stem}`,
      labels: ["resync"],
      outcome,
      reviews: humanReviews(rng, r.t.reviewers, who.author, r.at, outcomeTime(outcome), outcome.state === "MERGED"),
      size: { additions: rng.int(150, 700), deletions: rng.int(100, 650), changedFiles: 1 },
      expected: who.expected,
    });
  }

  // Direct commits the action pushes through the Contents API (signed by GitHub, no PR).
  for (const t of TRANSLATIONS) {
    const updates = rng.int(3, 5);
    for (let i = 0; i < updates + 1; i++) {
      const at = rng.time(FROM, TO);
      const deleted = i === updates;
      const file = `lectures/${rng.pick(lecturesOf(t.source))}.md`;
      const who = syncIdentity(at, deleted ? "translation-direct-commit/delete" : "translation-direct-commit/update");
      b.addCommit({
        repo: t.target,
        message: deleted ? `Delete removed file: ${file}` : `Update translation: ${file}`,
        authoredAt: at,
        committedAt: at,
        author: gitFor(who.author),
        committer: WEB_FLOW,
        parents: 1,
        committedViaWeb: true,
        pr: null,
        expected: who.expected,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario: content sync into lecture-dp (SYNC: PRs opened with mmcky's token)

function contentSync(b: DemoBuilder): void {
  const rng = rngFor("content-sync");
  const stems = lecturesOf("QuantEcon/lecture-dp");
  for (let i = 0; i < 8; i++) {
    const createdAt = rng.time(FROM, TO - 3 * HOUR);
    const stem = rng.pick(stems);
    const add = i % 4 === 3;
    const outcome = outcomeFor(rng, createdAt, ["jstac"], { merged: 70, closed: 10, open: 20 }, [HOUR, 4 * DAY]);
    b.addPr({
      repo: "QuantEcon/lecture-dp",
      author: "mmcky",
      createdAt,
      title: `SYNC: ${add ? "add" : "update"} ${stem}.md from lecture-python.myst`,
      body: `Syncs \`lectures/${stem}.md\` from [QuantEcon/lecture-python.myst](https://github.com/QuantEcon/lecture-python.myst) at \`${rng.hex(7)}\`.\n\nOpened by the lecture sync workflow; please review the diff before merging.`,
      headRef: `sync/${stem}-${iso(createdAt).slice(0, 10)}`,
      outcome,
      reviews: humanReviews(rng, ["jstac"], "mmcky", createdAt, outcomeTime(outcome), outcome.state === "MERGED"),
      expected: automation("personal-token", "content-sync", "mmcky", "mmcky", "content-sync-pr/personal-token"),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario: notebook publishing into lecture-*.notebooks

const PUBLISH_IDENTITIES: Readonly<Record<string, GitActor>> = {
  admin: { login: null, name: "QuantEcon Services", email: "admin@quantecon.org" },
  services: { login: "quantecon-services", name: "quantecon-services", email: "services@quantecon.org" },
  org: { login: null, name: "QuantEcon", email: "services@quantecon.org" },
};

function notebookPublishing(b: DemoBuilder): void {
  const rng = rngFor("notebook-publish");
  const plan: readonly (readonly [string, (at: number) => keyof typeof PUBLISH_IDENTITIES])[] = [
    ["QuantEcon/lecture-python.notebooks", (at) => (at < MIGRATION ? "admin" : "services")],
    ["QuantEcon/lecture-python-intro.notebooks", () => "org"],
    ["QuantEcon/lecture-python-programming.notebooks", () => "admin"],
    ["QuantEcon/lecture-python-advanced.notebooks", () => rng.pick(["admin", "services", "org"] as const)],
    ["QuantEcon/lecture-jax.notebooks", () => "services"],
  ];
  for (const [repo, identityAt] of plan) {
    const publishes = rng.int(4, 7);
    for (let i = 0; i < publishes; i++) {
      const at = rng.time(FROM, TO);
      const git = PUBLISH_IDENTITIES[identityAt(at)];
      if (!git) throw new Error("generator bug: publish identity");
      b.addCommit({
        repo,
        message: "auto publishing updates to notebooks",
        authoredAt: at,
        committedAt: at,
        author: git,
        committer: git,
        parents: 1,
        committedViaWeb: false,
        pr: null,
        expected: automation("machine-account", "notebook-publish", gitActorName(git), null, `notebook-publish-commit/${git.email}/${git.login ?? "unlinked"}`),
      });
    }
  }
  // A person editing the notebooks repo by hand is still a person.
  const at = rng.time(day(14), day(15));
  b.addCommit({
    repo: "QuantEcon/lecture-python.notebooks",
    message: "Update README.md",
    authoredAt: at,
    committedAt: at,
    author: gitFor("mmcky"),
    committer: WEB_FLOW,
    parents: 1,
    committedViaWeb: true,
    pr: null,
    expected: human("mmcky", "human-commit/in-notebooks-repo"),
  });
}

// ---------------------------------------------------------------------------------------------
// Scenario: action-style-guide review PRs (github-actions)

function styleGuide(b: DemoBuilder): void {
  const rng = rngFor("style-guide");
  const repos = ["QuantEcon/lecture-python.myst", "QuantEcon/lecture-python-intro", "QuantEcon/lecture-python-advanced.myst", "QuantEcon/lecture-jax"];
  for (let i = 0; i < 12; i++) {
    const repo = repos[i % repos.length] ?? "QuantEcon/lecture-python.myst";
    const lecture = rng.pick(lecturesOf(repo));
    const createdAt = rng.time(FROM, TO - 2 * HOUR);
    const info = repoInfo(repo);
    const outcome = outcomeFor(rng, createdAt, info.maintainers, { merged: 55, closed: 25, open: 20 }, [2 * HOUR, 4 * DAY]);
    const reviews = humanReviews(rng, info.maintainers, null, createdAt, outcomeTime(outcome), outcome.state === "MERGED");
    b.addPr({
      repo,
      author: "github-actions",
      createdAt,
      title: `[${lecture}] Style guide review`,
      body: `## Style Guide Review\n\nAutomated review of \`lectures/${lecture}.md\` against the [QuantEcon style guide](https://manual.quantecon.org).\n\n- ${rng.int(2, 14)} suggestions applied (writing, math notation, code style)\n- Requested by a maintainer with \`@qe-style-check ${lecture}\`\n\nGenerated by [action-style-guide](https://github.com/QuantEcon/action-style-guide).`,
      headRef: `style-guide/${lecture}-${iso(createdAt).slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`,
      labels: ["automated", "style-guide", "review"],
      outcome,
      reviews,
      expected: automation("github-actions", "style-review", "github-actions", null, "style-guide-pr"),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario: report issues (github-actions)

function reports(b: DemoBuilder): void {
  const rng = rngFor("reports");
  // Weekly reports for the weeks ending on the Saturdays of May.
  for (const d of [2, 9, 16, 23, 30]) {
    const createdAt = day(d, 23, rng.int(0, 20));
    b.addIssue({
      repo: "QuantEcon/meta",
      author: "github-actions",
      createdAt,
      title: `Weekly Report - Week Ending May ${d}, 2026`,
      body: `# QuantEcon Weekly Report\n\n**Week ending:** May ${d}, 2026\n\n| Metric | Count |\n|---|---|\n| Opened issues | ${rng.int(3, 20)} |\n| Merged PRs | ${rng.int(10, 45)} |\n| Commits | ${rng.int(30, 120)} |\n\n*Generated by the weekly-report workflow.*`,
      labels: ["weekly-report", "automated"],
      closedAt: d < 30 ? createdAt + rng.int(2, 5) * DAY : null,
      expected: automation("github-actions", "report", "github-actions", null, "weekly-report-issue"),
    });
  }
  const repos = ["QuantEcon/lecture-python.myst", "QuantEcon/lecture-python-intro", "QuantEcon/lecture-python-programming.myst", "QuantEcon/lecture-jax", "QuantEcon/lecture-python.myst", "QuantEcon/lecture-python-advanced.myst"];
  repos.forEach((repo, i) => {
    const createdAt = day(1 + i * 5, 2, rng.int(0, 59));
    b.addIssue({
      repo,
      author: "github-actions",
      createdAt,
      title: "Link Checker Report",
      body: `## Summary\n\n| Status | Count |\n|---|---|\n| 🔍 Total | ${rng.int(800, 2400)} |\n| ✅ Successful | ${rng.int(700, 2300)} |\n| 🚫 Errors | ${rng.int(1, 9)} |\n\n## Errors per input\n\n- [404] https://example.org/removed-dataset.csv\n\nGenerated by [lychee](https://github.com/lycheeverse/lychee).`,
      labels: ["report", "automated issue"],
      closedAt: rng.chance(0.5) ? createdAt + rng.int(1, 4) * DAY : null,
      expected: automation("github-actions", "report", "github-actions", null, "link-checker-issue"),
    });
  });
  // Citation metadata refreshed by a workflow straight onto main.
  for (let i = 0; i < 3; i++) {
    const at = rng.time(FROM, TO);
    const git = gitFor("github-actions");
    b.addCommit({
      repo: "QuantEcon/QuantEcon.py",
      message: "Update citation metadata",
      authoredAt: at,
      committedAt: at,
      author: git,
      committer: git,
      parents: 1,
      committedViaWeb: false,
      pr: null,
      expected: automation("github-actions", "ci", gitActorName(git), null, "github-actions-commit/citation"),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario: dependency updates (dependabot, pre-commit-ci)

const ACTION_BUMPS = [
  ["actions/checkout", "4", "5"],
  ["actions/setup-python", "5", "6"],
  ["actions/upload-artifact", "4", "5"],
  ["actions/download-artifact", "4", "5"],
  ["conda-incubator/setup-miniconda", "3.1.1", "3.2.0"],
  ["peaceiris/actions-gh-pages", "3", "4"],
  ["lycheeverse/lychee-action", "2.4.1", "2.5.0"],
] as const;
const PIP_BUMPS = [
  ["sphinx", "8.1.3", "8.2.3"],
  ["pydata-sphinx-theme", "0.16.0", "0.16.1"],
  ["numba", "0.61.0", "0.61.2"],
] as const;

function dependencyUpdates(b: DemoBuilder): void {
  const rng = rngFor("dependency-updates");
  const repos = [
    "QuantEcon/lecture-python.myst", "QuantEcon/lecture-python-intro", "QuantEcon/lecture-python-programming.myst",
    "QuantEcon/lecture-python-advanced.myst", "QuantEcon/lecture-jax", "QuantEcon/QuantEcon.manual", "QuantEcon/quantecon-book-theme", "QuantEcon/QuantEcon.py",
  ];
  const expected = automation("github-app", "dependency-update", "dependabot", null, "dependabot-pr");
  for (let i = 0; i < 22; i++) {
    const repo = repos[i % repos.length] ?? "QuantEcon/lecture-python.myst";
    const pip = repo === "QuantEcon/quantecon-book-theme" || (repo === "QuantEcon/QuantEcon.py" && i % 2 === 0);
    const [dep, from, to] = pip ? rng.pick(PIP_BUMPS) : rng.pick(ACTION_BUMPS);
    const ecosystem = pip ? "pip" : "github_actions";
    const early = i === 5;
    const createdAt = early ? day(1) - 4 * DAY : rng.time(FROM, TO - 2 * HOUR);
    const info = repoInfo(repo);
    let outcome = outcomeFor(rng, createdAt, ["mmcky", ...info.maintainers], { merged: 65, closed: 15, open: 20 }, [HOUR, 6 * DAY]);
    if (early) outcome = { state: "MERGED", at: day(2, 3), by: "mmcky" };
    const title = `Bump ${dep} from ${from} to ${to}`;
    const headRef = `dependabot/${ecosystem}/${dep}-${to}`;
    const body = `Bumps [${dep}](https://github.com/${pip ? `pypi/${dep}` : dep}) from ${from} to ${to}.\n<details>\n<summary>Release notes</summary>\n<p><em>Sourced from ${dep}'s releases.</em></p>\n</details>\n\n[![Dependabot compatibility score](https://dependabot-badges.githubapp.com/badges/compatibility_score?dependency-name=${encodeURIComponent(dep)}&package-manager=${ecosystem}&previous-version=${from}&new-version=${to})](https://docs.github.com/en/github/managing-security-vulnerabilities/about-dependabot-security-updates#about-compatibility-scores)\n\nDependabot will resolve any conflicts with this PR as long as you don't alter it yourself.`;
    const commitMessage = `${title}\n\nBumps [${dep}](https://github.com/${dep}) from ${from} to ${to}.\n\n---\nupdated-dependencies:\n- dependency-name: ${dep}\n  dependency-version: '${to}'\n  dependency-type: direct:production\n  update-type: version-update:semver-${from.split(".")[0] === to.split(".")[0] ? "minor" : "major"}\n...\n\nSigned-off-by: dependabot[bot] <support@github.com>`;
    b.addPr({
      repo,
      author: "dependabot",
      createdAt,
      title,
      body,
      headRef,
      labels: ["dependencies", pip ? "python" : "github_actions"],
      outcome,
      reviews: humanReviews(rng, info.maintainers, null, createdAt, outcomeTime(outcome), outcome.state === "MERGED"),
      size: { additions: rng.int(1, 6), deletions: rng.int(1, 6), changedFiles: rng.int(1, 3) },
      expected,
      // In QuantEcon.py the merge is a merge commit by a maintainer (human) over dependabot's own commit.
      branchCommits: [{ message: commitMessage, at: createdAt - MINUTE }],
    });
  }

  // pre-commit.ci's weekly autoupdate in QuantEcon.py (Mondays).
  for (const d of [4, 11, 18, 25]) {
    const createdAt = day(d, 17, rng.int(0, 30));
    const outcome: Outcome = d === 25 ? { state: "OPEN" } : { state: "MERGED", at: createdAt + rng.int(5, 60) * HOUR, by: "oyamad" };
    const updates = `updates:\n- [github.com/astral-sh/ruff-pre-commit: v0.11.${d} → v0.11.${d + 1}](https://github.com/astral-sh/ruff-pre-commit/compare/v0.11.${d}...v0.11.${d + 1})`;
    b.addPr({
      repo: "QuantEcon/QuantEcon.py",
      author: "pre-commit-ci",
      createdAt,
      title: "[pre-commit.ci] pre-commit autoupdate",
      body: `<!--pre-commit.ci start-->\n${updates}\n<!--pre-commit.ci end-->`,
      headRef: "pre-commit-ci-update-config",
      outcome,
      reviews: outcome.state === "MERGED" ? [{ author: "oyamad", state: "APPROVED", at: outcome.at - 10 * MINUTE }] : [],
      size: { additions: 1, deletions: 1, changedFiles: 1 },
      expected: automation("github-app", "dependency-update", "pre-commit-ci", null, "pre-commit-ci-pr"),
      branchCommits: [{ message: `[pre-commit.ci] pre-commit autoupdate\n\n${updates}`, at: createdAt - MINUTE }],
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario: Copilot coding agent and Copilot code review

function copilot(b: DemoBuilder): void {
  const rng = rngFor("copilot");
  const tasks: readonly (readonly [string, string, string])[] = [
    ["QuantEcon/lecture-python.myst", "HumphreyYang", "Fix broken links in the kalman lecture"],
    ["QuantEcon/lecture-python.myst", "HumphreyYang", "Replace deprecated `np.random.seed` calls with `Generator`"],
    ["QuantEcon/lecture-python-intro", "longye-tian", "Add alt text to figures in the inequality lecture"],
    ["QuantEcon/lecture-python-intro", "HumphreyYang", "Fix inconsistent notation in cobweb exercises"],
    ["QuantEcon/QuantEcon.manual", "mmcky", "Document the translation resync command"],
    ["QuantEcon/action-translation", "mmcky", "Add unit tests for the metadata block parser"],
    ["QuantEcon/QuantEcon.py", "Smit-create", "Fix numba warnings in `quantecon.optimize`"],
    ["QuantEcon/lecture-jax", "kp992", "Update JAX lectures for jax 0.6 API changes"],
  ];
  tasks.forEach(([repo, assignee, task], i) => {
    const issueAt = rng.time(FROM, TO - 3 * DAY);
    const agent = i === 2 || i === 6 ? "Copilot" : "copilot-swe-agent";
    const prAt = issueAt + rng.int(2, 30) * MINUTE;
    const state = i === 3 || i === 7 ? "OPEN" : i === 5 ? "CLOSED" : "MERGED";
    const outcome: Outcome =
      state === "OPEN" ? { state } : state === "CLOSED" ? { state, at: prAt + rng.int(3, 30) * HOUR } : { state, at: prAt + rng.int(2, 48) * HOUR, by: assignee };
    const end = outcomeTime(outcome);
    const issue = b.addIssue({
      repo,
      author: assignee,
      createdAt: issueAt,
      title: task,
      body: `${task}.\n\nAssigning to Copilot to try the coding agent on this one.`,
      labels: [],
      closedAt: outcome.state === "MERGED" ? outcome.at : null,
      expected: human(assignee, "human-issue/assigned-to-copilot"),
    });
    const reviews: ReviewPlan[] = [{ author: assignee, state: "COMMENTED", at: prAt + rng.int(30, 200) * MINUTE }];
    if (state === "MERGED") reviews.push({ author: assignee, state: "APPROVED", at: end - rng.int(5, 20) * MINUTE });
    if (i % 2 === 0) reviews.push({ author: "copilot-pull-request-reviewer", state: "COMMENTED", at: prAt + rng.int(25, 28) * MINUTE });
    const coAuthor = gitFor(assignee);
    b.addPr({
      repo,
      author: agent,
      createdAt: prAt,
      title: state === "OPEN" ? `[WIP] ${task}` : task,
      body: () => `${task}.\n\nFixes #${issue.slot.n}.\n\n<!-- START COPILOT CODING AGENT TIPS -->\n---\n💡 You can make Copilot smarter by setting up custom instructions.`,
      headRef: () => `copilot/fix-${issue.slot.n}`,
      assignees: [assignee],
      isDraft: state === "OPEN",
      outcome,
      reviews: reviews.filter((r) => r.at < end),
      expected: automation("github-app", "ai-agent", agent, assignee, "copilot-agent-pr"),
      squashBody: `* Initial plan\n\n* ${task}\n\nCo-authored-by: ${coAuthor.login} <${coAuthor.email}>`,
      branchCommits: [
        { message: "Initial plan", at: prAt + MINUTE },
        { message: `${task}\n\nCo-authored-by: ${coAuthor.login} <${coAuthor.email}>`, at: prAt + 20 * MINUTE },
      ],
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Scenario: traps that must stay human

function traps(b: DemoBuilder): void {
  const rng = rngFor("traps");
  // A maintainer's own bump PR looks like dependabot's but is a person's work.
  for (const repo of ["QuantEcon/lecture-python.myst", "QuantEcon/lecture-python-intro", "QuantEcon/lecture-python-programming.myst", "QuantEcon/lecture-jax"]) {
    const createdAt = rng.time(day(6), day(9));
    b.addPr({
      repo,
      author: "mmcky",
      createdAt,
      title: "⬆️ Bump anaconda to 2025.06",
      body: "This updates `environment.yml` to `anaconda=2025.06` and refreshes the CI cache key.",
      headRef: "update-anaconda",
      labels: rng.chance(0.5) ? ["infrastructure"] : [],
      outcome: { state: "MERGED", at: createdAt + rng.int(3, 30) * HOUR, by: "mmcky" },
      reviews: [{ author: "HumphreyYang", state: "APPROVED", at: createdAt + 2 * HOUR }],
      size: { additions: 2, deletions: 2, changedFiles: 2 },
      expected: human("mmcky", "trap/human-bump-pr"),
    });
  }

  // Humans whose logins contain "bot".
  const olgaAt = day(7, 15, 12);
  b.addPr({
    repo: "QuantEcon/QuantEcon.py",
    author: "olgabot",
    createdAt: olgaAt,
    title: "DOC: fix typos in `quantecon.markov` docstrings",
    body: "Found a few typos while reading the Markov chain docs.",
    headRef: "fix-markov-docstring-typos",
    headRepo: "olgabot/QuantEcon.py",
    outcome: { state: "MERGED", at: day(9, 2, 40), by: "oyamad" },
    reviews: [
      { author: "oyamad", state: "CHANGES_REQUESTED", at: day(8, 1) },
      { author: "oyamad", state: "APPROVED", at: day(9, 2, 30) },
    ],
    expected: human("olgabot", "trap/login-contains-bot"),
    branchCommits: [
      { message: "Fix typos in markov docstrings", at: olgaAt - 20 * MINUTE },
      { message: "Apply suggestions from code review\n\nCo-authored-by: Daisuke Oyama <7353083+oyamad@users.noreply.github.com>", at: day(8, 9) },
    ],
  });
  b.addIssue({
    repo: "QuantEcon/QuantEcon.py",
    author: "olgabot",
    createdAt: day(7, 14),
    title: "Typos in `quantecon.markov` docstrings",
    body: "`stationary_distributions` is spelled `stationary_distributons` in two places.",
    closedAt: day(9, 2, 40),
    expected: human("olgabot", "trap/login-contains-bot"),
  });
  b.addPr({
    repo: "QuantEcon/QuantEcon.manual",
    author: "timabbott",
    createdAt: day(21, 19, 5),
    title: "Fix typo in the writing conventions page",
    body: "",
    headRef: "patch-1",
    headRepo: "timabbott/QuantEcon.manual",
    outcome: { state: "MERGED", at: day(22, 3, 11), by: "mmcky" },
    reviews: [{ author: "mmcky", state: "APPROVED", at: day(22, 3, 10) }],
    expected: human("timabbott", "trap/login-contains-bot"),
  });

  // AI-assisted human commits: the assistant is a co-author, the person did the work.
  const claude = "Co-authored-by: Claude <noreply@anthropic.com>";
  const copilotTrailer = "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>";
  for (const [repo, login, message] of [
    ["QuantEcon/lecture-python.myst", "HumphreyYang", `Refactor kalman figures into a helper function\n\n${claude}`],
    ["QuantEcon/action-translation", "mmcky", `Tidy the heading-map module\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\n${claude}`],
    ["QuantEcon/lecture-jax", "kp992", `Vectorise the inventory simulation\n\n${copilotTrailer}`],
  ] as const) {
    const at = rng.time(FROM, TO);
    const git = gitFor(login);
    b.addCommit({ repo, message, authoredAt: at - 40 * MINUTE, committedAt: at, author: git, committer: git, parents: 1, committedViaWeb: false, pr: null, expected: human(login, "trap/ai-co-authored-commit") });
  }
  const aiPrAt = rng.time(day(12), day(13));
  b.addPr({
    repo: "QuantEcon/lecture-python-intro",
    author: "nisha617",
    createdAt: aiPrAt,
    title: "[lln_clt] Speed up the simulation cells",
    body: "Used Copilot to vectorise the loops.",
    headRef: "lln-clt-speedup",
    outcome: { state: "MERGED", at: aiPrAt + 26 * HOUR, by: "HumphreyYang" },
    reviews: [{ author: "HumphreyYang", state: "APPROVED", at: aiPrAt + 25 * HOUR }],
    expected: human("nisha617", "trap/ai-co-authored-pr"),
    squashBody: `* vectorise loops\n\n* address review\n\n${copilotTrailer}`,
  });

  // A deleted account: GitHub shows "ghost".
  const ghostAt = day(11, 8, 30);
  b.addPr({
    repo: "QuantEcon/lecture-python-programming.myst",
    author: null,
    createdAt: ghostAt,
    title: "Update numpy.md",
    body: "",
    headRef: "patch-2",
    headRepo: null,
    outcome: { state: "CLOSED", at: day(13, 4) },
    reviews: [{ author: "mmcky", state: "COMMENTED", at: day(12, 23) }],
    expected: human(null, "trap/ghost-author"),
  });
  b.addIssue({
    repo: "QuantEcon/lecture-python-intro",
    author: null,
    createdAt: day(17, 5, 2),
    title: "Exercise 3 solution gives a different answer",
    body: "Running the code gives 0.41 rather than 0.43.",
    closedAt: day(18, 1),
    expected: human(null, "trap/ghost-author"),
  });
  const reviewedByGhostAt = day(3, 10);
  b.addPr({
    repo: "QuantEcon/lecture-python.myst",
    author: "longye-tian",
    createdAt: reviewedByGhostAt,
    title: "[career] Fix typo in exercise 1",
    body: "This PR updates `lectures/career.md`.",
    headRef: "career-fix-typo",
    outcome: { state: "MERGED", at: day(5, 6), by: "jstac" },
    reviews: [
      { author: null, state: "COMMENTED", at: day(3, 20) },
      { author: "jstac", state: "APPROVED", at: day(5, 5) },
    ],
    expected: human("longye-tian", "human-pr/reviewed-by-ghost"),
  });

  // A PR opened in April, reviewed in April and May, still open: in the window through its May review.
  const aprilAt = day(1) - 11 * DAY;
  b.addPr({
    repo: "QuantEcon/lecture-python-advanced.myst",
    author: "thomassargent30",
    createdAt: aprilAt,
    title: "[amss] New section on the Ramsey plan with incomplete markets",
    body: "Draft of a new section. Comments welcome.",
    headRef: "amss-new-section",
    isDraft: true,
    outcome: { state: "OPEN" },
    reviews: [
      { author: "HumphreyYang", state: "COMMENTED", at: aprilAt + 2 * DAY },
      { author: "HumphreyYang", state: "COMMENTED", at: day(12, 4) },
    ],
    expected: human("thomassargent30", "human-pr/opened-in-april-reviewed-in-may"),
  });
  // A stale PR from March closed during May clean-up.
  b.addPr({
    repo: "QuantEcon/quantecon-book-theme",
    author: "mvarga-dev",
    createdAt: day(1) - 55 * DAY,
    title: "Add print stylesheet",
    body: "",
    headRef: "print-css",
    headRepo: "mvarga-dev/quantecon-book-theme",
    outcome: { state: "CLOSED", at: day(15, 3) },
    reviews: [{ author: "mmcky", state: "CHANGES_REQUESTED", at: day(1) - 50 * DAY }],
    expected: human("mvarga-dev", "human-pr/stale-closed-in-may"),
  });
}

// ---------------------------------------------------------------------------------------------
// Scenario: human direct commits and issues

const DIRECT_COMMITS: readonly (readonly [string, string, number, readonly string[]])[] = [
  ["QuantEcon/lecture-dp", "jstac", 28, ["misc", "edits", "Update {lec}.md", "minor edits to {lec}", "add exercise to {lec}", "tidy up", "fix typo"]],
  ["QuantEcon/lecture-python.myst", "jstac", 8, ["misc edits", "Update {lec}.md", "small fix to {lec}"]],
  ["QuantEcon/lecture-jax", "jstac", 8, ["misc", "edits to {lec}", "Update {lec}.md"]],
  ["QuantEcon/continuous_time_mcs", "jstac", 10, ["edits", "misc", "new figures", "fix proof in ch 3"]],
  ["QuantEcon/book-networks", "jstac", 4, ["edits", "errata"]],
  ["QuantEcon/meta", "mmcky", 6, ["Update README.md", "update team list", "Add meeting notes"]],
  ["QuantEcon/QuantEcon.manual", "mmcky", 5, ["Update README.md", "fix link", "update translation guide"]],
  ["QuantEcon/action-translation", "mmcky", 6, ["update CHANGELOG for v0.9.1", "update CHANGELOG for v0.9.2", "tidy CHANGELOG", "fix test fixture"]],
  ["QuantEcon/action-style-guide", "mmcky", 3, ["update rules", "Update README.md"]],
  ["QuantEcon/lecture-python-intro", "HumphreyYang", 4, ["fix typo in {lec}", "update {lec} figure"]],
  ["QuantEcon/quantecon.org", "mmcky", 5, ["Update team page", "Add news item", "fix footer link"]],
  ["QuantEcon/lecture-tools-techniques", "mmcky", 2, ["Update environment.yml", "misc"]],
  ["QuantEcon/lecture-datascience.myst", "mmcky", 2, ["fix build", "Update README.md"]],
  ["QuantEcon/lecture-python.zh-cn", "xuanguang-li", 3, ["修正术语表", "Update glossary"]],
];

function humanCommits(b: DemoBuilder): void {
  const rng = rngFor("human-commits");
  for (const [repo, login, count, messages] of DIRECT_COMMITS) {
    const lectures = lecturesOf(repo);
    for (let i = 0; i < count; i++) {
      const at = rng.time(FROM, TO);
      const lec = lectures.length > 0 ? rng.pick(lectures) : "index";
      const message = rng.pick(messages).replace("{lec}", lec);
      const viaWeb = message.startsWith("Update README") || (login === "mmcky" && rng.chance(0.3));
      // jstac sometimes commits from a laptop whose email is linked to no account.
      const unlinked = login === "jstac" && rng.chance(0.12);
      const git: GitActor = unlinked ? { login: null, name: "John Stachurski", email: "john@Johns-MacBook-Pro.local" } : gitFor(login);
      const authoredAt = viaWeb ? at : at - rng.int(0, 180) * MINUTE;
      b.addCommit({
        repo,
        message,
        authoredAt,
        committedAt: at,
        author: git,
        committer: viaWeb ? WEB_FLOW : git,
        parents: 1,
        committedViaWeb: viaWeb,
        pr: null,
        expected: human(gitActorName(git), unlinked ? "human-commit/unlinked-git-identity" : viaWeb ? "human-commit/web-edit" : "human-commit/direct-push"),
      });
    }
  }
}

const ISSUE_TITLES: readonly ((lec: string) => string)[] = [
  (l) => `[${l}] Typo in exercise 2`,
  (l) => `[${l}] Code cell raises DeprecationWarning`,
  (l) => `Broken link in ${l}`,
  (l) => `[${l}] Figure does not render in the PDF`,
  (l) => `[${l}] Explanation of the stationary distribution is unclear`,
  () => "Build failing on main",
  () => "Suggestion: add a lecture on optimal transport",
  () => "Update to anaconda 2025.06",
];

const OTHER_ISSUES: Readonly<Record<string, readonly string[]>> = {
  "QuantEcon/meta": ["Migrate automation from personal tokens to quantecon-services", "Monthly maintenance checklist - May 2026", "Audit workflow secrets across lecture repos"],
  "QuantEcon/QuantEcon.py": ["`ddp.solve` fails for sparse matrices", "Drop support for Python 3.9", "numba 0.61 warnings in `markov.core`"],
  "QuantEcon/action-translation": ["Support resync of a single file", "Sync fails when a heading contains math", "Record source commit in the PR metadata"],
  "QuantEcon/lecture-python.zh-cn": ["术语表：Bellman equation 的统一译法", "Figure captions not translated in kalman"],
  "QuantEcon/lecture-python.fa": ["RTL layout breaks inline math"],
  "QuantEcon/lecture-intro.zh-cn": ["Missing translation for the new exercises in cobweb"],
  "QuantEcon/quantecon-book-theme": ["Dark mode: admonition titles unreadable"],
  "QuantEcon/QuantEcon.manual": ["Document how to review translation PRs"],
};

function humanIssues(b: DemoBuilder): void {
  const rng = rngFor("human-issues");
  const lectureRepos = Object.keys(LECTURES);
  const people = ["mmcky", "jstac", "HumphreyYang", "Smit-create", "kp992", "longye-tian", "nisha617", "xuanguang-li", ...EXTERNALS, "jcheng-phd", "t-okafor"];
  for (let i = 0; i < 42; i++) {
    const repo = rng.pick(lectureRepos);
    const lec = rng.pick(lecturesOf(repo));
    const author = rng.pick(people);
    const early = rng.chance(0.1);
    const createdAt = early ? rng.time(day(1) - 25 * DAY, day(1) - HOUR) : rng.time(FROM, TO - HOUR);
    const closedAt = early || rng.chance(0.45) ? Math.max(createdAt, FROM) + rng.int(1, 200) * HOUR : null;
    b.addIssue({
      repo,
      author,
      createdAt,
      title: rng.pick(ISSUE_TITLES)(lec),
      body: rng.pick(["", `In \`lectures/${lec}.md\`, the second code cell fails with the current environment.`, "Reported by a student in the course.", "Spotted while reviewing the translation."]),
      labels: rng.pick([[], [], ["bug"], ["enhancement"], ["good first issue"]]),
      closedAt: closedAt !== null && closedAt < TO ? closedAt : early ? FROM + rng.int(1, 48) * HOUR : null,
      expected: human(author, early ? "human-issue/opened-in-april-closed-in-may" : "human-issue"),
    });
  }
  for (const [repo, titles] of Object.entries(OTHER_ISSUES)) {
    for (const title of titles) {
      const info = repoInfo(repo);
      const author = rng.pick(isTranslationRepo(repo) ? ["xuanguang-li", "HumphreyYang", "s-farahani"].filter((p) => repo.endsWith(".fa") === (p === "s-farahani")) : info.maintainers);
      const createdAt = rng.time(FROM, TO - HOUR);
      const closedAt = rng.chance(0.4) ? createdAt + rng.int(1, 120) * HOUR : null;
      b.addIssue({
        repo,
        author,
        createdAt,
        title,
        body: "",
        labels: [],
        closedAt: closedAt !== null && closedAt < TO ? closedAt : null,
        expected: human(author, "human-issue"),
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** The demo dataset and its expected verdicts, built from the fixed seed. */
export function generateDemo(): { dataset: Dataset; expected: ExpectedFile } {
  const b = new DemoBuilder();
  const upstream = humanPullRequests(b);
  translationSync(b, upstream);
  contentSync(b);
  notebookPublishing(b);
  styleGuide(b);
  reports(b);
  dependencyUpdates(b);
  copilot(b);
  traps(b);
  humanCommits(b);
  humanIssues(b);
  return b.finish();
}

/** The two files' exact text (two-space JSON, trailing newline). */
export function serializeDemo(demo: { dataset: Dataset; expected: ExpectedFile }): { dataset: string; expected: string } {
  return { dataset: `${JSON.stringify(demo.dataset, null, 2)}\n`, expected: `${JSON.stringify(demo.expected, null, 2)}\n` };
}

/** Item counts per scenario, for a quick look. */
export function scenarioCounts(expected: ExpectedFile): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of Object.values(expected.verdicts)) counts[v.scenario] = (counts[v.scenario] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compare(a, b)));
}

export const DATASET_PATH = fileURLToPath(new URL("../demo-2026-05.json", import.meta.url));
export const EXPECTED_PATH = fileURLToPath(new URL("../demo-2026-05.expected.json", import.meta.url));

function main(): void {
  const demo = generateDemo();
  const text = serializeDemo(demo);
  writeFileSync(DATASET_PATH, text.dataset);
  writeFileSync(EXPECTED_PATH, text.expected);
  const d = demo.dataset;
  const reviews = d.pullRequests.reduce((n, pr) => n + pr.reviews.length, 0);
  const lines = [
    `wrote ${DATASET_PATH}`,
    `  ${d.repos.length} repos, ${d.actors.length} actors, ${d.pullRequests.length} pull requests, ${reviews} reviews, ${d.commits.length} commits, ${d.issues.length} issues`,
    `wrote ${EXPECTED_PATH}`,
    `  ${Object.keys(demo.expected.verdicts).length} expected verdicts, by scenario:`,
    ...Object.entries(scenarioCounts(demo.expected)).map(([scenario, n]) => `  ${String(n).padStart(4)}  ${scenario}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
