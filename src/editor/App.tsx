/**
 * The editor shell: top bar, a sidebar (operators, files, pipelines), the canvas, the inspector
 * and the preview panel. The store and the operator registry come from the entry (main.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { StoreProvider, useApp, type AppStore } from '../state/index.ts';
import type { OperatorRegistry } from '../operators/registry.ts';
import { EditorContext, type EditorServices } from './EditorContext.tsx';
import { TopBar } from './TopBar.tsx';
import { Canvas } from './Canvas.tsx';
import { Palette, type PaletteHandle } from './Palette.tsx';
import { FilesPanel } from './FilesPanel.tsx';
import { PipelinesPanel } from './PipelinesPanel.tsx';
import { RunsPanel } from './RunsPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { OpenLinkDialog } from './OpenLinkDialog.tsx';
import { useShortcuts } from './useShortcuts.ts';
import { useFileDrop } from './useFileDrop.ts';
import './app.css';

const SIDE_TABS = ['Operators', 'Files', 'Pipelines', 'Runs'] as const;
type SideTab = (typeof SIDE_TABS)[number];

function Shell({ store, registry }: { store: AppStore; registry: OperatorRegistry }) {
  const ready = useApp((s) => s.ready);
  const [side, setSide] = useState<SideTab>('Operators');
  const palette = useRef<PaletteHandle>(null);
  const canvasApi = useRef<{ layout: () => void; addOperator: (op: string) => void }>({
    layout: () => undefined,
    addOperator: (op) => void store.getState().addNode(op),
  });
  useShortcuts(store);
  const showFiles = useCallback(() => setSide('Files'), []);
  const dragging = useFileDrop(store, showFiles);
  const onLayoutReady = useCallback((api: typeof canvasApi.current) => {
    canvasApi.current = api;
  }, []);
  const services = useMemo<EditorServices>(
    () => ({
      registry,
      quickAdd(text: string) {
        setSide('Operators');
        window.requestAnimationFrame(() => palette.current?.focusWith(text));
      },
      autoLayout: () => canvasApi.current.layout(),
      addOperator: (op: string) => canvasApi.current.addOperator(op),
    }),
    [registry],
  );
  return (
    <EditorContext.Provider value={services}>
      <div className="app" aria-busy={!ready}>
        <TopBar />
        <NoticeBar />
        <div className="workspace">
          <nav className="sidebar" aria-label="Library">
            <div className="tabs side-tabs" role="tablist">
              {SIDE_TABS.map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  aria-selected={side === t}
                  className={side === t ? 'active' : ''}
                  onClick={() => setSide(t)}
                >
                  {t}
                </button>
              ))}
            </div>
            <div className="side-body">
              {side === 'Operators' && <Palette ref={palette} />}
              {side === 'Files' && <FilesPanel />}
              {side === 'Pipelines' && <PipelinesPanel />}
              {side === 'Runs' && <RunsPanel />}
            </div>
          </nav>
          <main className="center">
            <Canvas onLayoutReady={onLayoutReady} />
            <PreviewPanel />
          </main>
          <Inspector />
        </div>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            Drop LAS or CSV files to add them to the library
          </div>
        )}
        <ConflictDialog />
        <OpenLinkDialog />
      </div>
    </EditorContext.Provider>
  );
}

/** The app: give it a store (createAppStore) and the operator registry the store uses. */
export function App({ store, registry }: { store: AppStore; registry: OperatorRegistry }) {
  useEffect(() => {
    void store.getState().init();
  }, [store]);
  return (
    <StoreProvider store={store}>
      <ReactFlowProvider>
        <Shell store={store} registry={registry} />
      </ReactFlowProvider>
    </StoreProvider>
  );
}
