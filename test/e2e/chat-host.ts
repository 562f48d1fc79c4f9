// A page on "another website" (another port, so another origin) that embeds the chat widget, as a
// council or charity would: the chat tests open it to prove the widget works when embedded.
import { createServer, type Server } from "node:http";

function hostPage(lang: "en" | "cy", doorstepUrl: string) {
  const cy = lang === "cy";
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${cy ? "Cyngor Sir Enghraifft" : "Example Council"}</title></head>
<body>
<header><p>${cy ? "Cyngor Sir Enghraifft" : "Example Council"}</p></header>
<main><h1>${cy ? "Cysylltu â ni" : "Contact us"}</h1><p>${cy ? "Tudalen gwefan arall." : "A page on another website."}</p></main>
<script src="${doorstepUrl}/widget.js" defer></script>
</body>
</html>`;
}

/** Serves the host page on `port` (127.0.0.1), embedding the widget from `doorstepUrl`. */
export async function startChatHost(port: number, doorstepUrl: () => string): Promise<Server> {
  const host = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(hostPage(req.url?.startsWith("/cy") ? "cy" : "en", doorstepUrl()));
  });
  await new Promise<void>((resolve) => host.listen(port, "127.0.0.1", resolve));
  return host;
}
