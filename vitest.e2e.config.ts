import { defineConfig } from 'vitest/config';
import { StuckFileReporter } from './test/support/stuck-file-reporter.ts';

// End-to-end journeys in Debian's Chromium against the loopback harness (npm run test:e2e, after
// npm run build). One file at a time: each starts its own harness and browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default', new StuckFileReporter(10 * 60_000)],
  },
});
