import { randomBytes } from "node:crypto";
import { existsSync, unlinkSync, type Stats } from "node:fs";
import { lstat, open, readdir, readFile, readlink, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { safeParseDataset, type Dataset } from "@quantecon/attribution";
import { QeReportError } from "./errors.js";

/** `line:col` (1-based) of a character offset in `text`. */
export function lineCol(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

/**
 * Offset of the first character strict JSON rejects. Only runs after `JSON.parse` failed:
 * V8 gives a position for some errors but not for "Unexpected token" (Node 20).
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === "t") return void literal("true");
    if (c === "f") return void literal("false");
    if (c === "n") return void literal("null");
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "" || m[0] === "-") fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return text.length;
  } catch (at) {
    if (typeof at === "number") return Math.min(at, text.length);
    throw at;
  }
}

/** One line for a `JSON.parse` failure: `file:line:col: invalid JSON: what is wrong`. */
export function jsonErrorLine(label: string, text: string, err: unknown): string {
  if (text.trim() === "") return `${label}: file is empty (expected JSON)`;
  const raw = err instanceof Error ? err.message : String(err);
  // Keep V8's words, drop its position and its quote of the text (which may span lines).
  const what = raw
    .replace(/, (\.\.\.)?"[\s\S]*$/, "")
    .replace(/ in JSON at position \d+[\s\S]*$/, "")
    .replace(/ at position \d+[\s\S]*$/, "")
    .replace(/ \(line \d+ column \d+\)$/, "");
  let offset: number;
  try {
    offset = jsonErrorOffset(text);
  } catch {
    // Nesting too deep for the position finder's recursion (`[[[[…`): V8's own position, else the end.
    const at = /at position (\d+)/.exec(raw);
    offset = at ? Math.min(Number(at[1]), text.length) : text.length;
  }
  const truncated = offset >= text.length ? " (the file ends too early)" : "";
  return `${label}:${lineCol(text, offset)}: invalid JSON: ${what.charAt(0).toLowerCase()}${what.slice(1)}${truncated}`;
}

async function readText(path: string, cwd: string, flag: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new QeReportError("E_NOT_FOUND", `${flag} ${path}: file not found`);
    if (code === "EISDIR") throw new QeReportError("E_INPUT", `${flag} ${path}: is a directory, expected a dataset file`);
    throw new QeReportError("E_INPUT", `${flag} ${path}: cannot read: ${(err as Error).message}`);
  }
}

/** A byte-order mark some Windows editors put first: not JSON, but meant as nothing. */
const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Reads any JSON file; errors name the flag, the file and the position. */
export async function readJsonFile(path: string, cwd: string, flag: string): Promise<unknown> {
  const text = withoutBom(await readText(path, cwd, flag));
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new QeReportError("E_INPUT", `${flag} ${jsonErrorLine(basename(path), text, err)}`);
  }
}

/** Reads a `qe-activity/v1` dataset file; errors name the file and the JSON position or dataset field. */
export async function readDatasetFile(path: string, cwd: string, flag = "--input"): Promise<Dataset> {
  const text = await readText(path, cwd, flag);
  // `--input` is the dataset a user means; any other (`--previous`) is named, or its errors would read as the main one's.
  return parseDatasetText(text, flag === "--input" ? basename(path) : `${flag} ${basename(path)}`);
}

/** Parses and validates dataset JSON text; `label` names it in errors. */
export function parseDatasetText(source: string, label: string): Dataset {
  const text = withoutBom(source);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new QeReportError("E_INPUT", jsonErrorLine(label, text, err));
  }
  const result = safeParseDataset(data);
  if (result.ok) return result.dataset;
  const first = result.errors[0] ?? "dataset: invalid";
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problem${result.errors.length > 2 ? "s" : ""})` : "";
  throw new QeReportError("E_INPUT", `${label}: ${first}${more}`, { problems: result.errors.map((p) => `${label}: ${p}`) });
}

/** Temp files being written now: removed if the process is interrupted before their rename. */
const inFlight = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function removeInFlight(): void {
  for (const temp of inFlight) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  inFlight.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeInFlight();
  unwatch();
  // The default action now: the process ends as the signal meant, with the temp files gone.
  process.kill(process.pid, signal);
}

function watch(temp: string): void {
  if (inFlight.size === 0) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on("exit", removeInFlight);
  }
  inFlight.add(temp);
}

function unwatch(temp?: string): void {
  if (temp !== undefined) inFlight.delete(temp);
  if (inFlight.size > 0) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off("exit", removeInFlight);
}

const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temp files an earlier run left beside `target` when it was killed outright (SIGKILL, power loss). */
async function removeStaleTemps(target: string): Promise<void> {
  const pattern = new RegExp(`^\\.${escapeRe(basename(target))}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) await unlink(`${dirname(target)}/${name}`).catch(() => undefined);
  }
}

