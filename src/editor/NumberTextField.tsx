/**
 * The form field of number and integer parameters: a text box (not `<input type="number">`, which
 * in Chromium silently drops a decimal comma, so "0,05" became 5). The text is read by
 * `parseNumberText`; a good number goes to the pipeline, text that is not one is kept as typed and
 * stored as text, which the schema check flags on the node and the field so the node cannot run.
 */
import { useState } from 'react';
import { ariaDescribedByIds, type FieldProps } from '@rjsf/utils';
import { numberToText, parseNumberText } from './numberText.ts';

/** The value a field's text stands for in the parameters: the number, nothing, or the raw text. */
export function numberFieldValue(text: string, title: string, integer: boolean): unknown {
  const r = parseNumberText(text, { title, integer });
  return r.ok ? r.value : text;
}

/** Whether the shown text already stands for `value` (then it is kept as the user wrote it). */
function shows(text: string, value: unknown, title: string, integer: boolean): boolean {
  return Object.is(numberFieldValue(text, title, integer), value);
}

/** Registered as the parameter form's `NumberField`: every number and integer parameter. */
export function NumberTextField(p: FieldProps) {
  const integer = p.schema.type === 'integer';
  const title = typeof p.schema.title === 'string' ? p.schema.title : p.name;
  const id = p.fieldPathId.$id;
  const [text, setText] = useState(() => numberToText(p.formData));
  const [seen, setSeen] = useState<unknown>(p.formData);
  if (!Object.is(seen, p.formData)) {
    // The value changed from outside (undo, upgrade, defaults): show it unless the text says it.
    setSeen(p.formData);
    if (!shows(text, p.formData, title, integer)) setText(numberToText(p.formData));
  }
  const invalid = !p.hideError && (p.rawErrors?.length ?? 0) > 0;
  return (
    <input
      id={id}
      name={p.fieldPathId.name ?? id}
      className="form-control number-text"
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellCheck={false}
      value={text}
      disabled={p.disabled}
      readOnly={p.readonly}
      aria-invalid={invalid}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => {
        const next = e.target.value;
        const value = numberFieldValue(next, title, integer);
        setText(next);
        setSeen(value);
        p.onChange(value, p.fieldPathId.path, undefined, id);
      }}
      onBlur={() => p.onBlur(id, p.formData)}
      onFocus={() => p.onFocus(id, p.formData)}
    />
  );
}
