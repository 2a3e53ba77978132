import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['src/commands/classify.ts', ...args], { cwd: ROOT, input, encoding: 'utf8' });

describe('rebound classify', () => {
  it('prints one JSON line per file with kind, recipients and original message', () => {
    const out = run(['tests/fixtures/corpus/postfix/dsn-remote-550.eml', 'tests/fixtures/corpus/postfix/dsn-delayed-remote450.eml']);
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.kind])).toEqual([
      ['tests/fixtures/corpus/postfix/dsn-remote-550.eml', 'bounce'],
      ['tests/fixtures/corpus/postfix/dsn-delayed-remote450.eml', 'delay'],
    ]);
    expect(Object.keys(lines[0].recipients[0])).toEqual([
      'address',
      'action',
      'status',
      'replyCode',
      'reason',
      'bounceType',
      'diagnostic',
      'remoteMta',
      'decidedBy',
    ]);
    expect(Object.keys(lines[0].original)).toEqual(['messageId', 'from', 'to', 'cc', 'subject', 'date', 'trackingId']);
  });

  it('reads stdin when given no file and names it "-"', () => {
    const out = run(
      [],
      'From: MAILER-DAEMON@mx.example\nSubject: failure notice\n\n<kim@example.com>:\nSorry, no mailbox here by that name. (#5.1.1)\n',
    );
    expect(out.status).toBe(0);
    const line = JSON.parse(out.stdout);
    expect(line).toMatchObject({ file: '-', kind: 'bounce' });
    expect(line.recipients[0]).toMatchObject({ address: 'kim@example.com', reason: 'userunknown', bounceType: 'hard' });
  });

  it('names an unreadable file on stderr, exits non-zero and still prints the others', () => {
    const out = run(['/nonexistent/x.eml', 'tests/fixtures/corpus/postfix/dsn-remote-550.eml']);
    expect(out.status).toBe(1);
    expect(out.stderr).toBe('rebound classify: cannot read /nonexistent/x.eml: ENOENT\n');
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.kind])).toEqual([['tests/fixtures/corpus/postfix/dsn-remote-550.eml', 'bounce']]);
  });

  it('prints input that is not an email message as a line with its error, and exits 0 (the file was read)', () => {
    const out = run(['-'], 'just some words, no header fields\n');
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toMatchObject({
      file: '-',
      kind: 'not-bounce',
      recipients: [],
      error: 'no header fields: not an email message',
    });
  });

  it("explains a result in plain words with the decision trail and the deciding rule's quote (--explain)", () => {
    const notice =
      'From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\n\nThis is the mail system.\n\n' +
      '<kim@example.com>: Host or domain name not found. Name service error for\n    name=example.com type=MX: Host not found, try again\n';
    const out = run(['--explain', '-'], notice);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('-: a bounce: delivery failed');
    expect(out.stdout).toContain('kim@example.com: soft bounce: a network or DNS problem on the way (networkerror)');
    expect(out.stdout).toMatch(
      /1\. the address was read from the notice's text\n\s+2\. the server's words match rule networkerror\/temporary-dns \(networkerror\), written for: "Host or domain name not found/,
    );
  });

  it('shows no control characters from the message in --explain output', () => {
    const out = run(
      ['--explain', '-'],
      'From: MAILER-DAEMON@mx.example\nSubject: failure notice\n\n<kim@example.com>:\nSorry, no mailbox \u001b[31mhere by that name. (#5.1.1)\n',
    );
    expect(out.stdout).toContain('kim@example.com: HARD bounce: the mailbox does not exist (userunknown)');
    expect(out.stdout).not.toContain('\u001b');
  });
  it('prints many files in the order given when it shares them among threads, byte for byte what one thread prints', () => {
    // 300 files (the postfix corpus over and over) with an unreadable one in the middle:
    // batches of 32 go to the main thread and a worker, answers come back out of order.
    const dir = 'tests/fixtures/corpus/postfix';
    const corpus = readdirSync(`${ROOT}${dir}`)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => `${dir}/${f}`);
    const files = Array.from({ length: 300 }, (_, i) => corpus[i % corpus.length]!);
    files.splice(150, 0, '/nonexistent/y.eml');
    const one = run(['--jobs', '1', ...files]);
    const threaded = run(['--jobs', '3', ...files]);
    expect(one.status).toBe(1);
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).toBe('rebound classify: cannot read /nonexistent/y.eml: ENOENT\n');
    expect(threaded.stdout).toBe(one.stdout);
    const printed = threaded.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { file: string }).file);
    expect(printed).toEqual(files.filter((f) => !f.startsWith('/nonexistent')));
  });

  it('gives the same --explain text on threads as on one', () => {
    const files = ['tests/fixtures/corpus/postfix/dsn-remote-550.eml', 'tests/fixtures/corpus/postfix/dsn-delayed-remote450.eml'];
    const one = run(['--explain', '--jobs', '1', ...files]);
    const threaded = run(['--explain', '--jobs=2', ...files]);
    expect(threaded.status).toBe(0);
    expect(threaded.stdout).toContain('dsn-remote-550.eml: a bounce');
    expect(threaded.stdout).toBe(one.stdout);
  });

  it('refuses a --jobs that is not a whole number from 1', () => {
    const out = run(['--jobs', '0', 'tests/fixtures/corpus/postfix/dsn-remote-550.eml']);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('rebound classify: --jobs takes a whole number from 1 to 999, not "0"\n');
    expect(out.stdout).toBe('');
  });
});
