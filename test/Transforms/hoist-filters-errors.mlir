// RUN: orchid-opt %s -split-input-file --orchid-decompose --orchid-lower-fftconv --orchid-hoist-filters --verify-diagnostics
// RUN: not orchid-opt %s -split-input-file --orchid-cpu-pipeline="prepare=1" 2>&1 | FileCheck %s --check-prefix=PIPELINE

// The prepare function's name is taken: the filter work cannot move.
// PIPELINE: error: cannot hoist the filters of 'hyena': the module already has a symbol named 'hyena_prepare'
// expected-error @below {{cannot hoist the filters of 'hyena': the module already has a symbol named 'hyena_prepare'}}
func.func @hyena(%x: tensor<1x12x4xf32>, %in_w: tensor<12x4xf32>,
    %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<1x12x4xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 16>}
      : (tensor<1x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x12x4xf32>
  return %y : tensor<1x12x4xf32>
}

func.func @hyena_prepare(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

// -----

// Without filter work to move, a function of that name is no clash: the
// pass leaves a module it has already split as it is.
func.func @identity(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

func.func @identity_prepare(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}
