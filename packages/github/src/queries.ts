/**
 * Every query the fetcher sends, built as text. Values are inlined with JSON.stringify, whose
 * output is a valid GraphQL string literal; aliases let one request carry many repositories.
 */

const RATE_LIMIT = "rateLimit { cost remaining resetAt }";

const FRAGMENTS = {
  ActorFields: "fragment ActorFields on Actor { __typename login ... on User { name } ... on Organization { name } }",
  ReviewFields: "fragment ReviewFields on PullRequestReview { author { ...ActorFields } state submittedAt }",
  PullRequestFields: `fragment PullRequestFields on PullRequest {
  id number url title body createdAt updatedAt closedAt mergedAt state isDraft
  headRefName baseRefName additions deletions changedFiles
  repository { nameWithOwner }
  headRepository { nameWithOwner }
  author { ...ActorFields }
  mergedBy { ...ActorFields }
  labels(first: 100) { totalCount nodes { name } }
  assignees(first: 100) { totalCount nodes { ...ActorFields } }
  reviews(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ...ReviewFields } }
}`,
  IssueFields: `fragment IssueFields on Issue {
  id number url title body createdAt updatedAt closedAt state
  repository { nameWithOwner }
  author { ...ActorFields }
  labels(first: 100) { totalCount nodes { name } }
}`,
  GitActorFields: "fragment GitActorFields on GitActor { name email date user { login name } }",
  CommitFields: `fragment CommitFields on Commit {
  oid url message authoredDate committedDate committedViaWeb
  author { ...GitActorFields }
  committer { ...GitActorFields }
  parents(first: 1) { totalCount }
  associatedPullRequests(first: 5) { nodes { number merged repository { nameWithOwner } } }
}`,
};

type FragmentName = keyof typeof FRAGMENTS;

const lit = (value: string): string => JSON.stringify(value);
const after = (cursor: string | null): string => (cursor ? `, after: ${lit(cursor)}` : "");

function operation(name: string, body: string, fragments: FragmentName[]): string {
  return [`query ${name} {`, `  ${RATE_LIMIT}`, body, "}", ...fragments.map((f) => FRAGMENTS[f])].join("\n");
}

/** The window, for `history(since:, until:)`: both ends are inclusive there, so the fetcher drops commits at `to`. */
export interface HistoryRange {
  since: string;
  until: string;
}

function repositoryFields(range: HistoryRange): string {
  return `nameWithOwner isArchived isFork
      defaultBranchRef { name target { ... on Commit { history(first: 1, since: ${lit(range.since)}, until: ${lit(range.until)}) { totalCount } } } }`;
}

/** One page of the organization's repositories, each with its count of commits in the window. */
export function listRepositoriesQuery(org: string, cursor: string | null, range: HistoryRange): string {
  return operation(
    "ListRepositories",
    `  organization(login: ${lit(org)}) {
    repositories(first: 100${after(cursor)}, orderBy: { field: NAME, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${repositoryFields(range)} }
    }
  }`,
    [],
  );
}

/** Named repositories looked up by alias (`r0`, `r1`, ...), with the organization to tell an unknown org from an unknown repo. */
export function lookUpRepositoriesQuery(org: string, names: readonly string[], range: HistoryRange): string {
  const aliases = names.map((name, i) => `  r${i}: repository(owner: ${lit(org)}, name: ${lit(name)}) { ${repositoryFields(range)} }`);
  return operation("LookUpRepositories", [`  organization(login: ${lit(org)}) { login }`, ...aliases].join("\n"), []);
}

/** Issue-search result counts for several queries at once (`c0`, `c1`, ...). */
export function countSearchQuery(queries: readonly string[]): string {
  return operation("CountSearch", queries.map((q, i) => `  c${i}: search(query: ${lit(q)}, type: ISSUE, first: 1) { issueCount }`).join("\n"), []);
}

/** One page of an issue search returning pull requests or issues. */
export function searchPageQuery(kind: "PullRequest" | "Issue", query: string, cursor: string | null): string {
  const fragment = kind === "PullRequest" ? "PullRequestFields" : "IssueFields";
  const fragments: FragmentName[] = kind === "PullRequest" ? ["PullRequestFields", "ReviewFields", "ActorFields"] : ["IssueFields", "ActorFields"];
  return operation(
    kind === "PullRequest" ? "SearchPullRequests" : "SearchIssues",
    `  search(query: ${lit(query)}, type: ISSUE, first: 100${after(cursor)}) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { __typename ...${fragment} }
  }`,
    fragments,
  );
}

/** One slice of a repository's default-branch history in the window. */
export interface HistorySlice {
  owner: string;
  name: string;
  first: number;
  cursor: string | null;
}

/** Default-branch history pages of several repositories at once (`r0`, `r1`, ...). */
export function commitHistoryQuery(slices: readonly HistorySlice[], range: HistoryRange): string {
  const aliases = slices.map(
    (s, i) => `  r${i}: repository(owner: ${lit(s.owner)}, name: ${lit(s.name)}) {
    defaultBranchRef { target { ... on Commit {
      history(first: ${s.first}${after(s.cursor)}, since: ${lit(range.since)}, until: ${lit(range.until)}) {
        totalCount pageInfo { hasNextPage endCursor } nodes { ...CommitFields }
      }
    } } }
  }`,
  );
  return operation("CommitHistory", aliases.join("\n"), ["CommitFields", "GitActorFields"]);
}

/** A connection of a pull request or issue that did not fit in its first page of 100. */
export interface MoreItemsRequest {
  id: string;
  kind: "PullRequest" | "Issue";
  field: "reviews" | "labels" | "assignees";
  cursor: string | null;
}

/** The next pages of long reviews, labels or assignees lists, by node id (`n0`, `n1`, ...). */
export function moreItemsQuery(requests: readonly MoreItemsRequest[]): string {
  const selection = { reviews: "...ReviewFields", labels: "name", assignees: "...ActorFields" };
  const aliases = requests.map(
    (r, i) => `  n${i}: node(id: ${lit(r.id)}) { ... on ${r.kind} { ${r.field}(first: 100${after(r.cursor)}) { pageInfo { hasNextPage endCursor } nodes { ${selection[r.field]} } } } }`,
  );
  const fragments: FragmentName[] = [];
  if (requests.some((r) => r.field === "reviews")) fragments.push("ReviewFields");
  if (requests.some((r) => r.field !== "labels")) fragments.push("ActorFields");
  return operation("MoreItems", aliases.join("\n"), fragments);
}
