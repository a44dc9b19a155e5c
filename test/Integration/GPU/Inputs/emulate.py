#!/usr/bin/env python3
"""Checks the GPU lowering's arithmetic without a GPU.

Functions are lowered with --orchid-gpu-kernel-pipeline, the GPU pipeline
up to kernel outlining; each gpu.launch is then rewritten into a loop over
blocks whose threads, for kernels with barriers, are the OpenMP threads of
one team (gpu.barrier becomes omp.barrier and dynamic shared memory one
buffer per block), and otherwise a loop. The FFT kernels run with up to 8
threads per block, so stages with more butterflies than threads, ragged
last rounds and the barriers between stages are exercised as on a GPU;
small shared memory limits send short rows down the global-memory paths
(stage by stage, and four-step). Device buffers are
host memrefs and device copies memref.copy. Results are compared with
NumPy in float64, and whole blocks with the CPU lowering (orchid-run),
which the block tests check against the float64 reference. What this
cannot show is the behaviour of warps and the memory model of a real GPU
(test/Integration/GPU).

Usage: emulate.py [build/bin]  (needs NumPy and mlir-runner)
"""
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/bin"
LLVM_BIN = sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/llvm-22/bin"
OPT = os.path.join(BIN, "orchid-opt")
ORCHID_RUN = os.path.join(BIN, "orchid-run")
MOPT = os.path.join(LLVM_BIN, "mlir-opt")
RUN = os.path.join(LLVM_BIN, "mlir-runner")
LIBS = os.path.join(LLVM_BIN, "..", "lib")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")


def dense(a):
    if np.iscomplexobj(a):
        def rec(x):
            if x.ndim == 0: return "(%r,%r)" % (float(x.real), float(x.imag))
            return "[" + ",".join(rec(y) for y in x) + "]"
        return "dense<" + rec(a) + ">"
    return "dense<" + np.array2string(a.astype(np.float32), separator=",", threshold=10**9, floatmode="unique").replace("\n","") + ">"
def ty(shape, el="f32"): return "tensor<" + "x".join(map(str,shape)) + "x" + el + ">"
def mty(shape): return "memref<" + "x".join(map(str,shape)) + "xf32>"


def passes(opts):
    """The GPU pipeline up to outlining, for blocks too."""
    return ["--orchid-gpu-kernel-pipeline=" + opts]


def launches_to_loops(ir):
    """Each gpu.launch becomes a loop over blocks. Threads of a kernel with
    barriers are OpenMP threads of one team (omp.barrier, and dynamic
    shared memory allocated once per block); the others run in a loop."""
    lines = ir.split("\n"); out = []; k = 0; team = False
    for pos, l in enumerate(lines):
        m = re.search(r"gpu\.launch blocks\((%\w+), %\w+, %\w+\) in \(%\w+ = (%\w+),.*threads\((%\w+), %\w+, %\w+\) in \(%\w+ = (%\w+),", l)
        if m:
            k += 1; bx, tx = m.group(1), m.group(3)
            end = next(j for j in range(pos, len(lines)) if "gpu.terminator" in lines[j])
            team = any("gpu.barrier" in x for x in lines[pos:end])
            out.append("%%emu0_%d = arith.constant 0 : index" % k); out.append("%%emu1_%d = arith.constant 1 : index" % k)
            out.append("scf.for %s = %%emu0_%d to %s step %%emu1_%d {" % (bx, k, m.group(2), k))
            if team:
                out.append("%%emu_smem_%d = memref.alloc() : memref<4194304xi8>" % k)
                out.append("%%emu_nt_%d = arith.index_cast %s : index to i32" % (k, m.group(4)))
                out.append("omp.parallel num_threads(%%emu_nt_%d : i32) {" % k)
                out.append("%%emu_tid_%d = func.call @omp_get_thread_num() : () -> i32" % k)
                out.append("%s = arith.index_cast %%emu_tid_%d : i32 to index" % (tx, k))
            else:
                out.append("scf.for %s = %%emu0_%d to %s step %%emu1_%d {" % (tx, k, m.group(4), k))
            continue
        l = re.sub(r"(%\w+) = gpu\.block_id\s+x", lambda m: "%s = arith.addi %s, %%emu0_%d : index" % (m.group(1), bx, k), l)
        l = re.sub(r"(%\w+) = gpu\.thread_id\s+x", lambda m: "%s = arith.addi %s, %%emu0_%d : index" % (m.group(1), tx, k), l)
        l = re.sub(r"(%\w+) = gpu\.dynamic_shared_memory : memref<\?xi8, #gpu.address_space<workgroup>>", lambda m: "%s = memref.cast %%emu_smem_%d : memref<4194304xi8> to memref<4194304xi8>" % (m.group(1), k), l)
        l = l.replace("memref<?xi8, #gpu.address_space<workgroup>>", "memref<4194304xi8>").replace(", #gpu.address_space<workgroup>", "")
        l = l.replace("gpu.barrier", "omp.barrier")
        l = l.replace("gpu.terminator", "omp.terminator }" if team else "}")
        l = re.sub(r"gpu\.alloc\s+\(\)", "memref.alloc()", l)
        m = re.search(r"gpu\.memcpy\s+(%\w+), (%\w+) : (memref<.+?), (memref<.+)$", l)
        if m: l = "memref.copy %s, %s : %s to %s" % (m.group(2), m.group(1), m.group(4), m.group(3))
        l = re.sub(r"gpu\.dealloc\s+(%\w+)", r"memref.dealloc \1", l)
        out.append(l)
    return "\n".join(out)


