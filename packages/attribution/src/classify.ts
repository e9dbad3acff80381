import { classifyActor, loginPattern } from "./actor.js";
import { aiAssistance, trailerAddress } from "./ai-assist.js";
import { Aliases } from "./aliases.js";
import { identityWords, judgeIdentity, judgeRunnerCommit, judgeSeries, Profile } from "./behaviour.js";
import { kindFromText, readsLikeAutomation, shapeHash, shapeOf } from "./template.js";
import { knownIdentity, noreplyParts, type KnownIdentity } from "./identities.js";
import { defaultConfig, type Channel, type Config, type ItemType, type Rule } from "./config.js";
import type { Commit, Dataset, Issue, PullRequest, Review } from "./dataset.js";
import { knownAccount, normalizeLogin } from "./known-accounts.js";
import { commitRef, itemRef, reviewRef, verdictCommitRef, verdictItemRef } from "./refs.js";
import { BUILTIN_RULES } from "./rules/builtin.js";
import { compileRule, type CompiledRule } from "./rules/match.js";
import { trailerBlock, trailerLines, type Subject } from "./rules/subject.js";
import type { ActorVerdict, Evidence, Verdict } from "./verdict.js";
import { Interner, type ListCursor } from "./intern.js";
import { pushCommentVerdicts } from "./comments.js";

/** Config rules first, in order; then the built-ins that are neither replaced nor disabled. */
export function effectiveRules(config: Config): Rule[] {
  const own = config.rules.filter((r) => r.enabled);
  const replaced = new Set([...config.rules.map((r) => r.id), ...config.builtins.disable]);
  return [...own, ...BUILTIN_RULES.filter((r) => !replaced.has(r.id))];
}

interface LoginInfo {
  key: string;
  type: string | undefined;
  identity: Identity | undefined;
  /** Whether its login or name names automation (then its behaviour is read in full). */
  needsText: boolean | undefined;
  /** Its key's behaviour profile, once the pass has made one (saves a lookup per item). */
  behaviour: Profile | undefined;
}

interface Decision {
  decidedBy: string;
  cls: Verdict["class"];
  channel: Channel;
  kind: string | null;
  actor: string;
  onBehalfOf: string | null;
  line: Evidence;
  /** The whole evidence list, ending with `line`. */
  list: readonly Evidence[];
}

interface Identity {
  actor: string;
  login: string | null;
  verdict: ActorVerdict;
  /** The identity's evidence lines, as the start of every verdict list on it. */
  cursor: ListCursor;
  tokenLines: Map<string, Evidence>;
  /** The kind built-in identity knowledge gives it (an AI agent's `ai-agent`). */
  kind: string | undefined;
  /** The identity's behaviour in the dataset, when it has any. */
  profile: Profile | undefined;
  /** Known AI identity: an agent's own, or one that runs in a person's session. */
  agent: KnownIdentity["degree"] | undefined;
  /** `defaultKind`'s answer, once asked: it reads only the identity and the config. */
  defaultKind: string | undefined;
}

const GLUED_BOT = /bot\d*$|bot[-_.+]|[-_.+]bot/i;
const GITHUB_NOREPLY_BOT = /^\d+\+(.+)\[bot\]@users\.noreply\.github\.com$/i;

const NONE: readonly Evidence[] = Object.freeze([]);
const NONE_LOGINS: readonly string[] = Object.freeze([]);

/** The GitHub App a git identity names (`49699333+dependabot[bot]@users.noreply.github.com`), or null. */
function appLogin(name: string | null, email: string | null): string | null {
  const fromEmail = email ? GITHUB_NOREPLY_BOT.exec(email)?.[1] : undefined;
  if (fromEmail) return fromEmail;
  return name && /\[bot\]$/i.test(name) ? name.replace(/\[bot\]$/i, "") : null;
}

type ClassifierInput = Pick<Dataset, "actors"> & Partial<Pick<Dataset, "pullRequests" | "commits" | "issues">>;

/** How `classify` makes its verdicts. */
export interface ClassifyOptions {
  /**
   * Make every ref a flat string up front (see refs.ts). For callers that read or hash every
   * ref (a report keeps them all): cheaper in memory there, a little slower to classify.
   */
  flatRefs?: boolean;
}

/** The classifier for one config: rules compiled once, account verdicts cached per login. */
export class Classifier {
  readonly config: Config;
  private readonly rules: Record<ItemType, CompiledRule[]>;
  private readonly interner = new Interner();
  private readonly actorTypes = new Map<string, { type: string; name: string | null }>();
  private readonly actorCache = new Map<string, ActorVerdict>();
  private readonly keys = new Map<string, LoginInfo>();
  private readonly machineNames: Map<string, string>;
  private readonly machineEmails: Map<string, string>;
  // A review's verdict per reviewer identity and repository (see `review`).
  private readonly reviews = new Map<Identity, Map<string, Verdict>>();
  // Commits by unlinked git identities repeat (notebook publishing): one identity each.
  private readonly unlinked = new Map<string, Identity>();
  private readonly aliases: Aliases;
  // Per-identity behaviour (login key, or "\u0000name\u0000email" of an unlinked git identity).
  private readonly profiles = new Map<string, Profile>();
  // Title shapes of the dataset's PRs from the pass, by index: `classify` names the index it is at.
  private prList: readonly PullRequest[] = [];
  private prShapes = new Int32Array(0);
  // Each PR's author as the pass looked it up, by index: the verdict needs it again.
  private prInfos: (LoginInfo | null)[] = [];
  /** @internal The index in the dataset of the PR `pullRequest` is called with next, or -1. */
  prIndex = -1;

