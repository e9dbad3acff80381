import type { Channel, Config } from "./config.js";
import { knownAccount, normalizeLogin } from "./known-accounts.js";
import type { ActorInput, ActorVerdict, Evidence } from "./verdict.js";

/*
 * Login heuristics for accounts GitHub types as `User` (machine users). They were written as
 * general patterns, never as a list of logins: segments that name automation (`-ci`,
 * `jenkins`, `automation`), a `bot` segment, or a `bot` suffix glued to the login. The glued
 * suffix is the weak one, because people pick such logins too (`olgabot`, `timabbott`): a
 * given name or a surname that ends in "bot"/"bott" before it keeps the account human.
 */

// Segments that name automation wherever they stand (`contiamo-ci`, `puppetlabs-jenkins`).
const AUTOMATION_SEGMENTS = new Set([
  "bot", "bots", "automation", "automator", "ci", "cd", "jenkins", "buildkite", "travis", "circleci",
  "build", "builder", "builds", "autobuild", "cla", "bors", "homu", "devops", "steward", "autoroll",
  "autotester", "tester", "machine", "serviceuser", "service", "services", "svc", "transifex", "weblate",
  "translations", "notifier", "assistant", "worker", "deploy", "deployer", "releaser", "autoupdate",
  "updater", "mirror", "integration", "sync", "daemon", "robot", "automerge", "merger", "ops", "app",
  "actions", "fixture", "autopublish", "publisher", "pipeline", "pipelines", "crawler", "agent",
  // Accounts named for a function rather than a person: a team's or a service desk's shared login, a test account.
  "support", "team", "test", "b0t",
  // Accounts named for the job they do.
  "guardian", "sentinel", "watcher", "checker", "linter", "formatter", "janitor", "herald", "timer", "scheduler",
  "tracker", "monitor", "reporter", "scanner", "labeler", "triage", "triager", "greeter", "welcomer", "announcer", "backport", "backporter",
]);
// Glued suffixes that only automation uses (`cmsbuild`, `atyponci`, `elasticmachine`, `ottomation`).
// Not `robot`: glued to a word it is a persona people pick (`artfulrobot`); automation writes `<project>-robot`.
const AUTOMATION_SUFFIX = /(?:automation|automator|omation|build|jenkins|machine|cibot|-?ci|cla|devops|autotester|tester|steward|autoroll|serviceuser|notifier|buildbot|testbot|worker|magician|rultor|b0t|guardian|sentinel|checker|linter|labeler|triager|backporter|cop)$/;
const AUTOMATION_PREFIX = /^(?:bot-|bot_|robo$|robo[^t]|auto-|ci-|build-|devops)/;
// Common given names: `<name>bot` is a person's handle far more often than a program's.
const GIVEN_NAMES = new Set(
  ("adam al alex ali amy andy ann anna arsh ben bill bob brad brandon brett brian carl chris cecilia dan dana " +
    "danny dave david dean dennis eric emma eva frank fred greg hank harry ian jack jake james jan jane jason " +
    "jeff jen jim joe joey john jon josh julia julien kate ken kevin kim kyle lara lee leo liam lily lisa luke " +
    "marc maria mark matt max mike mikhail nick nina olga paul pete peter phil rahul ray rob ryan sam sara " +
    "sarah scott sean shawn steve ted tim todd tom tony walt will zack").split(" "),
);
// Surnames that end in "bot"/"bott", read before the glued suffix (`sebtalbot`, `labbott`).
const SURNAME_ENDINGS = /(?:talbot|abbot|abbott|cabot|turbot|bott)$/;
const PERSONA = /^(?:the|my|mr|mrs|miss|little|iam)[-_.]?[a-z]*bot/;
const BOT_WORD = /(?:^|[^a-z])(?:bot|robot|automation|ci|service|services)(?:$|[^a-z])/i;

const ev = (rule: string, signal: string, detail: string): Evidence => ({ rule, signal, detail });

function human(evidence: Evidence[]): ActorVerdict {
  return { class: "human", channel: "human", evidence };
}

function automation(channel: Channel, evidence: Evidence[]): ActorVerdict {
  return { class: "automation", channel, evidence };
}

