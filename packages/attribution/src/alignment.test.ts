import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inDatasetOrder } from "./alignment.js";
import { classify } from "./classify.js";
import { parseDataset, type Comment, type Dataset } from "./dataset.js";
import { summarize } from "./summarize.js";

const base = parseDataset(JSON.parse(readFileSync(new URL("./fixtures/small-month.json", import.meta.url), "utf8")));
const said = (author: string, createdAt: string, body: string): Comment => ({ author, createdAt, authorAssociation: "MEMBER", body });
// The fixture with conversation comments on its first PR and first issue: verdicts end with them.
const dataset: Dataset = {
  ...base,
  pullRequests: base.pullRequests.map((pr, i) => (i === 0 ? { ...pr, comments: [said("jstac", pr.createdAt, "Looks good"), said("mmcky", pr.createdAt, "Thanks")] } : pr)),
  issues: base.issues.map((issue, i) => (i === 0 ? { ...issue, comments: [said("jstac", issue.createdAt, "On it")] } : issue)),
};

describe("inDatasetOrder", () => {
  const verdicts = classify(dataset, undefined);

  it("accepts classify's verdicts, plain or with flat refs", () => {
    expect(verdicts.at(-1)?.type).toBe("comment");
    expect(inDatasetOrder(dataset, verdicts)).toBe(true);
    expect(inDatasetOrder(dataset, classify(dataset, undefined, { flatRefs: true }))).toBe(true);
  });

  it("refuses a list of another length, another order, or with its last verdict another item's", () => {
    expect(inDatasetOrder(dataset, verdicts.slice(1))).toBe(false);
    expect(inDatasetOrder(dataset, [...verdicts].reverse())).toBe(false);
    const swapped = [...verdicts];
    [swapped[swapped.length - 1], swapped[swapped.length - 2]] = [swapped[swapped.length - 2]!, swapped[swapped.length - 1]!];
    expect(inDatasetOrder(dataset, swapped)).toBe(false);
  });

  it("samples a long list: accepts it in order, refuses a sampled place that is another item's", () => {
    // 40 copies of the fixture's PRs (new numbers), so about one place in several is compared.
    const many: Dataset = {
      ...dataset,
      pullRequests: Array.from({ length: 40 }, (_, copy) => dataset.pullRequests.map((pr) => ({ ...pr, number: pr.number + 1000 * (copy + 1) }))).flat(),
    };
    const list = classify(many, undefined);
    expect(list.length).toBeGreaterThan(4 * 64);
    expect(inDatasetOrder(many, list)).toBe(true);
    const moved = [...list];
    [moved[0], moved[1]] = [moved[1]!, moved[0]!];
    expect(inDatasetOrder(many, moved)).toBe(false);
    const lastSwapped = [...list];
    [lastSwapped[list.length - 1], lastSwapped[list.length - 2]] = [lastSwapped[list.length - 2]!, lastSwapped[list.length - 1]!];
    expect(inDatasetOrder(many, lastSwapped)).toBe(false);
  });

  it("lets summarize read a reordered list by ref, with the same counts", () => {
    const reordered = [...verdicts].reverse();
    expect(summarize(dataset, reordered)).toEqual(summarize(dataset, verdicts));
  });
});

describe("flat refs", () => {
  it("change nothing but how the ref strings are made", () => {
    expect(classify(dataset, undefined, { flatRefs: true })).toEqual(classify(dataset, undefined));
  });
});
