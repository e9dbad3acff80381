import { RuleSchema, type Rule, type RuleInput } from "../config.js";

/*
 * Signature packs for automation that many organizations run. They are data in the config's
 * own rule format, so a config rule with the same id replaces one, and `builtins.disable`
 * turns one off. Each needs a signal a person would not produce by hand: the tool's branch,
 * its account, or its body marker. A title alone never makes a person's PR automation
 * (`⬆️ Bump anaconda` from someone's own branch stays theirs).
 */
const PACKS: RuleInput[] = [
  {
    id: "builtin/dependabot",
    description: "Dependabot version and security updates",
    on: ["pullRequest", "commit"],
    kind: "dependency-update",
    match: [{ author: ["dependabot", "dependabot-preview"] }, { branch: "^dependabot/" }],
  },
  {
    id: "builtin/renovate",
    description: "Renovate dependency updates",
    on: ["pullRequest", "commit", "issue"],
    kind: "dependency-update",
    match: [{ author: ["renovate", "renovate-bot"] }, { branch: "^renovate/" }],
  },
  {
    id: "builtin/pre-commit-ci-autoupdate",
    description: "pre-commit.ci hook version updates",
    on: ["pullRequest", "commit"],
    kind: "dependency-update",
    match: [{ branch: "^pre-commit-ci-update-config$" }, { author: "pre-commit-ci", message: "^\\[pre-commit\\.ci\\] pre-commit autoupdate" }],
  },
  {
    id: "builtin/pre-commit-ci-fixes",
    description: "pre-commit.ci automatic fixes pushed to PR branches",
    on: ["commit"],
    kind: "ci",
    match: { author: "pre-commit-ci", message: "^\\[pre-commit\\.ci\\] auto fixes" },
  },
  {
    id: "builtin/release-please",
    description: "release-please release PRs",
    on: ["pullRequest", "commit"],
    kind: "release",
    match: [{ branch: "^release-please--" }, { author: "release-please" }],
  },
  {
    id: "builtin/changesets",
    description: "changesets/action 'Version Packages' PRs",
    on: ["pullRequest"],
    kind: "release",
    match: { branch: "^changeset-release/" },
  },
  {
    id: "builtin/create-pull-request",
    description: "peter-evans/create-pull-request with its default branch or body",
    on: ["pullRequest"],
    kind: "other",
    match: [{ branch: "^create-pull-request/patch" }, { body: "Automated changes by \\[create-pull-request\\]\\(https://github\\.com/peter-evans/create-pull-request\\)" }],
  },
  {
    id: "builtin/github-actions-deploy",
    description: "Deploy commits made by workflows (gh-pages deploy actions)",
    on: ["commit"],
    kind: "ci",
    match: [{ message: "^Deploying to \\S+ from @ " }, { message: "^deploy: [0-9a-f]{7,40}$", author: "github-actions" }],
  },
  {
    id: "builtin/copilot-coding-agent",
    description: "GitHub Copilot coding agent PRs and commits, run for the person who assigned it",
    on: ["pullRequest", "commit", "issue"],
    kind: "ai-agent",
    channel: "github-app",
    // Some API answers type the agent's `Copilot` login as a User: its `copilot/` branch then agrees.
    match: [
      { author: ["copilot-swe-agent", "copilot"], authorType: "Bot" },
      { author: ["copilot-swe-agent", "copilot"], branch: "^copilot/" },
      { gitEmail: "/^198982749\\+copilot(-swe-agent\\[bot\\])?@users\\.noreply\\.github\\.com$/i" },
    ],
  },
  {
    id: "builtin/ai-agent-as-person",
    description: "Cloud agents that open PRs under the person who started them (Codex, Cursor, Devin): automation run as that person",
    on: ["pullRequest"],
    kind: "ai-agent",
    // The tool's branch (a cheap test), then its body marker: one condition set, one scan.
    match: { branch: "^(codex|cursor|devin)/", body: "chatgpt\\.com/codex/tasks/task_|<!-- CURSOR_AGENT_PR_BODY_BEGIN -->|app\\.devin\\.ai/sessions/" },
  },
  {
    id: "builtin/ai-reviewers",
    description: "AI code review apps",
    on: ["review"],
    kind: "ai-agent",
    match: {
      author: [
        "copilot-pull-request-reviewer", "coderabbitai", "gemini-code-assist", "chatgpt-codex-connector", "claude", "cursor", "sourcery-ai",
        "qodo-merge", "qodo-merge-pro", "ellipsis-dev", "greptile-apps", "amazon-q-developer", "kiro-agent", "devin-ai-integration",
      ],
      authorType: "Bot",
    },
  },
];

/** The built-in rules, validated by the same schema as config rules. */
export const BUILTIN_RULES: readonly Rule[] = PACKS.map((rule) => RuleSchema.parse(rule));
