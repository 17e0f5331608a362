/** Rendering: a complete spec has the report's size and schema; a batch comes back in order, failures as Errors, whether or not worker threads drew it. */
import { PARALLEL_FROM, completeSpec, renderSvgs } from './svg';
import type { FigureSpec } from './types';

const figure = (k: number): FigureSpec => ({
  id: `f${k}`,
  title: `figure ${k}`,
  caption: 'a test figure',
  spec: { data: { values: [{ x: k, y: k * k }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative', title: `marker-${k}` }, y: { field: 'y', type: 'quantitative' } } },
});

test('completeSpec fills size, schema and description, and keeps what the builder set', () => {
  const spec = completeSpec({ ...figure(1), spec: { ...figure(1).spec, height: 200 } as FigureSpec['spec'] }) as unknown as Record<string, unknown>;
  expect(spec).toMatchObject({ width: 480, height: 200, description: 'figure 1. a test figure', $schema: expect.stringContaining('vega-lite/v5') });
});

test('a batch large enough to share between threads comes back in order, an invalid spec as an Error in its place', async () => {
  const specs = Array.from({ length: PARALLEL_FROM + 1 }, (_, k) => completeSpec(figure(k)));
  specs[5] = { ...specs[5], mark: 'no-such-mark' } as unknown as (typeof specs)[number];
  const out = await renderSvgs(specs);
  expect(out).toHaveLength(specs.length);
  out.forEach((svg, k) => {
    if (k === 5) expect(svg).toBeInstanceOf(Error);
    else expect(svg).toMatch(new RegExp(`^<svg[^>]* width="\\d+" height="\\d+"[\\s\\S]*marker-${k}<`));
  });
}, 30_000);
