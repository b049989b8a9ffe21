// Folding names for matching: what a reader types ("valparaiso", "NUNOA", "ohiggins") must meet the
// names as written ("Valparaíso", "Ñuñoa", "O'Higgins"). Pure; no dependencies.

/**
 * A name reduced for comparison: accents and other marks removed, lower case, apostrophes dropped,
 * every other run of punctuation or spaces turned into one space.
 * @example foldName("Libertador Gral. Bernardo O'Higgins") // 'libertador gral bernardo ohiggins'
 * @example foldName('  Ñuñoa ') // 'nunoa'
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
