/**
 * The 1-D convolutional model of HR2018.Conv.mean-length: its configuration and hypotheses (validated
 * here). Sequence length T (constant: stride 1), channels C_0 (input), C_1, …, C_d, odd kernel size k,
 * zero biases, circular padding, every layer ReLU; weights of layer j i.i.d. from a symmetric law of
 * variance c_j / (C_{j−1}·k).
 */
import { OutOfDomainError } from '../types';
import { initProblem, type InitSpec } from '../_internals/initialization';

export interface ConvLengthConfig {
  /** [C_0, C_1, …, C_d]: input channels, then the channels of every (ReLU) layer. */
  channels: number[];
  /** Kernel size k (odd, 1 ≤ k ≤ T). */
  kernel: number;
  /** Sequence length T (stride 1, circular padding: constant through the network). */
  length: number;
  init: InitSpec & { bias: { law: 'zero' } | { law: 'gaussian'; std: number } };
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function channelsProblem(channels: readonly number[]): string | undefined {
  if (!Array.isArray(channels) || channels.length < 2) return `channels must be [C_0, C_1, …, C_d] with depth d ≥ 1; got ${JSON.stringify(channels)}`;
  const bad = channels.findIndex((c) => !isInt(c) || c < 1);
  return bad >= 0 ? `channels[${bad}] must be an integer ≥ 1; got ${channels[bad]}` : undefined;
}

export function checkConvDomain(id: string, config: ConvLengthConfig): ConvLengthConfig {
  const { channels, kernel, length, init } = config;
  let problem = channelsProblem(channels);
  if (problem === undefined && (!isInt(length) || length < 1)) problem = `length (T) must be an integer ≥ 1; got ${length}`;
  if (problem === undefined && (!isInt(kernel) || kernel < 1 || kernel % 2 === 0 || kernel > length)) {
    problem = `kernel must be an odd integer in [1, length = ${length}]; got ${kernel}`;
  }
  problem ??= initProblem(init);
  if (problem !== undefined) throw new OutOfDomainError(id, problem);
  if (init.bias.law !== 'zero') {
    throw new OutOfDomainError(
      id,
      `biases must be zero (with bias variance s_b², E[M_j] follows (c_j/2)E[M_{j−1}] + s_b²/2, not a product); got ${JSON.stringify(init.bias)}`,
    );
  }
  return config;
}
