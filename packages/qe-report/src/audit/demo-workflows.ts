import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorkflowFile } from "@quantecon/attribution-audit";
import { QeReportError } from "../errors.js";

/** Where the workflows live in the repository: the audit package's fixtures, `<owner>/<repo>/.github/workflows/`. */
const SOURCE_DIR = "../../../audit/fixtures/";
/** Where the build copies them: `demo/workflows/<owner>/<repo>/` (flat: npm tools may drop dot-folders). */
const BUNDLED_DIR = "../../demo/workflows/";

function listDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * The bundled demo workflows: QuantEcon-like workflow files (the audit package's fixtures, copied
 * into `demo/workflows` by the build), read from the sources when run from them so a stale copy never hides a change.
 */
export function demoWorkflowFiles(): WorkflowFile[] {
  const fromSources = import.meta.url.endsWith(".ts");
  const root = fileURLToPath(new URL(fromSources ? SOURCE_DIR : BUNDLED_DIR, import.meta.url));
  if (!existsSync(root)) throw new QeReportError("E_RUNTIME", `the bundled demo workflows are missing from ${root} (reinstall qe-report, or run the package build)`);
  const files: WorkflowFile[] = [];
  for (const owner of listDirs(root)) {
    for (const repo of listDirs(join(root, owner))) {
      const dir = fromSources ? join(root, owner, repo, ".github", "workflows") : join(root, owner, repo);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort()) {
        files.push({ repo: `${owner}/${repo}`, path: `.github/workflows/${name}`, text: readFileSync(join(dir, name), "utf8") });
      }
    }
  }
  if (files.length === 0) throw new QeReportError("E_RUNTIME", `the bundled demo workflows are missing from ${root} (reinstall qe-report, or run the package build)`);
  return files;
}
