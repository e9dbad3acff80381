/** Scores verdicts against a generator's expectations: automation precision, recall per category, channel accuracy. */
import type { Verdict } from "@quantecon/attribution";

export interface Expected {
  class: string;
  channel: string;
  category?: string;
}

export interface Score {
  items: number;
  precision: number;
  recall: number;
  channel: number;
  /** Recall within each category of automation (`generic`, `behaviour`, ...). */
  recallBy: Record<string, { found: number; of: number; recall: number }>;
  /** Items called automation that were made as a person's work. */
  falseAutomation: string[];
}

/** Precision and recall of the automation class, channel accuracy over every item. */
export function score(verdicts: readonly Verdict[], expected: Record<string, Expected>): Score {
  let tp = 0, fp = 0, fn = 0, channelOk = 0;
  const recallBy: Score["recallBy"] = {};
  const falseAutomation: string[] = [];
  for (const v of verdicts) {
    const want = expected[v.ref];
    if (!want) throw new Error(`no expectation for ${v.ref}`);
    const isAuto = want.class === "automation";
    const saidAuto = v.class === "automation";
    if (isAuto && saidAuto) tp++;
    else if (saidAuto) {
      fp++;
      falseAutomation.push(v.ref);
    }
    else if (isAuto) fn++;
    if (v.channel === want.channel) channelOk++;
    if (isAuto) {
      const cat = (recallBy[want.category ?? "all"] ??= { found: 0, of: 0, recall: 0 });
      cat.of++;
      if (saidAuto) cat.found++;
    }
  }
  for (const cat of Object.values(recallBy)) cat.recall = cat.of === 0 ? 1 : cat.found / cat.of;
  return { items: verdicts.length, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), channel: verdicts.length === 0 ? 1 : channelOk / verdicts.length, recallBy, falseAutomation };
}

/** One line per figure, for the console. */
export function formatScore(name: string, s: Score): string {
  const cats = Object.entries(s.recallBy).map(([k, c]) => `recall[${k}] ${c.recall.toFixed(3)} (${c.found}/${c.of})`).join("  ");
  return `${name.padEnd(26)} ${s.items} items  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  channel ${s.channel.toFixed(3)}  ${cats}`;
}
