/** `petroflow inspect FILE.las [--json]`: reads one LAS file (or `-`, standard input) and prints its summary. */
import { PetroflowException } from '../../model/errors.ts';
import { openLas, summarizeLas, type LasSummary } from '../../formats/las/index.ts';
import type { CliIO } from '../io.ts';
import type { Command } from './types.ts';
import { singleArgument } from './validate.ts';

const usage = 'inspect FILE.las [--json]';

const help = `Reads one LAS file (1.2, 2.0 or 3.0) and prints its summary: version, well name, curves with
units and ranges, row count and warnings.

FILE.las may be - to read standard input (up to 1 GiB); after -- every argument is a file name.

Options:
  --json   print one JSON object (pipeline-format.md section 4) instead of the readable summary

Exit status: 0 read; 1 the file is missing or cannot be read (one line: <file>: line <n>: <why>);
2 usage error.`;

function fmt(v: number | string | null): string {
  if (v === null) return '-';
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** The readable (non-JSON) form of a summary. */
export function humanSummary(file: string, s: LasSummary, wellName: string): string {
  const lines = [
    `${file}`,
    `  LAS ${s.version.toFixed(1)}${s.wrapped ? ' (wrapped)' : ''}, delimiter ${s.delimiter}, NULL ${s.nullValue ?? 'none'}, encoding ${s.encoding}`,
    `  well: ${wellName}`,
    `  rows: ${s.rows}`,
    `  curves (${s.curves.length}):`,
  ];
  const width = Math.max(4, ...s.curves.map((c) => c.mnemonic.length));
  for (const c of s.curves) {
    const unit = c.unit ? `[${c.unit}]` : '';
    const range =
      c.min !== null
        ? `${fmt(c.min)} .. ${fmt(c.max)}`
        : `first ${fmt(c.first)}, last ${fmt(c.last)}`;
    lines.push(
      `    ${c.mnemonic.padEnd(width)} ${unit.padEnd(10)} ${range}  (${c.count} values, ${c.nulls} null)`,
    );
  }
  if (s.params.length > 0) lines.push(`  parameters: ${s.params.length}`);
  lines.push(`  warnings (${s.warnings.length}):`, ...s.warnings.map((w) => `    ${w}`));
  return lines.join('\n');
}

/** The largest LAS file read from standard input (a file on disk has no cap: its size is known). */
const MAX_STDIN_BYTES = 1024 ** 3;

/** The file's bytes (`-` is standard input), or the one-line message for stderr. */
async function readInput(file: string, io: CliIO): Promise<Uint8Array | string> {
  try {
    return file === '-' ? await io.readStdin(MAX_STDIN_BYTES) : await io.readFile(file);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ENOENT') return 'no such file; check the path';
    if (code === 'EFBIG') return 'over 1 GiB on standard input; give the file name instead';
    return `cannot read the file (${e instanceof Error ? e.message : String(e)})`;
  }
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  // `--json` is an option only before `--`; after it every argument is a file name.
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  const json = options.includes('--json');
  const rest = [...options.filter((a) => a !== '--json'), ...(end < 0 ? [] : args.slice(end))];
  const picked = singleArgument(rest, usage, ['--json', '--help']);
  if (typeof picked !== 'string') {
    io.err(picked.usage);
    return 2;
  }
  const file = picked;
  const name = file === '-' ? '<stdin>' : file;
  const bytes = await readInput(file, io);
  if (typeof bytes === 'string') {
    io.err(`${name}: ${bytes}`);
    return 1;
  }
  const opened = openLas(bytes, { fileName: name });
  if (!opened.ok) {
    io.err(`${name}: line ${opened.error.line}: ${opened.error.message}`);
    return 1;
  }
  let summary: LasSummary;
  try {
    summary = summarizeLas(opened.value);
  } catch (e) {
    if (!(e instanceof PetroflowException)) throw e;
    io.err(`${name}: line ${e.detail.line ?? 1}: ${e.detail.message}`);
    return 1;
  }
  io.out(
    json
      ? JSON.stringify(summary, null, 2)
      : humanSummary(name, summary, opened.value.info.wellName),
  );
  return 0;
}

/** The `inspect` command. */
export const inspect: Command = {
  usage,
  summary: 'reads one LAS file and prints its summary (--json for one JSON object)',
  help,
  run,
};
