// A message's bytes as they arrive over LMTP, gathered and hashed on the way. Joining a 9.5 MB
// message's chunks at its end (one Buffer.concat) and hashing it then were two blocks of tens
// of ms on the event loop each (the first touch of 9.5 MB of fresh memory, then the hash's copy
// for WebCrypto; issue 17). Here each chunk costs its own copy and hash update as it comes in,
// between reads of the socket, and the end of data costs nothing more.

import { createHash, type Hash } from 'node:crypto';

/**
 * Up to this many bytes a message's chunks are kept as they came and joined at the end (nearly
 * every bounce: a few KB). Past it they are copied into one buffer as they arrive.
 */
export const JOIN_AT_END_BYTES = 1024 * 1024;

/**
 * A large message is gathered in shared memory: the classifier's thread then reads the same
 * bytes instead of a copy (src/core/classify-thread.ts). Copying 10 MB into fresh memory took
 * ~40 ms on the event loop here, most of it the first touch of each page. The buffer is
 * reserved at the size the client declared (Postfix's LMTP client sends SIZE=), so the copy
 * that growing it would take is not needed either; without a declaration, or past it (SIZE is
 * the client's claim, not a fact), it grows fourfold up to the limit.
 */
function sharedBuffer(size: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(size));
}

export class ReceivedBytes {
  readonly #limit: number;
  readonly #declared: number;
  readonly #hash: Hash = createHash('sha256');
  #chunks: Buffer[] = [];
  #whole: Buffer | undefined;
  #size = 0;

  /**
   * `limit`: the most bytes kept (LMTP_MAX_SIZE); a message past it is refused, its bytes
   * dropped. `declared`: the size the client announced (MAIL FROM's SIZE=), if any.
   */
  constructor(limit: number, declared?: number) {
    this.#limit = limit;
    this.#declared = declared !== undefined && Number.isSafeInteger(declared) && declared > 0 ? Math.min(declared, limit) : 0;
  }

  /** Bytes received so far, kept or not. */
  get size(): number {
    return this.#size;
  }

  /** True once more than `limit` bytes arrived (the message is refused; nothing more is kept). */
  get overLimit(): boolean {
    return this.#size > this.#limit;
  }

  add(chunk: Buffer): void {
    const at = this.#size;
    this.#size += chunk.length;
    if (this.overLimit) {
      this.#chunks = [];
      this.#whole = undefined;
      return;
    }
    this.#hash.update(chunk);
    if (this.#whole) {
      this.#reserve(this.#size, at);
      chunk.copy(this.#whole, at);
      return;
    }
    this.#chunks.push(chunk);
    if (this.#size > JOIN_AT_END_BYTES) {
      this.#whole = sharedBuffer(Math.min(this.#limit, Math.max(this.#declared, this.#size * 4)));
      let o = 0;
      for (const c of this.#chunks) o += c.copy(this.#whole, o);
      this.#chunks = [];
    }
  }

  /**
   * Room for `size` bytes, the first `used` of them kept. The buffer grows fourfold (up to the
   * limit), not to the limit at once: pages only written ones take memory, but shared memory
   * is not counted by V8 when it decides to collect garbage, so a dead message's reservation
   * is kept as small as its bytes allow.
   */
  #reserve(size: number, used: number): void {
    if (!this.#whole || this.#whole.length >= size) return;
    const grown = sharedBuffer(Math.min(this.#limit, Math.max(size, this.#whole.length * 4)));
    this.#whole.copy(grown, 0, 0, used);
    this.#whole = grown;
  }

  /** The message (empty once it went over the limit). */
  bytes(): Buffer {
    if (this.overLimit) return Buffer.alloc(0);
    return this.#whole ? this.#whole.subarray(0, this.#size) : Buffer.concat(this.#chunks, this.#size);
  }

  /** SHA-256 of the message, hex (call once, after the last chunk). */
  sha256(): string {
    return this.#hash.digest('hex');
  }
}

/**
 * Bytes of a message taken in one turn of the event loop. The socket can hand over 2 MB in one
 * poll (libuv reads until the kernel's buffer is empty), and smtp-server's scan for the end of
 * data, the copy and the hash of it held every other connection for ~20 ms on a quiet machine
 * (issue 17). A 256 KB slice is ~3 ms of that work.
 */
export const RECEIVE_SLICE_BYTES = 256 * 1024;

/**
 * Reads `stream` a slice per turn of the event loop: after `sliceBytes` it pauses until the
 * next turn. Paused, the stream's buffer fills and its writer (smtp-server) stops reading the
 * socket until then, so the other connections and timers get their turn in between.
 */
export function readInSlices(stream: NodeJS.ReadableStream, onChunk: (chunk: Buffer) => void, sliceBytes = RECEIVE_SLICE_BYTES): void {
  let taken = 0;
  stream.on('data', (chunk: Buffer) => {
    onChunk(chunk);
    taken += chunk.length;
    if (taken < sliceBytes) return;
    taken = 0;
    stream.pause();
    setImmediate(() => stream.resume());
  });
}
