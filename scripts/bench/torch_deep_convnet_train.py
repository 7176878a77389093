#!/usr/bin/env python3
"""PyTorch CPU peer for one training epoch of the book's ch08 DeepConvNet, as dlfs runs examples/deep-convnet.yaml.

The network, as the book's ch08/deep_convnet.py builds it (every convolution 3x3, stride 1):
  conv 16 pad 1, ReLU, conv 16 pad 1, ReLU, max-pool 2x2
  conv 32 pad 1, ReLU, conv 32 pad 2, ReLU, max-pool 2x2     (pad 2 takes 14x14 to 16x16)
  conv 64 pad 1, ReLU, conv 64 pad 1, ReLU, max-pool 2x2     (-> 64x4x4 = 1024)
  affine 50, ReLU, dropout 0.5, affine 10, dropout 0.5, softmax cross-entropy
He initialisation (N(0, 2 / fan_in), zero biases), Adam lr 0.001. The book's dropout does not rescale while training
(it multiplies by 0.5 at inference instead); the mask is the same cost either way, so plain torch dropout is timed.
One epoch = 600 iterations of batch 100 drawn with replacement (np.random.choice, like the book's Trainer), then
accuracy on the 10000 test images in batches of 100. float32 throughout.

    MNIST_DIR=DIR /usr/bin/python3 scripts/bench/torch_deep_convnet_train.py [--seed 1] [--threads 2] [--epochs 1]

Run it like the other PyTorch peers: OPENBLAS_CORETYPE unset, OPENBLAS_NUM_THREADS=1 (torch's own threads do the
work), and scripts/bench/peer_check.py --torch first. Prints one JSON line: epoch_s (the training iterations alone),
ms_per_iter, test_eval_s, test_acc, and the thread and library versions it ran with.
"""
import argparse
import gzip
import json
import os
import platform
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PADS = (1, 1, 1, 2, 1, 1)
CHANNELS = (1, 16, 16, 32, 32, 64, 64)


def read_idx(folder, name):
    """One MNIST IDX file (raw or .gz) as a uint8 array of the shape its header gives."""
    for path in (os.path.join(folder, name), os.path.join(folder, name + ".gz")):
        if os.path.exists(path):
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as f:
                raw = f.read()
            dims = raw[3]
            shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
            return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    sys.exit("error: %s not found in %s" % (name, folder))


def load(folder):
    images = lambda n: torch.from_numpy((read_idx(folder, n).astype(np.float32) / 255.0).reshape(-1, 1, 28, 28))
    labels = lambda n: torch.from_numpy(read_idx(folder, n).astype(np.int64))
    return (images("train-images-idx3-ubyte"), labels("train-labels-idx1-ubyte"),
            images("t10k-images-idx3-ubyte"), labels("t10k-labels-idx1-ubyte"))


class DeepConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList(
            nn.Conv2d(CHANNELS[i], CHANNELS[i + 1], 3, stride=1, padding=PADS[i]) for i in range(6))
        self.fc1 = nn.Linear(64 * 4 * 4, 50)
        self.fc2 = nn.Linear(50, 10)
        for layer in list(self.convs) + [self.fc1, self.fc2]:
            fan_in = layer.weight[0].numel()
            nn.init.normal_(layer.weight, 0.0, (2.0 / fan_in) ** 0.5)
            nn.init.zeros_(layer.bias)

    def forward(self, x):
        for i, conv in enumerate(self.convs):
            x = F.relu(conv(x))
            if i % 2 == 1:
                x = F.max_pool2d(x, 2, 2)
        x = F.dropout(F.relu(self.fc1(x.flatten(1))), 0.5, self.training)
        return F.dropout(self.fc2(x), 0.5, self.training)


def accuracy(model, x, t, batch=100):
    correct = 0
    with torch.inference_mode():
        for i in range(0, x.shape[0], batch):
            correct += (model(x[i:i + batch]).argmax(1) == t[i:i + batch]).sum().item()
    return correct / x.shape[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.environ.get("MNIST_DIR"), help="MNIST folder (default: $MNIST_DIR)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args()
    if not args.data or not os.path.isdir(args.data):
        sys.exit("error: give the MNIST folder with --data DIR or MNIST_DIR (got %r)" % args.data)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    t = time.perf_counter()
    x_train, t_train, x_test, t_test = load(args.data)
    load_s = time.perf_counter() - t

    model = DeepConvNet()
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    iters = args.epochs * (x_train.shape[0] // args.batch)
    model.train()
    t = time.perf_counter()
    for _ in range(iters):
        idx = torch.from_numpy(np.random.choice(x_train.shape[0], args.batch))
        loss = F.cross_entropy(model(x_train[idx]), t_train[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    epoch_s = time.perf_counter() - t
    model.eval()
    t = time.perf_counter()
    test_acc = accuracy(model, x_test, t_test)
    test_eval_s = time.perf_counter() - t
    print(json.dumps({
        "script": "torch_deep_convnet_train", "seed": args.seed, "iters": iters, "threads": torch.get_num_threads(),
        "load_s": round(load_s, 3), "epoch_s": round(epoch_s, 3), "ms_per_iter": round(1000 * epoch_s / iters, 2),
        "test_eval_s": round(test_eval_s, 3), "test_acc": test_acc, "last_loss": loss.item(),
        "torch": torch.__version__, "numpy": np.__version__, "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
    }))


if __name__ == "__main__":
    main()
