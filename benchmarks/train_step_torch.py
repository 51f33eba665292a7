#!/usr/bin/env python3
"""PyTorch eager peer of `pellucid bench train-step`.

Same work as Pellucid's loop: a 20->64->64->2 ReLU MLP, batch 256, Adam (lr 1e-3), softmax
cross-entropy, 100 batches per epoch drawn from a per-epoch permutation (one gather, then
contiguous slices), 3 warm-up epochs, then `--steps` timed steps. One intra-op thread by default.
Prints one JSON object. Needs Debian's python3-torch (apt-get install python3-torch).
"""
import argparse
import json
import time

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    batch, per_epoch = 256, 100
    n = batch * per_epoch
    x = torch.randn(n, 20)
    y = (x[:, 0] + x[:, 1] > 0).long()
    model = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(),
                                torch.nn.Linear(64, 2))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    warm = 3
    epochs = warm + max(1, args.steps // per_epoch)
    start = None
    for epoch in range(epochs):
        if epoch == warm:
            start = time.perf_counter()
        perm = torch.randperm(n)
        xp, yp = x[perm], y[perm]
        total = torch.zeros(())
        for s in range(0, n, batch):
            xb, yb = xp[s:s + batch], yp[s:s + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.detach()
        float(total)  # one read per epoch, as Pellucid does
    secs = time.perf_counter() - start
    steps = (epochs - warm) * per_epoch
    print(json.dumps({"benchmark": "train-step", "peer": "pytorch-eager", "torch": torch.__version__,
                      "threads": args.threads, "steps_per_second": steps / secs, "timed_steps": steps, "seconds": secs}))


if __name__ == "__main__":
    main()
