import { Option, type Command } from "commander";
import { classify, evidenceSide, type Config, type Dataset, type Verdict } from "@quantecon/attribution";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { loadInputs, printable } from "./inputs.js";
import { findVerdict, parseRef } from "./ref.js";
import { describeComment } from "./comment-ref.js";

interface ExplainOptions {
  input?: string;
  demo?: boolean;
  config?: string;
  format: "text" | "json";
}

const TYPE_NAMES: Record<Verdict["type"], string> = {
  pullRequest: "pull request",
  commit: "commit",
  issue: "issue",
  review: "review",
  comment: "comment",
};

/** What the item is, in a line or two: its title or message, and its link. */
function describeItem(verdict: Verdict, dataset: Dataset): { title: string; url: string | null } {
  const [base, review] = verdict.ref.split("/review/");
  const comment = describeComment(verdict, dataset);
  if (comment) return comment;
  if (verdict.type === "commit") {
    const commit = dataset.commits.find((c) => `${c.repo}@${c.oid}` === verdict.ref);
    return { title: (commit?.message ?? "").split("\n")[0] ?? "", url: commit?.url ?? null };
  }
  const item = [...dataset.pullRequests, ...dataset.issues].find((i) => `${i.repo}#${i.number}` === base);
  if (verdict.type === "review" && item && "reviews" in item) {
    const r = item.reviews[Number(review)];
    return { title: `${r?.state ?? "review"} by ${r?.author ?? "a deleted user"} on "${item.title}"`, url: item.url };
  }
  return { title: item?.title ?? "", url: item?.url ?? null };
}

/** The verdict and its evidence as plain text, one fact per line, then what pointed each way. */
export function formatExplanation(verdict: Verdict, dataset: Dataset, config?: Pick<Config, "rules">): string {
  const { title, url } = describeItem(verdict, dataset);
  const decider = verdict.evidence[verdict.evidence.length - 1];
  const channel =
    verdict.channel === "personal-token" ? `personal-token (ran under ${verdict.onBehalfOf ?? "a person"}'s token)` : verdict.channel;
  const lines = [
    `${verdict.ref} (${TYPE_NAMES[verdict.type]})`,
    `  ${printable(title)}`,
    ...(url ? [`  ${url}`] : []),
    "",
    `verdict:    ${verdict.class}${verdict.kind ? ` (${verdict.kind})` : ""}`,
    `channel:    ${channel}`,
    `actor:      ${printable(verdict.actor)}`,
    ...(verdict.onBehalfOf && verdict.channel !== "personal-token" ? [`on behalf:  ${verdict.onBehalfOf}`] : []),
    `decided by: ${decider?.rule ?? "(no rule)"}`,
    "",
    "evidence, in the order the rules saw it:",
  ];
  const ruleWidth = Math.max(...verdict.evidence.map((e) => e.rule.length), 4);
  const signalWidth = Math.max(...verdict.evidence.map((e) => e.signal.length), 6);
  verdict.evidence.forEach((e, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${e.rule.padEnd(ruleWidth)}  ${e.signal.padEnd(signalWidth)}  ${printable(e.detail)}`);
  });
  // Both sides, so a reader sees what was weighed against the verdict too.
  const humanRules = new Set((config?.rules ?? []).filter((r) => r.class === "human").map((r) => r.id));
  const side = (want: string) => verdict.evidence.map((e, i) => [e, i] as const).filter(([e]) => evidenceSide(e, humanRules) === want);
  for (const [want, title] of [["automation", "pointed to automation:"], ["person", "pointed to a person:"]] as const) {
    const found = side(want);
    lines.push("", title);
    if (found.length === 0) lines.push("  (nothing)");
    for (const [e, i] of found) lines.push(`  ${String(i + 1).padStart(2)}. ${printable(e.detail)}`);
  }
  return lines.join("\n") + "\n";
}

/** `qe-report explain REF`: one item's verdict, every piece of evidence, and the rule that decided it. */
export function registerExplain(program: Command, io: CliIO): void {
  program
    .command("explain")
    .description("show the verdict on one item with every piece of evidence and the rule that decided it")
    .argument("<ref>", "owner/repo#N, owner/repo#N/review/I, owner/repo#N/comment/I, owner/repo@SHA (a unique prefix will do), or a GitHub pull/issue/commit URL")
    .option("--input <dataset>", "dataset file (qe-activity/v1) from `qe-report fetch`")
    .option("--demo", "use the bundled demo month (QuantEcon, May 2026)")
    .option("--config <file>", "config file (default: qe-report.config.{yaml,yml,json} in the working directory)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      "\nExamples:\n  qe-report explain --demo QuantEcon/lecture-dp#125\n  qe-report explain --input may.json https://github.com/QuantEcon/meta/issues/400\n",
    )
    .action(async (refText: string, options: ExplainOptions) => {
      const ref = parseRef(refText);
      if (options.input === undefined && !options.demo) {
        throw new QeReportError("E_USAGE", "explain needs a dataset: pass --input FILE (written by `qe-report fetch` or `--save-dataset`) or --demo");
      }
      const { config, dataset } = await loadInputs(options, io);
      if (!dataset) throw new QeReportError("E_USAGE", "explain needs a dataset: pass --input FILE or --demo");
      const verdicts = classify(dataset, config);
      const verdict = findVerdict(ref, dataset, verdicts);
      io.stdout.write(options.format === "json" ? JSON.stringify(verdict, null, 2) + "\n" : formatExplanation(verdict, dataset, config));
    });
}
