// The LMTP listener's gathering of a message's bytes: what it hands to ingest is the message
// as sent, and its hash the hash of those bytes, whatever the chunks and whichever way it
// keeps them (joined at the end, or copied in as they come past 1 MB).

import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { JOIN_AT_END_BYTES, RECEIVE_SLICE_BYTES, ReceivedBytes, readInSlices } from '../../src/intake/received-bytes.ts';

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

describe('reading a message a slice per turn of the event loop', () => {
  it('takes one slice, then makes the writer wait until the next turn; every byte arrives, in order', async () => {
    const chunk = 64 * 1024;
    const message = randomBytes(32 * chunk);
    const stream = new PassThrough();
    const got: Buffer[] = [];
    readInSlices(stream, (c) => got.push(c));
    // The socket's side: 2 MB written in one go, as one poll of the socket hands it over.
    const accepted: boolean[] = [];
    for (let o = 0; o < message.length; o += chunk) accepted.push(stream.write(message.subarray(o, o + chunk)));
    // Before the event loop turns: one slice taken, and the writer told to wait.
    expect(got.reduce((n, c) => n + c.length, 0)).toBe(RECEIVE_SLICE_BYTES);
    expect(accepted).toContain(false);
    stream.end();
    const ended = new Promise((r) => stream.once('end', r));
    // Bounded: 2 MB at 256 KB a turn needs 8 turns; 100 is plenty.
    for (let i = 0; i < 100 && got.reduce((n, c) => n + c.length, 0) < message.length; i++) await turn();
    await ended;
    expect(Buffer.concat(got).equals(message)).toBe(true);
  });
});
