// REQUIRES: ptxas
// Every kernel the GPU lowering emits assembles with ptxas: shared-memory,
// global-memory and four-step FFTs, radices 2 to 8, 3, 5 and 13,
// Bluestein, rfft, irfft, wrap, the short convolution and the kernel
// scaling of the circular mode (a structured op lowered by
// orchid-convert-linalg-to-gpu).
// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa" \
// RUN:   | python3 %S/Inputs/check_ptx.py --ptxas %ptxas --arch sm_90 \
// RUN:   | FileCheck %s
// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa max-shared-memory=0" \
// RUN:   | python3 %S/Inputs/check_ptx.py --ptxas %ptxas --arch sm_90 \
// RUN:   | FileCheck %s
// Four-step transforms with tiles in 4 KB of shared memory:
// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa max-shared-memory=4096" \
// RUN:   | python3 %S/Inputs/check_ptx.py --ptxas %ptxas --arch sm_90 \
// RUN:   | FileCheck %s
// RUN: orchid-opt %s --orchid-gpu-pipeline="format=isa chip=sm_80 features=+ptx80" \
// RUN:   | python3 %S/Inputs/check_ptx.py --ptxas %ptxas --arch sm_80 \
// RUN:   | FileCheck %s
// The cubin path runs ptxas itself.
// RUN: orchid-opt %s --orchid-gpu-pipeline="format=bin" | FileCheck %s --check-prefix=BIN

// CHECK: ptxas: 12 PTX modules assembled
// BIN-COUNT-12: gpu.binary

// n = 8192 (L = 4096): the largest power of two in 64 KB of shared memory.
func.func @causal_4k(%u: tensor<1x2x4096xf32>, %k: tensor<2x4096xf32>,
                     %b: tensor<2xf32>) -> tensor<1x2x4096xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x2x4096xf32>, tensor<2x4096xf32>, tensor<2xf32>
        -> tensor<1x2x4096xf32>
  return %y : tensor<1x2x4096xf32>
}

// n = 1350 = 2 * 27 * 25.
func.func @circular(%u: tensor<2x3x675xf32>, %k: tensor<3x675xf32>,
                    %b: tensor<3xf32>) -> tensor<2x3x675xf32> {
  %y = orchid.fftconv circular %u, %k, %b {scale = 0.5}
      : tensor<2x3x675xf32>, tensor<3x675xf32>, tensor<3xf32>
        -> tensor<2x3x675xf32>
  return %y : tensor<2x3x675xf32>
}

func.func @transforms(%x: tensor<3x100xf32>) -> tensor<3x100xf32> {
  %X = orchid.rfft %x size 240 : tensor<3x100xf32> -> tensor<3x121xcomplex<f32>>
  %y = orchid.irfft %X size 240 : tensor<3x121xcomplex<f32>> -> tensor<3x100xf32>
  return %y : tensor<3x100xf32>
}

func.func @short(%x: tensor<2x6x64xf32>, %w: tensor<6x3xf32>,
                 %b: tensor<6xf32>) -> tensor<2x6x64xf32> {
  %y = orchid.short_conv causal %x, %w, %b
      : tensor<2x6x64xf32>, tensor<6x3xf32>, tensor<6xf32> -> tensor<2x6x64xf32>
  return %y : tensor<2x6x64xf32>
}

// n = 34 = 2 * 17 (Bluestein on 72 points) and n = 26 (radix 13).
func.func @bluestein(%u: tensor<1x3x17xf32>, %k: tensor<3x17xf32>,
                     %b: tensor<3xf32>) -> tensor<1x3x17xf32> {
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x3x17xf32>, tensor<3x17xf32>, tensor<3xf32>
        -> tensor<1x3x17xf32>
  %X = orchid.rfft %y size 26 : tensor<1x3x17xf32> -> tensor<1x3x14xcomplex<f32>>
  %z = orchid.irfft %X size 26 : tensor<1x3x14xcomplex<f32>> -> tensor<1x3x17xf32>
  return %z : tensor<1x3x17xf32>
}
