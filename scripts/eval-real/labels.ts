/** The committed per-commit labels: one text file per repository, one line per commit. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Label } from "./label-rules.js";
import type { ExtractWindow } from "./extract.js";

export const LABELS_FORMAT = "qe-eval-labels/v1";

/** A repository's labels and the window they cover. */
export interface LabelFile {
  repo: string;
  window: ExtractWindow;
  labels: Map<string, Label>;
}

const CLASSES = new Set(["human", "automation"]);
const CHANNELS = new Set(["human", "machine-account", "github-actions", "github-app", "personal-token"]);

/** `owner/name` → `owner+name`, the mirror directory and label file stem. */
export const stem = (repo: string): string => repo.replace("/", "+");

/** Reads `<dir>/<owner>+<name>.labels`; `null` when absent. Throws one line naming file and line on a bad line. */
export function readLabels(dir: string, repo: string): LabelFile | null {
  const file = `${dir}/${stem(repo)}.labels`;
  if (!existsSync(file)) return null;
  const labels = new Map<string, Label>();
  let window: ExtractWindow | null = null;
  readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const w = /^# window (\S+) (\S+)$/.exec(line);
    if (w?.[1] && w[2]) window = { from: w[1], to: w[2] };
    if (line.startsWith("#")) return;
    const [oid = "", cls = "", channel = "", rule = ""] = line.split(" ");
    if (!/^[0-9a-f]{40}$/.test(oid) || !CLASSES.has(cls) || !CHANNELS.has(channel) || rule === "") {
      throw new Error(`${file}:${i + 1}: expected "<oid> <class> <channel> <rule>", got ${JSON.stringify(line)}`);
    }
    labels.set(oid, { class: cls as Label["class"], channel: channel as Label["channel"], rule });
  });
  if (!window) throw new Error(`${file}: missing "# window <from> <to>" line`);
  return { repo, window, labels };
}

/** Writes a label file, commits in the order given. */
export function writeLabels(dir: string, file: LabelFile): void {
  const lines = [
    `# ${LABELS_FORMAT} ${file.repo}: <oid> <class> <channel> <rule>; rules in scripts/eval-real/README.md`,
    `# window ${file.window.from} ${file.window.to}`,
    ...[...file.labels].map(([oid, l]) => `${oid} ${l.class} ${l.channel} ${l.rule}`),
  ];
  writeFileSync(`${dir}/${stem(file.repo)}.labels`, lines.join("\n") + "\n");
}

/** Manual overrides after reading: `<oid> <class> <channel> <reason-slug>` lines, `#` comments. */
export function readOverrides(path: string): Map<string, Label> {
  const out = new Map<string, Label>();
  if (!existsSync(path)) return out;
  readFileSync(path, "utf8").split("\n").forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [oid = "", cls = "", channel = "", reason = ""] = line.split(/\s+/);
    if (!/^[0-9a-f]{40}$/.test(oid) || !CLASSES.has(cls) || !CHANNELS.has(channel) || reason === "") {
      throw new Error(`${path}:${i + 1}: expected "<oid> <class> <channel> <reason>", got ${JSON.stringify(line)}`);
    }
    out.set(oid, { class: cls as Label["class"], channel: channel as Label["channel"], rule: `override/${reason}` });
  });
  return out;
}
