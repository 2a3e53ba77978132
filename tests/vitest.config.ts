import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Test files run one at a time: the end-to-end suites start real Postfix, Dovecot and
// Chromium instances on fixed loopback ports, and the machine has two cores.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // One private PostgreSQL for the run when REBOUND_TEST_ENGINE=postgres; nothing otherwise.
    globalSetup: ['tests/harness/pg-suite.ts'],
  },
});
