// courier-pythonfilter, the filters Courier runs on each message (github:gordonmessmer/
// courier-pythonfilter, c9c3f12, filters/pythonfilter/*.py): the replies its filters return,
// which Courier sends after the message. Known by the filters' own wording.

import type { ReasonRule } from '../reasons.ts';

export const COURIER_PYTHONFILTER_RULES: readonly ReasonRule[] = [
  // attachments.py: an attached file's name matches the site's list of refused extensions
  // ("554 The extension of the attached file is blacklisted"): the site's content policy; no
  // host or sender is on a block list.
  {
    id: 'policyviolation/pythonfilter-attachment',
    reason: 'policyviolation',
    phrases: [String.raw`\bthe extension of the attached file is blacklisted\b`],
    hints: ['attached file'],
    quote: '554 The extension of the attached file is blacklisted',
  },
  // comeagain.py, its greylisting: the first message from a sender and host pair is refused
  // for now ("421 Please send the message again to prove you are not spamware or
  // virusware."). No virus was found: the sending MTA is asked to retry.
  {
    id: 'expired/pythonfilter-comeagain',
    reason: 'expired',
    phrases: [String.raw`\bsend the message again to prove you are not spamware\b`],
    hints: ['spamware'],
    quote: '421 Please send the message again to prove you are not spamware or virusware.',
  },
];
