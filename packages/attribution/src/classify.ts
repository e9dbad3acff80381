import { classifyActor } from "./actor.js";
import { aiAssistance } from "./ai-assist.js";
import { defaultConfig, type Channel, type Config, type Rule } from "./config.js";
import type { Commit, Dataset, Issue, PullRequest, Review } from "./dataset.js";
import { knownAccount, normalizeLogin } from "./known-accounts.js";
import { commitRef, itemRef, reviewRef } from "./refs.js";
import { BUILTIN_RULES } from "./rules/builtin.js";
import { compileRule, type CompiledRule } from "./rules/match.js";
import { trailers, type Subject } from "./rules/subject.js";
import type { ActorVerdict, Evidence, Verdict } from "./verdict.js";
import { Interner } from "./intern.js";

/** Config rules first, in order; then the built-ins that are neither replaced nor disabled. */
export function effectiveRules(config: Config): Rule[] {
  const own = config.rules.filter((r) => r.enabled);
  const replaced = new Set([...config.rules.map((r) => r.id), ...config.builtins.disable]);
  return [...own, ...BUILTIN_RULES.filter((r) => !replaced.has(r.id))];
}

interface Identity {
  actor: string;
  login: string | null;
  verdict: ActorVerdict;
}

const GITHUB_NOREPLY_BOT = /^\d+\+(.+)\[bot\]@users\.noreply\.github\.com$/i;

/** The classifier for one config: rules compiled once, account verdicts cached per login. */
export class Classifier {
  readonly config: Config;
  private readonly rules: CompiledRule[];
  private readonly interner = new Interner();
  private readonly actorTypes = new Map<string, { type: string; name: string | null }>();
  private readonly actorCache = new Map<string, ActorVerdict>();
  private readonly machineNames: Map<string, string>;
  private readonly machineEmails: Map<string, string>;
  // Commits by unlinked git identities repeat (notebook publishing): one identity each.
  private readonly unlinked = new Map<string, Identity>();

  constructor(config: Config = defaultConfig(), dataset?: Pick<Dataset, "actors">) {
    this.config = config;
    this.rules = effectiveRules(config).map((rule) => compileRule(rule, this.interner));
    for (const a of dataset?.actors ?? []) this.actorTypes.set(normalizeLogin(a.login), { type: a.type, name: a.name ?? null });
    this.machineNames = new Map(config.machineAccounts.flatMap((m) => m.names.map((n) => [n.toLowerCase(), m.login] as const)));
    this.machineEmails = new Map(config.machineAccounts.flatMap((m) => m.emails.map((e) => [e.toLowerCase(), m.login] as const)));
  }

  /** The dataset's GraphQL type of a login, if it lists one. */
  typeOf(login: string | null): string | undefined {
    return login ? this.actorTypes.get(normalizeLogin(login))?.type : undefined;
  }

  /** The account verdict of a login as the dataset types it (cached). */
  account(login: string): ActorVerdict {
    let cached = this.actorCache.get(login);
    if (!cached) {
      const known = this.actorTypes.get(normalizeLogin(login));
      cached = this.shared(classifyActor({ login, type: known?.type ?? null, name: known?.name ?? null }, this.config));
      this.actorCache.set(login, cached);
    }
    return cached;
  }

  // The same verdict with its evidence lines and list shared.
  private shared(verdict: ActorVerdict): ActorVerdict {
    return { ...verdict, evidence: this.interner.list(verdict.evidence.map((e) => this.interner.evidence(e.rule, e.signal, e.detail))) };
  }

  private loginIdentity(login: string | null): Identity {
    if (login === null) {
      return this.interner.memo(["ghost"], () => ({ actor: "ghost", login: null, verdict: this.shared({ class: "human", channel: "human", evidence: [{ rule: "actor/ghost", signal: "author", detail: "the author's account was deleted (ghost)" }] }) }));
    }
    return { actor: login, login, verdict: this.account(login) };
  }

  // A commit's author: its login when GitHub linked the email, else its git name and email.
  private commitIdentity(commit: Commit): Identity {
    const { login, name, email } = commit.author;
    if (login) return this.loginIdentity(login);
    const key = `${name ?? ""}\u0000${email ?? ""}`;
    let cached = this.unlinked.get(key);
    if (!cached) {
      const identity = this.gitIdentity(name, email);
      cached = { ...identity, verdict: this.shared(identity.verdict) };
      this.unlinked.set(key, cached);
    }
    return cached;
  }

