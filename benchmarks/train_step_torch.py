#!/usr/bin/env python3
"""PyTorch eager peer of `pellucid bench train-step`.

Same work as Pellucid's loop: a 20->64->64->2 ReLU MLP (--hidden), batch 256 (--batch), on --device, Adam (lr 1e-3), softmax
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
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    ap.add_argument("--hidden", default="64,64", help="hidden widths, as pellucid bench --hidden")
    ap.add_argument("--batch", type=int, default=256)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    dev = torch.device(args.device)
    batch, per_epoch = args.batch, 100
    n = batch * per_epoch
    x = torch.randn(n, 20).to(dev)  # the data on the device once, as Pellucid's loop does
    y = (x[:, 0] + x[:, 1] > 0).long()
    widths = [20] + [int(h) for h in args.hidden.split(",")]
    layers = []
    for a, b in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers, torch.nn.Linear(widths[-1], 2)).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    warm = 3
    epochs = warm + max(1, args.steps // per_epoch)
    start = None
    for epoch in range(epochs):
        if epoch == warm:
            start = time.perf_counter()
        perm = torch.randperm(n, device=dev)
        xp, yp = x[perm], y[perm]
        total = torch.zeros((), device=dev)
        for s in range(0, n, batch):
            xb, yb = xp[s:s + batch], yp[s:s + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.detach()
        float(total)  # one read per epoch, as Pellucid does
    if dev.type == "cuda":
        torch.cuda.synchronize()
    secs = time.perf_counter() - start
    steps = (epochs - warm) * per_epoch
    print(json.dumps({"benchmark": "train-step", "peer": "pytorch-eager", "torch": torch.__version__,
                      "threads": args.threads, "device": str(dev), "network": "-".join(map(str, widths + [2])),
                      "batch_size": batch, "steps_per_second": steps / secs, "timed_steps": steps, "seconds": secs}))


if __name__ == "__main__":
    main()
