// orchid-run reports bad uses of --prepare, --weights and --save-inputs
// with a message and a non-zero exit status.

// RUN: rm -rf %t && mkdir -p %t
// RUN: orchid-run %s --function=hyena --random --save-inputs=%t/weights

// A missing weight file.
// RUN: mkdir -p %t/missing
// RUN: cp %t/weights/x.npy %t/weights/in_proj_weight.npy %t/weights/in_proj_bias.npy %t/missing
// RUN: not orchid-run %s --function=hyena --weights=%t/missing 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: 'short_filter_weight' ((N+1)D x K): cannot read '{{.*}}missing/short_filter_weight.npy'

// A weight of the wrong shape, then of the wrong dtype.
// RUN: cp -r %t/weights %t/shape
// RUN: cp %t/weights/out_proj_weight.npy %t/shape/filter_freq.npy
// RUN: not orchid-run %s --function=hyena --weights=%t/shape 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: error: 'filter_freq' ((M+1) x W) from '{{.*}}filter_freq.npy' is 4x4xfloat32 but the function expects 3x16xfloat32
// RUN: cp -r %t/weights %t/dtype
// RUN: orchid-run %s --function=float64 --random --output=%t/dtype/out_proj_bias.npy
// RUN: not orchid-run %s --function=hyena --weights=%t/dtype 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: error: 'out_proj_bias' (D) from '{{.*}}out_proj_bias.npy' is 4xfloat64 but the function expects 4xfloat32

// The input x given twice or randomly.
// RUN: not orchid-run %s --function=hyena --weights=%t/weights --input=%t/weights/x.npy --input=%t/weights/x.npy 2>&1 | FileCheck %s --check-prefix=TWO-INPUTS
// TWO-INPUTS: error: with --weights, --input gives only the block input x; 2 were given
// RUN: not orchid-run %s --function=hyena --weights=%t/weights --random 2>&1 | FileCheck %s --check-prefix=RANDOM
// RANDOM: error: --random and --weights are exclusive

// Names are documented only for blocks.
// RUN: not orchid-run %s --function=float64 --weights=%t/weights 2>&1 | FileCheck %s --check-prefix=NOT-BLOCK
// RUN: not orchid-run %s --function=float64 --random --save-inputs=%t/other 2>&1 | FileCheck %s --check-prefix=NOT-BLOCK
// RUN: not orchid-run %s --function=float64 --list-weights 2>&1 | FileCheck %s --check-prefix=NOT-BLOCK
// NOT-BLOCK: error: 'float64' is not a block: its body must be a single orchid.hyena or orchid.orchid op
// RUN: not orchid-run %s --function=unused_argument --list-weights 2>&1 | FileCheck %s --check-prefix=NOT-OPERAND
// NOT-OPERAND: error: argument 1 of 'unused_argument' is not an operand of its orchid.hyena

// --prepare needs filter work to hoist and a free name for it.
// RUN: not orchid-run %s --function=float64 --random --prepare 2>&1 | FileCheck %s --check-prefix=NOTHING
// NOTHING: error: 'float64' has no filter work to hoist: no implicit filter reads weights passed as arguments
// RUN: not orchid-run %s --function=clash --random --prepare 2>&1 | FileCheck %s --check-prefix=CLASH
// CLASH: cannot hoist the filters of 'clash': the module already has a symbol named 'clash_prepare'

func.func @float64(%a: tensor<4xf64>) -> tensor<4xf64> {
  return %a : tensor<4xf64>
}

// A block that calls a function of its prepare function's name, which
// orchid-run therefore compiles too.
func.func @clash(%x: tensor<1x12x4xf32>, %in_w: tensor<12x4xf32>,
    %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<1x12x4xf32> {
  %b = func.call @clash_prepare(%out_b) : (tensor<4xf32>) -> tensor<4xf32>
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %b
      {order = 2 : i64, filter = #orchid.filter<l_max = 16>}
      : (tensor<1x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x12x4xf32>
  return %y : tensor<1x12x4xf32>
}

func.func @clash_prepare(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

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

func.func @unused_argument(%x: tensor<1x12x4xf32>, %unused: tensor<4xf32>, %in_w: tensor<12x4xf32>,
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
