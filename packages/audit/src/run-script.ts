import type { Operation } from "./operations.js";

/** One command in a `run:` script that writes to GitHub. */
export interface RunCommand {
  operation: Operation;
  /** 0-based line of the (joined) script where it first appears. */
  scriptLine: number;
  /** Repositories named with `--repo`/`-R` or in a push URL; empty when it is the workflow's own. */
  targets: string[];
}

/** What a `run:` script tells about writes and the credentials it sets itself. */
export interface RunScan {
  commands: RunCommand[];
  /** Variables the script assigns (`export GH_TOKEN=…`, `GH_TOKEN=… gh …`), last assignment wins. */
  shellVars: Map<string, string>;
  /** The value piped into `gh auth login --with-token`, if any. */
  ghLoginToken: string | null;
  /** True when the script runs `gh auth setup-git`, so git pushes with gh's token. */
  ghSetupGit: boolean;
  /** Userinfo and repo of the first `https://<token>@github.com/<repo>` URL. */
  tokenUrl: { userinfo: string; repo: string } | null;
}

const COMMANDS: readonly { operation: Operation; pattern: RegExp }[] = [
  { operation: "push", pattern: /\bgit\s+(?:-[cC]\s+\S+\s+)*push\b/ },
  { operation: "create-pr", pattern: /\bgh\s+pr\s+create\b/ },
  { operation: "merge-pr", pattern: /\bgh\s+pr\s+merge\b/ },
  { operation: "review", pattern: /\bgh\s+pr\s+review\b/ },
  { operation: "comment", pattern: /\bgh\s+(?:pr|issue)\s+comment\b/ },
  { operation: "create-issue", pattern: /\bgh\s+issue\s+create\b/ },
  { operation: "release", pattern: /\bgh\s+release\s+create\b/ },
  // `gh api` writes only with a non-GET method or request fields.
  { operation: "api", pattern: /\bgh\s+api\b.*(?:(?:-X\s*|--method[=\s]+)["']?(?:POST|PATCH|PUT|DELETE)|\s(?:-f|-F|--field|--raw-field|--input)\s)/i },
];

const REPO_FLAG = /(?:--repo|-R)[=\s]+["']?([\w.-]+\/[\w.-]+)/g;
const TOKEN_URL = /https:\/\/((?:\$\{\{[^}]*\}\}|[^@\s'"/])+)@github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?(?=[\s'"/]|$)/;
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_]\w*)=((?:\$\{\{[^}]*\}\}|"[^"]*"|'[^']*'|\S)*)/;
const TOKEN_VALUE = /\$\{\{[^}]*\}\}|\$\{?[A-Za-z_]\w*\}?/;

/** Finds the commands of a `run:` script that write to GitHub (comments ignored, `\` continuations joined). */
export function scanRunScript(script: string): RunScan {
  const lines = script.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  const scan: RunScan = { commands: [], shellVars: new Map(), ghLoginToken: null, ghSetupGit: false, tokenUrl: null };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment?.[1] && assignment[2] !== undefined) scan.shellVars.set(assignment[1], unquote(assignment[2]));
    if (/\bgh\s+auth\s+login\b/.test(line) && line.includes("--with-token")) {
      scan.ghLoginToken = TOKEN_VALUE.exec(line)?.[0] ?? scan.ghLoginToken;
    }
    if (/\bgh\s+auth\s+setup-git\b/.test(line)) scan.ghSetupGit = true;
    const url = TOKEN_URL.exec(line);
    if (url?.[1] && url[2] && !scan.tokenUrl) scan.tokenUrl = { userinfo: url[1], repo: url[2] };
    for (const { operation, pattern } of COMMANDS) {
      if (!pattern.test(line)) continue;
      const targets = [...line.matchAll(REPO_FLAG)].map((m) => m[1] ?? "").filter(Boolean);
      const existing = scan.commands.find((c) => c.operation === operation);
      if (existing) existing.targets = [...new Set([...existing.targets, ...targets])];
      else scan.commands.push({ operation, scriptLine: index, targets });
    }
  });
  return scan;
}

/** The token part of a URL's userinfo: `x-access-token:TOKEN` → `TOKEN`. */
export function userinfoToken(userinfo: string): string {
  if (userinfo.startsWith("${{")) return userinfo;
  const colon = userinfo.indexOf(":");
  return colon >= 0 ? userinfo.slice(colon + 1) : userinfo;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.at(-1) === trimmed[0]) return trimmed.slice(1, -1);
  return trimmed;
}
