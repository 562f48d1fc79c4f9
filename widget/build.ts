// Builds the widget into the client build: /widget.js (the loader) and /chat-app.js +
// /chat-app.css (the app in the iframe). Called by vite.config.ts after the client build.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";

export async function buildWidget(outDir: string) {
  mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, minify: true, format: "iife", target: "es2020", legalComments: "none", logLevel: "warning" } as const;
  await Promise.all([
    build({ ...common, entryPoints: [path.resolve("widget/loader.ts")], outfile: path.join(outDir, "widget.js") }),
    build({
      ...common,
      entryPoints: [path.resolve("widget/app/main.tsx")],
      outfile: path.join(outDir, "chat-app.js"),
      jsx: "automatic",
      jsxImportSource: "preact",
      define: { "process.env.NODE_ENV": '"production"' },
    }),
  ]);
  const css = path.resolve("widget/app/chat-app.css");
  if (existsSync(css)) copyFileSync(css, path.join(outDir, "chat-app.css"));
}

/** Vite plugin: after the client bundle is written, build the widget beside it. */
export function widgetPlugin() {
  let outDir = "";
  return {
    name: "doorstep-widget",
    apply: "build" as const,
    configResolved(config: { build: { outDir: string } }) {
      outDir = config.build.outDir;
    },
    async writeBundle(this: { environment?: { name: string } }) {
      const env = this.environment?.name;
      if (env && env !== "client") return;
      if (!env && !outDir.endsWith("client")) return;
      await buildWidget(env ? path.resolve("build/client") : outDir);
    },
  };
}
