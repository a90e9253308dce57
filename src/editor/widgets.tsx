/**
 * Form widgets for Petroflow's parameter annotations (`x-widget`): column pickers fed with the
 * input's columns, multi-column pickers, SQL/expression editors, and file pickers fed with the
 * file library. Plain React inputs, so everything renders as text.
 */
import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';

type Opts = { columns?: readonly string[]; files?: readonly string[] };

const opts = (p: WidgetProps): Opts => p.options as Opts;

function ColumnWidget(p: WidgetProps) {
  const columns = opts(p).columns;
  const value = typeof p.value === 'string' ? p.value : '';
  if (!columns || columns.length === 0) {
    return (
      <input
        id={p.id}
        className="form-control"
        value={value}
        placeholder="column name (run or connect an input to pick)"
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={() => p.onBlur(p.id, p.value)}
        aria-invalid={(p.rawErrors?.length ?? 0) > 0}
      />
    );
  }
  const missing = value !== '' && !columns.includes(value);
  return (
    <select
      id={p.id}
      className="form-control"
      value={value}
      onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
      aria-invalid={missing || (p.rawErrors?.length ?? 0) > 0}
    >
      <option value="">— choose a column —</option>
      {missing && <option value={value}>{value} (not in the input)</option>}
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

function ColumnsWidget(p: WidgetProps) {
  const columns = opts(p).columns;
  const value: string[] = Array.isArray(p.value)
    ? p.value.filter((v): v is string => typeof v === 'string')
    : [];
  if (!columns || columns.length === 0) {
    return (
      <input
        id={p.id}
        className="form-control"
        value={value.join(', ')}
        placeholder="comma-separated column names"
        onChange={(e) => {
          const list = e.target.value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          p.onChange(list.length ? list : undefined);
        }}
      />
    );
  }
  return (
    <div className="columns-widget" id={p.id} role="group" aria-label={p.label}>
      {columns.map((c) => (
        <label key={c} className="check">
          <input
            type="checkbox"
            checked={value.includes(c)}
            onChange={(e) => {
              const next = e.target.checked ? [...value, c] : value.filter((v) => v !== c);
              p.onChange(next.length ? next : undefined);
            }}
          />
          {c}
        </label>
      ))}
    </div>
  );
}

function CodeWidget(p: WidgetProps) {
  return (
    <textarea
      id={p.id}
      className="form-control code"
      rows={p.schema['x-widget'] === 'sql' ? 6 : 2}
      spellCheck={false}
      value={typeof p.value === 'string' ? p.value : ''}
      onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={() => p.onBlur(p.id, p.value)}
    />
  );
}

function FileWidget(p: WidgetProps) {
  const files = opts(p).files ?? [];
  const listId = `${p.id}-files`;
  return (
    <>
      <input
        id={p.id}
        className="form-control"
        list={listId}
        value={typeof p.value === 'string' ? p.value : ''}
        placeholder="file name or pattern, e.g. *.las"
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      <datalist id={listId}>
        {['*.las', '*.csv', ...files].map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
    </>
  );
}

/** The widgets registered with the form (referenced from the generated uiSchema). */
export const paramWidgets: RegistryWidgetsType = {
  column: ColumnWidget,
  columns: ColumnsWidget,
  code: CodeWidget,
  file: FileWidget,
};
