/** Hanin & Rolnick 2018's paper figures: built from synthetic figure data, robust to odd data, and drawn. */
import { FIGURES, describeConfig } from './hanin-rolnick-2018';
import { completeSpec, renderSvg } from './svg';
import { fixtureClaim } from '../test-fixtures';
import type { PropertyRecord } from '../schema';
import type { FigureSpec } from './types';

const record = (claimId: string, figures?: Record<string, unknown>): PropertyRecord => fixtureClaim({ claimId, figures });
const rows = (f: FigureSpec): Record<string, unknown>[] => (f.spec as unknown as { data: { values: Record<string, unknown>[] } }).data.values;
const depthRow = (depth: number, mean: number, prediction: number) => ({ depth, meanRatio: mean, seRatio: mean / 50, prediction, meanLogRatio: Math.log(mean) - 0.1 * depth, sdLogRatio: 0.2 * depth, deadFraction: 0 });
const init = (preset: string) => ({ law: 'gaussian', variance: { preset }, bias: { law: 'zero' } });

const byInit = {
  lengthVsDepthByInit: [
    { init: 'He (2/fan-in)', config: { widths: [8, 32, 32, 32], init: init('he') }, rows: [1, 2, 3].map((d) => depthRow(d, 1, 1)) },
    { init: 'LeCun (1/fan-in)', config: { widths: [8, 32, 32, 32], init: init('lecun') }, rows: [1, 2, 3].map((d) => depthRow(d, 0.5 ** (4 * d), 0.5 ** (4 * d))) },
  ],
};
const perConfig = { perConfig: [{ config: { widths: [4, 16, 16], init: init('he') }, lengthVsDepth: [depthRow(1, 1.01, 1), depthRow(2, 0.98, 1)] }] };
const betaRows = {
  secondMomentVsBeta: [0.05, 0.1, 0.2].map((beta) => ({ shape: 'constant', widths: [8, 1 / beta], beta, estimate: Math.exp(5 * beta) * 0.99, se: 0.03, exact: Math.exp(5 * beta) * 0.98, expFiveBeta: Math.exp(5 * beta) })),
};
const resnet = { perConfig: [{ config: { width: 20, etas: [0.5, 0.5], schedule: { kind: 'constant', eta: 0.5, modules: 2 } }, secondMomentVsDepth: [1, 2].map((module) => ({ module, mean: 1.3 ** module, se: 0.01, prediction: 1.3 ** module })) }] };

describe('hanin-rolnick-2018 paper figures', () => {
  test('FM1 mean length: Fig. 1(a) by initialization (mean on a log axis, spread of the log) and the tested configurations', () => {
    const figures = FIGURES['HR2018.FM1.mean-length'](record('HR2018.FM1.mean-length', { ...byInit, ...perConfig }));
    expect(figures.map((f) => f.id)).toEqual(['HR2018.FM1.mean-length.length-vs-depth-by-init', 'HR2018.FM1.mean-length.log-length-spread-by-init', 'HR2018.FM1.mean-length.length-vs-depth']);
    expect(rows(figures[0])).toHaveLength(6);
    expect(figures[0].caption).toMatch(/Logarithmic y axis/);
    expect(rows(figures[2])[0].series).toBe('#1 gaussian he, widths 4·16·16');
  });

  test('FM2: second moment against β with the exact value and exp(5β)', () => {
    const [figure] = FIGURES['HR2018.FM2.gaussian'](record('HR2018.FM2.gaussian', betaRows));
    expect(new Set(rows(figure).map((r) => r.series))).toEqual(new Set(['constant widths', 'exp(5β) (paper)']));
  });

  test('configurations are described for legends', () => {
    expect(describeConfig({ widths: [5, 64, 17], init: { law: 'uniform', variance: { scale: 3.402 } } })).toBe('uniform 3.402/fan-in, widths 5·64·17');
    expect(describeConfig(resnet.perConfig[0].config)).toBe('width 20, constant η 0.5, 2 modules');
    expect(describeConfig('odd')).toBe('');
  });

  test('missing or malformed figure data gives no figure, never an exception', () => {
    const odd = [undefined, {}, { perConfig: 'x', lengthVsDepthByInit: [null, 3, { rows: 'no' }], secondMomentVsBeta: { beta: 1 } }, { perConfig: [{ lengthVsDepth: [{ depth: 'one', meanRatio: null }] }] }];
    for (const [claimId, build] of Object.entries(FIGURES)) {
      for (const figures of odd) expect(build(record(claimId, figures as Record<string, unknown> | undefined))).toEqual([]);
    }
  });

  test('every figure draws', async () => {
    const figures = [
      ...FIGURES['HR2018.FM1.mean-length'](record('HR2018.FM1.mean-length', { ...byInit, ...perConfig })),
      ...FIGURES['HR2018.FM2.gaussian'](record('HR2018.FM2.gaussian', betaRows)),
      ...FIGURES['HR2018.ResNet.bounded-second-moment'](record('HR2018.ResNet.bounded-second-moment', resnet)),
    ];
    expect(figures).toHaveLength(5);
    for (const f of figures) expect(await renderSvg(completeSpec(f))).toMatch(/class="mark-symbol role-mark[^"]*"[^>]*><path/);
  });
});
