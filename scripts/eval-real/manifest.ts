/** The evaluation's repositories (repos.json). */
import { readFileSync } from "node:fs";

/** One repository of the evaluation. */
export interface EvalRepo {
  name: string;
  set: "dev" | "held-out";
  group: "quantecon" | "general";
}

/** Reads and checks repos.json; throws one line naming the bad entry. */
export function readManifest(path: string): EvalRepo[] {
  const raw = JSON.parse(readFileSync(path, "utf8")) as { repos?: unknown };
  if (!Array.isArray(raw.repos)) throw new Error(`${path}: expected {"repos": [...]}`);
  return raw.repos.map((r: unknown, i: number) => {
    const e = r as Partial<EvalRepo>;
    if (typeof e.name !== "string" || !/^[^/\s]+\/[^/\s]+$/.test(e.name)) throw new Error(`${path}: repos[${i}].name: expected "owner/name"`);
    if (e.set !== "dev" && e.set !== "held-out") throw new Error(`${path}: repos[${i}].set: expected "dev" or "held-out"`);
    if (e.group !== "quantecon" && e.group !== "general") throw new Error(`${path}: repos[${i}].group: expected "quantecon" or "general"`);
    return { name: e.name, set: e.set, group: e.group };
  });
}
