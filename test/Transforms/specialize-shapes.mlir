// RUN: orchid-opt %s -split-input-file --orchid-specialize-shapes="seq-len=8 batch=2" | FileCheck %s
// RUN: orchid-opt %s -split-input-file --orchid-specialize-shapes="seq-len=8" | FileCheck %s --check-prefix=LEN
// RUN: orchid-opt %s -split-input-file --orchid-specialize-shapes | FileCheck %s --check-prefix=NONE

// The sequence length of the signature and of the op; the casts between
// them fold away.
// CHECK-LABEL: func.func @fftconv(
// CHECK-SAME:      %[[U:[^:]+]]: tensor<1x4x8xf32>, %[[K:[^:]+]]: tensor<4x8xf32>, %[[B:[^:]+]]: tensor<4xf32>) -> tensor<1x4x8xf32>
// CHECK-NEXT:    %[[Y:.+]] = orchid.fftconv causal %[[U]], %[[K]], %[[B]] : tensor<1x4x8xf32>, tensor<4x8xf32>, tensor<4xf32> -> tensor<1x4x8xf32>
// CHECK-NEXT:    return %[[Y]] : tensor<1x4x8xf32>
// NONE-LABEL: func.func @fftconv(
// NONE-SAME:      tensor<1x4x?xf32>
func.func @fftconv(%u: tensor<1x4x?xf32>, %k: tensor<4x?xf32>, %b: tensor<4xf32>) -> tensor<1x4x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x4x?xf32>, tensor<4x?xf32>, tensor<4xf32> -> tensor<1x4x?xf32>
  return %y : tensor<1x4x?xf32>
}

// -----

// The leading dimension of a rank-3 tensor is the batch; without `batch`
// it stays dynamic.
// CHECK-LABEL: func.func @hyena(
// CHECK-SAME:      %{{[^:]+}}: tensor<2x8x4xf32>
// CHECK-SAME:      -> tensor<2x8x4xf32>
// CHECK:         orchid.hyena {{.*}} -> tensor<2x8x4xf32>
// LEN-LABEL: func.func @hyena(
// LEN-SAME:      %{{[^:]+}}: tensor<?x8x4xf32>
// LEN:           orchid.hyena {{.*}} -> tensor<?x8x4xf32>
func.func @hyena(%x: tensor<?x?x4xf32>, %in_w: tensor<12x4xf32>,
    %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<?x?x4xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 16>}
      : (tensor<?x?x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<?x?x4xf32>
  return %y : tensor<?x?x4xf32>
}

// -----

// Canonicalisation carries the sizes to the upstream ops.
// CHECK-LABEL: func.func @sizes(
// CHECK-SAME:      %{{[^:]+}}: tensor<2x3x8xf32>) -> (index, index)
// CHECK-DAG:     %[[C2:.+]] = arith.constant 2 : index
// CHECK-DAG:     %[[C8:.+]] = arith.constant 8 : index
// CHECK:         return %[[C2]], %[[C8]]
func.func @sizes(%x: tensor<?x3x?xf32>) -> (index, index) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %b = tensor.dim %x, %c0 : tensor<?x3x?xf32>
  %l = tensor.dim %x, %c2 : tensor<?x3x?xf32>
  return %b, %l : index, index
}

// -----

// Static functions are left as they are.
// CHECK-LABEL: func.func @static(
// CHECK-NEXT:    %[[C:.+]] = arith.constant 1 : index
// CHECK-NEXT:    return %[[C]]
func.func @static(%x: tensor<1x3x5xf32>) -> index {
  %c1 = arith.constant 1 : index
  return %c1 : index
}
