import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, mailboxAddress } from "./config";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "doorstep-config-"));

describe("loadConfig", () => {
  it("defaults to the embedded database and generates a persistent secret", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.embedded).toBe(true);
    expect(first.port).toBe(3000);
    expect(first.seedDemoData).toBe(true);
    expect(first.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
  });

  it("configures the outbox relay only with a webhook URL and a secret", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).webhook).toBeUndefined();
    const secret = "s".repeat(40);
    expect(loadConfig({ DATA_DIR: dataDir(), WEBHOOK_URL: "https://backoffice.example/hook", WEBHOOK_SECRET: secret }).webhook).toEqual({ url: "https://backoffice.example/hook", secret });
  });

  it("reads the casework mailbox and inbound mail settings", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), MAIL_REPLY_TO: "Casework <casework@example.org>", INBOUND_SMTP_PORT: "2525", IMAP_URL: "imaps://u:p@mail.example.org/INBOX" });
    expect(config.mailReplyTo).toBe("Casework <casework@example.org>");
    expect(config.inbound).toMatchObject({ smtpPort: 2525, smtpHost: "127.0.0.1", imapUrl: "imaps://u:p@mail.example.org/INBOX" });
    expect(mailboxAddress("Casework <casework@example.org>")).toBe("casework@example.org");
    expect(mailboxAddress("casework@example.org")).toBe("casework@example.org");
    expect(mailboxAddress("casework")).toBeNull();
  });

  it("checks public forms' fill time outside demo mode, and as told", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production" }).publicFormMinFillMs).toBe(1500);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", SEED_DEMO_DATA: "true" }).publicFormMinFillMs).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", SEED_DEMO_DATA: "true", PUBLIC_FORM_MIN_FILL_MS: "2000" }).publicFormMinFillMs).toBe(2000);
    expect(() => loadConfig({ DATA_DIR: dataDir(), PUBLIC_FORM_MIN_FILL_MS: "-1" })).toThrow(ConfigError);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production" }).publicAddressQuotas).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", SEED_DEMO_DATA: "true" }).publicAddressQuotas).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", SEED_DEMO_DATA: "true", PUBLIC_ADDRESS_QUOTAS: "true" }).publicAddressQuotas).toBe(true);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: "" }).embedded).toBe(true);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL"],
    [{ MAIL_REPLY_TO: "casework" }, "MAIL_REPLY_TO"],
    [{ MAIL_REPLY_TO: "Casework <not an address>" }, "MAIL_REPLY_TO"],
    [{ IMAP_URL: "http://mail" }, "IMAP_URL"],
    [{ INBOUND_SMTP_PORT: "70000" }, "INBOUND_SMTP_PORT"],
    [{ DATABASE_URL: "postgresql://localhost/x" }, "SESSION_SECRET"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ WEBHOOK_URL: "https://backoffice.example/hook" }, "WEBHOOK_SECRET"],
    [{ WEBHOOK_URL: "https://backoffice.example/hook", WEBHOOK_SECRET: "short" }, "WEBHOOK_SECRET"],
    [{ WEBHOOK_URL: "ftp://backoffice.example/hook", WEBHOOK_SECRET: "x".repeat(32) }, "WEBHOOK_URL"],
    [{ WEBHOOK_URL: "http://backoffice.example/hook", WEBHOOK_SECRET: "x".repeat(32) }, "WEBHOOK_URL"],
    [{ WEBHOOK_URL: "http://10.0.0.5:8080/hook", WEBHOOK_SECRET: "x".repeat(32) }, "WEBHOOK_URL"],
  ])("rejects %o naming %s", (env, name) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(name);
  });

  it("does not seed demo staff into a real PostgreSQL unless asked", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://localhost/x", SESSION_SECRET: "x".repeat(32) });
    expect(config.embedded).toBe(false);
    expect(config.seedDemoData).toBe(false);
  });

  it("allows plain http webhooks only to this machine", () => {
    const secret = "s".repeat(40);
    for (const url of ["http://127.0.0.1:9999/hook", "http://localhost:8080/x", "http://[::1]:81/"]) {
      expect(loadConfig({ DATA_DIR: dataDir(), WEBHOOK_URL: url, WEBHOOK_SECRET: secret }).webhook?.url).toBe(url);
    }
  });

  it("never seeds demo staff under NODE_ENV=production unless SEED_DEMO_DATA=true, and warns when it does", () => {
    const production = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production" });
    expect(production.embedded).toBe(true);
    expect(production.seedDemoData).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", SEED_DEMO_DATA: "false" }).seedDemoData).toBe(false);
    const asked = loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", SEED_DEMO_DATA: "true" });
    expect(asked.seedDemoData).toBe(true);
    expect(asked.demoWarning).toMatch(/published passwords/);
    const quickStart = loadConfig({ DATA_DIR: dataDir() });
    expect(quickStart.seedDemoData).toBe(true);
    expect(quickStart.demoWarning).toMatch(/Demo mode/);
  });
});
