// Cross-checks the classifier against the reference parser, Sisimai (Perl; Debian's
// libsisimai-perl), on message files of our own: the fixtures under tests/fixtures/mta-notices,
// or messages our tests build, written out to a folder. Never point it at another parser's
// collection of bounces (the house rule: unseen mail stays unseen).
//
// For each file it runs classify() and Sisimai, matches recipients by address
// (case-insensitive) and compares the reason and the hard/soft call. Sisimai's hard/soft
// follows its reason: hard for userunknown, hostunknown, hasmoved, and notaccept with a 5xx
// (status or reply code); everything else soft.
//
// Usage: node tools/corpus/crosscheck.ts [--json] [--examples N] FILE_OR_DIR...
//   prints the counts, then each disagreeing pair "ours -> Sisimai's" with its count and up to
//   N examples (file, address, our diagnostic); --json prints one JSON line per recipient (our
//   reason, hard/soft, status, reply, diagnostic and decision trail beside Sisimai's) instead.
// Sisimai 4.x (Debian's 4.25) predates the reasons authfailure, badreputation, failedstarttls,
// notcompliantrfc, requireptr, speeding and suppressed, answers "onhold" where it found no
// reason, and takes a reason from the status code alone (X.7.x securityerror) where its phrase
// lists are silent: read a disagreement as a question about the text, not as a verdict.
// Needs `perl -MSisimai` (apt-get install libsisimai-perl).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../src/core/classify.ts';

/** Sisimai over the files, one JSON line per file (4.x names its entry point make(), 5.x rise()). */
const SISIMAI_SCRIPT = String.raw`
use strict; use warnings; use Sisimai; use JSON::PP;
my $json = JSON::PP->new->canonical; binmode STDOUT;
for my $file (@ARGV) {
    my $list = eval { Sisimai->can('rise') ? Sisimai->rise($file) : Sisimai->make($file) } || [];
    my @r = map { { address => $_->recipient->address, reason => $_->reason,
                    status => $_->deliverystatus, replycode => '' . ($_->replycode // '') } } @$list;
    print $json->encode({ file => $file, recipients => \@r }), "\n";
}`;

/** Sisimai's answers when it found no reason in the message. */
const NO_REASON = new Set(['onhold', 'undefined']);

/** The measured corpora hold other parsers' collections: never cross-checked here. */
const OTHER_COLLECTIONS = /\/(?:fixtures\/corpus\/(?:sisimai|crisp)|shared\/corpus)\//;

/** Files per perl run: keeps each command line well under the system's limit. */
const BATCH = 400;

export interface SisimaiRecipient {
  address: string;
  reason: string;
  status: string;
  replycode: string;
}

export interface Row {
  file: string;
  address: string;
  ours: {
    reason: string;
    hard: boolean;
    action: string;
    status: string;
    replyCode: string;
    diagnostic: string;
    decidedBy: string[];
  } | null;
  sisimai: (SisimaiRecipient & { hard: boolean }) | null;
}

/** Sisimai's hard/soft call, from its reason (see the corpus README). */
export function sisimaiHard(r: SisimaiRecipient): boolean {
  if (['userunknown', 'hostunknown', 'hasmoved'].includes(r.reason)) return true;
  return r.reason === 'notaccept' && (r.status.startsWith('5') || r.replycode.startsWith('5'));
}

export function runSisimai(files: string[]): Map<string, SisimaiRecipient[]> {
  const out = new Map<string, SisimaiRecipient[]>();
  for (let i = 0; i < files.length; i += BATCH) {
    const text = execFileSync('perl', ['-e', SISIMAI_SCRIPT, ...files.slice(i, i + BATCH)], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    for (const line of text.split('\n')) {
      if (!line) continue;
      const { file, recipients } = JSON.parse(line) as { file: string; recipients: SisimaiRecipient[] };
      out.set(file, recipients);
    }
  }
  return out;
}

function emlFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    const full = resolve(p);
    if (!statSync(full).isDirectory()) return [full];
    return readdirSync(full, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? emlFiles([join(full, e.name)]) : e.name.endsWith('.eml') ? [join(full, e.name)] : [],
    );
  });
}

