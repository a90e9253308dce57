/** Shared pieces of pipeline validation: the working copy's shape and how problems are worded. */
import type { ErrorCode, PetroflowError } from './errors.ts';
import { petroflowError } from './errors.ts';
import { isNodeId } from './ids.ts';

/** A JSON object (the working copy is plain JSON data after `cloneJson`). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string field of a JSON object, or undefined. */
export function str(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** What validation learned about one node, for the edge checks. */
export interface NodeFacts {
  readonly index: number;
  readonly op?: string;
  /** Output port names, when the operator version is known. */
  readonly outputs?: readonly string[];
  /** Input port names, when the operator version is known and its params are valid. */
  readonly inputs?: readonly string[];
}

/** Collects problems in document order. */
export class Problems {
  readonly list: PetroflowError[] = [];

  /** A problem at a node: `node '<id>' <field>: <text>`, or `nodes[<i>].<field>: <text>` without a valid id. */
  atNode(
    code: ErrorCode,
    node: { id?: string; index: number; op?: string },
    field: string,
    text: string,
  ): void {
    if (node.id !== undefined && isNodeId(node.id)) {
      const where = field === '' ? `node '${node.id}'` : `node '${node.id}' ${field}`;
      this.list.push(
        petroflowError(code, `${where}: ${text}`, {
          nodeId: node.id,
          field,
          ...(node.op ? { op: node.op } : {}),
        }),
      );
    } else {
      const path = field === '' ? `nodes[${node.index}]` : `nodes[${node.index}].${field}`;
      this.list.push(petroflowError(code, `${path}: ${text}`, { field: path }));
    }
  }

  /** A problem elsewhere in the document: message `<field>: <text>`. */
  at(code: ErrorCode, field: string, text: string, nodeId?: string): void {
    const where = field === '' ? 'pipeline' : field;
    this.list.push(
      petroflowError(code, `${where}: ${text}`, {
        field,
        ...(nodeId !== undefined ? { nodeId } : {}),
      }),
    );
  }
}
