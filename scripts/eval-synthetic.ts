/**
 * `pnpm eval:synthetic`: scores the classifier on the synthetic months against what their
 * generators made: the QuantEcon demo with its preset, and an invented org with no config.
 * Targets (issue 8): QuantEcon-like P ≥ 0.995, R ≥ 0.98, channel ≥ 0.97; invented org
 * P ≥ 0.98, recall ≥ 0.95 on generic automation, ≥ 0.5 on behaviour-only automation.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { classify, defaultConfig, parseConfig, parseDataset } from "@quantecon/attribution";
import { generateInventedOrg } from "../examples/invented-org/generate.js";
import { formatScore, score, type Expected } from "../examples/invented-org/score.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const demo = parseDataset(JSON.parse(read("../examples/quantecon/demo-2026-05.json")));
const preset = parseConfig(parse(read("../examples/quantecon/qe-report.config.yaml")));
const demoExpected = (JSON.parse(read("../examples/quantecon/demo-2026-05.expected.json")) as { verdicts: Record<string, Expected> }).verdicts;
console.log(formatScore("QuantEcon demo (preset)", score(classify(demo, preset), demoExpected)));

for (const seed of [20260501, 7, 99]) {
  const org = generateInventedOrg(seed);
  const s = score(classify(parseDataset(org.dataset), defaultConfig()), org.expected);
  console.log(formatScore(`invented org seed ${seed}`, s));
  if (s.falseAutomation.length > 0) console.log(`  called automation, made as people's work: ${s.falseAutomation.join(", ")}`);
}
