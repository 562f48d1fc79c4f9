import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { html } from "./form/test-html";
import { Form, Link, PageHydratesContext } from "./link";

const page = (hydrates: boolean | undefined) => {
  const body = (
    <>
      <Link to="/concerns">Raise a concern</Link>
      <Form method="post">
        <button type="submit">Continue</button>
      </Form>
    </>
  );
  return html(hydrates === undefined ? body : <PageHydratesContext.Provider value={hydrates}>{body}</PageHydratesContext.Provider>);
};

describe("the app's Link and Form", () => {
  it.each([
    { hydrates: false, marks: 0 },
    { hydrates: true, marks: 2 },
    // Outside a page's layout (a component test): React Router's own behaviour.
    { hydrates: undefined, marks: 2 },
  ])("carry route discovery marks only on a page that hydrates ($hydrates)", ({ hydrates, marks }) => {
    const markup = page(hydrates);
    expect(markup).toContain('href="/concerns"');
    expect(markup).toMatch(/<form [^>]*method="post"/);
    expect(markup.match(/data-discover="true"/g)?.length ?? 0).toBe(marks);
  });

  it("are the only Link and Form the app imports", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !file.endsWith(path.join("components", "link.tsx"))) {
          for (const [, names] of readFileSync(file, "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"react-router"/g)) {
            if (names!.split(",").some((name) => ["Link", "Form"].includes(name.trim()))) offenders.push(file);
          }
        }
      }
    };
    walk("app");
    expect(offenders).toEqual([]);
  });
});
