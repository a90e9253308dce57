/**
 * Null spellings: text tokens that mean "no value" in numeric curves. Decision (documented in
 * docs of the reader): only the header NULL value is a numeric null (-9999 or 9999 are real values
 * when the header declares NULL -999.25, as lasio also reads them); these text spellings are null
 * wherever they appear in a numeric curve, and the reader warns once per curve and spelling:
 * NaN, NULL, (null), NA, N/A, #N/A, NONE, -, --, ERR, ERROR, INF/-INF/INFINITY (a log sample is
 * never infinite), MS-C runtime spellings like -1.#IND0000, 1.#INF, 1.#QNAN, and Fortran overflow
 * fields made of `*`.
 */

const SPELLINGS = new Set([
  'NAN',
  '-NAN',
  '+NAN',
  'NULL',
  '(NULL)',
  'NA',
  'N/A',
  '#N/A',
  'NONE',
  'ERR',
  'ERROR',
  'INF',
  '-INF',
  '+INF',
  'INFINITY',
  '-INFINITY',
  '+INFINITY',
  '',
]);

/** True when `token` is a recognised text spelling of a missing value. */
export function isNullSpelling(token: string): boolean {
  if (SPELLINGS.has(token.toUpperCase())) return true;
  let dashes = 0;
  let stars = 0;
  for (let i = 0; i < token.length; i++) {
    if (token[i] === '-') dashes++;
    else if (token[i] === '*') stars++;
  }
  if (dashes === token.length || stars === token.length) return true;
  // MS C runtime: [-+]digits.#IND|INF|QNAN|SNAN followed by digits (e.g. -1.#IND0000).
  const hash = token.indexOf('.#');
  if (hash > 0) {
    const head = token.slice(0, hash).replace(/^[-+]/, '');
    const tail = token.slice(hash + 2).toUpperCase();
    const word = ['IND', 'INF', 'QNAN', 'SNAN'].find((w) => tail.startsWith(w));
    if (word && /^[0-9]+$/.test(head) && /^[0-9]*$/.test(tail.slice(word.length))) return true;
  }
  return false;
}
