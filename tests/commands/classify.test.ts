import { spawnSync } from 'node:child_process';
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
});
