import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Tests run against each package's sources, not a stale dist/.
    conditions: ["@quantecon/source"],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
