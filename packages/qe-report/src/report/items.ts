import { commentRef, commitRef, inDatasetOrder, itemRef, reviewRef, type Dataset, type Verdict } from "@quantecon/attribution";
import type { ReportItem } from "./schema.js";

/** The rule that decided a verdict: its closing `verdict` line's, else its first line's. */
export function decidingRule(v: Verdict): string {
  const last = v.evidence[v.evidence.length - 1];
  if (last && last.signal === "verdict") return last.rule;
  return v.evidence[0]?.rule ?? "";
}

function item(v: Verdict, repo: string, url: string, title: string, date: string, firstHumanResponseAt?: string | null): ReportItem {
  // One literal, keys in the schema's order: the JSON writer's fast path relies on this shape.
  if (firstHumanResponseAt !== undefined) {
    return {
      ref: v.ref,
      type: v.type,
      repo,
      url,
      title,
      date,
      class: v.class,
      channel: v.channel,
      kind: v.kind,
      actor: v.actor,
      onBehalfOf: v.onBehalfOf,
      rule: decidingRule(v),
      evidence: v.evidence,
      firstHumanResponseAt,
    };
  }
  return {
    ref: v.ref,
    type: v.type,
    repo,
    url,
    title,
    date,
    class: v.class,
    channel: v.channel,
    kind: v.kind,
    actor: v.actor,
    onBehalfOf: v.onBehalfOf,
    rule: decidingRule(v),
    evidence: v.evidence,
  };
}

const isItem = (v: Verdict): boolean => v.type === "pullRequest" || v.type === "issue";

const subject = (message: string): string => {
  const end = message.indexOf("\n");
  return end < 0 ? message : message.slice(0, end);
};

/** Each PR's and issue's first human response, in dataset order (undefined: not measured, no field). */
export interface FirstResponses {
  pullRequests: readonly (string | null | undefined)[];
  issues: readonly (string | null | undefined)[];
}

const NONE: FirstResponses = { pullRequests: [], issues: [] };

/**
 * One analysable row per verdict: the verdict with the item's repository, URL, title, date and
 * deciding rule, so a spreadsheet needs no join back to the dataset. Items come in dataset order
 * (the order `classify` gives); verdicts in another order are matched by ref. PRs and issues get
 * `firstHumanResponseAt` from `firstResponses` (responseTimes'), where it has one.
 */
export function reportItems(dataset: Dataset, verdicts: readonly Verdict[], options: { reuse?: Verdict[]; firstResponses?: FirstResponses } = {}): ReportItem[] {
  const first = options.firstResponses ?? NONE;
  // In classify's order (checked on a sample), by position; in any other, by ref.
  const inOrder = inDatasetOrder(dataset, verdicts);
  let cursor = 0;
  let byRef: Map<string, Verdict> | undefined;
  // Refs are made only when the list is not in order: comparing each would read every ref.
  const verdictOf = (ref: () => string): Verdict | undefined => {
    if (inOrder) return verdicts[cursor++];
    byRef ??= new Map(verdicts.map((v) => [v.ref, v] as const));
    return byRef.get(ref());
  };
  // With `reuse` (the caller's own array of these verdicts, not needed afterwards), each item
  // takes its verdict's slot: the verdicts die as the items are made instead of living beside
  // them, which keeps a million-item report ~100 MB lower at its peak.
  const target = options.reuse === verdicts ? (options.reuse as unknown as ReportItem[]) : undefined;
  const out: ReportItem[] = target ?? [];
  let length = 0;
  const push = (row: ReportItem): void => {
    out[length++] = row;
  };
  for (let k = 0; k < dataset.pullRequests.length; k++) {
    const pr = dataset.pullRequests[k] as Dataset["pullRequests"][number];
    const v = verdictOf(() => itemRef(pr.repo, pr.number));
    if (v) push(item(v, pr.repo, pr.url, pr.title, pr.createdAt, isItem(v) ? first.pullRequests[k] : undefined));
    for (let i = 0; i < pr.reviews.length; i++) {
      const r = verdictOf(() => reviewRef(pr.repo, pr.number, i));
      if (r) push(item(r, pr.repo, pr.url, pr.title, pr.reviews[i]?.submittedAt ?? pr.createdAt));
    }
  }
  for (const c of dataset.commits) {
    const v = verdictOf(() => commitRef(c.repo, c.oid));
    if (v) push(item(v, c.repo, c.url, subject(c.message), c.committedAt));
  }
  for (let k = 0; k < dataset.issues.length; k++) {
    const issue = dataset.issues[k] as Dataset["issues"][number];
    const v = verdictOf(() => itemRef(issue.repo, issue.number));
    if (v) push(item(v, issue.repo, issue.url, issue.title, issue.createdAt, isItem(v) ? first.issues[k] : undefined));
  }
  // Comment verdicts come last, PRs' threads then issues', as classify gives them.
  for (const list of [dataset.pullRequests, dataset.issues] as const) {
    for (const it of list) {
      const thread = it.comments;
      if (!thread) continue;
      for (let i = 0; i < thread.length; i++) {
        const v = verdictOf(() => commentRef(it.repo, it.number, i));
        if (v) push(item(v, it.repo, it.url, it.title, thread[i]?.createdAt ?? it.createdAt));
      }
    }
  }
  out.length = length;
  return out;
}