/** One row per recipient either side found, matched by address. */
export async function crosscheck(files: string[]): Promise<Row[]> {
  const theirs = runSisimai(files);
  const rows: Row[] = [];
  for (const file of files) {
    const c = await classify(readFileSync(file));
    const ours = new Map(c.recipients.filter((r) => r.address).map((r) => [r.address.toLowerCase(), r]));
    const their = new Map((theirs.get(file) ?? []).map((r) => [r.address.toLowerCase(), r]));
    for (const address of new Set([...ours.keys(), ...their.keys()])) {
      const o = ours.get(address);
      const t = their.get(address);
      rows.push({
        file,
        address,
        ours: o
          ? {
              reason: o.reason,
              hard: o.bounceType === 'hard',
              action: o.action,
              status: o.enhancedCode,
              replyCode: o.replyCode,
              diagnostic: o.diagnostic,
              decidedBy: o.decidedBy,
            }
          : null,
        sisimai: t ? { ...t, hard: sisimaiHard(t) } : null,
      });
    }
  }
  return rows;
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const n = argv.indexOf('--examples');
  const examples = n >= 0 ? Number(argv[n + 1]) : 1;
  const paths = argv.filter((a, i) => !a.startsWith('--') && !(n >= 0 && i === n + 1));
  if (!paths.length) {
    console.error('usage: node tools/corpus/crosscheck.ts [--json] [--examples N] FILE_OR_DIR...');
    return 2;
  }
  const files = emlFiles(paths);
  const theirs = files.filter((f) => OTHER_COLLECTIONS.test(f));
  if (theirs.length) {
    console.error(`refused: ${theirs.length} file(s) of another parser's collection (e.g. ${theirs[0]}); cross-check our own messages`);
    return 2;
  }
  const rows = await crosscheck(files);
  if (json) {
    for (const r of rows) console.log(JSON.stringify(r));
    return 0;
  }
  const both = rows.filter((r) => r.ours && r.sisimai);
  const reasonAgrees = both.filter((r) => r.ours!.reason === r.sisimai!.reason).length;
  const hardAgrees = both.filter((r) => r.ours!.hard === r.sisimai!.hard).length;
  console.log(`${files.length} files, ${rows.length} recipients`);
  console.log(
    `  found by both ${both.length}, by us only ${rows.filter((r) => !r.sisimai).length}, by Sisimai only ${rows.filter((r) => !r.ours).length}`,
  );
  console.log(`  reason agrees ${reasonAgrees}/${both.length}, hard/soft agrees ${hardAgrees}/${both.length}`);
  // Where Sisimai read nothing or named no reason, it has no opinion to weigh: count those apart.
  const read = new Set(rows.filter((r) => r.sisimai).map((r) => r.file));
  const noReason = both.filter((r) => NO_REASON.has(r.sisimai!.reason) && r.ours!.reason !== r.sisimai!.reason).length;
  console.log(
    `  files Sisimai read no recipient from ${files.filter((f) => !read.has(f)).length}; disagreements where it named no reason (onhold, undefined) ${noReason}`,
  );
  const pairs = new Map<string, Row[]>();
  for (const r of both) {
    if (r.ours!.reason === r.sisimai!.reason && r.ours!.hard === r.sisimai!.hard) continue;
    const key = `${r.ours!.reason}${r.ours!.hard ? '(hard)' : ''} -> ${r.sisimai!.reason}${r.sisimai!.hard ? '(hard)' : ''}`;
    pairs.set(key, [...(pairs.get(key) ?? []), r]);
  }
  console.log('disagreements, ours -> Sisimai:');
  for (const [key, list] of [...pairs].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(list.length).padStart(4)}  ${key}`);
    for (const r of list.slice(0, examples))
      console.log(`          ${r.file} <${r.address}>: ${r.ours!.diagnostic.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
