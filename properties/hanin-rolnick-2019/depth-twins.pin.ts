/**
 * The depth-independence claims' reject twins (exponential-in-depth, a wrong prediction): their
 * configurations in the paper's high-dimensional setting, and the offline run that pins the true
 * slope, group means and unit sds their worlds need. `npx tsx properties/hanin-rolnick-2019/depth-twins.pin.ts`
 * counts at seed 1 with the claims' group sizes and prints the pins to paste into
 * lines-depth-independent.claim.ts and plane-depth-independent.claim.ts.
 */
import { sampleMoments } from '../stats';
import { fitLogSlope } from '../checks/log-slope';
import { deriveSeed } from '../../engine/random/seed';
import type { DepthSweepConfig } from '../../theorems/hanin-rolnick-2019/lines-depth-independent';
import type { PlaneDepthSweepConfig } from '../../theorems/hanin-rolnick-2019/plane-depth-independent';
import { round } from '../harness/figure-data';
import { lineCounts } from './line-experiment';
import { fixedPoints, sliceCounts } from './plane-experiment';

export const DEPTH_PIN_COMMAND = 'npx tsx properties/hanin-rolnick-2019/depth-twins.pin.ts';


const [a, b] = fixedPoints(16, 2, 2019);
const length = Math.hypot(...b.map((x, i) => x - a[i]));

/** Lines: 16-D input, the segment between two data-like points, N = 48, s_b = 0.01. */
export const LINES_TWIN_CONFIG: DepthSweepConfig = {
  inputDim: 16,
  neurons: 48,
  depths: [1, 2, 3, 4, 6],
  biasStd: 0.01,
  segment: { x0: a, u: b.map((x, i) => (x - a[i]) / length), length: round(length, 3) },
};

/** Plane: the triangle through three data-like points of a 16-D input, N = 24, s_b = 0.01. */
export const PLANE_TWIN_CONFIG: PlaneDepthSweepConfig = { neurons: 24, depths: [1, 2, 3, 4], biasStd: 0.01, slice: { inputDim: 16, points: fixedPoints(16, 3, 2018) } };

function pin(groups: { x: number; units: Float64Array }[]): Record<string, unknown> {
  const fit = fitLogSlope(groups, false);
  return { slope: +fit.slope.toPrecision(5), se: +fit.se.toPrecision(3), means: groups.map((g) => +sampleMoments(g.units).mean.toPrecision(6)), sds: groups.map((g) => +Math.sqrt(sampleMoments(g.units).variance).toPrecision(5)) };
}

function main(): void {
  const lines = LINES_TWIN_CONFIG;
  const lineGroups = lines.depths.map((d) => ({
    x: d,
    units: lineCounts({ inputDim: lines.inputDim, widths: Array<number>(d).fill(lines.neurons / d), weightScale: 2, biasStd: lines.biasStd }, lines.segment, 2000, deriveSeed(1, 'depth', d)).counts,
  }));
  console.log(JSON.stringify({ twin: 'lines', ...pin(lineGroups) }));
  const plane = PLANE_TWIN_CONFIG;
  const planeGroups = plane.depths.map((d) => ({ x: d, units: sliceCounts(Array<number>(d).fill(plane.neurons / d), plane.biasStd, plane.slice, 1600, deriveSeed(1, 'depth', d)).regions }));
  console.log(JSON.stringify({ twin: 'plane', ...pin(planeGroups) }));
}

if (require.main === module) main();
