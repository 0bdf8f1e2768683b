"""Seconds per training epoch of 784-800-800-10 with dropout (20% input, 50% hidden), batch 100, on one machine in
one run, for four pipelines:

  ours          on-device `Batches` + `MLP` + `SGDHinton` (momentum 0.5, max-norm sqrt(15)): the default path
  ours-torchsgd the same loop with torch.optim.SGD(momentum=0.5, dampening=0.5, foreach=True) instead of SGDHinton:
                prices SGDHinton's step (Hinton-style momentum + max-norm) against a stock momentum step
  dataloader    the 2020 blog's torchvision MNIST + ToTensor/Normalize + DataLoader, same model and optimizer
  bare          pre-loaded tensors, randperm indexing, torch.optim.SGD(momentum=0.5, foreach=True), nothing else

Rounds are interleaved (each round times every pipeline once) and the median over rounds is reported, so slow
drift of a noisy machine hits all pipelines alike. This is a benchmark, not a test: it asserts nothing.

    python bench/epoch.py [--rounds 3] [--device auto] [--batches 600] [--out bench/epoch_cpu.md]
"""
import argparse, json, platform, statistics, sys, time
from pathlib import Path

import torch
from torch import nn

from hinton_nb.data import Batches, load_mnist, seed_loaders
from hinton_nb.model import MLP
from hinton_nb.optim import SGDHinton, hinton_param_groups
from hinton_nb.train import resolve_device, train_one_epoch


def limited(batches, n):
    "The first `n` batches of an iterable (to time part of an epoch and scale it up)."
    for i, b in enumerate(batches):
        if i == n: return
        yield b


def sync(device):
    if device.type == 'cuda': torch.cuda.synchronize()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--rounds', type=int, default=3, help='timed rounds (median reported)')
    ap.add_argument('--device', default='auto')
    ap.add_argument('--batches', type=int, default=600, help='batches timed per epoch (600 = a full epoch); scaled to 600')
    ap.add_argument('--data-root', default='data')
    ap.add_argument('--out', default=None, help='markdown file for the table (default: bench/epoch_<device>.md)')
    args = ap.parse_args()
    device = resolve_device(args.device)
    x_train, y_train, _, _ = load_mnist(args.data_root, device, normalize=True)
    dl, _ = seed_loaders(args.data_root, 100, normalize=True)
    n = min(args.batches, 600)

    def model_and(opt_fn):
        torch.manual_seed(0)
        m = MLP((784, 800, 800, 10), input_drop=0.2, hidden_drop=0.5).to(device)
        return m, opt_fn(m)

    hinton = lambda m: SGDHinton(hinton_param_groups(m, 15 ** 0.5), lr=0.1, momentum=0.5)
    stock = lambda m: torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.5, dampening=0.5, foreach=True)

    def ours(opt_fn):
        m, opt = model_and(opt_fn); b = Batches(x_train, y_train, 100)
        return lambda: train_one_epoch(m, opt, limited(b, n), device)

    def dataloader():
        m, opt = model_and(hinton)
        return lambda: train_one_epoch(m, opt, limited(dl, n), device)

    def bare():
        m, opt = model_and(lambda m: torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.5, foreach=True))
        def epoch():
            idx = torch.randperm(len(x_train), device=device)
            for i in range(n):
                j = idx[i * 100:(i + 1) * 100]
                loss = nn.functional.cross_entropy(m(x_train[j]), y_train[j])
                opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
        return epoch

    pipelines = {'ours': ours(hinton), 'ours-torchsgd': ours(stock), 'dataloader': dataloader(), 'bare': bare()}
    for f in pipelines.values(): f()  # warm-up (one epoch each, not timed)
    times = {k: [] for k in pipelines}
    for r in range(args.rounds):
        for k, f in pipelines.items():
            sync(device); t0 = time.perf_counter(); f(); sync(device)
            times[k].append((time.perf_counter() - t0) * 600 / n)
        print(f"round {r + 1}/{args.rounds}: " + ', '.join(f"{k} {v[-1]:.2f}s" for k, v in times.items()), file=sys.stderr)
    med = {k: statistics.median(v) for k, v in times.items()}
    cmd = 'python bench/epoch.py ' + ' '.join(sys.argv[1:])
    lines = [f"Seconds per epoch (600 batches of 100), 784-800-800-10, dropout 0.2/0.5; median of {args.rounds} interleaved rounds"
             f"{'' if n == 600 else f' of {n} batches scaled to 600'}.",
             f"Device: {device} ({torch.cuda.get_device_name(device) if device.type == 'cuda' else platform.processor() or platform.machine()}, "
             f"{torch.get_num_threads()} threads), torch {torch.__version__}. Command: `{cmd.strip()}`", '',
             '| pipeline | s / epoch | vs bare loop |', '|---|---|---|']
    lines += [f"| {k} | {v:.2f} | {v / med['bare']:.2f}× |" for k, v in med.items()]
    lines += ['', f"SGDHinton's step (momentum + max-norm) vs a stock torch SGD momentum step, same loop: "
                  f"{100 * (med['ours'] / med['ours-torchsgd'] - 1):+.1f}% of an epoch."]
    text = '\n'.join(lines) + '\n'
    print(text)
    out = Path(args.out or f"bench/epoch_{device.type}.md")
    out.write_text(text)
    out.with_suffix('.json').write_text(json.dumps(dict(seconds=times, median=med, device=str(device), torch=torch.__version__,
                                                        threads=torch.get_num_threads(), command=cmd.strip()), indent=1) + '\n')


if __name__ == '__main__':
    main()
