import Handlebars from "handlebars";
import { QeReportError } from "../errors.js";
import { registerResponsiveness } from "./responsiveness.js";
import { templateDir, templateFile } from "./templates.js";

const CHANNEL_NAMES: Record<string, string> = {
  human: "human",
  "machine-account": "machine account",
  "github-actions": "GITHUB_TOKEN (github-actions)",
  "github-app": "GitHub App",
  "personal-token": "personal token",
};

/** An isolated Handlebars with exactly the helpers and partials the report templates use. */
function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  registerResponsiveness(hb);
  hb.registerHelper("percent", (share: unknown) => (typeof share === "number" ? `${Math.round(share * 100)}%` : "–"));
  hb.registerHelper("signed", (n: unknown) => (typeof n !== "number" ? "" : n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0"));
  hb.registerHelper("channelName", (channel: unknown) => CHANNEL_NAMES[String(channel)] ?? String(channel));
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("gt", (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper("minus", (a: unknown, b: unknown) => Number(a) - Number(b));
  hb.registerHelper("plus", (a: unknown, b: unknown) => Number(a) + Number(b));
  hb.registerHelper("lt", (a: unknown, b: unknown) => Number(a) < Number(b));
  hb.registerHelper("first", (list: unknown, n: unknown) => (Array.isArray(list) ? list.slice(0, Number(n)) : []));
  hb.registerHelper("join", (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === "string" ? sep : ", ") : ""));
  hb.registerHelper("plural", (n: unknown, one: unknown, many: unknown) => `${String(n)} ${n === 1 ? String(one) : String(many)}`);
  hb.registerHelper("points", (change: unknown) => {
    if (typeof change !== "number") return "";
    const p = Math.round(change * 100);
    return p > 0 ? `+${p} pts` : p < 0 ? `−${-p} pts` : "±0 pts";
  });
  // `owner/repo#12` → `12`, `owner/repo@<oid>` → `1234567`: link text in a list already about one repo.
  hb.registerHelper("refNumber", (ref: unknown) => {
    const text = String(ref);
    const issue = /#(?:&#8203;)?(\d+)(?:\/review\/\d+|\/comment\/(\d+))?$/.exec(text);
    if (issue) return issue[2] === undefined ? issue[1] : `${issue[1]} comment ${issue[2]}`;
    const commit = /@([0-9a-f]{7})[0-9a-f]*$/.exec(text);
    return commit ? commit[1] : text;
  });
  hb.registerHelper("shortRepo", (repo: unknown) => String(repo).replace(/^[^/]+\//, ""));
  hb.registerHelper("num", (n: unknown) => (typeof n === "number" ? n.toLocaleString("en-US") : ""));
  for (const format of ["md", "html"] as const) {
    for (const [name, source] of sectionPartials(format)) hb.registerPartial(`${format}/${name}`, source);
  }
  // `owner/repo#12` → `repo#12`, `owner/repo@<oid>` → `repo@1234567`: short, still unambiguous in a row about one repo.
  hb.registerHelper("shortRef", (ref: unknown) =>
    String(ref)
      .replace(/^[^/]+\//, "")
      .replace(/@([0-9a-f]{7})[0-9a-f]{33}$/, "@$1")
      .replace(/\/review\/(\d+)$/, " review $1")
      .replace(/\/comment\/(\d+)$/, " comment $1"),
  );
  return hb;
}

const partials = new Map<string, [string, string][]>();

/**
 * The section partials of a format, `templates/<format>/<name>.hbs`, registered as
 * `<format>/<name>`. The built-in templates render `sections` (see context.ts) in order, so a new
 * section is one new partial and one entry in that list.
 */
function sectionPartials(format: "md" | "html"): [string, string][] {
  let found = partials.get(format);
  if (!found) {
    found = templateDir(format).map((f) => [f.slice(0, -4), templateFile(`${format}/${f}`)] as [string, string]);
    partials.set(format, found);
  }
  return found;
}

const cache = new Map<string, HandlebarsTemplateDelegate>();

/** The built-in template for a format, read beside the package (`templates/report.<ext>.hbs`). */
export function builtinTemplate(format: "md" | "html"): string {
  return templateFile(`report.${format}.hbs`);
}

/**
 * Compiles a template strictly (a missing field fails loudly). Markdown is compiled without
 * HTML-escaping because its context is escaped for Markdown beforehand; HTML keeps Handlebars' escaping.
 */
export function compileTemplate(source: string, format: "md" | "html"): HandlebarsTemplateDelegate {
  const key = `${format}\u0000${source}`;
  let template = cache.get(key);
  if (!template) {
    template = createHandlebars().compile(source, { strict: true, noEscape: format === "md" });
    cache.set(key, template);
  }
  return template;
}

/**
 * One line for a Handlebars error: its position first, `[object Object]` and the parser's list
 * of expected tokens left out, a parse error quoting the text it stopped at.
 */
export function templateErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n[\s\S]*got '([^']*)'/.exec(message);
  if (parse) {
    const [, line, text = "", dashes = "", got] = parse;
    const before = text.slice(0, dashes.length + 1).slice(-30);
    const what = got === "EOF" ? "the template ends there (a block left open?)" : `unexpected ${got}`;
    return `line ${line}: parse error after ${JSON.stringify(before)}: ${what}`;
  }
  const first = message.split("\n", 1)[0] ?? message;
  const at = / - (\d+):(\d+)$/.exec(first);
  const text = (at ? first.slice(0, at.index) : first).replace(/ not defined in \[object Object\]$/, " is not a field here (see `qe-report schema report`)");
  return at ? `line ${at[1]}, column ${Number(at[2]) + 1}: ${text}` : text;
}

/** Runs a compiled template, turning a template mistake into one clear line. */
export function runTemplate(template: HandlebarsTemplateDelegate, context: object, what: string): string {
  try {
    return template(context);
  } catch (error) {
    throw new QeReportError("E_INPUT", `${what}: ${templateErrorLine(error)}`, { cause: error });
  }
}
