/**
 * A check of `zones.assign`'s result per well: when every sample of a well lies above the well's
 * first top, the zone column is null throughout, which is what tops in feet against a log in metres
 * (or another well's tops) give. The zones are still right by the formula, so this only warns.
 */

interface WellSpan {
  readonly name: string;
  samples: number;
  zoned: number;
  min: number;
  max: number;
}

/** Collects, per well key, the samples with an index and whether each found a top. */
export class ZoneCoverage {
  private readonly wells = new Map<string, WellSpan>();

  /** Records one sample of well `key` (shown as `name`) at `depth` (not NaN) for a well with tops. */
  add(key: string, name: string, depth: number, zoned: boolean): void {
    let span = this.wells.get(key);
    if (!span) {
      span = { name, samples: 0, zoned: 0, min: depth, max: depth };
      this.wells.set(key, span);
    }
    span.samples++;
    if (zoned) span.zoned++;
    if (depth < span.min) span.min = depth;
    if (depth > span.max) span.max = depth;
  }

  /** One warning per well none of whose samples is at or below its first top (`firstTop` of its key). */
  warnings(firstTop: (key: string) => number, output: string, byWell: boolean): string[] {
    const out: string[] = [];
    for (const [key, s] of this.wells) {
      if (s.zoned > 0 || s.samples === 0) continue;
      const depth = firstTop(key);
      if (Number.isNaN(depth)) {
        out.push(
          `The tops table has no top depth (its top column is empty or null), so ${output} is null throughout. Connect a tops table with top depths.`,
        );
        continue;
      }
      const whose = byWell ? ` of well "${s.name}"` : '';
      const top = byWell ? 'its first top' : 'the first top';
      out.push(
        `None of the ${s.samples} samples${whose} (index ${s.min} to ${s.max}) is at or below ${top} (${depth}), so its ${output} is null throughout. Check that the tops are in the unit of the index (feet or metres)${byWell ? ' and belong to this well' : ''}.`,
      );
    }
    return out;
  }
}
