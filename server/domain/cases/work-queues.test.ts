import { describe, expect, it } from "vitest";
import { CASE_TYPES } from "./case-types.js";
import {
  CHANNELS,
  ChannelSchema,
  SECTORS,
  SectorSchema,
  WORK_QUEUES,
  WORK_QUEUE_IDS,
  WORK_QUEUE_LABELS_EN,
  WorkQueueIdSchema,
  routeToWorkQueue,
  type Sector,
} from "./work-queues.js";

describe("work queue definitions", () => {
  it("has numbered queues 1–18 and the five named ones", () => {
    expect(WORK_QUEUES.map((q) => q.id)).toEqual([
      ...Array.from({ length: 18 }, (_, i) => String(i + 1)),
      "enforcement",
      "investigations",
      "information-access",
      "customer-contact",
      "records",
    ]);
  });

  it.each(WORK_QUEUES.map((q) => [q.id, q]))("queue %s has an i18n key and English label", (id, q) => {
    expect(q.labelKey).toBe(`workQueues.${id}`);
    expect(WORK_QUEUE_LABELS_EN[q.id].length).toBeGreaterThan(0);
  });

  it("schemas accept the known values only", () => {
    expect(SectorSchema.safeParse("telecoms").success).toBe(true);
    expect(SectorSchema.safeParse("banking").success).toBe(false);
    expect(ChannelSchema.safeParse("chat").success).toBe(true);
    expect(ChannelSchema.safeParse("fax").success).toBe(false);
    expect(WorkQueueIdSchema.safeParse("18").success).toBe(true);
    expect(WorkQueueIdSchema.safeParse("19").success).toBe(false);
  });
});

describe("routeToWorkQueue", () => {
  it.each([
    // Advice requests by channel
    ["ENQ", null, "web_form", "1"],
    ["ENQ", null, "chat", "2"],
    ["ENQ", null, "email", "4"],
    ["ENQ", null, "phone", "4"],
    ["ENQ", null, "staff", "4"],
    ["ENQ", null, "nuisance_tool", "4"],
    ["ENQ", null, "adjustments", "4"],
    ["ENQ", null, null, "4"],
    ["ENQ", "telecoms", "web_form", "1"],
    // Fixed queues, whatever the sector or channel
    ["COM", "health", "email", "3"],
    ["COM", null, null, "3"],
    ["ELE", "telecoms", "nuisance_tool", "6"],
    ["ELE", "health", "web_form", "6"],
    ["SEC", "lenders_credit_reference", "email", "7"],
    ["SEC", "general_business", "email", "7"],
    ["SEC", null, null, "7"],
    ["ENF", "telecoms", "staff", "enforcement"],
    ["PCB", "health", "staff", "investigations"],
    ["IRQ", null, "email", "information-access"],
    ["RCC", null, "web_form", "customer-contact"],
    ["INF", null, "email", "records"],
    // Data protection concerns by sector
    ["RFA", "telecoms", "web_form", "6"],
    ["RFA", "direct_marketing", "web_form", "6"],
    ["RFA", "lenders_credit_reference", "web_form", "7"],
    ["RFA", "general_business", "web_form", "8"],
    ["RFA", "motor", "web_form", "8"],
    ["RFA", "central_government", "web_form", "9"],
    ["RFA", "finance", "web_form", "9"],
    ["RFA", "police_criminal_justice", "web_form", "10"],
    ["RFA", "ministry_of_justice_home_office", "web_form", "10"],
    ["RFA", "london_borough", "web_form", "11"],
    ["RFA", "education", "web_form", "11"],
    ["RFA", "leisure", "web_form", "11"],
    ["RFA", "environment", "web_form", "11"],
    ["RFA", "charity", "web_form", "11"],
    ["RFA", "regulator", "web_form", "12"],
    ["RFA", "bbc", "web_form", "12"],
    ["RFA", "transport", "web_form", "12"],
    ["RFA", "health", "web_form", "12"],
    ["RFA", "local_government", "web_form", "13"],
    ["RFA", "other", "web_form", "8"],
    ["RFA", null, "email", "8"],
    // FOI and EIR concerns by sector
    ["FS50", "central_government", "web_form", "14"],
    ["FS50", "police_criminal_justice", "web_form", "15"],
    ["FS50", "ministry_of_justice_home_office", "web_form", "15"],
    ["FS50", "london_borough", "web_form", "16"],
    ["FS50", "education", "web_form", "16"],
    ["FS50", "leisure", "web_form", "16"],
    ["FS50", "environment", "web_form", "16"],
    ["FS50", "charity", "web_form", "16"],
    ["FS50", "regulator", "web_form", "17"],
    ["FS50", "bbc", "web_form", "17"],
    ["FS50", "transport", "web_form", "17"],
    ["FS50", "health", "web_form", "17"],
    ["FS50", "local_government", "web_form", "18"],
    ["FS50", "other", "web_form", "14"],
    ["FS50", null, "web_form", "14"],
    ["FS50", "telecoms", "web_form", "14"],
    ["FS50", "general_business", "web_form", "14"],
    ["FS50", "finance", "web_form", "14"],
    ["FER", "environment", "email", "16"],
    ["FER", "local_government", "email", "18"],
    ["FER", "direct_marketing", "email", "14"],
  ] as const)("%s sector=%s channel=%s → %s", (type, sector, channel, expected) => {
    expect(routeToWorkQueue({ type, sector, channel })).toBe(expected);
  });

  it("treats an unknown sector value as other", () => {
    expect(routeToWorkQueue({ type: "RFA", sector: "banking" as Sector, channel: "email" })).toBe("8");
    expect(routeToWorkQueue({ type: "FS50", sector: "banking" as Sector, channel: "email" })).toBe("14");
  });

  it("routes every type/sector/channel combination to a defined queue other than 5", () => {
    for (const type of CASE_TYPES)
      for (const sector of SECTORS)
        for (const channel of CHANNELS) {
          const q = routeToWorkQueue({ type, sector, channel });
          expect(WORK_QUEUE_IDS).toContain(q);
          expect(q).not.toBe("5");
        }
  });
});
