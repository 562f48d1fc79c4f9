// The staff lists' one filter bar, and the small pieces it and the staff forms are made of.
import { describe, expect, it } from "vitest";
import { attr, html, ids } from "./test-html";
import { Button, FilterBar, IntentForm, Select, SingleCheckbox, StaffActionForm } from "./index";


describe("FilterBar", () => {
  const markup = html(
    <FilterBar
      submitLabel="Apply"
      label="Find cases"
      keep={{ sort: "d7" }}
      filters={[
        { kind: "select", name: "status", label: "Status", value: "open", all: "All", options: [{ value: "open", label: "Open" }, { value: "closed", label: "Closed" }] },
        { kind: "text", name: "action", id: "audit-action", label: "Action", value: "case.view", search: true, maxLength: 100 },
        { kind: "text", name: "min90", label: "At least", value: "", numeric: true, width: "4" },
        { kind: "checkbox", name: "review", label: "Review due", checked: true, value: "1" },
      ]}
      actions={<a href="/csv">CSV</a>}
    />,
  );

  it("is a GET form: each filter labelled, showing the filter in force, the hidden sort carried along", () => {
    expect(markup).toMatch(/^<form [^>]*method="get">/);
    expect(markup).toMatch(/^<form [^>]*aria-label="Find cases"/);
    expect(markup).toContain('<label class="govuk-label" for="status">Status</label>');
    expect(markup).toMatch(/<option value="">All<\/option><option value="open" selected="">Open<\/option>/);
    expect(attr(markup, "audit-action", "name")).toBe("action");
    expect(attr(markup, "audit-action", "value")).toBe("case.view");
    expect(attr(markup, "audit-action", "type")).toBe("search");
    expect(attr(markup, "audit-action", "maxLength")).toBe("100");
    expect(attr(markup, "min90", "inputMode")).toBe("numeric");
    expect(attr(markup, "review", "value")).toBe("1");
    expect(attr(markup, "review", "checked")).toBe("");
    expect(markup).toContain('<input type="hidden" name="sort" value="d7"/>');
    expect(markup).toMatch(/<button type="submit" class="govuk-button govuk-button--secondary">Apply<\/button><a href="\/csv">CSV<\/a>/);
  });
});

describe("Select and SingleCheckbox for staff forms", () => {
  it("a select may have no empty option, a hidden label, a name other than its id and a button beside it", () => {
    const markup = html(<Select id="capacity-1" name="capacity" label="Chats at once for Ann" labelHidden options={[{ value: "1", label: "1" }]} value="1" error="Choose 1 to 6" after={<button>Go</button>} />);
    expect(markup).not.toContain('<option value="">');
    expect(markup).toContain('class="govuk-label govuk-visually-hidden" for="capacity-1"');
    expect(attr(markup, "capacity-1", "name")).toBe("capacity");
    expect(attr(markup, "capacity-1", "aria-describedby")).toBe("capacity-1-error");
    expect(markup).toMatch(/<\/select> <button>Go<\/button><\/div>$/);
  });

  it("a checkbox without a legend is a small one in its own form group, its id its name", () => {
    const markup = html(<SingleCheckbox name="closeLinked" label="Close linked cases" checked={false} />);
    expect(markup).toMatch(/^<div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small"/);
    expect(markup).not.toContain("<fieldset");
    expect(attr(markup, "closeLinked", "value")).toBe("yes");
  });
});

describe("the staff pages' small POST forms", () => {
  it("an action that needs only a click: its intent, the sentence that explains it, a secondary button unless primary", () => {
    const markup = html(<StaffActionForm intent="progress" label="Record progress" hint="Tell the customer how it is going." />);
    expect(markup).toMatch(/^<form [^>]*method="post">/);
    expect(markup).toContain('<input type="hidden" name="intent" value="progress"/>');
    expect(markup).toContain('<input type="hidden" name="csrf"');
    expect(markup).toMatch(/<p class="govuk-body">Tell the customer how it is going.<\/p><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"[^>]*>Record progress<\/button><\/form>$/);
    const primary = html(<StaffActionForm intent="prepare" label="Prepare" primary />);
    expect(primary).not.toContain("<p ");
    expect(primary).toMatch(/<button type="submit" class="govuk-button" [^>]*>Prepare<\/button>/);
  });

  it("an intent form carries its hidden values; a warning button is GOV.UK's", () => {
    const markup = html(
      <IntentForm intent="callbackDone" inline hidden={{ callbackId: "c1" }}>
        <Button warning name="decision" value="remove">Remove</Button>
      </IntentForm>,
    );
    expect(markup).toContain('class="govuk-!-display-inline-block govuk-!-margin-left-2"');
    expect(markup).toContain('<input type="hidden" name="callbackId" value="c1"/>');
    expect(markup).toMatch(/<button type="submit" class="govuk-button govuk-button--warning"[^>]* value="remove" name="decision">Remove<\/button>/);
  });
});

