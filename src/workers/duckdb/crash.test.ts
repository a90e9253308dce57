import { describe, expect, it } from 'vitest';
import { classifyDuckDbError, isWasmCrash } from './errors.ts';
import { createNodeDuckDbHost } from './node.ts';
import { failure } from '../testing/failure.ts';

describe('error classification', () => {
  it('tells wasm crashes from DuckDB errors that mention the same words', () => {
    expect(isWasmCrash(new WebAssembly.RuntimeError('memory access out of bounds'))).toBe(true);
    expect(isWasmCrash(new Error('RuntimeError: unreachable'))).toBe(true);
    expect(isWasmCrash(new Error('memory access out of bounds'))).toBe(true);
    expect(isWasmCrash(new Error('Aborted(OOM)'))).toBe(true);
    const binder = 'Binder Error: Referenced column "unreachable" not found in FROM clause!';
    expect(isWasmCrash(new Error(binder))).toBe(false);
    expect(classifyDuckDbError(new Error(binder), '2GB').code).toBe('SQL_ERROR');
  });

  it('maps permission, locked settings and memory errors', () => {
    const perm = classifyDuckDbError(
      new Error('Permission Error: Cannot access file "a.csv"'),
      '2GB',
    );
    expect(perm.code).toBe('PERMISSION');
    expect(perm.message).toMatch(/Pipelines may read only their input tables/);
    const locked = classifyDuckDbError(
      new Error(
        'Invalid Input Error: Cannot change configuration option "threads" - the configuration has been locked',
      ),
      '2GB',
    );
    expect(locked.code).toBe('PERMISSION');
    const oom = classifyDuckDbError(new Error('Out of Memory Error: could not allocate'), '1GB');
    expect(oom.code).toBe('SQL_ERROR');
    expect(oom.message).toMatch(/limit 1GB/);
    expect(classifyDuckDbError(new Error('memory access out of bounds'), '1GB').code).toBe(
      'WORKER_CRASHED',
    );
  });
});

describe('a crashed instance', () => {
  it('reports WORKER_CRASHED, is dead, and fails fast afterwards', async () => {
    const host = await createNodeDuckDbHost();
    // A 3 GB string overruns wasm's 4 GB address space: DuckDB's memory limit does not catch it.
    const crash = await failure(host.query("SELECT length(repeat('x', 3000000000)) AS n", {}));
    expect(crash.code).toBe('WORKER_CRASHED');
    expect(crash.message).toMatch(/memory access out of bounds/);
    expect(host.isDead()).toBe(true);
    const started = performance.now();
    const later = await failure(host.query('SELECT 1', {}));
    expect(later.code).toBe('WORKER_CRASHED');
    expect(performance.now() - started).toBeLessThan(50);
    const csv = await failure(
      host.readCsv('a.csv', new Uint8Array([97, 10, 49, 10]), { delimiter: 'auto', header: true }),
    );
    expect(csv.code).toBe('WORKER_CRASHED');
  });
});
