/**
 * The trainability twins' configurations and the offline run that pins their worlds:
 * `npx tsx properties/shin-karniadakis-2020/trainability.pin.ts` trains 512 networks per twin under its
 * fault (seed 1, gate steps), counts the lower-bound twin's trainable networks (20 000, no training),
 * and prints the counts (an argument — leaky, tentative, halved, wide — runs one twin) to paste into
 * trainability-necessary.claim.ts, trainability-upper-bound.claim.ts, trainability-success-when-wide.claim.ts
 * and trainability-lower-bound.claim.ts. The gate's runs use other seeds, so no pin comes from a run it judges.
 */
import { componentsOf, getFault } from '../faults/catalog';
import { deriveSeed } from '../../engine/random/seed';
import { minimalWidth, taskInputs, type TrainabilityConfig } from '../../theorems/shin-karniadakis-2020/task';
import type { TrainabilityAtInitConfig } from '../../theorems/shin-karniadakis-2020/trainability-lower-bound';
import { trainableFor } from '../../engine/measure/neuron-states';
import { heNets } from './death-experiment';
import { he, strictTask, summarize, trainabilityRuns } from './training-experiment';

export const PIN_COMMAND = 'npx tsx properties/shin-karniadakis-2020/trainability.pin.ts';

/** Adam learning rate of the trainability claims. */
export const TRAINABILITY_LR = 5e-3;

export const uniformWidths = (width: number, depth: number): number[] => [1, ...Array<number>(depth).fill(width)];

/** The twins' configurations at `steps` Adam steps (the leaky twin always trains 1500). */
export const twinConfigs = (steps: number) => ({
  // Width 2, depth 8: most networks are born dead on the data, which a leaky ReLU still trains.
  leaky: { widths: uniformWidths(2, 8), biasStd: 0, ...strictTask('abs', 1500, TRAINABILITY_LR) },
  // Width 4, depth 6: deeper layers often keep fewer than 2 neurons live at initialization; those
  // tentatively dead neurons revive in training, so runs the mutant rule calls untrainable succeed.
  tentative: { widths: uniformWidths(4, 6), biasStd: 0, ...strictTask('abs', steps, TRAINABILITY_LR) },
  // Born-dead networks (≈ 60% at width 2, depth 8) halve their loss by fitting the read-out bias.
  halved: { widths: uniformWidths(2, 8), biasStd: 0, ...strictTask('abs', steps, TRAINABILITY_LR) },
}) satisfies Record<string, TrainabilityConfig>;

/** SK2020.Trainability.success-when-wide's twin: width 10, depth 4, |x| (the fault caps every layer at 2 neurons). */
export const WIDE_TWIN_CONFIG: TrainabilityConfig = { widths: uniformWidths(10, 4), biasStd: 0, ...strictTask('abs', 1000, TRAINABILITY_LR) };

/** SK2020.Trainability.lower-bound's twin: width 3, depth 6, zero biases, |x| on 20 points (bound 0.256). */
export const LOWER_BOUND_TWIN_CONFIG: TrainabilityAtInitConfig = { widths: uniformWidths(3, 6), biasStd: 0, target: 'abs', points: 20 };

const FAULTS = { leaky: 'leaky-relu-0.3', tentative: 'tentative-as-permanent', halved: 'success-when-loss-halved', wide: 'width-capped-at-2' } as const;

async function main(): Promise<void> {
  const nets = 512;
  const configs = twinConfigs(1000);
  for (const [name, fault] of Object.entries(FAULTS) as [keyof typeof FAULTS, string][]) {
    if (process.argv[2] && process.argv[2] !== name) continue;
    const parts = componentsOf(getFault(fault));
    const c = name === 'wide' ? WIDE_TWIN_CONFIG : configs[name];
    const runs = await trainabilityRuns(c, nets, deriveSeed(1, 'trainability-pin', name), he(c, parts), parts);
    console.log(JSON.stringify({ twin: name, fault, ...summarize(runs) }));
  }
  // The lower-bound twin: trainability at initialization only (no training), 20 000 networks.
  const parts = componentsOf(getFault('tentative-as-permanent'));
  const c = LOWER_BOUND_TWIN_CONFIG;
  const inputs = taskInputs(c.points);
  let trainable = 0;
  const n = 20000;
  for (const { net } of heNets(c.widths, c.biasStd, n, deriveSeed(1, 'trainability-pin', 'lower-bound'), parts)) {
    if (trainableFor(net, inputs, minimalWidth(c.target), parts.activeRule, parts.permanence)) trainable++;
  }
  console.log(JSON.stringify({ twin: 'lower-bound', fault: 'tentative-as-permanent', trainable, n }));
}

if (require.main === module) void main();
