import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { StuckFileReporter } from './test/support/stuck-file-reporter.ts';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', new StuckFileReporter(5 * 60_000)],
  },
});
