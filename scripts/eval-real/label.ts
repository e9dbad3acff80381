/**
 * Writes labels/<owner>+<name>.labels from the mirrors by label-rules.ts and
 * labels/overrides.txt. Run by hand when the rules or overrides change, then read the diff:
 *   node --conditions=@quantecon/source --import tsx scripts/eval-real/label.ts [mirrors-dir] [--repo owner/name]
 * An existing label file keeps its window, so a newer snapshot labels the same months.
 */
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { extractDataset, headCommittedAt, twelveMonthsTo } from "./extract.js";
import { labelCommit, type Label } from "./label-rules.js";
import { readLabels, readOverrides, writeLabels } from "./labels.js";
import { readManifest } from "./manifest.js";
import { findMirror } from "./mirrors.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const only = args.includes("--repo") ? args[args.indexOf("--repo") + 1] : undefined;
const mirrors = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--repo") ?? "/work/.mirror";
const labelsDir = join(here, "labels");
const overrides = readOverrides(join(labelsDir, "overrides.txt"));

for (const repo of readManifest(join(here, "repos.json"))) {
  if (only && repo.name !== only) continue;
  const gitDir = findMirror(mirrors, repo.name);
  if (!gitDir) {
    console.log(`${repo.name}: skipped, no mirror under ${mirrors}`);
    continue;
  }
  const window = readLabels(labelsDir, repo.name)?.window ?? twelveMonthsTo(headCommittedAt(gitDir));
  const dataset = extractDataset(gitDir, repo.name, window);
  const labels = new Map<string, Label>();
  const byRule = new Map<string, number>();
  for (const c of dataset.commits) {
    const label = overrides.get(c.oid) ?? labelCommit(c);
    labels.set(c.oid, label);
    byRule.set(label.rule, (byRule.get(label.rule) ?? 0) + 1);
  }
  writeLabels(labelsDir, { repo: repo.name, window, labels });
  console.log(`${repo.name}: ${labels.size} commits, ${[...byRule].map(([r, n]) => `${r} ${n}`).join(", ")}`);
}