  /** @internal Whether refs are made flat (`ClassifyOptions.flatRefs`). */
  readonly flatRefs: boolean;

  constructor(config: Config = defaultConfig(), dataset?: ClassifierInput, options: ClassifyOptions = {}) {
    this.config = config;
    this.flatRefs = options.flatRefs === true;
    const compiled = effectiveRules(config).map((rule) => compileRule(rule, this.interner));
    this.rules = { pullRequest: [], commit: [], issue: [], review: [], comment: [] };
    for (const c of compiled) for (const type of new Set(c.rule.on)) this.rules[type].push(c);
    for (const a of dataset?.actors ?? []) this.actorTypes.set(normalizeLogin(a.login), { type: a.type, name: a.name ?? null });
    this.machineNames = new Map(config.machineAccounts.flatMap((m) => m.names.map((n) => [n.toLowerCase(), m.login] as const)));
    this.machineEmails = new Map(config.machineAccounts.flatMap((m) => m.emails.map((e) => [e.toLowerCase(), m.login] as const)));
    this.aliases = new Aliases(config, dataset?.actors);
    if (dataset) this.gatherBehaviour(dataset);
  }

  // One pass over the dataset: each identity's behaviour, before any verdict reads it.
  // Full text features are read only for identities whose words name automation; everyone's
  // PR title shapes and commit offsets are counted, for series and runner commits.
  private gatherBehaviour(dataset: ClassifierInput): void {
    const prs = dataset.pullRequests ?? [];
    this.prList = prs;
    this.prShapes = new Int32Array(prs.length);
    this.prInfos = Array.from<LoginInfo | null>({ length: prs.length }).fill(null);
    for (let i = 0; i < prs.length; i++) {
      const pr = prs[i] as PullRequest;
      if (pr.author === null) continue;
      const info = this.login(pr.author);
      this.prInfos[i] = info;
      // An app's PRs are never a person's series: no need to shape them.
      if (info.type === "Bot") continue;
      this.prShapes[i] = (info.behaviour ??= this.profile(info.key)).pullRequest(pr, this.needsText(info, pr.author));
    }
    for (const issue of dataset.issues ?? []) {
      if (issue.author === null) continue;
      const info = this.login(issue.author);
      if (this.needsText(info, issue.author)) (info.behaviour ??= this.profile(info.key)).text(issue.repo, issue.title);
    }
    const commits = dataset.commits ?? [];
    // Unlinked commits wait until every commit's links are noted: they may join an account.
    const unlinked: Commit[] = [];
    for (let i = 0; i < commits.length; i++) {
      const commit = commits[i] as Commit;
      this.aliases.noteCommit(commit);
      // A person's commit written by an automation committer (a format or commit action).
      if (!commit.committedViaWeb && commit.committer.email !== commit.author.email && this.committerBot(commit.committer)) {
        this.profile(`\u0001${commit.committer.email?.toLowerCase() ?? ""}`).text(commit.repo, commit.message);
      }
      const login = commit.author.login;
      if (login) {
        const info = this.login(login);
        const full = this.needsText(info, login);
        if (full || commit.authorOffset !== undefined) (info.behaviour ??= this.profile(info.key)).commit(commit, full);
      } else unlinked.push(commit);
    }
    for (let i = 0; i < unlinked.length; i++) {
      const commit = unlinked[i] as Commit;
      const key = this.behaviourKey(commit.author.name, commit.author.email);
      if (key !== null) this.profile(key.key).commit(commit, key.full);
    }
  }

  private profile(key: string): Profile {
    let profile = this.profiles.get(key);
    if (!profile) this.profiles.set(key, (profile = new Profile()));
    return profile;
  }

  // An automation committer: a known app's address, or a git identity whose words name automation.
  private readonly committerBots = new Map<string, { line: Evidence; channel: Channel } | null>();
  private committerBot(committer: Commit["committer"]): { line: Evidence; channel: Channel } | null {
    const email = committer.email;
    if (!email) return null;
    let found = this.committerBots.get(email);
    if (found === undefined) {
      const known = knownIdentity(email);
      const words = known ? [] : identityWords(committer.name, email);
      // A glued `bot` (`fredkbot`, `astrobot-houston`) names automation in a committer's name or address too.
      // The message must agree as well (see `commit`), so a `bot` ending is enough here.
      const local = email.slice(0, Math.max(0, email.indexOf("@")));
      for (const part of [committer.name ?? "", local]) if (!known && words.length === 0 && GLUED_BOT.test(part)) words.push(part);
      const who = `"${committer.name ?? ""} <${email}>"`;
      found = known && known.degree === "app"
        ? { line: this.interner.evidence("behaviour/automation-committer", "committer", `committed by ${who}, ${known.product}`), channel: known.channel }
        : words.length > 0 && normalizeLogin(committer.login ?? "") !== "web-flow"
          ? { line: this.interner.evidence("behaviour/automation-committer", "committer", `committed by ${who}, an identity that names automation (${words.join(", ")})`), channel: "machine-account" }
          : null;
      this.committerBots.set(email, found);
    }
    return found;
  }

