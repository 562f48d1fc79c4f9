import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { widgetPlugin } from "./widget/build";

export default defineConfig(({ isSsrBuild }) => ({
  build: {
    // The server bundle's entry is our Express/socket.io boot module, not just the request handler.
    rollupOptions: isSsrBuild ? { input: "./server/main.ts" } : undefined,
    target: "es2022",
  },
  css: {
    preprocessorOptions: {
      scss: {
        loadPaths: ["node_modules"],
        quietDeps: true,
        silenceDeprecations: ["import", "global-builtin", "slash-div", "if-function"],
      },
    },
  },
  resolve: { alias: { "~": "/app" } },
  optimizeDeps: {
    exclude: ["@electric-sql/pglite", "@prisma/adapter-pg", "pglite-prisma-adapter", "@prisma/client/runtime/client"],
  },
  plugins: [reactRouter(), widgetPlugin()],
}));
