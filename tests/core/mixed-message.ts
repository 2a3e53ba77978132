// A multipart/mixed message of a text part and one attached part: the shape of the mail that
// is not a bounce yet reaches a bounce address (feedback loop and DMARC reports, forwards,
// automatic replies), written once so each test states only its header, text and attachment.

/** The message (boundary "b", CRLF line ends): `head`, then a text/plain part of `text`, then
 * `attached`: the attached part's header lines, a blank line and its body, as it stands. */
export function mixedMessage(head: readonly string[], text: readonly string[], attached: readonly string[]): Buffer {
  const lines = [
    ...head,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    ...text,
    '',
    '--b',
    ...attached,
    '--b--',
  ];
  return Buffer.from(lines.join('\r\n') + '\r\n');
}
