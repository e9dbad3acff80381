import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig, safeParseConfig } from "./config.js";
import { parseDataset } from "./dataset.js";
import { AttributionError } from "./errors.js";

const good = JSON.parse(readFileSync(new URL("./fixtures/small-month.json", import.meta.url), "utf8")) as Record<string, unknown>;

function datasetError(mutate: (d: any) => void): AttributionError {
  const copy = structuredClone(good);
  mutate(copy);
  try {
    parseDataset(copy);
  } catch (error) {
    expect(error).toBeInstanceOf(AttributionError);
    return error as AttributionError;
  }
  throw new Error("expected the dataset to be rejected");
}

function configError(input: unknown): string {
  const result = safeParseConfig(input);
  if (result.ok) throw new Error("expected the config to be rejected");
  expect(() => parseConfig(input)).toThrow(AttributionError);
  return result.errors[0] ?? "";
}

describe("dataset validation", () => {
  it("accepts the fixture", () => {
    expect(parseDataset(good).pullRequests).toHaveLength(6);
  });

  it.each([
    ["wrong schema version", (d: any) => (d.schema = "qe-activity/v2"), 'dataset.schema: unsupported version "qe-activity/v2" (this version reads "qe-activity/v1")'],
    ["missing schema", (d: any) => delete d.schema, 'dataset.schema: is required (expected "qe-activity/v1")'],
    ["missing required field", (d: any) => delete d.pullRequests[2].headRef, "dataset.pullRequests[2].headRef: is required (expected a string)"],
    ["wrong type", (d: any) => (d.commits[1].parents = "one"), "dataset.commits[1].parents: expected a number, got a string"],
    ["bad enum", (d: any) => (d.pullRequests[0].state = "DONE"), 'dataset.pullRequests[0].state: expected one of "OPEN", "CLOSED", "MERGED", got "DONE"'],
    ["bad timestamp", (d: any) => (d.issues[0].createdAt = "yesterday"), "dataset.issues[0].createdAt: Invalid ISO datetime"],
    ["bad oid", (d: any) => (d.commits[0].oid = "xyz"), "dataset.commits[0].oid: expected a 40-character hex object id"],
    ["bad repo name", (d: any) => (d.repos[0].name = "meta"), 'dataset.repos[0].name: expected "owner/name"'],
    ["window backwards", (d: any) => (d.window.to = "2026-04-01T00:00:00Z"), "dataset.window.to: must be later than window.from"],
    ["duplicate item", (d: any) => d.issues.push(structuredClone(d.issues[0])), "dataset.issues[4]: duplicate item QuantEcon/meta#400 (already a pull request or issue)"],
    ["not an object", (d: any) => d, ""],
  ])("rejects %s with one line naming the field", (_name, mutate, line) => {
    if (!line) {
      expect(() => parseDataset([1, 2])).toThrow("dataset: expected a JSON object, got an array");
      return;
    }
    const error = datasetError(mutate);
    expect(error.code).toBe("E_INVALID_DATASET");
    expect(error.message.split("\n")).toHaveLength(1);
    expect(error.problems[0]).toBe(line);
  });
});

describe("config validation", () => {
  it("applies defaults to an empty config", () => {
    const config = parseConfig({});
    expect(config.timeZone).toBe("UTC");
    expect(config.rules).toEqual([]);
    expect(parseConfig(undefined).machineAccounts).toEqual([]);
  });

  it.each([
    ["wrong type", { machineAccounts: [{ login: 42 }] }, "config.machineAccounts[0].login: expected a string, got a number"],
    ["unknown top-level key", { machineAcounts: [] }, 'config: unknown key "machineAcounts"'],
    ["unknown rule key", { rules: [{ id: "a", on: ["issue"], kind: "x", match: { titel: "x" } }] }, 'config.rules[0].match: unknown key "titel"'],
    ["bad regex", { rules: [{ id: "a", on: ["issue"], kind: "x", match: { title: "([unclosed" } }] }, 'config.rules[0].match.title: invalid regular expression "([unclosed":'],
    ["bad time zone", { timeZone: "Mars/Olympus" }, "config.timeZone: unknown IANA time zone"],
    ["bad item type", { rules: [{ id: "a", on: ["discussion"], kind: "x", match: { title: "x" } }] }, 'config.rules[0].on[0]: expected one of "pullRequest", "commit", "issue", "review", "comment", got "discussion"'],
    ["automation rule without kind", { rules: [{ id: "a", on: ["issue"], match: { title: "x" } }] }, "config.rules[0].kind: is required for an automation rule"],
    ["empty match", { rules: [{ id: "a", on: ["issue"], kind: "x", match: {} }] }, "config.rules[0].match"],
    ["duplicate rule id", { rules: [{ id: "a", on: ["issue"], kind: "x", match: { title: "x" } }, { id: "a", on: ["issue"], kind: "y", match: { title: "y" } }] }, 'config.rules[1].id: duplicate rule id "a" (also rules[0])'],
    ["bad repo exclude regex", { repos: { exclude: ["lecture-(.*"] } }, "config.repos.exclude[0]: invalid regular expression"],
    ["missing machine account login", { machineAccounts: [{ names: ["Bot"] }] }, "config.machineAccounts[0].login: is required (expected a string)"],
  ])("rejects %s with the path and key", (_name, input, line) => {
    expect(configError(input)).toContain(line);
  });
});
