/**
 * What a two-character term 'xy' is looked for as in search_pairs (every character written twice): 'xxy', which
 * occurs there exactly where 'xy' occurs in the text. At an even offset 'xxy' is a doubled x then y; at an odd one it
 * would be x, then a doubled character that is both x and y, which is 'xx' again. One trigram, so the index reads one
 * posting list where 'xxyy' (trigrams 'xxy' and 'xyy') made it read and intersect two of the same length. What a
 * frequent term's count still costs is mostly the rows it reads, not the index (BENCHMARKS.md).
 */
export function pairPattern(term: string): string {
  const [x, y] = [...term];
  return x + x + y;
}
