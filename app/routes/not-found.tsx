import { data } from "react-router";

// Unknown addresses, in either language, get the 404 page from the root error boundary.
export function loader() {
  throw data({ reason: "notFound" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
