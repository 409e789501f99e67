import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // locales/ sits beside ui/: the catalogs are shared with the Rust side.
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../locales"] } },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
