// The LMTP listener's gathering of a message's bytes: what it hands to ingest is the message
// as sent, and its hash the hash of those bytes, whatever the chunks and whichever way it
// keeps them (joined at the end, or copied in as they come past 1 MB).

import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JOIN_AT_END_BYTES, ReceivedBytes } from '../../src/intake/received-bytes.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function receive(message: Buffer, chunkSizes: number[], limit: number): ReceivedBytes {
  const r = new ReceivedBytes(limit);
  for (let o = 0, i = 0; o < message.length; i++) {
    const n = chunkSizes[i % chunkSizes.length]!;
    r.add(message.subarray(o, o + n));
    o += n;
  }
  return r;
}

describe('ReceivedBytes', () => {
  it('gives back a small message and its SHA-256, joined from its chunks', () => {
    const message = randomBytes(5000);
    const r = receive(message, [1, 700, 4096], 10_000);
    expect(r.bytes().equals(message)).toBe(true);
    expect(r.sha256()).toBe(sha(message));
    expect(r.overLimit).toBe(false);
  });

  it('gives back a message past 1 MB, copied in as it came, and its SHA-256', () => {
    const message = randomBytes(JOIN_AT_END_BYTES * 3 + 12345);
    const r = receive(message, [65536, 333, 16384], 10 * 1024 * 1024);
    const bytes = r.bytes();
    expect(bytes.length).toBe(message.length);
    expect(bytes.equals(message)).toBe(true);
    expect(r.sha256()).toBe(sha(message));
    // In shared memory, so the classifier's thread reads it without a copy.
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('keeps every byte of a large message, up to the limit', () => {
    for (const [size, limit] of [
      [9_500_000, 25 * 1024 * 1024],
      [10 * 1024 * 1024, 10 * 1024 * 1024],
    ] as const) {
      const message = randomBytes(size);
      const r = receive(message, [65536, 4096], limit);
      expect(r.overLimit).toBe(false);
      expect(r.bytes().equals(message)).toBe(true);
      expect(r.sha256()).toBe(sha(message));
    }
  });

  it('keeps every byte when the size the client declared is wrong either way, or absurd', () => {
    const message = randomBytes(JOIN_AT_END_BYTES * 3 + 777);
    for (const declared of [undefined, 10, JOIN_AT_END_BYTES * 2, message.length, 10 * message.length, Number.NaN, -5, 1e300]) {
      const r = new ReceivedBytes(10 * 1024 * 1024, declared);
      for (let o = 0; o < message.length; o += 65536) r.add(message.subarray(o, o + 65536));
      expect({ declared, same: r.bytes().equals(message) }).toEqual({ declared, same: true });
      expect(r.sha256()).toBe(sha(message));
    }
  });

  it('keeps nothing of a message over the limit, and says it is over', () => {
    const message = randomBytes(JOIN_AT_END_BYTES + 5000);
    const r = receive(message, [65536], JOIN_AT_END_BYTES + 4999);
    expect(r.overLimit).toBe(true);
    expect(r.size).toBe(message.length);
    expect(r.bytes().length).toBe(0);
  });
});
