// RUN: orchid-opt %s --orchid-check-lowered --split-input-file --verify-diagnostics
// The pipelines run this check before bufferization: each Orchid op left
// there is reported with the reason it was not lowered.
// RUN: not orchid-opt %s --orchid-cpu-pipeline --split-input-file 2>&1 | FileCheck %s --check-prefix=PIPELINE
// RUN: not orchid-opt %s --orchid-gpu-pipeline --split-input-file 2>&1 | FileCheck %s --check-prefix=PIPELINE

// The pipelines expand filters themselves: only the dynamic case fails.
// PIPELINE: error: 'orchid.fftconv' op has dynamic shapes: specialise the function to a sequence length first (orchid-run --seq-len)
// PIPELINE-NOT: error: 'orchid.
func.func @dynamic(%u: tensor<1x2x?xf32>, %k: tensor<2x?xf32>,
                   %b: tensor<2xf32>) -> tensor<1x2x?xf32> {
  // expected-error @below {{has dynamic shapes: specialise the function to a sequence length first (orchid-run --seq-len)}}
  %y = orchid.fftconv causal %u, %k, %b
      : tensor<1x2x?xf32>, tensor<2x?xf32>, tensor<2xf32> -> tensor<1x2x?xf32>
  return %y : tensor<1x2x?xf32>
}

// -----

func.func @filter(%w_in: tensor<8x3xf32>, %b_in: tensor<8xf32>,
    %w_inner: tensor<2x8x8xf32>, %b_inner: tensor<2x8xf32>,
    %freq: tensor<3x8xf32>, %w_out: tensor<4x8xf32>) -> tensor<2x2x4xf32> {
  // expected-error @below {{computes a filter: run orchid-expand-filters first}}
  %h = orchid.implicit_filter %w_in, %b_in, %w_inner, %b_inner, %freq, %w_out
      {config = #orchid.filter<l_max = 8>}
      : tensor<8x3xf32>, tensor<8xf32>, tensor<2x8x8xf32>, tensor<2x8xf32>,
        tensor<3x8xf32>, tensor<4x8xf32> -> tensor<2x2x4xf32>
  return %h : tensor<2x2x4xf32>
}

// -----

// Lowered by both pipelines; the check alone reports it.
func.func @static(%x: tensor<2x16xf32>) -> tensor<2x9xcomplex<f32>> {
  // expected-error @below {{has no lowering on this target}}
  %y = orchid.rfft %x size 16 : tensor<2x16xf32> -> tensor<2x9xcomplex<f32>>
  return %y : tensor<2x9xcomplex<f32>>
}
