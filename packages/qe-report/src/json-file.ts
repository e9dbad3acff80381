import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { open, readFile, rename, unlink, writeFile } from "node:fs/promises";
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

/**
 * Writes `text` to `path` atomically: a temp file in the same directory, then a rename, so an
 * interrupted run never leaves half a file behind.
 */
export async function writeFileAtomic(path: string, text: string | Iterable<string>, cwd: string, flag = "--out"): Promise<void> {
  const full = resolve(cwd, path);
  const temp = `${dirname(full)}/.${basename(full)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    if (typeof text === "string") await writeFile(temp, text, "utf8");
    else {
      // Chunks: a report too large for one string (a million items as JSON) is written piece by piece.
      const file = await open(temp, "w");
      try {
        for (const chunk of text) await file.write(chunk, null, "utf8");
      } finally {
        await file.close();
      }
    }
    await rename(temp, full);
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
  }
}
