import { validateQuery } from "@quantecon/fake-github";
import { describe, expect, it } from "vitest";
import { exampleQueries } from "./example-queries.js";

describe("every query the fetcher can send", () => {
  const queries = Object.entries(exampleQueries());
  it("covers each query builder", () => {
    expect(queries.map(([name]) => name)).toEqual(expect.arrayContaining(["listRepositoriesFirst", "lookUpRepositories", "countSearch", "searchPullRequests", "searchIssues", "commitHistory", "moreReviews", "moreLabels", "moreAssignees", "searchPullRequestsWithComments", "searchIssuesWithComments", "moreComments"]));
  });
  for (const [name, query] of queries) {
    it(`${name} is valid against GitHub's published schema`, () => {
      expect(validateQuery(query)).toEqual([]);
    });
  }
  it("would catch an invalid one", () => {
    expect(validateQuery("query { organization(login: \"x\") { repos { totalCount } } }")[0]).toMatch(/Cannot query field "repos"/);
  });
});
