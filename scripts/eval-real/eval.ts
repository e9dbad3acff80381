/**
 * `pnpm eval:real [mirrors-dir] [--repo owner/name] [--set dev|held-out] [--errors]`
 *
 * Extracts each repository's labelled window of default-branch commits from its bare clone,
 * classifies it with the library (QuantEcon's repos with examples/quantecon/qe-report.config.yaml,
 * the others with the built-in defaults) and scores the verdicts against the committed labels:
 * automation precision and recall, channel accuracy, per repository and per set.
 * A repository with no mirror is skipped with a message, so this runs anywhere.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { classify, defaultConfig, parseConfig, type Config, type Verdict } from "@quantecon/attribution";
import { extractDataset } from "./extract.js";
import { readLabels } from "./labels.js";
import { readManifest, type EvalRepo } from "./manifest.js";
import { findMirror } from "./mirrors.js";
import { addScore, emptyScore, rates, score, type Prediction, type Score } from "./score.js";

const here = dirname(fileURLToPath(import.meta.url));

/** What `runEval` needs; every path has a default beside this file. */
export interface EvalOptions {
  mirrors: string;
  manifest?: string;
  labelsDir?: string;
  quanteconConfig?: string;
  repo?: string;
  set?: "dev" | "held-out";
  /** Print each disagreement (never for held-out repositories unless asked by name). */
  errors?: boolean;
  log?: (line: string) => void;
}

/** One repository's outcome. */
export interface RepoResult {
  repo: EvalRepo;
  skipped?: string;
  score?: Score;
  unlabelled?: number;
}

function configFor(group: EvalRepo["group"], path: string): Config {
  return group === "quantecon" ? parseConfig(parse(readFileSync(path, "utf8"))) : defaultConfig();
}

// Wide enough for "QuantEcon/lecture-python-programming.zh-cn (held-out)".
const NAME_WIDTH = 54;

const pct = (x: number | null): string => (x === null ? "  –  " : x.toFixed(3));

function line(name: string, s: Score): string {
  const r = rates(s);
  return `${name.padEnd(NAME_WIDTH)} ${String(s.commits).padStart(5)} ${String(s.labelledAutomation).padStart(5)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}   ${pct(r.precision)}   ${pct(r.recall)}   ${pct(r.channel)}`;
}

/** Runs the evaluation and prints its table; returns each repository's outcome. */
export function runEval(options: EvalOptions): RepoResult[] {
  const log = options.log ?? ((l: string) => console.log(l));
  const manifest = readManifest(options.manifest ?? join(here, "repos.json"));
  const labelsDir = options.labelsDir ?? join(here, "labels");
  const qeConfig = options.quanteconConfig ?? join(here, "../../examples/quantecon/qe-report.config.yaml");
  const results: RepoResult[] = [];
  const header = `${"repository".padEnd(NAME_WIDTH)} ${"commits".padStart(5)} ${"auto".padStart(5)} ${"fp".padStart(4)} ${"fn".padStart(4)}   precision recall  channel`;
  log(header);
  for (const repo of manifest) {
    if (options.repo && repo.name !== options.repo) continue;
    if (options.set && repo.set !== options.set) continue;
    const gitDir = findMirror(options.mirrors, repo.name);
    if (!gitDir) {
      results.push({ repo, skipped: `no mirror under ${options.mirrors}` });
      log(`${repo.name.padEnd(NAME_WIDTH)} skipped: no mirror under ${options.mirrors}`);
      continue;
    }
    const labelled = readLabels(labelsDir, repo.name);
    if (!labelled) {
      results.push({ repo, skipped: "no labels" });
      log(`${repo.name.padEnd(NAME_WIDTH)} skipped: no labels in ${labelsDir}`);
      continue;
    }
    const dataset = extractDataset(gitDir, repo.name, labelled.window);
    const verdicts = classify(dataset, configFor(repo.group, qeConfig));
    const byRef = new Map<string, Verdict>(verdicts.map((v) => [v.ref, v]));
    const predictions = new Map<string, Prediction>();
    for (const c of dataset.commits) {
      const v = byRef.get(`${c.repo}@${c.oid}`);
      if (v) predictions.set(c.oid, { class: v.class, channel: v.channel, evidence: v.evidence });
    }
    const s = score(labelled.labels, predictions);
    const unlabelled = dataset.commits.filter((c) => !labelled.labels.has(c.oid)).length;
    results.push({ repo, score: s, unlabelled });
    log(line(`${repo.name}${repo.set === "held-out" ? " (held-out)" : ""}`, s) + (s.missing || unlabelled ? `   [${s.missing} labelled commits missing, ${unlabelled} unlabelled]` : ""));
    const showErrors = options.errors && (repo.set === "dev" || options.repo === repo.name);
    if (showErrors) {
      for (const c of dataset.commits) {
        const want = labelled.labels.get(c.oid);
        const got = predictions.get(c.oid);
        if (!want || !got || (want.class === got.class && want.channel === got.channel)) continue;
        const subject = c.message.split("\n", 1)[0] ?? "";
        log(`    ${c.oid.slice(0, 10)} want ${want.class}/${want.channel} (${want.rule}) got ${got.class}/${got.channel}: ${c.author.name} <${c.author.email}> ${subject.slice(0, 70)}`);
        for (const e of got.evidence ?? []) log(`        ${e.rule} [${e.signal}] ${e.detail}`);
      }
    }
  }
  log("");
  const scored = results.filter((r) => r.score);
  for (const group of ["quantecon", "general"] as const) {
    for (const set of ["dev", "held-out"] as const) {
      const rows = scored.filter((r) => r.repo.group === group && r.repo.set === set);
      if (rows.length > 0) log(line(`total ${group} ${set} (${rows.length} repos)`, rows.reduce((a, r) => addScore(a, r.score as Score), emptyScore())));
    }
  }
  for (const set of ["dev", "held-out"] as const) {
    const rows = scored.filter((r) => r.repo.set === set);
    if (rows.length > 0) log(line(`total ${set} (${rows.length} repos)`, rows.reduce((a, r) => addScore(a, r.score as Score), emptyScore())));
  }
  const skipped = results.filter((r) => r.skipped).length;
  if (skipped > 0) log(`${skipped} of ${results.length} repositories skipped (fetch them with the search tool's fetch into ${options.mirrors}).`);
  return results;
}

function main(argv: string[]): void {
  const value = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const flagsWithValue = new Set(["--repo", "--set", "--labels", "--manifest"]);
  const positional = argv.filter((a, i) => !a.startsWith("--") && !flagsWithValue.has(argv[i - 1] ?? ""));
  const set = value("--set");
  if (set !== undefined && set !== "dev" && set !== "held-out") {
    console.error(`eval:real: --set: expected "dev" or "held-out", got ${JSON.stringify(set)}`);
    process.exit(2);
  }
  runEval({
    mirrors: positional[0] ?? "/work/.mirror",
    repo: value("--repo"),
    set,
    labelsDir: value("--labels"),
    manifest: value("--manifest"),
    errors: argv.includes("--errors"),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`eval:real: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
