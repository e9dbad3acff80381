// The monthly report through the library API, the core of what the `action-activity-report` Action does
// (it also audits, posts and writes its outputs): load a dataset (or fetch one), classify, build the report, render it.
//
//   node --conditions=@quantecon/source --import tsx examples/scripts/monthly-report.ts \
//     --input examples/quantecon/demo-2026-05.json --config examples/quantecon/qe-report.config.yaml
//   GITHUB_TOKEN=... node ... examples/scripts/monthly-report.ts --org QuantEcon --month 2026-05
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { classify, defaultConfig, lastCompleteMonth, monthWindow, parseConfig, parseDataset, type Dataset } from "@quantecon/attribution";
import { fetchActivity, resolveGitHubEnv } from "@quantecon/attribution-github";
import { buildReport, renderReport, type ReportFormat } from "qe-report";

/** What the script (or the Action's inputs) asks for. */
export interface MonthlyReportOptions {
  input?: string;
  org?: string;
  month?: string;
  config?: string;
  format?: ReportFormat;
  generatedAt?: string;
  env?: Record<string, string | undefined>;
}

/** The rendered report's parts, and how many items still ran under a person's token. */
export async function monthlyReport(options: MonthlyReportOptions): Promise<{ parts: string[]; personalTokenItems: number }> {
  const config = options.config ? parseConfig(parseYaml(await readFile(options.config, "utf8"))) : defaultConfig();
  let dataset: Dataset;
  if (options.input) {
    dataset = parseDataset(JSON.parse(await readFile(options.input, "utf8")));
  } else {
    const org = options.org ?? config.org;
    if (!org) throw new Error("give --org (or set org in the config) to fetch");
    const { token, apiUrl } = resolveGitHubEnv(options.env ?? process.env);
    if (!token) throw new Error("set GITHUB_TOKEN to fetch");
    const window = monthWindow(options.month ?? lastCompleteMonth(new Date(), config.timeZone), config.timeZone);
    dataset = await fetchActivity({ org, window, token, apiUrl, excludeRepos: config.repos.exclude });
  }
  const verdicts = classify(dataset, config);
  const personalTokenItems = verdicts.filter((v) => v.channel === "personal-token").length;
  const report = buildReport(dataset, config, options.generatedAt ? { generatedAt: options.generatedAt } : {});
  return { parts: renderReport(report, options.format ?? "md", { split: true }), personalTokenItems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      input: { type: "string" },
      org: { type: "string" },
      month: { type: "string" },
      config: { type: "string" },
      format: { type: "string", default: "md" },
    },
  });
  const { parts, personalTokenItems } = await monthlyReport({ ...values, format: values.format as ReportFormat });
  process.stdout.write(parts.join(""));
  process.stderr.write(`${personalTokenItems} items still ran under a personal token\n`);
}