  private gitIdentity(name: string | null, email: string | null): Identity {
    const actor = name ?? email ?? "unknown";
    const machine = (email && this.machineEmails.get(email.toLowerCase())) || (name && this.machineNames.get(name.toLowerCase()));
    if (machine) {
      const detail = `git identity "${name ?? ""} <${email ?? ""}>" belongs to machine account ${machine}`;
      return { actor, login: null, verdict: { class: "automation", channel: "machine-account", evidence: [{ rule: "config/machine-account", signal: "git-identity", detail }] } };
    }
    const botLogin = (email && GITHUB_NOREPLY_BOT.exec(email)?.[1]) || (name && /\[bot\]$/i.test(name) ? name : undefined);
    if (botLogin) {
      const verdict = classifyActor({ login: botLogin, type: "Bot" }, this.config);
      return { actor, login: null, verdict: { ...verdict, evidence: [{ rule: "actor/bot-email", signal: "git-identity", detail: `git identity "${name ?? ""} <${email ?? ""}>" is the GitHub App ${botLogin}` }, ...verdict.evidence] } };
    }
    if (email?.toLowerCase() === "action@github.com") {
      return { actor, login: null, verdict: { class: "automation", channel: "github-actions", evidence: [{ rule: "actor/actions-email", signal: "git-identity", detail: "git email action@github.com is the default of workflows" }] } };
    }
    return { actor, login: null, verdict: { class: "human", channel: "human", evidence: [{ rule: "actor/unlinked", signal: "git-identity", detail: `git identity "${name ?? ""} <${email ?? ""}>" is linked to no account and to no automation` }] } };
  }

  private firstMatch(subject: Subject): { rule: Rule; evidence: Evidence[] } | undefined {
    for (const compiled of this.rules) {
      const evidence = compiled.test(subject);
      if (evidence) return { rule: compiled.rule, evidence };
    }
    return undefined;
  }

  // Combines who GitHub shows with what the rules saw into one verdict.
  private decide(ref: string, type: Verdict["type"], id: Identity, subject: Subject, extra: readonly Evidence[] = [], assignees: readonly string[] = [], match = this.firstMatch(subject)): Verdict {
    const evidence: Evidence[] = [...id.verdict.evidence];
    if (match?.rule.class === "human") {
      evidence.push(...match.evidence, ...extra);
      return this.verdict(ref, type, "human", "human", null, id.actor, null, evidence, match.rule.id);
    }
    if (match) {
      evidence.push(...match.evidence);
      const kind = match.rule.kind ?? "other";
      let channel: Channel;
      let onBehalfOf: string | null = null;
      if (match.rule.channel) channel = match.rule.channel;
      else if (id.verdict.class === "automation") channel = id.verdict.channel;
      else {
        channel = "personal-token";
        onBehalfOf = id.login;
        const detail = id.login ? `automation shown as ${id.login}: it ran under that person's token` : "automation shown under a person's identity";
        evidence.push(this.interner.evidence(match.rule.id, "token", detail));
      }
      if (channel === "personal-token" && onBehalfOf === null && id.verdict.class === "human") onBehalfOf = id.login;
      if (kind === "ai-agent" && onBehalfOf === null) onBehalfOf = this.requester(assignees, evidence, match.rule.id);
      return this.verdict(ref, type, "automation", channel, kind, id.actor, onBehalfOf, evidence, match.rule.id);
    }
    if (id.verdict.class === "automation") {
      const kind = this.defaultKind(id);
      const onBehalfOf = kind === "ai-agent" ? this.requester(assignees, evidence, "actor/default-kind") : null;
      return this.verdict(ref, type, "automation", id.verdict.channel, kind, id.actor, onBehalfOf, evidence, id.verdict.evidence[0]?.rule ?? "actor");
    }
    evidence.push(...extra);
    return this.verdict(ref, type, "human", "human", null, id.actor, null, evidence, id.verdict.evidence[0]?.rule ?? "actor");
  }

  // An AI agent works for the person who assigned it: the first assignee who is a person.
  private requester(assignees: readonly string[], evidence: Evidence[], rule: string): string | null {
    const person = assignees.find((a) => this.account(a).class === "human");
    if (person) evidence.push(this.interner.evidence(rule, "assignee", `assigned by ${person}, who it works for`));
    return person ?? null;
  }

  private defaultKind(id: Identity): string {
    const configured = id.login ? this.config.bots.find((b) => normalizeLogin(b.login) === normalizeLogin(id.login as string)) : undefined;
    if (configured) return configured.kind;
    const known = id.login ? knownAccount(id.login) : undefined;
    if (known) return known.kind;
    return id.verdict.channel === "github-actions" ? "ci" : "other";
  }

  private verdict(ref: string, type: Verdict["type"], cls: Verdict["class"], channel: Channel, kind: string | null, actor: string, onBehalfOf: string | null, evidence: Evidence[], decidedBy: string): Verdict {
    const decision = this.interner.memo(["v", decidedBy, cls, channel, kind, actor, onBehalfOf], () => {
      const who = channel === "personal-token" ? ` under ${onBehalfOf ?? "a person"}'s personal token` : channel === "human" ? "" : ` via ${channel}`;
      return this.interner.evidence(decidedBy, "verdict", cls === "human" ? `human work by ${actor}` : `automation (${kind}) shown as ${actor}${who}`);
    });
    evidence.push(decision);
    return { ref, type, class: cls, channel, kind, actor, onBehalfOf, evidence: this.interner.list(evidence) };
  }

  private assisted(trailerLines: readonly string[], body: string | undefined): Evidence[] {
    return aiAssistance(trailerLines, body).map((e) => this.interner.evidence(e.rule, e.signal, e.detail));
  }

