//===- Passes.td - Orchid GPU conversion passes ------------*- tablegen -*-===//

#ifndef ORCHID_LOWERING_GPU_PASSES_TD
#define ORCHID_LOWERING_GPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def OrchidConvertSpectralConvToGPU
    : Pass<"orchid-convert-spectral-conv-to-gpu", "ModuleOp"> {
  let summary = "Lower orchid.spectral_conv to one fused gpu.launch";
  let description = [{
    Rewrites each `orchid.spectral_conv` with static shapes into a single
    `gpu.launch` that reads its operands' buffers and writes a new one
    (`orchid-move-buffers-to-device` places them on the device). Each
    thread block handles a pair of rows `(b, d)`: the two real rows are
    packed into one complex signal, transformed by a mixed-radix
    (8, 4, 2, 5, 3, 7, 11, 13) Stockham FFT of size `n`, multiplied by the
    two kernel spectra (separated with the Hermitian symmetry of real
    signals), transformed back, and the skip term `bias[d] * u` is added
    (after folding modulo L for `wrap`). Sizes with a larger prime factor
    use Bluestein's algorithm on a 2^a 3^b 5^c grid of at least 2n - 1
    points. Twiddles and Bluestein's chirps are constant tables computed in
    double precision. The block has one thread per butterfly of the stage
    with the fewest; the other stages give each thread several, with
    barriers between stages.

    When the 8 bytes per point of the transform (for Bluestein, of its
    grid) fit in `max-shared-memory` bytes the FFT runs in dynamic shared
    memory. Longer rows live in a global-memory scratch buffer and are
    transformed by the four-step algorithm, n = n1 * n2: the columns, then
    the rows, each in tiles in shared memory, so that the row is read and
    written twice. When not even one column fits, every stage is a pass
    over the scratch buffer.

    Limits, checked before any kernel is built (docs/robustness.md): `n`
    at most `fft::kMaxFFTSize` = 2^22 points; `max-threads` in [1, 1024];
    at most `kMaxUnrolledRounds` = 1024 rounds of butterflies unrolled per
    kernel (the shared-memory stages unroll ceil(butterflies / threads)
    rounds each, so a small `max-threads` on a long row is refused).
  }];
  let options = [
    Option<"maxSharedMemory", "max-shared-memory", "int64_t",
           /*default=*/"101376",
           "Dynamic shared memory per block (bytes) the FFT may use">,
    Option<"maxThreads", "max-threads", "int64_t", /*default=*/"1024",
           "Most threads per block, in [1, 1024]; a kernel unrolls at most "
           "1024 rounds of butterflies (kMaxUnrolledRounds)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::complex::ComplexDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def OrchidConvertFFTToGPU : Pass<"orchid-convert-fft-to-gpu", "ModuleOp"> {
  let summary = "Lower orchid.rfft and orchid.irfft to gpu.launch";
  let description = [{
    Lowers the standalone transforms with the kernel of
    `orchid-convert-spectral-conv-to-gpu`: two real rows per block packed
    into one complex FFT for `orchid.rfft`, two Hermitian spectra combined
    into one complex inverse FFT for `orchid.irfft`, with the same limits.
  }];
  let options = [
    Option<"maxSharedMemory", "max-shared-memory", "int64_t",
           /*default=*/"101376",
           "Dynamic shared memory per block (bytes) the FFT may use">,
    Option<"maxThreads", "max-threads", "int64_t", /*default=*/"1024",
           "Most threads per block, in [1, 1024]; a kernel unrolls at most "
           "1024 rounds of butterflies (kMaxUnrolledRounds)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::complex::ComplexDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def OrchidConvertShortConvToGPU
    : Pass<"orchid-convert-short-conv-to-gpu", "func::FuncOp"> {
  let summary = "Lower orchid.short_conv to gpu.launch";
  let description = [{
    One block per row `(b, c)` and one thread per output position (strided
    over the row), on the operands' buffers: each thread reads its K taps from global memory, which
    the caches serve, adds the bias and writes one output. Padding is
    implicit: taps outside the row read as zero. The taps are unrolled, so
    kernels of more than 1024 taps (`kMaxShortConvTaps`) are refused with a
    diagnostic; long kernels belong in `orchid.fftconv`.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "Threads per block, in [1, 1024]">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def OrchidConvertLinalgToGPU
    : Pass<"orchid-convert-linalg-to-gpu", "func::FuncOp"> {
  let summary = "Lower structured ops on buffers to gpu.launch";
  let description = [{
    Lowers each linalg op on buffers outside kernels (projections, gates,
    transposes, normalisations, filter networks) and each host
    `memref.copy` to a `gpu.launch` with one thread per point of the op's
    parallel iteration space. That space is linearised row-major over a
    1-D grid of `block-size` threads per block, so consecutive threads
    access consecutive elements of the innermost parallel dimension and no
    grid dimension limit applies; an op without parallel dimensions runs on
    one thread. Reduction dimensions are loops inside each thread that
    carry the partial results in registers, loaded before and stored after
    them. A `linalg.matmul` of 2-D f32 buffers is a tiled kernel instead:
    16 x 16 tiles of C, one per block, with tiles of A and B staged in
    shared memory along K. Shapes must be static.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "Threads per block, in [1, 1024]">,
  ];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def OrchidMoveBuffersToDevice
    : Pass<"orchid-move-buffers-to-device", "ModuleOp"> {
  let summary = "Place a function's buffers on the device";
  let description = [{
    Runs after bufferization, once every computation of a function is in
    `gpu.launch` ops. Memref arguments and host constants
    (`memref.get_global`) are copied to device buffers at their definition,
    `memref.alloc` becomes `gpu.alloc`, and each returned buffer is copied
    into a new host buffer before the return. Every device buffer is freed
    after its last use, so intermediate results stay on the device between
    kernels and only the function's inputs and results cross the bus.
    Arguments are inputs: what kernels write into them is not copied back
    (bufferized functions return every result).

    Fails with a diagnostic on an op outside kernels that reads or writes a
    device buffer, on stack buffers and on unstructured control flow.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::memref::MemRefDialect"];
}

#endif // ORCHID_LOWERING_GPU_PASSES_TD
