import { breakLongWords, withBreakableWords } from './breakable-text';

const ZWSP = '\u200B';

describe('breakLongWords', () => {
  it('leaves ordinary text and links alone', () => {
    const text = 'Kính gửi: Sở Văn hóa, Thể thao và Du lịch https://hop.daklak.gov.vn/moi/3q2-bY8xKmJc0vQh7ZrT9';
    expect(breakLongWords(text)).toBe(text);
    expect(breakLongWords('x'.repeat(100))).toBe('x'.repeat(100));
  });

  it('gives a longer run a break opportunity every 50 characters, keeping every character', () => {
    const broken = breakLongWords(`ab ${'x'.repeat(120)} cd`);
    expect(broken).toBe(`ab ${'x'.repeat(50)}${ZWSP}${'x'.repeat(50)}${ZWSP}${'x'.repeat(20)} cd`);
    expect(broken.replaceAll(ZWSP, '')).toBe(`ab ${'x'.repeat(120)} cd`);
  });

  it('never parts a combining mark from its letter, nor the halves of a surrogate pair', () => {
    const decomposed = 'a\u0301'.repeat(101); // á as a letter and its mark
    const pieces = breakLongWords(decomposed).split(ZWSP);
    expect(pieces.every((piece) => piece.startsWith('a') && piece.endsWith('\u0301'))).toBe(true);
    const emoji = '😀'.repeat(101);
    expect(breakLongWords(emoji).split(ZWSP).join('')).toBe(emoji);
    expect(breakLongWords(emoji).split(ZWSP)[0]).toBe('😀'.repeat(50));
  });
});

describe('withBreakableWords', () => {
  it('reaches text in stacks, columns, lists, tables and rich text, and nothing else', () => {
    const long = 'y'.repeat(120); // two breaks each
    const content = withBreakableWords([
      long,
      { text: [{ text: long, bold: true }, long], link: long, style: 'note' },
      { stack: [long] },
      { columns: [{ text: long }] },
      { ul: [long] },
      { ol: [long] },
      { table: { widths: ['*', 'auto'], body: [[long, { text: long }]] } },
    ]);
    const json = JSON.stringify(content);
    expect(json.split(ZWSP).length - 1).toBe(9 * 2); // nine texts; not the link
    expect(json).toContain(`"link":"${long}"`);
    expect(json).toContain('"widths":["*","auto"]');
  });
});