def emulate(module_ir, fname, func_args, out_shape, opts="max-threads=8"):
    """Runs @fname(args) -> tensor<out_shape> of `module_ir` through the
    emulated GPU lowering and returns the result."""
    ir = subprocess.run([OPT, "-"] + passes(opts), input=module_ir, capture_output=True, text=True)
    if ir.returncode: sys.exit(ir.stderr[:3000])
    ir = launches_to_loops(ir.stdout)
    consts = "".join("  %%c%d = arith.constant %s : %s\n" % (i, dense(v), t) for i,(t,v) in enumerate(func_args))
    bufs = "".join("  %%m%d = bufferization.to_buffer %%c%d : %s to memref<%s>\n" % (i, i, t, t[len("tensor<"):-1]) for i,(t,_) in enumerate(func_args))
    main = ("func.func private @printMemrefF32(memref<*xf32>)\nfunc.func private @omp_get_thread_num() -> i32\n" +
            "func.func @main() {\n" + consts + bufs +
            "  %%out = memref.alloc() : %s\n" % mty(out_shape) +
            "  call @%s(%s, %%out) : (%s, %s) -> ()\n" % (fname, ",".join("%%m%d" % i for i in range(len(func_args))), ",".join("memref<%s>" % t[len("tensor<"):-1] for t,_ in func_args), mty(out_shape)) +
            "  %%u = memref.cast %%out : %s to memref<*xf32>\n" % mty(out_shape) +
            "  call @printMemrefF32(%u) : (memref<*xf32>) -> ()\n  return\n}\n")
    ir = ir.rstrip().rstrip("}") + main + "}\n"
    low = subprocess.run([MOPT, "--one-shot-bufferize=bufferize-function-boundaries", "--lower-affine", "--convert-scf-to-cf", "--expand-strided-metadata", "--finalize-memref-to-llvm", "--convert-complex-to-llvm", "--convert-math-to-llvm", "--convert-arith-to-llvm", "--convert-cf-to-llvm", "--convert-func-to-llvm", "--convert-arith-to-llvm", "--finalize-memref-to-llvm", "--convert-index-to-llvm", "--convert-openmp-to-llvm", "--reconcile-unrealized-casts"], input=ir, capture_output=True, text=True)
    if low.returncode: sys.exit(low.stderr[:3000])
    # Threads wait at barriers without spinning: a block may have more
    # threads than the machine has cores.
    env = dict(os.environ, KMP_BLOCKTIME="0", OMP_DYNAMIC="false")
    r = subprocess.run([RUN, "-e", "main", "--entry-point-result=void", "--shared-libs=" + ",".join(
        os.path.join(LIBS, lib) for lib in ("libmlir_runner_utils.so", "libmlir_c_runner_utils.so", "libomp.so"))],
        input=low.stdout, capture_output=True, text=True, env=env)
    if r.returncode: sys.exit(r.stderr[:3000])
    nums = re.findall(r"-?\d+\.?\d*(?:e[-+]?\d+)?|nan|inf", r.stdout.split("\n",1)[1])
    return np.array([float(x) for x in nums]).reshape(out_shape)


def run(op_ir, func_args, out_shape, opts):
    mlir = "func.func @f(" + ",".join("%%a%d: %s" % (i, t) for i,(t,_) in enumerate(func_args)) + ") -> " + ty(out_shape) + " {\n" + op_ir + "\n return %y : " + ty(out_shape) + "\n}\n"
    return emulate(mlir, "f", func_args, out_shape, opts)

rng = np.random.default_rng(0)
failures = []


def report(name, err, tol=1e-5):
    print("%s: relative L2 error %.2e" % (name, err))
    if not err <= tol:
        failures.append(name)

