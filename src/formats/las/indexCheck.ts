/**
 * Checks ~Well STRT/STOP/STEP against the index values actually read (lasio trusts the data and so
 * do we): a header that disagrees misleads every tool that trusts it (a resampler using STEP, a
 * catalogue using STRT/STOP), so it is warned with the header line and both figures; no value
 * changes. Tolerances follow the precision the numbers are written with, so float noise (0.1
 * steps), depths rounded to fewer decimals than the step (0.1524 written 0.15, 0.30, 0.46) and a
 * STEP rounded in the header (0.0833 for 1/12 ft) do not warn, while a skipped sample does.
 */
import type { BatchColumns } from './data.ts';
import type { LasWarning } from './types.ts';

/** A declared STRT, STOP or STEP: its number, the text as written and its header line. */
export interface DeclaredFigure {
  readonly value: number;
  readonly text: string;
  readonly line: number;
}

/** The ~Well figures the data is checked against (absent ones are not checked). */
export interface DeclaredRange {
  readonly strt?: DeclaredFigure;
  readonly stop?: DeclaredFigure;
  readonly step?: DeclaredFigure;
}

/** Index values whose decimals are counted (those at the extreme steps are counted too). */
const DECIMAL_SAMPLE = 1000;

/** Decimals of a number as written (shortest round-trip form for parsed values). */
function decimalsOf(text: string): number {
  const t = text.trim().toLowerCase();
  const exp = t.indexOf('e');
  const mantissa = exp >= 0 ? t.slice(0, exp) : t;
  const dot = mantissa.indexOf('.');
  const d = dot >= 0 ? mantissa.length - dot - 1 : 0;
  return Math.max(0, d - (exp >= 0 ? Number(t.slice(exp + 1)) || 0 : 0));
}

const show = (x: number): string => String(Number(x.toPrecision(10)));

/** Accumulates the index column batch by batch; `finish` gives the warnings. */
export class IndexCheck {
  private n = 0;
  private first = NaN;
  private last = NaN;
  private minDiff = Infinity;
  private maxDiff = -Infinity;
  private minAt = NaN;
  private maxAt = NaN;
  private decimals = 0;
  private magnitude = 1;

  constructor(
    private readonly declared: DeclaredRange,
    private readonly mnemonic: string,
  ) {}

  private count(v: number): void {
    const d = decimalsOf(String(v));
    if (d > this.decimals) this.decimals = d;
  }

  /** Adds the index values (column 0) of one batch; a text index is not checked. */
  add(cols: BatchColumns): void {
    const nums = cols.nums[0];
    if (!nums) return;
    const valid = cols.validity[0];
    for (let r = 0; r < cols.length; r++) {
      if (valid && (valid[r >> 3]! & (1 << (r & 7))) === 0) continue;
      const v = nums[r]!;
      if (!Number.isFinite(v)) continue;
      if (this.n < DECIMAL_SAMPLE) this.count(v);
      const a = Math.abs(v);
      if (a > this.magnitude) this.magnitude = a;
      if (this.n === 0) this.first = v;
      else {
        const d = v - this.last;
        if (d < this.minDiff) [this.minDiff, this.minAt] = [d, this.last];
        if (d > this.maxDiff) [this.maxDiff, this.maxAt] = [d, this.last];
      }
      this.last = v;
      this.n++;
    }
  }

  /** Warnings for every declared figure the data contradicts. */
  finish(): LasWarning[] {
    const out: LasWarning[] = [];
    if (this.n === 0) return out;
    for (const at of [this.minAt, this.maxAt, this.minAt + this.minDiff, this.maxAt + this.maxDiff])
      if (Number.isFinite(at)) this.count(at);
    const eps = 1e-9 * this.magnitude;
    const unit = 10 ** -this.decimals;
    const { strt, stop, step } = this.declared;
    const mean = this.n > 1 ? (this.last - this.first) / (this.n - 1) : NaN;
    // Diffs of values rounded to `unit` spread over one unit at most; a skipped sample doubles one.
    const spread = this.maxDiff - this.minDiff;
    const regular =
      this.n > 1 &&
      spread <= unit + eps &&
      spread < 0.5 * Math.min(Math.abs(this.minDiff), Math.abs(this.maxDiff));
    const stepSize = step && step.value !== 0 ? Math.abs(step.value) : Math.abs(mean);
    const name = this.mnemonic;
    const edge = (fig: DeclaredFigure | undefined, key: string, actual: number, which: string) => {
      if (!fig) return;
      // Either figure may be the other rounded to its decimals, but never by half a step or more.
      const rounded = Math.max(0.5 * 10 ** -decimalsOf(fig.text), unit / 2);
      const tol = Number.isFinite(stepSize) ? Math.min(rounded, 0.5 * stepSize) : rounded;
      if (Math.abs(fig.value - actual) > tol + eps)
        out.push({
          line: fig.line,
          message: `${key} ${fig.text} but the ${which} ${name} value in the data is ${show(actual)}; the data is read as it is (no value changed). Correct ${key} in ~Well if other tools rely on it`,
        });
    };
    edge(strt, 'STRT', this.first, 'first');
    edge(stop, 'STOP', this.last, 'last');
    if (!step || this.n < 2) return out;
    const s = step.value;
    const tail = `the data is read as it is (no value changed). Correct STEP in ~Well if other tools rely on it`;
    if (s === 0) {
      if (regular && this.n > 2 && mean !== 0)
        out.push({
          line: step.line,
          message: `STEP 0 says the ${name} spacing varies, but every step in the data is ${show(mean)}; ${tail}`,
        });
    } else if (this.minDiff === 0 && this.maxDiff === 0) {
      out.push({
        line: step.line,
        message: `STEP ${step.text} but every ${name} value in the data is ${show(this.first)} (the index never changes); ${tail}`,
      });
    } else if (!regular) {
      const odd = Math.abs(this.maxDiff - s) >= Math.abs(this.minDiff - s) ? 'max' : 'min';
      const at = odd === 'max' ? this.maxAt : this.minAt;
      const d = odd === 'max' ? this.maxDiff : this.minDiff;
      out.push({
        line: step.line,
        message: `STEP ${step.text} but the ${name} steps in the data vary from ${show(this.minDiff)} to ${show(this.maxDiff)} (e.g. ${show(d)} after ${show(at)}: a missing or repeated sample?); ${tail}`,
      });
    } else {
      const written = Math.min(0.5 * 10 ** -decimalsOf(step.text), 0.01 * Math.abs(s));
      if (Math.abs(mean - s) > written + unit / (this.n - 1) + eps)
        out.push({
          line: step.line,
          message: `STEP ${step.text} but every ${name} step in the data is ${show(mean)}; ${tail}`,
        });
    }
    return out;
  }
}
