"""Calls libraries compiled by orchid-compile through orchid.compiled:
conv.mlir at two lengths against a direct float64 convolution, the Hyena
block with its prepare entry against orchid-run's output, and the errors."""

import os
import sys

import numpy as np

from orchid import compiled

tool, conv_mlir, hyena_mlir, weights, reference, out_dir = sys.argv[1:]


def direct_conv(u, k, b):
    """Causal convolution of each row of u (B, C, L) with k (C, L), plus
    b * u, in float64."""
    u, k = u.astype(np.float64), k.astype(np.float64)
    L = u.shape[-1]
    y = np.zeros_like(u)
    for s in range(L):
        y[..., s:] += k[:, s:s + 1] * u[..., :L - s]
    return y + b[:, None].astype(np.float64) * u


def rel(a, b):
    return np.linalg.norm(a - b) / np.linalg.norm(b)


library = compiled.compile(conv_mlir, [16, 100], compiler=tool,
                           output=os.path.join(out_dir, "libconv.so"))
rng = np.random.default_rng(0)
for L in (16, 100):
    conv = library.function("conv", L)
    u = rng.uniform(-1, 1, (2, 3, L)).astype(np.float32)
    k = rng.uniform(-1, 1, (3, L)).astype(np.float32)
    b = rng.uniform(-1, 1, 3).astype(np.float32)
    y = conv(u, k, b)
    print(f"conv L = {L}: {y.dtype} {y.shape}, relative L2 error "
          f"{rel(y, direct_conv(u, k, b)):.3e}")
    assert rel(y, direct_conv(u, k, b)) < 1e-5
    # A transposed (non-contiguous) argument is copied, with the same result.
    kt = np.ascontiguousarray(k.T).T
    assert np.array_equal(conv(u, kt, b), y)
    try:
        import torch
        assert np.array_equal(conv(torch.from_numpy(u), torch.from_numpy(k),
                                   torch.from_numpy(b)), y)
        print("torch tensors: same result")
    except ImportError:
        print("torch tensors: not checked (no torch)")

for bad in (lambda: library.function("conv", 17),
            lambda: library.function("conv", 16)(u, k, b),
            lambda: library.function("conv", 16)(u[..., :16]),
            lambda: library.function("nope", 16),
            lambda: compiled.load(os.path.join(out_dir, "missing.so")),
            lambda: compiled.compile(conv_mlir, 0, compiler=tool)):
    try:
        bad()
        raise SystemExit("expected an OrchidError")
    except compiled.OrchidError as error:
        print("OrchidError:", str(error).splitlines()[0])

names = ["x", "in_proj_weight", "in_proj_bias", "short_filter_weight",
         "short_filter_bias", "filter_w_in", "filter_b_in", "filter_w_inner",
         "filter_b_inner", "filter_freq", "filter_w_out", "filter_bias",
         "out_proj_weight", "out_proj_bias"]
args = [np.load(os.path.join(weights, n + ".npy")) for n in names]
hyena = compiled.compile(hyena_mlir, 1000, compiler=tool, prepare=True,
                         output=os.path.join(out_dir, "libhyena.so"))
y = hyena(*args)
expected = np.load(reference)
print(f"hyena L = 1000: relative L2 error {rel(y, expected):.3e}")
assert rel(y, expected) < 1e-4
# New filter weights are prepared again; the same ones are not.
args[names.index("filter_w_out")] = args[names.index("filter_w_out")] * 0.5
changed = hyena(*args)
assert rel(changed, y) > 1e-3
args[names.index("filter_w_out")] = args[names.index("filter_w_out")] * 2
assert np.array_equal(hyena(*args), y)
print("prepare: once per weights")
