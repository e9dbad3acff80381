/**
 * Measures `classifyActor` on labelled logins (default: ../shared/data/bot-accounts/train.csv)
 * beside plain login regexes: bot-class precision, recall and F1. Development tool only.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { classifyActor } from "@quantecon/attribution";

const file = resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "../shared/data/bot-accounts/train.csv");
const rows = readFileSync(file, "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [login = "", bot = "0"] = line.split(",");
    return { login, bot: bot.trim() === "1" };
  });

function score(name: string, predict: (login: string) => boolean): void {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { login, bot } of rows) {
    const p = predict(login);
    if (p && bot) tp++;
    else if (p) fp++;
    else if (bot) fn++;
    else tn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  console.log(`${name.padEnd(34)} P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${tp} fp ${fp} fn ${fn} tn ${tn})`);
}

console.log(`${rows.length} logins (${rows.filter((r) => r.bot).length} bots) from ${file}`);
score("regex /bot/i", (l) => /bot/i.test(l));
score("regex /(\\[bot\\]|bot)$/i", (l) => /(\[bot\]|bot)$/i.test(l));
score("regex /bot\\b|bot$|^bot/i", (l) => /bot\b|bot$|^bot/i.test(l));
score("classifyActor (login only)", (l) => classifyActor({ login: l }).class === "automation");
if (process.argv.includes("--errors")) {
  for (const { login, bot } of rows) {
    const p = classifyActor({ login }).class === "automation";
    if (p !== bot) console.log(bot ? "missed bot:" : "false bot: ", login);
  }
}
