import { RandomStream } from '../../engine/random/stream';
import { sampleNet64 } from '../../engine/geometry/net64';
import { planeRegions, squareSlice } from '../../engine/geometry/plane-regions';
import { boundaryBreakpoints } from './plane-experiment';
import { networkSpec } from './line-experiment';

describe('Euler decomposition #regions = 1 + V_int + V_bd/2 + (components − 1)', () => {
  test('one layer: Q = #regions − 1 − V_bd/2 is exactly the number of line intersections inside the square', () => {
    const s = new RandomStream(21);
    const sq = { center: [0.2, -0.1], halfSide: 0.8 };
    for (let trial = 0; trial < 10; trial++) {
      const net = sampleNet64(networkSpec({ inputDim: 2, widths: [12], weightScale: 2, biasStd: 0.3 }), s);
      const R = planeRegions(net, squareSlice(sq.center, sq.halfSide)).count;
      const { weights: W, biases: b } = net.layers[0];
      let inside = 0;
      for (let i = 0; i < 12; i++) {
        for (let j = i + 1; j < 12; j++) {
          const det = W[2 * i] * W[2 * j + 1] - W[2 * i + 1] * W[2 * j];
          const x = (-b[i] * W[2 * j + 1] + b[j] * W[2 * i + 1]) / det;
          const y = (-W[2 * i] * b[j] + W[2 * j] * b[i]) / det;
          if (Math.abs(x - sq.center[0]) < sq.halfSide && Math.abs(y - sq.center[1]) < sq.halfSide) inside++;
        }
      }
      expect(R - 1 - boundaryBreakpoints(net, sq) / 2).toBe(inside);
    }
  });

  test('deep nets: boundary breakpoints come in pairs and the crossing part is a non-negative integer', () => {
    const s = new RandomStream(22);
    const sq = { center: [0.3, 0.4], halfSide: 1 };
    for (let trial = 0; trial < 10; trial++) {
      const net = sampleNet64(networkSpec({ inputDim: 2, widths: [8, 8, 8], weightScale: 2, biasStd: 0.05 }), s);
      const vbd = boundaryBreakpoints(net, sq);
      const q = planeRegions(net, squareSlice(sq.center, sq.halfSide)).count - 1 - vbd / 2;
      expect(vbd % 2).toBe(0);
      expect(Number.isInteger(q) && q >= 0).toBe(true);
    }
  });
});
