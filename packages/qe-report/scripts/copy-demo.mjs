// Copies the demo month and QuantEcon's config from examples/quantecon/ into demo/, so
// `qe-report monthly --demo` works from the published package, which has no examples/.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";

const from = new URL("../../../examples/quantecon/", import.meta.url);
const to = new URL("../demo/", import.meta.url);
const files = readdirSync(from).filter((f) => /^demo-\d{4}-\d{2}\.json$/.test(f) || f === "qe-report.config.yaml");
if (!files.includes("qe-report.config.yaml") || files.length < 2) {
  throw new Error(`copy-demo: expected a demo-YYYY-MM.json and qe-report.config.yaml in ${from.pathname}`);
}
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const file of files) copyFileSync(new URL(file, from), new URL(file, to));
