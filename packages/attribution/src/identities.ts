import type { Channel } from "./config.js";

/*
 * Built-in identity knowledge, keyed by what cannot be spelled two ways: the numeric id inside
 * a GitHub noreply address (`<id>+<login>@users.noreply.github.com`) and exact, documented
 * addresses. Display names and logins are free text (`Claude`, `Devin` and `Bot` are people's
 * names too), so nothing here is keyed by them. Sources: /work/shared/reference/automation-identities.md,
 * each row checked against public commits and the tools' own source (ids seen in real
 * `Author:` lines and co-author trailers).
 *
 * Degrees are kept apart:
 * - `app`: a GitHub App's (or a machine user's) own identity: the account did the work.
 * - `agent`: an AI coding agent's own identity: agent-authored work (channel github-app).
 * - `agent-as-person`: an AI tool with no account of its own, committing from a person's
 *   session (Claude Code, Cursor's cloud agent, Codex CLI): automation run as that person.
 * - `assistant`: an AI that only ever appears as a co-author of a person's commit.
 * - `reviewer`: an AI review app; its reviews are automation, its name on a PR is not.
 */
export type IdentityDegree = "app" | "agent" | "agent-as-person" | "assistant" | "reviewer";

/** A known automation identity: which product, what it does and through which channel. */
export interface KnownIdentity {
  product: string;
  /** The short name a person would use ("Claude", "Copilot"). */
  brand: string;
  /** The account's login without `[bot]`, where it has one. */
  login: string | null;
  degree: IdentityDegree;
  kind: string;
  channel: Channel;
}

const app = (product: string, login: string, kind: string, channel: Channel = "github-app"): KnownIdentity => ({ product, brand: product, login, degree: "app", kind, channel });
const agent = (brand: string, product: string, login: string): KnownIdentity => ({ product, brand, login, degree: "agent", kind: "ai-agent", channel: "github-app" });
const asPerson = (brand: string, product: string): KnownIdentity => ({ product, brand, login: null, degree: "agent-as-person", kind: "ai-agent", channel: "personal-token" });
const reviewer = (brand: string, product: string, login: string): KnownIdentity => ({ product, brand, login, degree: "reviewer", kind: "ai-agent", channel: "github-app" });

// Numeric account ids, as they appear in noreply addresses.
const BY_ID = new Map<number, KnownIdentity>([
  // Copilot coding agent: `copilot-swe-agent[bot]` / `Copilot <198982749+Copilot@…>`; REST calls it `Copilot`, some answers type it User.
  [198982749, agent("Copilot", "the Copilot coding agent", "copilot-swe-agent")],
  // Claude through GitHub's agents: `anthropic-code-agent[bot] <242468646+Claude@…>`.
  [242468646, agent("Claude", "Claude (anthropic-code-agent)", "anthropic-code-agent")],
  // Codex through GitHub's agents: `openai-code-agent[bot] <242516109+Codex@…>`.
  [242516109, agent("Codex", "Codex (openai-code-agent)", "openai-code-agent")],
  [161369871, agent("Jules", "Google Jules", "google-labs-jules")],
  [158243242, agent("Devin", "Devin", "devin-ai-integration")],
  [209825114, agent("Claude", "the Claude GitHub App", "claude")],
  // Copilot code review and Autofix: accepted suggestions credit `Copilot <175728472+Copilot@…>`.
  [175728472, { product: "Copilot (review suggestions, Autofix)", brand: "Copilot", login: "copilot", degree: "assistant", kind: "ai-agent", channel: "github-app" }],
  // Copilot CLI signs `Co-authored-by: Copilot <223556219+Copilot@…>` on the person's own commits.
  [223556219, { product: "Copilot CLI", brand: "Copilot", login: null, degree: "assistant", kind: "ai-agent", channel: "personal-token" }],
  [199175422, reviewer("Codex", "the ChatGPT Codex connector", "chatgpt-codex-connector")],
  [176961590, reviewer("Gemini", "Gemini Code Assist", "gemini-code-assist")],
  [206951365, reviewer("Cursor", "Cursor Bugbot", "cursor")],
  [136622811, reviewer("CodeRabbit", "CodeRabbit", "coderabbitai")],
  [58596630, reviewer("Sourcery", "Sourcery", "sourcery-ai")],
  [208079219, reviewer("Amazon Q", "Amazon Q Developer", "amazon-q-developer")],
  [245459735, agent("Kiro", "Kiro", "kiro-agent")],
  // The github-actions id: any display name can sit on it (claude-code-action commits as `claude[bot]` here).
  [41898282, app("GitHub Actions", "github-actions", "ci", "github-actions")],
  [49699333, app("Dependabot", "dependabot", "dependency-update")],
  [27856297, app("Dependabot Preview", "dependabot-preview", "dependency-update")],
  [29139614, app("Renovate", "renovate", "dependency-update")],
  [66853113, app("pre-commit.ci", "pre-commit-ci", "dependency-update")],
  [46447321, app("All Contributors", "allcontributors", "other")],
  [37929162, app("Mergify", "mergify", "other")],
  [118344674, app("the GitHub merge queue", "github-merge-queue", "other")],
  [114827586, app("autofix.ci", "autofix-ci", "ci")],
  [62310815, app("GitHub Advanced Security", "github-advanced-security", "other")],
  [65916846, app("actions-user", "actions-user", "ci", "github-actions")],
  [32174276, app("semantic-release", "semantic-release-bot", "release", "machine-account")],
]);

