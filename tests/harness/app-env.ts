// Settings every test that starts the whole service (buildApp, `rebound start`) shares.

/**
 * The suppression servers listen on fixed ports by default (2426, 2427): a test that is not
 * about them turns them off, so test files never contend for those ports.
 */
export const NO_SUPPRESSION_SERVERS = { SOCKETMAP_LISTEN: 'off', POLICY_LISTEN: 'off' } as const;
