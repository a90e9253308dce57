import { describe, expect, it } from 'vitest';
import { classifyDuckDbError, duckDbErrorText, isWasmCrash, PERMISSION_HINT } from './errors.ts';

const json = (type: string, message: string, extra: Record<string, string> = {}) =>
  new Error(JSON.stringify({ exception_type: type, exception_message: message, ...extra }));

describe("DuckDB's JSON error form", () => {
  it('is rewritten as DuckDB text form; other text is left alone', () => {
    expect(
      duckDbErrorText(
        '{"exception_type":"Permission","exception_message":"Cannot access file \\"/tmp/x/schema.sql\\""}',
      ),
    ).toBe('Permission Error: Cannot access file "/tmp/x/schema.sql"');
    for (const text of [
      'Binder Error: column x not found',
      '{not json}',
      '{"exception_type":3,"exception_message":"x"}',
      '{"message":"x"}',
      '[1]',
    ]) {
      expect(duckDbErrorText(text)).toBe(text);
    }
  });

  it('classifies a JSON permission error as PERMISSION with the hint', () => {
    const e = classifyDuckDbError(json('Permission', 'Cannot access file "/tmp/x"'), '2GB');
    expect(e.code).toBe('PERMISSION');
    expect(e.message).toBe(
      `${PERMISSION_HINT} DuckDB said: Permission Error: Cannot access file "/tmp/x"`,
    );
  });

  it('classifies JSON out-of-memory, extension and locked-setting errors like their text forms', () => {
    const oom = classifyDuckDbError(json('Out of Memory', 'could not allocate block'), '64MB');
    expect(oom.code).toBe('SQL_ERROR');
    expect(oom.message).toMatch(
      /^DuckDB ran out of memory \(limit 64MB\).*Out of Memory Error: could not allocate/,
    );
    const ext = classifyDuckDbError(
      json(
        'Catalog',
        'Table Function with name read_parquet is not on the catalog, but it exists in the parquet extension.',
      ),
      '2GB',
    );
    expect(ext.message).toMatch(/^Catalog Error: .*\nPetroflow runs offline/);
    const locked = classifyDuckDbError(
      json(
        'Invalid Input',
        'Cannot change configuration option "x" - the configuration has been locked',
      ),
      '2GB',
    );
    expect(locked.code).toBe('PERMISSION');
  });

  it('does not take a DuckDB error that mentions crash words for a crash', () => {
    const e = json('Binder', 'Referenced column "unreachable" not found', {
      error_subtype: 'COLUMN_NOT_FOUND',
    });
    expect(isWasmCrash(e)).toBe(false);
    expect(classifyDuckDbError(e, '2GB')).toEqual({
      code: 'SQL_ERROR',
      message: 'Binder Error: Referenced column "unreachable" not found',
    });
    expect(isWasmCrash(new Error('Out of Memory Error: index out of bounds of x'))).toBe(false);
    expect(isWasmCrash(new Error('RuntimeError: memory access out of bounds'))).toBe(true);
    expect(classifyDuckDbError(new Error('Aborted(). Build with -sASSERTIONS'), '2GB').code).toBe(
      'WORKER_CRASHED',
    );
  });
});
