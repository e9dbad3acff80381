import type { EnvLayer } from "./workflow-model.js";

import type { Credential } from "./audit-schema.js";

/** What a credential expression is resolved against: env layers innermost first, app-token steps, machine secrets. */
export interface ResolveContext {
  layers: EnvLayer[];
  /** Step id → action of the job's GitHub App token steps. */
  appSteps: ReadonlyMap<string, string>;
  /** Upper-case secret name → machine account login. */
  machineSecrets: ReadonlyMap<string, string>;
  /** Shell variables the run script itself assigns (`export GH_TOKEN=…`). */
  shellVars?: ReadonlyMap<string, string>;
}

type Ref =
  | { kind: "secret"; name: string }
  | { kind: "github-token" }
  | { kind: "app"; step: string; action: string }
  | { kind: "unknown"; text: string }
  | { kind: "literal" };

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const REFERENCE =
  /\bsecrets\.([A-Za-z_][\w-]*)|\bsecrets\[\s*['"]([^'"]+)['"]\s*\]|\bgithub\.token\b|\benv\.([A-Za-z_][\w-]*)|\bsteps\.([\w-]+)\.outputs\.([\w-]+)|\bsteps\[\s*['"]([^'"]+)['"]\s*\]\.outputs\.([\w-]+)|\b(inputs|vars|matrix|needs|github)\.([\w.-]+)/g;
const SHELL_VAR = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$/;
const MAX_DEPTH = 8;

/** Resolves a value as written in `with:`/`env:`/a URL to the credential it holds. */
export function resolveCredential(raw: string, source: string, line: number | null, ctx: ResolveContext): Credential {
  const refs = references(raw.trim(), ctx, 0, 0);
  const expressions = [...raw.matchAll(EXPRESSION)].map((m) => m[0]);
  const expression = expressions.length > 0 ? expressions.join(" ") : SHELL_VAR.test(raw.trim()) ? raw.trim() : null;
  return fromRefs(refs, { expression, source, line }, ctx);
}

/** The credential a writer uses when none is given: the workflow's `GITHUB_TOKEN`. */
export function defaultGithubToken(source: string): Credential {
  return {
    expression: null,
    source,
    line: null,
    secret: "GITHUB_TOKEN",
    fallbacks: [],
    channel: "github-actions",
    machineAccount: null,
    note: githubTokenNote,
  };
}

/** A writer whose credential the audit cannot see. */
export function unknownCredential(source: string, note: string, line: number | null = null): Credential {
  return { expression: null, source, line, secret: null, fallbacks: [], channel: "unknown", machineAccount: null, note };
}

/** The first env variable of `names` set in the layers (innermost first), with its layer. */
export function findEnv(layers: EnvLayer[], names: readonly string[]): { name: string; layer: EnvLayer } | null {
  for (const layer of layers) {
    for (const name of names) if (name in layer.values) return { name, layer };
  }
  return null;
}

const githubTokenNote = "runs as github-actions[bot]: pull requests it opens and pushes it makes trigger no workflows (no CI)";

function references(raw: string, ctx: ResolveContext, depth: number, from: number): Ref[] {
  if (depth > MAX_DEPTH) return [{ kind: "unknown", text: "env reference chain too deep" }];
  const blocks = [...raw.matchAll(EXPRESSION)].map((m) => m[1] ?? "");
  if (blocks.length === 0) {
    const shell = SHELL_VAR.exec(raw);
    if (shell) return shellRefs(shell[1] ?? shell[2] ?? "", ctx, depth, from);
    return raw === "" ? [] : [{ kind: "literal" }];
  }
  const refs: Ref[] = [];
  for (const block of blocks) {
    for (const m of block.matchAll(REFERENCE)) {
      const secret = m[1] ?? m[2];
      if (secret) refs.push(secret.toUpperCase() === "GITHUB_TOKEN" ? { kind: "github-token" } : { kind: "secret", name: secret });
      else if (m[0] === "github.token") refs.push({ kind: "github-token" });
      else if (m[3]) refs.push(...envRefs(m[3], ctx, depth, from));
      else if (m[4] ?? m[6]) refs.push(stepRef(m[4] ?? m[6] ?? "", m[5] ?? m[7] ?? "", ctx));
      else refs.push({ kind: "unknown", text: m[0] });
    }
  }
  return refs;
}

function envRefs(name: string, ctx: ResolveContext, depth: number, from: number): Ref[] {
  for (let i = from; i < ctx.layers.length; i++) {
    const value = ctx.layers[i]?.values[name];
    // An env value sees only the layers outside its own (a step's env reads the job's and workflow's).
    if (value !== undefined) return references(value.trim(), ctx, depth + 1, i + 1);
  }
  return [{ kind: "unknown", text: `env.${name} (not set in the workflow)` }];
}

function shellRefs(name: string, ctx: ResolveContext, depth: number, from: number): Ref[] {
  const assigned = ctx.shellVars?.get(name);
  if (assigned !== undefined && depth === 0) return references(assigned.trim(), { ...ctx, shellVars: new Map() }, depth + 1, from);
  if (name === "GITHUB_TOKEN" && !ctx.layers.some((l) => name in l.values)) {
    return [{ kind: "unknown", text: "$GITHUB_TOKEN (not set in the workflow)" }];
  }
  return envRefs(name, ctx, depth, from);
}

function stepRef(step: string, output: string, ctx: ResolveContext): Ref {
  const action = ctx.appSteps.get(step);
  if (action && output === "token") return { kind: "app", step, action };
  return { kind: "unknown", text: `steps.${step}.outputs.${output}` };
}

function refName(ref: Ref): string {
  switch (ref.kind) {
    case "secret":
      return ref.name;
    case "github-token":
      return "GITHUB_TOKEN";
    case "app":
      return `steps.${ref.step}.outputs.token`;
    case "unknown":
      return ref.text;
    case "literal":
      return "(literal value)";
  }
}

function fromRefs(refs: Ref[], where: { expression: string | null; source: string; line: number | null }, ctx: ResolveContext): Credential {
  const [primary, ...rest] = refs;
  const fallbacks = [...new Set(rest.map(refName))];
  const base = { ...where, fallbacks, machineAccount: null, secret: null, note: null };
  if (!primary) return { ...base, channel: "unknown", note: "the value is empty" };
  const fallbackNote = fallbacks.length > 0 ? `falls back to ${fallbacks.join(", ")} when ${refName(primary)} is empty or unset` : null;
  switch (primary.kind) {
    case "github-token":
      return { ...base, secret: "GITHUB_TOKEN", channel: "github-actions", note: join(githubTokenNote, fallbackNote) };
    case "app":
      return { ...base, channel: "github-app", note: join(`token minted by ${primary.action} (step id "${primary.step}")`, fallbackNote) };
    case "secret": {
      const login = ctx.machineSecrets.get(primary.name.toUpperCase()) ?? null;
      if (login) return { ...base, secret: primary.name, channel: "machine-account", machineAccount: login, note: fallbackNote };
      return {
        ...base,
        secret: primary.name,
        channel: "personal-token",
        note: join("a secret not declared as a machine account's (machineAccounts[].secrets): treated as a personal token", fallbackNote),
      };
    }
    case "literal":
      return { ...base, expression: null, channel: "personal-token", note: "a literal value is written in the file: if it is a token, revoke it" };
    case "unknown":
      return { ...base, channel: "unknown", note: join(`cannot resolve ${primary.text}`, fallbackNote) };
  }
}

function join(...parts: (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length > 0 ? kept.join("; ") : null;
}