  // Whether an account's login or display name names automation, so its behaviour must be read.
  private needsText(info: LoginInfo, login: string): boolean {
    if (info.needsText === undefined) {
      const known = this.actorTypes.get(info.key);
      const first = classifyActor({ login, type: known?.type ?? null, name: known?.name ?? null }, this.config).evidence[0]?.rule;
      info.needsText = first === "actor/machine-user-pattern" || (first === "actor/default" && identityWords(known?.name ?? null, null).length > 0);
    }
    return info.needsText;
  }

  // The identity an unlinked commit's behaviour belongs to (null when built-in knowledge or
  // the config settles it), and whether its words name automation.
  private readonly unlinkedKeys = new Map<string, { key: string; full: boolean } | null>();
  private behaviourKey(name: string | null, email: string | null): { key: string; full: boolean } | null {
    const raw = `\u0000${name ?? ""}\u0000${email ?? ""}`;
    let found = this.unlinkedKeys.get(raw);
    if (found === undefined) {
      const settled = knownIdentity(email) || (email && this.machineEmails.has(email.toLowerCase())) || (name && this.machineNames.has(name.toLowerCase()));
      const joined = settled ? undefined : this.aliases.join(name, email);
      if (settled) found = null;
      else if (joined) {
        const info = this.login(joined.login);
        found = { key: info.key, full: this.needsText(info, joined.login) };
      } else found = { key: raw, full: identityWords(name, email).length > 0 };
      this.unlinkedKeys.set(raw, found);
    }
    return found;
  }

  // Everything looked up per login, in one map: its normalized key and the dataset's type.
  // The last login asked for: a commit asks for its author's twice, and strings compare faster than they hash.
  private lastLogin = "";
  private lastInfo: LoginInfo | undefined;
  private login(login: string): LoginInfo {
    if (login === this.lastLogin && this.lastInfo !== undefined) return this.lastInfo;
    let info = this.keys.get(login);
    if (info === undefined) {
      const key = normalizeLogin(login);
      // Every field from the start: one object shape keeps the per-item lookups monomorphic.
      info = { key, type: this.actorTypes.get(key)?.type, identity: undefined, needsText: undefined, behaviour: undefined };
      this.keys.set(login, info);
    }
    this.lastLogin = login;
    this.lastInfo = info;
    return info;
  }

  /** The dataset's GraphQL type of a login, if it lists one. */
  typeOf(login: string | null): string | undefined {
    return login ? this.login(login).type : undefined;
  }

  /** The account verdict of a login as the dataset types it (cached). */
  account(login: string): ActorVerdict {
    let cached = this.actorCache.get(login);
    if (!cached) {
      const info = this.login(login);
      const known = this.actorTypes.get(info.key);
      cached = this.shared(this.judged(login, known?.name ?? null, classifyActor({ login, type: known?.type ?? null, name: known?.name ?? null }, this.config), this.profiles.get(info.key)));
      this.actorCache.set(login, cached);
    }
    return cached;
  }

  // A User whose login or name alone names automation: automation only when its behaviour agrees.
  private judged(login: string, name: string | null, verdict: ActorVerdict, profile: Profile | undefined): ActorVerdict {
    const first = verdict.evidence[0];
    const byPattern = first?.rule === "actor/machine-user-pattern";
    const words = !byPattern && first?.rule === "actor/default" && name ? identityWords(name, null) : [];
    if (!byPattern && words.length === 0) return verdict;
    const identityLine: Evidence = byPattern ? first : { rule: "actor/automation-name", signal: "author", detail: `display name "${name}" names automation (${words.join(", ")})` };
    const strong = byPattern && loginPattern(login)?.strength === "strong";
    const judgement = judgeIdentity(profile, strong);
    if (judgement.automation) {
      return { class: "automation", channel: "machine-account", evidence: [identityLine, ...judgement.toward, ...judgement.against] };
    }
    const person: Evidence = { rule: "person/behaviour", signal: "behaviour", detail: `${login}'s login or name names automation, but its behaviour does not agree: a person until both do` };
    return { class: "human", channel: "human", evidence: [person, identityLine, ...judgement.toward, ...judgement.against] };
  }

  // The same verdict with its evidence lines and list shared.
  private shared(verdict: ActorVerdict): ActorVerdict {
    const cursor = this.interner.extendAll(this.interner.empty, verdict.evidence.map((e) => this.interner.evidence(e.rule, e.signal, e.detail)));
    return { ...verdict, evidence: this.interner.list(cursor) };
  }

  private identity(actor: string, login: string | null, verdict: ActorVerdict): Identity {
    const shared = this.shared(verdict);
    return { actor, login, verdict: shared, cursor: this.interner.extendAll(this.interner.empty, shared.evidence), tokenLines: new Map(), kind: undefined, profile: undefined, agent: undefined, defaultKind: undefined };
  }

