import { describe, expect, it } from 'vitest';
import { isWindowsDeviceName, OutputNames, outputIdProblems } from './run-outputs.ts';

describe('output file names of petroflow run', () => {
  it('knows the Windows device names, with or without an extension, in any case', () => {
    for (const n of ['con', 'CON.csv', 'Nul.las', 'aux', 'prn.parquet', 'COM1.csv', 'lpt9', 'com¹'])
      expect(isWindowsDeviceName(n), n).toBe(true);
    for (const n of ['console', 'con_1.csv', 'com10', 'nully.csv', 'a', 'lpt'])
      expect(isWindowsDeviceName(n), n).toBe(false);
  });

  it('refuses terminal ids equal but for case everywhere, device names on Windows only', () => {
    expect(outputIdProblems(['Vsh', 'gr', 'vsh'], 'linux')).toEqual([
      "nodes 'Vsh' and 'vsh' differ only in letter case, so their output files would overwrite each other on Windows and macOS; rename one of them",
    ]);
    expect(outputIdProblems(['con', 'nul', 'ok'], 'linux')).toEqual([]);
    const win = outputIdProblems(['con', 'ok', 'Lpt1'], 'win32');
    expect(win).toHaveLength(2);
    expect(win[0]).toBe(
      "node 'con' cannot name an output file on Windows ('con' is a device name there); rename the node",
    );
    expect(win[1]).toContain("node 'Lpt1'");
  });

  it('tells apart names that differ only in case with -2, -3 before the extension', () => {
    const names = new OutputNames();
    expect(names.claim('logs.W-1.las')).toBe('logs.W-1.las');
    expect(names.claim('logs.w-1.las')).toBe('logs.w-1-2.las');
    expect(names.claim('LOGS.W-1.las')).toBe('LOGS.W-1-3.las');
    expect(names.claim('logs.w-1-2.las')).toBe('logs.w-1-2-2.las');
    expect(names.claim('other.las')).toBe('other.las');
  });
});
