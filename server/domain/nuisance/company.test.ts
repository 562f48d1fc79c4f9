import { describe, expect, it } from "vitest";
import { normaliseCompany } from "./company";
import { parseSender } from "./sender";

describe("normaliseCompany: one company however it was written", () => {
  it.each([
    ["ACME Solar Ltd", "acme solar"],
    ["Acme Solar Limited", "acme solar"],
    ["acme solar ltd.", "acme solar"],
    ["  Acme-Solar  ", "acme solar"],
    ["The Acme Solar Company", "acme solar"],
    ["Acme Solar (UK) Ltd", "acme solar"],
    ["ACME SOLAR PLC", "acme solar"],
    ["Acme Solar LLP", "acme solar"],
    ["Claim Helpers Direct", "claim helpers direct"],
    ["Smith & Sons Ltd", "smith and sons"],
    ["Smith and Sons Limited", "smith and sons"],
    ["Cwmni Ynni Cymru Cyf", "ynni cymru"],
    ["Café Énergie Ltd", "cafe energie"],
    ["www.acmesolar.co.uk", "acmesolar"],
    ["Ltd", null],
    ["...", null],
  ])("%s → %s", (name, normalised) => {
    expect(normaliseCompany(name)).toBe(normalised);
  });
});

describe("parseSender", () => {
  it.each([
    ["offers@Spam.Example.com", "offers@spam.example.com", "spam.example.com"],
    ["Big Prize <WIN@prize.example>", "win@prize.example", "prize.example"],
    ["mailto:a@b.example", "a@b.example", "b.example"],
    ["not an address", null, null],
    ["<script>@x", null, null],
  ])("%s → %s", (typed, address, domain) => {
    expect(parseSender(typed)).toMatchObject({ address, domain });
  });
});
