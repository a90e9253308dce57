/**
 * The React Flow canvas. React Flow is controlled by the store: changes it reports (drag, select,
 * measure) are turned into store actions; connections are checked by the store, which refuses
 * invalid ones with a reason shown to the user.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  useApp,
  useAppStore,
  createIssueChecker,
  createLogicView,
  freePosition,
  portLookup,
} from '../state/index.ts';
import { nodeId } from '../model/ids.ts';
import { OpNode, type OpFlowNode } from './OpNode.tsx';
import { FlowNodeCache, flowEdges } from './flowNodes.ts';
import { useEditor } from './EditorContext.tsx';
import { useAutoLayout } from './useAutoLayout.ts';

const nodeTypes = { op: OpNode };

type Size = { width: number; height: number };

/** From this many nodes on, only visible nodes are drawn and the minimap is hidden. */
const LARGE = 150;

/** Drag-and-drop type of a palette entry. */
export const OP_DRAG_TYPE = 'application/x-petroflow-operator';

/** The pipeline canvas. */
export function Canvas({
  onLayoutReady,
}: {
  onLayoutReady: (api: { layout: () => void; addOperator: (op: string) => void }) => void;
}) {
  const store = useAppStore();
  const { registry, quickAdd } = useEditor();
  const doc = useApp((s) => s.doc);
  const selected = useApp((s) => s.selected);
  const selectedEdges = useApp((s) => s.selectedEdges);
  const channel = useApp((s) => s.channel);
  const pipelineId = useApp((s) => s.pipelineId);
  const flow = useReactFlow();
  const ports = useMemo(() => portLookup(registry), [registry]);
  const checkIssues = useMemo(() => createIssueChecker(registry, ports), [registry, ports]);
  const files = useApp((s) => s.files);
  const outputColumns = useApp((s) => s.outputColumns);
  const [logicView] = useState(createLogicView);
  const logic = useMemo(() => logicView(doc), [logicView, doc]);
  const issues = useMemo(
    () => checkIssues(logic, { files, outputColumns }),
    [checkIssues, logic, files, outputColumns],
  );
  const [cache] = useState(() => new FlowNodeCache());
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());

  const nodes = useMemo(
    () => cache.nodes(doc, selected, issues, measured, registry, ports, channel),
    [cache, doc, selected, issues, measured, registry, ports, channel],
  );
  const edges = useMemo(() => flowEdges(doc, selectedEdges), [doc, selectedEdges]);
  const layout = useAutoLayout(ports);
  const addOperator = useCallback(
    (op: string) => {
      const s = store.getState();
      const sel = s.selected.size === 1 ? s.doc.nodes.find((n) => s.selected.has(n.id)) : undefined;
      const el = document.querySelector('.canvas');
      const r = el?.getBoundingClientRect();
      const center = r
        ? flow.screenToFlowPosition({ x: r.left + r.width / 2 - 110, y: r.top + 60 })
        : { x: 80, y: 80 };
      const near = sel?.position ? { x: sel.position.x, y: sel.position.y + 140 } : center;
      s.addNode(op, freePosition(s.doc, near));
    },
    [store, flow],
  );
  useEffect(
    () => onLayoutReady({ layout: layout.run, addOperator }),
    [layout.run, addOperator, onLayoutReady],
  );

  // When a pipeline is opened: once its nodes are measured, lay it out (when it has no positions)
  // and fit it in view. A large pipeline opens on its first nodes at a readable zoom.
  const opened = useRef<{ id: string; layout: boolean } | undefined>(undefined);
  useEffect(() => {
    const nodes = store.getState().doc.nodes;
    opened.current = { id: pipelineId, layout: nodes.some((n) => !n.position) };
  }, [pipelineId, store]);
  useEffect(() => {
    const o = opened.current;
    if (!o || o.id !== pipelineId) return;
    const big = doc.nodes.length > LARGE;
    const needed = big ? doc.nodes.slice(0, 24) : doc.nodes;
    if (!needed.every((n) => measured.has(n.id))) return;
    opened.current = undefined;
    if (o.layout) layout.run();
    else {
      void flow.fitView({
        padding: 0.2,
        maxZoom: 1.2,
        ...(big ? { nodes: needed.map((n) => ({ id: n.id })) } : {}),
      });
    }
  }, [measured, doc, pipelineId, layout, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<OpFlowNode>[]) => {
      const s = store.getState();
      const moves = new Map<string, { x: number; y: number }>();
      let dragEnded = false;
      let sel: Set<string> | undefined;
      const sizes: [string, Size][] = [];
      for (const c of changes) {
        if (c.type === 'position' && c.position) {
          if (c.dragging) s.beginMove();
          moves.set(c.id, c.position);
          if (c.dragging === false) dragEnded = true;
        } else if (c.type === 'position' && c.dragging === false) dragEnded = true;
        else if (c.type === 'select') {
          sel ??= new Set(s.selected);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        } else if (c.type === 'dimensions' && c.dimensions) {
          sizes.push([c.id, { width: c.dimensions.width, height: c.dimensions.height }]);
        }
      }
      if (moves.size > 0) s.moveNodes(moves);
      if (dragEnded) s.endMove();
      if (sel) s.select(sel, s.selectedEdges);
      if (sizes.length > 0) {
        setMeasured((prev) => {
          const changed = sizes.filter(([id, z]) => {
            const o = prev.get(id);
            return !o || o.width !== z.width || o.height !== z.height;
          });
          return changed.length === 0 ? prev : new Map([...prev, ...changed]);
        });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const s = store.getState();
      let sel: Set<string> | undefined;
      for (const c of changes) {
        if (c.type === 'select') {
          sel ??= new Set(s.selectedEdges);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      }
      if (sel) s.select(s.selected, sel);
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.sourceHandle || !c.targetHandle) return;
      store.getState().connect({
        from: nodeId(c.source),
        fromPort: c.sourceHandle,
        to: nodeId(c.target),
        toPort: c.targetHandle,
      });
    },
    [store],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const op = e.dataTransfer.getData(OP_DRAG_TYPE);
      if (!op) return;
      e.preventDefault();
      e.stopPropagation();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      store.getState().addNode(op, { x: p.x - 100, y: p.y - 30 });
    },
    [flow, store],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (e.key.length === 1 && /[A-Za-z]/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      quickAdd(e.key);
    }
  };

  return (
    <div
      className="canvas"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(OP_DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
    >
      <ReactFlow<OpFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        onlyRenderVisibleElements={doc.nodes.length > LARGE}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        aria-label="Pipeline canvas"
        tabIndex={-1}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
        {doc.nodes.length <= LARGE && <MiniMap pannable zoomable nodeStrokeWidth={2} />}
      </ReactFlow>
      {doc.nodes.length === 0 && (
        <div className="canvas-empty">
          <p>Add an operator from the palette (click it or drag it here), or type its name.</p>
          <p className="muted">Start with “LAS files” to read your logs.</p>
        </div>
      )}
    </div>
  );
}
