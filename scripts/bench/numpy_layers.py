#!/usr/bin/env python3
"""NumPy peer of nn-bench's LayerBenchmarks: the same float32 forward + backward passes at batch 100.

twoLayerNet            Affine(784->50), Relu, Affine(50->10), SoftmaxWithLoss, then all backward passes
affine784x50           Affine forward + backward alone
relu100x50             Relu forward + backward
softmaxWithLoss100x10  softmax cross-entropy with class labels, forward + backward
convolution30x5x5      30 filters 5x5, stride 1, pad 0 on 100x1x28x28 via im2col, forward + backward

Prints one JSON line: microseconds per call (median of the trials) and the environment, with the CPU and the
OpenBLAS that NumPy runs on. It stops before timing if NumPy does not run on OpenBLAS (see peer_check.py).
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_check  # noqa: E402

BATCH = 100


class Affine:
    def __init__(self, w, b):
        self.w, self.b = w, b

    def forward(self, x):
        self.x = x
        return x @ self.w + self.b

    def backward(self, dout):
        self.dw = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.w.T


class Relu:
    def forward(self, x):
        self.on = x > 0
        return np.where(self.on, x, np.float32(0))

    def backward(self, dout):
        return np.where(self.on, dout, np.float32(0))


class SoftmaxWithLoss:
    def forward(self, scores, labels):
        shifted = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        self.p = e / e.sum(axis=1, keepdims=True)
        self.labels = labels
        rows = np.arange(len(labels))
        return -np.log(self.p[rows, labels] + 1e-7).mean()

    def backward(self):
        d = self.p.copy()
        d[np.arange(len(self.labels)), self.labels] -= 1
        return d / len(self.labels)


class Convolution:
    """NCHW convolution as one matrix product over unrolled windows."""

    def __init__(self, w, b, stride=1, pad=0):
        self.w, self.b, self.stride, self.pad = w, b, stride, pad

    def forward(self, x):
        fn, c, fh, fw = self.w.shape
        n, _, h, wd = x.shape
        s, p = self.stride, self.pad
        self.shape = x.shape
        oh, ow = (h + 2 * p - fh) // s + 1, (wd + 2 * p - fw) // s + 1
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p))) if p else x
        windows = sliding_window_view(xp, (fh, fw), axis=(2, 3))[:, :, ::s, ::s]   # n, c, oh, ow, fh, fw
        self.col = windows.transpose(0, 2, 3, 1, 4, 5).reshape(n * oh * ow, c * fh * fw)
        self.w2 = self.w.reshape(fn, -1)
        out = self.col @ self.w2.T + self.b
        self.out_hw = (oh, ow)
        return out.reshape(n, oh, ow, fn).transpose(0, 3, 1, 2)

    def backward(self, dout):
        fn, c, fh, fw = self.w.shape
        n, _, h, wd = self.shape
        s, p = self.stride, self.pad
        oh, ow = self.out_hw
        d2 = dout.transpose(0, 2, 3, 1).reshape(-1, fn)
        self.db = d2.sum(axis=0)
        self.dw = (d2.T @ self.col).reshape(self.w.shape)
        dcol = (d2 @ self.w2).reshape(n, oh, ow, c, fh, fw)
        dxp = np.zeros((n, c, h + 2 * p, wd + 2 * p), dtype=dout.dtype)
        for ky in range(fh):
            for kx in range(fw):
                dxp[:, :, ky:ky + s * oh:s, kx:kx + s * ow:s] += dcol[:, :, :, :, ky, kx].transpose(0, 3, 1, 2)
        return dxp[:, :, p:p + h, p:p + wd]


def workloads(rng):
    f32 = np.float32
    images = rng.random((BATCH, 1, 28, 28), dtype=f32)
    flat = images.reshape(BATCH, 784)
    labels = rng.integers(0, 10, BATCH)
    a1 = Affine((0.01 * rng.standard_normal((784, 50))).astype(f32), np.zeros(50, f32))
    a2 = Affine((0.01 * rng.standard_normal((50, 10))).astype(f32), np.zeros(10, f32))
    relu = Relu()
    loss = SoftmaxWithLoss()
    conv = Convolution((0.01 * rng.standard_normal((30, 1, 5, 5))).astype(f32), np.zeros(30, f32))
    hidden = rng.standard_normal((BATCH, 50), dtype=f32)
    hidden_grad = rng.standard_normal((BATCH, 50), dtype=f32)
    scores = rng.standard_normal((BATCH, 10), dtype=f32)
    conv_grad = rng.standard_normal((BATCH, 30, 24, 24), dtype=f32)

    def two_layer_net():
        y = a2.forward(relu.forward(a1.forward(flat)))
        loss.forward(y, labels)
        return a1.backward(relu.backward(a2.backward(loss.backward())))

    def affine():
        a1.forward(flat)
        return a1.backward(hidden_grad)

    def relu_step():
        relu.forward(hidden)
        return relu.backward(hidden_grad)

    def softmax_with_loss():
        loss.forward(scores, labels)
        return loss.backward()

    def convolution():
        conv.forward(images)
        return conv.backward(conv_grad)

    return {"twoLayerNet": two_layer_net, "affine784x50": affine, "relu100x50": relu_step,
            "softmaxWithLoss100x10": softmax_with_loss, "convolution30x5x5": convolution}


def measure(fn, seconds):
    """Median over trials of the mean time per call (µs); each trial lasts about `seconds`."""
    for _ in range(3):
        fn()
    t0 = time.perf_counter()
    fn()
    one = max(time.perf_counter() - t0, 1e-7)
    calls = max(1, int(seconds / one))
    trials = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        trials.append((time.perf_counter() - t0) / calls * 1e6)
    return sorted(trials)[len(trials) // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=0.5, help="length of each of the 5 trials (default 0.5)")
    ap.add_argument("--only", help="comma-separated workload names")
    args = ap.parse_args()
    try:
        blas = peer_check.check_numpy()
    except peer_check.CheckError as e:
        sys.exit("numpy_layers: %s" % e)
    work = workloads(np.random.default_rng(1))
    names = args.only.split(",") if args.only else list(work)
    result = {"us_per_call": {name: round(measure(work[name], args.seconds), 2) for name in names},
              "numpy": np.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
              "cpu": peer_check.cpu_line(), "blas": blas,
              "env": {k: os.environ[k] for k in ("OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OMP_NUM_THREADS")
                      if k in os.environ}}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
