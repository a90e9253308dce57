/** The graph slice: every edit goes through `commit`, which records the previous document for undo. */
import type { StateCreator } from 'zustand/vanilla';
import { newPipelineId } from '../model/ids.ts';
import { CURRENT_FORMAT_VERSION, PIPELINE_FORMAT, type Pipeline } from '../model/pipeline.ts';
import { PIPELINE_LIMITS } from '../model/pipeline-schema.ts';
import { err, ok } from '../model/result.ts';
import type { AppState, GraphSlice, StoreDeps } from './types.ts';
import * as D from './doc.ts';
import { checkConnection } from './connect.ts';
import { portLookup } from './ports.ts';
import { applyUpgrade, defaultParams, upgradeOffer } from './upgrade.ts';

/** How many edits undo remembers. */
export const HISTORY_LIMIT = 300;

/** Creates the graph slice. */
export function graphSlice(deps: StoreDeps): StateCreator<AppState, [], [], GraphSlice> {
  const ports = portLookup(deps.registry);
  return (set, get) => {
    let moveBase: D.GraphDoc | undefined;

    let lastTyping: { key: string; at: number } | undefined;

    /**
     * Applies an edit as one undoable step (no step when nothing changed). Edits with the same
     * `typing` key within a second (keystrokes in one field) merge into one step.
     */
    const commit = (next: D.GraphDoc, typing?: string) => {
      const { doc, past } = get();
      if (next === doc) return;
      const pruned = D.dropDanglingEdges(next, ports);
      const now = Date.now();
      const merge =
        typing !== undefined && lastTyping?.key === typing && now - lastTyping.at < 1000;
      lastTyping = typing !== undefined ? { key: typing, at: now } : undefined;
      if (merge && past.length > 0) set({ doc: pruned, future: [] });
      else set({ doc: pruned, past: [...past, doc].slice(-HISTORY_LIMIT), future: [] });
      pruneSelection();
    };
    const pruneSelection = () => {
      const { doc, selected, selectedEdges } = get();
      const ids = new Set(doc.nodes.map((n) => n.id as string));
      const keys = new Set(doc.edges.map(D.edgeKey));
      const s = [...selected].filter((i) => ids.has(i));
      const e = [...selectedEdges].filter((k) => keys.has(k));
      if (s.length !== selected.size || e.length !== selectedEdges.size) {
        set({ selected: new Set(s), selectedEdges: new Set(e) });
      }
    };

    return {
      pipelineId: newPipelineId(),
      name: 'Untitled pipeline',
      description: undefined,
      doc: D.emptyDoc,
      past: [],
      future: [],
      selected: new Set(),
      selectedEdges: new Set(),
      clipboard: undefined,
      notice: undefined,

      addNode(op, position) {
        const latest = deps.registry.latest(op, get().channel);
        if (!latest) {
          get().notify({ kind: 'error', message: `Operator "${op}" is not available.` });
          return undefined;
        }
        const id = D.freshNodeId(get().doc, op);
        const p = position ?? D.freePosition(get().doc, { x: 80, y: 80 });
        commit(
          D.addNode(get().doc, {
            id,
            op,
            version: latest.version,
            params: defaultParams(deps.registry, op, latest.version),
            position: { x: Math.round(p.x), y: Math.round(p.y) },
          }),
        );
        set({ selected: new Set([id]), selectedEdges: new Set() });
        return id;
      },

      connect(edge) {
        const checked = checkConnection(get().doc, edge, ports);
        if (!checked.ok) {
          get().notify({ kind: 'error', message: `Connection refused: ${checked.error}` });
          return checked;
        }
        commit(D.addEdge(get().doc, edge));
        return checked;
      },

      replaceInput(edge) {
        const doc = get().doc;
        const freed = {
          ...doc,
          edges: doc.edges.filter((e) => !(e.to === edge.to && e.toPort === edge.toPort)),
        };
        const checked = checkConnection(freed, edge, ports);
        if (!checked.ok) {
          get().notify({ kind: 'error', message: `Connection refused: ${checked.error}` });
          return checked;
        }
        commit(D.addEdge(freed, edge));
        return checked;
      },

      removeNodes: (ids) => commit(D.removeNodes(get().doc, new Set(ids))),
      removeEdges: (keys) => commit(D.removeEdges(get().doc, new Set(keys))),
      removeSelection() {
        const { selected, selectedEdges } = get();
        commit(D.removeNodes(D.removeEdges(get().doc, selectedEdges), selected));
      },

      setParams: (id, params, field) =>
        commit(
          D.updateNode(get().doc, id, (n) => ({ ...n, params })),
          field === undefined ? undefined : `${id}\u0000${field}`,
        ),
      setLabel: (id, label) =>
        commit(
          D.updateNode(get().doc, id, (n) => {
            const { label: _old, ...rest } = n;
            return label.trim() === '' ? rest : { ...rest, label: label.trim() };
          }),
        ),
      setNotes: (id, notes) =>
        commit(
          D.updateNode(get().doc, id, (n) => {
            const { notes: old, ...rest } = n;
            const text = notes.slice(0, PIPELINE_LIMITS.notes);
            if (text === (old ?? '')) return n;
            return text === '' ? rest : { ...rest, notes: text };
          }),
          `notes\u0000${id}`,
        ),
      toggleDisabled: (id) =>
        commit(
          D.updateNode(get().doc, id, (n) => {
            const { disabled, ...rest } = n;
            return disabled ? rest : { ...rest, disabled: true };
          }),
        ),

      beginMove() {
        moveBase ??= get().doc;
      },
      moveNodes(positions) {
        if (moveBase) set({ doc: D.moveNodes(get().doc, positions) });
        else commit(D.moveNodes(get().doc, positions));
      },
      endMove() {
        const base = moveBase;
        moveBase = undefined;
        if (base && base !== get().doc) {
          set({ past: [...get().past, base].slice(-HISTORY_LIMIT), future: [] });
        }
      },
      placeNodes: (positions) => commit(D.moveNodes(get().doc, positions)),

      select: (nodes, edges = []) =>
        set({ selected: new Set(nodes), selectedEdges: new Set(edges) }),
      copySelection() {
        const sel = get().selected;
        if (sel.size > 0) set({ clipboard: D.subgraph(get().doc, sel) });
      },
      paste() {
        const clip = get().clipboard;
        if (!clip || clip.nodes.length === 0) return;
        const pasted = D.pasteNodes(get().doc, clip);
        commit(pasted.doc);
        set({ selected: new Set(pasted.ids), selectedEdges: new Set() });
      },

      upgradeOffer(id) {
        const node = get().doc.nodes.find((n) => n.id === id);
        return node ? upgradeOffer(deps.registry, node, get().channel) : undefined;
      },
      upgrade(id) {
        const node = get().doc.nodes.find((n) => n.id === id);
        const offer = node && upgradeOffer(deps.registry, node, get().channel);
        if (!node || !offer)
          return err(`Node "${id}" has no upgrade on the ${get().channel} channel.`);
        const next = applyUpgrade(deps.registry, node, offer);
        if (!next.ok) return next;
        commit(D.updateNode(get().doc, id, () => next.value));
        return ok(offer);
      },

      undo() {
        const { past, doc, future } = get();
        const prev = past[past.length - 1];
        if (!prev) return;
        moveBase = undefined;
        lastTyping = undefined;
        set({ doc: prev, past: past.slice(0, -1), future: [doc, ...future] });
        pruneSelection();
      },
      redo() {
        const { past, doc, future } = get();
        const next = future[0];
        if (!next) return;
        moveBase = undefined;
        lastTyping = undefined;
        set({ doc: next, past: [...past, doc], future: future.slice(1) });
        pruneSelection();
      },
      notify: (notice) => set({ notice }),

      loadPipeline(p) {
        moveBase = undefined;
        set({
          pipelineId: p.id,
          name: p.name,
          description: p.description,
          doc: { nodes: p.nodes, edges: p.edges },
          past: [],
          future: [],
          selected: new Set(),
          selectedEdges: new Set(),
          runStatus: {},
          ranWith: {},
          outputColumns: {},
          preview: undefined,
        });
      },
      toPipeline(): Pipeline {
        const { pipelineId, name, description, doc } = get();
        return {
          format: PIPELINE_FORMAT,
          formatVersion: CURRENT_FORMAT_VERSION,
          id: pipelineId,
          name,
          ...(description !== undefined ? { description } : {}),
          nodes: doc.nodes,
          edges: doc.edges,
        };
      },
    };
  };
}
