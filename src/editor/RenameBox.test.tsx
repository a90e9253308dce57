// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RenameBox } from './RenameBox.tsx';

afterEach(cleanup);

function setup() {
  const calls: (string | undefined)[] = [];
  render(<RenameBox initial="Wells" onDone={(n) => calls.push(n)} />);
  const box = screen.getByRole('textbox', { name: 'New name' });
  return { calls, box };
}

describe('RenameBox', () => {
  it('starts from the current name', () => {
    expect(setup().box).toHaveProperty('value', 'Wells');
  });

  it('Escape cancels, and the blur that follows saves nothing', () => {
    const { calls, box } = setup();
    fireEvent.change(box, { target: { value: 'Typo' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    fireEvent.blur(box);
    expect(calls).toEqual([undefined]);
  });

  it('Enter saves once, even when a blur follows', () => {
    const { calls, box } = setup();
    fireEvent.change(box, { target: { value: 'North field' } });
    fireEvent.submit(box);
    fireEvent.blur(box);
    expect(calls).toEqual(['North field']);
  });

  it('leaving the box saves, as before', () => {
    const { calls, box } = setup();
    fireEvent.change(box, { target: { value: 'South' } });
    fireEvent.keyDown(box, { key: 'a' });
    fireEvent.blur(box);
    expect(calls).toEqual(['South']);
  });
});
