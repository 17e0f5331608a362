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
  sampling      the first layers of 200k networks, 100 N(0, 2/10) weights each (float32)
  lines         exact 1-D regions, float64: 600 nets 16-16-16-16 (He, bias std 0.1), breakpoints on
                the segment from (sin i) to (cos i), i = 1..16 (the HR2019 line claims' setting: a
                segment between two data-like points)
  plane         exact 2-D regions, float64: 20 nets 2-32-32-32 (He, bias std 0.1) in the square
                [-1/2, 1/2]^2 (the HR2019 plane claims' setting)

The two region counters are the engine's algorithms written for PyTorch: per layer, the pieces of the
previous layer are split where a neuron changes sign (all neurons at once on a line; one neuron at a
time, vectorized over every polygon, in the plane). They print their mean counts, which must agree
with the engine's to within sampling error (different random draws).
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


def sampling(nets=200_000, per=100):
    return torch.randn(nets, per).mul_(math.sqrt(2.0 / 10))


F64 = torch.float64
ROOT_TOL = 1e-12


def line_regions(nets=600, input_dim=16, widths=(16, 16, 16), bias_std=0.1, seed=1):
    g = torch.Generator().manual_seed(seed)
    i = torch.arange(1, input_dim + 1, dtype=F64)
    x0, u = torch.sin(i), torch.cos(i) - torch.sin(i)
    total = 0
    for _ in range(nets):
        ends = torch.tensor([0.0, 1.0], dtype=F64)
        A, B = x0[None, :], u[None, :]  # on piece k the layer input is A[k] + t B[k]
        for n_out in widths:
            n_in = A.shape[1]
            W = torch.randn(n_out, n_in, dtype=F64, generator=g) * math.sqrt(2.0 / n_in)
            b = torch.randn(n_out, dtype=F64, generator=g) * bias_std
            a = A @ W.T + b
            c = B @ W.T
            roots = -a / c
            lo, hi = ends[:-1, None], ends[1:, None]
            tol = ROOT_TOL * torch.clamp(roots.abs(), min=1.0)
            inside = (roots > lo + tol) & (roots < hi - tol)
            cut = torch.cat([ends, roots[inside]]).sort().values
            keep = torch.ones_like(cut, dtype=torch.bool)
            keep[1:] = (cut[1:] - cut[:-1]) > ROOT_TOL * torch.clamp(cut[1:].abs(), min=1.0)
            keep[-1] = True
            cut = cut[keep]
            mids = (cut[:-1] + cut[1:]) / 2
            piece = torch.searchsorted(ends, mids) - 1
            on = (a[piece] + mids[:, None] * c[piece]) > 0
            A, B, ends = a[piece] * on, c[piece] * on, cut
        total += ends.numel() - 2
    return total / nets


def _split(X, nv, s):
    """Clips padded convex polygons X [S, V, 2] (nv vertices each) by s > 0 and s <= 0 (s [S, V] at the vertices)."""
    S, V = s.shape
    idx = torch.arange(V)
    nxt = (idx[None, :] + 1) % nv[:, None]
    Xn = torch.gather(X, 1, nxt[..., None].expand(S, V, 2))
    sn = torch.gather(s, 1, nxt)
    valid = idx[None, :] < nv[:, None]
    p, pn = s > 0, sn > 0
    cross = valid & (p != pn)
    t = torch.where(cross, s / (s - sn), torch.zeros_like(s))
    cand = torch.stack([X, X + t[..., None] * (Xn - X)], 2).reshape(S, 2 * V, 2)
    out = []
    for side in (valid & p, valid & ~p):
        keep = torch.stack([side, cross], 2).reshape(S, 2 * V)
        order = torch.sort((~keep).to(torch.int8), dim=1, stable=True).indices
        out.append((torch.gather(cand, 1, order[..., None].expand(S, 2 * V, 2)), keep.sum(1)))
    return out


def plane_regions(nets=20, width=32, depth=3, bias_std=0.1, half=0.5, seed=1):
    g = torch.Generator().manual_seed(seed)
    total = 0
    for _ in range(nets):
        X = torch.tensor([[[-half, -half], [half, -half], [half, half], [-half, half]]], dtype=F64)
        nv = torch.tensor([4])
        A, B = torch.zeros(1, 2, dtype=F64), torch.eye(2, dtype=F64)[None]  # layer input on polygon k: A[k] + x B[k]
        for _layer in range(depth):
            n_in = A.shape[1]
            W = torch.randn(width, n_in, dtype=F64, generator=g) * math.sqrt(2.0 / n_in)
            b = torch.randn(width, dtype=F64, generator=g) * bias_std
            a, c = A @ W.T + b, B @ W.T  # [P, width], [P, 2, width]
            on = torch.zeros(a.shape, dtype=torch.bool)
            for j in range(width):
                s = a[:, j, None] + (X * c[:, None, :, j]).sum(-1)
                valid = torch.arange(X.shape[1])[None, :] < nv[:, None]
                pos, neg = ((s > 0) & valid).any(1), ((s <= 0) & valid).any(1)
                split = pos & neg
                on[:, j] = pos & ~neg
                if not bool(split.any()):
                    continue
                k = split.nonzero().squeeze(1)
                (Xp, nvp), (Xm, nvm) = _split(X[k], nv[k], s[k])
                V = max(int(nvp.max()), int(nvm.max()), X.shape[1])
                pad = lambda Y: torch.nn.functional.pad(Y, (0, 0, 0, V - Y.shape[1]))
                stay = (~split).nonzero().squeeze(1)
                X = torch.cat([pad(X[stay]), pad(Xp[:, :V]), pad(Xm[:, :V])])
                nv = torch.cat([nv[stay], nvp, nvm])
                onp, onm = on[k].clone(), on[k].clone()
                onp[:, j], onm[:, j] = True, False
                on = torch.cat([on[stay], onp, onm])
                a, c = torch.cat([a[stay], a[k], a[k]]), torch.cat([c[stay], c[k], c[k]])
            A, B = a * on, c * on[:, None, :]
        # Pieces of zero area (a neuron's line through a vertex) are not regions.
        idx = torch.arange(X.shape[1])
        nxt = (idx[None, :] + 1) % nv[:, None]
        Xn = torch.gather(X, 1, nxt[..., None].expand(*X.shape))
        valid = idx[None, :] < nv[:, None]
        area = 0.5 * ((X[..., 0] * Xn[..., 1] - Xn[..., 0] * X[..., 1]) * valid).sum(1)
        total += int((area.abs() > 1e-18).sum())
    return total / nets


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
        "sampling": timed(lambda: sampling(), a.reps),
        "lines": timed(lambda: line_regions(), a.reps),
        "plane": timed(lambda: plane_regions(), a.reps),
        "lines-mean": line_regions(),
        "plane-mean": plane_regions(),
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }
    print(json.dumps(res))


if __name__ == "__main__":
    main()