/** A file the output must not replace: the dataset a report reads, its config, and so on. */
export interface ProtectedFile {
  flag: string;
  path: string;
}

/** Where `--out` really writes, and what the file there is now: symlinks followed, non-files refused. */
async function outputTarget(full: string, path: string, flag: string): Promise<{ target: string; existing: Stats | undefined }> {
  let link: Stats;
  try {
    link = await lstat(full);
  } catch {
    return { target: full, existing: undefined };
  }
  let target = full;
  if (link.isSymbolicLink()) {
    try {
      target = await realpath(full);
    } catch {
      throw new QeReportError("E_USAGE", `${flag} ${path}: is a symbolic link to a file that does not exist (${await readlink(full).catch(() => "?")}); point it at a file or remove it`);
    }
  }
  const existing = target === full ? link : await stat(target);
  if (existing.isDirectory()) throw new QeReportError("E_USAGE", `${flag} ${path}: is a directory`);
  if (!existing.isFile()) throw new QeReportError("E_USAGE", `${flag} ${path}: is not a regular file (a device, pipe or socket); write to a file`);
  return { target, existing };
}

/**
 * Writes `text` to `path` atomically: a temp file in the same directory, then a rename, so an
 * interrupted run never leaves half a file behind. A symlink is written through (the link stays,
 * its target gets the text); an existing file keeps its mode; a device, pipe or any `protect`ed
 * file (the input itself) is refused; the temp file is removed on every exit path, and temp
 * files of earlier killed runs beside the target are cleaned up.
 */
export async function writeFileAtomic(path: string, text: string | Iterable<string>, cwd: string, flag = "--out", options: { protect?: readonly ProtectedFile[] } = {}): Promise<void> {
  const full = resolve(cwd, path);
  const { target, existing } = await outputTarget(full, path, flag);
  if (existing) {
    for (const guarded of options.protect ?? []) {
      const other = await stat(resolve(cwd, guarded.path)).catch(() => undefined);
      if (other && other.dev === existing.dev && other.ino === existing.ino) {
        throw new QeReportError("E_USAGE", `${flag} ${path}: is the same file as ${guarded.flag} ${guarded.path}; writing would destroy it, pick another file`);
      }
    }
  }
  await removeStaleTemps(target);
  const temp = `${dirname(target)}/.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  watch(temp);
  try {
    // `wx`: never follow a link someone planted at the temp name.
    const file = await open(temp, "wx", existing ? existing.mode & 0o7777 : 0o666);
    try {
      if (typeof text === "string") await file.write(text, null, "utf8");
      // Chunks: a report too large for one string (a million items as JSON) is written piece by piece.
      else for (const chunk of text) await file.write(chunk, null, "utf8");
      if (existing) {
        await file.chmod(existing.mode & 0o7777);
        // Root rewriting someone's file gives it back to them; anyone else cannot and keeps the file as theirs.
        if (process.getuid?.() === 0) await file.chown(existing.uid, existing.gid).catch(() => undefined);
      }
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    if (err instanceof QeReportError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      // ENOENT also comes from a directory that exists but takes no new files (/proc).
      const missing = !existsSync(dirname(full));
      throw new QeReportError("E_USAGE", `${flag} ${path}: ${missing ? `directory ${dirname(path)} does not exist` : `cannot create a file in ${dirname(path)}`}`);
    }
    if (code === "EISDIR") throw new QeReportError("E_USAGE", `${flag} ${path}: is a directory`);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new QeReportError("E_USAGE", `${flag} ${path}: not writable (${code})`);
    throw new QeReportError("E_RUNTIME", `${flag} ${path}: cannot write: ${(err as Error).message}`);
  } finally {
    unwatch(temp);
  }
}
