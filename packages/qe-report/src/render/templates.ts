import { readdirSync, readFileSync } from "node:fs";

// The package's built-in templates live in templates/ beside src/ and dist/ (same depth from
// src/render/ and dist/render/, so these resolve in both). The Action's bundle replaces this
// module with one that carries the files inline (packages/action-activity-report/scripts/bundle.mjs).

/** The text of a built-in template file, by its path under `templates/` (`report.md.hbs`, `md/people.hbs`). */
export function templateFile(path: string): string {
  return readFileSync(new URL(`../../templates/${path}`, import.meta.url), "utf8");
}

/** The `.hbs` files of a folder under `templates/`, sorted by name. */
export function templateDir(dir: string): string[] {
  return readdirSync(new URL(`../../templates/${dir}/`, import.meta.url))
    .filter((f) => f.endsWith(".hbs"))
    .sort();
}
