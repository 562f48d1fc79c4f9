// The app's Link and Form: React Router's, except on pages that do not hydrate. React Router marks
// each link and form with data-discover="true" so a hydrated page can fetch the routes behind it
// before a click; a page that ships no JavaScript (every public page) has nothing to read the mark,
// so there it is left out (issue 15: the public pages' HTML is not to grow). Import these, not
// react-router's, so the rule lives in one place.
import { createContext, forwardRef, useContext } from "react";
import { Form as RouterForm, Link as RouterLink, type FormProps, type LinkProps } from "react-router";

/** Whether the page being rendered hydrates: root.tsx sets it from the routes' `handle.hydrate`. */
export const PageHydratesContext = createContext(true);

export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  const hydrates = useContext(PageHydratesContext);
  return <RouterLink ref={ref} {...props} discover={hydrates ? props.discover : "none"} />;
});

export const Form = forwardRef<HTMLFormElement, FormProps>(function Form(props, ref) {
  const hydrates = useContext(PageHydratesContext);
  return <RouterForm ref={ref} {...props} discover={hydrates ? props.discover : "none"} />;
});
