/**
 * The figures of a run shown under its timeline: one node's figures (hovered or selected bar),
 * the table of every node's figures, and the provenance (pipeline hash, operator versions, input
 * file hashes) that says exactly what produced the results.
 */
import type { ExecutionNodeMetrics, ExecutionRecord } from '../state/runsSlice.ts';
import { formatMs } from '../ui/Timeline.tsx';
import { formatSize } from './download.ts';

/** When a run started, short and local. */
export function runWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}

const int = (n: number) => n.toLocaleString('en-US');
const workerText = (n: ExecutionNodeMetrics) =>
  n.worker === null ? (n.cacheHit ? 'cache' : 'main thread') : `worker ${n.worker}`;

/** The figures of one node (or a hint when none is hovered or selected). */
export function RunsNodeFigures(p: { node: ExecutionNodeMetrics | undefined; runStart: number }) {
  const n = p.node;
  if (!n) {
    return (
      <p className="muted small runs-hint">
        Hover or select a bar (or a row below) to see that node’s figures.
      </p>
    );
  }
  const rows: [string, string][] = [
    ['Operator', n.op ? `${n.op}@${n.version}` : 'not recorded'],
    ['Status', n.status],
    ['Where', workerText(n)],
    ['Started', `+${formatMs(n.start - p.runStart)}`],
    ['Duration', formatMs(n.end - n.start)],
    ['Rows in / out', `${int(n.rowsIn)} / ${int(n.rowsOut)}`],
    ['Output', formatSize(n.bytes)],
    ['Attempts', String(n.attempts)],
    ['Cache hit', n.cacheHit ? 'yes' : 'no'],
  ];
  if (n.error) rows.push(['Error', `${n.error.code}: ${n.error.message}`]);
  if (n.reason) rows.push(['Why not run', n.reason]);
  if (n.warnings?.length) rows.push(['Warnings', n.warnings.join('; ')]);
  return (
    <section className="runs-node" aria-label={`Figures of node ${n.nodeId}`}>
      <h3>Node {n.nodeId}</h3>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Every node's figures as a table; clicking a row selects the node. */
export function RunsNodeTable(p: {
  nodes: readonly ExecutionNodeMetrics[];
  runStart: number;
  selected?: string;
  onSelect(id: string): void;
}) {
  const head = ['Node', 'Operator', 'Status', 'Where', 'Start', 'Duration', 'Rows in', 'Rows out'];
  return (
    <table className="runs-table" aria-label="Per-node figures">
      <thead>
        <tr>
          {[...head, 'Output', 'Attempts'].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.nodes.map((n) => (
          <tr
            key={n.nodeId}
            className={p.selected === n.nodeId ? 'selected' : ''}
            onClick={() => p.onSelect(n.nodeId)}
          >
            <th scope="row">{n.nodeId}</th>
            <td>{n.op ? `${n.op}@${n.version}` : '–'}</td>
            <td>
              <span className={`run-status st-${n.status}`}>{n.status}</span>
              {n.error && <span className="runs-error"> {n.error.message}</span>}
            </td>
            <td>{workerText(n)}</td>
            <td className="num">+{formatMs(n.start - p.runStart)}</td>
            <td className="num">{formatMs(n.end - n.start)}</td>
            <td className="num">{int(n.rowsIn)}</td>
            <td className="num">{int(n.rowsOut)}</td>
            <td className="num">{formatSize(n.bytes)}</td>
            <td className="num">{n.attempts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What produced the results: pipeline hash, operator versions and input file hashes. */
export function RunsProvenance({ record }: { record: ExecutionRecord }) {
  const inputs = Object.entries(record.inputHashes);
  return (
    <section className="runs-provenance" aria-label="Provenance">
      <h3>Provenance</h3>
      {record.legacy ? (
        <p className="muted small">
          This run was recorded by an older version of Petroflow, which did not keep provenance.
        </p>
      ) : (
        <dl>
          <div>
            <dt>Pipeline hash</dt>
            <dd>
              <code>{record.pipelineHash}</code>
            </dd>
          </div>
          <div>
            <dt>Provenance hash</dt>
            <dd>
              <code>{record.provenanceHash}</code>
            </dd>
          </div>
          <div>
            <dt>Operator versions</dt>
            <dd>
              <ul className="runs-codes">
                {record.operatorVersions.map((v) => (
                  <li key={v}>
                    <code>{v}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>Input files (SHA-256)</dt>
            <dd>
              {inputs.length === 0 ? (
                'none read'
              ) : (
                <ul className="runs-codes">
                  {inputs.map(([name, hash]) => (
                    <li key={name}>
                      {name}: <code>{hash}</code>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
