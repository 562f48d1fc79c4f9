/**
 * Whether a page hydrates, from its matched routes' handles. Public pages work as plain HTML and
 * ship no JavaScript; a route opts in with `handle.hydrate` (the staff pages). root.tsx decides the
 * scripts with it and entry.server.tsx what else the page carries, so both ask here.
 */
export const pageHydrates = (handles: readonly unknown[]): boolean =>
  handles.some((handle) => (handle as { hydrate?: boolean } | undefined)?.hydrate === true);
