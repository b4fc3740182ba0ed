import { describe, expect, it } from 'vitest';
import { foldSearchText, likePatterns } from '../../../src/main/office/search-text';

describe('search text', () => {
  it('makes a name typed decomposed ("A" + U+0301) the same text as its composed form', () => {
    expect('A\u0301ngela').not.toBe('Ángela');
    expect(foldSearchText('A\u0301ngela')).toBe('angela');
    expect(foldSearchText('Ángela')).toBe('angela');
    expect(foldSearchText('Nu\u0301n\u0303ez  Garci\u0301a')).toBe(foldSearchText('Núñez García'));
    expect(likePatterns('A\u0301ngela')).toEqual(likePatterns('ÁNGELA'));
  });

  it('splits the words and escapes LIKE wildcards', () => {
    expect(likePatterns('  50%_off \\ ')).toEqual(['%50\\%\\_off%', '%\\\\%']);
    expect(likePatterns(undefined)).toEqual([]);
  });
});
