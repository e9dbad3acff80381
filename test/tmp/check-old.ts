import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
const src = readFileSync("report-html.test.ts", "utf8");
const CLIPPED = eval("`" + src.split("const CLIPPED = `")[1]!.split("`;")[0]! + "`") as string;
const html = readFileSync(process.argv[2]!, "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
for (const width of [390, 1280, 1920]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent(html);
  const out = (await page.evaluate(CLIPPED)) as string[];
  console.log(width, out.length, out.slice(0, 3));
}
await browser.close();
