import type { Config, Verdict } from "@quantecon/attribution";
import type { AuditProblem, ChecklistStep, Discrepancy, Finding } from "./audit-schema.js";
import { refRepo } from "./cross-check.js";

/** What `migrationChecklist` reads; `verdicts` are the observed activity, when a dataset was classified. */
export interface ChecklistInput {
  findings: readonly Finding[];
  discrepancies: readonly Discrepancy[];
  verdicts?: readonly Verdict[];
  config: Config;
  /** Files or parts the audit could not read; those that name undeclared secrets keep the last step open. */
  problems?: readonly AuditProblem[];
}

/**
 * The five migration steps with what the audit and the activity say about each. A step is
 * `done` only when the data shows it; what no data can show (a token's owner, a revocation)
 * stays `unknown`.
 */
export function migrationChecklist(input: ChecklistInput): ChecklistStep[] {
  const machines = input.config.machineAccounts.map((a) => a.login);
  const secrets = [...new Set(input.config.machineAccounts.flatMap((a) => a.secrets))];
  const ctx: Ctx = {
    ...input,
    machines,
    secrets,
    machineItems: (input.verdicts ?? []).filter(
      (v) => v.channel === "machine-account" && v.type !== "commit" && machines.some((m) => sameLogin(m, v.actor)),
    ),
  };
  return [machinePat(ctx), teamAccess(ctx), orgSecret(ctx), workflowsSwitched(ctx), personalTokenRevoked(ctx)];
}

interface Ctx extends ChecklistInput {
  machines: string[];
  secrets: string[];
  machineItems: Verdict[];
}

function machinePat(ctx: Ctx): ChecklistStep {
  const step = { id: "machine-pat", title: `Fine-grained PAT on the machine account${names(ctx.machines)}` } as const;
  if (ctx.machines.length === 0) {
    return { ...step, status: "unknown", evidence: ["no machine account is declared in the config (machineAccounts)"] };
  }
  if (ctx.machineItems.length > 0) {
    return { ...step, status: "done", evidence: [`${count(ctx.machineItems.length, "PR, issue or review", "PRs, issues or reviews")} in the window were authored by ${ctx.machines.join(", ")}: a token of the account is in use`] };
  }
  const commits = (ctx.verdicts ?? []).filter((v) => v.type === "commit" && v.channel === "machine-account").length;
  const evidence = [`no PR, issue or review by ${ctx.machines.join(", ")} in the data; a token cannot be seen from here`];
  if (!ctx.verdicts) evidence[0] = "no activity was cross-checked; a token cannot be seen from here";
  if (commits > 0) evidence.push(`${count(commits, "commit", "commits")} carry its git identity, which needs no token of the account`);
  return { ...step, status: "unknown", evidence };
}

function teamAccess(ctx: Ctx): ChecklistStep {
  const step = { id: "team-access", title: "Machine account given write access to the repositories (team)" } as const;
  const targets = new Set(ctx.findings.filter((f) => f.channel === "machine-account").flatMap((f) => f.targets).filter((t) => !t.includes("${{")));
  const active = new Set(ctx.machineItems.map((v) => refRepo(v.ref).toLowerCase()));
  if (targets.size === 0) return { ...step, status: "unknown", evidence: ["no workflow writes with a machine-account secret yet"] };
  const seen = [...targets].filter((t) => active.has(t.toLowerCase())).sort();
  const unseen = [...targets].filter((t) => !active.has(t.toLowerCase())).sort();
  const evidence: string[] = [];
  if (seen.length > 0) evidence.push(`the machine account wrote to ${seen.join(", ")}`);
  if (unseen.length > 0) evidence.push(`no activity of the machine account seen in ${unseen.join(", ")}, which machine-secret workflows write to`);
  return { ...step, status: unseen.length === 0 ? "done" : "unknown", evidence };
}

