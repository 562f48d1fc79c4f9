export default function Todo() { return <p className="govuk-body">…</p>; }
