import { Option, type Command } from "commander";
import type { CliIO } from "../io.js";
import type { AuditFlags } from "../audit/run-audit.js";
import { INSECURE_HELP } from "./endpoint.js";

/** Output formats of an audit. */
export const AUDIT_FORMATS = ["md", "json"] as const;

/** What `--fail-on` can gate on. */
export const AUDIT_GATES = ["personal"] as const;

/** Declares `qe-report audit`: which credential each workflow step that writes to GitHub uses, cross-checked with the activity. */
export function registerAudit(program: Command, io: CliIO): void {
  program
    .command("audit")
    .description("audit the organization's workflows: which token each step that writes to GitHub uses, cross-checked with a month's activity, and the migration checklist")
    .option("--org <org>", "GitHub organization (default: `org` in the config)")
    .option("--repos <names>", "only these repositories, comma-separated")
    .option("--exclude <regex>", "leave out repositories whose whole name matches (repeatable; adds to the config's repos.exclude)", (value: string, all: string[]) => [...all, value], [] as string[])
    .option("--include-archived", "also read archived repositories (their workflows cannot run)")
    .option("--config <file>", "config file: machine accounts and their secrets (default: qe-report.config.{yaml,yml,json} in the working directory)")
    .option("--input <dataset>", "cross-check with this dataset (qe-activity/v1) instead of fetching a month")
    .option("--month <YYYY-MM>", "cross-check with this month's activity, fetched (default: the last complete month)")
    .option("--tz <zone>", "IANA time zone of --month (default: the config's timeZone, else UTC)")
    .option("--no-cross-check", "read only the workflows; fetch no activity")
    .option("--demo", "audit the bundled QuantEcon-like workflows against the bundled demo month, offline")
    .addOption(new Option("--format <format>", "output format").choices(AUDIT_FORMATS).default("md"))
    .option("--out <file>", "write the audit to FILE (atomically) instead of stdout")
    .addOption(new Option("--fail-on <what>", "exit 1 after writing the audit while a personal token is still in use (for a CI gate)").choices(AUDIT_GATES))
    .option("--generated-at <iso>", "pin the generation time (also SOURCE_DATE_EPOCH) for byte-identical output")
    .option("--allow-partial", "audit what could be read when some repositories or files could not be")
    .option("--insecure", INSECURE_HELP)
    .option("--quiet", "no progress lines on stderr")
    .addHelpText(
      "after",
      `
Exit codes: 0 ok; 1 with --fail-on personal while a personal token remains (the audit is still
written), or a GitHub API failure; 2 usage, config or input error.
Token: GITHUB_TOKEN or GH_TOKEN, with read access to the repositories' contents.
A saved JSON audit (--format json) gives \`qe-report monthly --audit FILE\` its migration checklist.

Examples:
  qe-report audit --demo
  GITHUB_TOKEN=... qe-report audit --org QuantEcon --month 2026-05 --format json --out audit.json
  qe-report audit --org QuantEcon --input may.json --fail-on personal
`,
    )
    .action(async (flags: AuditFlags) => {
      // Loaded on use: the YAML parser and the GitHub client are not needed by other commands.
      const { runAudit } = await import("../audit/run-audit.js");
      await runAudit(flags, io);
    });
}
