import type { ItemType } from "@quantecon/attribution";
import type { Operation } from "./operations.js";

/** How a known action writes to GitHub and where it takes its token. */
export interface ActionSpec {
  /** `owner/name`, lower case; matches `uses: owner/name[/path]@ref`. */
  action: string;
  operation: Operation;
  /** Inputs that carry the token, in the order the action reads them. */
  tokenInputs: readonly string[];
  /** Env variables that carry the token (actions that read env instead of inputs). */
  tokenEnv?: readonly string[];
  /** Env variables or inputs holding an SSH deploy key instead of a token. */
  deployKeys?: readonly string[];
  /** True when the action uses the workflow's `GITHUB_TOKEN` if no token is given. */
  defaultsToGithubToken: boolean;
  /** Kinds it always produces; when absent they are inferred from names (see kinds.ts). */
  kinds?: readonly string[];
  /** Kinds to assume when nothing in the names says otherwise. */
  fallbackKinds?: readonly string[];
  /** The repositories it writes to, from its inputs; default: the workflow's own repo. */
  targets?: (inputs: Readonly<Record<string, string>>, repo: string) => string[];
  /** Item types it leaves, when more than its operation's (action-translation also opens issues). */
  producesFor?: (inputs: Readonly<Record<string, string>>) => ItemType[];
  /** A different operation for some inputs (action-translation's review mode). */
  operationFor?: (inputs: Readonly<Record<string, string>>) => Operation;
}

const translation: Omit<ActionSpec, "action"> = {
  operation: "create-pr",
  tokenInputs: ["token", "github-token"],
  defaultsToGithubToken: false,
  kinds: ["translation-sync"],
  // Sync mode runs in the source repo and opens PRs in `target-repo`; review mode reviews PRs in its own repo.
  operationFor: (inputs) => (inputs["mode"]?.trim().toLowerCase() === "review" ? "review" : "create-pr"),
  // Sync mode also opens issues in the target repo (for changes it cannot apply).
  producesFor: (inputs) => (inputs["mode"]?.trim().toLowerCase() === "review" ? ["review"] : ["pullRequest", "issue"]),
  targets: (inputs, repo) =>
    inputs["mode"]?.trim().toLowerCase() === "review" ? [repo] : [inputs["target-repo"] ?? inputs["target-repository"] ?? repo],
};

/** Actions known to write to GitHub; any other action is caught by its token inputs. */
export const KNOWN_ACTIONS: readonly ActionSpec[] = [
  {
    action: "peter-evans/create-pull-request",
    operation: "create-pr",
    tokenInputs: ["token"],
    defaultsToGithubToken: true,
    fallbackKinds: ["other"],
  },
  { action: "quantecon/action-translation", ...translation },
  { action: "quantecon/action-translation-sync", ...translation },
  {
    action: "cpina/github-action-push-to-another-repository",
    operation: "push",
    tokenInputs: [],
    tokenEnv: ["API_TOKEN_GITHUB"],
    deployKeys: ["SSH_DEPLOY_KEY"],
    defaultsToGithubToken: false,
    fallbackKinds: ["content-sync"],
    targets: (inputs, repo) => {
      const owner = inputs["destination-github-username"];
      const name = inputs["destination-repository-name"];
      return owner && name ? [`${owner}/${name}`] : [repo];
    },
  },
  {
    action: "actions/github-script",
    operation: "script",
    tokenInputs: ["github-token"],
    defaultsToGithubToken: true,
    fallbackKinds: ["other"],
    operationFor: (inputs) => scriptOperation(inputs["script"] ?? ""),
  },
  {
    action: "peaceiris/actions-gh-pages",
    operation: "push",
    tokenInputs: ["personal_token", "github_token"],
    deployKeys: ["deploy_key"],
    defaultsToGithubToken: false,
    fallbackKinds: ["other"],
    targets: (inputs, repo) => [inputs["external_repository"] ?? repo],
  },
  {
    action: "jamesives/github-pages-deploy-action",
    operation: "push",
    tokenInputs: ["token"],
    deployKeys: ["ssh-key"],
    defaultsToGithubToken: true,
    fallbackKinds: ["other"],
    targets: (inputs, repo) => [inputs["repository-name"] ?? repo],
  },
  { action: "softprops/action-gh-release", operation: "release", tokenInputs: ["token"], defaultsToGithubToken: true, kinds: ["release"] },
  { action: "ncipollo/release-action", operation: "release", tokenInputs: ["token"], defaultsToGithubToken: true, kinds: ["release"] },
];

// What a github-script call does, when its script says so plainly; first match wins.
const SCRIPT_OPERATIONS: readonly { operation: Operation; pattern: RegExp }[] = [
  { operation: "create-pr", pattern: /\bpulls\.create\(/ },
  { operation: "merge-pr", pattern: /\bpulls\.merge\(/ },
  { operation: "review", pattern: /\bpulls\.createReview\(/ },
  { operation: "create-issue", pattern: /\bissues\.create\(/ },
  { operation: "comment", pattern: /\.createComment\(|\.createReviewComment\(/ },
  { operation: "release", pattern: /\brepos\.createRelease\(/ },
  { operation: "push", pattern: /\bgit\.(?:createRef|updateRef)\(|\brepos\.createOrUpdateFileContents\(/ },
];

function scriptOperation(script: string): Operation {
  return SCRIPT_OPERATIONS.find(({ pattern }) => pattern.test(script))?.operation ?? "script";
}

/** Actions that push with whatever credential `actions/checkout` persisted. */
export const PUSH_WITH_CHECKOUT_CREDENTIAL: readonly string[] = ["stefanzweifel/git-auto-commit-action", "endbug/add-and-commit"];

/** Actions that mint a GitHub App installation token (`steps.<id>.outputs.token`). */
export const APP_TOKEN_ACTIONS: readonly string[] = ["actions/create-github-app-token", "tibdex/github-app-token"];

/** Inputs of other actions that carry a GitHub token: `token`, `github-token`, `*-token`, `*_token`. */
export const TOKEN_INPUT = /(?:^|[-_])token$/i;

// `*-token` inputs and secrets of services that are not GitHub: never a GitHub write.
export const NON_GITHUB_TOKEN = /codecov|coveralls|netlify|vercel|cloudflare|pypi|npm|docker|sonar|snyk|slack|discord|anthropic|openai|huggingface|hf_|aws|azure|gcp|google|readthedocs|zenodo|twine|anaconda|conda/i;

/** `owner/name` of a `uses:` value, lower case; null for Docker and local actions. */
export function actionName(uses: string): string | null {
  if (uses.startsWith("docker://") || uses.startsWith("./")) return null;
  const path = uses.split("@")[0] ?? uses;
  const [owner, name] = path.split("/");
  return owner && name ? `${owner}/${name}`.toLowerCase() : null;
}

/** The spec of a known writing action, by `uses:` value. */
export function knownAction(uses: string): ActionSpec | undefined {
  const name = actionName(uses);
  return name ? KNOWN_ACTIONS.find((spec) => spec.action === name) : undefined;
}
