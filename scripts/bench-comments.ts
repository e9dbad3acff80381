/** Conversation comments for the classify benchmark: `BENCH_COMMENTS=0.3` makes 30% of the items comments. */
import type { Comment, Dataset } from "@quantecon/attribution";
import { generateBenchDataset } from "./bench-data.js";

const BODIES: readonly [string | null, Comment["authorAssociation"], (n: number) => string][] = [
  ["github-actions", "NONE", (n) => `🚀 Deployed on https://${n.toString(16)}--lectures.netlify.app`],
  [null, "MEMBER", (n) => `Thanks, this looks right. One question about equation ${n}.`],
  ["mmcky", "MEMBER", (n) => `### ✅ Translation sync completed (fa)\n\n**Target repo**: QuantEcon/lecture-python.fa\n**Translation PR**: https://github.com/QuantEcon/lecture-python.fa/pull/${n}`],
  ["copilot-pull-request-reviewer", "NONE", () => "## Pull request overview\n\nCopilot reviewed 1 of 1 changed files."],
  [null, "CONTRIBUTOR", () => "Updated, thanks for the review."],
];

/** A benchmark dataset of `total` items of which `share` are comments on its PRs and issues. */
export function generateBenchDatasetWithComments(total: number, share: number): Dataset {
  const dataset = generateBenchDataset(Math.round(total * (1 - share)));
  const threads = [...dataset.pullRequests, ...dataset.issues];
  const people = dataset.actors.filter((a) => a.login.startsWith("person")).map((a) => a.login);
  let left = total - (dataset.pullRequests.length * 3 + dataset.commits.length + dataset.issues.length);
  for (let n = 0; left > 0; n++, left--) {
    const item = threads[n % threads.length];
    if (!item) break;
    const [who, association, body] = BODIES[n % BODIES.length]!;
    const at = new Date(Date.parse(item.createdAt) + (1 + (n % 50)) * 600_000).toISOString().replace(/\.000Z$/, "Z");
    (item.comments ??= []).push({ author: who ?? people[n % people.length] ?? "person0", createdAt: at, authorAssociation: association, body: body(n) });
  }
  for (const item of threads) item.comments ??= [];
  return dataset;
}
