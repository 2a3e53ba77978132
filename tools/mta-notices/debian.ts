// Unpacks a Debian package's files under .tools/mta/ without installing it: the recorder
// needs an MTA's binary and its own texts, and an MTA package would replace the machine's
// Postfix (they all provide mail-transport-agent). Libraries an MTA links to are installed
// normally (they conflict with nothing).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MTA_ROOT = fileURLToPath(new URL('../../.tools/mta/root/', import.meta.url));
const DEBS = fileURLToPath(new URL('../../.tools/mta/debs/', import.meta.url));

/** An MTA whose package ships links another MTA's package ships too (sendmail, mailq,
 * newaliases, makemap) is unpacked into a root of its own instead. */
export const ownRoot = (name: string) => fileURLToPath(new URL(`../../.tools/mta/root-${name}/`, import.meta.url));

export function unpack(packages: string[], root = MTA_ROOT): void {
  mkdirSync(DEBS, { recursive: true });
  for (const pkg of packages) {
    const downloaded = () => readdirSync(DEBS).find((f) => f.startsWith(pkg + '_'));
    if (!downloaded()) execFileSync('apt-get', ['download', pkg], { cwd: DEBS, stdio: 'inherit' });
    execFileSync('dpkg', ['-x', join(DEBS, downloaded()!), root]);
  }
}

export function installLibraries(packages: string[]): void {
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit' });
}

/** A system account an MTA's binary was built to run as. */
export function ensureUser(name: string, group?: string): void {
  const known = (db: string, key: string) => {
    try {
      execFileSync('getent', [db, key]);
      return true;
    } catch {
      return false;
    }
  };
  if (group && !known('group', group)) execFileSync('groupadd', ['--system', group]);
  if (!known('passwd', name))
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ...(group ? ['-g', group] : []), name]);
}

export const binary = (path: string, root = MTA_ROOT) => {
  const full = join(root, path);
  if (!existsSync(full)) throw new Error(`${full} is missing after unpacking`);
  return full;
};
