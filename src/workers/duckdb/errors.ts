/**
 * Turns what DuckDB-WASM throws into Petroflow's error codes: SQL mistakes, lock-down denials, a
 * clean out-of-memory, and wasm crashes (after which the instance must be replaced).
 */
import { petroflowError, PetroflowException, type PetroflowError } from '../../model/errors.ts';

/** What the user is told when lock-down denies a file, URL, extension or setting. */
export const PERMISSION_HINT =
  'Pipelines may read only their input tables: files, URLs, extensions, ATTACH, COPY and settings are locked.';

/** DuckDB's own errors start like `Binder Error: ...`; crashes of the wasm module do not. */
const duckdbErrorPrefix = /^[A-Z][A-Za-z]*( [A-Za-z]+)* Error: /;
const crashPattern =
  /memory access out of bounds|unreachable|RuntimeError|Aborted\(|index out of bounds|null function|worker has been terminated|call stack (size )?exceeded/i;

function rawMessageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e);
}

/**
 * DuckDB's usual `Type Error: message` text for an error DuckDB-WASM reports in its JSON form
 * (`{"exception_type":"Permission","exception_message":"..."}`, seen for IMPORT DATABASE, parser
 * and catalog errors); other text is returned unchanged.
 */
export function duckDbErrorText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return text;
  }
  if (typeof parsed !== 'object' || parsed === null) return text;
  const type: unknown = Reflect.get(parsed, 'exception_type');
  const message: unknown = Reflect.get(parsed, 'exception_message');
  if (typeof type !== 'string' || typeof message !== 'string') return text;
  // DuckDB writes the type in its own case ("Out of Memory", "INTERNAL"); the text form adds " Error".
  return `${type} Error: ${message}`;
}

function messageOf(e: unknown): string {
  return duckDbErrorText(rawMessageOf(e));
}

/** True when `e` means the wasm instance itself failed (every later call would fail too). */
export function isWasmCrash(e: unknown): boolean {
  if (e instanceof WebAssembly.RuntimeError) return true;
  if (e instanceof Error && e.name === 'RuntimeError') return true;
  const msg = messageOf(e);
  return !duckdbErrorPrefix.test(msg) && crashPattern.test(msg);
}

/** The error for calls made after a crash, or made on a crashed instance. */
export function crashedError(detail: string): PetroflowError {
  return petroflowError(
    'WORKER_CRASHED',
    `DuckDB crashed (${detail}) and cannot run more queries; the worker will be replaced. ` +
      'If this repeats, reduce the data or simplify the query.',
  );
}

/** Classifies anything thrown by DuckDB while running user SQL (see the module comment). */
export function classifyDuckDbError(e: unknown, memoryLimit: string): PetroflowError {
  if (e instanceof PetroflowException) return e.detail;
  const msg = messageOf(e).trim();
  if (isWasmCrash(e)) return crashedError(msg.split('\n')[0] ?? msg);
  if (msg.startsWith('Permission Error')) {
    return petroflowError('PERMISSION', `${PERMISSION_HINT} DuckDB said: ${msg}`);
  }
  if (/Persistent secrets are disabled/.test(msg)) {
    return petroflowError(
      'PERMISSION',
      `${PERMISSION_HINT} SQL nodes cannot store persistent secrets: remove PERSISTENT (a secret ` +
        `lasts for one query only). DuckDB said: ${msg}`,
    );
  }
  if (/the configuration has been locked/.test(msg)) {
    return petroflowError('PERMISSION', `${PERMISSION_HINT} DuckDB said: ${msg}`);
  }
  if (msg.startsWith('Out of Memory Error')) {
    return petroflowError(
      'SQL_ERROR',
      `DuckDB ran out of memory (limit ${memoryLimit}). Filter or aggregate the data earlier, or ` +
        `query fewer columns. DuckDB said: ${msg}`,
    );
  }
  if (/extension/i.test(msg) && msg.startsWith('Catalog Error')) {
    return petroflowError(
      'SQL_ERROR',
      `${msg}\nPetroflow runs offline with DuckDB's built-in functions only: extensions cannot be installed or loaded.`,
    );
  }
  return petroflowError('SQL_ERROR', msg);
}
