import type { Dataset, ItemType, Verdict } from "@quantecon/attribution";
import type { Discrepancy, DiscrepancyCode, Finding } from "./audit-schema.js";

const NOUNS: Record<ItemType, [string, string]> = {
  pullRequest: ["PR", "PRs"],
  issue: ["issue", "issues"],
  review: ["review", "reviews"],
  commit: ["commit", "commits"],
  comment: ["comment", "comments"],
};

const SEVERITY: Record<DiscrepancyCode, Discrepancy["severity"]> = {
  "secret-holds-personal-token": "error",
  "secret-unset-fallback": "warning",
  "unexplained-personal-automation": "warning",
  "secret-holds-machine-token": "info",
};

/** The repository part of an attribution-v1 ref (`owner/repo#N`, `owner/repo@oid`, `owner/repo#N/review/i`). */
export function refRepo(ref: string): string {
  return ref.split(/[#@]/)[0] ?? ref;
}

/** True when a finding plausibly produced the item: item type, kind and target repository all fit. */
export function findingProduces(finding: Finding, verdict: Verdict): boolean {
  if (verdict.class !== "automation" || verdict.kind === null) return false;
  if (!finding.produces.includes(verdict.type)) return false;
  if (!finding.kinds.includes(verdict.kind)) return false;
  const repo = refRepo(verdict.ref).toLowerCase();
  // A target the workflow computes at run time (`${{ matrix.repo }}`) could be any repo.
  return finding.targets.some((t) => t.includes("${{") || t.toLowerCase() === repo);
}

interface Group {
  code: DiscrepancyCode;
  finding: Finding | null;
  findingIds: Set<string>;
  secret: string | null;
  kind: string;
  itemType: ItemType;
  person: string | null;
  refs: Set<string>;
  repos: Set<string>;
}

/**
 * Compares each workflow's credential with who GitHub shows on the items it produces.
 * Codes: `secret-holds-personal-token` (a machine secret, but a person authored the items),
 * `secret-unset-fallback` (a machine secret with a GITHUB_TOKEN fallback, but github-actions
 * authored them), `secret-holds-machine-token` (an undeclared secret whose items the machine
 * account authored), `unexplained-personal-automation` (personal-token items no workflow explains).
 */
export function crossCheckAudit(findings: readonly Finding[], dataset: Dataset, verdicts: readonly Verdict[]): Discrepancy[] {
  const groups = new Map<string, Group>();
  const add = (code: DiscrepancyCode, finding: Finding | null, verdict: Verdict, person: string | null) => {
    const kind = verdict.kind ?? "other";
    const key = JSON.stringify([code, finding?.repo, finding?.path, finding?.secret, kind, verdict.type, person, finding ? null : refRepo(verdict.ref)]);
    let group = groups.get(key);
    if (!group) {
      group = { code, finding, findingIds: new Set(), secret: finding?.secret ?? null, kind, itemType: verdict.type, person, refs: new Set(), repos: new Set() };
      groups.set(key, group);
    }
    if (finding) group.findingIds.add(finding.id);
    group.refs.add(verdict.ref);
    group.repos.add(refRepo(verdict.ref));
  };

  const commitsInPrs = new Set(dataset.commits.filter((c) => c.pullRequest !== null).map((c) => `${c.repo}@${c.oid}`));
  for (const verdict of verdicts) {
    const producers = findings.filter((f) => findingProduces(f, verdict));
    for (const finding of producers) {
      if (finding.channel === "machine-account" && verdict.channel === "personal-token") {
        add("secret-holds-personal-token", finding, verdict, verdict.onBehalfOf ?? verdict.actor);
      } else if (finding.channel === "machine-account" && verdict.channel === "github-actions" && finding.credential.fallbacks.includes("GITHUB_TOKEN")) {
        add("secret-unset-fallback", finding, verdict, null);
      } else if (finding.channel === "personal-token" && finding.secret && verdict.channel === "machine-account") {
        add("secret-holds-machine-token", finding, verdict, verdict.actor);
      }
    }
    // A commit a PR introduced echoes the PR's verdict; count the PR only.
    const echo = verdict.type === "commit" && commitsInPrs.has(verdict.ref);
    if (producers.length === 0 && verdict.class === "automation" && verdict.channel === "personal-token" && !echo) {
      add("unexplained-personal-automation", null, verdict, verdict.onBehalfOf ?? verdict.actor);
    }
  }
  return [...groups.values()].map((g) => toDiscrepancy(g)).sort(compareDiscrepancies);
}

function toDiscrepancy(g: Group): Discrepancy {
  const count = g.refs.size;
  const items = `${count} ${g.kind} ${NOUNS[g.itemType][count === 1 ? 0 : 1]}`;
  const repos = [...g.repos].sort(compare);
  const where = `in ${repos.join(", ")}`;
  const f = g.finding;
  const workflow = f ? `${f.workflow} (${f.repo}: ${f.path})` : null;
  const who = g.person ?? "an unknown account";
  const were = count === 1 ? "was" : "were";
  const message = ((): string => {
    switch (g.code) {
      case "secret-holds-personal-token":
        return `${g.secret} is set in ${workflow}, yet ${items} ${where} in the window ${were} authored by ${who}: the secret still holds ${who}'s token.`;
      case "secret-unset-fallback":
        return `${g.secret} is set in ${workflow}, yet ${items} ${where} in the window ${were} authored by github-actions: the secret is empty there, so the GITHUB_TOKEN fallback ran (which triggers no workflows, so no CI).`;
      case "secret-holds-machine-token":
        return `${g.secret} in ${workflow} is not declared as a machine account's secret, yet ${items} ${where} in the window ${were} authored by ${who}: it seems to hold ${who}'s token; add it to machineAccounts[].secrets.`;
      case "unexplained-personal-automation":
        return `${items} ${where} in the window ran under ${who}'s personal token, and no audited workflow explains it: the source may be a repo not audited, a workflow changed since, or a script run by hand.`;
    }
  })();
  return {
    code: g.code,
    severity: SEVERITY[g.code],
    message,
    repo: f?.repo ?? null,
    path: f?.path ?? null,
    workflow: f?.workflow ?? null,
    url: f?.url ?? null,
    secret: g.secret,
    kind: g.kind,
    itemType: g.itemType,
    person: g.person,
    count,
    itemRepos: repos,
    refs: [...g.refs].sort(compare),
    findingIds: [...g.findingIds].sort(compare),
  };
}

const collator = new Intl.Collator("en", { numeric: true });
const compare = (a: string, b: string): number => collator.compare(a, b);
const RANK = { error: 0, warning: 1, info: 2 } as const;

function compareDiscrepancies(a: Discrepancy, b: Discrepancy): number {
  return (
    RANK[a.severity] - RANK[b.severity] ||
    compare(a.code, b.code) ||
    compare(a.repo ?? "", b.repo ?? "") ||
    compare(a.path ?? "", b.path ?? "") ||
    compare(a.kind ?? "", b.kind ?? "") ||
    compare(a.itemType, b.itemType) ||
    compare(a.person ?? "", b.person ?? "") ||
    compare(a.itemRepos.join(), b.itemRepos.join())
  );
}
