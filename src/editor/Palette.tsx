/**
 * The operator palette: the registry's operators on the followed channel, grouped by category,
 * searchable; click or drag to add, or type on the canvas and press Enter (quick-add).
 */
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useApp } from '../state/index.ts';
import { useEditor } from './EditorContext.tsx';
import { OP_DRAG_TYPE } from './Canvas.tsx';

/** Lets the app focus the search with text already typed. */
export interface PaletteHandle {
  focusWith(text: string): void;
}

/**
 * How well an operator matches the search: every word must appear somewhere; a match in the title
 * ranks above one in the id, the category, then only the description (so "las files" finds the LAS
 * source before an operator that merely mentions LAS files).
 */
function score(q: string, fields: readonly string[]): number {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const lower = fields.map((f) => f.toLowerCase());
  if (!words.every((w) => lower.some((f) => f.includes(w)))) return -1;
  return lower.reduce(
    (sum, f, i) => sum + words.filter((w) => f.includes(w)).length * (lower.length - i),
    0,
  );
}

/** The palette panel. */
export const Palette = forwardRef<PaletteHandle>(function Palette(_props, ref) {
  const { registry, addOperator } = useEditor();
  const channel = useApp((s) => s.channel);
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    focusWith(text) {
      setQuery(text);
      input.current?.focus();
    },
  }));
  const ops = useMemo(() => registry.palette(channel), [registry, channel]);
  const shown = useMemo(
    () =>
      ops
        .map((o) => ({ o, s: score(query, [o.title, o.id, o.category, o.description]) }))
        .filter((x) => x.s >= 0)
        .sort((a, b) => b.s - a.s)
        .map((x) => x.o),
    [ops, query],
  );
  const groups = useMemo(() => {
    const m = new Map<string, typeof shown>();
    for (const o of shown) m.set(o.category, [...(m.get(o.category) ?? []), o]);
    return [...m];
  }, [shown]);
  const add = (id: string) => {
    addOperator(id);
    setQuery('');
  };
  return (
    <section className="palette" aria-label="Operators">
      <input
        ref={input}
        type="search"
        className="palette-search"
        aria-label="Search operators"
        placeholder="Search operators… (Enter adds)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) add(shown[0].id);
          if (e.key === 'Escape') setQuery('');
        }}
      />
      {ops.length === 0 && <p className="empty-note">No operators are available in this build.</p>}
      {ops.length > 0 && shown.length === 0 && (
        <p className="empty-note">No operator matches “{query}”.</p>
      )}
      {groups.map(([category, list]) => (
        <div key={category} className="palette-group">
          <h3>{category}</h3>
          <ul>
            {list.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(OP_DRAG_TYPE, o.id);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => add(o.id)}
                  title={o.description}
                  aria-label={`Add ${o.title}`}
                >
                  <span className="palette-title">{o.title}</span>
                  <span className="palette-meta">
                    {o.id} · v{o.version}
                    {o.channel !== 'stable' ? ` · ${o.channel}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
});
