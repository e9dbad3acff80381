import { z } from "zod";
import type { Config } from "@quantecon/attribution";
import type { AuditProblem, Credential, Finding } from "./audit-schema.js";
import { defaultGithubToken, findEnv, resolveCredential, unknownCredential, type ResolveContext } from "./credentials.js";
import { AuditError } from "./errors.js";
import { inferKinds } from "./kinds.js";
import {
  APP_TOKEN_ACTIONS,
  actionName,
  knownAction,
  NON_GITHUB_TOKEN,
  PUSH_WITH_CHECKOUT_CREDENTIAL,
  TOKEN_INPUT,
  type ActionSpec,
} from "./known-actions.js";
import { ITEM_TYPES_BY_OPERATION, type Operation } from "./operations.js";
import type { ItemType } from "@quantecon/attribution";
import { scanRunScript, userinfoToken, type RunScan } from "./run-script.js";
import { readWorkflow, type EnvLayer, type WorkflowJob, type WorkflowModel, type WorkflowStep } from "./workflow-model.js";

/** One workflow file as fetched: `repo` is `owner/name`, `path` is inside the repo, `url` its blob URL. */
export interface WorkflowFile {
  repo: string;
  path: string;
  text: string;
  url?: string;
}

/** What `auditWorkflows` returns: writing steps, and files or parts it could not read. */
export interface AuditResult {
  findings: Finding[];
  problems: AuditProblem[];
}

const WorkflowFilesSchema = z.array(
  z.object({ repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected "owner/name"'), path: z.string().min(1), text: z.string(), url: z.string().optional() }),
);

/** Finds every workflow step that writes to GitHub and the credential it runs under; bad files become problems. */
export function auditWorkflows(files: readonly WorkflowFile[], config: Config): AuditResult {
  const parsed = WorkflowFilesSchema.safeParse(files);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `files${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}: ${i.message}`);
    throw new AuditError("E_INVALID_AUDIT_INPUT", lines[0] ?? "files: invalid", lines);
  }
  const machineSecrets = new Map<string, string>();
  for (const account of config.machineAccounts) {
    for (const secret of account.secrets) machineSecrets.set(secret.toUpperCase(), account.login);
  }
  const findings: Finding[] = [];
  const problems: AuditProblem[] = [];
  for (const file of parsed.data) {
    const { model, problems: found } = readWorkflow(file.text);
    // Fail closed: what could not be audited is searched for secrets that could be a personal token.
    const suspect = found.length > 0 ? undeclaredSecrets(file.text, machineSecrets) : [];
    for (const problem of found) {
      problems.push({ repo: file.repo, path: file.path, ...problem, url: lineUrl(file, problem.line), ...(suspect.length > 0 ? { secrets: suspect } : {}) });
    }
    if (model) findings.push(...auditModel(file, model, machineSecrets));
  }
  findings.sort(compareFindings);
  problems.sort((a, b) => cmp(a.repo, b.repo) || cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message));
  return { findings, problems };
}

// Linear patterns (no nested repetition): a file written to stall the audit cannot.
const SECRET_REF = /secrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/g;
const LITERAL_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{20}|github_pat_[A-Za-z0-9_]{20})/;

/**
 * Secrets a workflow's text names that are neither `GITHUB_TOKEN` nor a machine account's, and
 * "a literal token" when one is written in it: read from the raw text, so it works on a file
 * that does not parse. Sorted, without duplicates.
 */
export function undeclaredSecrets(text: string, machineSecrets: ReadonlyMap<string, string>): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(SECRET_REF)) {
    const name = (m[1] ?? m[2] ?? "").toUpperCase();
    if (name && name !== "GITHUB_TOKEN" && !machineSecrets.has(name)) names.add(name);
  }
  const out = [...names].sort();
  if (LITERAL_TOKEN.test(text)) out.push("a literal token");
  return out;
}

interface FileContext {
  file: WorkflowFile;
  model: WorkflowModel;
  job: WorkflowJob;
  machineSecrets: ReadonlyMap<string, string>;
  appSteps: ReadonlyMap<string, string>;
}

interface CheckoutState {
  step: WorkflowStep;
  credential: Credential | null;
  repo: string | null;
}

