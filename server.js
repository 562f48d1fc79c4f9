// Node entry: `node server.js`. In development it serves through Vite; otherwise it
// runs the production build. Everything else lives in server/main.ts.
const development = process.env.NODE_ENV === "development";

let startServer;
let viteDevServer;
if (development) {
  const vite = await import("vite");
  viteDevServer = await vite.createServer({ server: { middlewareMode: true }, appType: "custom" });
  ({ startServer } = await viteDevServer.ssrLoadModule("./server/main.ts"));
} else {
  ({ startServer } = await import("./build/server/index.js"));
}

const server = await startServer({ viteDevServer });
console.log(`Doorstep is running on ${server.url}`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // A stuck connection must not keep a stopped server alive for ever.
    setTimeout(() => process.exit(1), 10_000).unref();
    server
      .stop()
      .then(() => viteDevServer?.close())
      .then(() => process.exit(0), () => process.exit(1));
  });
}
