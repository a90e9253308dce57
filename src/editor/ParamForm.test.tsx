// @vitest-environment happy-dom
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../operators/index.ts';
import type { ParamsSchema } from '../operators/params.ts';
import { ParamForm } from './ParamForm.tsx';

afterEach(cleanup);

function schemaOf(id: string): ParamsSchema {
  const [name = id, version] = id.split('@');
  const op = version ? builtinRegistry.operator(name, version) : builtinRegistry.latest(name);
  if (!op) throw new Error(`the built-in registry lacks ${id}`);
  return op.params.schema;
}

/** The form held the way the inspector holds it: every change goes back in as the new params. */
function setup(id: string, initial: Record<string, unknown>) {
  const seen: Record<string, unknown>[] = [];
  let setOutside: (p: Record<string, unknown>) => void = () => undefined;
  function Host() {
    const [params, setParams] = useState(initial);
    setOutside = setParams;
    return (
      <ParamForm
        nodeId="n-1"
        schema={schemaOf(id)}
        params={params}
        columns={{}}
        files={[]}
        extra={{}}
        onChange={(next) => {
          seen.push(next);
          setParams(next);
        }}
      />
    );
  }
  render(<Host />);
  return {
    seen,
    last: () => seen.at(-1) ?? {},
    setOutside: (p: Record<string, unknown>) => act(() => setOutside(p)),
  };
}

const field = (label: RegExp) => screen.getByLabelText<HTMLInputElement>(label);
const type = (el: HTMLInputElement, text: string) =>
  fireEvent.change(el, { target: { value: text } });

describe('ParamForm number fields', () => {
  it('are text boxes with a decimal keyboard that read a decimal comma', () => {
    const form = setup('petro.sw.archie', {});
    const rw = field(/Water resistivity/);
    expect(rw.type).toBe('text');
    expect(rw.inputMode).toBe('decimal');
    type(rw, '0,05');
    expect(form.last().rw).toBe(0.05);
    expect(rw.value).toBe('0,05');
    type(rw, ' 1e-3 ');
    expect(form.last().rw).toBe(0.001);
    type(rw, '-.5');
    expect(form.last().rw).toBe(-0.5);
    type(rw, '');
    expect(form.last().rw).toBeUndefined();
  });

  it('keep text that is not a number, store it as text and say what to write', () => {
    const form = setup('petro.sw.archie', { rw: 0.05 });
    const rw = field(/Water resistivity/);
    expect(rw.value).toBe('0.05');
    type(rw, '0,0x5');
    expect(form.last().rw).toBe('0,0x5');
    expect(rw.value).toBe('0,0x5');
    expect(rw.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Water resistivity: "0,0x5" is not a number/)).toBeTruthy();
    type(rw, '1,000');
    expect(screen.getByText(/"1,000" is ambiguous/)).toBeTruthy();
    type(rw, '0,06');
    expect(form.last().rw).toBe(0.06);
    expect(screen.queryByText(/is not a number|ambiguous/)).toBeNull();
  });

  it('show a value changed from outside (undo) but keep the typed form of the same value', () => {
    const form = setup('petro.sw.archie', { rw: 0.05 });
    const rw = field(/Water resistivity/);
    type(rw, '0,050');
    form.setOutside({ ...form.last(), a: 1 });
    expect(rw.value).toBe('0,050');
    form.setOutside({ ...form.last(), rw: 0.2 });
    expect(field(/Water resistivity/).value).toBe('0.2');
  });

  it('make integer fields numeric and refuse fractions', () => {
    const form = setup('summary.netpay@1.1.0', {});
    const decimals = field(/Decimals/i);
    expect(decimals.inputMode).toBe('numeric');
    type(decimals, '3');
    expect(form.last().decimals).toBe(3);
    type(decimals, '2,5');
    expect(form.last().decimals).toBe('2,5');
    expect(screen.getByText(/"2,5" is not a whole number/)).toBeTruthy();
  });
});
