/** Console and file-system access for CLI commands, injectable so tests can capture output. */
import { readFile, mkdir, readdir, stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.ts';
import { owned } from '../engine/ipc.ts';

/**
 * What a path is, following symlinks: only a regular file may be read (a device such as
 * /dev/zero, a pipe or a socket would never end or would block the read).
 */
export type FileInfo =
  | { readonly kind: 'file'; readonly size: number; readonly mtimeMs: number }
  | { readonly kind: 'missing' | 'directory' | 'other' };

/** Why a path that is not a regular file cannot be read, in words for a one-line message. */
export function fileInfoProblem(info: FileInfo): string | undefined {
  switch (info.kind) {
    case 'file':
      return undefined;
    case 'missing':
      return 'no such file';
    case 'directory':
      return 'it is a directory, not a file';
    case 'other':
      return 'it is not a regular file (a device, pipe or socket); give the path of a file';
  }
}

/**
 * An error for a path that cannot be read (a `file` here is one over the size cap), with a
 * Node-like `code` (ENOENT, EISDIR, ENOTREG, EFBIG) and the problem in words as its message.
 */
export function fileError(info: FileInfo): Error {
  const code = { file: 'EFBIG', missing: 'ENOENT', directory: 'EISDIR', other: 'ENOTREG' }[
    info.kind
  ];
  const text =
    fileInfoProblem(info) ?? `it is too large (${info.kind === 'file' ? info.size : 0} bytes)`;
  return Object.assign(new Error(text), { code });
}

/** The words for a failed read: a `fileError`'s message, "no such file" for ENOENT, else the error's. */
export function readErrorText(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  return e instanceof Error ? e.message : String(e);
}

/** What a command may do outside itself. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /**
   * The bytes of a regular file; rejects (with `code` ENOENT, EISDIR, ENOTREG) for anything else,
   * and with EFBIG, before reading, when the file is over `maxBytes`.
   */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  /** What `path` is (symlinks followed); never rejects. */
  fileInfo(path: string): Promise<FileInfo>;
  /**
   * Writes a whole file, atomically: `path` gets all of `data` or is left as it was (a full disk,
   * a kill or Ctrl-C mid-write never leaves a truncated file that looks complete).
   */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  mkdirp(path: string): Promise<void>;
  /** Regular files directly inside `dir` (names only). */
  listFiles(dir: string): Promise<string[]>;
  /**
   * What identifies the file at `path` whatever the path that names it (device and inode, so
   * symlinks, `./` and hard links compare equal); undefined when there is no such file.
   */
  identity(path: string): Promise<string | undefined>;
  /**
   * All of standard input (a pipeline given as `-`); rejects with EFBIG once it passes `maxBytes`
   * and with ENOTTY when standard input is a terminal (nothing was piped in).
   */
  readStdin(maxBytes: number): Promise<Uint8Array>;
}