  private ghost: Identity | undefined;
  private loginIdentity(login: string | null, info: LoginInfo | null = login === null ? null : this.login(login)): Identity {
    if (login === null || info === null) {
      this.ghost ??= this.identity("ghost", null, { class: "human", channel: "human", evidence: [{ rule: "actor/ghost", signal: "author", detail: "the author's account was deleted (ghost)" }] });
      return this.ghost;
    }
    if (!info.identity) {
      info.identity = this.identity(login, login, this.account(login));
      info.identity.profile = this.profiles.get(info.key);
    }
    return info.identity;
  }

  // A commit's author: its login when GitHub linked the email, else its git name and email.
  // Built-in identity knowledge (numeric noreply ids, exact addresses) comes first: an API
  // may type the Copilot agent's `Copilot` login as a User, its address says what it is.
  private commitIdentity(commit: Commit): Identity {
    const { login, name, email } = commit.author;
    // A linked login can only be overruled by an id in a noreply address (Copilot's User-typed login).
    const known = login && !email?.endsWith("@users.noreply.github.com") ? undefined : knownIdentity(email);
    if (login && !known) return this.loginIdentity(login);
    const key = `${login ?? ""}\u0000${name ?? ""}\u0000${email ?? ""}`;
    let cached = this.unlinked.get(key);
    if (cached) return cached;
    if (known && (known.degree !== "app" || login !== null || !appLogin(name, email))) cached = this.knownCommitIdentity(known, commit.author);
    else if (login) return this.loginIdentity(login);
    else cached = this.unlinkedIdentity(name, email);
    this.unlinked.set(key, cached);
    return cached;
  }

  private knownCommitIdentity(known: KnownIdentity, author: Commit["author"]): Identity {
    const who = `"${author.name ?? ""} <${author.email ?? ""}>"`;
    const id = noreplyParts(author.email ?? "")?.id;
    const asPerson = known.degree === "agent-as-person" || known.channel === "personal-token";
    const detail = asPerson
      ? `git identity ${who} is ${known.product}, which commits from a person's session`
      : `git identity ${who} is ${known.product}${id ? ` (account id ${id})` : ""}, whatever login or type an API answer gives it`;
    const actor = author.login ?? known.login ?? author.name ?? "unknown";
    const identity = this.identity(actor, null, { class: "automation", channel: asPerson ? "personal-token" : known.channel, evidence: [{ rule: "builtin/known-identity", signal: "git-identity", detail }] });
    identity.kind = known.kind;
    if (known.kind === "ai-agent") identity.agent = asPerson ? "agent-as-person" : "agent";
    return identity;
  }

  // A git identity linked to no account: config first, then a join to the account the
  // dataset links it to, then what the identity and its behaviour say.
  private unlinkedIdentity(name: string | null, email: string | null): Identity {
    const configured = (email && this.machineEmails.get(email.toLowerCase())) || (name && this.machineNames.get(name.toLowerCase()));
    const joined = configured ? undefined : this.aliases.join(name, email);
    if (joined) {
      const account = this.loginIdentity(joined.login);
      const who = `"${name ?? ""} <${email ?? ""}>"`;
      const line: Evidence = { rule: "actor/alias", signal: "git-identity", detail: `git identity ${who} is linked to no account; joined to ${joined.login}: ${joined.detail}` };
      const verdict = { ...account.verdict, evidence: account.verdict.class === "human" ? [line, ...account.verdict.evidence] : [...account.verdict.evidence, line] };
      const identity = this.identity(joined.login, joined.login, verdict);
      identity.kind = account.kind;
      return identity;
    }
    return this.identity(name ?? email ?? "unknown", null, this.gitIdentity(name, email));
  }

  private gitIdentity(name: string | null, email: string | null): ActorVerdict {
    const who = `"${name ?? ""} <${email ?? ""}>"`;
    const machine = (email && this.machineEmails.get(email.toLowerCase())) || (name && this.machineNames.get(name.toLowerCase()));
    if (machine) {
      return { class: "automation", channel: "machine-account", evidence: [{ rule: "config/machine-account", signal: "git-identity", detail: `git identity ${who} belongs to machine account ${machine}` }] };
    }
    const botLogin = appLogin(name, email);
    if (botLogin) {
      const verdict = classifyActor({ login: botLogin, type: "Bot" }, this.config);
      return { ...verdict, evidence: [{ rule: "actor/bot-email", signal: "git-identity", detail: `git identity ${who} is the GitHub App ${botLogin}` }, ...verdict.evidence] };
    }
    if (email?.toLowerCase() === "action@github.com") {
      return { class: "automation", channel: "github-actions", evidence: [{ rule: "actor/actions-email", signal: "git-identity", detail: "git email action@github.com is the default of workflows" }] };
    }
    const words = identityWords(name, email);
    if (words.length > 0) {
      const line: Evidence = { rule: "actor/automation-identity", signal: "git-identity", detail: `git identity ${who} names automation (${words.join(", ")})` };
      const judgement = judgeIdentity(this.profiles.get(`\u0000${name ?? ""}\u0000${email ?? ""}`), false);
      if (judgement.automation) return { class: "automation", channel: "machine-account", evidence: [line, ...judgement.toward, ...judgement.against] };
      const person: Evidence = { rule: "person/unlinked", signal: "git-identity", detail: `git identity ${who} is linked to no account; its words name automation, but its behaviour does not agree` };
      return { class: "human", channel: "human", evidence: [person, line, ...judgement.toward, ...judgement.against] };
    }
    return { class: "human", channel: "human", evidence: [{ rule: "actor/unlinked", signal: "git-identity", detail: `git identity ${who} is linked to no account and to no automation` }] };
  }

