import { terminalText } from './terminal-text';

describe('terminal text', () => {
  it('removes colour, cursor and title escapes and counts them', () => {
    const raw = '\u001b[31mred\u001b[0m \u001b[2J\u001b[Hcleared \u001b]0;pwned title\u0007done \u001b]8;;https://evil.test\u001b\\link\u001b]8;;\u001b\\';
    expect(terminalText(raw)).toEqual({ text: 'red cleared done link', removedEscapes: 7 });
  });

  it('shows other control characters as their visible pictures and keeps tabs and newlines', () => {
    expect(terminalText('a\u0007b\u0008c\td\r\ne\rf\u0000').text).toBe('a\u2407b\u2408c\td\ne\u240df\u2400');
  });

  it('leaves HTML as the characters it is made of', () => {
    expect(terminalText('<img src=x onerror=alert(1)>&amp;').text).toBe('<img src=x onerror=alert(1)>&amp;');
  });

  it('handles missing output', () => {
    expect(terminalText(null)).toEqual({ text: '', removedEscapes: 0 });
  });
});
