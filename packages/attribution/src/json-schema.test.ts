import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema, datasetJsonSchema } from "./json-schema.js";

describe("generated JSON Schemas", () => {
  it("describe the dataset's required fields and the version literal", () => {
    const schema = datasetJsonSchema() as { required: string[]; properties: Record<string, { const?: string }> };
    expect(schema.required).toEqual(expect.arrayContaining(["schema", "window", "pullRequests", "commits", "issues", "repos", "actors"]));
    expect(schema.properties.schema?.const).toBe("qe-activity/v1");
  });

  it("describe the config with no required keys and closed objects", () => {
    const schema = configJsonSchema() as { required?: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.required ?? []).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["machineAccounts", "rules", "timeZone"]));
  });

  it("match the files the build writes into the package", () => {
    const built = (name: string) => JSON.parse(readFileSync(new URL(`../schema/${name}`, import.meta.url), "utf8"));
    expect(built("qe-activity-v1.json")).toEqual(datasetJsonSchema());
    expect(built("qe-report-config.json")).toEqual(configJsonSchema());
  });
});
