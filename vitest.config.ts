import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Tests run against each package's sources, not a stale dist/.
    conditions: ["@quantecon/source"],
  },
  // Vitest resolves test imports in the SSR environment, which reads its own list (this one
  // replaces Vite's defaults, so they are repeated after ours); without it tests read dist/.
  ssr: { resolve: { conditions: ["@quantecon/source", "module", "node", "development|production"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