// Exact addresses (lower case) that only automation writes.
const BY_ADDRESS = new Map<string, KnownIdentity>([
  // Claude Code: web sessions commit as `Claude <noreply@anthropic.com>`; the CLI adds it as co-author.
  ["noreply@anthropic.com", asPerson("Claude", "Claude Code")],
  ["cursoragent@cursor.com", asPerson("Cursor", "Cursor's agent")],
  ["codex@openai.com", asPerson("Codex", "Codex")],
  ["noreply@openai.com", asPerson("Codex", "Codex")],
  ["action@github.com", app("GitHub Actions", "github-actions", "ci", "github-actions")],
  ["github-actions@github.com", app("GitHub Actions", "github-actions", "ci", "github-actions")],
  // `GitHub Actions <actions@github.com>`: the identity workflows set by hand (claude-code-action's releases, many others).
  ["actions@github.com", app("GitHub Actions", "github-actions", "ci", "github-actions")],
  ["bot@renovateapp.com", app("Renovate", "renovate", "dependency-update")],
  ["semantic-release-bot@martynus.net", app("semantic-release", "semantic-release-bot", "release", "machine-account")],
  ["imgbothelp@gmail.com", app("ImgBot", "imgbot", "other")],
]);
// Deliberately absent: `copilot@github.com` (VS Code adds it in some releases without Copilot
// being used, microsoft/vscode#314311) and `noreply@github.com` (web-flow: GitHub's own
// merge machinery, which says nothing about who wrote the change).

const NOREPLY_SUFFIX = "@users.noreply.github.com";

/** The numeric id and login of a GitHub noreply address (`123+name@users.noreply.github.com`), read without a regex. */
export function noreplyParts(email: string): { id: number | null; login: string } | undefined {
  const trimmed = email.trim();
  if (!trimmed.toLowerCase().endsWith(NOREPLY_SUFFIX)) return undefined;
  // The login keeps its spelling; compare it case-insensitively.
  const local = trimmed.slice(0, trimmed.length - NOREPLY_SUFFIX.length);
  const plus = local.indexOf("+");
  if (plus <= 0) return local ? { id: null, login: local } : undefined;
  let id = 0;
  for (let i = 0; i < plus; i++) {
    const c = local.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return { id: null, login: local };
    id = id * 10 + c;
  }
  return { id, login: local.slice(plus + 1) };
}

/** The known automation identity behind an email address (numeric noreply id or exact address), or undefined. */
export function knownIdentity(email: string | null | undefined): KnownIdentity | undefined {
  if (!email) return undefined;
  // Addresses as git writes them are almost always lower case already: no copy on that path.
  if (email.endsWith(NOREPLY_SUFFIX)) {
    const id = noreplyParts(email)?.id;
    return id == null ? undefined : BY_ID.get(id);
  }
  const exact = BY_ADDRESS.get(email);
  if (exact || !HAS_UPPER_OR_SPACE.test(email)) return exact;
  const lower = email.trim().toLowerCase();
  return lower.endsWith(NOREPLY_SUFFIX) ? knownIdentity(lower) : BY_ADDRESS.get(lower);
}
const HAS_UPPER_OR_SPACE = /[A-Z\s]/;

/** The known identity of an account id, e.g. 198982749 for the Copilot coding agent. */
export function knownIdentityById(id: number): KnownIdentity | undefined {
  return BY_ID.get(id);
}
