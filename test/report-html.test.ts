import { existsSync, readFileSync } from "node:fs";
import { parseConfig, parseDataset } from "@quantecon/attribution";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildReport, parseConfigText, renderReport } from "qe-report";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Debian's chromium; `.ci/run` installs it (apt-get install -y chromium).
const CHROMIUM = "/usr/bin/chromium";

const dataset = parseDataset(JSON.parse(readFileSync(new URL("./fixtures/report-html/dataset.json", import.meta.url), "utf8")));
const config = parseConfig({
  machineAccounts: [{ login: "quantecon-services" }],
  rules: [{ id: "quantecon/translation-sync-pr", on: ["pullRequest"], kind: "translation-sync", match: { branch: "^translation-sync-" } }],
});
const [html = ""] = renderReport(buildReport(dataset, config, { generatedAt: "2026-06-01T00:10:00Z" }), "html");
// The demo month: wide tables (19 people, 44 automation rows, 27 repositories) for the layout checks.
const demoDataset = parseDataset(JSON.parse(readFileSync(new URL("../examples/quantecon/demo-2026-05.json", import.meta.url), "utf8")));
const demoConfig = parseConfigText(readFileSync(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url), "utf8"), "qe-report.config.yaml");
const [demoHtml = ""] = renderReport(buildReport(demoDataset, demoConfig, { generatedAt: demoDataset.generatedAt }), "html");

/**
 * Everything that does not fit, measured in the page: the page scrolling sideways, a table wider
 * than the page or scrolling inside itself, a cell reaching past its table's edge, a chart wider
 * than its figure.
 */
const CLIPPED = `(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width + 1) out.push("page scrolls sideways: " + document.documentElement.scrollWidth + " > " + width);
  document.querySelectorAll("table").forEach((t, i) => {
    const box = t.getBoundingClientRect();
    const name = (t.closest("section") || {}).id + " table " + i;
    if (box.right > width + 1 || box.left < -1) out.push(name + " reaches " + Math.round(box.right) + " of " + width);
    if (t.scrollWidth > t.clientWidth + 1) out.push(name + " scrolls: " + t.scrollWidth + " > " + t.clientWidth);
    // On a phone the header row is visually hidden (each cell carries its label): skip it there.
    const head = t.querySelector("thead");
    const headHidden = head !== null && head.getBoundingClientRect().width <= 1;
    t.querySelectorAll(headHidden ? "tbody th, tbody td" : "th, td").forEach((c) => {
      const r = c.getBoundingClientRect();
      if (r.width > 0 && (r.right > box.right + 1 || c.scrollWidth > c.clientWidth + 1)) out.push(name + " cuts " + JSON.stringify(c.textContent.slice(0, 30)));
    });
  });
  document.querySelectorAll("figure svg").forEach((svg) => {
    const r = svg.getBoundingClientRect();
    if (r.right > width + 1) out.push("chart reaches " + Math.round(r.right));
  });
  return out;
})()`;

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
    expect(headings).toEqual(["Summary", "Migration to the machine account", "People", "Responsiveness", "Automation", "Repositories", "Data completeness"]);
    expect(await page.locator("#headline .figure .value").allTextContents()).toEqual(["50%", "50%", "Incomplete"]);
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
    expect(weeks).toEqual(["May 1–7", "May 8–14", "May 15–21", "May 22–28", "May 29–31", "3 days"]);
    // The partial last week is drawn apart: pale, with its 7-day pace as a dashed outline.
    expect(await page.locator("#chart-weekly g.partial").count()).toBe(1);
    expect(await page.locator("#chart-weekly g.partial rect.pace").count()).toBe(1);
    expect(await page.locator("#chart-weekly g.bar:not(.partial)").count()).toBe(4);
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

describe.skipIf(browserMissing)("the demo report fits every screen and the printed page", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([390, 1280, 1920])("at %i px no table, cell or chart is cut and nothing scrolls sideways", async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.setContent(demoHtml, { waitUntil: "load" });
    expect(await page.evaluate(CLIPPED), `at ${width} px`).toEqual([]);
    // Every column of the people table is shown: on a phone as label: value lines of a card.
    const cells = page.locator("#people-team tbody tr").first().locator("td");
    expect(await cells.count()).toBe(9);
    for (let i = 0; i < 9; i++) expect(await cells.nth(i).isVisible(), `column ${i}`).toBe(true);
    if (width === 390) {
      expect(await page.evaluate(`getComputedStyle(document.querySelector("#people-team td:nth-child(2)"), "::before").content`)).toBe('"Contributions"');
    } else {
      expect(await page.locator("#people-team thead").isVisible()).toBe(true);
    }
    await page.close();
  });

  it("prints on A4 without cut columns", async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ media: "print" });
    // A4's printable width at 12 mm margins: 186 mm at 96 px per inch.
    await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1100 });
    await page.setContent(demoHtml, { waitUntil: "load" });
    expect(JSON.stringify(await page.evaluate(CLIPPED))).toBe("[]");
    expect(await page.locator("#people-team thead").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.close();
  });
});
