// RUN: orchid-opt %s -orchid-convert-matmul-to-runtime -split-input-file | FileCheck %s

// An f32 matmul on buffers becomes a call of the runtime's GEMM on fully
// strided views; the declaration asks for the C interface.
// CHECK: func.func private @orchid_sgemm(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>) attributes {llvm.emit_c_interface}
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<64x8xf32>, %[[B:.*]]: memref<8x24xf32, strided<[32, 1], offset: 4>>, %[[C:.*]]: memref<64x24xf32>)
// CHECK: %[[CA:.*]] = memref.cast %[[A]] : memref<64x8xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK: %[[CB:.*]] = memref.cast %[[B]]
// CHECK: %[[CC:.*]] = memref.cast %[[C]]
// CHECK: call @orchid_sgemm(%[[CA]], %[[CB]], %[[CC]])
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: memref<64x8xf32>, %b: memref<8x24xf32, strided<[32, 1], offset: 4>>,
                  %c: memref<64x24xf32>) {
  linalg.matmul ins(%a, %b : memref<64x8xf32>, memref<8x24xf32, strided<[32, 1], offset: 4>>)
                outs(%c : memref<64x24xf32>)
  return
}

// -----

// Other element types, tensors and transposed indexing maps stay linalg.
// CHECK-NOT: @orchid_sgemm
// CHECK-LABEL: func.func @not_converted
// CHECK-COUNT-3: linalg.matmul
func.func @not_converted(%a: memref<4x3xf64>, %b: memref<3x5xf64>, %c: memref<4x5xf64>,
                         %ta: tensor<4x3xf32>, %tb: tensor<3x5xf32>, %tc: tensor<4x5xf32>,
                         %x: memref<3x4xf32>, %y: memref<3x5xf32>, %z: memref<4x5xf32>) -> tensor<4x5xf32> {
  linalg.matmul ins(%a, %b : memref<4x3xf64>, memref<3x5xf64>) outs(%c : memref<4x5xf64>)
  %r = linalg.matmul ins(%ta, %tb : tensor<4x3xf32>, tensor<3x5xf32>) outs(%tc : tensor<4x5xf32>) -> tensor<4x5xf32>
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>,
                                 affine_map<(m, n, k) -> (k, n)>,
                                 affine_map<(m, n, k) -> (m, n)>]
      ins(%x, %y : memref<3x4xf32>, memref<3x5xf32>) outs(%z : memref<4x5xf32>)
  return %r : tensor<4x5xf32>
}
