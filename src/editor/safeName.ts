/** Download file names built from user text (pipeline names, node ids, file names). */

/** Longest base name (before the extension) a download gets, in UTF-16 code units. */
export const SAFE_NAME_MAX = 100;

/**
 * A file-system-safe base name: runs of other characters become `_`, the ends are trimmed, and
 * the result is capped at `max` code units (so a 5,000-character pipeline name still gives a
 * usable download name); 'pipeline' when nothing is left.
 */
export function safeName(s: string, max: number = SAFE_NAME_MAX): string {
  const clean = s.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '');
  return capName(clean, max).replace(/_+$/, '') || 'pipeline';
}

/** Cuts `s` to at most `max` UTF-16 code units without splitting a surrogate pair. */
export function capName(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  // A high surrogate at the cut would lose its low half: drop it too.
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
