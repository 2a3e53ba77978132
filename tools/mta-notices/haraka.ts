// Haraka (the Node.js MTA, npm package Haraka) as a recorded MTA. It is not one of rebound's
// dependencies: prepare() installs it on demand into .tools/mta/haraka (install scripts
// skipped: the one there builds modern-syslog's native module, for the syslog plugin of its
// optional dependencies, which the recorder does not load). Each case runs Haraka with a private
// configuration folder under /tmp: it listens on a free loopback port and relays for
// 127.0.0.1 (haraka-plugin-relay's ACL); a get_mx hook of ours (the honest way to route
// without DNS) sends remote.test to the scripted remote and sender.test, where Haraka's
// notices go (outbound/hmail.js, bounce_respond), to a second loopback server that accepts
// everything: the recorder keeps the first message it receives. Temporary failures are
// retried once, 5 s later (outbound.ini temp_fail_intervals), then Haraka gives up.

import { execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../tests/harness/ports.ts';
import { awaitNotice, startDaemon, stopDaemon, submitWhenListening, type MtaRecorder } from './mta.ts';
import { startRemote } from './remote.ts';

const VERSION = '3.3.4';
const PREFIX = fileURLToPath(new URL('../../.tools/mta/haraka/', import.meta.url));
const HARAKA = join(PREFIX, 'node_modules/Haraka');

/** Our get_mx hook: the route of each domain, from the case's mx_route.ini. */
const ROUTE_PLUGIN = `'use strict'
// The recorder's routes instead of DNS: [routes] domain = port on 127.0.0.1.
exports.hook_get_mx = function (next, hmail, domain) {
    const port = this.config.get('mx_route.ini').routes[domain]
    if (!port) return next()
    next(OK, { exchange: '127.0.0.1', port: Number(port), priority: 0 })
}
`;

function configure(dir: string, listen: number, port: number, catcher: number): void {
  // Haraka's own configuration folder first (its defaults and its bounce template,
  // outbound.bounce_message and _html, as shipped), then ours over it.
  const config = join(dir, 'config');
  cpSync(join(HARAKA, 'config'), config, { recursive: true });
  mkdirSync(join(dir, 'plugins'));
  const files: Record<string, string> = {
    me: 'mail.sender.test\n',
    plugins: 'relay\nmx_route\n',
    // one process: no cluster of workers
    'smtp.ini': `[main]\nlisten=127.0.0.1:${listen}\nnodes=0\n`,
    'log.ini': '[main]\nlevel=info\n',
    'relay.ini': '[relay]\nacl=true\nforce_routing=false\n',
    relay_acl_allow: '127.0.0.1/32\n',
    'mx_route.ini': `[routes]\nremote.test=${port}\nsender.test=${catcher}\n`,
    // No TLS on loopback; a silent server is given up on after 3 s (connect_timeout also
    // bounds each reply); a temporary failure is retried once after 5 s (the least
    // outbound/config.js allows), then bounced.
    'outbound.ini': `enable_tls=false\nconnect_timeout=3\ntemp_fail_intervals=5s\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(config, name), text);
  writeFileSync(join(dir, 'plugins/mx_route.js'), ROUTE_PLUGIN);
}

const installedVersion = () => (JSON.parse(readFileSync(join(HARAKA, 'package.json'), 'utf8')) as { version: string }).version;

export const haraka: MtaRecorder = {
  name: 'haraka',
  prepare() {
    if (existsSync(join(HARAKA, 'package.json')) && installedVersion() === VERSION) return;
    mkdirSync(PREFIX, { recursive: true });
    execFileSync('npm', ['install', '--prefix', PREFIX, '--no-save', '--ignore-scripts', `Haraka@${VERSION}`], { stdio: 'inherit' });
  },
  version() {
    return `Haraka ${installedVersion()} (npm, on Node ${process.versions.node})`;
  },
  async record(s, port) {
    const dir = mkdtempSync('/tmp/rebound-haraka-');
    const listen = await freePort();
    const catcherPort = await freePort();
    const catcher = await startRemote({}, catcherPort);
    let daemon: ChildProcess | undefined;
    try {
      configure(dir, listen, port, catcherPort);
      const started = startDaemon(process.execPath, [join(HARAKA, 'bin/haraka'), '-c', dir]);
      daemon = started.daemon;
      const submitted = await submitWhenListening(listen, s, 40);
      if (submitted) throw new Error(`${submitted.message}; its log:\n${started.log()}`);
      return await awaitNotice(
        () => catcher.received[0],
        { tries: 120, every: 250 },
        () => `haraka wrote no notice for ${s.id}; its log:\n${started.log()}`,
      );
    } finally {
      await stopDaemon(daemon);
      if (daemon?.exitCode === null) daemon.kill('SIGKILL');
      await catcher.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
