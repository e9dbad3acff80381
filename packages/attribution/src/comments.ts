import type { Classifier } from "./classify.js";
import { RuleSchema, type Channel, type Rule, type RuleInput } from "./config.js";
import type { Comment, Dataset, Issue, PullRequest } from "./dataset.js";
import { Interner, type ListCursor } from "./intern.js";
import { knownAccount, normalizeLogin } from "./known-accounts.js";
import { commentRef, verdictCommentRef } from "./refs.js";
import { compileRule, type CompiledRule } from "./rules/match.js";
import type { Subject } from "./rules/subject.js";
import type { ActorVerdict, Evidence, Verdict } from "./verdict.js";

/*
 * Comment signatures. A comment says less than a PR (no branch, no labels), so each needs its
 * tool's account or a template no person types: the reports QuantEcon/action-translation posts
 * under whatever token it holds. A greeting or a preview link counts only from
 * an App (`authorType: Bot`): a maintainer who writes "thanks for opening this" is a person.
 * Same format as config rules: a config rule with the same id replaces one, and
 * `builtins.disable` turns one off.
 */
const PACKS: RuleInput[] = [
  {
    id: "builtin/translation-sync-comment",
    description: "QuantEcon/action-translation's comments: sync reports, rebase notices, translation reviews",
    on: ["comment"],
    kind: "translation-sync",
    // Its templates (src/index.ts @ e6e9176, 2026-08-20): `### ✅ Translation sync completed (<lang>)`
    // on the source PR (postSuccessComment, :1221); `♻️ **Automatically rebased** after #N was merged.`
    // (:219), `⚠️ **Automatic rebase failed** after #N …` (:232) and `⚠️ **Automatic branch refresh
    // failed** after #N …` (:193) on sibling sync PRs; `✅ A later sync for PR #N (<lang>) succeeded: `
    // closing a failure issue (:1276); and the review mode's report, which opens with
    // `<!-- action-translation-review -->` (src/reviewer.ts:61, :1926).
    match: {
      body: "^(?:### ✅ Translation sync completed \\(|♻️ \\*\\*Automatically rebased\\*\\* after #\\d|⚠️ \\*\\*Automatic (?:rebase|branch refresh) failed\\*\\* after #\\d|✅ A later sync for PR #\\d+ \\(|<!-- action-translation-review -->)",
    },
  },
  {
    id: "builtin/preview-deploy-comment",
    description: "Preview-deploy links posted by workflows and hosting apps",
    on: ["comment"],
    kind: "ci",
    match: {
      authorType: "Bot",
      body: "/deploy(?:ment)? preview|preview (?:is )?(?:ready|deployed|available)|🚀 deployed on|\\.netlify\\.app|\\.vercel\\.app|\\.pages\\.dev|readthedocs\\.build/i",
    },
  },
  {
    id: "builtin/ai-review-comment",
    description: "AI reviewers' notes and summaries",
    on: ["comment"],
    kind: "ai-agent",
    match: [
      { author: ["copilot-pull-request-reviewer", "copilot", "coderabbitai", "gemini-code-assist", "chatgpt-codex-connector", "claude", "sourcery-ai", "qodo-merge-pro"], authorType: "Bot" },
      { authorType: "Bot", body: "<!-- This is an auto-generated comment" },
    ],
  },
  {
    id: "builtin/triage-greeting",
    description: "Greetings and triage notes that apps post on new issues and PRs",
    on: ["comment"],
    kind: "triage",
    match: { authorType: "Bot", body: "/^\\s*(?:👋\\s*)?(?:hi|hello|hey|welcome|thanks? (?:you )?for (?:opening|submitting|your|reporting|contributing))\\b|first (?:issue|pull request|contribution)|stale|will be closed/i" },
  },
];

/** The built-in comment rules, validated by the same schema as config rules. */
export const COMMENT_RULES: readonly Rule[] = PACKS.map((rule) => RuleSchema.parse(rule));

const MAINTAINERS: ReadonlySet<string> = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

interface Template {
  class: Verdict["class"];
  channel: Channel;
  kind: string | null;
  actor: string;
  onBehalfOf: string | null;
  evidence: readonly Evidence[];
}

/**
 * Verdicts on conversation comments, for one classifier (its config and the dataset's account
 * types). Made once per classifier; verdicts repeat per commenter, rule and association, so
 * each distinct one is built once and copied per comment.
 */
export class CommentClassifier {
  private readonly interner = new Interner();
  private readonly rules: CompiledRule[];
  // By commenter and maintainer association, then by the evidence a rule left (null: no rule).
  private readonly templates = new Map<string, Map<ListCursor | null, Template>>();
  private readonly subject: Subject = { type: "comment", repo: "", author: null, authorKey: null, authorType: undefined };

  constructor(private readonly classifier: Classifier) {
    const config = classifier.config;
    const own = config.rules.filter((r) => r.enabled && r.on.includes("comment"));
    const replaced = new Set([...config.rules.map((r) => r.id), ...config.builtins.disable]);
    this.rules = [...own, ...COMMENT_RULES.filter((r) => !replaced.has(r.id))].map((rule) => compileRule(rule, this.interner));
  }

  /** The verdict on the i-th comment of a pull request or issue. */
  comment(item: Pick<PullRequest | Issue, "repo" | "number">, comment: Comment, index: number): Verdict {
    const ref = this.classifier.flatRefs ? commentRef(item.repo, item.number, index) : verdictCommentRef(item.repo, item.number, index);
    const t = this.template(item.repo, comment);
    return { ref, type: "comment", class: t.class, channel: t.channel, kind: t.kind, actor: t.actor, onBehalfOf: t.onBehalfOf, evidence: t.evidence };
  }

