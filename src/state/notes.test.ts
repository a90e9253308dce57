import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from './store.ts';
import { testRegistry } from './testOperators.ts';
import { parsePipelineText } from '../model/parse.ts';
import { serializePipeline } from '../model/serialize.ts';
import { PIPELINE_LIMITS } from '../model/pipeline-schema.ts';

const registry = testRegistry();
const notesOf = (s: AppStore, id: string) => s.getState().doc.nodes.find((n) => n.id === id)?.notes;

/** Types `text` one character at a time, `gapMs` apart (the clock is faked). */
function typeInto(s: AppStore, id: string, start: string, text: string, gapMs: number) {
  let value = start;
  for (const ch of text) {
    vi.advanceTimersByTime(gapMs);
    value += ch;
    s.getState().setNotes(id, value);
  }
}

describe('node notes', () => {
  afterEach(() => void vi.useRealTimers());

  it('makes one undo step of a burst of typing; undo and redo restore the text', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const s = createAppStore({ registry });
    const id = s.getState().addNode('test.scale') as string;
    const before = s.getState().past.length;
    typeInto(s, id, '', 'Check rw', 100);
    expect(notesOf(s, id)).toBe('Check rw');
    expect(s.getState().past.length).toBe(before + 1);
    // A pause of more than a second starts a new step.
    vi.advanceTimersByTime(1500);
    typeInto(s, id, 'Check rw', ' again', 100);
    expect(s.getState().past.length).toBe(before + 2);
    s.getState().undo();
    expect(notesOf(s, id)).toBe('Check rw');
    s.getState().undo();
    expect(notesOf(s, id)).toBeUndefined();
    expect(s.getState().doc.nodes[0]).not.toHaveProperty('notes');
    s.getState().redo();
    expect(notesOf(s, id)).toBe('Check rw');
    s.getState().redo();
    expect(notesOf(s, id)).toBe('Check rw again');
  });

  it('removes the field when emptied, makes no step for the same text, and caps the length', () => {
    const s = createAppStore({ registry });
    const id = s.getState().addNode('test.scale') as string;
    s.getState().setNotes(id, 'x');
    const steps = s.getState().past.length;
    s.getState().setNotes(id, 'x');
    expect(s.getState().past.length).toBe(steps);
    s.getState().setNotes(id, '');
    expect(s.getState().doc.nodes[0]).not.toHaveProperty('notes');
    s.getState().setNotes(id, 'n'.repeat(PIPELINE_LIMITS.notes + 5));
    expect(notesOf(s, id)?.length).toBe(PIPELINE_LIMITS.notes);
  });

  it('keeps notes as plain text through save and load (markup is not interpreted)', () => {
    const s = createAppStore({ registry });
    const id = s.getState().addNode('test.scale') as string;
    const text = 'Line 1 <b>not bold</b>\n"quoted" & more';
    s.getState().setParams(id, { col: 'GR', factor: 2 });
    s.getState().setNotes(id, text);
    const json = serializePipeline(s.getState().toPipeline());
    const back = parsePipelineText(json, registry);
    expect(back.ok && back.value.nodes[0]?.notes).toBe(text);
    const t = createAppStore({ registry });
    if (back.ok) t.getState().loadPipeline(back.value);
    expect(notesOf(t, id)).toBe(text);
  });
});
