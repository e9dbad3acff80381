import { describe, expect, it } from "vitest";
import { previousMonth } from "./collect.js";
import { inputsFromEnv, listInput, readInputs } from "./inputs.js";

const read = (env: Record<string, string>) => readInputs(inputsFromEnv(env), env);

describe("readInputs", () => {
  it("reads INPUT_* as the runner sets them, hyphens kept, with the documented defaults", () => {
    const inputs = read({ "INPUT_ORGANIZATION": "QuantEcon", "INPUT_GITHUB-TOKEN": "t", "INPUT_EXCLUDE-REPOS": "test-.*\n# a comment\nold-site, scratch", "INPUT_FAIL-ON": "Personal" });
    expect(inputs).toMatchObject({ organization: "QuantEcon", githubToken: "t", excludeRepos: ["test-.*", "old-site", "scratch"], failOn: "personal", audit: true, dryRun: false, fetchPrevious: true, outputDir: "qe-report", postTo: undefined });
  });

  it("falls back to the repository owner for the organization", () => {
    expect(read({ GITHUB_REPOSITORY_OWNER: "my-org" }).organization).toBe("my-org");
  });

  it.each([
    [{ "INPUT_ORGANIZATION": "QuantEcon", "INPUT_AUDIT": "maybe" }, 'input audit: "maybe" is not a boolean (true or false)'],
    [{ "INPUT_ORGANIZATION": "QuantEcon", "INPUT_POST-TO": "meta" }, 'input post-to: "meta" is not OWNER/REPO'],
    [{ "INPUT_ORGANIZATION": "QuantEcon", "INPUT_APP-ID": "1" }, "input private-key is missing: a GitHub App needs both app-id and private-key"],
    [{ "INPUT_ORGANIZATION": "QuantEcon", "INPUT_FAIL-ON": "people" }, 'input fail-on: "people" is not a gate (the one gate is "personal")'],
    [{ "INPUT_ORGANIZATION": "QuantEcon", "INPUT_TRACK-EXTERNAL-REPOS": "nope" }, 'input track-external-repos: "nope" is not OWNER/REPO'],
    [{ "INPUT_ORGANIZATION": "not an org" }, 'input organization: "not an org" is not a GitHub organization login'],
  ])("refuses %o with one line", (env, message) => {
    expect(() => read(env)).toThrow(message);
  });
});

it("listInput splits on lines and commas and drops blanks and comments", () => {
  expect(listInput(" a ,b\n\n# c\nd")).toEqual(["a", "b", "d"]);
});

it("previousMonth crosses the year", () => {
  expect(previousMonth("2026-01")).toBe("2025-12");
  expect(previousMonth("2026-10")).toBe("2026-09");
});