  // The first rule that holds, with the evidence cursor extended by what it saw.
  // Returns the rule and leaves its evidence in `matchAt`: no object per item on this hot path.
  private matchAt: ListCursor = this.interner.empty;
  private firstMatch(subject: Subject, at: ListCursor): Rule | undefined {
    const rules = this.rules[subject.type];
    for (let i = 0; i < rules.length; i++) {
      const compiled = rules[i] as CompiledRule;
      const next = compiled.test(subject, at);
      if (next) {
        this.matchAt = next;
        return compiled.rule;
      }
    }
    return undefined;
  }

  // Combines who GitHub shows with what the rules saw into one verdict.
  private decide(ref: string, type: Verdict["type"], id: Identity, subject: Subject, extra: readonly Evidence[] = NONE, assignees: readonly string[] = NONE_LOGINS, rule = this.firstMatch(subject, id.cursor)): Verdict {
    const intern = this.interner;
    let at = id.cursor;
    if (rule?.class === "human") {
      at = intern.extendAll(this.matchAt, extra);
      return this.verdict(ref, type, "human", "human", null, id.actor, null, at, rule.id);
    }
    if (rule) {
      at = this.matchAt;
      const kind = rule.kind ?? "other";
      let channel: Channel;
      let onBehalfOf: string | null = null;
      if (rule.channel) channel = rule.channel;
      else if (id.verdict.class === "automation") channel = id.verdict.channel;
      else {
        channel = "personal-token";
        onBehalfOf = id.login;
        at = intern.extend(at, this.tokenLine(id, rule.id));
      }
      if (channel === "personal-token" && onBehalfOf === null && id.verdict.class === "human") onBehalfOf = id.login;
      if (kind === "ai-agent" && onBehalfOf === null) [onBehalfOf, at] = this.requester(assignees, at, rule.id);
      return this.verdict(ref, type, "automation", channel, kind, id.actor, onBehalfOf, at, rule.id);
    }
    if (id.verdict.class === "automation") {
      const kind = this.defaultKind(id);
      let onBehalfOf: string | null = null;
      if (kind === "ai-agent") [onBehalfOf, at] = this.requester(assignees, at, "actor/default-kind");
      return this.verdict(ref, type, "automation", id.verdict.channel, kind, id.actor, onBehalfOf, at, id.verdict.evidence[0]?.rule ?? "actor");
    }
    return this.verdict(ref, type, "human", "human", null, id.actor, null, intern.extendAll(at, extra), id.verdict.evidence[0]?.rule ?? "actor");
  }

  // "It ran under that person's token": one line per identity and rule, made once.
  private tokenLine(id: Identity, rule: string): Evidence {
    let line = id.tokenLines.get(rule);
    if (!line) {
      const detail = id.login ? `automation shown as ${id.login}: it ran under that person's token` : "automation shown under a person's identity";
      line = this.interner.evidence(rule, "token", detail);
      id.tokenLines.set(rule, line);
    }
    return line;
  }

  // An AI agent works for the person who assigned it: the first assignee who is a person.
  private requester(assignees: readonly string[], at: ListCursor, rule: string): [string | null, ListCursor] {
    const person = assignees.find((a) => this.account(a).class === "human");
    if (!person) return [null, at];
    return [person, this.interner.extend(at, this.interner.evidence(rule, "assignee", `assigned by ${person}, who it works for`))];
  }

  private defaultKind(id: Identity): string {
    if (id.kind) return id.kind;
    // Asked once per automation item without a rule: the config's bots are compared once per identity.
    return (id.defaultKind ??= this.kindOfAccount(id));
  }

  private kindOfAccount(id: Identity): string {
    const configured = id.login ? this.config.bots.find((b) => normalizeLogin(b.login) === normalizeLogin(id.login as string)) : undefined;
    if (configured) return configured.kind;
    const known = id.login ? knownAccount(id.login) : undefined;
    if (known) return known.kind;
    return id.verdict.channel === "github-actions" ? "ci" : "other";
  }

  // Reuses one key array: the interner reads it and keeps only the values it is given.
  private readonly keyBuffer: unknown[] = ["v", "", "", "", "", "", ""];
  private decisionKey(...parts: unknown[]): unknown[] {
    for (let i = 0; i < parts.length; i++) this.keyBuffer[i + 1] = parts[i];
    return this.keyBuffer;
  }

  private verdict(ref: string, type: Verdict["type"], cls: Verdict["class"], channel: Channel, kind: string | null, actor: string, onBehalfOf: string | null, at: ListCursor, decidedBy: string): Verdict {
    const last = at.note as Decision | undefined;
    const decision = last && last.decidedBy === decidedBy && last.cls === cls && last.channel === channel && last.kind === kind && last.actor === actor && last.onBehalfOf === onBehalfOf
      ? last
      : this.decision(at, decidedBy, cls, channel, kind, actor, onBehalfOf);
    this.beforeDecision = at;
    return { ref, type, class: cls, channel, kind, actor, onBehalfOf, evidence: decision.list };
  }

