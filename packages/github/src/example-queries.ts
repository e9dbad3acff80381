import {
  commitHistoryQuery,
  countSearchQuery,
  listRepositoriesQuery,
  lookUpRepositoriesQuery,
  moreItemsQuery,
  searchPageQuery,
} from "./queries.js";
import { searchText } from "./search.js";
import { moreCommentsQuery } from "./comment-pages.js";
import { workflowFilesQuery } from "./workflows.js";

/**
 * One instance of every query the fetcher can send, with every optional part present
 * (cursors, several aliases, each follow-up field), so a test can validate them all against
 * GitHub's schema.
 */
export function exampleQueries(): Record<string, string> {
  const range = { since: "2026-05-01T00:00:00Z", until: "2026-06-01T00:00:00Z" };
  const from = Date.parse(range.since);
  const to = Date.parse(range.until);
  const search = searchText("PullRequest", "QuantEcon", { lo: from, hi: to }, to);
  return {
    listRepositoriesFirst: listRepositoriesQuery("QuantEcon", null, range),
    listRepositoriesNext: listRepositoriesQuery("QuantEcon", "Y3Vyc29yOnYyOjk5", range),
    lookUpRepositories: lookUpRepositoriesQuery("QuantEcon", ["meta", "lecture-python.myst"], range),
    countSearch: countSearchQuery([search, searchText("Issue", "QuantEcon", { lo: from, hi: null }, to)]),
    searchPullRequests: searchPageQuery("PullRequest", search, "Y3Vyc29yOnYyOjk5"),
    searchIssues: searchPageQuery("Issue", searchText("Issue", "QuantEcon", { lo: from, hi: null }, to), null),
    commitHistory: commitHistoryQuery(
      [
        { owner: "QuantEcon", name: "meta", first: 100, cursor: null },
        { owner: "QuantEcon", name: "lecture-python.myst", first: 7, cursor: "Y3Vyc29yOnYyOjk5" },
      ],
      range,
    ),
    moreReviews: moreItemsQuery([{ id: "PR_x", kind: "PullRequest", field: "reviews", cursor: "Y3Vyc29yOnYyOjk5" }]),
    moreLabels: moreItemsQuery([
      { id: "PR_x", kind: "PullRequest", field: "labels", cursor: null },
      { id: "I_x", kind: "Issue", field: "labels", cursor: null },
    ]),
    searchPullRequestsWithComments: searchPageQuery("PullRequest", search, null, true),
    searchIssuesWithComments: searchPageQuery("Issue", searchText("Issue", "QuantEcon", { lo: from, hi: null }, to), "Y3Vyc29yOnYyOjk5", true),
    moreComments: moreCommentsQuery([
      { id: "PR_x", kind: "PullRequest", cursor: "Y3Vyc29yOnYyOjk5" },
      { id: "I_x", kind: "Issue", cursor: "Y3Vyc29yOnYyOjk5" },
    ]),
    moreAssignees: moreItemsQuery([{ id: "PR_x", kind: "PullRequest", field: "assignees", cursor: null }]),
    workflowFiles: workflowFilesQuery([
      { owner: "QuantEcon", name: "meta" },
      { owner: "QuantEcon", name: "lecture-python.myst" },
    ]),
  };
}
