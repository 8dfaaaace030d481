// Cheap "could this file be relevant?" checks. Plain substring searches are vectorised and far faster
// than one regular expression with many alternatives over a whole file; rules use them as a necessary
// condition before their exact (regex or syntax) check.

/** True when `text` contains at least one of `words`. */
export function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}
