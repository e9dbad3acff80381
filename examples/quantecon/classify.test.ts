import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { classify, parseConfig, parseDataset, summarize } from "@quantecon/attribution";

const read = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");
const dataset = parseDataset(JSON.parse(read("./demo-2026-05.json")));
const config = parseConfig(parse(read("./qe-report.config.yaml")));
// Written by the generator from how it made each item, never from classify's output.
const expected = (JSON.parse(read("./demo-2026-05.expected.json")) as { verdicts: Record<string, Record<string, unknown>> }).verdicts;
const verdicts = classify(dataset, config);
// The generator names an unlinked git identity by its git name; classify joins it to the one
// account the dataset gives that full name (issue 8: one person, one row); automation keeps its git name.
const accountByName = new Map(dataset.actors.filter((a) => a.type === "User" && a.name?.includes(" ")).map((a) => [a.name as string, a.login]));
const joined = (actor: unknown) => (typeof actor === "string" && accountByName.get(actor)) || actor;

describe("the QuantEcon preset on the demo month", () => {
  it("classifies exactly the items the dataset holds", () => {
    expect(verdicts.map((v) => v.ref).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(verdicts.map((v) => [v.ref, v] as const))("%s", (ref, verdict) => {
    const want = expected[ref];
    expect({ class: verdict.class, channel: verdict.channel, kind: verdict.kind, onBehalfOf: verdict.onBehalfOf, actor: verdict.actor }, String(want?.scenario)).toEqual({
      class: want?.class,
      channel: want?.channel,
      kind: want?.kind,
      onBehalfOf: want?.onBehalfOf,
      actor: want?.class === "human" ? joined(want.actor) : want?.actor,
    });
  });

  it("takes mmcky's token runs out of his human work", () => {
    const summary = summarize(dataset, verdicts);
    const mmcky = summary.people.find((p) => p.login === "mmcky");
    const underToken = Object.entries(expected).filter(([, v]) => v.channel === "personal-token" && v.onBehalfOf === "mmcky").length;
    expect(underToken).toBeGreaterThan(50);
    expect(mmcky?.automationUnderToken).toBeGreaterThan(0);
    expect(summary.tokenRuns.every((r) => r.onBehalfOf === "mmcky")).toBe(true);
  });

  it("is validated by the config schema with every rule id unique", () => {
    expect(new Set(config.rules.map((r) => r.id)).size).toBe(config.rules.length);
    expect(config.machineAccounts.map((m) => m.login)).toEqual(["quantecon-services"]);
  });
});
