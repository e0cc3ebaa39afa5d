import { snippetParts } from './highlighted';

describe('highlighted snippets', () => {
  it('splits marked query terms from the escaped text around them', () => {
    expect(snippetParts('An <mark>agent</mark> calls &lt;tools&gt; &amp; <mark>loops</mark>.')).toEqual([
      { text: 'An ', marked: false },
      { text: 'agent', marked: true },
      { text: ' calls <tools> & ', marked: false },
      { text: 'loops', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('keeps any other markup as text, escaped or not', () => {
    const parts = snippetParts('<img src=x onerror=alert(1)><mark>x</mark>&lt;script&gt;alert(2)&lt;/script&gt;<b>bold</b>');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)>x<script>alert(2)</script><b>bold</b>');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['x']);
  });

  it('decodes numeric entities and leaves unknown ones', () => {
    expect(snippetParts('it&#39;s &#x27;ok&#x27; &nbsp;&bogus;')[0].text).toBe("it's 'ok' &nbsp;&bogus;");
  });
});
