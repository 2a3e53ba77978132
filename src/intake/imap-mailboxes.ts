// Several IMAP mailboxes, each its own poller: its own connection, backoff, UID/UIDVALIDITY
// state (keyed user@host/folder), status part and metrics label. They start and stop
// together, but a mailbox that is down or refuses the login never holds up the others:
// each poller's start() resolves after its first attempt, whatever the outcome.

import type { Config } from '../config.ts';
import { createImapPoller, type ImapPoller, type ImapPollerOptions } from './imap.ts';

export interface ImapPollers {
  /** One poller per mailbox, by mailbox name. */
  pollers: Map<string, ImapPoller>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createImapPollers(mailboxes: Config['imap'][], opts: Omit<ImapPollerOptions, 'config' | 'tokens'>): ImapPollers {
  const pollers = new Map<string, ImapPoller>();
  for (const m of mailboxes) pollers.set(m.name, createImapPoller({ ...opts, config: m }));
  return {
    pollers,
    async start() {
      // In parallel: a slow server (connection timeout 30 s) must not delay the others' first poll.
      await Promise.all([...pollers.values()].map((p) => p.start()));
    },
    async stop() {
      await Promise.all([...pollers.values()].map((p) => p.stop()));
    },
  };
}
