/**
 * The parameter form of a node, generated from its operator version's JSON Schema by @rjsf/core.
 * Edits go to the store at once (typing in one field is one undo step); errors show on the field.
 * Validation uses the precompiled validator of the schema (rjsf's precompiled validator support):
 * no schema is compiled in the browser, so the app needs no `unsafe-eval` in its CSP.
 */
import { memo, useMemo } from 'react';
import Form from '@rjsf/core';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import { hashForSchema, type ErrorSchema, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { paramsValidator, type ValidateFunction } from '../model/schema-check.ts';
import type { ParamsSchema } from '../operators/params.ts';
import { paramWidgets } from './widgets.tsx';
import { NumberTextField } from './NumberTextField.tsx';
import { parseNumberText } from './numberText.ts';

/** rjsf's number field replaced: numbers and integers are text fields that read decimal commas. */
const paramFields = { NumberField: NumberTextField };

const accept: ValidateFunction = Object.assign(() => true, { errors: null });

/**
 * The rjsf validator of one params schema, from its precompiled validator. When there is none (a
 * build made without regenerating), the form checks nothing and says why; the run still checks.
 */
export function formValidatorFor(schema: ParamsSchema) {
  const root = schema as unknown as RJSFSchema;
  const v = paramsValidator(schema as unknown as Readonly<Record<string, unknown>>);
  const fn = v.ok ? v.value : accept;
  return {
    validator: createPrecompiledValidator({ [hashForSchema(root)]: fn }, root),
    problem: v.ok ? undefined : v.error,
  };
}

/** The uiSchema: widget per `x-widget`, units in titles, options with columns and files. */
export function uiSchemaFor(
  schema: ParamsSchema,
  columns: Readonly<Record<string, readonly string[]>>,
  files: readonly string[],
): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  const ports = Object.keys(columns);
  for (const [name, p] of Object.entries(schema.properties)) {
    const field: Record<string, unknown> = {};
    if (p['x-unit']) field['ui:title'] = `${p.title} (${p['x-unit']})`;
    const w = p['x-widget'];
    if (w === 'column' || w === 'columns') {
      field['ui:widget'] = w;
      const port = p['x-port'] ?? (ports.length === 1 ? ports[0] : 'in');
      field['ui:options'] = { columns: port ? columns[port] : undefined };
    } else if (w === 'sql' || w === 'expression') field['ui:widget'] = 'code';
    else if (w === 'file') {
      field['ui:widget'] = 'file';
      field['ui:options'] = { files };
    }
    ui[name] = field;
  }
  return ui;
}

/** Props of the form. */
export interface ParamFormProps {
  readonly nodeId: string;
  readonly schema: ParamsSchema;
  readonly params: Readonly<Record<string, unknown>>;
  readonly columns: Readonly<Record<string, readonly string[]>>;
  readonly files: readonly string[];
  /** Problems found beyond the schema (e.g. a column missing from the input), by field. */
  readonly extra: Readonly<Record<string, string>>;
  onChange(params: Record<string, unknown>, field: string | undefined): void;
}

/** The generated form. */
export const ParamForm = memo(function ParamForm(p: ParamFormProps) {
  const ui = useMemo(
    () => uiSchemaFor(p.schema, p.columns, p.files),
    [p.schema, p.columns, p.files],
  );
  const extraErrors = useMemo(() => {
    const e: Record<string, { __errors: string[] }> = {};
    for (const [k, v] of Object.entries(p.extra)) e[k] = { __errors: [v] };
    // Text kept in a number field fails the schema as "must be number": say what to write instead.
    for (const [k, s] of Object.entries(p.schema.properties)) {
      const v = p.params[k];
      if ((s.type !== 'number' && s.type !== 'integer') || typeof v !== 'string') continue;
      const read = parseNumberText(v, { title: s.title, integer: s.type === 'integer' });
      e[k] = {
        __errors: [
          read.ok ? `${s.title}: "${v}" is stored as text, not a number: retype it.` : read.error,
        ],
      };
    }
    return e as ErrorSchema;
  }, [p.extra, p.schema, p.params]);
  const form = useMemo(() => formValidatorFor(p.schema), [p.schema]);
  return (
    <>
      {form.problem && (
        <p className="param-form-problem" role="alert">
          Parameter checks are unavailable for this operator: {form.problem}
        </p>
      )}
      <Form
        key={p.nodeId}
        className="param-form"
        idPrefix={`param-${p.nodeId}`}
        schema={p.schema as unknown as RJSFSchema}
        uiSchema={ui}
        formData={p.params}
        validator={form.validator}
        widgets={paramWidgets}
        fields={paramFields}
        showErrorList={false}
        noHtml5Validate
        extraErrors={extraErrors}
        onChange={(e, id) => {
          const field = id?.split('_').pop();
          p.onChange({ ...(e.formData as Record<string, unknown>) }, field);
        }}
      />
    </>
  );
});