  // The closing line of a verdict, remembered per evidence list so most verdicts find it at once.
  private decision(at: ListCursor, decidedBy: string, cls: Verdict["class"], channel: Channel, kind: string | null, actor: string, onBehalfOf: string | null): Decision {
    const line = this.interner.memo(this.decisionKey(decidedBy, cls, channel, kind, actor, onBehalfOf), () => {
      const who = channel === "personal-token" ? ` under ${onBehalfOf ?? "a person"}'s personal token` : channel === "human" ? "" : ` via ${channel}`;
      return this.interner.evidence(decidedBy, "verdict", cls === "human" ? `human work by ${actor}` : `automation (${kind}) shown as ${actor}${who}`);
    });
    const decision: Decision = { decidedBy, cls, channel, kind, actor, onBehalfOf, line, list: this.interner.list(this.interner.extend(at, line)) };
    at.note = decision;
    return decision;
  }

  // The evidence of the verdict just made, without its closing decision line, plus one more line.
  private beforeDecision: ListCursor = this.interner.empty;
  private withoutDecision(line: Evidence): ListCursor {
    return this.interner.extend(this.beforeDecision, line);
  }

  // Trailer blocks repeat (the same co-authors sign many commits): read each one once.
  private readonly trailerBlocks = new Map<string, { lines: readonly string[]; assisted: readonly Evidence[] }>();
  private trailerInfo(block: string): { lines: readonly string[]; assisted: readonly Evidence[] } {
    let info = this.trailerBlocks.get(block);
    if (!info) {
      const lines = trailerLines(block);
      info = { lines, assisted: this.assisted(lines, undefined) };
      // Unique blocks (a Change-Id per commit) would only grow the map.
      if (this.trailerBlocks.size < 10_000) this.trailerBlocks.set(block, info);
    }
    return info;
  }

  private assisted(trailerLines: readonly string[], body: string | undefined): readonly Evidence[] {
    const found = aiAssistance(trailerLines, body);
    return found.length === 0 ? NONE : found.map((e) => this.interner.evidence(e.rule, e.signal, e.detail));
  }

  // One subject, refilled for every item: rules read it synchronously and keep nothing.
  private readonly current: Subject = { type: "pullRequest", repo: "", author: null, authorKey: null, authorType: undefined };
  private readonly gitNames: (string | null)[] = [null, null];
  private readonly gitEmails: (string | null)[] = [null, null];
  // `info` is the author's, looked up once per item by the caller.
  private subject(type: ItemType, repo: string, author: string | null, info: LoginInfo | null, authorType: string | undefined): Subject {
    const s = this.current;
    s.type = type;
    s.repo = repo;
    s.author = author;
    s.authorKey = info === null ? null : info.key;
    s.authorType = authorType;
    s.branch = s.baseBranch = s.title = s.body = s.message = undefined;
    s.labels = s.trailers = s.gitNames = s.gitEmails = undefined;
    s.committer = undefined;
    return s;
  }

  /** The verdict on a pull request. */
  pullRequest(pr: PullRequest): Verdict {
    const at = this.prIndex;
    const listed = at >= 0 && this.prList[at] === pr;
    const info = pr.author === null ? null : listed ? (this.prInfos[at] as LoginInfo) : this.login(pr.author);
    const id = this.loginIdentity(pr.author, info);
    const subject = this.subject("pullRequest", pr.repo, pr.author, info, info?.type);
    subject.branch = pr.headRef;
    subject.baseBranch = pr.baseRef;
    subject.title = pr.title;
    subject.body = pr.body;
    subject.labels = pr.labels;
    const match = this.firstMatch(subject, id.cursor);
    const ref = this.flatRefs ? itemRef(pr.repo, pr.number) : verdictItemRef(pr.repo, pr.number);
    if (!match && id.profile?.hasGroups && id.verdict.class === "human" && id.login !== null) {
      // A periodic templated series under a person's account: behaviour alone, both sides shown.
      const series = judgeSeries(id.profile, pr, id.login, listed ? this.prShapes[at] : undefined);
      if (series) return this.underPerson(ref, "pullRequest", id, series);
    }
    return this.decide(ref, "pullRequest", id, subject, this.assisted(NONE_LOGINS, pr.body), pr.assignees, match);
  }

  // Automation found by behaviour under a person's identity: their token, on their behalf.
  private readonly seriesCursors = new Map<object, ListCursor>();
  private underPerson(ref: string, type: ItemType, id: Identity, found: { toward: Evidence[]; against: Evidence[]; kind: string }, channel: Channel = "personal-token"): Verdict {
    const rule = found.toward[0]?.rule ?? "behaviour";
    // A series' lines are the same on each of its PRs: extend the list once per series.
    let at = this.seriesCursors.get(found);
    if (!at) {
      const intern = this.interner;
      at = id.cursor;
      for (const line of found.against) at = intern.extend(at, intern.evidence(line.rule, line.signal, line.detail));
      for (const line of found.toward) at = intern.extend(at, intern.evidence(line.rule, line.signal, line.detail));
      if (channel === "personal-token") at = intern.extend(at, this.tokenLine(id, rule));
      this.seriesCursors.set(found, at);
    }
    return this.verdict(ref, type, "automation", channel, found.kind, id.actor, id.login, at, rule);
  }

