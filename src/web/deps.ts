// What the route modules share: the factory's inputs plus the pieces it builds once.

import type nunjucks from 'nunjucks';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { StatusBoard } from '../status.ts';
import type { BounceQueries } from '../store/bounce-queries.ts';
import type { Store } from '../store/store.ts';

export type RetryFn = (bounceId: number) => Promise<{ queued: boolean; message: string }>;

export interface WebDeps {
  config: Config;
  store: Store;
  log: Logger;
  board: StatusBoard;
  metrics: Metrics;
  /** The notifier's manual retry of one bounce's notices. */
  retry: RetryFn;
  queries: BounceQueries;
  views: nunjucks.Environment;
  now: () => Date;
}
