/**
 * One run opened from the Runs panel (a modal dialog): its timeline (a lane per worker, a bar per
 * node), the figures of the hovered or selected node, a table of every node's figures, the
 * provenance (what produced the results) and "Download trace" (OTLP JSON).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunHistoryRecord } from '../state/runsSlice.ts';
import { runTraceFileName, runTraceText } from '../state/runsRecord.ts';
import { runTimeline } from '../state/runsTimeline.ts';
import { formatMs, Timeline } from '../ui/Timeline.tsx';
import { download } from './download.ts';
import { RunsNodeFigures, RunsNodeTable, RunsProvenance, runWhen } from './RunsFigures.tsx';

/** The run dialog; `onClose` is called when the user closes it (button, Escape). */
export function RunsDetails({
  record,
  onClose,
}: {
  record: RunHistoryRecord;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<string | undefined>();
  const [hovered, setHovered] = useState<string | undefined>();
  const timeline = useMemo(() => runTimeline(record), [record]);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const focus = hovered ?? selected;
  const focusNode = record.nodes.find((n) => n.nodeId === focus);
  const short = record.runId.slice(0, 8);
  const status = record.progress ?? record.status;
  const workers = timeline.lanes.filter((l) => l.key !== 'main').length;

  return (
    <dialog
      ref={ref}
      className="dialog runs-dialog"
      aria-labelledby="run-title"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="runs-dialog-head">
        <div>
          <h2 id="run-title">
            Run {short} of {record.pipelineName || 'this pipeline'}
          </h2>
          <p className="muted small">
            <span className={`run-status st-${status}`}>{status}</span> {runWhen(record.start)} ·{' '}
            {formatMs(record.end - record.start)} · {record.nodes.length} nodes ·{' '}
            {workers === 0 ? 'no worker used' : `${workers} worker${workers === 1 ? '' : 's'}`}
          </p>
        </div>
        <div className="dialog-buttons">
          <button
            type="button"
            onClick={() =>
              download(runTraceFileName(record), runTraceText(record), 'application/json')
            }
            title="OpenTelemetry trace of this run (OTLP JSON): a span for the run and one per node"
          >
            Download trace
          </button>
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      {record.progress === 'interrupted' && (
        <p className="issue-box small">
          This run was interrupted: the tab was closed or reloaded before it finished. Shown are the
          nodes that had finished; the end time is the last one known. Run the pipeline again for
          complete results.
        </p>
      )}
      <h3>Timeline</h3>
      {record.nodes.length === 0 ? (
        <p className="empty-note">No node ran in this run.</p>
      ) : (
        <Timeline
          total={timeline.total}
          lanes={timeline.lanes}
          label={`Timeline of run ${short}`}
          {...(selected ? { selected } : {})}
          onSelect={(k) => setSelected((s) => (s === k ? undefined : k))}
          onHover={setHovered}
        />
      )}
      <RunsNodeFigures node={focusNode} runStart={record.start} />
      <RunsNodeTable
        nodes={record.nodes}
        runStart={record.start}
        {...(selected ? { selected } : {})}
        onSelect={setSelected}
      />
      <RunsProvenance record={record} />
    </dialog>
  );
}