/** Whether a display name reads as a person's and explains the login's "bot" part. */
function nameExplainsLogin(login: string, name: string | null | undefined): boolean {
  if (!name || BOT_WORD.test(name)) return false;
  const words = name.toLowerCase().split(/\s+/).filter((w) => /^[\p{L}'-]{2,}$/u.test(w));
  if (words.length < 2) return false;
  // "Olga Botvinnik" explains olgabot; "Tim Abbott" explains timabbott.
  return words.some((w) => (w.includes("bot") || w.startsWith("bot")) && (login.includes(w.slice(0, 3)) || login.includes(w)));
}

// `brandonmrbot`, `sarahcaseybot`: a given name of four letters or more opening the handle.
function startsWithGivenName(prefix: string): boolean {
  for (let n = 4; n < prefix.length && n <= 7; n++) if (GIVEN_NAMES.has(prefix.slice(0, n))) return true;
  return false;
}

// Login segments: split at `-`, `_`, `.` and where letters meet digits (`k8s` → k, 8, s), without lookaround.
function splitSegments(login: string): string[] {
  const out: string[] = [];
  let start = 0;
  const digit = (c: number) => c >= 48 && c <= 57;
  const letter = (c: number) => c >= 97 && c <= 122;
  for (let i = 0; i <= login.length; i++) {
    const c = i < login.length ? login.charCodeAt(i) : 45;
    const sep = c === 45 || c === 95 || c === 46;
    const boundary = i > start && i < login.length && !sep && ((digit(c) && letter(login.charCodeAt(i - 1))) || (letter(c) && digit(login.charCodeAt(i - 1))));
    if (sep || boundary) {
      if (i > start) out.push(login.slice(start, i));
      start = sep ? i + 1 : i;
    }
  }
  return out;
}

/** How a login looks, from the strongest pattern to the weakest; undefined when it looks like a person's. */
export function loginPattern(rawLogin: string): { strength: "strong" | "weak"; detail: string } | undefined {
  const login = normalizeLogin(rawLogin);
  // A persona handle: `the-robot`, `mr-robot-ops`, `iamthebot`, `littlemissbot`.
  if (PERSONA.test(login)) return undefined;
  const segments = splitSegments(login);
  const parts = login.split(/[-_.]+/).filter(Boolean);
  // `brian-bot`, `julien-lebot`: a given name, then `bot`: a person's handle.
  if (parts.length === 2 && GIVEN_NAMES.has(parts[0] as string) && /^(?:le)?bot$/.test(parts[1] as string)) return undefined;
  // A `robot` cut off only by digits (`l3robot`, `robot9706`) is glued, as a persona is.
  const segment = segments.find((s) => AUTOMATION_SEGMENTS.has(s) && !(s === "robot" && !parts.includes("robot")));
  if (segment) return { strength: "strong", detail: `login segment "${segment}" names automation` };
  if (parts.slice(1).some((p) => /^robo(?:$|[^t])/.test(p))) return { strength: "strong", detail: "a login part starts like an automation account" };
  if (AUTOMATION_PREFIX.test(login)) return { strength: "strong", detail: "login starts like an automation account" };
  // Glued endings, of the login or of one of its parts (`ottomation-movai`).
  for (const part of segments.length > 1 ? [login, ...segments] : [login]) {
    const glued = AUTOMATION_SUFFIX.exec(part);
    // Not an Italian `-cci` surname (`marcacci`): a glued `ci` follows another letter.
    if (glued && glued.index > 1 && !(glued[0] === "ci" && part[glued.index - 1] === "c")) return { strength: "strong", detail: `login ends in "${glued[0].replace(/^-/, "")}"` };
  }
  const bot = /^(.*?)bot\d*$/.exec(login);
  if (bot) {
    const before = bot[1] ?? "";
    const last = before.split(/[-_.]+/).pop() ?? "";
    if (SURNAME_ENDINGS.test(login.replace(/\d+$/, ""))) return undefined;
    // `artfulrobot`, `robot9706`: a persona; automation names its project (`<project>-robot`).
    if (/(?:^|[a-z0-9])robot\d*$/.test(login)) return undefined;
    if (GIVEN_NAMES.has(last) || last.length === 1 || startsWithGivenName(last)) return undefined;
    // Leetspeak (`cr0ybot`): a zero between letters is a person's styling, not a project's name.
    if (/[a-z]0[a-z]/.test(before)) return undefined;
    return { strength: "weak", detail: `login ends in "bot"` };
  }
  if (/bot\d*[-_.]|[-_.]bot/.test(login)) return { strength: "weak", detail: `login contains "bot" as a part` };
  return undefined;
}

/**
 * Classifies an account alone: configured machine accounts and people first, then GraphQL's
 * `Bot` type and the `[bot]` suffix, well-known apps, then login patterns of machine users.
 */
export function classifyActor(actor: ActorInput, config?: Pick<Config, "machineAccounts" | "people" | "bots">): ActorVerdict {
  const login = actor.login;
  const bare = normalizeLogin(login);
  const machine = config?.machineAccounts.find((m) => normalizeLogin(m.login) === bare);
  if (machine) return automation("machine-account", [ev("config/machine-account", "author", `${login} is a configured machine account`)]);
  if (config?.people.some((p) => normalizeLogin(p) === bare)) return human([ev("config/people", "author", `${login} is listed under people`)]);
  const configured = config?.bots.find((b) => normalizeLogin(b.login) === bare);
  if (configured) {
    const channel = configured.channel ?? (actor.type === "Bot" ? "github-app" : "machine-account");
    return automation(channel, [ev("config/bots", "author", `${login} is listed under bots`)]);
  }
  const known = knownAccount(login);
  const isBotType = actor.type === "Bot";
  const hasSuffix = /\[bot\]$/i.test(login.trim());
  if (isBotType || hasSuffix || known) {
    const evidence: Evidence[] = [];
    if (isBotType) evidence.push(ev("actor/bot-type", "author-type", `GitHub types ${login} as Bot`));
    if (hasSuffix) evidence.push(ev("actor/bot-suffix", "author", `${login} has the [bot] suffix of a GitHub App`));
    if (known) evidence.push(ev("actor/known-app", "author", `${bare} is a well-known automation account`));
    const channel: Channel = known?.channel ?? (bare === "github-actions" ? "github-actions" : "github-app");
    // A well-known name on a plain User account is someone's account, not the app (`copilot` the user).
    if (known && actor.type && !isBotType && !hasSuffix) return human([ev("actor/user-type", "author-type", `${login} is a User, not the ${bare} app`)]);
    return automation(channel, evidence);
  }
  if (actor.type && actor.type !== "User") {
    return human([ev("actor/type", "author-type", `GitHub types ${login} as ${actor.type}`)]);
  }
  const pattern = loginPattern(login);
  if (pattern && !(pattern.strength === "weak" && nameExplainsLogin(bare, actor.name))) {
    const nameNote = actor.name && BOT_WORD.test(actor.name) ? `; name "${actor.name}" agrees` : "";
    return automation("machine-account", [ev("actor/machine-user-pattern", "author", `${pattern.detail}${nameNote}`)]);
  }
  if (pattern) return human([ev("actor/person-name", "author", `name "${actor.name}" explains the login`)]);
  return human([ev("actor/default", "author", `${login} looks like a person's account`)]);
}

export { normalizeLogin };
