//===- Passes.td - Orchid CPU conversion passes ------------*- tablegen -*-===//

#ifndef ORCHID_LOWERING_CPU_PASSES_TD
#define ORCHID_LOWERING_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def OrchidConvertFFTToLoops : Pass<"orchid-convert-fft-to-loops",
                                   "::mlir::ModuleOp"> {
  let summary = "Lower orchid.rfft and orchid.irfft to generated vector FFT code";
  let description = [{
    Replaces each `orchid.rfft` / `orchid.irfft` on tensors by buffer code:
    the operands are read through `bufferization.to_buffer`, the result is a
    fresh `memref.alloc` handed back with `bufferization.to_tensor restrict`,
    and the rows (all leading axes) are processed in tiles of 16, the tiles
    split over an `scf.parallel` of one chunk per thread. Each tile is
    transposed into a `[n][16]` lane buffer (one signal per lane of a
    `vector<16xf32>`) and transformed by a private function
    `@__orchid_fft_<n>_{fwd,inv}` generated for that size: a Stockham
    mixed-radix FFT (radices 8, 4, 2, 5, 3 and odd primes up to 13) with
    twiddles in `memref.global` constants, or Bluestein's chirp-z algorithm
    when `n` has a larger prime factor. From n = 16384 on, the transform is
    a four-step one (n = n1 n2) whose short Stockham transforms stay in
    cache. When there are fewer tiles than threads and the transform is
    four-step, the tiles run one after the other and each transform splits
    its short transforms over threads instead
    (`@__orchid_fft_<n>_{fwd,inv}_par`).

    Before anything is generated, an op with a dynamic size, or with
    `n` above `fft::kMaxFFTSize` = 2^22 points, is reported (see
    docs/robustness.md).

    ```mlir
    %X = orchid.rfft %x size 8 : tensor<4x8xf32> -> tensor<4x5xcomplex<f32>>
    // becomes
    %b = bufferization.to_buffer %x read_only : ...
    %o = memref.alloc() : memref<4x5xcomplex<f32>>
    scf.parallel (%tile) = ... {
      ... func.call @__orchid_fft_8_fwd(...)
    }
    %X = bufferization.to_tensor %o restrict : ...
    ```
  }];
  let options = [
    Option<"threads", "threads", "int64_t", /*default=*/"0",
           "Threads the kernels split their work for (0: the hardware "
           "threads of this machine)">];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::complex::ComplexDialect", "::mlir::func::FuncDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect"];
}

def OrchidConvertSpectralConvToLoops
    : Pass<"orchid-convert-spectral-conv-to-loops", "::mlir::ModuleOp"> {
  let summary = "Lower orchid.spectral_conv to a fused per-tile FFT kernel";
  let description = [{
    Each `(batch, 32-channel tile)` of an `orchid.spectral_conv` runs the
    whole convolution in one pass over memory: read two groups of 16
    channels into the real and imaginary planes of a lane buffer (zero
    padded; 16 x 16 blocks transposed in registers), forward FFT, separate
    the two spectra and multiply them by the kernel spectrum (two-for-one),
    inverse FFT, optional folding modulo L (`wrap`), then transpose back,
    scale, add `bias * u` and store the valid channels. Tiles are
    distributed over an `scf.parallel` of one chunk per thread, each
    allocating its lane buffers once; with fewer tiles than threads, large
    transforms are parallel instead. FFTs, buffer handling and the limits
    checked first (static shapes, `n` at most `fft::kMaxFFTSize`) are as in
    `orchid-convert-fft-to-loops`.
  }];
  let options = [
    Option<"threads", "threads", "int64_t", /*default=*/"0",
           "Threads the kernels split their work for (0: the hardware "
           "threads of this machine)">];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::complex::ComplexDialect", "::mlir::func::FuncDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect"];
}

def OrchidConvertShortConvToLoops
    : Pass<"orchid-convert-short-conv-to-loops", "::mlir::ModuleOp"> {
  let summary = "Lower orchid.short_conv to a vector kernel";
  let description = [{
    Computes each row (one channel of one sequence) 16 time steps at a time:
    `y[t0 + i] = bias + sum_j w[j] x[t0 + i + j - P]` (P = K - 1 causal,
    (K - 1) / 2 centered) as K fused multiply-adds of shifted vector reads
    of the row. Reads past the end are masked (`vector.transfer_read` with
    a zero padding); the first block, which reads before the row, shifts
    its first read with zeros in front, so the input is never padded in
    memory. Rows are split over an `scf.parallel` of one chunk per thread.
    Ops with dynamic shapes or more than 16 leading zeros are left to
    `orchid-convert-short-conv-to-linalg`.

    ```mlir
    %y = orchid.short_conv causal %x, %w, %b : ...
    // becomes, per row and block of 16 steps:
    %r = vector.transfer_read %x[%row, %s], %zero : memref<...>, vector<16xf32>
    %acc = vector.fma %w0, %r, %bias : vector<16xf32>
    ...
    vector.transfer_write %acc, %y[%row, %t0] : vector<16xf32>, memref<...>
    ```
  }];
  let options = [
    Option<"threads", "threads", "int64_t", /*default=*/"0",
           "Threads the rows are split over (0: the hardware threads of "
           "this machine)">];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect"];
}

