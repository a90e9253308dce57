/**
 * Output file names of `petroflow run`: `DIR/<nodeId>.<ext>` must name one file on every file
 * system. Node ids differing only in letter case (`A`, `a`) would overwrite each other on Windows
 * and macOS, and a Windows device name (`con`, `nul`, `com1`...) would send the table to a device,
 * so both are refused before the run; LAS files per well whose names differ only in case are
 * told apart with a `-2`, `-3`... suffix, as the LAS writer does for other clashes.
 */

/** File names Windows reserves for devices, whatever the extension (compared without case). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** True when `name` (a file name, extension included) names a device on Windows. */
export function isWindowsDeviceName(name: string): boolean {
  const stem = name.split('.')[0] ?? '';
  return WINDOWS_DEVICE.test(stem.trimEnd());
}

/**
 * Problems with the terminal node ids as output file names, one sentence each: ids equal but for
 * letter case (on every platform, so a run's outputs do not depend on the disk it writes to) and,
 * on Windows, device names.
 */
export function outputIdProblems(ids: readonly string[], platform: string): string[] {
  const problems: string[] = [];
  const byLower = new Map<string, string>();
  for (const id of ids) {
    const other = byLower.get(id.toLowerCase());
    if (other !== undefined && other !== id)
      problems.push(
        `nodes '${other}' and '${id}' differ only in letter case, so their output files would overwrite each other on Windows and macOS; rename one of them`,
      );
    else byLower.set(id.toLowerCase(), id);
    if (platform === 'win32' && isWindowsDeviceName(id))
      problems.push(
        `node '${id}' cannot name an output file on Windows ('${id}' is a device name there); rename the node`,
      );
  }
  return problems;
}

/** Output names already used in one run, compared without letter case. */
export class OutputNames {
  private readonly used = new Set<string>();

  /** `name`, or `name` with `-2`, `-3`... before its extension when it is taken in any case. */
  claim(name: string): string {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let out = name;
    for (let k = 2; this.used.has(out.toLowerCase()); k++) out = `${stem}-${k}${ext}`;
    this.used.add(out.toLowerCase());
    return out;
  }
}

/** What to do about a failed output write, by its Node error code. */
const WRITE_HINTS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full: free some space or choose another --out',
  EDQUOT: 'the disk quota is used up: free some space or choose another --out',
  EROFS: 'the file system is read-only: choose another --out',
  EACCES: 'permission denied: choose another --out or change its permissions',
  EPERM: 'permission denied: choose another --out or change its permissions',
  EISDIR: 'a directory has that name: remove it or choose another --out',
};

/**
 * The one-line message of an output that could not be written: which node and file, why, what to
 * do, and that no partial file was left under that name (writes are atomic: io.ts).
 */
export function outputWriteError(nodeId: string, path: string, e: unknown): Error {
  const code = (e as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' ? WRITE_HINTS[code] : undefined;
  const detail = e instanceof Error ? e.message : String(e);
  return new Error(
    `node '${nodeId}': cannot write ${path} (${why ?? detail}); no partial file was left under that name`,
  );
}
