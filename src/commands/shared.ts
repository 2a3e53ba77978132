// Small pieces the CLI commands share.

import type { Config } from '../config.ts';
import type { NoticePlanner } from '../ingest.ts';

/** The notifier's planner, so imported bounces get their notices queued like live ones. */
export async function createNoticePlannerIfAvailable(config: Config): Promise<NoticePlanner | undefined> {
  const mod = (await import('../notify/notices.ts')) as { createNoticePlanner?: (c: Config) => NoticePlanner };
  return mod.createNoticePlanner?.(config);
}
