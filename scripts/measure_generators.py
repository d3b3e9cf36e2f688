"""Generator design exploration for the CPU: speed of each candidate beside the classic
pix2pix UNet-256, in one run, with the same threads. Not a test: run it to reproduce the
table in README.md.

    python scripts/measure_generators.py [--threads 2] [--runs 20] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import torch

from icanvas_desktop.ml.networks import FastUnet, build_generator, count_macs

CANDIDATES = [
    # (label, size, in_ch, builder)
    ("classic UNet-256, ngf 64 (reference)", 256, 3, lambda: build_generator("unet_256", {"ngf": 64})),
    ("classic UNet-256, ngf 32", 256, 3, lambda: build_generator("unet_256", {"ngf": 32})),
    ("classic UNet-128, ngf 64 at 128²", 128, 5, lambda: build_generator("unet_128", {"ngf": 64, "input_nc": 5})),
    ("fast_unet 16-192 at 256²", 256, 5, lambda: FastUnet(5, 3, (16, 32, 64, 128, 192, 192))),
    ("fast_unet 16-192 at 256², low-res out", 256, 5, lambda: FastUnet(5, 3, (16, 32, 64, 128, 192, 192), True)),
    ("fast_unet 16-192 at 128²", 128, 5, lambda: FastUnet(5, 3, (16, 32, 64, 128, 192, 192))),
    ("fast_unet 24-224 at 128² (shipped)", 128, 5, lambda: FastUnet(5, 3, (24, 48, 96, 160, 224, 224))),
    ("fast_unet 24-224 at 256² (final render)", 256, 5, lambda: FastUnet(5, 3, (24, 48, 96, 160, 224, 224))),
    ("fast_unet 32-256 at 128²", 128, 5, lambda: FastUnet(5, 3, (32, 64, 128, 192, 256, 256))),
]


def median_ms(model, x, runs):
    with torch.inference_mode():
        for _ in range(3):
            model(x)
        ts = []
        for _ in range(runs):
            t = time.perf_counter()
            model(x)
            ts.append((time.perf_counter() - t) * 1000)
    return statistics.median(ts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--limit", type=int, help="only the first N candidates (the reference is the first)")
    ns = ap.parse_args()
    torch.set_num_threads(ns.threads)
    rows, ref = [], None
    print("| generator | params | GMACs | torch eager ms | × faster than reference |")
    print("|---|---|---|---|---|")
    for label, size, in_ch, build in CANDIDATES[:ns.limit]:
        m = build().eval()
        x = torch.randn(1, in_ch, size, size)
        ms = median_ms(m, x, ns.runs)
        ref = ref or ms
        macs = count_macs(m, size, in_ch) / 1e9
        params = sum(p.numel() for p in m.parameters()) / 1e6
        rows.append({"generator": label, "params_m": round(params, 2), "gmacs": round(macs, 3), "ms": round(ms, 1)})
        print(f"| {label} | {params:.2f} M | {macs:.3f} | {ms:.1f} | {ref / ms:.1f} |", flush=True)
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
