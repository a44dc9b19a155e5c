#!/usr/bin/env python3
"""GPU FFT convolution: Orchid's generated kernels against PyTorch (cuFFT).

For B=8, D=768 and each L, times

* Orchid: `orchid-run --target cuda --bench N` on an `orchid.fftconv causal`
  function (the kernel spectrum, rfft, and the fused spectral_conv kernel);
  the median includes the host-to-device and device-to-host copies of the
  arguments and the result, because orchid-run calls on host arrays;
* PyTorch: Hyena's `fftconv` (`irfft(rfft(u, 2L) * rfft(k, 2L), 2L)[..., :L]
  + u * D`) on device tensors (CUDA events), and the same with the copies
  in and out, which is what compares with orchid-run.

It prints the GPU, then per L the medians in ms, the ratio Orchid /
PyTorch, the fraction of the peak memory bandwidth each reaches on the
minimal traffic of the convolution (read u, write y, read the kernel once),
and the relative L2 difference between Orchid's result and PyTorch's on the
same inputs (the float64 reference, O(L^2) per row, is too slow at these
sizes; the execution tests check Orchid against it).

Needs a CUDA GPU, PyTorch with CUDA, and orchid-run built with the GPU
lowering (build/bin/orchid-run).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

FFTCONV = """func.func @fftconv(%u: tensor<{B}x{D}x{L}xf32>, %k: tensor<{D}x{L}xf32>,
                   %b: tensor<{D}xf32>) -> tensor<{B}x{D}x{L}xf32> {{
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<{B}x{D}x{L}xf32>, tensor<{D}x{L}xf32>, tensor<{D}xf32>
        -> tensor<{B}x{D}x{L}xf32>
  return %y : tensor<{B}x{D}x{L}xf32>
}}
"""


def run_orchid(orchid_run, chip, u, k, d, repeats):
    """Times Orchid on the arrays u, k, d; returns (median ms, result)."""
    import numpy as np

    batch, dim, length = u.shape
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "fftconv.mlir")
        with open(source, "w") as f:
            f.write(FFTCONV.format(B=batch, D=dim, L=length))
        inputs = []
        for name, array in (("u", u), ("k", k), ("d", d)):
            inputs.append(os.path.join(tmp, name + ".npy"))
            np.save(inputs[-1], array)
        output = os.path.join(tmp, "y.npy")
        out = subprocess.run(
            [orchid_run, "--target=cuda", "--cuda-chip=" + chip,
             "--bench=%d" % repeats, "--output=" + output, source] +
            ["--input=" + path for path in inputs],
            capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("orchid-run failed:\n" + out.stdout + out.stderr)
        match = re.search(r"median ([0-9.]+) ms", out.stdout)
        if not match:
            sys.exit("no timing in orchid-run output:\n" + out.stdout)
        return float(match.group(1)), np.load(output)


def torch_fftconv(u, k, d):
    import torch

    length = u.shape[-1]
    n = 2 * length
    y = torch.fft.irfft(torch.fft.rfft(u, n=n) * torch.fft.rfft(k, n=n),
                        n=n)[..., :length]
    return y + u * d[:, None]


def time_torch(u_host, k_host, d_host, repeats, with_copies):
    """Median ms of PyTorch's fftconv on device tensors, or on host tensors
    copied in and the result copied out."""
    import torch

    u, k, d = u_host.cuda(), k_host.cuda(), d_host.cuda()

    def step():
        if with_copies:
            y = torch_fftconv(u_host.cuda(), k_host.cuda(), d_host.cuda())
            return y.cpu()
        return torch_fftconv(u, k, d)

    for _ in range(3):
        step()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        start.record()
        step()
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    times.sort()
    return times[len(times) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orchid-run", default=os.path.join(
        os.path.dirname(__file__), "..", "build", "bin", "orchid-run"))
    parser.add_argument("--chip", default="sm_90")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--dim", type=int, default=768)
    parser.add_argument("--lengths", default="1024,8192,65536")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--peak-gbps", type=float, default=3350.0,
                        help="peak memory bandwidth (GB/s; H100 SXM: 3350)")
    args = parser.parse_args()

    import numpy as np
    import torch

    print("GPU: %s (%d SMs); peak bandwidth taken as %.0f GB/s" % (
        torch.cuda.get_device_name(),
        torch.cuda.get_device_properties(0).multi_processor_count,
        args.peak_gbps))
    print("| L | Orchid ms | PyTorch ms (device) | PyTorch ms (with copies) "
          "| Orchid / PyTorch (with copies) | Orchid BW | PyTorch BW "
          "| rel L2 vs PyTorch |")
    print("|---|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(0)
    for length in [int(x) for x in args.lengths.split(",")]:
        shapes = ((args.batch, args.dim, length), (args.dim, length),
                  (args.dim,))
        u, k, d = (rng.uniform(-1, 1, shape).astype(np.float32)
                   for shape in shapes)
        orchid, y = run_orchid(args.orchid_run, args.chip, u, k, d,
                               args.repeats)
        u_t, k_t, d_t = (torch.from_numpy(a) for a in (u, k, d))
        expected = torch_fftconv(u_t.cuda(), k_t.cuda(), d_t.cuda()).cpu()
        error = float(torch.linalg.vector_norm(torch.from_numpy(y) - expected)
                      / torch.linalg.vector_norm(expected))
        device = time_torch(u_t, k_t, d_t, args.repeats, False)
        copies = time_torch(u_t, k_t, d_t, args.repeats, True)
        # Minimal traffic: u in, y out (f32), the kernel in.
        gbytes = (2 * args.batch + 1) * args.dim * length * 4 / 1e9
        print("| %d | %.3f | %.3f | %.3f | %.2f | %.0f%% | %.0f%% | %.1e |" % (
            length, orchid, device, copies, orchid / copies,
            100 * gbytes / (orchid / 1e3) / args.peak_gbps,
            100 * gbytes / (device / 1e3) / args.peak_gbps, error))


if __name__ == "__main__":
    main()
