import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Config, Dataset, Window } from "@quantecon/attribution";
import type { CliIO } from "./io.js";
import { parseDatasetText, writeFileAtomic } from "./json-file.js";

/** Where fetched datasets are kept, and whether to ignore what is there. */
export interface CacheOptions {
  /** `--cache-dir`; else `QE_REPORT_CACHE_DIR`; else the user's cache directory. */
  cacheDir?: string;
  /** `--no-cache` (commander sets `cache: false`). */
  cache?: boolean;
  /** `--refresh`: fetch again and replace the entry. */
  refresh?: boolean;
}

/**
 * The cache folder: `--cache-dir`, else `QE_REPORT_CACHE_DIR`, else the platform's user cache
 * directory (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
 * `%LOCALAPPDATA%` on Windows) plus `qe-report`. Undefined when caching is off or no home is known.
 */
export function cacheDir(options: CacheOptions, env: CliIO["env"], cwd: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (options.cache === false) return undefined;
  if (options.cacheDir !== undefined) return resolve(cwd, options.cacheDir);
  const set = (v: string | undefined): v is string => v !== undefined && v !== "";
  if (set(env.QE_REPORT_CACHE_DIR)) return resolve(cwd, env.QE_REPORT_CACHE_DIR);
  if (platform === "win32") return set(env.LOCALAPPDATA) ? join(env.LOCALAPPDATA, "qe-report", "Cache") : undefined;
  if (platform === "darwin") return set(env.HOME) ? join(env.HOME, "Library", "Caches", "qe-report") : undefined;
  if (set(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "qe-report");
  return set(env.HOME) ? join(env.HOME, ".cache", "qe-report") : undefined;
}

/** What a dataset depends on besides its window: the API it came from and the repositories in scope. */
function scopeHash(apiUrl: string, config: Config): string {
  const scope = JSON.stringify({ apiUrl, include: config.repos.include ?? null, exclude: config.repos.exclude });
  return createHash("sha256").update(scope).digest("hex").slice(0, 12);
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, "_");

/** The entry of one organization's window: `<dir>/<org>/<from>_<to>_<zone>_<scope>.json`. */
export function cachePath(dir: string, org: string, window: Window, apiUrl: string, config: Config): string {
  const name = `${safe(window.from)}_${safe(window.to)}_${safe(window.timeZone)}_${scopeHash(apiUrl, config)}.json`;
  return join(dir, safe(org.toLowerCase()), name);
}

/**
 * Whether a fetched dataset may be kept: fetched after its window closed (nothing in the window
 * can still be added) and complete (a repository the token could not read is fetched again).
 */
export function cacheable(dataset: Dataset): boolean {
  const closed = Date.parse(dataset.generatedAt) >= Date.parse(dataset.window.to);
  const complete = (dataset.warnings ?? []).every((w) => w.code === "EXCLUDED");
  return closed && complete;
}

/** The result of a cache read: the dataset, or why the entry could not be used. */
type CacheRead = { dataset: Dataset } | { missing: true } | { corrupt: string };

/** Reads and validates an entry as any dataset file is validated; an entry for another org or window is corrupt. */
export async function readCacheEntry(path: string, org: string, window: Window): Promise<CacheRead> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { missing: true };
  }
  try {
    const dataset = parseDatasetText(text, "cache entry");
    const same = dataset.source.org.toLowerCase() === org.toLowerCase() && Date.parse(dataset.window.from) === Date.parse(window.from) && Date.parse(dataset.window.to) === Date.parse(window.to);
    if (!same) return { corrupt: `it holds ${dataset.source.org} ${dataset.window.from} to ${dataset.window.to}` };
    return { dataset };
  } catch (err) {
    return { corrupt: (err as Error).message.replace(/^cache entry: /, "") };
  }
}

/** Writes an entry atomically (a reader never sees half of one). */
export async function writeCacheEntry(path: string, dataset: Dataset, cwd: string): Promise<void> {
  await mkdir(resolve(cwd, path, ".."), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(dataset) + "\n", cwd, "cache entry");
}

/** What `fetchWithCache` needs: where the cache is, and how to fetch on a miss. */
export interface CachedFetch {
  org: string;
  window: Window;
  config: Config;
  apiUrl: string;
  io: CliIO;
  options: CacheOptions;
  quiet: boolean;
  /** Whether the run needs comments: an entry fetched with `--no-comments` then does not serve it. */
  comments?: boolean;
  fetch: () => Promise<Dataset>;
}

/** Whether a dataset was fetched with comments: every pull request and issue then carries its thread. */
export function carriesComments(dataset: Dataset): boolean {
  return dataset.pullRequests.every((pr) => pr.comments !== undefined) && dataset.issues.every((issue) => issue.comments !== undefined);
}

/**
 * The window's dataset from the cache when a valid entry is there (no API request), else
 * fetched and, when the window had closed and nothing is missing, kept. `--refresh` always
 * fetches; a corrupt entry is never trusted: it is fetched again, with a notice.
 */
export async function fetchWithCache({ org, window, config, apiUrl, io, options, quiet, comments = true, fetch }: CachedFetch): Promise<Dataset> {
  const dir = cacheDir(options, io.env, io.cwd);
  if (dir === undefined) return fetch();
  const path = cachePath(dir, org, window, apiUrl, config);
  if (!options.refresh) {
    const read = await readCacheEntry(path, org, window);
    if ("dataset" in read && comments && !carriesComments(read.dataset)) {
      io.stderr.write(`qe-report: notice: the cached dataset of ${org} ${window.from} to ${window.to} was fetched without comments; fetching it again with them\n`);
    } else if ("dataset" in read) {
      if (!quiet) io.stderr.write(`using the cached dataset of ${org} ${window.from} to ${window.to} (${path}); --refresh fetches it again\n`);
      return read.dataset;
    }
    if ("corrupt" in read) io.stderr.write(`qe-report: notice: cache entry ${path} is not a valid dataset (${read.corrupt}); fetching it again\n`);
  }
  const dataset = await fetch();
  if (cacheable(dataset)) {
    try {
      await writeCacheEntry(path, dataset, io.cwd);
    } catch (err) {
      // The report is still right without the cache; say why the next run will fetch again.
      io.stderr.write(`qe-report: notice: could not write the cache entry ${path}: ${(err as Error).message}\n`);
    }
  }
  return dataset;
}

/**
 * The cached datasets of the `count` calendar months before `month` (oldest first), for showing
 * the last months beside a monthly report. Reads only: a month not in the cache is left out, never fetched.
 */
export async function cachedMonthsBefore(
  month: string,
  count: number,
  { org, timeZone, config, apiUrl, io, options }: { org: string; timeZone: string; config: Config; apiUrl: string; io: CliIO; options: CacheOptions },
  monthWindow: (month: string, timeZone: string) => Window,
): Promise<Dataset[]> {
  const dir = cacheDir(options, io.env, io.cwd);
  if (dir === undefined) return [];
  const [y, m] = month.split("-").map(Number) as [number, number];
  const found: Dataset[] = [];
  for (let back = count; back >= 1; back--) {
    const index = y * 12 + (m - 1) - back;
    const window = monthWindow(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`, timeZone);
    const read = await readCacheEntry(cachePath(dir, org, window, apiUrl, config), org, window);
    if ("dataset" in read) found.push(read.dataset);
  }
  return found;
}
