import { inWindow, parseTranslationMetadata, type Dataset } from "@quantecon/attribution";
import type { ReportTranslation } from "./schema.js";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Rolls up the `translation-sync-metadata` blocks of PRs active in the window, per source repo:
 * how many upstream PRs were synced, into how many languages ("3 upstream changes → 2 languages").
 */
export function translationRollup(dataset: Dataset): ReportTranslation[] {
  const groups = new Map<string, { changes: Set<number>; languages: Set<string>; pullRequests: number; targetRepos: Set<string> }>();
  for (const pr of dataset.pullRequests) {
    const active = inWindow(pr.createdAt, dataset.window) || inWindow(pr.mergedAt, dataset.window) || inWindow(pr.closedAt, dataset.window);
    if (!active || !pr.body.includes("translation-sync-metadata")) continue;
    const meta = parseTranslationMetadata(pr.body);
    if (!meta?.sourceRepo) continue;
    let group = groups.get(meta.sourceRepo);
    if (!group) {
      group = { changes: new Set(), languages: new Set(), pullRequests: 0, targetRepos: new Set() };
      groups.set(meta.sourceRepo, group);
    }
    if (meta.sourcePR !== null) group.changes.add(meta.sourcePR);
    if (meta.targetLanguage) group.languages.add(meta.targetLanguage);
    group.pullRequests += 1;
    group.targetRepos.add(pr.repo);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sourceRepo, g]) => ({
      sourceRepo,
      upstreamChanges: g.changes.size,
      languages: [...g.languages].sort(),
      pullRequests: g.pullRequests,
      targetRepos: [...g.targetRepos].sort(),
      text: `${plural(g.changes.size, "upstream change")} → ${plural(g.languages.size, "language")}`,
    }));
}