def OrchidConvertShortConvToLinalg
    : Pass<"orchid-convert-short-conv-to-linalg"> {
  let summary = "Lower orchid.short_conv to tensor.pad and linalg.generic";
  let description = [{
    Rewrites the depthwise short convolution as a zero `tensor.pad` of the
    sequence axis, a bias broadcast and one `linalg.generic` with a
    reduction over the K taps, so that it follows generic linalg code
    through bufferization and loop lowering.

    ```mlir
    %y = orchid.short_conv causal %x, %w, %b : ...
    // becomes
    %p = tensor.pad %x low[0, 0, 2] high[0, 0, 0] { ... }
    %i = linalg.generic ... // broadcast %b
    %y = linalg.generic {iterator_types = ["parallel", "parallel",
                          "parallel", "reduction"]} ins(%p, %w) outs(%i)
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def OrchidConvertMatmulToRuntime
    : Pass<"orchid-convert-matmul-to-runtime", "::mlir::ModuleOp"> {
  let summary = "Call the runtime's GEMM for f32 linalg.matmul on buffers";
  let description = [{
    The projections of Hyena and Orchid blocks are large matrix products
    (`(B L) x D` by `D x 3D` for the input projection). Loops generated
    from `linalg.matmul` run at a small fraction of a tuned GEMM, so this
    pass replaces each `linalg.matmul` on f32 buffers, with the default
    indexing maps, by a call to `orchid_sgemm` of `liborchid_cpu_runtime`,
    which computes `C += A B` with OpenBLAS for any strided operands. The
    declaration carries `llvm.emit_c_interface`: the runtime receives
    memref descriptors.

    ```mlir
    linalg.matmul ins(%a, %b : memref<64x8xf32>, memref<8x24xf32>)
                  outs(%c : memref<64x24xf32>)
    // becomes
    %0 = memref.cast %a : memref<64x8xf32>
                        to memref<?x?xf32, strided<[?, ?], offset: ?>>
    ...
    func.call @orchid_sgemm(%0, %1, %2) : (...) -> ()
    ```
  }];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::memref::MemRefDialect"];
}

def OrchidConvertTransposeToBlocks
    : Pass<"orchid-convert-transpose-to-blocks", "::mlir::ModuleOp"> {
  let summary = "Lower f32 linalg.transpose of the two innermost dimensions "
                "to blocked register transposes";
  let description = [{
    Blocks move between the channel-major layout of the convolutions and
    the token-major layout of the projections with `linalg.transpose` of
    the two innermost dimensions (`[1, 0]`, `[0, 2, 1]`, ...). The loops of
    `convert-linalg-to-loops` read or write one of the two buffers with a
    stride of a whole row per element. On f32 buffers with a unit inner
    stride, this pass emits 16 x 16 blocks instead: 16 masked row loads,
    a `vector.transpose` and 16 masked row stores, with strips of 16 rows
    split over an `scf.parallel` of one chunk per thread.
  }];
  let options = [
    Option<"threads", "threads", "int64_t", /*default=*/"0",
           "Threads the transposes split their work for (0: the hardware "
           "threads of this machine)">];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect", "::mlir::vector::VectorDialect"];
}

def OrchidInlineAllocaScopes
    : Pass<"orchid-inline-alloca-scopes", "::mlir::ModuleOp"> {
  let summary = "Inline memref.alloca_scope ops that hold no stack allocation";
  let description = [{
    `convert-scf-to-openmp` wraps every parallel iteration in a
    `memref.alloca_scope`. Upstream canonicalization keeps a scope whose body
    calls a function (the callee might allocate on the stack of the caller,
    in its view), and `convert-scf-to-cf` then splits the scope's body into
    several blocks, which the op does not allow. A scope only releases
    `memref.alloca`s nested in it (a callee's allocations live in the
    callee's frame), so a scope without any nested `memref.alloca` can be
    inlined into its parent.
  }];
}

def OrchidEmitCInterface : Pass<"orchid-emit-c-interface", "::mlir::ModuleOp"> {
  let summary = "Mark public functions with llvm.emit_c_interface";
  let description = [{
    Adds the `llvm.emit_c_interface` unit attribute to every public
    `func.func` with a body, so that `convert-func-to-llvm` emits a
    `_mlir_ciface_<name>` wrapper taking memref descriptors by pointer, the
    entry point JIT drivers call.
  }];
}

#endif // ORCHID_LOWERING_CPU_PASSES_TD