  private template(repo: string, comment: Comment): Template {
    const login = comment.author;
    const s = this.subject;
    s.repo = repo;
    s.author = login;
    s.authorKey = login === null ? null : normalizeLogin(login);
    s.authorType = this.classifier.typeOf(login);
    s.body = comment.body;
    let matched: Rule | undefined;
    let at: ListCursor | undefined;
    for (const compiled of this.rules) {
      at = compiled.test(s, this.interner.empty);
      if (at) {
        matched = compiled.rule;
        break;
      }
    }
    const association = MAINTAINERS.has(comment.authorAssociation) ? comment.authorAssociation : null;
    const key = `${login ?? ""}\u0000${association ?? ""}`;
    let byMatch = this.templates.get(key);
    if (!byMatch) this.templates.set(key, (byMatch = new Map()));
    let t = byMatch.get(at ?? null);
    if (!t) {
      t = this.decide(login, matched, at, association);
      byMatch.set(at ?? null, t);
    }
    return t;
  }

  private decide(login: string | null, rule: Rule | undefined, at: ListCursor | undefined, association: string | null): Template {
    const ev = (r: string, signal: string, detail: string): Evidence => this.interner.evidence(r, signal, detail);
    if (login === null) {
      return this.done("human", "human", null, "ghost", null, [ev("actor/ghost", "author", "the commenter's account was deleted (ghost)")], "actor/ghost");
    }
    const account: ActorVerdict = this.classifier.account(login);
    const base = account.evidence.map((e) => ev(e.rule, e.signal, e.detail));
    if (rule) {
      const lines = [...base, ...(at ? this.interner.list(at) : [])];
      if (rule.class === "human") return this.done("human", "human", null, login, null, lines, rule.id);
      const kind = rule.kind ?? "other";
      if (rule.channel) return this.done("automation", rule.channel, kind, login, rule.channel === "personal-token" ? login : null, lines, rule.id);
      if (account.class === "automation") return this.done("automation", account.channel, kind, login, null, lines, rule.id);
      lines.push(ev(rule.id, "token", `automation shown as ${login}: it ran under that person's token`));
      return this.done("automation", "personal-token", kind, login, login, lines, rule.id);
    }
    if (account.class === "automation") {
      // A login that only looks like a machine's is one signal; a maintainer writing without any
      // automation template is the other side, and it says person.
      // The account's own verdict line is dropped when the comment overrides it; "no work of its own
      // to judge by" is no evidence either way.
      const patternOnly = account.evidence.every((e) => e.rule === "actor/machine-user-pattern" || e.rule === "behaviour/none" || e.signal === "verdict");
      if (patternOnly && association) {
        const line = ev("comment/maintainer-words", "author-association", `${login} comments as ${association} and the comment matches no automation template: the login pattern alone does not make it automation`);
        const reasons = account.evidence.filter((e) => e.signal !== "verdict").map((e) => ev(e.rule, e.signal, e.detail));
        return this.done("human", "human", null, login, null, [...reasons, line], "comment/maintainer-words");
      }
      const configured = this.classifier.config.bots.find((b) => normalizeLogin(b.login) === normalizeLogin(login));
      const kind = configured?.kind ?? knownAccount(login)?.kind ?? (account.channel === "github-actions" ? "ci" : "other");
      return this.done("automation", account.channel, kind, login, null, base, account.evidence[0]?.rule ?? "actor");
    }
    return this.done("human", "human", null, login, null, base, account.evidence[0]?.rule ?? "actor");
  }

  private done(cls: Verdict["class"], channel: Channel, kind: string | null, actor: string, onBehalfOf: string | null, lines: Evidence[], decidedBy: string): Template {
    const who = channel === "personal-token" ? ` under ${onBehalfOf ?? "a person"}'s personal token` : channel === "human" ? "" : ` via ${channel}`;
    const detail = cls === "human" ? `human comment by ${actor}` : `automation (${kind}) shown as ${actor}${who}`;
    const evidence = this.interner.list(this.interner.extendAll(this.interner.empty, [...lines, this.interner.evidence(decidedBy, "verdict", detail)]));
    return { class: cls, channel, kind, actor, onBehalfOf, evidence };
  }
}

const perClassifier = new WeakMap<Classifier, CommentClassifier>();

/** The comment classifier that goes with a classifier (made once). */
export function commentClassifier(classifier: Classifier): CommentClassifier {
  let c = perClassifier.get(classifier);
  if (!c) perClassifier.set(classifier, (c = new CommentClassifier(classifier)));
  return c;
}

/** Number of comments a dataset carries (0 when it was fetched without them). */
export function commentCount(dataset: Pick<Dataset, "pullRequests" | "issues">): number {
  // Indexed loops: this runs over every item twice per report, and a for-of iterator's result
  // objects are a million allocations whenever the loop runs unoptimized.
  let n = 0;
  const prs = dataset.pullRequests;
  for (let i = 0; i < prs.length; i++) n += prs[i]?.comments?.length ?? 0;
  const issues = dataset.issues;
  for (let i = 0; i < issues.length; i++) n += issues[i]?.comments?.length ?? 0;
  return n;
}

/**
 * Appends one verdict per comment: every pull request's comments in dataset order, then every
 * issue's. Ref `owner/repo#N/comment/<i>`, the i-th comment oldest first.
 */
export function pushCommentVerdicts(dataset: Pick<Dataset, "pullRequests" | "issues">, classifier: Classifier, out: Verdict[]): void {
  if (commentCount(dataset) === 0) return;
  const comments = commentClassifier(classifier);
  for (const list of [dataset.pullRequests, dataset.issues] as const) {
    for (const item of list) {
      const own = item.comments;
      if (!own) continue;
      for (let i = 0; i < own.length; i++) out.push(comments.comment(item, own[i] as Comment, i));
    }
  }
}
