// Sendmail 8 (Debian's sendmail-bin, with sendmail-cf and m4) as a recorded MTA: one private
// sendmail.cf per case, built with m4 from the package's own cf/ tree, a private queue and
// alias file, run from the command line as root (-odi delivers at once, -q runs the queue
// again once the case's return or warning time has passed). sender.test is local: the
// sender's alias is a program that stores each notice it is handed, and an own case's
// recipient fails in Sendmail's own local delivery.
//
// Sendmail looks up its own host name before it reads any configuration (and sleeps a minute
// when the name has no domain), so each run is in private UTS and mount namespaces: the host
// name mail.sender.test, an /etc/hosts that knows it, and a resolver on loopback (no query
// leaves the machine).
//
// KEEP=1 keeps each case's directory under /tmp (its sendmail.cf, queue and notices) to look at.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binary, installLibraries, MTA_ROOT, unpack } from './debian.ts';
import { awaitNotice, run, SENDER, submittedMessage, type MtaRecorder } from './mta.ts';
import { LOCAL_DOMAIN, recipientsOf, type Scenario } from './scenarios.ts';

const SENDMAIL = 'usr/libexec/sendmail/sendmail';

/** The sender's alias, and the local parts whose delivery an own case makes fail (at sender.test and LOCAL_DOMAIN alike). */
function aliases(dir: string): string {
  return [
    `sender: "|${dir}/store"`,
    `postmaster: "|${dir}/store-postmaster"`,
    'MAILER-DAEMON: postmaster',
    // A program that is not there: the shell says so and exits 127.
    'helpdesk: "|/usr/local/bin/helpdesk-import --queue support"',
    // A program that asks to be tried again later (EX_TEMPFAIL, sysexits.h), every time.
    'orders: "|exit 75"',
    // A list kept in a file that is not there.
    `staff: :include:${dir}/lists/staff`,
    '',
  ].join('\n');
}

function mc(dir: string, port: number, s: Scenario): string {
  const cf = join(MTA_ROOT, 'usr/share/sendmail/cf');
  const lines = [
    'divert(-1)',
    'divert(0)dnl',
    "VERSIONID(`rebound recorder')dnl",
    "OSTYPE(`linux')dnl",
    // linux.m4 picks procmail as the local mailer; this one uses the package's mail.local.
    `define(\`LOCAL_MAILER_PATH', \`${join(MTA_ROOT, 'usr/libexec/sendmail/mail.local')}')dnl`,
    "define(`LOCAL_MAILER_ARGS', `mail.local -l -d $u')dnl",
    "define(`LOCAL_MAILER_FLAGS', `Prmn9')dnl",
    "define(`confDOMAIN_NAME', `mail.sender.test')dnl",
    `define(\`QUEUE_DIR', \`${dir}/mqueue')dnl`,
    `define(\`ALIAS_FILE', \`${dir}/aliases')dnl`,
    `define(\`confSERVICE_SWITCH_FILE', \`${dir}/service.switch')dnl`,
    `define(\`confHOSTS_FILE', \`${dir}/hosts')dnl`,
    "define(`confDONT_PROBE_INTERFACES', `True')dnl",
    // The case's directory is under /tmp (sticky, world-writable).
    "define(`confDONT_BLAME_SENDMAIL', `TrustStickyBit')dnl",
    "define(`confDEF_USER_ID', `daemon:daemon')dnl",
    "define(`confTO_CONNECT', `2s')dnl",
    "define(`confTO_ICONNECT', `2s')dnl",
    "define(`confTO_INITIAL', `2s')dnl",
    "define(`confTO_COMMAND', `5s')dnl",
    // A case that gives up returns the message after 2 s; a delay warning keeps it an hour
    // and warns after 1 s.
    `define(\`confTO_QUEUERETURN', \`${s.delayWarning ? '1h' : '2s'}')dnl`,
    `define(\`confTO_QUEUEWARN', \`${s.delayWarning ? '1s' : '1h'}')dnl`,
    "define(`SMART_HOST', `esmtp:[127.0.0.1]')dnl",
    `define(\`ESMTP_MAILER_ARGS', \`TCP $h ${port}')dnl`,
    "FEATURE(`nocanonify')dnl",
    "FEATURE(`always_add_domain')dnl",
    "LOCAL_DOMAIN(`sender.test')dnl",
    `LOCAL_DOMAIN(\`${LOCAL_DOMAIN}')dnl`,
    "MAILER(`local')dnl",
    "MAILER(`smtp')dnl",
    '',
  ];
  writeFileSync(join(dir, 'sendmail.mc'), lines.join('\n'));
  const built = spawnSync(binary('usr/bin/m4'), [`-D_CF_DIR_=${cf}/`, join(cf, 'm4/cf.m4'), join(dir, 'sendmail.mc')], {
    encoding: 'utf8',
  });
  if (built.status !== 0 || built.stderr.includes('ERROR')) throw new Error(`m4 could not build sendmail.cf: ${built.stderr}`);
  return built.stdout;
}

