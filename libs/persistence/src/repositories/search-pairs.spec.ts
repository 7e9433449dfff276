import { pairPattern } from './search-pairs';

/** The search_pairs column's text: every character written twice (migration CaseSearchPairs). */
const doubled = (text: string) => [...text].map((ch) => ch + ch).join('');

describe('pairPattern', () => {
  it('looks for a two-character term as its first character doubled, then its second', () => {
    expect(pairPattern('拖延')).toBe('拖拖延');
    expect(pairPattern('哈哈')).toBe('哈哈哈');
  });

  it('occurs in the doubled text exactly where the term occurs in the text, over every short text', () => {
    // Every text of up to six characters over a three-letter alphabet, against every two-character term of it.
    const alphabet = ['a', 'b', '拖'];
    const texts: string[] = [''];
    for (let length = 1; length <= 6; length++) {
      for (const text of texts.filter((t) => [...t].length === length - 1)) for (const ch of alphabet) texts.push(text + ch);
    }
    let checked = 0;
    for (const text of texts) {
      for (const x of alphabet) {
        for (const y of alphabet) {
          expect({ text, term: x + y, found: doubled(text).includes(pairPattern(x + y)) }).toEqual({ text, term: x + y, found: text.includes(x + y) });
          checked++;
        }
      }
    }
    expect(checked).toBe(1093 * 9);
  });
});
