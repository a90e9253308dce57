/**
 * An independent, straightforward computation of the "Net pay, Archie" template over the example
 * files (own LAS and CSV parsing, own feet-to-metres conversion, plain loops, no Arrow and no
 * operators), used by the chain test to check the operators end to end.
 */

/** One well's parsed samples: curve mnemonic -> values (null for the LAS null value). */
export interface ParsedLas {
  readonly well: string;
  /** Unit of the index curve (first curve) as the ~C section states it, e.g. M or F. */
  readonly depthUnit: string;
  readonly curves: ReadonlyMap<string, (number | null)[]>;
}

/** Minimal LAS 2.0 parsing for our own example files (wrapped or not). */
export function parseExampleLas(text: string): ParsedLas {
  const lines = text.split('\n');
  const names: string[] = [];
  let section = '';
  let well = '';
  let depthUnit = '';
  let nullValue = -999.25;
  const tokens: number[] = [];
  for (const line of lines) {
    if (line.startsWith('~')) {
      section = line[1]!.toUpperCase();
      continue;
    }
    if (section === 'A') {
      for (const t of line.trim().split(/\s+/)) if (t) tokens.push(Number(t));
      continue;
    }
    const m = /^\s*([^.\s]+)\s*\.(\S*)\s+(.*?)\s*:/.exec(line);
    if (!m || line.startsWith('#')) continue;
    if (section === 'C' && names.length === 0) depthUnit = m[2]!;
    if (section === 'C') names.push(m[1]!);
    if (section === 'W' && m[1] === 'WELL') well = m[3]!;
    if (section === 'W' && m[1] === 'NULL') nullValue = Number(m[3]);
  }
  const curves = new Map<string, (number | null)[]>(names.map((n) => [n, []]));
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i]!;
    curves
      .get(names[i % names.length]!)!
      .push(v === nullValue && i % names.length !== 0 ? null : v);
  }
  return { well, depthUnit, curves };
}

/** Metres per foot (international foot, exact). */
const FOOT = 0.3048;

/**
 * A depth in metres, as the template's stacking gives it: a well logged in feet is converted
 * (value * 0.3048 rounded to 9 decimals); one in metres is kept as it is.
 */
export function depthInMetres(value: number, unit: string): number {
  const u = unit.toUpperCase();
  if (u === 'M') return value;
  if (u !== 'F' && u !== 'FT') throw new Error(`unexpected depth unit ${unit}`);
  return Math.round(value * FOOT * 1e9) / 1e9;
}

/** One row of the expected summary. */
export interface SummaryRow {
  well: string;
  zone: string | null;
  gross: number | null;
  net: number | null;
  ntg: number | null;
  phi_avg: number | null;
  sw_avg: number | null;
  hcpv: number | null;
}

const clamp = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * The template's chain for all wells, with the template's numbers written out again by hand; depths
 * and thicknesses in metres (tops.csv is in metres for every well).
 */
export function referenceNetPay(wells: readonly ParsedLas[], topsCsv: string): SummaryRow[] {
  const tops = topsCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const rows: SummaryRow[] = [];
  for (const w of wells) {
    const dept = w.curves.get('DEPT')!.map((d) => depthInMetres(d!, w.depthUnit));
    const samples = dept.map((d, i) => {
      const gr = w.curves.get('GR')![i];
      const rhob = w.curves.get('RHOB')![i];
      const rt = w.curves.get('ILD')![i];
      const vsh = gr == null ? null : clamp((gr - 25) / (120 - 25));
      const phid = rhob == null ? null : clamp((2.65 - rhob) / (2.65 - 1.0));
      const phie = phid == null || vsh == null ? null : clamp(phid - vsh * 0.09);
      const sw =
        rt == null || phie == null || rt <= 0 || phie <= 0
          ? null
          : clamp(Math.sqrt(0.05 / (phie * phie * rt)));
      const res = vsh != null && phie != null && vsh <= 0.4 && phie >= 0.08 ? 1 : 0;
      const pay = res === 1 && sw != null && sw <= 0.6 ? 1 : 0;
      let zone: string | null = null;
      let best = -Infinity;
      for (const [tw, top, z] of tops) {
        if (tw === w.well && Number(top) <= d && Number(top) >= best) {
          best = Number(top);
          zone = z!;
        }
      }
      return { d, phie, sw, pay, zone };
    });
    const zones = [...new Set(samples.map((s) => s.zone))];
    for (const zone of zones) {
      const g = samples.filter((s) => s.zone === zone);
      const steps = g
        .slice(1)
        .map((s, k) => Math.abs(s.d - g[k]!.d))
        .sort((a, b) => a - b);
      const h =
        steps.length === 0
          ? null
          : steps.length % 2
            ? steps[(steps.length - 1) / 2]!
            : (steps[steps.length / 2 - 1]! + steps[steps.length / 2]!) / 2;
      const pay = g.filter((s) => s.pay === 1);
      const withPhi = pay.filter((s) => s.phie != null);
      const both = withPhi.filter((s) => s.sw != null);
      const sumPhi = both.reduce((a, s) => a + s.phie!, 0);
      rows.push({
        well: w.well,
        zone,
        gross: h === null ? null : h * g.length,
        net: h === null ? null : h * pay.length,
        ntg: h === null || h === 0 ? null : pay.length / g.length,
        phi_avg: withPhi.length ? withPhi.reduce((a, s) => a + s.phie!, 0) / withPhi.length : null,
        sw_avg: sumPhi > 0 ? both.reduce((a, s) => a + s.phie! * s.sw!, 0) / sumPhi : null,
        hcpv: h === null ? null : h * both.reduce((a, s) => a + s.phie! * (1 - s.sw!), 0),
      });
    }
  }
  const key = (r: SummaryRow) => [r.well, r.zone ?? '\uffff'];
  return rows.sort((a, b) => {
    const [aw, az] = key(a);
    const [bw, bz] = key(b);
    return aw! < bw! ? -1 : aw! > bw! ? 1 : az! < bz! ? -1 : az! > bz! ? 1 : 0;
  });
}
