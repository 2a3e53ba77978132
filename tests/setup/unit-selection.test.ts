// `npm run test:unit` must stay quick and need no server, process or root: the files it picks
// are sorted by what they do, read from their text (tests/vitest.unit.config.ts).

import { describe, expect, it } from 'vitest';
import { unitTestFiles } from '../vitest.unit.config.ts';

describe('the unit test selection', () => {
  const files = unitTestFiles();

  it('takes the pure tests and leaves out the end-to-end ones', () => {
    expect(files).toContain('tests/core/dsn.test.ts');
    expect(files).toContain('tests/ingest.test.ts');
    expect(files.filter((f) => f.startsWith('tests/e2e/'))).toEqual([]);
  });

  it('leaves out tests that start a server program, other processes or the whole service, or are marked @integration', () => {
    for (const f of [
      'tests/intake/imap.test.ts', // Dovecot
      'tests/store/store-faults.test.ts', // child processes, a tmpfs mount
      'tests/commands/import.test.ts', // the CLI as a process
      'tests/metrics.test.ts', // buildApp
      'tests/api/keyset.test.ts', // @integration: 100,000 rows
      'tests/store/pg/schema-parity.test.ts', // a private PostgreSQL
    ]) {
      expect(files).not.toContain(f);
    }
  });
});
