import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { csvField, csvRecord, neutraliseCsvText, restoreCsvText } from "./csv";

describe("neutraliseCsvText", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("prefixes %j with a quote so a spreadsheet shows it as text", (text, expected) => {
    expect(neutraliseCsvText(text)).toBe(expected);
  });

  it("leaves ordinary text alone, including a trigger character later in the text", () => {
    expect(neutraliseCsvText("web-tier = 3 nodes")).toBe("web-tier = 3 nodes");
    expect(neutraliseCsvText("")).toBe("");
    expect(neutraliseCsvText("'quoted'")).toBe("'quoted'");
  });

  it("prefixes text that already looks neutralised, so restoring is unambiguous", () => {
    expect(neutraliseCsvText("'=x")).toBe("''=x");
    expect(neutraliseCsvText("''")).toBe("'''");
  });
});

describe("csvField", () => {
  it("keeps numbers numeric (a negative delta stays a number) and neutralises text that looks like one", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField("-5")).toBe("'-5");
  });

  it("writes null and undefined as empty cells", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("neutralises before quoting (RFC 4180), so the quote sits inside the quoted field", () => {
    expect(csvField('=1,"a"')).toBe(`"'=1,""a"""`);
  });

  it("writes a CRLF-terminated record", () => {
    expect(csvRecord(["=x", -1, null, "a,b"])).toBe(`'=x,-1,,"a,b"\r\n`);
  });
});

describe("properties", () => {
  const text = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", " ", "1") });

  it("restoreCsvText(neutraliseCsvText(text)) is the text", () => {
    fc.assert(fc.property(text, (value) => {
        expect(restoreCsvText(neutraliseCsvText(value))).toBe(value);
      }));
  });

  it("no neutralised text starts with a formula trigger", () => {
    fc.assert(fc.property(text, (value) => {
        expect(neutraliseCsvText(value)).not.toMatch(/^[=+\-@\t\r]/);
      }));
  });
});
