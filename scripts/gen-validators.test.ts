import { describe, expect, it } from 'vitest';
import { staleValidatorFiles } from './gen-validators.ts';

describe('precompiled validators', () => {
  it('are up to date with their schemas (else run: npx tsx scripts/gen-validators.ts)', async () => {
    expect(await staleValidatorFiles()).toEqual([]);
  });
});
