import type { Channel } from "./config.js";

/** An automation account widely seen on GitHub: what it does and through which channel. */
export interface KnownAccount {
  kind: string;
  channel: Channel;
}

// Logins compare case-insensitively and without the `[bot]` suffix.
const APPS: Record<string, KnownAccount> = {
  "github-actions": { kind: "ci", channel: "github-actions" },
  dependabot: { kind: "dependency-update", channel: "github-app" },
  "dependabot-preview": { kind: "dependency-update", channel: "github-app" },
  renovate: { kind: "dependency-update", channel: "github-app" },
  "renovate-bot": { kind: "dependency-update", channel: "github-app" },
  "pre-commit-ci": { kind: "dependency-update", channel: "github-app" },
  greenkeeper: { kind: "dependency-update", channel: "github-app" },
  snyk: { kind: "dependency-update", channel: "github-app" },
  "snyk-bot": { kind: "dependency-update", channel: "github-app" },
  pyup: { kind: "dependency-update", channel: "github-app" },
  "pyup-bot": { kind: "dependency-update", channel: "github-app" },
  "scala-steward": { kind: "dependency-update", channel: "github-app" },
  "release-please": { kind: "release", channel: "github-app" },
  "changeset-bot": { kind: "release", channel: "github-app" },
  "semantic-release-bot": { kind: "release", channel: "github-app" },
  "copilot-swe-agent": { kind: "ai-agent", channel: "github-app" },
  copilot: { kind: "ai-agent", channel: "github-app" },
  "copilot-pull-request-reviewer": { kind: "ai-agent", channel: "github-app" },
  "claude": { kind: "ai-agent", channel: "github-app" },
  "anthropic-code-agent": { kind: "ai-agent", channel: "github-app" },
  "openai-code-agent": { kind: "ai-agent", channel: "github-app" },
  "google-labs-jules": { kind: "ai-agent", channel: "github-app" },
  "cursor": { kind: "ai-agent", channel: "github-app" },
  "sourcery-ai": { kind: "ai-agent", channel: "github-app" },
  "qodo-merge": { kind: "ai-agent", channel: "github-app" },
  "qodo-merge-pro": { kind: "ai-agent", channel: "github-app" },
  "ellipsis-dev": { kind: "ai-agent", channel: "github-app" },
  "greptile-apps": { kind: "ai-agent", channel: "github-app" },
  "amazon-q-developer": { kind: "ai-agent", channel: "github-app" },
  "kiro-agent": { kind: "ai-agent", channel: "github-app" },
  "github-merge-queue": { kind: "other", channel: "github-app" },
  "autofix-ci": { kind: "ci", channel: "github-app" },
  "github-advanced-security": { kind: "other", channel: "github-app" },
  "devin-ai-integration": { kind: "ai-agent", channel: "github-app" },
  "coderabbitai": { kind: "ai-agent", channel: "github-app" },
  "gemini-code-assist": { kind: "ai-agent", channel: "github-app" },
  "chatgpt-codex-connector": { kind: "ai-agent", channel: "github-app" },
  netlify: { kind: "ci", channel: "github-app" },
  vercel: { kind: "ci", channel: "github-app" },
  codecov: { kind: "ci", channel: "github-app" },
  "codecov-commenter": { kind: "ci", channel: "github-app" },
  sonarcloud: { kind: "ci", channel: "github-app" },
  "sonarqubecloud": { kind: "ci", channel: "github-app" },
  "readthedocs": { kind: "ci", channel: "github-app" },
  "allcontributors": { kind: "other", channel: "github-app" },
  "all-contributors": { kind: "other", channel: "github-app" },
  mergify: { kind: "other", channel: "github-app" },
  kodiakhq: { kind: "other", channel: "github-app" },
  imgbot: { kind: "other", channel: "github-app" },
  stale: { kind: "other", channel: "github-app" },
  "welcome": { kind: "other", channel: "github-app" },
  "azure-pipelines": { kind: "ci", channel: "github-app" },
  "google-cla": { kind: "ci", channel: "github-app" },
  "cla-assistant": { kind: "ci", channel: "github-app" },
  "pull": { kind: "other", channel: "github-app" },
};

/** The bare login: lower-case, without a `[bot]` suffix, so both spellings compare equal. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase().replace(/\[bot\]$/, "");
}

/** A well-known automation account, looked up by either spelling of its login. */
export function knownAccount(login: string): KnownAccount | undefined {
  return Object.hasOwn(APPS, normalizeLogin(login)) ? APPS[normalizeLogin(login)] : undefined;
}