function auditModel(file: WorkflowFile, model: WorkflowModel, machineSecrets: ReadonlyMap<string, string>): Finding[] {
  const findings: Finding[] = [];
  for (const job of model.jobs) {
    const appSteps = new Map<string, string>();
    for (const step of job.steps) {
      const name = step.uses ? actionName(step.uses) : null;
      if (name && step.id && APP_TOKEN_ACTIONS.includes(name)) appSteps.set(step.id, step.uses ?? name);
    }
    const fc: FileContext = { file, model, job, machineSecrets, appSteps };
    let checkout: CheckoutState | null = null;
    for (const step of job.steps) {
      const ctx = resolveContext(fc, step);
      if (step.uses) {
        const name = actionName(step.uses);
        if (name === "actions/checkout") {
          checkout = checkoutState(step, ctx);
          continue;
        }
        if (name && APP_TOKEN_ACTIONS.includes(name)) continue;
        if (name && PUSH_WITH_CHECKOUT_CREDENTIAL.includes(name)) {
          findings.push(finding(fc, step, "push", inferKinds(haystack(fc, step), ["other"]), [checkout?.repo ?? file.repo], checkoutCredential(checkout)));
          continue;
        }
        const spec = knownAction(step.uses);
        const found = spec ? knownActionFinding(fc, step, spec, ctx) : genericActionFinding(fc, step, ctx);
        if (found) findings.push(found);
      } else if (step.run) {
        findings.push(...runFindings(fc, step, checkout));
      }
    }
  }
  return findings;
}

function resolveContext(fc: FileContext, step: WorkflowStep, shellVars?: ReadonlyMap<string, string>): ResolveContext {
  return {
    layers: [step.env, fc.job.env, fc.model.env],
    appSteps: fc.appSteps,
    machineSecrets: fc.machineSecrets,
    ...(shellVars ? { shellVars } : {}),
  };
}

function checkoutState(step: WorkflowStep, ctx: ResolveContext): CheckoutState {
  const repo = step.with["repository"] ?? null;
  const label = `actions/checkout (step ${step.index})`;
  if (step.with["ssh-key"]) return { step, repo, credential: deployKey(resolveCredential(step.with["ssh-key"], `${label} ssh-key`, step.withLines["ssh-key"] ?? null, ctx)) };
  if (step.with["persist-credentials"]?.trim().toLowerCase() === "false") return { step, repo, credential: null };
  const token = step.with["token"];
  if (token !== undefined) return { step, repo, credential: resolveCredential(token, `${label} token`, step.withLines["token"] ?? null, ctx) };
  return { step, repo, credential: defaultGithubToken(`${label} default GITHUB_TOKEN`) };
}

function checkoutCredential(checkout: CheckoutState | null): Credential {
  if (!checkout) return unknownCredential("no actions/checkout before it in the job", "pushes with a credential the audit cannot see");
  if (!checkout.credential) {
    return unknownCredential(`actions/checkout (step ${checkout.step.index})`, "persist-credentials is false and no token is in the push URL");
  }
  return checkout.credential;
}

function knownActionFinding(fc: FileContext, step: WorkflowStep, spec: ActionSpec, ctx: ResolveContext): Finding {
  const operation = spec.operationFor?.(step.with) ?? spec.operation;
  let credential: Credential | null = null;
  const input = spec.tokenInputs.find((name) => step.with[name] !== undefined);
  if (input) credential = resolveCredential(step.with[input] ?? "", `with.${input}`, step.withLines[input] ?? null, ctx);
  credential ??= envCredential(findEnv(ctx.layers, spec.tokenEnv ?? []), ctx);
  if (!credential) {
    const keyInput = (spec.deployKeys ?? []).find((name) => step.with[name] !== undefined);
    if (keyInput) credential = deployKey(resolveCredential(step.with[keyInput] ?? "", `with.${keyInput}`, step.withLines[keyInput] ?? null, ctx));
    else {
      const keyEnv = envCredential(findEnv(ctx.layers, spec.deployKeys ?? []), ctx);
      if (keyEnv) credential = deployKey(keyEnv);
    }
  }
  credential ??= spec.defaultsToGithubToken
    ? defaultGithubToken(`default GITHUB_TOKEN of ${spec.action}`)
    : unknownCredential(`${spec.action} inputs`, `no ${[...spec.tokenInputs, ...(spec.tokenEnv ?? [])].join(" / ")} given`);
  const kinds = spec.kinds ? [...spec.kinds] : inferKinds(haystack(fc, step), spec.fallbackKinds ?? ["other"]);
  const targets = spec.targets ? spec.targets(step.with, fc.file.repo) : [fc.file.repo];
  return finding(fc, step, operation, kinds, targets, credential, spec.producesFor?.(step.with));
}

function genericActionFinding(fc: FileContext, step: WorkflowStep, ctx: ResolveContext): Finding | null {
  const candidates: Credential[] = [];
  for (const [key, value] of Object.entries(step.with)) {
    if (!TOKEN_INPUT.test(key) || NON_GITHUB_TOKEN.test(key)) continue;
    candidates.push(resolveCredential(value, `with.${key}`, step.withLines[key] ?? null, ctx));
  }
  // A token handed to an action through its own step env counts as an input too.
  const stepEnv = findEnv([step.env], ["GH_TOKEN", "GITHUB_TOKEN"]);
  const fromEnv = envCredential(stepEnv, ctx);
  if (fromEnv) candidates.push(fromEnv);
  const credential = candidates.find((c) => !(c.secret && NON_GITHUB_TOKEN.test(c.secret)));
  if (!credential) return null;
  return finding(fc, step, "write", inferKinds(haystack(fc, step), ["other"]), [fc.file.repo], credential);
}

