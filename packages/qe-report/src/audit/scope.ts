import type { Dataset, Verdict } from "@quantecon/attribution";
import { refRepo, type Finding } from "@quantecon/attribution-audit";

/**
 * The repositories an audit speaks for: those whose workflows were read and those their steps
 * write to (targets written as `${{ … }}` name no repository and are left out).
 */
export function auditedRepos(read: readonly string[], findings: readonly Finding[]): Set<string> {
  const repos = new Set(read.map((r) => r.toLowerCase()));
  for (const f of findings) for (const t of f.targets) if (!t.includes("${{")) repos.add(t.toLowerCase());
  return repos;
}

/**
 * The part of the activity in the audited repositories, so an audit of a few repositories is not
 * blamed for automation elsewhere in the organization.
 */
export function scopeActivity(dataset: Dataset, verdicts: readonly Verdict[], repos: ReadonlySet<string>): { dataset: Dataset; verdicts: Verdict[] } {
  const keep = (repo: string): boolean => repos.has(repo.toLowerCase());
  return {
    dataset: {
      ...dataset,
      repos: dataset.repos.filter((r) => keep(r.name)),
      pullRequests: dataset.pullRequests.filter((p) => keep(p.repo)),
      commits: dataset.commits.filter((c) => keep(c.repo)),
      issues: dataset.issues.filter((i) => keep(i.repo)),
    },
    verdicts: verdicts.filter((v) => keep(refRepo(v.ref))),
  };
}
