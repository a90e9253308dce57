/**
 * Fault injection for tests: makes the real IndexedDB boundary (`IDBObjectStore.prototype.put`)
 * fail for one object store, the way a full disk or a crash mid-write would. Not used by the app.
 */

/** How a put fails: the browser's quota error, a throw after the write was queued, or an abort. */
export type PutFault = 'quota' | 'throw-after-put' | 'abort-after-put';

/** Makes every put into `store` fail as `fault` until the returned function restores put. */
export function injectPutFault(store: string, fault: PutFault): () => void {
  const proto = globalThis.IDBObjectStore.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'put')?.value as IDBObjectStore['put'];
  proto.put = function put(this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name !== store) return original.call(this, value, key);
    if (fault === 'quota') {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    const request = original.call(this, value, key);
    if (fault === 'abort-after-put') this.transaction.abort();
    else throw new Error('Injected failure after the put was queued.');
    return request;
  };
  return () => {
    proto.put = original;
  };
}

/** Fixture bytes are written as `{ "$utf8": text }` (JSON cannot hold a Uint8Array). */
export function fixtureValue(v: unknown): unknown {
  if (typeof v === 'object' && v !== null && '$utf8' in v) {
    const text = v.$utf8;
    if (typeof text === 'string') return new TextEncoder().encode(text);
  }
  return v;
}
