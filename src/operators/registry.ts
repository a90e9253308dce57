/** The registry of operator versions: lookup by id and exact version, newest per channel. */
import type { CatalogueEntry, OperatorCatalogue } from '../model/catalogue.ts';
import type { AnyOperator, Channel } from './types.ts';

const channelRank: Record<Channel, number> = { stable: 0, beta: 1, canary: 2 };

/** Compares two semantic versions `a.b.c` (pre-release tags are not used by Petroflow). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A set of operator versions; older versions stay registered so saved pipelines keep running. */
export class OperatorRegistry implements OperatorCatalogue {
  private readonly byId = new Map<string, AnyOperator[]>();

  constructor(operators: readonly AnyOperator[] = []) {
    for (const op of operators) this.register(op);
  }

  /** Adds one operator version; registering the same id and version twice is a programming error. */
  register(op: AnyOperator): void {
    const list = this.byId.get(op.id) ?? [];
    if (list.some((o) => o.version === op.version)) {
      throw new Error(`Operator ${op.id}@${op.version} is registered twice.`);
    }
    list.push(op);
    list.sort((x, y) => compareVersions(x.version, y.version));
    this.byId.set(op.id, list);
  }

  /** The operator `id` at exactly `version`. */
  operator(id: string, version: string): AnyOperator | undefined {
    return this.byId.get(id)?.find((o) => o.version === version);
  }

  /** The newest version of `id` visible to a user following `channel` (stable ⊂ beta ⊂ canary). */
  latest(id: string, channel: Channel = 'stable'): AnyOperator | undefined {
    const list = this.byId.get(id) ?? [];
    const visible = list.filter((o) => channelRank[o.channel] <= channelRank[channel]);
    return visible[visible.length - 1];
  }

  /** The newest visible version of every operator, sorted by category then title (the palette). */
  palette(channel: Channel = 'stable'): AnyOperator[] {
    const out: AnyOperator[] = [];
    for (const id of this.byId.keys()) {
      const op = this.latest(id, channel);
      if (op) out.push(op);
    }
    return out.sort(
      (a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title),
    );
  }

  /** Every registered version of every operator. */
  all(): AnyOperator[] {
    return [...this.byId.values()].flat();
  }

  /** OperatorCatalogue: the entry for validation. */
  get(id: string, version: string): CatalogueEntry | undefined {
    const op = this.operator(id, version);
    if (!op) return undefined;
    return {
      id: op.id,
      version: op.version,
      paramsSchema: op.params.schema as unknown as Readonly<Record<string, unknown>>,
      inputs: (params) => op.inputs(params),
      outputs: op.outputs,
    };
  }

  /** OperatorCatalogue: every operator id (for "did you mean" suggestions). */
  ids(): readonly string[] {
    return [...this.byId.keys()].sort();
  }

  /** OperatorCatalogue: all versions of `id`, oldest first. */
  versions(id: string): readonly string[] {
    return (this.byId.get(id) ?? []).map((o) => o.version);
  }
}
