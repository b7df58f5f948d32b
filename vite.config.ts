/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { pwaPlugin } from "./scripts/pwa-plugin.ts";

export default defineConfig({
  plugins: [react(), tailwindcss(), pwaPlugin()],
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: false },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts", "validation/**/*.test.ts"],
    environment: "node",
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
