import type { Config } from "./config.js";
import type { Commit, Dataset } from "./dataset.js";
import { noreplyParts } from "./identities.js";

/** Why an unlinked git identity was joined to an account. */
export interface AliasJoin {
  login: string;
  detail: string;
}

const AMBIGUOUS = "";

/*
 * Unlinked git identities (a laptop's `john@Johns-MacBook-Pro.local`) joined to the account
 * the dataset links the same email or name to elsewhere, so one person is one row. Only
 * joins that point one way count: a name two accounts use joins nobody. The config's
 * `aliases` (login → names and emails) come first and are never ambiguous.
 */
export class Aliases {
  private readonly configured = new Map<string, string>();
  private readonly emails = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly logins = new Map<string, string>();

  constructor(config: Pick<Config, "aliases"> | undefined, actors: Dataset["actors"] = []) {
    for (const [login, keys] of Object.entries(config?.aliases ?? {})) for (const key of keys) this.configured.set(key.trim().toLowerCase(), login);
    for (const actor of actors) {
      if (actor.login.toLowerCase() !== "web-flow") this.logins.set(actor.login.toLowerCase(), actor.login);
      if (actor.type === "User" && actor.name) note(this.names, actor.name, actor.login);
    }
  }

  // Each raw email and name with the login it was last noted under: a million commits repeat a
  // few hundred identities, and a repeat changes nothing, so only new pairs are normalized.
  private readonly seenEmails = new Map<string, string>();
  private readonly seenNames = new Map<string, string>();

  /**
   * @internal Notes the links a commit's author and committer show. The classifier calls it in
   * its one pass over the dataset, before any `join`: the index costs no pass of its own.
   */
  noteCommit(commit: Commit): void {
    this.noteLinked(commit.author);
    this.noteLinked(commit.committer);
  }

  private noteLinked(who: Commit["author"]): void {
    const login = who.login;
    // web-flow is GitHub's merge machinery: its name and address join nobody.
    if (login === null || (login.length === 8 && login.toLowerCase() === "web-flow")) return;
    const { email, name } = who;
    if (email && this.seenEmails.get(email) !== login) {
      this.seenEmails.set(email, login);
      note(this.emails, email, login);
    }
    if (name && this.seenNames.get(name) !== login) {
      this.seenNames.set(name, login);
      note(this.names, name, login);
    }
  }

  /** The account an unlinked git identity belongs to, with why; undefined when nothing links it. */
  join(name: string | null, email: string | null): AliasJoin | undefined {
    const e = email?.trim().toLowerCase();
    const n = name?.trim().toLowerCase();
    const byConfig = (e && this.configured.get(e)) || (n && this.configured.get(n));
    if (byConfig) return { login: byConfig, detail: `the config lists ${e && this.configured.has(e) ? `email ${email}` : `name "${name}"`} under aliases of ${byConfig}` };
    // `login@users.noreply.github.com` without an id names the account itself.
    const noreply = e ? noreplyParts(e) : undefined;
    const own = noreply && noreply.id === null ? this.logins.get(noreply.login.toLowerCase()) : undefined;
    if (own) return { login: own, detail: `email ${email} is ${own}'s noreply address` };
    const byEmail = e ? this.emails.get(e) : undefined;
    if (byEmail) return { login: byEmail, detail: `the dataset links email ${email} to ${byEmail} elsewhere` };
    // A name joins only when it looks like a full name: "John Stachurski", not "admin" or "John".
    const byName = n && n.includes(" ") ? this.names.get(n) : undefined;
    if (byName) return { login: byName, detail: `the dataset links the name "${name}" to ${byName} elsewhere` };
    return undefined;
  }
}

function note(map: Map<string, string>, key: string, login: string): void {
  const k = key.trim().toLowerCase();
  if (!k) return;
  const known = map.get(k);
  if (known === undefined) map.set(k, login);
  else if (known !== AMBIGUOUS && known.toLowerCase() !== login.toLowerCase()) map.set(k, AMBIGUOUS);
}
