import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^crmkit$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^crmkit\/(.*)$/, replacement: fileURLToPath(new URL('./src/$1/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
