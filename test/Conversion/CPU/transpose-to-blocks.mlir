// RUN: orchid-opt %s -orchid-convert-transpose-to-blocks=threads=4 -split-input-file | FileCheck %s

// A 2-D transpose: strips of 16 rows in parallel chunks, 16 masked row
// loads, one 16 x 16 register transpose and 16 masked row stores per block.
// CHECK-LABEL: func.func @transpose_2d
// CHECK-SAME: (%[[IN:.*]]: memref<40x24xf32>, %[[OUT:.*]]: memref<24x40xf32>)
// CHECK: scf.parallel (%{{.*}}) = (%c0{{.*}}) to (%c3{{.*}})
// CHECK: scf.for
// CHECK-COUNT-16: vector.maskedload %[[IN]]
// CHECK: vector.transpose %{{.*}}, [1, 0] : vector<16x16xf32> to vector<16x16xf32>
// CHECK-COUNT-16: vector.maskedstore %[[OUT]]
// CHECK-NOT: linalg.transpose
func.func @transpose_2d(%in: memref<40x24xf32>, %out: memref<24x40xf32>) {
  linalg.transpose ins(%in : memref<40x24xf32>) outs(%out : memref<24x40xf32>) permutation = [1, 0]
  return
}

// -----

// Leading dimensions loop around rank-reduced matrix views.
// CHECK-LABEL: func.func @transpose_batched
// CHECK: scf.for %[[B:.*]] = %c0{{.*}} to %c2
// CHECK: memref.subview %{{.*}}[%[[B]], 0, 0] [1, 5, 7] [1, 1, 1] : memref<2x5x7xf32> to memref<5x7xf32, strided<[7, 1], offset: ?>>
// CHECK: memref.subview %{{.*}}[%[[B]], 0, 0] [1, 7, 5] [1, 1, 1] : memref<2x7x5xf32> to memref<7x5xf32, strided<[5, 1], offset: ?>>
// CHECK: vector.transpose
func.func @transpose_batched(%in: memref<2x5x7xf32>, %out: memref<2x7x5xf32>) {
  linalg.transpose ins(%in : memref<2x5x7xf32>) outs(%out : memref<2x7x5xf32>) permutation = [0, 2, 1]
  return
}

// -----

// Other permutations, element types and tensors are left to linalg.
// CHECK-LABEL: func.func @not_converted
// CHECK-COUNT-3: linalg.transpose
func.func @not_converted(%a: memref<2x3x4xf32>, %b: memref<4x3x2xf32>,
                         %c: memref<3x4xf64>, %d: memref<4x3xf64>,
                         %t: tensor<3x4xf32>, %u: tensor<4x3xf32>) -> tensor<4x3xf32> {
  linalg.transpose ins(%a : memref<2x3x4xf32>) outs(%b : memref<4x3x2xf32>) permutation = [2, 1, 0]
  linalg.transpose ins(%c : memref<3x4xf64>) outs(%d : memref<4x3xf64>) permutation = [1, 0]
  %r = linalg.transpose ins(%t : tensor<3x4xf32>) outs(%u : tensor<4x3xf32>) permutation = [1, 0]
  return %r : tensor<4x3xf32>
}
