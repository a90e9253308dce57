/** The state layer's public API for src/editor and the app entry. */
export { createAppStore, type AppStore } from './store.ts';
export { StoreProvider, useApp, useAppStore } from './context.tsx';
export type {
  AppState,
  Notice,
  NodeRunState,
  PreviewState,
  PendingFile,
  StoreDeps,
} from './types.ts';
export type { GraphDoc } from './doc.ts';
export { edgeKey, createLogicView, freePosition } from './doc.ts';
export { portLookup, type NodePorts, type PortLookup } from './ports.ts';
export { createIssueChecker, semanticIssues, type NodeIssue } from './validate.ts';
export type { UpgradeOffer, UpgradeStep } from './upgrade.ts';
export { inputColumns, inputSchemas, type ColumnContext } from './columns.ts';
export { summariseFile, readFileTable } from '../formats/library/summary.ts';
export { localSettings } from './settingsSlice.ts';
export type { FileRecord, PipelineRecord, CorruptReport } from '../storage/index.ts';
export {
  fetchExamples,
  openTemplate,
  addExampleFiles,
  importPipelineText,
  type ExampleIndex,
  type ExampleEntry,
} from './examples.ts';
export { browserEngine } from './engine.ts';
