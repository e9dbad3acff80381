/** What QuantEcon/action-translation records about one sync PR. */
export interface TranslationMetadata {
  sourceRepo: string | null;
  sourcePR: number | null;
  sourceLanguage: string | null;
  targetLanguage: string | null;
  files: string[];
}

const BLOCK = /<!--\s*translation-sync-metadata\s*([\s\S]*?)-->/;

const filePath = (f: unknown): string | null =>
  typeof f === "string" ? f : typeof f === "object" && f !== null && typeof (f as { path?: unknown }).path === "string" ? (f as { path: string }).path : null;

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/**
 * Reads the `<!-- translation-sync-metadata {json} -->` block of a translation-sync PR body;
 * null when there is none or it is not valid JSON (the PR is still classified by its other signals).
 */
export function parseTranslationMetadata(body: string): TranslationMetadata | null {
  const block = BLOCK.exec(body);
  if (!block) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(block[1] ?? "");
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const m = raw as Record<string, unknown>;
  const pr = m.sourcePR ?? m.sourcePr;
  return {
    sourceRepo: str(m.sourceRepo),
    sourcePR: typeof pr === "number" && Number.isInteger(pr) ? pr : typeof pr === "string" && /^\d+$/.test(pr) ? Number(pr) : null,
    sourceLanguage: str(m.sourceLanguage),
    targetLanguage: str(m.targetLanguage ?? m.language),
    // action-translation writes files as paths or as `{ path }` objects, depending on its version.
    files: Array.isArray(m.files) ? m.files.map(filePath).filter((f): f is string => f !== null) : [],
  };
}
