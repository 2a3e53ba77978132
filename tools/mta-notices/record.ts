// Records the notices real MTAs write about each case of scenarios.ts, into
// tests/fixtures/mta-notices/<mta>/<case>.eml. Run as root on a Debian machine:
//   node tools/mta-notices/record.ts exim
// The MTAs are unpacked under .tools/mta/ (not installed); the remote is scripted on loopback.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../tests/harness/ports.ts';
import { courier } from './courier.ts';
import { dma } from './dma.ts';
import { exim } from './exim.ts';
import { haraka } from './haraka.ts';
import { nullmailer } from './nullmailer.ts';
import { opensmtpd } from './opensmtpd.ts';
import { postfix } from './postfix.ts';
import type { MtaRecorder } from './mta.ts';
import { startRemote } from './remote.ts';
import { casesOf } from './scenarios.ts';
import { NOTICES_DIR } from './score.ts';
import { sendmail } from './sendmail.ts';

export const RECORDERS: Record<string, MtaRecorder> = { exim, postfix, sendmail, courier, opensmtpd, dma, haraka, nullmailer };

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const only = process.env.CASES?.split(',');
  for (const name of names) {
    const mta = RECORDERS[name];
    if (!mta) throw new Error(`no recorder for ${name}; known: ${Object.keys(RECORDERS).join(', ')}`);
    mta.prepare();
    const dir = join(NOTICES_DIR, name);
    mkdirSync(dir, { recursive: true });
    // A partial run (CASES=...) keeps the version the other notices were written by.
    if (!only) writeFileSync(join(dir, 'VERSION'), mta.version() + '\n');
    for (const s of casesOf(name)) {
      if (only && !only.includes(s.id)) continue;
      const port = await freePort();
      const remote = typeof s.remote === 'string' ? undefined : await startRemote(s.remote, port);
      try {
        writeFileSync(join(dir, `${s.id}.eml`), await mta.record(s, port));
        console.log(`${name}: ${s.id}`);
      } finally {
        await remote?.stop();
      }
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
