import { access } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type { Command } from "commander";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { writeFileAtomic } from "../json-file.js";

/** The file `init` writes, in the working directory. */
export const STARTER_CONFIG_FILE = "qe-report.config.yaml";

/** Where editors find the config's JSON Schema: the copy published with the core package's version. */
export function configSchemaUrl(): string {
  const require = createRequire(import.meta.url);
  const { version } = require("@quantecon/attribution/package.json") as { version: string };
  return `https://cdn.jsdelivr.net/npm/@quantecon/attribution@${version}/schema/qe-report-config.json`;
}

/** The commented starter config; valid as it stands (every example is commented out). */
export function starterConfig(org: string | undefined): string {
  return `# yaml-language-server: $schema=${configSchemaUrl()}
#
# qe-report configuration. Offline schema for editors: \`qe-report schema config > qe-report.schema.json\`
# and point the line above at that file. Every key is optional; the built-in rules already
# recognise GitHub Apps (dependabot, pre-commit-ci, renovate, Copilot, ...) and github-actions.

# GitHub organization to report on (\`--org\` overrides it).
${org ? `org: ${JSON.stringify(org)}` : "# org: my-org"}

# IANA time zone in which months and weeks start and end.
timeZone: UTC

# Plain user accounts that exist for automation, and how their commits look.
machineAccounts: []
#  - login: my-org-services
#    names: ["My Org Services"]
#    emails: ["services@example.org"]
#    secrets: [MY_ORG_SERVICES_PAT]   # Actions secrets that should hold its token

# Logins that are always people, whatever their name looks like.
people: []

# Extra automation accounts that are not recognisable by their name or type.
bots: []
#  - login: release-robot
#    kind: release

# Repositories to leave out (regular expressions on owner/name).
repos:
  exclude: []
#    - "-archive$"

# Your rules run before the built-ins. A rule marks matching items as automation of a kind
# (or as human work with \`class: human\`); \`qe-report explain REF\` shows which rule decided.
rules: []
#  - id: my-org/sync-pr
#    description: PRs our sync workflow opens under a maintainer's token
#    on: [pullRequest, commit]
#    kind: content-sync
#    match:
#      branch: "^sync/"
#      title: "^SYNC: "

# Built-in rules to turn off, by id.
builtins:
  disable: []
`;
}

/** `qe-report init`: writes a commented starter config, refusing to overwrite one without `--force`. */
export function registerInit(program: Command, io: CliIO): void {
  program
    .command("init")
    .description(`write a commented starter ${STARTER_CONFIG_FILE} in the working directory`)
    .option("--org <org>", "GitHub organization to put in the config")
    .option("--force", "overwrite an existing config file")
    .action(async (options: { org?: string; force?: boolean }) => {
      const path = resolve(io.cwd, STARTER_CONFIG_FILE);
      const exists = await access(path).then(
        () => true,
        () => false,
      );
      if (exists && !options.force) {
        throw new QeReportError("E_USAGE", `${STARTER_CONFIG_FILE} already exists; pass --force to overwrite it`);
      }
      await writeFileAtomic(STARTER_CONFIG_FILE, starterConfig(options.org), io.cwd, "init");
      io.stderr.write(`wrote ${STARTER_CONFIG_FILE}; edit it, then run \`qe-report monthly\`\n`);
    });
}
