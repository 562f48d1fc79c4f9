// The form kit's id scheme, which error-summary links, e2e selectors and axe rely on: the first
// option's id is the field's name, the others `<name>-2`…, hints and errors `<id>-hint`/`-error`.
import { describe, expect, it } from "vitest";
import { attr, html, ids } from "./test-html";
import { Checkboxes, ConfirmationPanel, DateInput, ErrorSummary, FileUpload, IntentForm, Radios, StaffActionForm, Table, TextInput } from "./index";


const options = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No", hint: "Not at all" },
  { value: "maybe", label: "Maybe" },
];

describe("Radios and Checkboxes", () => {
  it.each([
    ["radios", <Radios name="answer" legend="Q" options={options} value="no" error="Pick one" hint="H" />],
    ["checkboxes", <Checkboxes name="answer" legend="Q" options={options} values={["no"]} error="Pick one" hint="H" />],
  ])("%s: the first option is the field's name, then -2, -3; hint and error describe the group", (_kind, node) => {
    const markup = html(node);
    expect(ids(markup)).toEqual(["answer-hint", "answer-error", "answer", "answer-2", "answer-2-item-hint", "answer-3"]);
    expect(markup).toMatch(/<fieldset class="govuk-fieldset" aria-describedby="answer-hint answer-error">/);
    expect(attr(markup, "answer-2", "checked")).toBe("");
    expect(attr(markup, "answer", "checked")).toBeUndefined();
    expect(markup).toContain("govuk-form-group--error");
  });

  it("a second group of the same field takes its ids from idPrefix and the shared description first", () => {
    const markup = html(<Checkboxes name="needs" idPrefix="needs-contact" legend="Q" options={options} values={[]} describedBy="needs-error" />);
    expect(ids(markup)).toEqual(["needs-contact", "needs-contact-2", "needs-contact-2-item-hint", "needs-contact-3"]);
    expect(markup).toContain('aria-describedby="needs-error"');
    expect(markup).toMatch(/name="needs"/);
  });

  it("the legend is the page heading at large size, else medium", () => {
    expect(html(<Radios name="a" legend="Q" options={options} isPageHeading />)).toContain('govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Q');
    expect(html(<Radios name="a" legend="Q" options={options} />)).toContain('govuk-fieldset__legend--m">Q');
  });

  it("an exclusive checkbox comes after the divider; a conditional question follows its option", () => {
    const markup = html(<Checkboxes name="x" legend="Q" values={[]} options={[{ value: "a", label: "A", conditional: <p>more</p> }, { value: "none", label: "None" }]} exclusive="none" dividerText="or" />);
    expect(markup).toMatch(/govuk-checkboxes__conditional"><p>more<\/p><\/div><div class="govuk-checkboxes__divider">or<\/div>/);
    expect(attr(markup, "x-2", "data-behaviour")).toBe("exclusive");
  });
});

describe("DateInput", () => {
  it("names and ids its boxes <name>-day/-month/-year and marks only the wrong ones", () => {
    const markup = html(<DateInput name="eventOn" legend="When" error="Bad" errorParts={["month"]} value={{ day: "1", month: "13", year: "2026" }} />);
    expect(ids(markup)).toEqual(["eventOn-error", "eventOn", "eventOn-day", "eventOn-month", "eventOn-year"]);
    expect(attr(markup, "eventOn-month", "class")).toContain("govuk-input--error");
    expect(attr(markup, "eventOn-day", "class")).not.toContain("govuk-input--error");
    expect(attr(markup, "eventOn-year", "value")).toBe("2026");
  });
});

describe("TextInput and ErrorSummary", () => {
  it("links each error to its field's id", () => {
    const markup = html(
      <>
        <ErrorSummary errors={[{ field: "email", message: "Enter an email" }]} />
        <TextInput id="email" label="Email" error="Enter an email" />
      </>,
    );
    expect(markup).toContain('<a href="#email">Enter an email</a>');
    expect(attr(markup, "email", "aria-describedby")).toBe("email-error");
    expect(attr(markup, "email", "aria-invalid")).toBe("true");
  });

  it("draws nothing without errors", () => {
    expect(html(<ErrorSummary errors={[]} />)).not.toContain("govuk-error-summary");
  });
});

describe("Table and ConfirmationPanel", () => {
  it("aligns numeric columns and heads rows when asked", () => {
    const markup = html(<Table caption="C" captionSize="hidden" columns={[{ label: "Name" }, { label: "Count", numeric: true }]} rows={[{ key: 1, rowHeader: true, data: { key: "k1" }, cells: ["Ann", { cell: 3, testId: "n" }] }]} />);
    expect(markup).toContain('<tr class="govuk-table__row" data-key="k1"><th scope="row" class="govuk-table__header">Ann</th><td class="govuk-table__cell govuk-table__cell--numeric" data-testid="n">3</td>');
    expect(markup).toContain('class="govuk-table__caption govuk-visually-hidden"');
  });

  it("shows the reference to quote", () => {
    const markup = html(<ConfirmationPanel title="Sent" referenceLabel="Your reference" reference="RFA-1" />);
    expect(markup).toMatch(/<h1 class="govuk-panel__title">Sent<\/h1><div class="govuk-panel__body">Your reference<br\/><strong data-testid="reference">RFA-1<\/strong>/);
  });
});

describe("FileUpload", () => {
  it("takes several files in a section of its own by default", () => {
    const markup = html(<FileUpload id="files" label="Files" hint="Up to 10" accept=".pdf" />);
    expect(markup).toContain('<label class="govuk-label govuk-label--m" for="files">Files</label>');
    expect(attr(markup, "files", "multiple")).toBe("");
    expect(attr(markup, "files", "aria-describedby")).toBe("files-hint");
  });

  it("one optional file among other questions: plain label, no multiple, error described and marked", () => {
    const markup = html(<FileUpload id="eml" label="The email" labelSize="plain" optional multiple={false} accept=".eml" hint="An .eml file" error="Not an email" />);
    // No translations loaded in unit tests: the word is its key.
    expect(markup).toMatch(/<label class="govuk-label" for="eml">The email(<!-- -->)? \((common:)?optional\)<\/label>/);
    expect(attr(markup, "eml", "multiple")).toBeUndefined();
    expect(attr(markup, "eml", "class")).toBe("govuk-file-upload govuk-file-upload--error");
    expect(attr(markup, "eml", "aria-describedby")).toBe("eml-hint eml-error");
    expect(ids(markup)).toEqual(["eml-hint", "eml-error", "eml"]);
  });
});

describe("IntentForm and StaffActionForm", () => {
  const fields = (markup: string) => [...markup.matchAll(/<input type="hidden" name="([^"]+)"/g)].map((m) => m[1]);

  it("posts its intent and hidden fields after the CSRF fields; `bare` adds no spacing", () => {
    const markup = html(
      <IntentForm intent="revoke" hidden={{ id: "t1" }} bare>
        <button>Revoke</button>
      </IntentForm>,
    );
    expect(markup).toMatch(/<form [^>]*method="post"/);
    expect(markup).not.toMatch(/<form[^>]* class=/);
    expect(fields(markup)).toEqual(["csrf", "formIssued", "intent", "id"]);
    expect(markup).toContain('name="intent" value="revoke"');
    expect(markup).toContain('name="id" value="t1"');
  });

  it("spaces itself as a block unless inline or bare; a one-click action is its button", () => {
    expect(html(<IntentForm intent="x"><span /></IntentForm>)).toMatch(/<form class="govuk-!-margin-bottom-6"/);
    expect(html(<IntentForm intent="x" inline><span /></IntentForm>)).toMatch(/<form class="govuk-!-display-inline-block govuk-!-margin-left-2"/);
    const action = html(<StaffActionForm intent="setAside" label="Set aside" />);
    expect(action).toContain('name="intent" value="setAside"');
    expect(action).toMatch(/<button[^>]*class="govuk-button govuk-button--secondary[^"]*"[^>]*>Set aside<\/button>/);
    expect(html(<StaffActionForm intent="confirm" label="Add" primary />)).toMatch(/<button[^>]*class="govuk-button"[^>]*>Add<\/button>/);
  });
});
