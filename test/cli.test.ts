import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfigText } from "qe-report";
import { SMALL_DATASET, run, tempDir } from "./cli-helpers.js";

let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

const write = (name: string, text: string): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
};
const small = (): Record<string, unknown> => JSON.parse(readFileSync(SMALL_DATASET, "utf8")) as Record<string, unknown>;

describe("help and usage errors", () => {
  for (const command of ["fetch", "monthly", "weekly", "range", "explain", "audit", "init", "schema"]) {
    it(`${command} --help prints its usage and exits 0`, async () => {
      const r = await run([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: qe-report ${command}`);
      expect(r.stderr).toBe("");
    });
  }

  it("--help lists every command and the exit codes", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const command of ["monthly", "weekly", "range", "explain", "init", "schema"]) expect(r.stdout).toContain(command);
    expect(r.stdout).toContain("Exit codes: 0 ok; 1 runtime");
  });

  it("no command prints the help and exits 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: qe-report");
  });

  it("a wrong flag is one line with a suggestion and a pointer to --help, exit 2", async () => {
    const r = await run(["monthly", "--fromat", "html"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report monthly: unknown option '--fromat' (did you mean --format?); see 'qe-report monthly --help'\n");
    expect(r.stdout).toBe("");
  });

  it("a missing argument names it, exit 2", async () => {
    const r = await run(["explain"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qe-report explain: missing required argument 'ref'; see 'qe-report explain --help'\n$/);
  });

  it("an unknown command is a usage error", async () => {
    const r = await run(["montly"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'montly'");
    expect(r.stderr).toContain("did you mean monthly?");
  });

  it("a format outside the choices is a usage error", async () => {
    const r = await run(["monthly", "--input", SMALL_DATASET, "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'pdf' is invalid");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("config files", () => {
  it("a missing --config file is exit 2 naming the file", async () => {
    const r = await run(["explain", "QuantEcon/meta#400", "--input", SMALL_DATASET, "--config", "nope.yaml"], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`qe-report: config file nope.yaml not found (looked in ${tmp.dir})\n`);
  });

  it("an unknown key names the file, line, column and config path", async () => {
    write("qe-report.config.yaml", "org: QuantEcon\nrules:\n  - id: mine\n    on: [pullRequest]\n    kind: report\n    match:\n      titel: \"^Report\"\n");
    const r = await run(["explain", "QuantEcon/meta#400", "--input", SMALL_DATASET], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qe-report: qe-report.config.yaml:7:7: config.rules[0].match: unknown key "titel" (and 1 more problem)\n');
  });

  it("a YAML syntax error names file:line:col", async () => {
    write("qe-report.config.yml", "org: QuantEcon\nrules: [\n  - id: x\n");
    const r = await run(["explain", "QuantEcon/meta#400", "--input", SMALL_DATASET], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qe-report: qe-report\.config\.yml:\d+:\d+: .+\n$/);
  });

  it("a JSON config with a syntax error names file:line:col", async () => {
    write("qe-report.config.json", '{\n  "org": "QuantEcon",\n  "timeZone": UTC\n}\n');
    const r = await run(["explain", "QuantEcon/meta#400", "--input", SMALL_DATASET], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qe-report: qe-report\.config\.json:3:15: invalid JSON: .+\n$/);
  });

  it("a bad value names the key; --debug adds the other problems and the stack", async () => {
    write("cfg.yaml", "timeZone: Mars/Olympus\npeople: 3\n");
    const plain = await run(["explain", "QuantEcon/meta#400", "--input", SMALL_DATASET, "--config", "cfg.yaml"], { cwd: tmp.dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe("qe-report: cfg.yaml:1:1: config.timeZone: unknown IANA time zone (and 1 more problem)\n");
    const debug = await run(["--debug", "explain", "QuantEcon/meta#400", "--input", SMALL_DATASET, "--config", "cfg.yaml"], { cwd: tmp.dir });
    expect(debug.stderr).toContain("cfg.yaml:2:1: config.people: expected an array, got a number");
    expect(debug.stderr).toContain("at ");
  });

  it("init writes a starter config that loads, with the schema reference, and refuses to overwrite it", async () => {
    const first = await run(["init", "--org", "my-org"], { cwd: tmp.dir });
    expect(first.code).toBe(0);
    const path = join(tmp.dir, "qe-report.config.yaml");
    const text = readFileSync(path, "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/\S+\/qe-report-config\.json$/);
    expect(parseConfigText(text, path).org).toBe("my-org");

    const again = await run(["init"], { cwd: tmp.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("qe-report: qe-report.config.yaml already exists; pass --force to overwrite it\n");
    expect(readFileSync(path, "utf8")).toBe(text);

    const forced = await run(["init", "--force"], { cwd: tmp.dir });
    expect(forced.code).toBe(0);
    expect(parseConfigText(readFileSync(path, "utf8"), path).org).toBeUndefined();
    expect(readdirSync(tmp.dir)).toEqual(["qe-report.config.yaml"]);
  });

  it("the discovered config is used: a people rule turns the github-actions issue human", async () => {
    write("qe-report.config.yaml", "rules:\n  - id: mine/reports-are-people\n    on: [issue]\n    class: human\n    match:\n      title: \"^Weekly Report\"\n");
    const r = await run(["explain", "QuantEcon/meta#400", "--input", SMALL_DATASET], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("verdict:    human");
    expect(r.stdout).toContain("decided by: mine/reports-are-people");
  });
});

describe("dataset files", () => {
  const explain = (file: string) => run(["explain", "QuantEcon/meta#400", "--input", file], { cwd: tmp.dir });

  it("bad JSON names the file, line and column", async () => {
    write("bad.json", '{\n  "schema": "qe-activity/v1",\n  "repos": [,]\n}\n');
    const r = await explain("bad.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qe-report: bad\.json:3:13: invalid JSON: .+\n$/);
  });

  it("an empty file says so", async () => {
    write("empty.json", "");
    const r = await explain("empty.json");
    expect(r.stderr).toBe("qe-report: empty.json: file is empty (expected JSON)\n");
    expect(r.code).toBe(2);
  });

  it("a wrong schema version names the field and the version read", async () => {
    write("v2.json", JSON.stringify({ ...small(), schema: "qe-activity/v2" }));
    const r = await explain("v2.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qe-report: v2.json: dataset.schema: unsupported version "qe-activity/v2" (this version reads "qe-activity/v1")\n');
  });

  it("a missing field names its path", async () => {
    const data = small();
    delete (data.pullRequests as Record<string, unknown>[])[1]!.title;
    write("missing.json", JSON.stringify(data));
    const r = await explain("missing.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: missing.json: dataset.pullRequests[1].title: is required (expected a string)\n");
  });

  it("a missing input file is exit 2", async () => {
    const r = await explain("nowhere.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: --input nowhere.json: file not found\n");
  });
});

describe("explain", () => {
  const explain = (ref: string, ...rest: string[]) => run(["explain", ref, "--input", SMALL_DATASET, ...rest]);

  it("prints the verdict, every piece of evidence, and the deciding rule", async () => {
    const r = await explain("QuantEcon/lecture-python.zh-cn#236", "--config", "examples/quantecon/qe-report.config.yaml");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("QuantEcon/lecture-python.zh-cn#236 (pull request)");
    expect(r.stdout).toContain("verdict:    automation (translation-sync)");
    expect(r.stdout).toContain("channel:    personal-token (ran under mmcky's token)");
    expect(r.stdout).toContain("decided by: quantecon/translation-sync-pr");
    // Both sides: what pointed to automation, and what to a person (his own account).
    const automationSide = r.stdout.slice(r.stdout.indexOf("\npointed to automation:"), r.stdout.indexOf("\npointed to a person:"));
    const personSide = r.stdout.slice(r.stdout.indexOf("\npointed to a person:"));
    expect(automationSide).toMatch(/branch matches/);
    expect(personSide).toContain("mmcky looks like a person's account");
    const json = await explain("QuantEcon/lecture-python.zh-cn#236", "--config", "examples/quantecon/qe-report.config.yaml", "--format", "json");
    const verdict = JSON.parse(json.stdout) as { evidence: { rule: string; detail: string }[] };
    // Every piece of evidence appears in the text form, in order.
    let at = 0;
    for (const e of verdict.evidence) {
      const found = r.stdout.indexOf(e.detail, at);
      expect(found, e.detail).toBeGreaterThan(at);
      at = found;
    }
  });

  it("accepts URLs, short shas, reviews, and any case of the repo name", async () => {
    const byUrl = await explain("https://github.com/QuantEcon/meta/issues/400");
    expect(byUrl.stdout).toContain("QuantEcon/meta#400 (issue)");
    const byPullUrl = await explain("https://github.com/quantecon/META/pull/401");
    expect(byPullUrl.stdout).toContain("QuantEcon/meta#401 (pull request)");
    const bySha = await explain("QuantEcon/lecture-python.zh-cn@40a1beef");
    expect(bySha.stdout).toContain("QuantEcon/lecture-python.zh-cn@40a1beef00000000000000000000000000000bbb (commit)");
    const byCommitUrl = await explain("https://github.com/QuantEcon/lecture-python.zh-cn/commit/40a1c0ffee0000000000000000000000000000aa");
    expect(byCommitUrl.stdout).toContain("(commit)");
    const review = await explain("QuantEcon/lecture-python.zh-cn#236/review/0");
    expect(review.stdout).toContain("APPROVED by HumphreyYang");
    expect(review.stdout).toContain("verdict:    human");
  });

  it("an unknown number suggests the nearest items, exit 2", async () => {
    const r = await explain("QuantEcon/meta#402");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: no pull request or issue QuantEcon/meta#402 in the dataset (did you mean QuantEcon/meta#401, QuantEcon/meta#400?)\n");
  });

  it("an unknown repo suggests near names", async () => {
    const r = await explain("QuantEcon/mta#400");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: repository QuantEcon/mta is not in the dataset (did you mean QuantEcon/meta?)\n");
  });

  it("an ambiguous sha prefix lists the candidates", async () => {
    const r = await explain("QuantEcon/lecture-python.zh-cn@40a1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is ambiguous: 2 commits start with it");
  });

  it("a review index out of range says how many there are", async () => {
    const r = await explain("QuantEcon/lecture-python.zh-cn#236/review/3");
    expect(r.stderr).toBe("qe-report: no review 3 on QuantEcon/lecture-python.zh-cn#236: its reviews are numbered 0 to 0\n");
    expect(r.code).toBe(2);
  });

  it("explains a content-sync PR of the demo month that ran under a maintainer's token", async () => {
    const r = await run(["explain", "--demo", "QuantEcon/lecture-dp#125"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("verdict:    automation (content-sync)");
    expect(r.stdout).toContain("channel:    personal-token (ran under mmcky's token)");
    expect(r.stdout).toContain("decided by: quantecon/content-sync-pr");
    expect(r.stdout).toMatch(/\n {3}1\. actor\/\S+ +author +mmcky/);
  });

  it("a malformed REF shows the accepted forms", async () => {
    const r = await explain("meta 400");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("expected owner/repo#N, owner/repo#N/review/I, owner/repo#N/comment/I, owner/repo@SHA or a GitHub pull, issue or commit URL");
  });

  it("without a dataset it says how to give one", async () => {
    const r = await run(["explain", "QuantEcon/meta#400"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("explain needs a dataset: pass --input FILE");
  });

  it("control characters in dataset text do not reach the terminal", async () => {
    const data = small();
    (data.issues as Record<string, unknown>[])[0]!.title = "Report \u001b[31mred\u001b[0m";
    const r = await run(["explain", "QuantEcon/meta#400", "--input", write("esc.json", JSON.stringify(data))]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("\u001b");
  });
});

describe("schema", () => {
  it("prints the dataset and config JSON Schemas", async () => {
    const dataset = await run(["schema", "dataset"]);
    expect(dataset.code).toBe(0);
    const d = JSON.parse(dataset.stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(d.required).toEqual(expect.arrayContaining(["schema", "window", "pullRequests", "commits", "issues"]));
    const config = JSON.parse((await run(["schema", "config"])).stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(config.properties)).toEqual(expect.arrayContaining(["org", "timeZone", "machineAccounts", "rules"]));
  });

  it("prints the report schema", async () => {
    const r = await run(["schema", "report"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty("properties.items");
  });

  it("rejects an unknown schema name", async () => {
    const r = await run(["schema", "people"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'people' is invalid");
  });
});

describe("windows", () => {
  it("a month in the future is a clear usage error, before any fetching", async () => {
    const r = await run(["monthly", "--org", "QuantEcon", "--month", "2027-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: month 2027-01 (UTC) is in the future: it starts 2027-01-01T00:00:00Z\n");
  });

  it("the current month has not ended", async () => {
    const r = await run(["monthly", "--org", "QuantEcon", "--month", "2026-11"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("month 2026-11 (UTC) has not ended yet: it ends 2026-12-01T00:00:00Z");
  });

  it("a dataset of another month says which window it covers", async () => {
    const r = await run(["monthly", "--input", SMALL_DATASET, "--month", "2026-04"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the dataset covers 2026-05-01T00:00:00Z to 2026-06-01T00:00:00Z (UTC) but the month 2026-04");
  });

  it("--tz other than the dataset's zone is refused rather than ignored", async () => {
    const r = await run(["monthly", "--input", SMALL_DATASET, "--tz", "Australia/Sydney"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--tz Australia/Sydney: the dataset's window was cut in UTC");
  });

  it("a bad --tz names the flag", async () => {
    const r = await run(["monthly", "--input", SMALL_DATASET, "--tz", "Mars/Olympus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qe-report: --tz "Mars/Olympus": unknown IANA time zone (try "UTC" or "America/New_York")\n');
  });

  it("fetching without a token says which variable to set", async () => {
    const r = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("set GITHUB_TOKEN (or GH_TOKEN)");
  });

  it("range needs both ends", async () => {
    const r = await run(["range", "--org", "QuantEcon", "--from", "2026-05-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: range needs both --from and --to (got only --from)\n");
  });
});
