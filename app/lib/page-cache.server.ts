// A public page whose HTML is the same for every visitor without a session opts in to the
// rendered-page cache (server/http/page-handler.ts) with `export const headers = cachedPage();`.
// Only pages whose loader reads nothing but the URL and the (absent) session may do this.
import { PAGE_CACHE_HEADER } from "../../server/http/page-handler";

export function cachedPage(seconds = 300) {
  return () => ({ [PAGE_CACHE_HEADER]: String(seconds) });
}
