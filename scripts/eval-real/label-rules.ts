/**
 * The labelling rules of the real-history evaluation: written by reading each repository's
 * commits (identities, message templates, trailers), never from the classifier's output, and
 * imported by nothing in packages/. `label.ts` applies them, then the per-commit overrides in
 * `labels/overrides.txt`, and writes `labels/<owner>+<name>.labels`. README.md explains each rule.
 */
import type { Commit } from "@quantecon/attribution";

/** What a commit is, by our reading. */
export interface Label {
  class: "human" | "automation";
  channel: "human" | "machine-account" | "github-actions" | "github-app" | "personal-token";
  /** The rule that decided, e.g. `app/noreply-bot`. */
  rule: string;
}

const lower = (s: string | null): string => (s ?? "").toLowerCase();
const subjectOf = (c: Commit): string => c.message.split("\n", 1)[0] ?? "";

/** An App's commit address: `<id>+<slug>[bot]@users.noreply.github.com` (some older ones lack the id). */
const APP_ADDRESS = /^(?:\d+\+)?([a-z0-9-]+)\[bot\]@users\.noreply\.github\.com$/;

/**
 * AI agents' author addresses (../shared/reference/automation-identities.md, checked against the
 * commits read). The coding agents work through their App; the Copilot CLI runs at a person's
 * desk and its commits reach GitHub under that person's credentials.
 */
const AGENTS: Record<string, { channel: Label["channel"]; slug: string }> = {
  // `Copilot` or `copilot-swe-agent[bot]`, the same address: the Copilot coding agent.
  "198982749+copilot@users.noreply.github.com": { channel: "github-app", slug: "copilot-coding-agent" },
  // `anthropic-code-agent[bot]`: Claude through GitHub's agents (github/issue-metrics).
  "242468646+claude@users.noreply.github.com": { channel: "github-app", slug: "claude-agent" },
  // Copilot CLI as commit author (github/github-mcp-server: committer the person, his offset).
  "223556219+copilot@users.noreply.github.com": { channel: "personal-token", slug: "copilot-cli-author" },
};

/**
 * Machine identities found by reading, each with what showed it is a machine (every commit of
 * it templated, no human variety). Keyed by exact address.
 */
const MACHINE_IDENTITIES: Record<string, { channel: Label["channel"]; slug: string }> = {
  // conda-forge feedstocks: the autotick bot (a User account) opens and commits every version bump.
  "36490558+regro-cf-autotick-bot@users.noreply.github.com": { channel: "machine-account", slug: "conda-forge-autotick" },
  // conda-forge's automerge action squash/merge identity: "[bot-automerge] <pkg> vX (#N)" + "automerged PR by conda-forge/automerge-action".
  "condaforge@gmail.com": { channel: "machine-account", slug: "conda-forge-automerge" },
  // conda-forge-admin: "[ci skip] [skip ci] [cf admin skip] ***NO_CI*** admin migration <Name>" only.
  "chrisburr73+conda-forge-admin@gmail.com": { channel: "machine-account", slug: "conda-forge-admin" },
  // napari: "Update `pkg`, `pkg`, … (#N)" constraint PRs, weekly.
  "81196843+napari-bot@users.noreply.github.com": { channel: "machine-account", slug: "napari-bot" },
  // Astro: "[ci] release (#N)" changesets PRs by Houston (Bot), a User account.
  "108291165+astrobot-houston@users.noreply.github.com": { channel: "machine-account", slug: "astrobot-houston" },
  // gemini-cli: "Changelog for vX (#N)" and release PRs.
  "gemini-cli-robot@google.com": { channel: "machine-account", slug: "gemini-cli-robot" },
  // claude-code-action: a workflow commits "chore: bump Claude Code …" straight to main as the
  // Actions git identity (unlinked).
  "actions@github.com": { channel: "github-actions", slug: "actions-git-identity" },
  // denoland/std: "chore: release <date> (#N)" PRs that .github/workflows/version_bump.yml opens
  // with secrets.DENOBOT_PAT; the squash commit carries the PR author, denobot (a User account).
  "33910674+denobot@users.noreply.github.com": { channel: "machine-account", slug: "denobot" },
  // eslint: the release machine's git identity ("<version>", "Build: changelog update for <version>",
  // "chore: package.json update for … release"), pushed from Jenkins.
  "jenkins@eslint-03": { channel: "machine-account", slug: "eslint-jenkins" },
  // eslint: .github/workflows/update-readme.yml commits "docs: Update README" as
  // "GitHub Actions Bot" and pushes with secrets.WORKFLOW_PUSH_BOT_TOKEN (the bot account's).
  "eslint@googlegroups.com": { channel: "machine-account", slug: "eslint-readme-workflow" },
  // eslint: "chore: update ecosystem plugins (#N)" PRs, ecosystem-updates.yml's
  // create-pull-request with WORKFLOW_PUSH_BOT_TOKEN; the squash carries the bot account.
  "nicholas+eslintbot@nczconsulting.com": { channel: "machine-account", slug: "eslintbot" },
  // pytest: "[automated] Update plugin list", update-plugin-list.yml's create-pull-request with
  // `author: pytest bot <pytestbot@users.noreply.github.com>` and github.token.
  "pytestbot@users.noreply.github.com": { channel: "github-actions", slug: "pytest-plugin-list" },
  // StepSecurity's generated hardening PRs ("Pin Actions (#N)").
  "bot@stepsecurity.io": { channel: "machine-account", slug: "stepsecurity-bot" },
};

