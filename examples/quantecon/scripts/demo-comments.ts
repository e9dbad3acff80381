/**
 * Conversation comments and closers for the demo month, written the way the rest of the demo
 * is: from scenarios, with a seeded stream, and each comment's expected verdict recorded from how
 * it was made (which account posted it, under which token, by which tool), never from the
 * classifier. Called by generate-demo.ts once every item is rendered.
 */
import { parseTranslationMetadata, type Channel, type Comment, type Issue, type PullRequest } from "@quantecon/attribution";
import type { ExpectedVerdict } from "./generate-demo.js";

/** The verdict a comment must get: the generator's own record of how an item was made. */
type Expected = ExpectedVerdict;

/** The generator's seeded stream (see `Rng` in generate-demo.ts). */
interface Stream {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** What the generator hands over: rendered items with the verdict each was made to get. */
export interface CommentInputs {
  pullRequests: { item: PullRequest; expected: Expected }[];
  issues: { item: Issue; expected: Expected }[];
  rng: Stream;
  /** Nothing happens at or after this instant (the dataset's generation time). */
  until: number;
  /** Records an expected verdict by ref. */
  put: (ref: string, expected: Expected) => void;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Maintainers who answer; `econbot-dev` is a research assistant whose login merely contains "bot". */
const MAINTAINERS = ["mmcky", "jstac", "HumphreyYang", "Smit-create", "kp992", "longye-tian", "oyamad", "econbot-dev"] as const;
const MEMBERS = new Set<string>(MAINTAINERS);

const human = (actor: string, scenario: string): Expected => ({ class: "human", channel: "human", kind: null, onBehalfOf: null, actor, scenario });
const auto = (channel: Channel, kind: string, actor: string, onBehalfOf: string | null, scenario: string): Expected => ({ class: "automation", channel, kind, onBehalfOf, actor, scenario });

const PR_REPLIES = [
  "Thanks for this. Could you also update the figure caption so it matches the new notation?",
  "Looks good to me. One small thing: the exercise solution still uses the old variable name.",
  "I checked the build locally and the lecture renders fine.",
  "Can we split the refactor from the content change? It would make the review easier.",
  "Nice catch. I think the same typo appears in the Julia version too.",
  "The preview looks right to me; merging once CI is green.",
  "Could you add a short note in the changelog?",
  "I'm not sure about this change: the original wording follows the textbook.",
];
const AUTHOR_FOLLOW_UPS = ["Updated, thanks for the review.", "Done: I split it into two commits.", "Good point, fixed in the latest push.", "Thanks! I've addressed the comments."];
const ISSUE_REPLIES = [
  "Thanks for the report. I can reproduce this on the current build; we'll fix it this week.",
  "Could you share the version of the `quantecon` package you are using?",
  "This should be fixed by the latest release. Please reopen if you still see it.",
  "Good suggestion. Would you like to open a PR for it?",
  "I think this is a duplicate of an older issue; closing this one in favour of it.",
];

function association(login: string, author: string | null): Comment["authorAssociation"] {
  if (MEMBERS.has(login) || login === "quantecon-services") return "MEMBER";
  return login === author ? "CONTRIBUTOR" : "NONE";
}

const repoSlug = (repo: string): string => (repo.split("/")[1] ?? repo).replace(/\./g, "-").toLowerCase();

/** Comments on one item, before sorting: the comment and its expected verdict. */
type Draft = { at: number; comment: Comment; expected: Expected };

function say(login: string, at: number, body: string, author: string | null, expected: Expected): Draft {
  return { at, comment: { author: login, createdAt: iso(at), authorAssociation: association(login, author), body }, expected };
}

/**
 * Adds `comments` to every pull request and issue (and `closedBy` to closed issues), bumps
 * `updatedAt` past the last comment, and records an expected verdict per comment.
 */
export function addDemoComments({ pullRequests, issues, rng, until, put }: CommentInputs): void {
  const byRef = new Map<string, Draft[]>();
  const add = (repo: string, n: number, d: Draft): void => {
    if (d.at >= until) return;
    const list = byRef.get(`${repo}#${n}`) ?? [];
    list.push(d);
    byRef.set(`${repo}#${n}`, list);
  };
  const prByRef = new Map(pullRequests.map((p) => [`${p.item.repo}#${p.item.number}`, p.item]));
  const trapsLeft = { preview: 2, greeting: 2, botLogin: 4 };

  for (const { item: pr, expected } of pullRequests) {
    const created = Date.parse(pr.createdAt);
    const end = Math.min(until, pr.closedAt ? Date.parse(pr.closedAt) : until);
    const scenario = expected.scenario;
    const humanWork = expected.class === "human" && (scenario.startsWith("human-pr") || scenario.startsWith("trap/"));
    if (humanWork && !pr.repo.endsWith("QuantEcon.py") && rng.chance(0.6)) {
      // The docs workflow comments a preview link minutes after the PR opens.
      const at = created + rng.int(4, 15) * MINUTE;
      add(pr.repo, pr.number, say("github-actions", at, `🚀 Deployed on https://${(rng.next() * 2 ** 32).toString(16).replace(".", "").slice(0, 8)}--${repoSlug(pr.repo)}.netlify.app`, pr.author, auto("github-actions", "ci", "github-actions", null, "comment/preview-deploy")));
    }
    if (humanWork && rng.chance(0.12)) {
      const at = created + rng.int(2, 9) * MINUTE;
      add(pr.repo, pr.number, say("copilot-pull-request-reviewer", at, `## Pull request overview\n\nThis PR updates ${pr.changedFiles} file${pr.changedFiles === 1 ? "" : "s"}. Copilot reviewed the changes and generated no comments.`, pr.author, auto("github-app", "ai-agent", "copilot-pull-request-reviewer", null, "comment/ai-reviewer-note")));
    }
    if (humanWork && rng.chance(0.55)) {
      const others = MAINTAINERS.filter((m) => m !== pr.author);
      const who = trapsLeft.botLogin > 0 && rng.chance(0.1) ? (trapsLeft.botLogin--, "econbot-dev") : rng.pick(others.filter((m) => m !== "econbot-dev"));
      const at = created + rng.int(20, 60 * 60) * MINUTE;
      if (at < end) {
        let body = rng.pick(PR_REPLIES);
        let s = who === "econbot-dev" ? "comment/maintainer-login-contains-bot" : "comment/maintainer-reply";
        if (trapsLeft.preview > 0 && rng.chance(0.05)) {
          trapsLeft.preview--;
          body = `The deploy preview at https://deploy-preview-${pr.number}--${repoSlug(pr.repo)}.netlify.app looks right to me.`;
          s = "comment/trap-person-mentions-preview";
        }
        add(pr.repo, pr.number, say(who, at, body, pr.author, human(who, s)));
        if (pr.author && rng.chance(0.4)) {
          const reply = at + rng.int(30, 24 * 60) * MINUTE;
          add(pr.repo, pr.number, say(pr.author, reply, rng.pick(AUTHOR_FOLLOW_UPS), pr.author, human(pr.author, "comment/author-follow-up")));
        }
      }
    }
  }

  // action-translation reports each sync PR it opened on the source PR, under the token it ran with.
  for (const { item: sync, expected } of pullRequests) {
    if (!expected.scenario.startsWith("translation-sync-pr")) continue;
    const meta = parseTranslationMetadata(sync.body);
    const source = meta?.sourcePR === null || meta?.sourcePR === undefined ? undefined : prByRef.get(`${meta.sourceRepo}#${meta.sourcePR}`);
    if (!source || !sync.author) continue;
    const at = Date.parse(sync.createdAt) + 20_000;
    const made =
      expected.channel === "personal-token"
        ? auto("personal-token", "translation-sync", sync.author, sync.author, "comment/translation-sync-report/personal-token")
        : auto(expected.channel, "translation-sync", sync.author, expected.onBehalfOf, `comment/translation-sync-report/${expected.channel}`);
    // action-translation's postSuccessComment (src/index.ts:1221 @ e6e9176), word for word.
    const report = [
      `### ✅ Translation sync completed (${meta?.targetLanguage ?? "zh-cn"})`,
      "",
      `**Target repo**: ${sync.repo}`,
      `**Translation PR**: ${sync.url}`,
      `**Files synced** (${meta?.files.length ?? 0}):`,
      ...(meta?.files ?? []).map((f) => `- \`${f}\``),
    ].join("\n");
    add(source.repo, source.number, say(sync.author, at, report, source.author, made));
  }

  const closers = new Map<string, string | null>();
  for (const { item: issue, expected } of issues) {
    const created = Date.parse(issue.createdAt);
    const end = Math.min(until, issue.closedAt ? Date.parse(issue.closedAt) : until);
    const external = issue.author !== null && !MEMBERS.has(issue.author) && expected.class === "human";
    let responder: string | null = null;
    if (external) {
      // A first-interaction workflow greets people from outside the team.
      add(issue.repo, issue.number, say("github-actions", created + MINUTE, "👋 Thanks for opening your first issue here! A maintainer will triage it soon.", issue.author, auto("github-actions", "triage", "github-actions", null, "comment/triage-greeting")));
    }
    if (expected.class === "human" && rng.chance(0.7)) {
      responder = rng.pick(MAINTAINERS.filter((m) => m !== issue.author && m !== "econbot-dev"));
      const at = created + rng.int(30, 5 * 24 * 60) * MINUTE;
      if (at < end) {
        const greeting = trapsLeft.greeting > 0 && external && rng.chance(0.2);
        if (greeting) trapsLeft.greeting--;
        const body = greeting ? "Thanks for opening this! Welcome to QuantEcon. Could you tell us which lecture you were reading?" : rng.pick(ISSUE_REPLIES);
        add(issue.repo, issue.number, say(responder, at, body, issue.author, human(responder, greeting ? "comment/trap-person-greets" : "comment/maintainer-answer")));
      } else responder = null;
    }
    if (expected.scenario.startsWith("translation-sync-failure-issue") && rng.chance(0.6)) {
      const at = created + rng.int(1, 20) * HOUR;
      if (at < end) add(issue.repo, issue.number, say("mmcky", at, "Re-ran the workflow after the API recovered; the sync PR is open now.", issue.author, human("mmcky", "comment/maintainer-answer")));
    }
    if (issue.closedAt) {
      // Failure issues and reports are closed by hand by a maintainer; people's issues by whoever answered.
      closers.set(`${issue.repo}#${issue.number}`, responder ?? rng.pick(["mmcky", "jstac", "HumphreyYang"]));
    }
  }

  const finish = (item: PullRequest | Issue): void => {
    const ref = `${item.repo}#${item.number}`;
    const drafts = (byRef.get(ref) ?? []).sort((a, b) => a.at - b.at);
    item.comments = drafts.map((d) => d.comment);
    drafts.forEach((d, i) => put(`${ref}/comment/${i}`, d.expected));
    const last = drafts.at(-1);
    if (last && Date.parse(item.updatedAt) < last.at) item.updatedAt = iso(Math.min(until - 1000, last.at + rng.int(0, 120) * 1000));
  };
  for (const { item } of pullRequests) finish(item);
  for (const { item } of issues) {
    finish(item);
    if (item.closedAt) item.closedBy = closers.get(`${item.repo}#${item.number}`) ?? null;
  }
}
