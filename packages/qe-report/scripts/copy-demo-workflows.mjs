// Copies the audit fixtures' QuantEcon workflows into demo/workflows/<owner>/<repo>/*.yml, so
// `qe-report audit --demo` works from the published package. Flat (no .github folders): pack
// tools may leave dot-folders out.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";

const from = new URL("../../audit/fixtures/", import.meta.url);
const to = new URL("../demo/workflows/", import.meta.url);
const dirs = (url) => readdirSync(url, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

rmSync(to, { recursive: true, force: true });
let copied = 0;
for (const owner of dirs(from)) {
  for (const repo of dirs(new URL(`${owner}/`, from))) {
    const source = new URL(`${owner}/${repo}/.github/workflows/`, from);
    if (!existsSync(source)) continue;
    const target = new URL(`${owner}/${repo}/`, to);
    mkdirSync(target, { recursive: true });
    for (const file of readdirSync(source).filter((f) => /\.ya?ml$/i.test(f))) {
      copyFileSync(new URL(file, source), new URL(file, target));
      copied++;
    }
  }
}
if (copied === 0) throw new Error(`copy-demo-workflows: no workflow files under ${from.pathname}`);
