import type { Evidence } from "./verdict.js";

// Co-author identities AI coding assistants sign with.
const AI_CO_AUTHORS: Array<[string, RegExp]> = [
  ["Claude", /^co-authored-by:\s*claude\b.*<[^>]*anthropic\.com>/i],
  ["Copilot", /^co-authored-by:\s*copilot\b.*<[^>]*copilot@users\.noreply\.github\.com>/i],
  ["Cursor", /^co-authored-by:\s*cursor\b.*<[^>]*cursor(agent)?@cursor\.(com|sh)>/i],
  ["Codex", /^co-authored-by:\s*(openai\s+)?codex\b/i],
  ["Gemini", /^co-authored-by:\s*gemini\b.*<[^>]*google\.com>/i],
  ["Devin", /^co-authored-by:\s*devin\b/i],
  ["aider", /^co-authored-by:\s*aider\b/i],
];
const AI_MARKERS: Array<[string, RegExp]> = [
  ["Claude Code", /Generated with \[Claude Code\]/],
  ["Codex", /Generated with \[?Codex\]?/],
];

const NONE: readonly Evidence[] = Object.freeze([]);

/** Evidence that human work was AI-assisted (a co-author trailer or a tool's marker); empty when none. */
export function aiAssistance(trailers: readonly string[], body: string | undefined): readonly Evidence[] {
  let out: Evidence[] | undefined;
  for (const line of trailers) {
    const hit = AI_CO_AUTHORS.find(([, re]) => re.test(line));
    if (hit) (out ??= []).push({ rule: "builtin/ai-co-author", signal: "ai-assisted", detail: `a Co-authored-by trailer credits ${hit[0]}, an AI assistant` });
  }
  // Every marker says "Generated with": one scan rules out nearly every body.
  if (body && body.includes("Generated with")) {
    const hit = AI_MARKERS.find(([, re]) => re.test(body));
    if (hit) (out ??= []).push({ rule: "builtin/ai-marker", signal: "ai-assisted", detail: `text carries the ${hit[0]} marker` });
  }
  return out ?? NONE;
}
