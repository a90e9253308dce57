/**
 * The operator reference (docs/operators.md) generated from the registry, so the documentation is
 * the parameter schemas themselves and cannot drift from them (scripts/gen-operator-docs.ts writes
 * it; docs.test.ts fails when the committed file is stale).
 */
import type { ParamSchema } from './params.ts';
import { compareVersions, type OperatorRegistry } from './registry.ts';
import type { AnyOperator, PortSpec } from './types.ts';

/** The command that regenerates docs/operators.md (quoted in the staleness test's message). */
export const DOCS_COMMAND = 'npx tsx scripts/gen-operator-docs.ts';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (v: unknown): string => `\`${JSON.stringify(v)}\``;

function typeOf(p: ParamSchema): string {
  if (p.enum) return `one of ${p.enum.map((e) => `\`${e}\``).join(', ')}`;
  const port = p['x-port'] ? ` of port \`${p['x-port']}\`` : '';
  if (p['x-widget'] === 'column') return `column${port}`;
  if (p['x-widget'] === 'columns') return `columns${port}`;
  if (p['x-widget']) return `${p.type} (${p['x-widget']})`;
  return p.type === 'array' ? `array of ${p.items?.type ?? 'values'}` : p.type;
}

function bounds(p: ParamSchema): string {
  const low =
    p.minimum !== undefined
      ? `>= ${p.minimum}`
      : p.exclusiveMinimum !== undefined
        ? `> ${p.exclusiveMinimum}`
        : '';
  const high =
    p.maximum !== undefined
      ? `<= ${p.maximum}`
      : p.exclusiveMaximum !== undefined
        ? `< ${p.exclusiveMaximum}`
        : '';
  return [low, high].filter(Boolean).join(', ');
}

function defaults(op: AnyOperator): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(op.params.schema.properties)) {
    if (p.default !== undefined) out[name] = p.default;
  }
  return out;
}

const ports = (list: readonly PortSpec[]): string =>
  list.map((p) => `\`${p.name}\` (${cell(p.description)})`).join('; ') || 'none';

function section(op: AnyOperator): string {
  const lines = [
    `### \`${op.id}\` ${op.version} (${op.channel}): ${op.title}`,
    '',
    op.description,
    '',
  ];
  if (op.reference) lines.push(`Reference: ${op.reference}`, '');
  lines.push(`Inputs: ${ports(op.inputs(defaults(op)))}. Outputs: ${ports(op.outputs)}.`, '');
  if (op.migration) lines.push(`Migrates from ${op.migration.from}: ${op.migration.changes}`, '');
  const { properties, required } = op.params.schema;
  const names = Object.keys(properties);
  if (names.length === 0) return [...lines, 'No parameters.', ''].join('\n');
  lines.push(
    '| parameter | type | default | unit | bounds | description |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const name of names) {
    const p = properties[name]!;
    const dflt =
      p.default !== undefined ? code(p.default) : required.includes(name) ? 'required' : 'optional';
    lines.push(
      `| \`${name}\` | ${typeOf(p)} | ${dflt} | ${p['x-unit'] ?? ''} | ${bounds(p)} | ${cell(`${p.title}: ${p.description}`)} |`,
    );
  }
  return [...lines, ''].join('\n');
}

/** The whole operator reference as Markdown: every version, grouped by category, sorted by id. */
export function operatorDocs(registry: OperatorRegistry): string {
  const ops = registry
    .all()
    .slice()
    .sort(
      (a, b) =>
        byText(a.category, b.category) ||
        byText(a.id, b.id) ||
        compareVersions(a.version, b.version),
    );
  const out = [
    '# Operators',
    '',
    `Generated from the operator registry by \`${DOCS_COMMAND}\`; do not edit by hand.`,
    'Each operator version is pinned by pipelines; parameters with a default are filled in on load.',
    '',
  ];
  let category = '';
  for (const op of ops) {
    if (op.category !== category) {
      category = op.category;
      out.push(`## ${category}`, '');
    }
    out.push(section(op));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
