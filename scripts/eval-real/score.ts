/** Scores verdicts against labels: automation precision and recall, channel accuracy. */
import type { Evidence } from "@quantecon/attribution";
import type { Label } from "./label-rules.js";

/** What a classifier said about one commit. */
export interface Prediction {
  class: "human" | "automation";
  channel: string;
  /** The verdict's reasons, shown with `--errors`. */
  evidence?: readonly Evidence[];
}

/** Counts of one repository or set. */
export interface Score {
  commits: number;
  labelledAutomation: number;
  tp: number;
  fp: number;
  fn: number;
  channelRight: number;
  /** Labelled commits the dataset no longer holds (a newer or older snapshot). */
  missing: number;
}

/** An empty score. */
export const emptyScore = (): Score => ({ commits: 0, labelledAutomation: 0, tp: 0, fp: 0, fn: 0, channelRight: 0, missing: 0 });

/** Adds `b` into `a`. */
export function addScore(a: Score, b: Score): Score {
  for (const k of Object.keys(a) as (keyof Score)[]) a[k] += b[k];
  return a;
}

/** Compares predictions (keyed by oid) with labels; commits with no label are not scored. */
export function score(labels: ReadonlyMap<string, Label>, predictions: ReadonlyMap<string, Prediction>): Score {
  const s = emptyScore();
  for (const [oid, label] of labels) {
    const p = predictions.get(oid);
    if (!p) {
      s.missing++;
      continue;
    }
    s.commits++;
    const want = label.class === "automation";
    const got = p.class === "automation";
    if (want) s.labelledAutomation++;
    if (want && got) s.tp++;
    else if (got) s.fp++;
    else if (want) s.fn++;
    if (p.channel === label.channel) s.channelRight++;
  }
  return s;
}

/** Precision, recall and channel accuracy; `null` where the denominator is 0. */
export function rates(s: Score): { precision: number | null; recall: number | null; channel: number | null } {
  return {
    precision: s.tp + s.fp === 0 ? null : s.tp / (s.tp + s.fp),
    recall: s.tp + s.fn === 0 ? null : s.tp / (s.tp + s.fn),
    channel: s.commits === 0 ? null : s.channelRight / s.commits,
  };
}