function runFindings(fc: FileContext, step: WorkflowStep, checkout: CheckoutState | null): Finding[] {
  const scan = scanRunScript(step.run ?? "");
  const scriptCtx = resolveContext(fc, step, scan.shellVars);
  const kinds = inferKinds(haystack(fc, step), ["other"]);
  return scan.commands.map((command) => {
    if (command.operation !== "push") {
      const targets = command.targets.length > 0 ? command.targets : [fc.file.repo];
      return finding(fc, step, command.operation, kinds, targets, ghCredential(scan, step, scriptCtx));
    }
    let credential: Credential;
    let target = checkout?.repo ?? fc.file.repo;
    if (scan.tokenUrl) {
      credential = resolveCredential(userinfoToken(scan.tokenUrl.userinfo), "token in the remote URL", step.line, scriptCtx);
      target = scan.tokenUrl.repo;
    } else if (scan.ghSetupGit) {
      credential = ghCredential(scan, step, scriptCtx);
    } else {
      credential = checkoutCredential(checkout);
    }
    return finding(fc, step, "push", kinds, [...new Set([target, ...command.targets])], credential);
  });
}

// gh reads GH_TOKEN before GITHUB_TOKEN, whichever env level sets them.
function ghCredential(scan: RunScan, step: WorkflowStep, ctx: ResolveContext): Credential {
  if (scan.ghLoginToken) return resolveCredential(scan.ghLoginToken, "gh auth login --with-token", step.line, ctx);
  for (const name of ["GH_TOKEN", "GITHUB_TOKEN"]) {
    const assigned = scan.shellVars.get(name);
    if (assigned !== undefined) return resolveCredential(assigned, `${name} set in the script`, step.line, { ...ctx, shellVars: new Map() });
    const found = envCredential(findEnv(ctx.layers, [name]), ctx);
    if (found) return found;
  }
  return unknownCredential("gh", "gh needs GH_TOKEN or GITHUB_TOKEN and the workflow sets neither", step.line);
}

function envCredential(found: { name: string; layer: EnvLayer } | null, ctx: ResolveContext): Credential | null {
  if (!found) return null;
  const value = found.layer.values[found.name] ?? "";
  const outer = ctx.layers.slice(ctx.layers.indexOf(found.layer) + 1);
  return resolveCredential(value, `env.${found.name} (${found.layer.scope})`, found.layer.lines[found.name] ?? null, { ...ctx, layers: outer });
}

function deployKey(credential: Credential): Credential {
  return { ...credential, channel: "deploy-key", machineAccount: null, note: "an SSH deploy key: pushes are tied to no account's token" };
}

function haystack(fc: FileContext, step: WorkflowStep): (string | null)[] {
  return [fc.model.name, fc.file.path, fc.job.id, step.name, step.id, step.uses, ...Object.values(step.with), step.run];
}

function finding(
  fc: FileContext,
  step: WorkflowStep,
  operation: Operation,
  kinds: string[],
  targets: string[],
  credential: Credential,
  produces: readonly ItemType[] = ITEM_TYPES_BY_OPERATION[operation],
): Finding {
  const { file, job } = fc;
  return {
    id: `${file.repo}:${file.path}:${job.id}:${step.index}:${operation}`,
    repo: file.repo,
    path: file.path,
    workflow: fc.model.name ?? file.path,
    job: job.id,
    step: { index: step.index, name: step.name, id: step.id },
    action: step.uses ?? "run",
    operation,
    kinds,
    produces: [...produces],
    targets: [...new Set(targets)],
    secret: credential.secret,
    channel: credential.channel,
    machineAccount: credential.machineAccount,
    credential,
    line: step.line,
    url: lineUrl(file, step.line),
  };
}

/** The blob URL of a file at a line: `file.url` when given, else `https://github.com/<repo>/blob/HEAD/<path>`. */
export function lineUrl(file: Pick<WorkflowFile, "repo" | "path" | "url">, line: number | null): string {
  const base = (file.url ?? `https://github.com/${file.repo}/blob/HEAD/${file.path.split("/").map(encodeURIComponent).join("/")}`).replace(/#.*$/, "");
  return line ? `${base}#L${line}` : base;
}

function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.repo, b.repo) || cmp(a.path, b.path) || a.line - b.line || a.step.index - b.step.index || cmp(a.job, b.job) || cmp(a.operation, b.operation);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
