import { ActionError } from "./errors.js";

/** The Action's inputs, read and checked. */
export interface ActionInputs {
  organization: string;
  month: string | undefined;
  timeZone: string | undefined;
  config: string | undefined;
  githubToken: string | undefined;
  appId: string | undefined;
  privateKey: string | undefined;
  installationId: string | undefined;
  postTo: string | undefined;
  postToken: string | undefined;
  labels: string[];
  excludeRepos: string[];
  trackExternalRepos: { owner: string; name: string }[];
  audit: boolean;
  failOn: "personal" | undefined;
  dryRun: boolean;
  previousDataset: string | undefined;
  fetchPrevious: boolean;
  outputDir: string;
}

/** Reads one input as the runner passes it: `INPUT_<NAME>` (upper case, spaces as `_`, hyphens kept). */
export type GetInput = (name: string) => string;

/** `getInput` over an environment, as the runner sets it. */
export function inputsFromEnv(env: Record<string, string | undefined>): GetInput {
  return (name) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

const optional = (value: string): string | undefined => (value === "" ? undefined : value);

/** A list input: one item per line or comma. */
export function listInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== "" && !item.startsWith("#"));
}

function booleanInput(get: GetInput, name: string, fallback: boolean): boolean {
  const value = get(name).toLowerCase();
  if (value === "") return fallback;
  if (["true", "yes", "on", "1"].includes(value)) return true;
  if (["false", "no", "off", "0"].includes(value)) return false;
  throw new ActionError(`input ${name}: ${JSON.stringify(get(name))} is not a boolean (true or false)`);
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** Reads and checks every input; a bad one is one error line naming it. */
export function readInputs(get: GetInput, env: Record<string, string | undefined>): ActionInputs {
  const organization = get("organization") || env["GITHUB_REPOSITORY_OWNER"] || "";
  if (!LOGIN.test(organization)) throw new ActionError(`input organization: ${JSON.stringify(organization)} is not a GitHub organization login`);
  const month = optional(get("month"));
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ActionError(`input month: ${JSON.stringify(month)} is not a month (YYYY-MM, e.g. 2026-05)`);
  const postTo = optional(get("post-to"));
  if (postTo !== undefined && !REPO.test(postTo)) throw new ActionError(`input post-to: ${JSON.stringify(postTo)} is not OWNER/REPO`);
  const trackExternalRepos = listInput(get("track-external-repos")).map((repo) => {
    const m = REPO.exec(repo);
    if (!m) throw new ActionError(`input track-external-repos: ${JSON.stringify(repo)} is not OWNER/REPO`);
    return { owner: m[1]!, name: m[2]! };
  });
  const excludeRepos = listInput(get("exclude-repos"));
  for (const pattern of excludeRepos) {
    try {
      new RegExp(pattern);
    } catch (error) {
      throw new ActionError(`input exclude-repos: ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, "")})`);
    }
  }
  const failOn = optional(get("fail-on").toLowerCase());
  if (failOn !== undefined && failOn !== "personal") throw new ActionError(`input fail-on: ${JSON.stringify(failOn)} is not a gate (the one gate is "personal")`);
  const appId = optional(get("app-id"));
  const privateKey = optional(get("private-key"));
  if ((appId === undefined) !== (privateKey === undefined)) throw new ActionError(`input ${appId === undefined ? "app-id" : "private-key"} is missing: a GitHub App needs both app-id and private-key`);
  return {
    organization,
    month,
    timeZone: optional(get("time-zone")),
    config: optional(get("config")),
    githubToken: optional(get("github-token")),
    appId,
    privateKey,
    installationId: optional(get("installation-id")),
    postTo,
    postToken: optional(get("post-token")),
    labels: listInput(get("labels")),
    excludeRepos,
    trackExternalRepos,
    audit: booleanInput(get, "audit", true),
    failOn: failOn as "personal" | undefined,
    dryRun: booleanInput(get, "dry-run", false),
    previousDataset: optional(get("previous-dataset")),
    fetchPrevious: booleanInput(get, "fetch-previous", true),
    outputDir: get("output-dir") || "qe-report",
  };
}