  // The person an AI agent's commit worked for, where the commit says: a person co-author
  // (the agent credits who assigned it), else a person who committed it.
  private delegator(commit: Commit): string | null {
    for (const line of trailerLines(trailerBlock(commit.message))) {
      if (!/^co-authored-by:/i.test(line)) continue;
      const address = trailerAddress(line);
      const parts = address ? noreplyParts(address) : undefined;
      if (!parts || knownIdentity(address)) continue;
      const login = parts.login;
      if (this.account(login).class === "human") return login;
    }
    const committer = commit.committer.login;
    if (committer && normalizeLogin(committer) !== "web-flow" && this.account(committer).class === "human") return committer;
    return null;
  }

  /** The verdict on the i-th review of a PR: the reviewer's own, whoever opened the PR. */
  review(pr: PullRequest, review: Review, index: number, prRef?: string): Verdict {
    const ref = prRef === undefined || this.flatRefs ? reviewRef(pr.repo, pr.number, index) : `${prRef}/review/${index}`;
    const info = review.author === null ? null : this.login(review.author);
    const id = this.loginIdentity(review.author, info);
    // A review shows rules only its repo and author, so its verdict repeats per reviewer and repo.
    let byRepo = this.reviews.get(id);
    if (!byRepo) this.reviews.set(id, (byRepo = new Map()));
    const known = byRepo.get(pr.repo);
    if (known) return { ref, type: "review", class: known.class, channel: known.channel, kind: known.kind, actor: known.actor, onBehalfOf: known.onBehalfOf, evidence: known.evidence };
    const subject = this.subject("review", pr.repo, review.author, info, info?.type);
    const verdict = this.decide(ref, "review", id, subject);
    byRepo.set(pr.repo, verdict);
    return verdict;
  }

  /** The verdict on an issue. */
  issue(issue: Issue): Verdict {
    const info = issue.author === null ? null : this.login(issue.author);
    const id = this.loginIdentity(issue.author, info);
    const subject = this.subject("issue", issue.repo, issue.author, info, info?.type);
    subject.title = issue.title;
    subject.body = issue.body;
    subject.labels = issue.labels;
    return this.decide(this.flatRefs ? itemRef(issue.repo, issue.number) : verdictItemRef(issue.repo, issue.number), "issue", id, subject, this.assisted(NONE_LOGINS, issue.body));
  }

  /**
   * The verdict on a commit. Its own signals first; a commit a merged automated PR introduced,
   * authored as that PR's author, takes the PR's verdict (the squash commit of an `mmcky`
   * translation-sync PR is that automation). A merge commit, or a commit by someone else,
   * stays its author's own work.
   */
  commit(commit: Commit, pr?: { pr: PullRequest; verdict: Verdict }): Verdict {
    const id = this.commitIdentity(commit);
    const { lines, assisted } = this.trailerInfo(trailerBlock(commit.message));
    // An app's commit links to no login; its noreply email names the app, which rules can match.
    const login = commit.author.login ?? appLogin(commit.author.name, commit.author.email);
    const info = login === null ? null : this.login(login);
    const subject = this.subject("commit", commit.repo, login, info, commit.author.login ? info?.type : login ? "Bot" : undefined);
    subject.message = commit.message;
    subject.trailers = lines;
    this.gitNames[0] = commit.author.name;
    this.gitNames[1] = commit.committer.name;
    this.gitEmails[0] = commit.author.email;
    this.gitEmails[1] = commit.committer.email;
    subject.gitNames = this.gitNames;
    subject.gitEmails = this.gitEmails;
    subject.committer = commit.committer.login;
    const match = this.firstMatch(subject, id.cursor);
    let own = this.decide(this.flatRefs ? commitRef(commit.repo, commit.oid) : verdictCommitRef(commit.repo, commit.oid), "commit", id, subject, assisted, NONE_LOGINS, match);
    if (id.agent && own.class === "automation" && own.kind === "ai-agent" && own.onBehalfOf === null) {
      const person = this.delegator(commit);
      if (person) {
        const line = this.interner.evidence("builtin/known-identity", "co-author", `the commit credits ${person}, who the agent worked for`);
        own = this.verdict(own.ref, "commit", "automation", own.channel, own.kind, own.actor, person, this.withoutDecision(line), own.evidence.at(-1)?.rule ?? "builtin/known-identity");
      }
    } else if (!match && own.class === "human" && id.verdict.class === "human" && commit.authorOffset !== undefined) {
      // A workflow committing under a person's git identity: runner offset and machine cadence.
      const profile = this.profiles.get(id.login ? this.login(id.login).key : `\u0000${commit.author.name ?? ""}\u0000${commit.author.email ?? ""}`);
      const found = judgeRunnerCommit(profile, commit, id.login ?? id.actor);
      // A runner pushed it: the workflow's work, started by the person whose identity it wears.
      if (found) own = this.underPerson(own.ref, "commit", id, found, "github-actions");
    }
    if (!match && own.class === "human" && !commit.committedViaWeb && commit.committer.email !== commit.author.email) {
      const bot = this.committerBot(commit.committer);
      if (bot) {
        // The committer alone may have rebased a person's work: its messages must read like automation too.
        const profile = this.profiles.get(`\u0001${commit.committer.email?.toLowerCase() ?? ""}`);
        const repeated = profile?.shapes.get(shapeHash(commit.message)) ?? 0;
        if (repeated >= 2 || readsLikeAutomation(commit.message)) {
          const line = this.interner.evidence("behaviour/automation-committer", "message", repeated >= 2 ? `${repeated} commits by this committer share the message shape "${shapeOf(commit.message)}"` : "the message reads like automation");
          own = this.underPerson(own.ref, "commit", id, { toward: [bot.line, line], against: [{ rule: "person/own-identity", signal: "git-identity", detail: `authored as ${id.login ?? id.actor}` }], kind: kindFromText(commit.message) }, bot.channel);
        }
      }
    }
    if (!pr || pr.verdict.class !== "automation") return own;
    if (own.class === "automation") {
      // A rule on the commit itself decides its kind; an account alone does not, so the PR's
      // kind carries over to the bot's commits in it (dependabot's), and so does the person an
      // agent worked for (Copilot's commits name no assignee).
      if (own.channel !== pr.verdict.channel) return own;
      if (match && (own.kind !== pr.verdict.kind || own.onBehalfOf !== null || pr.verdict.onBehalfOf === null)) return own;
      const line = this.interner.evidence("builtin/pr-inheritance", "pull-request", `introduced by a merged ${pr.verdict.kind} PR of the same ${own.channel} automation`);
      return this.verdict(own.ref, "commit", "automation", own.channel, pr.verdict.kind, own.actor, pr.verdict.onBehalfOf, this.withoutDecision(line), "builtin/pr-inheritance");
    }
    const sameAuthor = commit.author.login !== null && pr.pr.author !== null && normalizeLogin(commit.author.login) === normalizeLogin(pr.pr.author);
    if (commit.parents > 1 || !sameAuthor) return own;
    const line = this.interner.evidence("builtin/pr-inheritance", "pull-request", `introduced by a merged ${pr.verdict.kind} PR and authored as its author ${pr.pr.author}`);
    return this.verdict(own.ref, "commit", "automation", pr.verdict.channel, pr.verdict.kind, own.actor, pr.verdict.onBehalfOf, this.withoutDecision(line), "builtin/pr-inheritance");
  }
}

