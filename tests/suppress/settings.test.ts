// The suppression settings: safe defaults with no configuration, and a bad value stops the
// start naming the variable.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: '/tmp/unused', ...env });

describe('suppression settings', () => {
  it('has defaults that work with no configuration: both servers on loopback, hard reasons, 3 soft in 7 days for 14', () => {
    const s = load({}).suppress;
    expect(s).toMatchObject({
      hardReasons: ['userunknown', 'hostunknown', 'hasmoved', 'notaccept'],
      hardDays: 0,
      softCount: 3,
      softWindowDays: 7,
      softDays: 14,
      complaints: false,
      maxConnections: 100,
      idleTimeout: 60_000,
    });
    expect(s.socketmapListen).toEqual([{ kind: 'tcp', host: '127.0.0.1', port: 2426, path: '' }]);
    expect(s.policyListen).toEqual([{ kind: 'tcp', host: '127.0.0.1', port: 2427, path: '' }]);
  });

  it('turns a server off with "off" and takes a unix socket', () => {
    const s = load({ SOCKETMAP_LISTEN: 'unix:/run/rebound/socketmap', POLICY_LISTEN: 'off' }).suppress;
    expect(s.socketmapListen).toEqual([{ kind: 'unix', host: '', port: 0, path: '/run/rebound/socketmap' }]);
    expect(s.policyListen).toEqual([]);
  });

  it('stops on a bad value, naming the variable', () => {
    expect(() => load({ SUPPRESS_HARD_REASONS: 'userunknown,rm -rf' })).toThrow(/^SUPPRESS_HARD_REASONS: "-rf" is not a reason name/);
    expect(() => load({ SUPPRESS_SOFT_COUNT: '0' })).toThrow(/^SUPPRESS_SOFT_COUNT: "0" is out of range/);
    expect(() => load({ SOCKETMAP_LISTEN: 'somewhere' })).toThrow(/^SOCKETMAP_LISTEN: "somewhere" is not host:port/);
    expect(() => load({ POLICY_LISTEN: 'unix:relative/path' })).toThrow(/^POLICY_LISTEN: .*must be absolute/);
    expect(() => load({ SUPPRESS_COMPLAINTS: 'maybe' })).toThrow(/^SUPPRESS_COMPLAINTS: "maybe" is not a boolean/);
    expect(() => load({ SUPPRESS_IDLE_TIMEOUT: '10ms' })).toThrow(/^SUPPRESS_IDLE_TIMEOUT: /);
  });
});