function orgSecret(ctx: Ctx): ChecklistStep {
  const step = { id: "org-secret", title: `Org secret ${ctx.secrets.length > 0 ? ctx.secrets.join(", ") : "for the machine account"} holds the machine account's token` } as const;
  if (ctx.secrets.length === 0) return { ...step, status: "unknown", evidence: ["no secret is declared in machineAccounts[].secrets"] };
  const using = ctx.findings.filter((f) => f.channel === "machine-account");
  const evidence: string[] = [];
  if (using.length > 0) evidence.push(`${count(using.length, "writing step", "writing steps")} in ${count(new Set(using.map((f) => `${f.repo}:${f.path}`)).size, "workflow", "workflows")} use it`);
  else evidence.push("no workflow uses it yet");
  const wrong = ctx.discrepancies.filter((d) => d.code === "secret-holds-personal-token");
  const unset = ctx.discrepancies.filter((d) => d.code === "secret-unset-fallback");
  for (const d of [...wrong, ...unset]) evidence.push(d.message);
  if (wrong.length > 0 || unset.length > 0) return { ...step, status: "not-done", evidence };
  const confirmed = ctx.verdicts ? ctx.machineItems.filter((v) => using.some((f) => f.targets.some((t) => t.toLowerCase() === refRepo(v.ref).toLowerCase()))) : [];
  if (confirmed.length > 0) {
    evidence.push(`${count(confirmed.length, "item", "items")} the machine account authored in repos these workflows write to`);
    return { ...step, status: "done", evidence };
  }
  evidence.push(ctx.verdicts ? "no item produced through it was seen in the window" : "no activity was cross-checked");
  return { ...step, status: "unknown", evidence };
}

function workflowsSwitched(ctx: Ctx): ChecklistStep {
  const step = { id: "workflows-switched", title: "Every workflow that opens PRs or pushes switched to the machine account" } as const;
  if (ctx.findings.length === 0) return { ...step, status: "unknown", evidence: ["no writing workflow step was found (were any workflows audited?)"] };
  const by = (channel: Finding["channel"]) => ctx.findings.filter((f) => f.channel === channel);
  const personal = by("personal-token");
  const unknown = by("unknown");
  const evidence = (["machine-account", "github-app", "github-actions", "deploy-key", "personal-token", "unknown"] as const)
    .map((channel) => [channel, by(channel).length] as const)
    .filter(([, n]) => n > 0)
    .map(([channel, n]) => `${count(n, "writing step uses", "writing steps use")} ${channel}`);
  const perFile = new Map<string, number>();
  for (const f of personal) {
    const key = `${f.secret ?? "a literal token"} in ${f.repo}: ${f.path}`;
    perFile.set(key, (perFile.get(key) ?? 0) + 1);
  }
  for (const [key, n] of perFile) evidence.push(`still personal: ${key} (${count(n, "step", "steps")})`);
  if (personal.length > 0) return { ...step, status: "not-done", evidence };
  if (unknown.length > 0) return { ...step, status: "unknown", evidence: [...evidence, "the credential of some steps could not be resolved"] };
  return { ...step, status: "done", evidence };
}

function personalTokenRevoked(ctx: Ctx): ChecklistStep {
  const step = { id: "personal-token-revoked", title: "Personal token revoked" } as const;
  const personalFindings = ctx.findings.filter((f) => f.channel === "personal-token");
  const personalItems = (ctx.verdicts ?? []).filter((v) => v.class === "automation" && v.channel === "personal-token");
  const evidence: string[] = [];
  if (personalItems.length > 0) {
    const people = [...new Set(personalItems.map((v) => v.onBehalfOf ?? v.actor))].sort();
    evidence.push(`${count(personalItems.length, "automated item", "automated items")} in the window still ran under a personal token (${people.join(", ")})`);
  }
  if (personalFindings.length > 0) evidence.push(`${count(personalFindings.length, "workflow step", "workflow steps")} still use a secret not declared as the machine account's`);
  for (const d of ctx.discrepancies.filter((x) => x.code === "secret-holds-personal-token")) evidence.push(`${d.secret} still holds ${d.person}'s token`);
  // Fail closed: a file that could not be audited but names such a secret may still use one.
  const unread = new Map<string, string[]>();
  for (const p of ctx.problems ?? []) if (p.secrets && p.secrets.length > 0) unread.set(`${p.repo}/${p.path}`, p.secrets);
  for (const [file, secrets] of unread) evidence.push(`${file} could not be audited and names ${secrets.join(", ")}, not declared as a machine account's secret: it may use a personal token`);
  if (evidence.length > 0) return { ...step, status: "not-done", evidence };
  // Revocation itself is invisible; the data can only say nothing depends on the token any more.
  return {
    ...step,
    status: "unknown",
    evidence: [ctx.verdicts ? "no personal-token automation in the window and no workflow uses a personal secret: safe to revoke" : "no workflow uses a personal secret; activity was not cross-checked"],
  };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function names(logins: string[]): string {
  return logins.length > 0 ? ` (${logins.join(", ")})` : "";
}

function sameLogin(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, "");
  return norm(a) === norm(b);
}