/**
 * One verdict per item of the dataset: each pull request followed by its reviews, then
 * commits, then issues, then comments (see `pushCommentVerdicts`), each group in dataset order. Deterministic.
 */
export function classify(dataset: Dataset, config: Config = defaultConfig(), options: ClassifyOptions = {}): Verdict[] {
  const classifier = new Classifier(config, dataset, options);
  const out: Verdict[] = [];
  // Automated PRs, in order: only their commits can inherit a verdict. The map by repo and
  // number is built when a commit first names a PR; many datasets' commits name none.
  const automatedPrs: PullRequest[] = [];
  const automatedVerdicts: Verdict[] = [];
  let prs: Map<string, Map<number, { pr: PullRequest; verdict: Verdict }>> | undefined;
  const prsByNumber = (): Map<string, Map<number, { pr: PullRequest; verdict: Verdict }>> => {
    if (prs === undefined) {
      prs = new Map();
      // In dataset order: a repeated repo and number keeps its last PR, as it always has.
      for (let i = 0; i < automatedPrs.length; i++) {
        const pr = automatedPrs[i] as PullRequest;
        let inRepo = prs.get(pr.repo);
        if (!inRepo) prs.set(pr.repo, (inRepo = new Map()));
        inRepo.set(pr.number, { pr, verdict: automatedVerdicts[i] as Verdict });
      }
    }
    return prs;
  };
  for (let i = 0; i < dataset.pullRequests.length; i++) {
    const pr = dataset.pullRequests[i] as PullRequest;
    classifier.prIndex = i;
    const verdict = classifier.pullRequest(pr);
    if (verdict.class === "automation") {
      automatedPrs.push(pr);
      automatedVerdicts.push(verdict);
    }
    out.push(verdict);
    for (let r = 0; r < pr.reviews.length; r++) out.push(classifier.review(pr, pr.reviews[r] as Review, r, verdict.ref));
  }
  classifier.prIndex = -1;
  // Indexed loops: a for-of iterator's result objects cost a million allocations whenever this
  // long function runs unoptimized (it deoptimizes as each loop reaches code not yet run).
  const commits = dataset.commits;
  for (let i = 0; i < commits.length; i++) {
    const commit = commits[i] as Commit;
    const pr = commit.pullRequest === null ? undefined : prsByNumber().get(commit.repo)?.get(commit.pullRequest);
    out.push(classifier.commit(commit, pr));
  }
  const issues = dataset.issues;
  for (let i = 0; i < issues.length; i++) out.push(classifier.issue(issues[i] as Issue));
  // Comments come last (see comments.ts), so the verdicts before them keep their places.
  pushCommentVerdicts(dataset, classifier, out);
  return out;
}
