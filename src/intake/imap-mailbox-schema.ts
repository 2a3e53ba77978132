// The schema of one entry of IMAP_MAILBOXES_FILE (README "Several IMAP mailboxes"). A module
// of its own so that zod is loaded only when there is a mailbox file (imap-config.ts).

import { z } from 'zod';

const duration = z.union([
  z.number().positive(),
  z.string().regex(/^\d+(?:\.\d+)?\s*(ms|s|m|h)?$/i, 'is not a duration (e.g. 300, 30s, 5m)'),
]);
const folders = z.strictObject({
  inbox: z.string().min(1),
  processed: z.string().min(1),
  skipped: z.string().min(1),
  problem: z.string().min(1),
});
const secretText = z.string().min(1);

/** `nameRe`: imap-config.ts's rule for mailbox names (passed in: this module imports only zod). */
export const mailboxSchema = (nameRe: RegExp) =>
  z.strictObject({
    name: z.string().regex(nameRe, 'must be 1 to 32 letters, digits, dot, dash or underscore'),
    server: z.string().min(1),
    port: z.number().int().min(1).max(65535).optional(),
    user: z.string().min(1),
    pass: secretText.optional(),
    passFile: secretText.optional(),
    auth: z.enum(['password', 'oauth2']).default('password'),
    tls: z.enum(['implicit', 'starttls', 'none']).default('implicit'),
    tlsVerify: z.boolean().default(true),
    pollInterval: duration.optional(),
    idle: z.boolean().default(true),
    batchSize: z.number().int().min(1).max(10_000).default(100),
    testMode: z.boolean().optional(),
    folders: folders.optional(),
    testFolders: folders.optional(),
    oauth: z
      .strictObject({
        provider: z.enum(['microsoft', 'google', 'other']),
        tenant: z.string().min(1).optional(),
        clientId: z.string().min(1),
        clientSecret: secretText.optional(),
        clientSecretFile: secretText.optional(),
        refreshToken: secretText.optional(),
        refreshTokenFile: secretText.optional(),
        tokenUrl: z.string().min(1).optional(),
        scope: z.string().optional(),
        allowHttp: z.boolean().optional(),
        certFile: secretText.optional(),
        keyFile: secretText.optional(),
      })
      .optional(),
  });

export type MailboxSchema = ReturnType<typeof mailboxSchema>;
