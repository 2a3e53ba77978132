// `rebound config`: the effective configuration as JSON, secrets masked.

import { loadConfig, maskedConfig } from '../config.ts';

export async function run(): Promise<number> {
  process.stdout.write(`${JSON.stringify(maskedConfig(loadConfig()), null, 2)}\n`);
  return 0;
}
