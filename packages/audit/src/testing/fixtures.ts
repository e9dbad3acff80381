// Test-only: reads the fixture workflow files; the package's public code never touches the file system.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfig, parseDataset, type Config, type Dataset } from "@quantecon/attribution";
import type { WorkflowFile } from "../audit-workflows.js";

/** The fixtures folder: `<owner>/<repo>/.github/workflows/*.yml`. */
export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** Every fixture workflow file, sorted by repo and path. */
export function loadFixtureWorkflows(): WorkflowFile[] {
  const files: WorkflowFile[] = [];
  for (const owner of readdirSync(FIXTURES_DIR).sort()) {
    if (owner.includes(".")) continue;
    for (const name of readdirSync(join(FIXTURES_DIR, owner)).sort()) {
      const dir = join(FIXTURES_DIR, owner, name, ".github", "workflows");
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).sort()) {
        const full = join(dir, file);
        files.push({ repo: `${owner}/${name}`, path: relative(join(FIXTURES_DIR, owner, name), full), text: readFileSync(full, "utf8") });
      }
    }
  }
  return files;
}

/** QuantEcon's config as the audit needs it: the machine account and its secret. */
export function quantEconConfig(): Config {
  return parseConfig({
    org: "QuantEcon",
    machineAccounts: [{ login: "quantecon-services", names: ["QuantEcon Services"], emails: ["admin@quantecon.org"], secrets: ["QUANTECON_SERVICES_PAT"] }],
  });
}

/** The fixture month: translation-sync PRs authored by mmcky while the workflow names the machine secret. */
export function loadFixtureDataset(): Dataset {
  return parseDataset(JSON.parse(readFileSync(join(FIXTURES_DIR, "activity-2026-05.json"), "utf8")));
}
