/**
 * `petroflow run PIPELINE.json --file NAME=PATH ... [--files DIR] [--out DIR]
 * [--format csv|parquet|arrow|las] [--trace FILE] [--json] [--workers N]`: runs a pipeline on the
 * Node worker pool (the same engine as the app), writes each terminal node's table to
 * `DIR/<nodeId>.<ext>` and, with `--trace`, the run's spans as OTLP JSON.
 */
import { tableFromIPC } from 'apache-arrow';
import { terminalNodes } from '../../engine/retain.ts';
import type { Engine, RunSummary } from '../../engine/types.ts';
import { encodeTable } from '../../formats/outputs/index.ts';
import { PetroflowException } from '../../model/errors.ts';
import type { ListableCatalogue } from '../../model/validate-nodes.ts';
import { createNodeEngine } from '../../workers/node.ts';
import { shownPath, type CliIO } from '../io.ts';
import type { Command } from './types.ts';
import { DEFAULT_OUT_DIR, parseRunArgs } from './run-args.ts';
import { cliFiles } from './run-files.ts';
import { OutputNames, outputIdProblems } from './run-outputs.ts';
import { RunWriter } from './run-write.ts';
import { printProblems } from './problems.ts';
import { provenanceJson, runRecord, writeTrace } from './run-trace.ts';
import { builtinCatalogue, readPipelineFile } from './validate.ts';

const usage =
  'run PIPELINE.json --file NAME=PATH ... [--files DIR] [--out DIR] [--format csv|parquet|arrow|las] [--trace FILE] [--json] [--workers N] [--sql-time-limit SECONDS]';

const help = `Runs a pipeline and writes each terminal node's table (a node no edge leaves) to
DIR/<nodeId>.<ext>.

  --file NAME=PATH   binds the file name a source node asks for to a path (repeatable)
  --files DIR        binds every file in DIR by its base name (--file wins on a clash)
  --out DIR          output directory, created if needed (default: ./${DEFAULT_OUT_DIR})
  --format F         csv (default), parquet, arrow (IPC file) or las (LAS 2.0; a table with
                     several WELL values gives one file per well: <nodeId>.<well>.las)
  --trace FILE       writes the run's spans (a span per run and per node) as OTLP JSON
  --json             prints the run summary as JSON (per node: status, rows, ms, cached; the
                     run id and provenance: pipeline hash, operator versions, input hashes)
  --workers N        worker threads (default: hardware threads - 1, between 1 and 8)
  --sql-time-limit S how long one SQL query may run, in seconds (default 300); a query still
                     running then is stopped and its node fails (e.g. a recursive CTE that never
                     ends); raise it for long queries over large inputs
  --                 ends the options: what follows is the pipeline file, even if it starts with -

PIPELINE.json may be - (standard input). Outputs are written whole or not at all, never over
the pipeline file or a bound input.

Inputs must be regular files (symlinks are followed; devices, pipes and directories are
refused). Terminal node ids that differ only in letter case are refused (their files would
overwrite each other on Windows and macOS), as are Windows device names (con, nul...) on Windows.

Exit status: 0 success; 1 invalid pipeline or input, a node failed (stderr names the node and
the cause) or an input changed while the run read it; 2 usage error.`;

/** What the command asks of its engine (each unset means the engine's default). */
export interface EngineSettings {
  /** `--workers N`. */
  readonly workers?: number;
  /** `--sql-time-limit SECONDS`, in milliseconds. */
  readonly sqlQueryTimeLimitMs?: number;
}

/** How the command gets an engine (tests pass an in-process one). */
export type EngineFactory = (settings: EngineSettings) => Promise<Engine>;

function humanLine(id: string, n: RunSummary['nodes'][string]): string {
  const what = n.status === 'skipped' ? `skipped (${n.reason ?? ''})` : n.status;
  return `${id.padEnd(24)} ${what.padEnd(10)} ${String(n.rows).padStart(9)} rows ${String(Math.round(n.ms)).padStart(7)} ms${n.cached ? ' (cached)' : ''}`;
}

