/**
 * Seeded synthetic log tables as CSV for the engine benchmarks, cached in `.bench-data/`: columns
 * DEPT, GR, RHOB, NPHI, RT (numbers only). Large files are written in chunks, never held whole.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { BENCH_DATA_DIR, mulberry32 } from './lasData.ts';

/** The header row of every generated CSV. */
export const CSV_HEADER = 'DEPT,GR,RHOB,NPHI,RT';

/** Rows `from` to `to` (exclusive) of the table of `seed`, each line ending in a newline. */
function rowsText(from: number, to: number, rnd: () => number): string {
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    const gr = (10 + rnd() * 140).toFixed(3);
    const rhob = (1.95 + rnd() * 0.75).toFixed(4);
    const nphi = (rnd() * 0.45).toFixed(4);
    const rt = (0.2 + rnd() * rnd() * 200).toFixed(3);
    lines.push(`${(1000 + i * 0.125).toFixed(3)},${gr},${rhob},${nphi},${rt}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A CSV of `rows` rows as text (small tables; tests and smoke runs). */
export function generateCsv(rows: number, seed = 7): string {
  return `${CSV_HEADER}\n${rowsText(0, rows, mulberry32(seed))}`;
}

/** Bytes of a cached generated CSV of `rows` rows, creating it on first use. */
export function benchCsvFile(name: string, rows: number): { path: string; bytes: Uint8Array } {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const path = join(BENCH_DATA_DIR, name);
  if (!existsSync(path))
    writeCsvFile(path, (done) => (done >= rows ? 0 : Math.min(rows - done, 50_000)));
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

/** Path of a cached generated CSV of at least `bytes` bytes (written in chunks; not read back). */
export function benchCsvOfSize(name: string, bytes: number): { path: string; size: number } {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  const path = join(BENCH_DATA_DIR, name);
  if (!existsSync(path)) {
    let written = 0;
    writeCsvFile(path, (_done, chunk) => {
      written += chunk;
      // About 37 bytes a row: ask for roughly what is missing, at most 100 000 rows at a time.
      return written >= bytes
        ? 0
        : Math.min(100_000, Math.max(10, Math.ceil((bytes - written) / 37)));
    });
  }
  return { path, size: statSync(path).size };
}

/** Writes header + chunks while `next(rowsDone, bytesOfLastChunk)` asks for more rows (atomically). */
function writeCsvFile(
  path: string,
  next: (rowsDone: number, lastChunkBytes: number) => number,
): void {
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${CSV_HEADER}\n`);
    const rnd = mulberry32(7);
    let done = 0;
    let last = 0;
    for (let n = next(0, 0); n > 0; n = next(done, last)) {
      const text = rowsText(done, done + n, rnd);
      last = writeSync(fd, text);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
