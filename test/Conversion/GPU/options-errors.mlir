// RUN: not orchid-opt %s --orchid-convert-fft-to-gpu=max-threads=0 2>&1 | FileCheck %s --check-prefix=FFT
// RUN: not orchid-opt %s --orchid-convert-spectral-conv-to-gpu=max-threads=0 2>&1 | FileCheck %s --check-prefix=FFT
// RUN: not orchid-opt %s --orchid-convert-short-conv-to-gpu=block-size=0 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not orchid-opt %s --orchid-convert-linalg-to-gpu=block-size=0 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not orchid-opt %s --orchid-gpu-pipeline="max-threads=0" 2>&1 | FileCheck %s --check-prefix=PIPE-THREADS
// RUN: rm -f %t.out
// RUN: not orchid-opt %s --orchid-gpu-pipeline="format=bogus" -o %t.out 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not test -e %t.out
// RUN: not orchid-opt %s --orchid-gpu-pipeline="format=isa toolkit=%t.missing" -o %t.out 2>&1 | FileCheck %s --check-prefix=TOOLKIT
// RUN: not test -e %t.out

// Options the GPU passes and pipeline cannot work with: a thread count of
// 0 (once a division by zero), and a kernel format or toolkit that
// gpu-module-to-binary only reports, exiting 0 with the output written.

// FFT: option 'max-threads' must lie in [1, 1024], got 0
// BLOCK: option 'block-size' must lie in [1, 1024], got 0
// PIPE-THREADS: max-threads must lie in [1, 1024], got 0
// FORMAT: unknown kernel format 'bogus': expected fatbin, bin, isa or llvm
// TOOLKIT: CUDA toolkit '{{.*}}.missing' is not a directory

func.func @f(%u: tensor<1x2x8xf32>, %w: tensor<2x3xf32>, %b: tensor<2xf32>, %x: tensor<2x8xf32>) -> (tensor<1x2x8xf32>, tensor<2x5xcomplex<f32>>) {
  %y = orchid.short_conv causal %u, %w, %b : tensor<1x2x8xf32>, tensor<2x3xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  %s = orchid.rfft %x size 8 : tensor<2x8xf32> -> tensor<2x5xcomplex<f32>>
  return %y, %s : tensor<1x2x8xf32>, tensor<2x5xcomplex<f32>>
}
