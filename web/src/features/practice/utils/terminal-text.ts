/**
 * Learner output (stdout, stderr, test messages) shown as plain text. Terminal escape sequences
 * (colours, cursor moves, window titles, hyperlinks) are removed and counted, so the page can say
 * they were; other control characters become their visible Unicode pictures (␇, ␈ …). The result
 * is only ever rendered as a text node, so HTML in it stays text too.
 */
export type TerminalText = { text: string; removedEscapes: number };

// CSI (ESC [ … final byte, or the 8-bit CSI), OSC (ESC ] … BEL or ST), DCS/SOS/PM/APC strings, and
// the remaining two-byte escapes
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;

// every C0 and C1 control character except tab and line feed
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g;

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) {
    return String.fromCharCode(0x2400 + code);
  }
  return code === 0x7f ? '\u2421' : `\\x${code.toString(16)}`;
}

export function terminalText(raw: string | null | undefined): TerminalText {
  if (!raw) {
    return { text: '', removedEscapes: 0 };
  }
  let removedEscapes = 0;
  const withoutEscapes = raw.replace(ESCAPE_SEQUENCE, () => {
    removedEscapes += 1;
    return '';
  });
  const text = withoutEscapes.replace(/\r\n/g, '\n').replace(CONTROL, picture);
  return { text, removedEscapes };
}
