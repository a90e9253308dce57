// Runs every check in order (format, lint, types, unit, build, end-to-end) and prints one
// plain "N passed, N failed" line summing Vitest and Playwright. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
let passed = 0;
let failed = 0;
const stepFailures = [];

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    stepFailures.push(name);
    console.log(`=== ${name} FAILED (exit ${r.status ?? r.signal})`);
  }
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests ?? 0;
  failed += j.numFailedTests ?? 0;
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  const s = j.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  return true;
}

const node = process.execPath;
step('format', node, [
  'node_modules/prettier/bin/prettier.cjs',
  '--check',
  '.',
  '--log-level',
  'warn',
]);
step('lint', node, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0']);
step('typecheck', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);

rmSync('.vitest-results.json', { force: true });
step('unit', node, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.vitest-results.json',
]);
if (!countVitest('.vitest-results.json')) failed += 1;

const built = step('build', node, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
rmSync('.playwright-results.json', { force: true });
if (built) {
  step('e2e', node, ['node_modules/@playwright/test/cli.js', 'test']);
}
if (!countPlaywright('.playwright-results.json')) failed += 1;

if (stepFailures.length) console.log(`\nfailed steps: ${stepFailures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(stepFailures.length || failed ? 1 : 0);
