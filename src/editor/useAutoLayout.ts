/** "Auto layout": measures drawn nodes, runs ELK, applies the positions as one undoable step. */
import { useCallback, useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppStore, type PortLookup } from '../state/index.ts';
import { layoutGraph } from './layout.ts';

/** Returns `run()`, which lays out the current graph. */
export function useAutoLayout(ports: PortLookup) {
  const store = useAppStore();
  const flow = useReactFlow();
  const run = useCallback(() => {
    const { doc } = store.getState();
    const nodes = doc.nodes.map((n) => {
      const internal = flow.getInternalNode(n.id);
      const p = ports(n);
      return {
        id: n.id,
        width: internal?.measured.width ?? 220,
        height: internal?.measured.height ?? 90,
        inputs: p.inputs,
        outputs: p.outputs,
      };
    });
    void layoutGraph(nodes, doc.edges).then((positions) => {
      if (store.getState().doc !== doc) return; // the graph changed meanwhile: stale layout
      store.getState().placeNodes(positions);
      window.requestAnimationFrame(
        () => void flow.fitView({ padding: 0.2, maxZoom: 1.2, duration: 200 }),
      );
    });
  }, [store, flow, ports]);
  return useMemo(() => ({ run }), [run]);
}
