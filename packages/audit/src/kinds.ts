/**
 * Which automation kind (attribution-v1 `kind`) a writing step most likely produces.
 * First match wins, so the specific patterns come before the general ones; the haystack is
 * the workflow name and path, job id, step name and the step's inputs or script.
 */
export const KIND_KEYWORDS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: "translation-sync", pattern: /translat|\bi18n\b|zh-cn/i },
  { kind: "notebook-publish", pattern: /notebook|ipynb|jupytext/i },
  { kind: "dependency-update", pattern: /dependabot|renovate|dependenc|\bbump\b|pre-commit autoupdate|update (?:actions|packages|requirements|environment|lock)/i },
  { kind: "report", pattern: /\breport\b|weekly|monthly|digest/i },
  { kind: "release", pattern: /\brelease\b|changelog|\btag\b/i },
  { kind: "style-review", pattern: /style|lint|\breview\b/i },
  { kind: "content-sync", pattern: /\bsync\b|mirror|copy|propagat/i },
];

/** The kinds a writing step produces: the first keyword match in the haystack, else the fallback. */
export function inferKinds(haystack: readonly (string | null | undefined)[], fallback: readonly string[]): string[] {
  const text = haystack.filter((s): s is string => typeof s === "string").join("\n");
  for (const { kind, pattern } of KIND_KEYWORDS) if (pattern.test(text)) return [kind];
  return [...fallback];
}
