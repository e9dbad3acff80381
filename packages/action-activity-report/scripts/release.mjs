// Writes the publishable Action tree (what QuantEcon/action-activity-report holds): action.yml, the bundle, README, LICENSE.
import { cpSync, existsSync, mkdirSync, rmSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = resolve(root, process.argv[2] ?? process.env.RELEASE_DIR ?? "release");
if (!existsSync(`${root}dist/index.js`)) {
  process.stderr.write("action-activity-report release: dist/index.js is missing; run the build first\n");
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/dist`, { recursive: true });
for (const file of ["action.yml", "README.md", "LICENSE"]) cpSync(`${root}${file}`, `${out}/${file}`);
for (const file of readdirSync(`${root}dist`)) cpSync(`${root}dist/${file}`, `${out}/dist/${file}`);
process.stdout.write(`action-activity-report: release tree written to ${out}\n`);
