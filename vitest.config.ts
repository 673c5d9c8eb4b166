import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/node_modules/**', 'test/e2e/**'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks',
        reporters: ['default', './test/summary-reporter.ts']
    }
});
