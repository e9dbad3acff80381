import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { Config, Dataset } from "@quantecon/attribution";
import { loadConfig, readConfigFile } from "../config-file.js";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { readDatasetFile } from "../json-file.js";

/** Where the bundled demo lives: `demo/` in the package, copied from `examples/quantecon/` by the build. */
export function demoDir(): string {
  const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
  // Run from sources (tests, tsx), read the examples directly so a stale demo/ copy never hides a change.
  if (import.meta.url.endsWith(".ts")) return join(packageRoot, "..", "..", "examples", "quantecon");
  return join(packageRoot, "demo");
}

/** The demo dataset and config file paths. */
export function demoFiles(): { dataset: string; config: string } {
  const dir = demoDir();
  const datasets = existsSync(dir) ? readdirSync(dir).filter((f) => /^demo-\d{4}-\d{2}\.json$/.test(f)).sort() : [];
  const latest = datasets[datasets.length - 1];
  if (!latest) throw new QeReportError("E_RUNTIME", `the bundled demo dataset is missing from ${dir} (reinstall qe-report, or run the package build)`);
  return { dataset: join(dir, latest), config: join(dir, "qe-report.config.yaml") };
}

/** The options every command that reads data shares. */
export interface DataOptions {
  input?: string;
  demo?: boolean;
  config?: string;
}

/** What a command works on: a config and, unless it has to be fetched, a dataset. */
export interface Inputs {
  config: Config;
  configPath: string | null;
  dataset: Dataset | undefined;
}

/** Loads the config (`--config`, discovery, or the demo's) and the dataset (`--input` or `--demo`). */
export async function loadInputs(options: DataOptions, io: CliIO): Promise<Inputs> {
  if (options.input !== undefined && options.demo) {
    throw new QeReportError("E_USAGE", "--input and --demo cannot be used together: pick one dataset");
  }
  if (options.demo) {
    const demo = demoFiles();
    // The demo reads as QuantEcon's month unless the user points at their own config.
    const config = options.config !== undefined ? await readConfigFile(options.config, io.cwd) : await readConfigFile(demo.config, io.cwd);
    const dataset = await readDatasetFile(demo.dataset, io.cwd, "demo dataset");
    return { config, configPath: options.config ?? demo.config, dataset };
  }
  const { config, path } = await loadConfig(options.config, io.cwd);
  const dataset = options.input !== undefined ? await readDatasetFile(options.input, io.cwd) : undefined;
  return { config, configPath: path, dataset };
}

/** Strips control characters from dataset text before it reaches a terminal (a title could carry escape codes). */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
}
