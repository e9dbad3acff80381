import { commentRef, windowTest, type Dataset, type Summary, type Verdict } from "@quantecon/attribution";

/**
 * The summary with automated comments written in the window counted for migration: per channel,
 * and, when they ran under a person's token (action-translation's "Translation sync completed"
 * report as mmcky), in that person's token runs and `automationUnderToken`. `summarize` counts PRs,
 * commits, issues and reviews; comments are added here so the migration tables see every
 * automated item.
 */
export function withCommentRuns(summary: Summary, dataset: Dataset, verdicts: readonly Verdict[]): Summary {
  const within = windowTest(dataset.window);
  const byRef = new Map<string, Verdict>();
  for (const v of verdicts) if (v.type === "comment" && v.class === "automation") byRef.set(v.ref, v);
  if (byRef.size === 0) return summary;
  const channels = { ...summary.channels };
  const runs = new Map(summary.tokenRuns.map((r) => [`${r.onBehalfOf}\u0000${r.kind}\u0000${r.repo}`, { ...r, refs: [...r.refs] }]));
  const people = new Map(summary.people.map((p) => [p.login, { ...p }]));
  for (const item of [...dataset.pullRequests, ...dataset.issues]) {
    item.comments?.forEach((c, i) => {
      const v = byRef.get(commentRef(item.repo, item.number, i));
      if (!v || !within(c.createdAt)) return;
      channels[v.channel] += 1;
      if (v.channel !== "personal-token" || !v.onBehalfOf) return;
      const key = `${v.onBehalfOf}\u0000${v.kind ?? "other"}\u0000${item.repo}`;
      let run = runs.get(key);
      if (!run) runs.set(key, (run = { onBehalfOf: v.onBehalfOf, kind: v.kind ?? "other", repo: item.repo, count: 0, refs: [] }));
      run.count += 1;
      run.refs.push(v.ref);
      const person = people.get(v.onBehalfOf);
      if (person) person.automationUnderToken += 1;
    });
  }
  const tokenRuns = [...runs.values()].sort(
    (a, b) => a.onBehalfOf.localeCompare(b.onBehalfOf, "en") || b.count - a.count || a.kind.localeCompare(b.kind, "en") || a.repo.localeCompare(b.repo, "en"),
  );
  return { ...summary, channels, tokenRuns, people: summary.people.map((p) => people.get(p.login) ?? p) };
}

/** Links for the comments in token runs: the item's page, and "comment on <title>". */
export function commentLinks(summary: Summary, dataset: Dataset): Map<string, { url: string; title: string }> {
  const wanted = new Set(summary.tokenRuns.flatMap((r) => r.refs.filter((ref) => ref.includes("/comment/"))));
  const out = new Map<string, { url: string; title: string }>();
  if (wanted.size === 0) return out;
  for (const item of [...dataset.pullRequests, ...dataset.issues]) {
    item.comments?.forEach((_, i) => {
      const ref = commentRef(item.repo, item.number, i);
      if (wanted.has(ref)) out.set(ref, { url: item.url, title: `comment on ${item.title}` });
    });
  }
  return out;
}