/**
 * babel: babel-bot's identity. Its PRs ("Update test262 (#N)", "Update compat data (#N)";
 * update-parser-tests.yml, update-compat-data.yml) are opened with secrets.BOT_TOKEN and
 * squash-merged; release.yml commits "v<version>" and "Add v<version> to CHANGELOG.md [skip ci]"
 * under it and pushes with GITHUB_TOKEN.
 */
const BABEL_BOT = "babel-bot@users.noreply.github.com";

/** Committer identities a workflow pushes with while keeping the triggering person as author. */
const WORKFLOW_COMMITTERS = new Set(["fred+astrobot@astro.build", "108291165+astrobot-houston@users.noreply.github.com"]);

/**
 * A release workflow's `npm version` commit under the triggering person's git identity
 * (CycloneDX's release.yml: `git config user.name "${GITHUB_ACTOR}"`, email
 * `${GITHUB_ACTOR}@users.noreply.github.com`, message the bare version plus a Signed-off-by of
 * the same identity, pushed with GITHUB_TOKEN from a runner at +00:00).
 */
const NPM_VERSION_UNDER_ACTOR = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\n\nSigned-off-by: (\S+) <\2@users\.noreply\.github\.com>\s*$/;

/**
 * Jupyter Releaser's release commit under the triggering person (jupyter-server/jupyter_releaser:
 * lib.py sets `git config user.name "$GITHUB_ACTOR"`, email `$GITHUB_ACTOR@users.noreply.github.com`;
 * util.py create_release_commit writes "Publish {version}" (jupyterlab's pyproject.toml:
 * `release-message = "[ci skip] Publish {version}"`) then "SHA256 hashes:" of the dist files).
 * jupyterlab's publish-release.yml pushes it with an App token (actions/create-github-app-token).
 */
const JUPYTER_RELEASER_PUBLISH = /^(\[ci skip\] )?Publish \S+\n\nSHA256 hashes:/;

/**
 * gemini-cli's release workflows commit `chore(release): bump version to <v>` / `chore(release): <tag>`
 * as gemini-cli-robot and open the PR with the robot's PAT (.github/workflows/release-promote.yml:386-426,
 * release-nightly.yml:160, .github/actions/publish-release/action.yml:82-115); some squash commits
 * of those PRs carry a person as author (the robot as co-author). The content is the workflow's.
 */
