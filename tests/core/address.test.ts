// The one address module: every part of rebound splits, lower-cases and extracts addresses
// the same way.

import { describe, expect, it } from 'vitest';
import { addressesIn, bareAddress, domainOf, localPartOf, normaliseAddress, splitAddress } from '../../src/core/address.ts';

describe('addresses', () => {
  it('splits at the last @, so a quoted local part that holds one stays whole', () => {
    expect(splitAddress('"a@b"@Example.ORG')).toEqual({ local: '"a@b"', domain: 'Example.ORG' });
    expect(splitAddress('postmaster')).toEqual({ local: 'postmaster', domain: '' });
    expect(domainOf('Jane@Example.ORG')).toBe('example.org');
    expect(domainOf('no-domain')).toBe('');
    expect(localPartOf('Jane@Example.ORG')).toBe('Jane');
  });

  it('lower-cases the domain and keeps the local part as written', () => {
    expect(normaliseAddress('Jane.Doe@Example.ORG')).toBe('Jane.Doe@example.org');
    expect(normaliseAddress('not an address')).toBe('not an address');
  });

  it('reads every address of a Cc value once, display names with commas included', () => {
    expect(addressesIn('"Doe, Jane" <jane@x.test>, Bob <bob@X.Test>')).toEqual(['jane@x.test', 'bob@x.test']);
    expect(addressesIn('a@x.test, b@x.test;c@x.test a@x.test')).toEqual(['a@x.test', 'b@x.test', 'c@x.test']);
    expect(addressesIn('<>')).toEqual([]);
    expect(addressesIn('undisclosed-recipients:;')).toEqual([]);
  });

  it('takes the bare address out of a name-addr', () => {
    expect(bareAddress('Jane Doe <jane@x.test>')).toBe('jane@x.test');
    expect(bareAddress(' <> ')).toBe('');
    expect(bareAddress('jane@x.test')).toBe('jane@x.test');
  });
});

// The tenth review (stop 32): the address pattern is bounded; a run of local-part characters
// longer than its bound is no address, never a made-up tail of one.
describe('addresses in long values', () => {
  it('reads a 300-character local part (a long VERP or BATV address) whole', () => {
    const local = 'v'.repeat(300);
    expect(addressesIn(`<${local}@example.net>`)).toEqual([`${local}@example.net`]);
  });

  it('takes no ASCII tail of a local part with other letters for an address (the eleventh review)', () => {
    expect(addressesIn('bøb@fabrikam.example')).not.toContain('b@fabrikam.example');
  });

  it('takes no tail of a local part longer than 512 characters for an address', () => {
    expect(addressesIn(`<${'z'.repeat(600)}@example.net>, bob@example.org`)).toEqual(['bob@example.org']);
  });
});
