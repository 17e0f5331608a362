#!/usr/bin/env python3
"""The engine bench's workloads in PyTorch, for `npm run bench` (engine/bench/torch-compare.ts).

Same sizes and steps as the engine side, float32, one thread (torch.set_num_threads), each workload
timed as the median of --reps runs after a warm-up. Prints one JSON object {workload: seconds}.
Never needed by the suite: only the bench calls it, and only when `import torch` works.

Workloads:
  fm-ensemble   widths 10-10-20-5-15-10, N networks (He normal weights, zero biases), one fixed input:
                sample the weights, forward pass, squared length per layer (the FM1/FM2 ensemble)
  train-i       64 nets 2-16-16-16-1 ReLU, 100 points, full-batch Adam, S steps (memorization)
  train-iii     32 nets 1-8x6-1 ReLU, 100 points, Adam, S steps (trainability, narrow deep)
  train-ii      8 nets 1-1000-1 tanh, 100 points, Adam, S steps (condensation)
"""
import argparse
import json
import math
import time

import torch


def fm_ensemble(nets, widths=(10, 10, 20, 5, 15, 10)):
    x = torch.randn(widths[0])
    h = x.expand(nets, widths[0])
    lengths = []
    for n_in, n_out in zip(widths[:-1], widths[1:]):
        w = torch.randn(nets, n_out, n_in).mul_(math.sqrt(2.0 / n_in))
        # einsum: the fastest of bmm, broadcast-multiply and einsum for these shapes (measured: 0.12 vs 0.19 vs 1.5 s)
        h = torch.relu(torch.einsum("noi,ni->no", w, h))
        lengths.append((h * h).sum(dim=1) / n_out)
    return torch.stack(lengths)


def train(nets, widths, act, steps, points=100):
    xs = torch.rand(points, widths[0]) * 2 - 1
    ys = torch.sin(3 * xs[:, :1])
    params = []
    for n_in, n_out in zip(widths[:-1], widths[1:]):
        w = (torch.randn(nets, n_in, n_out) * math.sqrt(2.0 / n_in)).requires_grad_()
        b = (torch.randn(nets, 1, n_out) * 0.1).requires_grad_()
        params += [w, b]
    opt = torch.optim.Adam(params, lr=1e-3, eps=1e-7)
    x = xs.expand(nets, points, widths[0])
    for _ in range(steps):
        opt.zero_grad()
        h = x
        for l in range(0, len(params), 2):
            h = torch.baddbmm(params[l + 1], h, params[l])
            if l + 2 < len(params):
                h = act(h)
        loss = ((h - ys) ** 2).mean(dim=(1, 2)).sum()
        loss.backward()
        opt.step()
    return loss.item()


def timed(fn, reps):
    fn()
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return sorted(out)[len(out) // 2]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--fm-nets", type=int, default=200_000)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    res = {
        "fm-ensemble": timed(lambda: fm_ensemble(a.fm_nets), a.reps),
        "train-i": timed(lambda: train(64, (2, 16, 16, 16, 1), torch.relu, a.steps), a.reps),
        "train-iii": timed(lambda: train(32, (1, 8, 8, 8, 8, 8, 8, 1), torch.relu, a.steps), a.reps),
        "train-ii": timed(lambda: train(8, (1, 1000, 1), torch.tanh, a.steps), a.reps),
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }
    print(json.dumps(res))


if __name__ == "__main__":
    main()
