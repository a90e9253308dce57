/** Matching of a source's `file` parameter (a name or a glob such as `*.las`) against file names. */

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/**
 * Names matching `pattern`, sorted. A pattern without `*`/`?` matches that exact name (or, when no
 * name is exactly equal, names equal ignoring case); a glob matches ignoring case, because LAS files
 * are as often `.LAS` as `.las`.
 */
export function matchFiles(pattern: string, names: readonly string[]): string[] {
  if (!/[*?]/.test(pattern)) {
    if (names.includes(pattern)) return [pattern];
    const lower = pattern.toLowerCase();
    return names.filter((n) => n.toLowerCase() === lower).sort();
  }
  const re = globToRegExp(pattern);
  return names.filter((n) => re.test(n)).sort();
}
