// The order `rebound copy` fills tables in: a referenced table before every table that
// references it (PostgreSQL checks each foreign key as the row arrives), whatever order
// SQLite lists them in; a cycle is refused by name rather than copied half.

import { describe, expect, it } from 'vitest';
import { CopyError, dependencyOrder } from '../../../src/store/pg/copy.ts';

const table = (name: string, ...references: string[]) => ({ name, references });

describe('dependencyOrder', () => {
  it("puts each table after the tables it references, keeping SQLite's order otherwise", () => {
    const order = dependencyOrder([
      table('api_tokens'),
      table('bounces', 'messages'),
      table('messages'),
      table('outbox', 'bounces'),
      table('suppressions', 'bounces'),
      table('webhook_attempts', 'webhook_deliveries'),
      table('webhook_deliveries', 'webhook_endpoints'),
      table('webhook_endpoints'),
    ]).map((t) => t.name);
    expect(order).toEqual([
      'api_tokens',
      'messages',
      'bounces',
      'outbox',
      'suppressions',
      'webhook_endpoints',
      'webhook_deliveries',
      'webhook_attempts',
    ]);
  });

  it('ignores a reference to a table that is not copied, and refuses a cycle naming it', () => {
    expect(dependencyOrder([table('a', 'gone'), table('b', 'a')]).map((t) => t.name)).toEqual(['a', 'b']);
    expect(() => dependencyOrder([table('a', 'b'), table('b', 'a')])).toThrow(CopyError);
    expect(() => dependencyOrder([table('a', 'b'), table('b', 'a')])).toThrow(/cycle: a -> b -> a/);
  });
});
