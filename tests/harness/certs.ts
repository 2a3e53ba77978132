// A self-signed RSA certificate and its key, made with openssl (a dependency of Dovecot's
// package, so present wherever the IMAP tests run): for tests that need a credential of their
// own, such as an app registration's certificate.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SelfSignedCert {
  certFile: string;
  keyFile: string;
  certPem: string;
  keyPem: string;
}

/** Writes NAME.crt and NAME.key into `dir`, valid for `days`, with subject CN=`cn`. */
export function selfSignedCert(dir: string, name: string, cn = name, days = 2): SelfSignedCert {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', String(days), '-subj', `/CN=${cn}`],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
}
