// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createUpdateOffer, UpdatePrompt } from './UpdatePrompt.tsx';

afterEach(cleanup);

describe('UpdatePrompt', () => {
  it('shows nothing until a new version is offered, then lets the user choose', async () => {
    const offer = createUpdateOffer();
    render(<UpdatePrompt offer={offer} />);
    expect(screen.queryByText('Update available')).toBeNull();
    let applied = 0;
    act(() =>
      offer.offer(async () => {
        applied++;
        await Promise.resolve();
      }),
    );
    expect(screen.getByRole('status', { name: 'Update available' })).toBeTruthy();
    expect(applied).toBe(0); // offered, not forced
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByText('Update available')).toBeNull();
    expect(applied).toBe(0);
    act(() => offer.offer(() => Promise.resolve(void applied++)));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
      await Promise.resolve();
    });
    expect(applied).toBe(1);
    expect(screen.getByRole('button', { name: 'Updating…' })).toHaveProperty('disabled', true);
  });

  it('says so when the update cannot start, and allows another try', async () => {
    const offer = createUpdateOffer();
    render(<UpdatePrompt offer={offer} />);
    act(() => offer.offer(() => Promise.reject(new Error('no waiting worker'))));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(screen.getByText(/could not be started \(Error: no waiting worker\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload to update' })).toHaveProperty(
      'disabled',
      false,
    );
  });
});