  /** The verdict on a pull request. */
  pullRequest(pr: PullRequest): Verdict {
    const id = this.loginIdentity(pr.author);
    const subject: Subject = {
      type: "pullRequest",
      repo: pr.repo,
      author: pr.author,
      authorType: this.typeOf(pr.author),
      branch: pr.headRef,
      baseBranch: pr.baseRef,
      title: pr.title,
      body: pr.body,
      labels: pr.labels,
    };
    return this.decide(itemRef(pr.repo, pr.number), "pullRequest", id, subject, this.assisted([], pr.body), pr.assignees);
  }

  /** The verdict on the i-th review of a PR: the reviewer's own, whoever opened the PR. */
  review(pr: PullRequest, review: Review, index: number): Verdict {
    const id = this.loginIdentity(review.author);
    const subject: Subject = { type: "review", repo: pr.repo, author: review.author, authorType: this.typeOf(review.author) };
    return this.decide(reviewRef(pr.repo, pr.number, index), "review", id, subject);
  }

  /** The verdict on an issue. */
  issue(issue: Issue): Verdict {
    const id = this.loginIdentity(issue.author);
    const subject: Subject = { type: "issue", repo: issue.repo, author: issue.author, authorType: this.typeOf(issue.author), title: issue.title, body: issue.body, labels: issue.labels };
    return this.decide(itemRef(issue.repo, issue.number), "issue", id, subject, this.assisted([], issue.body));
  }

  /**
   * The verdict on a commit. Its own signals first; a commit a merged automated PR introduced,
   * authored as that PR's author, takes the PR's verdict (the squash commit of an `mmcky`
   * translation-sync PR is that automation). A merge commit, or a commit by someone else,
   * stays its author's own work.
   */
  commit(commit: Commit, pr?: { pr: PullRequest; verdict: Verdict }): Verdict {
    const id = this.commitIdentity(commit);
    const lines = trailers(commit.message);
    const subject: Subject = {
      type: "commit",
      repo: commit.repo,
      author: commit.author.login,
      authorType: this.typeOf(commit.author.login),
      message: commit.message,
      trailers: lines,
      gitNames: [commit.author.name, commit.committer.name].filter((v): v is string => !!v),
      gitEmails: [commit.author.email, commit.committer.email].filter((v): v is string => !!v),
      committer: commit.committer.login,
    };
    const match = this.firstMatch(subject);
    const own = this.decide(commitRef(commit.repo, commit.oid), "commit", id, subject, this.assisted(lines, undefined), [], match);
    if (!pr || pr.verdict.class !== "automation") return own;
    if (own.class === "automation") {
      // A rule on the commit itself decides its kind; an account alone does not, so the PR's
      // kind carries over to the bot's commits in it (dependabot's), and so does the person an
      // agent worked for (Copilot's commits name no assignee).
      if (own.channel !== pr.verdict.channel) return own;
      if (match && (own.kind !== pr.verdict.kind || own.onBehalfOf !== null || pr.verdict.onBehalfOf === null)) return own;
      const evidence = own.evidence.slice(0, -1);
      evidence.push(this.interner.evidence("builtin/pr-inheritance", "pull-request", `introduced by a merged ${pr.verdict.kind} PR of the same ${own.channel} automation`));
      return this.verdict(own.ref, "commit", "automation", own.channel, pr.verdict.kind, own.actor, pr.verdict.onBehalfOf, evidence, "builtin/pr-inheritance");
    }
    const sameAuthor = commit.author.login !== null && pr.pr.author !== null && normalizeLogin(commit.author.login) === normalizeLogin(pr.pr.author);
    if (commit.parents > 1 || !sameAuthor) return own;
    const evidence = own.evidence.slice(0, -1);
    evidence.push(this.interner.evidence("builtin/pr-inheritance", "pull-request", `introduced by a merged ${pr.verdict.kind} PR and authored as its author ${pr.pr.author}`));
    return this.verdict(own.ref, "commit", "automation", pr.verdict.channel, pr.verdict.kind, own.actor, pr.verdict.onBehalfOf, evidence, "builtin/pr-inheritance");
  }
}

/**
 * One verdict per item of the dataset: each pull request followed by its reviews, then
 * commits, then issues, each group in dataset order. Deterministic.
 */
export function classify(dataset: Dataset, config: Config = defaultConfig()): Verdict[] {
  const classifier = new Classifier(config, dataset);
  const out: Verdict[] = [];
  const prs = new Map<string, { pr: PullRequest; verdict: Verdict }>();
  for (const pr of dataset.pullRequests) {
    const verdict = classifier.pullRequest(pr);
    prs.set(verdict.ref, { pr, verdict });
    out.push(verdict);
    pr.reviews.forEach((review, i) => out.push(classifier.review(pr, review, i)));
  }
  for (const commit of dataset.commits) {
    const pr = commit.pullRequest === null ? undefined : prs.get(itemRef(commit.repo, commit.pullRequest));
    out.push(classifier.commit(commit, pr));
  }
  for (const issue of dataset.issues) out.push(classifier.issue(issue));
  return out;
}