/** Builds the command over a catalogue and an engine factory. */
export function makeRunCommand(
  catalogue: () => ListableCatalogue,
  engineFactory: EngineFactory,
): Command {
  return {
    usage,
    summary: "runs a pipeline; writes each terminal node's table to DIR/<nodeId>.<ext>",
    help,
    async run(argv: readonly string[], io: CliIO): Promise<number> {
      const parsed = parseRunArgs(argv);
      if (!parsed.ok) {
        const end = parsed.error.endsWith('?') ? '' : '.';
        io.err(`petroflow run: ${parsed.error}${end}\nUsage: petroflow ${usage}`);
        return 2;
      }
      const args = parsed.value;
      const pipeline = await readPipelineFile(args.pipeline, io, catalogue());
      if (!pipeline.ok) {
        printProblems(io, shownPath(args.pipeline), pipeline.error);
        return 1;
      }
      const idProblems = outputIdProblems(terminalNodes(pipeline.value), process.platform);
      if (idProblems.length > 0) {
        printProblems(io, shownPath(args.pipeline), idProblems);
        return 1;
      }
      let engine: Engine | undefined;
      try {
        const files = await cliFiles(args, io);
        try {
          // Before the run, so a bad --out does not cost a whole run.
          await io.mkdirp(args.out);
        } catch (e) {
          throw new Error(
            `--out ${args.out}: cannot create the output directory (${e instanceof Error ? e.message : String(e)})`,
          );
        }
        engine = await engineFactory({
          ...(args.workers !== undefined ? { workers: args.workers } : {}),
          ...(args.sqlTimeLimitMs !== undefined
            ? { sqlQueryTimeLimitMs: args.sqlTimeLimitMs }
            : {}),
        });
        const summary = await engine.run(pipeline.value, files, {
          outputs: terminalNodes(pipeline.value),
        });
        const record = await runRecord(pipeline.value, summary, files, catalogue());
        const writer = await RunWriter.create(io, args.pipeline, files.paths);
        const written: string[] = [];
        const outDir = args.out.replace(/\/+$/, '');
        const names = new OutputNames();
        for (const id of terminalNodes(pipeline.value)) {
          const bytes = await engine.output(id);
          const status = summary.nodes[id]?.status;
          if (!bytes || (status !== 'done' && status !== 'cached')) {
            // A file of an earlier run under this node's name is not this run's result.
            const stale = `${outDir}/${id}.${args.format}`;
            if ((await io.fileInfo(stale)).kind === 'file')
              io.err(
                `petroflow run: ${stale} is left from an earlier run and is NOT a result of this one (node '${id}' ${status ?? 'did not run'}); do not use it`,
              );
            continue;
          }
          for (const f of encodeTable(id, tableFromIPC(bytes), args.format)) {
            if (/[\\/\0]/.test(f.name) || f.name.startsWith('.'))
              throw new Error(`node '${id}': refusing to write the unsafe file name '${f.name}'`);
            const path = `${outDir}/${names.claim(f.name)}`;
            await writer.output(id, path, f.content);
            written.push(path);
          }
        }
        for (const [id, n] of Object.entries(summary.nodes)) {
          if (n.error && n.status === 'failed')
            io.err(`petroflow run: node '${id}' (${n.error.op ?? '?'}) failed: ${n.error.message}`);
          for (const w of n.warnings ?? []) io.err(`petroflow run: node '${id}': warning: ${w}`);
        }
        const changed = await files.changed();
        for (const name of changed)
          io.err(
            `petroflow run: input '${name}' changed while the run read it; its outputs may mix old and new content and its recorded hash may not match. Run again when the file is complete.`,
          );
        if (args.trace !== undefined) {
          await writer.checkTrace(args.trace);
          await writeTrace(io, args.trace, record);
        }
        if (args.json) {
          const nodes = Object.fromEntries(
            Object.entries(summary.nodes).map(([id, n]) => [
              id,
              {
                status: n.status,
                rows: n.rows,
                ms: Math.round(n.ms * 10) / 10,
                cached: n.cached,
                ...(n.error ? { error: n.error } : {}),
                ...(n.reason ? { reason: n.reason } : {}),
              },
            ]),
          );
          io.out(
            JSON.stringify(
              {
                status: summary.status,
                runId: summary.runId,
                ms: Math.round(summary.end - summary.start),
                nodes,
                outputs: written,
                provenance: provenanceJson(record),
                ...(args.trace !== undefined ? { trace: args.trace } : {}),
              },
              null,
              2,
            ),
          );
        } else {
          for (const [id, n] of Object.entries(summary.nodes)) io.out(humanLine(id, n));
          for (const w of written) io.out(`wrote ${w}`);
          if (args.trace !== undefined) io.out(`wrote ${args.trace} (trace, OTLP JSON)`);
        }
        return summary.status === 'done' && changed.length === 0 ? 0 : 1;
      } catch (e) {
        const message =
          e instanceof PetroflowException
            ? e.detail.message
            : e instanceof Error
              ? e.message
              : String(e);
        io.err(`petroflow run: ${message}`);
        return 1;
      } finally {
        await engine?.dispose();
      }
    },
  };
}

/** `petroflow run`. */
export const run: Command = makeRunCommand(builtinCatalogue, (settings) =>
  // One run per process: only the terminal outputs it writes are kept (intermediates stream
  // through and are dropped), and the cache must not drop a large one before it is written.
  createNodeEngine({ cacheBytes: Number.MAX_SAFE_INTEGER, retain: 'requested', ...settings }),
);
