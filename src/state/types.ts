/** The shape of the app store: one interface per slice, combined into `AppState`. */
import type { Table } from 'apache-arrow';
import type { Channel } from '../operators/types.ts';
import type { OperatorRegistry } from '../operators/registry.ts';
import type { Engine, NodeStatus, RunSummary } from '../engine/types.ts';
import type { PetroflowError } from '../model/errors.ts';
import type { NodeId, PipelineId } from '../model/ids.ts';
import type { Pipeline, PipelineEdge, Position } from '../model/pipeline.ts';
import type { Result } from '../model/result.ts';
import type { MaybeHashedSummary } from '../workers/ingest-api.ts';
import type {
  CorruptReport,
  FileRecord,
  PipelineRecord,
  Storage,
  TabChannel,
} from '../storage/index.ts';
import type { GraphDoc } from './doc.ts';
import type { UpgradeOffer } from './upgrade.ts';
import type { ShareSlice } from './shareSlice.ts';
import type { RunsSlice } from './runsSlice.ts';
import type { TrashSlice } from './trashSlice.ts';

/** A message for the user that stays until dismissed or replaced. */
export interface Notice {
  readonly kind: 'error' | 'info';
  readonly message: string;
  /** An action offered with the notice (e.g. undo a delete). */
  readonly action?: { readonly label: string; run(): void };
}

/** Graph editing with undo/redo (the document and its history). */
export interface GraphSlice {
  readonly pipelineId: PipelineId;
  readonly name: string;
  readonly description: string | undefined;
  readonly doc: GraphDoc;
  readonly past: readonly GraphDoc[];
  readonly future: readonly GraphDoc[];
  readonly selected: ReadonlySet<string>;
  readonly selectedEdges: ReadonlySet<string>;
  readonly clipboard: GraphDoc | undefined;
  readonly notice: Notice | undefined;
  addNode(op: string, position?: Position): NodeId | undefined;
  connect(edge: PipelineEdge): Result<PipelineEdge, string>;
  /** Feeds `edge.toPort` of `edge.to` from `edge.from` instead of what fed it, as one undo step. */
  replaceInput(edge: PipelineEdge): Result<PipelineEdge, string>;
  removeNodes(ids: Iterable<string>): void;
  removeEdges(keys: Iterable<string>): void;
  removeSelection(): void;
  /** Sets a node's parameters; keystrokes in one `field` within a second are one undo step. */
  setParams(id: string, params: Readonly<Record<string, unknown>>, field?: string): void;
  setLabel(id: string, label: string): void;
  /** Sets a node's plain-text notes ('' removes them); a burst of typing is one undo step. */
  setNotes(id: string, notes: string): void;
  toggleDisabled(id: string): void;
  beginMove(): void;
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  endMove(): void;
  /** Sets positions as one undoable step (auto layout). */
  placeNodes(positions: ReadonlyMap<string, Position>): void;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  copySelection(): void;
  paste(): void;
  upgradeOffer(id: string): UpgradeOffer | undefined;
  upgrade(id: string): Result<UpgradeOffer, string>;
  undo(): void;
  redo(): void;
  notify(notice: Notice | undefined): void;
  /** Replaces the whole graph (open a pipeline); clears history. */
  loadPipeline(pipeline: Pipeline): void;
  /** The pipeline as it would be saved or run. */
  toPipeline(): Pipeline;
}

/** Per-node run state shown on the canvas. */
export interface NodeRunState {
  readonly status: NodeStatus;
  readonly rows?: number;
  readonly ms?: number;
  readonly error?: PetroflowError;
  readonly reason?: string;
}

/** A table shown in the preview panel (a node's output or a library file). */
export interface PreviewState {
  readonly source: { readonly kind: 'node' | 'file'; readonly id: string };
  readonly table?: Table;
  readonly loading: boolean;
  readonly error?: string;
}

/** Running the pipeline and looking at results. */
export interface RunSlice {
  readonly runStatus: Readonly<Record<string, NodeRunState>>;
  /** Each node's signature (staleness.ts) in the pipeline its shown result was produced from. */
  readonly ranWith: Readonly<Record<string, string>>;
  /** Nodes whose shown result no longer matches the graph or the files: run again to update. */
  readonly stale: ReadonlySet<string>;
  readonly running: boolean;
  readonly lastRun: RunSummary | undefined;
  readonly preview: PreviewState | undefined;
  /** Output column names of nodes from their last run's output (offered in column pickers). */
  readonly outputColumns: Readonly<Record<string, readonly string[]>>;
  run(target?: string): Promise<void>;
  cancel(): void;
  showNodeOutput(id: string): Promise<void>;
  showFile(name: string): Promise<void>;
  /** The Arrow IPC bytes of a node's output from the last run (for export). */
  nodeOutput(id: string): Promise<Uint8Array | undefined>;
}

/** A file the user added that is being read. */
export interface PendingFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The file library. */
export interface FilesSlice {
  readonly files: readonly FileRecord[];
  addFiles(files: readonly PendingFile[]): Promise<void>;
  removeFile(name: string): Promise<void>;
}

/** Stored pipelines, autosave and conflicts between tabs. */
export interface LibrarySlice {
  readonly pipelines: readonly PipelineRecord[];
  readonly corrupt: readonly CorruptReport[];
  readonly revision: number;
  readonly saveState: 'saved' | 'pending' | 'saving' | 'conflict' | 'error';
  readonly conflict: { readonly theirs: PipelineRecord | undefined } | undefined;
  /** Why the last save failed and what to do (storage full...); cleared by the next good save. */
  readonly saveError: string | undefined;
  /** Set when this tab must reload (another tab upgraded the database): what happened. */
  readonly reloadRequired: string | undefined;
  readonly ready: boolean;
  init(): Promise<void>;
  refreshPipelines(): Promise<void>;
  newPipeline(name?: string): Promise<void>;
  openPipeline(id: string): Promise<void>;
  importPipeline(pipeline: Pipeline): Promise<void>;
  renamePipeline(id: string, name: string): Promise<void>;
  duplicatePipeline(id: string): Promise<void>;
  deletePipeline(id: string): Promise<void>;
  saveNow(): Promise<void>;
  resolveConflict(choice: 'mine' | 'theirs'): Promise<void>;
  /** Saves the open pipeline now (the "Retry save" action after a failed save). */
  retrySave(): Promise<void>;
}

/** User settings. */
export interface SettingsSlice {
  readonly channel: Channel;
  setChannel(channel: Channel): void;
}

/** The whole app state. */
export type AppState = GraphSlice &
  RunSlice &
  RunsSlice &
  FilesSlice &
  LibrarySlice &
  SettingsSlice &
  ShareSlice &
  TrashSlice;

/** What the store is built from (a test passes its own registry, storage and engine). */
export interface StoreDeps {
  readonly registry: OperatorRegistry;
  readonly storage?: Storage;
  readonly engine?: () => Promise<Engine>;
  readonly channel?: TabChannel;
  /**
   * The library summary of an added file, with its SHA-256 when the summariser computed it (the
   * ingestion worker does, in the same pass); leaves `bytes` usable (they are stored afterwards).
   */
  readonly summarise?: (name: string, bytes: Uint8Array) => Promise<MaybeHashedSummary>;
  /** Reads a file into a table for the preview; may take `bytes` over (detach them): pass a copy you keep. */
  readonly readTable?: (name: string, bytes: Uint8Array) => Promise<Result<Table, string>>;
  readonly autosaveMs?: number;
  /** Settings persistence (localStorage in the app). */
  readonly settings?: { load(): Channel | undefined; save(c: Channel): void };
}
