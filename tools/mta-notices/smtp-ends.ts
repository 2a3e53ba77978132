// For a recorded MTA that takes its messages over SMTP: a client that submits the case's
// message to it (bounded in time: the recorder runs unattended).

import { connect } from 'node:net';

/** Submits a message over SMTP to 127.0.0.1:port; rejects on any refusal or after 20 s. */
export function submit(port: number, from: string, to: string[], message: Buffer): Promise<void> {
  const body = message.toString('utf8').replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  const steps: [string | undefined, number][] = [
    [undefined, 220],
    ['EHLO client.sender.test', 250],
    // RFC 6531: an internationalised address is sent only in a transaction that says SMTPUTF8.
    [`MAIL FROM:<${from}>${to.some((r) => /[^\x00-\x7f]/.test(r)) ? ' SMTPUTF8' : ''}`, 250],
    ...to.map((r): [string, number] => [`RCPT TO:<${r}>`, 250]),
    ['DATA', 354],
    [body + '.', 250],
    ['QUIT', 221],
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    const timer = setTimeout(() => finish(new Error('submission timed out')), 20_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    let step = 0;
    let buffered = '';
    socket.on('error', finish);
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      for (;;) {
        const eol = buffered.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffered.slice(0, eol);
        buffered = buffered.slice(eol + 2);
        if (line[3] === '-') continue;
        const want = steps[step]![1];
        if (Number(line.slice(0, 3)) !== want) return finish(new Error(`submission refused: ${line}`));
        step++;
        if (step === steps.length) return finish();
        socket.write(steps[step]![0] + '\r\n');
      }
    });
  });
}
