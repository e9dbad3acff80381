import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { exitCodeFor } from "./errors.js";
import type { CliIO } from "./io.js";
import { registerExplain } from "./commands/explain.js";
import { registerInit } from "./commands/init.js";
import { registerReports } from "./commands/report.js";
import { registerSchema } from "./commands/schema.js";
import { registerFetch } from "./commands/fetch.js";
import { registerAudit } from "./commands/audit.js";
import { registerPost } from "./commands/post.js";
import { registerTrend } from "./commands/trend.js";

const NAME = "qe-report";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** The program with every command declared; nothing runs until it is parsed. */
export function buildProgram(io: CliIO): Command {
  const program = new Command(NAME)
    .description("Who did the work in a GitHub organization, people or automation? Monthly, weekly and ad-hoc reports.")
    .version(version(), "-V, --version")
    .option("--debug", "print stack traces and every problem found, not just the first")
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Our top level prints errors, as one line; commander's own would be a second.
      outputError: () => undefined,
    })
    .exitOverride()
    .showHelpAfterError(false)
    .addHelpText(
      "after",
      `
Exit codes: 0 ok; 1 runtime or GitHub API failure, or a failed audit --fail-on gate; 2 usage, config or input error.
Config: --config FILE, else qe-report.config.{yaml,yml,json} in the working directory.

Try:
  ${NAME} monthly --demo
  ${NAME} explain --demo QuantEcon/lecture-dp#125
  ${NAME} trend --org QuantEcon --months 12
`,
    );
  registerFetch(program, io);
  registerReports(program, io);
  registerExplain(program, io);
  registerInit(program, io);
  registerSchema(program, io);
  registerAudit(program, io);
  registerPost(program, io);
  registerTrend(program, io);
  return program;
}

/** The subcommand argv names, for pointing at the right `--help`. */
function commandIn(argv: readonly string[], program: Command): string | undefined {
  const names = new Set(program.commands.map((c) => c.name()));
  return argv.find((a) => names.has(a));
}

/** Never let a token reach the terminal, even inside an error message from a dependency. */
function redact(text: string, env: CliIO["env"]): string {
  let out = text;
  const secrets = [env["GITHUB_TOKEN"], env["GH_TOKEN"]];
  // Credentials written into an endpoint URL (`https://user:pass@host/…`) are secrets too.
  for (const key of ["GITHUB_GRAPHQL_URL", "GITHUB_API_URL"]) {
    const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(env[key]?.trim() ?? "")?.[1];
    if (userinfo) secrets.push(userinfo, ...userinfo.split(":"));
  }
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("***");
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

interface CodedError extends Error {
  code: string;
  problems?: readonly string[];
}

function isCoded(err: unknown): err is CodedError {
  const code: unknown = err instanceof Error ? (err as Partial<CodedError>).code : undefined;
  return typeof code === "string" && /^E_[A-Z0-9_]+$/.test(code);
}

/** Prints an error the way the CLI promises (one line; the stack with --debug) and returns the exit code. */
function report(err: unknown, argv: readonly string[], program: Command, io: CliIO): number {
  const debug = argv.includes("--debug");
  const print = (line: string) => void io.stderr.write(redact(line, io.env) + "\n");
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
    // `qe-report` alone: commander has already printed the help to stderr.
    if (err.code === "commander.help" || err.code === "commander.executeSubCommandAsync") return 2;
    const command = commandIn(argv, program);
    const where = command ? `${NAME} ${command}` : NAME;
    const message = oneLine(err.message.replace(/^error: /, "")).replace(/\(Did you mean/, "(did you mean").replace(/\.$/, "");
    print(`${where}: ${message}; see '${where} --help'`);
    return 2;
  }
  if (isCoded(err)) {
    print(`${NAME}: ${oneLine(err.message)}`);
    if (debug) {
      for (const problem of err.problems?.slice(1) ?? []) print(`  ${oneLine(problem)}`);
      if (err.stack) print(err.stack);
    }
    return exitCodeFor(err.code);
  }
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError && /call stack/i.test(message)) {
    // Deeply nested or enormous input that slipped past every check: still one line, not a crash.
    print(`${NAME}: the input is nested too deeply or is too large to process (${oneLine(message)})`);
    if (debug && err.stack) print(err.stack);
    return 1;
  }
  print(`${NAME}: unexpected error: ${oneLine(message)}${debug ? "" : " (run again with --debug for the stack trace)"}`);
  if (debug && err instanceof Error && err.stack) print(err.stack);
  return 1;
}

/** Runs the CLI on user arguments (no `node`/script), with the given streams, env and clock; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    return report(err, argv, program, io);
  }
}
