import { knownIdentity } from "./identities.js";
import type { Evidence } from "./verdict.js";

/*
 * AI-assisted human work: a person's commit or PR that credits an AI tool. Only exact
 * addresses count (numeric noreply ids and documented addresses, see identities.ts): a
 * co-author named "Claude" with any other address is a person. Every read here is a single
 * indexOf/lastIndexOf scan, so a hostile message costs time linear in its length.
 */

// Markers the tools write into bodies themselves.
const AI_MARKERS: ReadonlyArray<readonly [string, string]> = [
  ["Claude Code", "Generated with [Claude Code]"],
  ["Devin", "Generated with [Devin]"],
  ["Codex", "Generated with [Codex]"],
  ["Codex", "Generated with Codex"],
];

const NONE: readonly Evidence[] = Object.freeze([]);
const CO_AUTHOR = "co-authored-by:";

/** The address of a `Name <address>` value: the text inside its last `<…>`, or undefined. */
export function trailerAddress(value: string): string | undefined {
  const close = value.lastIndexOf(">");
  if (close < 0) return undefined;
  const open = value.lastIndexOf("<", close);
  if (open < 0) return undefined;
  return value.slice(open + 1, close).trim();
}

/** The AI tool a `Co-authored-by:` trailer line credits by exact address, or undefined. */
export function aiCoAuthor(line: string): string | undefined {
  const trimmed = line.trimStart();
  if (trimmed.length < CO_AUTHOR.length || trimmed.slice(0, CO_AUTHOR.length).toLowerCase() !== CO_AUTHOR) return undefined;
  const identity = knownIdentity(trailerAddress(trimmed.slice(CO_AUTHOR.length)));
  return identity && identity.degree !== "app" ? identity.brand : undefined;
}

/** Evidence that human work was AI-assisted (a co-author trailer or a tool's marker); empty when none. */
export function aiAssistance(trailers: readonly string[], body: string | undefined): readonly Evidence[] {
  let out: Evidence[] | undefined;
  for (const line of trailers) {
    const brand = aiCoAuthor(line);
    if (brand) (out ??= []).push({ rule: "builtin/ai-co-author", signal: "ai-assisted", detail: `a Co-authored-by trailer credits ${brand}, an AI assistant` });
  }
  // Every marker says "Generated with": one scan rules out nearly every body.
  if (body && body.includes("Generated with")) {
    const hit = AI_MARKERS.find(([, marker]) => body.includes(marker));
    if (hit) (out ??= []).push({ rule: "builtin/ai-marker", signal: "ai-assisted", detail: `text carries the ${hit[0]} marker` });
  }
  return out ?? NONE;
}
