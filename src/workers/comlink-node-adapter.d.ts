// comlink ships node-adapter.d.ts next to node-adapter.mjs, but TypeScript looks for .d.mts when a
// specifier ends in .mjs; this declares the same signature for the path we import.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  /** The subset of a worker_threads Worker/MessagePort that comlink's adapter uses. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: string, listener: (value: unknown) => void): void;
    off(type: string, listener: (value: unknown) => void): void;
    start?: () => void;
  }
  /** Wraps a worker_threads Worker or parentPort as a comlink Endpoint. */
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
