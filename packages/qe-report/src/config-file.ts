import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { safeParseConfig, defaultConfig, type Config } from "@quantecon/attribution";
import { QeReportError } from "./errors.js";
import { jsonErrorLine } from "./json-file.js";

/** File names looked up in the working directory, in this order, when `--config` is not given. */
export const CONFIG_FILE_NAMES = ["qe-report.config.yaml", "qe-report.config.yml", "qe-report.config.json"] as const;

/** A loaded config and where it came from (`null` when the built-in defaults are used). */
export interface LoadedConfig {
  config: Config;
  path: string | null;
}

/** Parses config text (YAML, or JSON when `path` ends in `.json`) and validates it; errors name `file:line:col`. */
export function parseConfigText(source: string, path: string): Config {
  const label = basename(path);
  // A byte-order mark some Windows editors write first is not part of the config.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (path.toLowerCase().endsWith(".json")) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new QeReportError("E_CONFIG", jsonErrorLine(label, text, err));
    }
    return validate(data, label, () => undefined);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    const message = syntax.message.replace(/ at line \d+, column \d+[\s\S]*$/, "");
    throw new QeReportError("E_CONFIG", `${label}:${line}:${col}: ${message}`);
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // yaml refuses alias bombs ("Excessive alias count") and aliases to nothing; nesting can overflow the stack.
    const message = (err as Error).message;
    if (/alias count/i.test(message)) throw new QeReportError("E_CONFIG", `${label}: its YAML aliases expand to too many values (an alias bomb?); write the values out`);
    if (err instanceof RangeError) throw new QeReportError("E_CONFIG", `${label}: nested too deeply to read`);
    throw new QeReportError("E_CONFIG", `${label}: ${message.split("\n")[0]}`);
  }
  return validate(data, label, (problem) => locate(doc, lineCounter, problem));
}

function validate(data: unknown, label: string, where: (problem: string) => string | undefined): Config {
  const result = safeParseConfig(data);
  if (result.ok) return result.config;
  const first = result.errors[0] ?? "config: invalid";
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problem${result.errors.length > 2 ? "s" : ""})` : "";
  const position = where(first);
  throw new QeReportError("E_CONFIG", `${label}${position ? `:${position}` : ""}: ${first}${more}`, {
    problems: result.errors.map((p) => `${label}${where(p) ? `:${where(p)}` : ""}: ${p}`),
  });
}

/** Turns `config.rules[0].match` back into a key path. */
function problemPath(problem: string): (string | number)[] | undefined {
  const m = /^config((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*): (.*)$/.exec(problem);
  if (!m) return undefined;
  const path: (string | number)[] = [];
  for (const part of (m[1] ?? "").matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (part[1] !== undefined) path.push(part[1]);
    else if (part[2] !== undefined) path.push(Number(part[2]));
    else if (part[3] !== undefined) path.push(JSON.parse(part[3]) as string);
  }
  // An unknown key is reported on its parent object; point at the key itself.
  const unknown = /^unknown keys? "((?:[^"\\]|\\.)*)"/.exec(m[2] ?? "");
  if (unknown?.[1] !== undefined) path.push(JSON.parse(`"${unknown[1]}"`) as string);
  return path;
}

/** `line:col` of the deepest YAML node on the problem's path, so an editor can jump there. */
function locate(doc: Document, lineCounter: LineCounter, problem: string): string | undefined {
  const path = problemPath(problem);
  if (!path) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(prefix, true);
    // For a key that is present, point at the key rather than its value.
    const keyNode = depth > 0 ? findKeyNode(doc, prefix) : undefined;
    const target = keyNode ?? node;
    if (isNode(target) && target.range) {
      const { line, col } = lineCounter.linePos(target.range[0]);
      return `${line}:${col}`;
    }
  }
  return undefined;
}

function findKeyNode(doc: Document, path: (string | number)[]): unknown {
  const last = path[path.length - 1];
  if (typeof last !== "string") return undefined;
  const parent: unknown = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!parent || typeof parent !== "object" || !("items" in parent) || !Array.isArray(parent.items)) return undefined;
  for (const pair of parent.items as unknown[]) {
    if (pair && typeof pair === "object" && "key" in pair) {
      const key = (pair as { key: unknown }).key;
      if (isNode(key) && "value" in key && key.value === last) return key;
    }
  }
  return undefined;
}

/** Reads and validates the config file at `path` (relative to `cwd`). */
export async function readConfigFile(path: string, cwd: string): Promise<Config> {
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(full, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new QeReportError("E_NOT_FOUND", `config file ${path} not found (looked in ${cwd})`);
    if (code === "EISDIR") throw new QeReportError("E_CONFIG", `config file ${path} is a directory`);
    throw new QeReportError("E_CONFIG", `cannot read config file ${path}: ${(err as Error).message}`);
  }
  return parseConfigText(text, full);
}

/** Finds the config: `--config FILE`, else `qe-report.config.{yaml,yml,json}` in `cwd`, else the built-in defaults. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  if (explicit !== undefined) return { config: await readConfigFile(explicit, cwd), path: resolve(cwd, explicit) };
  for (const name of CONFIG_FILE_NAMES) {
    const full = resolve(cwd, name);
    let text: string;
    try {
      text = await readFile(full, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw new QeReportError("E_CONFIG", `cannot read config file ${name}: ${(err as Error).message}`);
    }
    return { config: parseConfigText(text, full), path: full };
  }
  return { config: defaultConfig(), path: null };
}
