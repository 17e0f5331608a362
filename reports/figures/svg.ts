/**
 * Server-side rendering of figures: a figure's vega-lite spec, completed with the report's fixed size,
 * schema, white background and fonts ({@link completeSpec}), compiled by vega-lite to a vega spec and
 * drawn by a headless vega View (renderer 'none') to a static SVG string with an explicit width and
 * height. No browser, canvas or network is involved.
 *
 * A whole report ({@link renderSvgs}) shares the work with worker threads when there are enough
 * figures and cores: a report of ~100 figures takes ~30 ms of CPU per figure, and the report is
 * written at the end of every test run. The workers run {@link WORKER_SOURCE}, this file's rendering
 * in plain JavaScript (a worker thread cannot load TypeScript under every runner: jest's SWC, ts-node,
 * tsx); a worker that fails leaves its share to the main thread.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { FigureSpec } from './types';

export const FIGURE_WIDTH = 480;
export const FIGURE_HEIGHT = 300;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Below this many figures a worker's start-up (loading vega and vega-lite: ~0.2 s) does not pay. */
export const PARALLEL_FROM = 16;

/** The spec as rendered and as stored beside the picture: size, schema, description and style filled in where the builder left them out. */
export function completeSpec(figure: FigureSpec): TopLevelSpec {
  const spec = figure.spec as TopLevelSpec & Record<string, unknown>;
  return {
    $schema: SCHEMA,
    description: `${figure.title}. ${figure.caption}`,
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    background: 'white',
    padding: 8,
    ...spec,
    config: {
      font: 'Helvetica, Arial, sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
      legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
      ...(isObject(spec.config) ? spec.config : {}),
    },
  } as TopLevelSpec;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * Text widths for layout and truncation. Without a canvas vega estimates 0.8 em per character, which
 * truncates legend labels at half their room and widens every picture; the browser draws the text in
 * Helvetica/Arial, whose characters average about 0.55 em: 0.6 em is the estimate here (in the workers too).
 */
const TEXT_WIDTH_EM = 0.6;
function estimateTextWidth(item: { fontSize?: number; limit?: number }, text: unknown): number {
  const width = TEXT_WIDTH_EM * (item.fontSize ?? 11) * String(text ?? '').trim().length;
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}
(vega as unknown as { textMetrics: { width: typeof estimateTextWidth } }).textMetrics.width = estimateTextWidth;

/** The SVG of a complete vega-lite spec (throws on an invalid spec). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const quiet = vega.logger(vega.None);
  const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** {@link renderSvg} (and {@link estimateTextWidth}) over `workerData.specs` in a worker thread; posts back one `{ svg }` or `{ error }` per spec. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const vega = require(workerData.vega);
const { compile } = require(workerData.vegaLite);
const quiet = vega.logger(vega.None);
vega.textMetrics.width = (item, text) => {
  const width = ${TEXT_WIDTH_EM} * (item.fontSize ?? 11) * String(text ?? '').trim().length;
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
};
(async () => {
  const results = [];
  for (const spec of workerData.specs) {
    try {
      const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
      try {
        results.push({ svg: await view.toSVG() });
      } finally {
        view.finalize();
      }
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  parentPort.postMessage(results);
})();
`;

type Outcome = { svg: string } | { error: string };

async function renderHere(specs: readonly TopLevelSpec[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const spec of specs) {
    try {
      out.push({ svg: await renderSvg(spec) });
    } catch (error) {
      out.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}

function renderInWorker(specs: readonly TopLevelSpec[]): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { vega: require.resolve('vega'), vegaLite: require.resolve('vega-lite'), specs } });
    worker.once('message', (results: Outcome[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`figure worker exited with code ${code} before answering`)));
  });
}

/**
 * The SVG of every spec, in order (an Error where one could not be drawn). From {@link PARALLEL_FROM}
 * specs on, they are dealt round-robin between this thread and one worker per further core (at most 3).
 */
export async function renderSvgs(specs: readonly TopLevelSpec[]): Promise<(string | Error)[]> {
  const workers = Math.min(3, os.availableParallelism() - 1);
  const shares = specs.length < PARALLEL_FROM || workers < 1 ? 1 : workers + 1;
  const dealt = Array.from({ length: shares }, (_, k) => specs.filter((_, i) => i % shares === k));
  const others = dealt.slice(1).map((share) => renderInWorker(share).catch(() => renderHere(share)));
  const results = [await renderHere(dealt[0]), ...(await Promise.all(others))];
  return specs.map((_, i) => {
    const outcome = results[i % shares][Math.floor(i / shares)];
    return 'svg' in outcome ? outcome.svg : new Error(outcome.error);
  });
}
