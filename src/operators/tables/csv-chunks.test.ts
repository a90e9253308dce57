import { describe, expect, it } from 'vitest';
import type { RangedFile } from '../types.ts';
import { CsvChunker, type CsvChunk } from './csv-chunks.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A RangedFile over bytes that counts how many bytes were read. */
function ranged(bytes: Uint8Array): RangedFile & { readBytes: number } {
  const f = {
    readBytes: 0,
    read: (offset: number, length: number) => {
      const part = bytes.slice(offset, offset + length);
      f.readBytes += part.length;
      return Promise.resolve(part);
    },
  };
  return f;
}

async function cut(text: string, size: number, quoting?: [number, number]): Promise<CsvChunk[]> {
  const chunker = new CsvChunker(ranged(enc.encode(text)), size);
  if (quoting) chunker.setQuoting(...quoting);
  const out: CsvChunk[] = [];
  for await (const c of chunker.chunks()) out.push(c);
  return out;
}

/** Records of `text` split by an independent (regex-free, obvious) RFC 4180 reading. */
function records(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    cur += c;
    if (c === '"') q = !q;
    else if (!q && (c === '\n' || (c === '\r' && text[i + 1] !== '\n'))) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

describe('CsvChunker', () => {
  const samples = {
    plain: 'DEPT,GR\n1000,45\n1001,46\n1002,47\n',
    quotedNewlines: 'a,b\n1,"x\ny\nz"\n2,"p,""q""\nr"\n3,w\n',
    crlf: 'a,b\r\n1,"2\r\n3"\r\n4,5\r\n',
    loneCr: 'a,b\r1,2\r3,4',
    noFinalBreak: 'a,b\n1,2\n3,4',
    utf8: 'nom,valeur\né,"ü\nß"\n€,1\n',
  };
  for (const [label, text] of Object.entries(samples)) {
    it(`cuts ${label} only at record ends, for every chunk size`, async () => {
      const recs = records(text);
      const longest = Math.max(...recs.map((r) => enc.encode(r).length));
      for (let size = 1; size <= text.length + 2; size++) {
        const chunks = await cut(text, size);
        expect(chunks.map((c) => dec.decode(c.bytes)).join('')).toBe(text);
        let before = 0;
        for (const [i, c] of chunks.entries()) {
          expect(c.index).toBe(i);
          expect(c.recordsBefore).toBe(before);
          const inside = records(dec.decode(c.bytes));
          // Each chunk holds whole records: the same ones the whole text has, in order.
          expect(inside).toEqual(recs.slice(before, before + inside.length));
          // Bounded: what was pending (under two reads) plus at most one unfinished record.
          expect(c.bytes.length).toBeLessThanOrEqual(2 * size + longest);
          before += inside.length;
        }
        expect(before).toBe(recs.length);
      }
    });
  }

  it('counts physical lines before each chunk (quoted line breaks included)', async () => {
    const chunks = await cut('a\n"b\nc"\nd\ne\n', 2);
    expect(chunks.map((c) => [dec.decode(c.bytes), c.linesBefore, c.recordsBefore])).toEqual([
      ['a\n', 0, 0],
      ['"b\nc"\n', 1, 1],
      ['d\n', 3, 2],
      ['e\n', 4, 3],
    ]);
  });

  it('without quoting, cuts inside what would be a quoted field', async () => {
    const chunks = await cut('a\n"b\nc"\nd\n', 2, [-1, -1]);
    expect(chunks.map((c) => dec.decode(c.bytes))).toEqual(['a\n', '"b\n', 'c"\n', 'd\n']);
  });

  it('honours a backslash escape inside quotes', async () => {
    const chunks = await cut('a\n"x\\"\ny"\nz\n', 2, [0x22, 0x5c]);
    expect(chunks.map((c) => dec.decode(c.bytes))).toEqual(['a\n', '"x\\"\ny"\n', 'z\n']);
  });

  it('reads each byte once and keeps one record longer than many chunks whole', async () => {
    const long = `"${'x\n'.repeat(50_000)}"`;
    const text = `h\n${long}\nafter\n`;
    const file = ranged(enc.encode(text));
    const out: CsvChunk[] = [];
    for await (const c of new CsvChunker(file, 1000).chunks()) out.push(c);
    expect(file.readBytes).toBe(text.length);
    expect(out.map((c) => dec.decode(c.bytes)).join('')).toBe(text);
    expect(out.map((c) => records(dec.decode(c.bytes)).length)).toEqual([1, 2]);
  });

  it('gives no chunk for an empty file', async () => {
    expect(await cut('', 4)).toEqual([]);
  });
});
