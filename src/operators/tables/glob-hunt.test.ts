import { describe, expect, it } from 'vitest';
import { PetroflowException } from '../../model/errors.ts';
import { matchFiles } from './glob.ts';
import { memoryFiles } from './test-context.ts';

function notFound(files: Record<string, string>, pattern: string): string {
  try {
    matchFiles(memoryFiles(files), pattern, { nodeId: 'n1', op: 'source.las' });
  } catch (e) {
    if (e instanceof PetroflowException) return e.detail.message;
  }
  throw new Error('expected FILE_NOT_FOUND');
}

describe('matchFiles: a pattern that matches nothing', () => {
  it('lists at most 20 of thousands of files, saying how many more there are', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) many[`well-${String(i).padStart(4, '0')}.las`] = '';
    const message = notFound(many, '*.LAS');
    expect(message).toMatch(/^No file matches "\*\.LAS"\. Available files: well-0000\.las, /);
    expect(message).toMatch(/well-0019\.las and 4980 more\. Add the file/);
    expect(message).not.toMatch(/well-0020/);
    expect(message.length).toBeLessThan(700);
  });

  it('lists every file when there are few, and says when there are none', () => {
    expect(notFound({ 'a.las': '', 'b.csv': '' }, 'c.las')).toMatch(
      /Available files: a\.las, b\.csv\. Add the file/,
    );
    expect(notFound({}, '*.las')).toMatch(/\(no files added yet\)/);
  });
});
