// For the kit's tests: a component's server-rendered HTML (inside a router, as on a page), its
// ids in order, and one attribute of the element with an id.
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";

export function html(node: ReactNode): string {
  const Stub = createRoutesStub([{ path: "/", Component: () => <>{node}</> }]);
  return renderToString(<Stub initialEntries={["/"]} />);
}
export const ids = (markup: string) => [...markup.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
export const attr = (markup: string, id: string, name: string) => new RegExp(`<[^>]* id="${id}"[^>]*>`).exec(markup)?.[0].match(new RegExp(` ${name}="([^"]*)"`))?.[1];
