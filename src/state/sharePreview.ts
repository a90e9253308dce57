/**
 * What an incoming share link contains, for the dialog that asks before anything is saved: the
 * pipeline's name and description, each node with its operator and pinned version, and the input
 * files the pipeline names (the `file` parameters of its sources) matched against the library.
 */
import { matchFiles } from '../engine/glob.ts';
import type { Pipeline } from '../model/pipeline.ts';
import type { OperatorRegistry } from '../operators/registry.ts';

/** One node as the dialog lists it. */
export interface PreviewNode {
  readonly id: string;
  readonly op: string;
  readonly version: string;
  /** The operator's title in this build (the op id when unknown). */
  readonly title: string;
  readonly label: string | undefined;
  readonly notes: string | undefined;
}

/** A file (name or glob) that one parameter of one node asks for. */
export interface ExpectedFile {
  readonly nodeId: string;
  readonly param: string;
  /** The name or glob as written in the pipeline, e.g. `*.las` or `tops.csv`. */
  readonly pattern: string;
  /** Names in the file library that it matches (sorted; empty when none). */
  readonly matches: readonly string[];
}

/** Everything the "open shared pipeline" dialog shows. */
export interface SharePreview {
  readonly name: string;
  readonly description: string | undefined;
  readonly nodes: readonly PreviewNode[];
  readonly files: readonly ExpectedFile[];
  /** The expected files that match nothing in the library (the user should add them). */
  readonly missing: readonly ExpectedFile[];
}

/** Parameter names whose schema marks them as file names (`x-widget: file`). */
function fileParams(registry: OperatorRegistry, op: string, version: string): string[] {
  const operator = registry.operator(op, version);
  if (!operator) return [];
  return Object.entries(operator.params.schema.properties)
    .filter(([, s]) => s['x-widget'] === 'file')
    .map(([name]) => name);
}

/** Builds the preview of a validated pipeline against the names of the files in the library. */
export function sharePreview(
  pipeline: Pipeline,
  registry: OperatorRegistry,
  libraryNames: readonly string[],
): SharePreview {
  const nodes: PreviewNode[] = [];
  const files: ExpectedFile[] = [];
  for (const n of pipeline.nodes) {
    nodes.push({
      id: n.id,
      op: n.op,
      version: n.version,
      title: registry.operator(n.op, n.version)?.title ?? n.op,
      label: n.label,
      notes: n.notes,
    });
    for (const param of fileParams(registry, n.op, n.version)) {
      const value = n.params[param];
      if (typeof value !== 'string' || value === '') continue;
      files.push({
        nodeId: n.id,
        param,
        pattern: value,
        matches: matchFiles(value, libraryNames),
      });
    }
  }
  return {
    name: pipeline.name,
    description: pipeline.description,
    nodes,
    files,
    missing: files.filter((f) => f.matches.length === 0),
  };
}
