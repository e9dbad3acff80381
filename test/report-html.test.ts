import { existsSync, readFileSync } from "node:fs";
import { parseConfig, parseDataset } from "@quantecon/attribution";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildReport, renderReport } from "qe-report";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Debian's chromium; `.ci/run` installs it (apt-get install -y chromium).
const CHROMIUM = "/usr/bin/chromium";

const dataset = parseDataset(JSON.parse(readFileSync(new URL("./fixtures/report-html/dataset.json", import.meta.url), "utf8")));
const config = parseConfig({
  machineAccounts: [{ login: "quantecon-services" }],
  rules: [{ id: "quantecon/translation-sync-pr", on: ["pullRequest"], kind: "translation-sync", match: { branch: "^translation-sync-" } }],
});
const [html = ""] = renderReport(buildReport(dataset, config, { generatedAt: "2026-06-01T00:10:00Z" }), "html");

// CI installs Chromium and must run this; elsewhere a machine without it skips, and says so.
const browserMissing = !existsSync(CHROMIUM) && !process.env.CI;
if (browserMissing) console.warn(`report-html.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

describe.skipIf(browserMissing)("HTML report in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get update && apt-get install -y chromium)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    page = await browser.newPage();
    page.on("console", (msg) => {
      if (msg.type() === "error" || msg.type() === "warning") problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
    // Anything the page tried to fetch would show it is not self-contained.
    page.on("request", (req) => {
      if (!req.url().startsWith("data:") && req.url() !== "about:blank") problems.push(`request: ${req.url()}`);
    });
    await page.setContent(html, { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("renders every section with its heading", async () => {
    const headings = await page.locator("section > h2").allTextContents();
    expect(headings).toEqual(["Summary", "Maintainers and contributors", "Responsiveness", "Automation", "Migration to the machine account", "Repositories", "Data completeness"]);
    await expect(page.locator("h1").textContent()).resolves.toBe("QuantEcon activity report: May 2026");
    for (const id of ["summary", "people", "responsiveness", "automation", "migration", "repos", "completeness"]) {
      expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
    }
    expect(await page.locator("#completeness li").textContent()).toBe("SEARCH_CAP (QuantEcon/lecture-python.myst): search results were capped at 1000");
    expect(await page.locator("#automation li").first().textContent()).toBe("QuantEcon/lecture-python.myst: 1 upstream change → 1 language (zh-cn), in 1 PR");
  });

  it("draws both SVG charts with visible bars", async () => {
    for (const chart of ["#chart-weekly", "#chart-repos"]) {
      const svg = page.locator(`${chart} svg`);
      const box = await svg.boundingBox();
      expect(box?.width, chart).toBeGreaterThan(200);
      expect(box?.height, chart).toBeGreaterThan(40);
      // Evaluated in the page (strings keep DOM types out of this Node-only project).
      const drawn = await page.evaluate(`[...document.querySelectorAll("${chart} rect")].filter((r) => { const b = r.getBBox(); return b.width > 0 && b.height > 0; }).length`);
      expect(drawn, chart).toBeGreaterThan(0);
    }
    const weeks = await page.locator("#chart-weekly text.label").allTextContents();
    expect(weeks).toEqual(["May 1–7", "May 8–14", "May 15–21", "May 22–28", "May 29–31"]);
    expect(await page.locator("#chart-repos text.label").first().textContent()).toBe("lecture-python.myst");
  });

  it("shows a <script> title as text and runs nothing", async () => {
    const item = page.locator("#migration ul.items li").first();
    expect(await item.textContent()).toBe("lecture-python.zh-cn#236 🌐 [translation-sync] <script>window.__pwned = 1</script> typos");
    expect(await page.evaluate("document.scripts.length")).toBe(0);
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
  });

  it("logs no console errors and fetches nothing", () => {
    expect(problems).toEqual([]);
  });
});
