/**
 * `pnpm bench:classify`: classifies and summarizes a generated dataset of 1,000,000 items
 * (PRs, reviews, commits, issues mixed like a busy org) and prints items per second and peak
 * memory. Target: at least 500,000 items/s and under 1.5 GB. `BENCH_COMMENTS=0.3` makes 30% of
 * the items conversation comments.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { classify, parseConfig, summarize } from "@quantecon/attribution";
import { generateBenchDataset } from "./bench-data.js";
import { generateBenchDatasetWithComments } from "./bench-comments.js";

const TOTAL = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const config = parseConfig(parse(readFileSync(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url), "utf8")));

// BENCH_COMMENTS=0.3: 30% of the items are conversation comments (bench-comments.ts).
const commentShare = Number(process.env.BENCH_COMMENTS ?? 0);
const dataset = commentShare > 0 ? generateBenchDatasetWithComments(TOTAL, commentShare) : generateBenchDataset(TOTAL);
const comments = [...dataset.pullRequests, ...dataset.issues].reduce((n, i) => n + (i.comments?.length ?? 0), 0);
const items = dataset.pullRequests.length * 3 + dataset.commits.length + dataset.issues.length + comments;
if (comments > 0) console.log(`${comments.toLocaleString("en")} of the items are comments`);
(globalThis as { gc?: () => void }).gc?.();
// Peak RSS counts the dataset too: it is what a `qe-report monthly` run holds.
const baseRss = process.memoryUsage().rss;
let peakRss = baseRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const gc = (globalThis as { gc?: () => void }).gc;
for (let round = 1; round <= 3; round++) {
  gc?.();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const verdicts = classify(dataset, config);
  const t1 = performance.now();
  const summary = summarize(dataset, verdicts);
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const auto = verdicts.filter((v) => v.class === "automation").length;
  console.log(
    `round ${round}: ${items.toLocaleString("en")} items  classify ${(t1 - t0).toFixed(0)} ms  summarize ${(t2 - t1).toFixed(0)} ms  ` +
      `→ ${Math.round(items / ((t2 - t0) / 1000)).toLocaleString("en")} items/s (classify alone ${Math.round(items / ((t1 - t0) / 1000)).toLocaleString("en")}/s); ` +
      `${auto.toLocaleString("en")} automation, ${summary.people.length} people; ` +
      // CPU time includes GC threads; on a busy machine it is the steadier figure.
      `CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
  );
}
clearInterval(sampler);
console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (dataset alone ${(baseRss / 2 ** 20).toFixed(0)} MiB); target ≥ 500,000 items/s, < 1,536 MiB`);
