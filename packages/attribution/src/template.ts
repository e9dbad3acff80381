/*
 * The shape of a title or message line: words kept, slots (anything with a digit, a path, a
 * version, an address, a quoted or `#ref` token) folded to one placeholder, so `Bump numpy
 * from 1.2 to 1.3` and `Bump numpy from 1.3 to 1.4` share a shape while hand-written lines
 * rarely do. One scan, no regex, no allocation for the hash.
 */

const SLOT = 0x2a; // "*"


// Characters that make a token a slot: digits and the punctuation of paths, versions, refs.
// Characters that make a token a slot: digits and the punctuation of paths, refs, quotes.
const SLOT_CHARS = new Uint8Array(128);
for (const c of "0123456789/@#`\"_") SLOT_CHARS[c.charCodeAt(0)] = 1;

// A full stop counts only inside a token (`file.md`, `1.2`), not ending a sentence.
function isSlotAt(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 46) {
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 32;
    return !(next === 32 || next === 10 || next === 9 || next === 13);
  }
  return c < 128 && SLOT_CHARS[c] === 1;
}

/** Read every line, not just the first (bodies). */
export const WHOLE = 1;
/** Treat `-`, `_` and `/` as spaces (branch names). */
export const BRANCH = 2;

/** A 30-bit hash of a line's shape (first line only, at most 200 characters), case-insensitive. */
export function shapeHash(text: string, mode = 0): number {
  const whole = (mode & WHOLE) !== 0;
  const branch = (mode & BRANCH) !== 0;
  const end = text.length < 200 ? text.length : 200;
  let h = 0x811c9dc5 | 0;
  let token = 0;
  let inToken = false;
  let slot = false;
  let lastWasSlot = false;
  let i = 0;
  for (; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === 10) {
      if (!whole) break;
      c = 32;
    } else if (branch && (c === 45 || c === 95 || c === 47)) c = 32;
    if (c === 32 || c === 9 || c === 13) {
      if (inToken) {
        if (!slot) {
          h = Math.imul(h ^ token, 0x01000193);
          lastWasSlot = false;
        } else if (!lastWasSlot) {
          h = Math.imul(h ^ SLOT, 0x01000193);
          lastWasSlot = true;
        }
        inToken = false;
      }
      continue;
    }
    if (!inToken) {
      inToken = true;
      slot = false;
      token = 0x811c9dc5 | 0;
    }
    if (!slot) {
      if (c === 46) {
        // A full stop counts only inside a token (`file.md`, `1.2`), not ending a sentence.
        const next = i + 1 < end ? text.charCodeAt(i + 1) : 32;
        slot = !(next === 32 || next === 10 || next === 9 || next === 13);
      } else slot = c < 128 && SLOT_CHARS[c] === 1;
    }
    // ASCII lower-casing is enough for a shape.
    token = Math.imul(token ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
  if (inToken) {
    if (!slot) h = Math.imul(h ^ token, 0x01000193);
    else if (!lastWasSlot) h = Math.imul(h ^ SLOT, 0x01000193);
  }
  // 30 bits: a small integer to V8, so maps keyed by shapes allocate nothing.
  return h & 0x3fffffff;
}

/** The readable shape of a line, for evidence: `bump numpy from * to *`. */
export function shapeOf(text: string): string {
  const line = text.slice(0, Math.min(text.length, 200)).split("\n")[0] ?? "";
  const out: string[] = [];
  for (const token of line.split(/[ \t\r]+/)) {
    if (!token) continue;
    let slot = false;
    for (let i = 0; i < token.length && !slot; i++) slot = isSlotAt(token, i, token.length);
    if (slot) {
      if (out[out.length - 1] !== "*") out.push("*");
    } else out.push(token.toLowerCase());
  }
  return out.join(" ");
}

// First lines that read like automation: dependency bumps, releases, syncs, CI-skipping pushes.
const AUTOMATION_OPENINGS = [
  "bump ", "chore(deps", "build(deps", "chore(release", "chore: release", "chore(main): release", "release ", "release:", "version ",
  "update dependency", "update dependencies", "automated ", "automatic ", "auto-update", "auto update", "autoupdate", "auto-generated",
  "auto publishing", "auto-publish", "sync ", "synchronize", "nightly", "weekly ", "daily ", "scheduled ", "regenerate", "deploy",
  "deploying ", "publish ", "update submodule", "[bot]", "[automated]", "[auto]", "[create-pull-request]", "[ci skip]", "[skip ci]",
  "update lock", "update lockfile", "lock file maintenance", "update changelog", "update version", "set version", "prepare release",
  "re-rendered with", "mnt: re-rendered", "rerender", "changelog for v", "[bot-automerge]",
];
const AUTOMATION_INSIDE = ["[ci skip]", "[skip ci]", "***no_ci***", "[bot]", "automated change", "automatically generated", "migration"];

const VERSION_ONLY = /^v?\d+\.\d+(\.\d+)?([-+.][0-9a-z.]+)?$/;

/** Whether a first line reads like automation (a weak signal: people write "Release 1.2" too). */
export function readsLikeAutomation(text: string): boolean {
  const head = text.slice(0, 120).toLowerCase();
  const nl = head.indexOf("\n");
  const line = nl < 0 ? head : head.slice(0, nl);
  // Strip a leading emoji or symbol run (`⬆️ Bump`, `🔄 resync`).
  let start = 0;
  while (start < line.length && start < 8 && line.charCodeAt(start) > 0x7f) start++;
  while (start < line.length && line.charCodeAt(start) === 32) start++;
  const from = start === 0 ? line : line.slice(start);
  for (const opening of AUTOMATION_OPENINGS) if (from.startsWith(opening)) return true;
  // A bare version (`9.3.0`, `v10.2.0`) is what `npm version` and release tools write.
  if (VERSION_ONLY.test(from.trim())) return true;
  let inside = 0;
  for (const word of AUTOMATION_INSIDE) if (line.includes(word)) inside++;
  // "migration" alone is a person's word; with a CI-skip marker it is a bot's.
  return inside >= 2 || (inside === 1 && !line.includes("migration"));
}

/** The kind a behaviour-found automation most likely is, from its first line. */
export function kindFromText(text: string): string {
  const line = text.slice(0, 120).toLowerCase();
  if (/^\W*(bump |chore\(deps|build\(deps|update dependenc|lock file maintenance)/.test(line)) return "dependency-update";
  if (/(release|version|changelog|lock ?file|package-lock|pnpm-lock|yarn\.lock|cargo\.lock|poetry\.lock)/.test(line) || VERSION_ONLY.test(line.split("\n")[0]?.trim() ?? "")) return "release";
  if (/(deploy|publish|^\[ci\]|format|lint|prettier|pre-commit)/.test(line)) return "ci";
  if (/(sync|synchroni)/.test(line)) return "content-sync";
  return "other";
}