def spectral(B, D, L, n, wrap, batched, opts):
    u = rng.standard_normal((B,D,L)).astype(np.float32)
    kshape = (B,D,n//2+1) if batched else (D,n//2+1)
    K = (rng.standard_normal(kshape) + 1j*rng.standard_normal(kshape)).astype(np.complex64)
    b = rng.standard_normal(D).astype(np.float32)
    args = [(ty(u.shape), u), (ty(K.shape, "complex<f32>"), K), (ty(b.shape), b)]
    op = "%%y = orchid.spectral_conv %%a0, %%a1, %%a2 size %d%s : %s, %s, %s -> %s" % (n, " wrap" if wrap else "", ty(u.shape), ty(K.shape,"complex<f32>"), ty(b.shape), ty(u.shape))
    got = run(op, args, u.shape, opts)
    z = np.fft.irfft(np.fft.rfft(u.astype(np.float64), n) * K.astype(np.complex128), n)
    if wrap:
        zz = np.zeros((B,D,L))
        for j in range(0, n, L): seg = z[..., j:j+L]; zz[..., :seg.shape[-1]] += seg
        z = zz
    ref = z[..., :L] + b[:, None].astype(np.float64) * u
    err = np.linalg.norm(got - ref) / np.linalg.norm(ref)
    report("spectral B=%d D=%d L=%d n=%d wrap=%s batched=%s %s" % (B, D, L, n, wrap, batched, opts), err)
# Rows in 64 KB of shared memory (as on sm_75, so that few threads do not
# unroll many rounds of a long row), in global memory stage by stage, and
# in global memory by the four-step algorithm with tiles in 512 bytes of
# shared memory (n = 200: 40 x 5; n = 120: 24 x 5).
PATHS = ("max-threads=8 max-shared-memory=65536", "max-threads=8 max-shared-memory=0",
         "max-threads=8 max-shared-memory=512")
for opts in PATHS:
    spectral(1, 3, 8, 16, False, False, opts)
    spectral(2, 3, 10, 30, True, True, opts)
    spectral(1, 5, 100, 200, False, False, opts)
    spectral(1, 2, 40, 120, False, False, opts)
    spectral(2, 2, 7, 14, True, True, opts)         # radix 7
    spectral(1, 2, 13, 26, False, False, opts)      # radix 13
    spectral(1, 3, 17, 34, False, False, opts)      # 2 * 17: Bluestein
    spectral(1, 2, 4097, 8194, False, False, opts.replace("=512", "=4096"))  # 2 * 17 * 241: Bluestein
    spectral(1, 1, 1, 1, True, False, opts)         # n = 1

def irfft_test(shape, n, mlen, opts):
    X = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(np.complex64)
    oshape = shape[:-1] + (mlen,)
    op = "%%y = orchid.irfft %%a0 size %d : %s -> %s" % (n, ty(shape, "complex<f32>"), ty(oshape))
    got = run(op, [(ty(shape, "complex<f32>"), X)], oshape, opts)
    ref = np.fft.irfft(X.astype(np.complex128), n)[..., :mlen]
    report("irfft %s n=%d m=%d %s" % (shape, n, mlen, opts), np.linalg.norm(got - ref) / np.linalg.norm(ref))

def short_test(B, C, L, K, padding):
    x = rng.standard_normal((B, C, L)).astype(np.float32)
    w = rng.standard_normal((C, K)).astype(np.float32)
    b = rng.standard_normal(C).astype(np.float32)
    op = "%%y = orchid.short_conv %s %%a0, %%a1, %%a2 : %s, %s, %s -> %s" % (padding, ty(x.shape), ty(w.shape), ty(b.shape), ty(x.shape))
    got = run(op, [(ty(x.shape), x), (ty(w.shape), w), (ty(b.shape), b)], x.shape, "max-threads=8")
    p = K - 1 if padding == "causal" else (K - 1) // 2
    xp = np.pad(x.astype(np.float64), ((0, 0), (0, 0), (p, K)))
    ref = b[None, :, None] + sum(w[None, :, j, None] * xp[..., j:j + L] for j in range(K))
    report("short %s K=%d" % (padding, K), np.linalg.norm(got - ref) / np.linalg.norm(ref))

for opts in PATHS:
    irfft_test((3, 9), 16, 16, opts)
    irfft_test((2, 2, 61), 120, 100, opts)
    irfft_test((3, 20), 38, 38, opts)               # 2 * 19: Bluestein
short_test(2, 3, 50, 3, "causal")
short_test(1, 4, 77, 5, "centered")

def roundtrip(shape, n, opts):
    x = rng.standard_normal(shape).astype(np.float32)
    m = n // 2 + 1
    cshape = shape[:-1] + (m,)
    # Forward-normalised rfft then un-normalised irfft (norm forward): x back,
    # checks rfft's scaling and bins against irfft's.
    op = ("%%X = orchid.rfft %%a0 size %d norm forward : %s -> %s\n" % (n, ty(shape), ty(cshape, "complex<f32>")) +
          "  %%y = orchid.irfft %%X size %d norm forward : %s -> %s" % (n, ty(cshape, "complex<f32>"), ty(shape)))
    got = run(op, [(ty(shape), x)], shape, opts)
    report("rfft+irfft %s n=%d %s" % (shape, n, opts), np.linalg.norm(got - x) / np.linalg.norm(x))

for opts in PATHS:
    roundtrip((3, 100), 240, opts)
    roundtrip((2, 5, 64), 64, opts)
    roundtrip((2, 37), 37, opts)                    # odd prime: Bluestein
def matmul_test(m, k, n):
    """A matrix product (the tiled kernel) with partial tiles in M, K, N."""
    a = rng.standard_normal((m, k)).astype(np.float32)
    b = rng.standard_normal((k, n)).astype(np.float32)
    c = rng.standard_normal((m, n)).astype(np.float32)
    op = ("%%y = linalg.matmul ins(%%a0, %%a1 : %s, %s) outs(%%a2 : %s) -> %s"
          % (ty(a.shape), ty(b.shape), ty(c.shape), ty(c.shape)))
    got = run(op, [(ty(a.shape), a), (ty(b.shape), b), (ty(c.shape), c)], c.shape, "max-threads=8")
    ref = c.astype(np.float64) + a.astype(np.float64) @ b.astype(np.float64)
    report("matmul %dx%dx%d" % (m, k, n), np.linalg.norm(got - ref) / np.linalg.norm(ref))

matmul_test(37, 40, 23)
matmul_test(16, 16, 32)

def block_test(path, fname):
    """A whole block against the CPU lowering on the same random inputs."""
    text = open(os.path.join(ROOT, path)).read()
    # Only this function, a module of its own for orchid-run.
    text = re.search(r"func\.func @%s\(.*?\n}\n" % fname, text, re.S).group(0)
    sig = re.search(r"func\.func @%s\((.*?)\)\s*->\s*tensor<([0-9x]+)xf32>" % fname, text, re.S)
    shapes = [tuple(int(d) for d in m.split("x")) for m in re.findall(r"%\w+: tensor<([0-9x]+)xf32>", sig.group(1))]
    out_shape = tuple(int(d) for d in sig.group(2).split("x"))
    args = [rng.uniform(-1, 1, shape).astype(np.float32) for shape in shapes]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, a in enumerate(args):
            files.append(os.path.join(tmp, "a%d.npy" % i)); np.save(files[-1], a)
        out = os.path.join(tmp, "y.npy")
        src = os.path.join(tmp, "f.mlir"); open(src, "w").write(text)
        subprocess.run([ORCHID_RUN, src, "--function=" + fname, "--output=" + out] +
                       ["--input=" + f for f in files], check=True, capture_output=True)
        ref = np.load(out).astype(np.float64)
    got = emulate(text, fname, [(ty(a.shape), a) for a in args], out_shape)
    report("block %s" % fname, np.linalg.norm(got - ref) / np.linalg.norm(ref), tol=1e-4)

block_test("examples/hyena.mlir", "hyena")
block_test("examples/orchid.mlir", "orchid")
for fname in ("hyena_n2_b1_l64_d8", "hyena_n2_b3_l13_d5", "hyena_n2_b2_l100_d6",
              "hyena_n3_b2_l24_d4", "hyena_n3_b1_l37_d3"):
    block_test("test/Integration/Blocks/hyena.mlir", fname)
for fname in ("orchid_correlation_circular_n2_b2_l20_d4", "orchid_correlation_causal_n2_b1_l15_d3",
              "orchid_correlation_bidirectional_n2_b2_l8_d4", "orchid_correlation_causal_n3_b1_l11_d3"):
    block_test("test/Integration/Blocks/orchid-correlation.mlir", fname)
for fname in ("orchid_spectral_circular_n2_b2_l12_d4", "orchid_spectral_causal_n2_b1_l30_d6",
              "orchid_spectral_bidirectional_n2_b2_l9_d3", "orchid_spectral_circular_n3_b1_l10_d2"):
    block_test("test/Integration/Blocks/orchid-spectral.mlir", fname)
sys.exit("failed: " + ", ".join(failures) if failures else 0)