/** How a path given on the command line is named in messages (`-` is standard input). */
export function shownPath(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/** Reads `stream` to its end, failing with EFBIG (and stopping) past `maxBytes`. */
export async function readAll(
  stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  maxBytes: number,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > maxBytes) throw fileError({ kind: 'file', size, mtimeMs: 0 });
    parts.push(bytes);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * `buf` as a plain Uint8Array over the same memory when it owns its whole buffer (a large read),
 * else a copy (a small Buffer may sit in Node's shared pool, which must never be transferred).
 */
export function ownBytes(buf: Buffer): Uint8Array {
  // A plain view first: Buffer's own slice() would not copy.
  return owned(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

async function nodeFileInfo(path: string): Promise<FileInfo> {
  try {
    const s = await stat(path);
    if (s.isFile()) return { kind: 'file', size: s.size, mtimeMs: s.mtimeMs };
    return { kind: s.isDirectory() ? 'directory' : 'other' };
  } catch {
    return { kind: 'missing' };
  }
}

/** C0 controls but tab and newline, DEL, C1 controls (CSI is 0x9b) and bidirectional overrides. */
function unsafe(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * `text` with the characters that could drive a terminal (escape sequences that clear the screen,
 * retitle the window or hide text; bidi overrides that reorder it) shown as `\uXXXX`. Messages
 * quote names from files and links, which anyone may have written.
 */
export function terminalSafe(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!unsafe(code)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const guarded = new Set<NodeJS.WriteStream>();
const closed = new Set<NodeJS.WriteStream>();

/**
 * Writes a line to a console stream. A reader that went away (`petroflow run --json | head -1`)
 * makes writes fail with EPIPE: later output is dropped quietly, as `cat` or `grep` do, and the
 * command still ends with its own exit status (the run and its files are unaffected), instead of
 * a crash with a stack trace.
 */
export function writeLine(stream: NodeJS.WriteStream, text: string): void {
  if (closed.has(stream)) return;
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed.add(stream);
    });
  }
  stream.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`));
}

/** The real console and file system. */
export const nodeIO: CliIO = {
  out: (t) => writeLine(process.stdout, t),
  err: (t) => writeLine(process.stderr, t),
  readFile: async (p, maxBytes) => {
    const info = await nodeFileInfo(p);
    if (info.kind !== 'file' || (maxBytes !== undefined && info.size > maxBytes))
      throw fileError(info);
    return ownBytes(await readFile(p));
  },
  fileInfo: nodeFileInfo,
  writeFile: writeFileAtomic,
  mkdirp: async (p) => {
    await mkdir(p, { recursive: true });
  },
  listFiles: async (dir) => {
    const names = await readdir(dir);
    const out: string[] = [];
    // A broken symlink or an entry removed meanwhile is skipped like any non-file.
    for (const n of names) if ((await nodeFileInfo(`${dir}/${n}`)).kind === 'file') out.push(n);
    return out.sort();
  },
  identity: async (p) => {
    try {
      const s = await stat(p);
      return `${s.dev}:${s.ino}`;
    } catch {
      return undefined;
    }
  },
  readStdin: (maxBytes) => {
    if (process.stdin.isTTY)
      return Promise.reject(
        Object.assign(
          new Error('standard input is a terminal; pipe the pipeline in (petroflow ... - < FILE)'),
          { code: 'ENOTTY' },
        ),
      );
    return readAll(process.stdin, maxBytes).finally(() => process.stdin.destroy());
  },
};

/** An in-memory CliIO for tests: output is collected, files come from a map (`-` is stdin). */
export function memoryIO(
  files: Record<string, Uint8Array | string> = {},
): CliIO & { stdout: string[]; stderr: string[]; files: Map<string, Uint8Array | string> } {
  const store = new Map(Object.entries(files));
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    files: store,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    readFile: (p, maxBytes) => {
      const v = store.get(p);
      if (v === undefined)
        return Promise.reject(
          Object.assign(new Error(`ENOENT: no such file '${p}'`), { code: 'ENOENT' }),
        );
      const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v;
      if (maxBytes !== undefined && bytes.length > maxBytes)
        return Promise.reject(fileError({ kind: 'file', size: bytes.length, mtimeMs: 0 }));
      return Promise.resolve(bytes);
    },
    fileInfo: (p) => {
      const v = store.get(p);
      if (v !== undefined) {
        const size = typeof v === 'string' ? new TextEncoder().encode(v).length : v.length;
        return Promise.resolve({ kind: 'file', size, mtimeMs: 0 });
      }
      const prefix = p.endsWith('/') ? p : `${p}/`;
      const dir = [...store.keys()].some((k) => k.startsWith(prefix));
      return Promise.resolve({ kind: dir ? 'directory' : 'missing' });
    },
    writeFile: (p, d) => {
      store.set(p, d);
      return Promise.resolve();
    },
    mkdirp: () => Promise.resolve(),
    listFiles: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      return Promise.resolve(
        [...store.keys()]
          .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
          .map((k) => k.slice(prefix.length))
          .sort(),
      );
    },
    identity: (p) => Promise.resolve(store.has(p) ? p.replace(/^(\.\/)+/, '') : undefined),
    readStdin: (maxBytes) => {
      const v = store.get('-');
      return readAll(
        [typeof v === 'string' ? new TextEncoder().encode(v) : (v ?? new Uint8Array())],
        maxBytes,
      );
    },
  };
}
