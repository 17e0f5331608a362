#!/usr/bin/python3
"""Export sampled weights of a PyTorch model factory for `npx theorycheck audit --weights <dir>`.

Draws `--draws` networks from a factory (seed -> torch.nn.Module), takes their nn.Linear layers
except the last (the read-out), and writes one stacked file per layer: layer<l>.npy of shape
[draws, fan_out, fan_in] (PyTorch's layout: pass `--layout out-in` if the audit cannot infer it) and
bias<l>.npy of shape [draws, fan_out]. Only numpy and torch are needed; the suite itself never runs this.

    /usr/bin/python3 properties/audit/export-weights.py my_models:make --draws 200 --out weights/
    npx theorycheck audit --weights weights/ --layout out-in

`my_models:make` names a module on the Python path and a function make(seed) -> nn.Module.
Without a factory it exports torch's default nn.Linear initialization of a 16-64-64-64-1 ReLU net
(Kaiming-uniform with a = sqrt(5): variance 1/(3 fan-in), so c = 1/3 — a known FM1 case).
"""
import argparse
import importlib
import os

import numpy as np
import torch


def default_factory(seed):
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Linear(16, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 1),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("factory", nargs="?", help="module:function, a seed -> nn.Module factory")
    parser.add_argument("--draws", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.draws < 2:
        parser.error(f"--draws must be at least 2; got {args.draws}")
    if args.factory:
        module, _, name = args.factory.partition(":")
        factory = getattr(importlib.import_module(module), name or "factory")
    else:
        factory = default_factory
    weights, biases = None, None
    for d in range(args.draws):
        linears = [m for m in factory(args.seed + d).modules() if isinstance(m, torch.nn.Linear)][:-1]
        if not linears:
            raise SystemExit("the model has no hidden nn.Linear layer (the last one is the read-out)")
        if weights is None:
            weights = [[] for _ in linears]
            biases = [[] for _ in linears]
        for l, layer in enumerate(linears):
            weights[l].append(layer.weight.detach().double().numpy())
            biases[l].append(layer.bias.detach().double().numpy() if layer.bias is not None else np.zeros(layer.out_features))
    os.makedirs(args.out, exist_ok=True)
    for l in range(len(weights)):
        np.save(os.path.join(args.out, f"layer{l}.npy"), np.stack(weights[l]))
        np.save(os.path.join(args.out, f"bias{l}.npy"), np.stack(biases[l]))
    print(f"{args.draws} draws of {len(weights)} hidden layers in {args.out}")


if __name__ == "__main__":
    main()
