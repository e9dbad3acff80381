import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
const html = readFileSync(process.argv[2]!, "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
for (const width of [390, 1280, 1920]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(html, { waitUntil: "load" });
  const over = await page.evaluate(`(() => { const out = []; for (const t of document.querySelectorAll("table, svg, figure, .headline")) { const r = t.getBoundingClientRect(); if (r.right > document.documentElement.clientWidth + 0.5 || t.scrollWidth > t.clientWidth + 1) out.push(t.tagName + "#" + (t.id||t.closest("section")?.id) + " " + Math.round(r.right) + " sw=" + t.scrollWidth + " cw=" + t.clientWidth); } return { doc: document.documentElement.scrollWidth, out }; })()`);
  console.log(width, JSON.stringify(over));
  await page.screenshot({ path: `/tmp/w10/shot-${width}.png`, fullPage: width === 390 ? false : false });
  await page.close();
}
const page = await browser.newPage();
await page.setContent(html, { waitUntil: "load" });
await page.pdf({ path: "/tmp/w10/print.pdf", format: "A4" });
await page.emulateMedia({ media: "print" });
await page.setViewportSize({ width: 794 - 90, height: 1000 });
const over = await page.evaluate(`(() => { const out = []; for (const t of document.querySelectorAll("table")) { const r = t.getBoundingClientRect(); if (r.right > document.documentElement.clientWidth + 0.5) out.push((t.closest("section")?.id) + " " + Math.round(r.right)); } return { doc: document.documentElement.scrollWidth, out }; })()`);
console.log("print", JSON.stringify(over));
await browser.close();
