/** Shin & Karniadakis 2020 / Lu et al. 2020 paper figures: from configurations or figure data, robust to odd data, and drawn. */
import { FIGURES } from './shin-karniadakis-2020';
import { paperFigures } from './index';
import { completeSpec, renderSvg } from './svg';
import { fixtureClaim, fixtureTwin } from '../test-fixtures';
import type { ConfigResult, PropertyRecord } from '../schema';
import type { FigureSpec } from './types';

const rows = (f: FigureSpec): Record<string, unknown>[] => (f.spec as unknown as { data: { values: Record<string, unknown>[] } }).data.values;
const base = fixtureClaim().configs[0];
const bornDeadConfig = (widths: number[], estimate: number, prediction: number, upper: number | null): ConfigResult => ({
  ...base,
  config: { widths, biasStd: 0, x: [0.5] },
  estimate,
  interval: { lower: estimate - 0.02, upper: upper as number, level: 0.99 },
  prediction,
});
const bornDead = fixtureClaim({
  claimId: 'LSSK2020.BornDead.at-point',
  figures: undefined,
  configs: [bornDeadConfig([1, 3, 3, 3], 0.34, 0.33, 0.36), bornDeadConfig([1, 3, 3, 3, 3, 3], 0.49, 0.49, null), bornDeadConfig([2, 2, 3], 0.3, 0.3, 0.32)],
});
const rates = (t: number, s: number) => ({ trainability: { x: t * 64, n: 64, proportion: t, wilson95: [t - 0.1, Math.min(1, t + 0.05)] }, success: { x: s * 64, n: 64, proportion: s, wilson95: [s - 0.1, s + 0.1] } });
const ddi = fixtureClaim({ claimId: 'SK2020.DDI.success-vs-he', figures: { perConfig: [{ config: { widths: [1, 8, 8] }, he: rates(0.98, 0.42), ddi: rates(1, 0.61) }] } });
const transition = fixtureClaim({
  claimId: 'SK2020.Trainability.over-parameterization-necessary',
  figures: { transition: [3, 6, 40].map((width, i) => ({ width, parameters: 3 * width + 1, runs: 8, successes: i, wilson95: [0, 0.3 + 0.1 * i], meanFloorOverVar: i === 2 ? 0 : 0.01 / (i + 1), medianFinalLoss: 0.3 / (i + 1) })) },
});

describe('shin-karniadakis-2020 paper figures', () => {
  test('born dead from the configurations when the record has no figure data: depth = hidden layers, one colour per hidden width, one-sided intervals closed at 1', () => {
    const [figure] = paperFigures(bornDead);
    expect(figure.id).toBe('LSSK2020.BornDead.at-point.born-dead-vs-depth');
    expect(rows(figure).map((r) => [r.series, r.x, r.high])).toEqual([
      ['N = 3', 3, 0.36],
      ['N = 3', 5, 1],
      ['mixed widths', 2, 0.32],
    ]);
  });

  test('born dead from the full profile sweep when recorded', () => {
    const sweep = { bornDeadVsDepth: { init: 'He Gaussian, zero biases', rows: [2, 4].map((hiddenLayers) => ({ width: 2, hiddenLayers, measured: 0.4, n: 250, exact: 0.44 })) } };
    const [figure] = FIGURES['LSSK2020.BornDead.at-point'](fixtureClaim({ claimId: 'LSSK2020.BornDead.at-point', figures: sweep }));
    expect(rows(figure)).toHaveLength(2);
    expect(figure.caption).toMatch(/He Gaussian, zero biases/);
  });

  test('success against trainability: one point per arm under the diagonal', () => {
    const [figure] = paperFigures(ddi);
    expect(rows(figure).map((r) => r.arm)).toEqual(['He', 'DDI (data-dependent)']);
  });

  test('the over-parameterization transition: success rate, and loss against the floor with zero floors left off the log axis', () => {
    const [success, loss] = paperFigures(transition);
    expect(rows(success).map((r) => r.y)).toEqual([0, 1 / 8, 2 / 8]);
    expect(rows(loss).filter((r) => r.series === 'mean loss floor' && r.y !== null)).toHaveLength(2);
  });

  test('twins get no paper figure; missing or malformed data gives none, never an exception', () => {
    expect(paperFigures(fixtureTwin({ claimId: 'LSSK2020.BornDead.at-point~x', twinOf: 'LSSK2020.BornDead.at-point' }))).toEqual([]);
    const odd = [undefined, {}, { perConfig: [{ he: { trainability: 'x' } }, 5], transition: [{ parameters: 'many' }], bornDeadVsDepth: { rows: 'no' }, ratesVsWidthDepth: 3 }];
    for (const [claimId, build] of Object.entries(FIGURES)) {
      for (const figures of odd) {
        const r: PropertyRecord = fixtureClaim({ claimId, figures: figures as Record<string, unknown> | undefined, configs: [{ ...base, config: { widths: 'odd' } }] });
        expect(() => build(r)).not.toThrow();
        if (!claimId.startsWith('LSSK2020.BornDead')) expect(build(r)).toEqual([]);
      }
    }
  });

  test('every figure draws', async () => {
    const figures = [...paperFigures(bornDead), ...paperFigures(ddi), ...paperFigures(transition)];
    expect(figures).toHaveLength(4);
    for (const f of figures) expect(await renderSvg(completeSpec(f))).toMatch(/class="mark-symbol role-mark[^"]*"[^>]*><path/);
  });
});