const GEMINI_RELEASE_SQUASH = /^chore[(/]release\)?: (bump version to \S+|v\d\S*) \(#\d+\)$/;

/**
 * pytest's release-preparation PR: prepare-release-pr.yml runs scripts/prepare-release-pr.py,
 * which commits "Prepare release version <v>" as `pytest bot <pytestbot@gmail.com>` (changelog
 * and version by towncrier); the maintainer's cherry-pick to main keeps the bot as co-author.
 */
const PYTEST_PREPARE_RELEASE = /^Prepare release version \S+ \(#\d+\)\n[\s\S]*Co-authored-by: pytest bot <pytestbot@gmail\.com>/;

/**
 * QuantEcon/action-translation's writes (src/pr-creator.ts, src/cli/forward-pr-creator.ts):
 * squash subjects keep the PR title or the single commit's message, then ` (#N)`.
 */
const TRANSLATION_TEMPLATES = [
  /^🌐 \[translation-sync\] /u, // sync PR title: `🌐 [translation-sync] ${sourcePrTitle}`
  /^🔄 resync \S+\.md\b/u, // resync branch commit: `🔄 resync ${file}`
  /^\[action-translation\] resync: /, // resync PR title
  /^Update translation: \S+$/, // Contents-API commit per file on the sync branch
  /^Delete removed file: \S+$/,
];

/** The token the QuantEcon automation ran under until the migration. */
const QUANTECON_TOKEN_OWNER = "mmcky";

/** Our reading of one commit, by the rules above; `null` never: every commit gets a label. */
export function labelCommit(c: Commit): Label {
  const author = lower(c.author.email);
  const committer = lower(c.committer.email);
  const subject = subjectOf(c);

  const agent = AGENTS[author];
  if (agent) return { class: "automation", channel: agent.channel, rule: `agent/${agent.slug}` };
  const app = APP_ADDRESS.exec(author);
  if (app?.[1] === "github-actions") return { class: "automation", channel: "github-actions", rule: "app/github-actions" };
  if (app) return { class: "automation", channel: "github-app", rule: `app/${app[1]}` };

  if (author === BABEL_BOT) {
    return { class: "automation", channel: c.committedViaWeb ? "machine-account" : "github-actions", rule: "machine/babel-bot" };
  }

  const machine = MACHINE_IDENTITIES[author];
  if (machine) return { class: "automation", channel: machine.channel, rule: `machine/${machine.slug}` };

  if (WORKFLOW_COMMITTERS.has(committer) && subject === "[ci] format") {
    return { class: "automation", channel: "machine-account", rule: "workflow/ci-format-under-author" };
  }

  if (NPM_VERSION_UNDER_ACTOR.test(c.message) && c.authorOffset === "+00:00" && author === committer) {
    return { class: "automation", channel: "github-actions", rule: "workflow/npm-version-under-actor" };
  }

  const actor = /^([a-z0-9-]+)@users\.noreply\.github\.com$/.exec(author)?.[1];
  if (JUPYTER_RELEASER_PUBLISH.test(c.message) && author === committer && lower(c.author.name) === actor) {
    return { class: "automation", channel: "github-app", rule: "workflow/jupyter-releaser-under-actor" };
  }

  if (c.repo === "pytest-dev/pytest" && PYTEST_PREPARE_RELEASE.test(c.message)) {
    return { class: "automation", channel: "github-actions", rule: "workflow/pytest-prepare-release" };
  }

  if (c.repo === "google-gemini/gemini-cli" && GEMINI_RELEASE_SQUASH.test(subject)) {
    return { class: "automation", channel: "machine-account", rule: "workflow/gemini-release-squash" };
  }

  if (c.repo.startsWith("QuantEcon/") && c.author.login === QUANTECON_TOKEN_OWNER && TRANSLATION_TEMPLATES.some((t) => t.test(subject))) {
    return { class: "automation", channel: "personal-token", rule: "quantecon/action-translation-under-token" };
  }

  return { class: "human", channel: "human", rule: "person" };
}