function prepareCase(dir: string, port: number, s: Scenario): string {
  for (const sub of ['mqueue', 'out', 'postmaster', 'lists']) mkdirSync(join(dir, sub));
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'mqueue'), 0o700);
  // The alias programs run as the default user (daemon).
  chmodSync(join(dir, 'out'), 0o777);
  chmodSync(join(dir, 'postmaster'), 0o777);
  const store = (sub: string) => `#!/bin/sh\nf=$(mktemp ${dir}/${sub}/notice.XXXXXX) && cat > "$f"\n`;
  writeFileSync(join(dir, 'store'), store('out'), { mode: 0o755 });
  writeFileSync(join(dir, 'store-postmaster'), store('postmaster'), { mode: 0o755 });
  writeFileSync(join(dir, 'aliases'), aliases(dir));
  writeFileSync(join(dir, 'service.switch'), 'hosts files\naliases files\n');
  writeFileSync(join(dir, 'hosts'), '127.0.0.1 localhost\n127.0.0.1 mail.sender.test mail\n');
  writeFileSync(join(dir, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  writeFileSync(
    join(dir, 'isolated'),
    [
      '#!/bin/sh',
      'hostname mail.sender.test || exit 75',
      `mount --bind ${dir}/hosts /etc/hosts || exit 75`,
      `mount --bind ${dir}/resolv.conf /etc/resolv.conf || exit 75`,
      // The message comes from a file: Node's pipes are sockets, and Sendmail would take a
      // socket on its standard input for an SMTP client ("from localhost [[UNIX: localhost]]").
      'in=$1; shift',
      'exec "$@" < "$in"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  const conf = join(dir, 'sendmail.cf');
  writeFileSync(conf, mc(dir, port, s));
  return conf;
}

/** Longest one sendmail run may take (its own timeouts are seconds; this bounds the rest). */
const RUN_LIMIT_SECONDS = '60';

/** Runs sendmail in its own UTS and mount namespaces (see the top of this file), reading
 * `input` (a file) or nothing. */
const runSendmail = (dir: string, conf: string, args: string[], input = '/dev/null') =>
  run('timeout', [
    RUN_LIMIT_SECONDS,
    'unshare',
    '--uts',
    '--mount',
    '--propagation',
    'private',
    join(dir, 'isolated'),
    input,
    binary(SENDMAIL),
    '-C',
    conf,
    ...args,
  ]);

/** The notice as the sender's alias program got it, less the "From " envelope line Sendmail
 * writes before a message it hands a program (it is not part of the notice). */
function noticeIn(dir: string): Buffer | undefined {
  const names = readdirSync(join(dir, 'out')).sort();
  if (!names.length) return undefined;
  const text = readFileSync(join(dir, 'out', names[0]!));
  return text.subarray(0, 5).toString() === 'From ' ? text.subarray(text.indexOf('\n') + 1) : text;
}

export const sendmail: MtaRecorder = {
  name: 'sendmail',
  prepare() {
    installLibraries(['libwrap0', 'libdb5.3', 'libldap-2.5-0', 'liblockfile1', 'libnsl2', 'libsasl2-2', 'libssl3']);
    unpack(['sendmail-bin', 'sendmail-cf', 'm4']);
  },
  version() {
    const shown = spawnSync(binary(SENDMAIL), ['-d0.1', '-bt', '-C', '/dev/null'], { encoding: 'utf8', input: '' });
    const v = /^Version (\S+)/m.exec(shown.stdout)?.[1];
    if (!v) throw new Error(`sendmail did not say its version: ${shown.stdout}${shown.stderr}`);
    return `Sendmail ${v}`;
  },
  async record(s, port) {
    const dir = mkdtempSync('/tmp/rebound-sendmail-');
    try {
      const conf = prepareCase(dir, port, s);
      const made = await runSendmail(dir, conf, ['-bi']);
      if (made.status !== 0) throw new Error(`sendmail could not build its aliases: ${made.output}`);
      const to = recipientsOf(s);
      // -oem: errors are mailed back even to a sender on the command line. Its exit code
      // says how delivery went (67 for an unknown local user), not whether it took the message.
      writeFileSync(join(dir, 'message'), submittedMessage(s));
      const sent = await runSendmail(dir, conf, ['-odi', '-oem', '-f', SENDER, ...to], join(dir, 'message'));
      if (sent.status === 75 && /mount|hostname/.test(sent.output)) throw new Error(`could not isolate sendmail: ${sent.output}`);
      const waits = s.untilGiveUp || s.delayWarning;
      return await awaitNotice(
        () => noticeIn(dir),
        { tries: 8, every: waits ? 2500 : 500, nudge: waits ? () => runSendmail(dir, conf, ['-q']) : undefined },
        () =>
          `sendmail wrote no notice for ${s.id}: ${sent.output}\nqueue: ${readdirSync(join(dir, 'mqueue')).join(' ')}\npostmaster: ${readdirSync(join(dir, 'postmaster')).join(' ')}`,
      );
    } finally {
      if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
      else if (existsSync(dir)) console.log(`kept ${dir}`);
    }
  },
};
