import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./cli-helpers.js";

// What a user gets from `npm install qe-report`: the packed tarballs, installed outside the
// workspace, so a file missing from `files`, a dependency declared only in the workspace, or a
// `workspace:` range left in package.json fails here rather than for them.
const root = fileURLToPath(new URL("..", import.meta.url));
const PACKAGES = ["attribution", "github", "audit", "qe-report"] as const;
const NAMES: Record<(typeof PACKAGES)[number], string> = {
  attribution: "@quantecon/attribution",
  github: "@quantecon/attribution-github",
  audit: "@quantecon/attribution-audit",
  "qe-report": "qe-report",
};

let tmp: { dir: string; remove: () => void };
let app: string;

const sh = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });

beforeAll(() => {
  const built = PACKAGES.every((p) => existsSync(join(root, "packages", p, "dist", "index.js"))) && existsSync(join(root, "packages", "qe-report", "demo"));
  if (!built) sh("pnpm", ["-r", "--filter", "./packages/**", "run", "build"], root);

  tmp = tempDir("qe-report-pack-");
  const tarballs = join(tmp.dir, "tarballs");
  mkdirSync(tarballs);
  // pnpm pack turns each `workspace:^` into the version range the registry would see.
  for (const p of PACKAGES) sh("pnpm", ["pack", "--pack-destination", tarballs], join(root, "packages", p));
  const files = readdirSync(tarballs);
  const tarball = (p: (typeof PACKAGES)[number]) => {
    const prefix = NAMES[p].replace("@", "").replace("/", "-") + "-";
    const file = files.find((f) => f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)));
    if (!file) throw new Error(`no tarball for ${NAMES[p]} in ${files.join(", ")}`);
    return `file:${join(tarballs, file)}`;
  };

  app = join(tmp.dir, "app");
  mkdirSync(app);
  const dependencies = Object.fromEntries(PACKAGES.map((p) => [NAMES[p], tarball(p)]));
  // The workspace packages are not on the registry: point their ranges at the tarballs.
  const overrides = Object.fromEntries(PACKAGES.filter((p) => p !== "qe-report").map((p) => [NAMES[p], `$${NAMES[p]}`]));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module", dependencies, overrides }, null, 2));
  sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app);
}, 300_000);

afterAll(() => tmp?.remove());

describe("the packed qe-report", () => {
  it("npx qe-report --help lists the commands", () => {
    const out = sh("npx", ["--no", "--", "qe-report", "--help"], app);
    expect(out).toContain("Usage: qe-report");
    expect(out).toContain("monthly");
    expect(out).toContain("explain");
  });

  it("npx qe-report monthly --demo renders the bundled demo month", () => {
    const out = sh("npx", ["--no", "--", "qe-report", "monthly", "--demo", "--generated-at", "2026-06-01T00:00:00Z"], app);
    expect(out).toMatch(/^# QuantEcon activity report: May 2026\n/);
    expect(out).toContain("## Summary");
    expect(out).toContain(" · generated 2026-06-01T00:00:00Z");
  });

  it("npx qe-report init writes a config the installed package reads back", () => {
    sh("npx", ["--no", "--", "qe-report", "init", "--org", "my-org"], app);
    const out = sh("npx", ["--no", "--", "qe-report", "explain", "--demo", "QuantEcon/meta#400", "--config", "qe-report.config.yaml"], app);
    expect(out).toContain("QuantEcon/meta#400");
  });

  it("ships dist, templates and demo, and no sources or tests", () => {
    const pkg = join(app, "node_modules", "qe-report");
    const top = readdirSync(pkg).sort();
    expect(top).toEqual(expect.arrayContaining(["demo", "dist", "package.json", "templates"]));
    expect(top).not.toContain("src");
    expect(readdirSync(join(pkg, "dist")).some((f) => f.endsWith(".test.js"))).toBe(false);
  });
});
