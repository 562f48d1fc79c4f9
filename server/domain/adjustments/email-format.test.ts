import { describe, expect, it } from "vitest";
import { emailStyleFor, escapeHtml, renderHtml, renderText, type EmailBlock } from "./email-format.js";
import { flagSummary, type Labeller } from "./summary.js";
import type { Need } from "./needs.js";

describe("emailStyleFor", () => {
  it.each<[Need[], ReturnType<typeof emailStyleFor>]>([
    [[{ code: "phone_not_writing" }], null],
    [[], null],
    [[{ code: "large_print", size: "24" }], { fontSizePt: 24, bold: false, lineHeight: 1.5, background: null, fontFamily: "Arial, Helvetica, sans-serif" }],
    [[{ code: "large_print" }], { fontSizePt: 16, bold: false, lineHeight: 1.5, background: null, fontFamily: "Arial, Helvetica, sans-serif" }],
    [[{ code: "bold" }, { code: "double_spacing" }], { fontSizePt: 12, bold: true, lineHeight: 2, background: null, fontFamily: "Arial, Helvetica, sans-serif" }],
    [[{ code: "coloured_paper", colour: "yellow" }, { code: "font", font: "verdana" }], { fontSizePt: 12, bold: false, lineHeight: 1.5, background: "#fff59d", fontFamily: "Verdana, Geneva, sans-serif" }],
    [[{ code: "font", font: "other", fontName: "x;}</style><script>" }], { fontSizePt: 12, bold: false, lineHeight: 1.5, background: null, fontFamily: "Arial, Helvetica, sans-serif" }],
  ])("%j", (needs, style) => {
    expect(emailStyleFor(needs)).toEqual(style);
  });
});

describe("rendering", () => {
  const blocks: EmailBlock[] = [
    { kind: "p", text: "Dear <script>alert(1)</script> & co," },
    { kind: "h2", text: "What you asked for" },
    { kind: "ul", items: ["Large print (18 point)", "Line one\nline two"] },
  ];
  it("escapes every piece of text and uses the chosen size", () => {
    const html = renderHtml(blocks, emailStyleFor([{ code: "large_print", size: "18" }])!, "cy", "Title <b>");
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain("font-size:18pt");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    expect(html).not.toContain("<script>");
    expect(html).toContain("<title>Title &lt;b&gt;</title>");
    expect(html).toContain("Line one<br>line two");
  });
  it("writes the same words as plain text", () => {
    expect(renderText(blocks)).toBe("Dear <script>alert(1)</script> & co,\n\nWhat you asked for\n\n- Large print (18 point)\n- Line one\nline two");
  });
  it.each([
    ["<>&\"'", "&lt;&gt;&amp;&quot;&#39;"],
    ["plain", "plain"],
  ])("escapeHtml(%j)", (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe("flagSummary", () => {
  const label: Labeller = {
    need: (n) => (n.code === "large_print" ? `Large print (${n.size} point)` : n.code),
    other: (t) => `Other: ${t}`,
    instead: (t) => `Instead: ${t}`,
    reviewBy: (d) => `Review by ${d.toISOString().slice(0, 10)}.`,
    oneOff: () => "One-off: no review.",
  };
  const needs: Need[] = [{ code: "large_print", size: "18" }, { code: "phone_not_writing" }];
  it.each([
    [["large_print", "phone_not_writing"], null, new Date("2028-11-23T23:59:59Z"), "Large print (18 point); phone_not_writing. Review by 2028-11-23."],
    [["large_print", "other"], "We will email instead", null, "Large print (18 point); Other: A quiet room. One-off: no review. Instead: We will email instead"],
  ] as const)("agreed %j", (agreed, instead, reviewAt, expected) => {
    expect(flagSummary({ needs, otherNeed: "A quiet room", agreed: [...agreed], instead, reviewAt }, label)).toBe(expected);
  });
  it("stays within 1,000 characters, the review kept", () => {
    const text = flagSummary({ needs, otherNeed: null, agreed: ["large_print"], instead: "x".repeat(5000), reviewAt: new Date("2028-01-01") }, label);
    expect(text).toHaveLength(1000);
    expect(text).toContain("Review by 2028-01-01.");
  });
});
