// RUN: orchid-opt %s --orchid-convert-linalg-to-gpu="block-size=8" --canonicalize --split-input-file | FileCheck %s

// 2 x 3 x 5 = 30 points on 4 blocks of 8 threads: the last block is partly
// masked, and the linear id is split innermost dimension first.
// CHECK-LABEL: func.func @elementwise
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[C4]], {{.*}}) threads({{.*}}) in ({{.*}} = %[[C8]],
// CHECK: %[[BID:.*]] = gpu.block_id x
// CHECK: %[[TID:.*]] = gpu.thread_id x
// CHECK: %[[MUL:.*]] = arith.muli %[[BID]], %{{.*}} : index
// CHECK: %[[ID:.*]] = arith.addi %[[MUL]], %[[TID]] : index
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[ID]], %{{.*}} : index
// CHECK: scf.if %[[IN]] {
// CHECK: %[[K:.*]] = arith.remui %[[ID]], %{{.*}} : index
// CHECK: %[[R1:.*]] = arith.divui %[[ID]], %{{.*}} : index
// CHECK: %[[J:.*]] = arith.remui %[[R1]], %{{.*}} : index
// CHECK: %[[I:.*]] = arith.divui %[[R1]], %{{.*}} : index
// CHECK: %[[X:.*]] = memref.load %{{.*}}[%[[I]], %[[J]], %[[K]]]
// CHECK: %[[Y:.*]] = arith.mulf %[[X]], %[[X]] : f32
// CHECK: memref.store %[[Y]], %{{.*}}[%[[I]], %[[J]], %[[K]]]
// CHECK: gpu.terminator
// CHECK-NOT: linalg.generic
#id3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @elementwise(%x: memref<2x3x5xf32>, %y: memref<2x3x5xf32>) {
  linalg.generic {indexing_maps = [#id3, #id3],
                  iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x : memref<2x3x5xf32>) outs(%y : memref<2x3x5xf32>) {
  ^bb0(%a: f32, %b: f32):
    %s = arith.mulf %a, %a : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A reduction over the middle dimension (as in a channel LayerNorm): the
// 2 x 4 parallel points are the threads, exactly one block (no mask), and
// each thread sums the 6 reduced elements in a register, loaded before the
// loop and stored after it.
// CHECK-LABEL: func.func @middle_reduction
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c1{{.*}}) threads({{.*}}) in ({{.*}} = %c8
// CHECK-NOT: scf.if
// CHECK: %[[D2:.*]] = arith.remui %{{.*}}, %c4
// CHECK: %[[D0:.*]] = arith.divui %{{.*}}, %c4
// CHECK: %[[INIT:.*]] = memref.load %{{.*}}[%[[D0]], %[[D2]]] : memref<2x4xf32>
// CHECK: %[[SUM:.*]] = scf.for %[[R:.*]] = %c0 to %c6 step %c1 iter_args(%[[ACC:.*]] = %[[INIT]]) -> (f32) {
// CHECK: %[[X:.*]] = memref.load %{{.*}}[%[[D0]], %[[R]], %[[D2]]] : memref<2x6x4xf32>
// CHECK: %[[NEXT:.*]] = arith.addf %[[X]], %[[ACC]]
// CHECK: scf.yield %[[NEXT]]
// CHECK: memref.store %[[SUM]], %{{.*}}[%[[D0]], %[[D2]]] : memref<2x4xf32>
func.func @middle_reduction(%x: memref<2x6x4xf32>, %y: memref<2x4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>,
                                   affine_map<(d0, d1, d2) -> (d0, d2)>],
                  iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%x : memref<2x6x4xf32>) outs(%y : memref<2x4xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s = arith.addf %a, %acc : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A matrix product of f32 buffers is a tiled kernel: one 16 x 16 tile of C
// per block (here one), one thread per element; per step of 16 along K the
// block stages a tile of A and one of B in shared memory (2 KB), reading
// zeros outside the matrices from clamped indices, and accumulates in a
// register; C is updated once, inside the matrix.
// CHECK-LABEL: func.func @matmul
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c1{{.*}}) threads({{.*}}) in ({{.*}} = %c256{{.*}}) dynamic_shared_memory_size %c2048_i32
// CHECK: %[[TILES:.*]] = memref.view {{.*}} to memref<512xf32, #gpu.address_space<workgroup>>
// CHECK: %[[A:.*]] = memref.load %{{.*}}[%{{.*}}, %{{.*}}] : memref<4x5xf32>
// CHECK: arith.select %{{.*}}, %[[A]], %cst : f32
// CHECK: memref.store %{{.*}}, %[[TILES]]
// CHECK: %[[B:.*]] = memref.load %{{.*}}[%{{.*}}, %{{.*}}] : memref<5x6xf32>
// CHECK: arith.select %{{.*}}, %[[B]], %cst : f32
// CHECK: memref.store %{{.*}}, %[[TILES]]
// CHECK: gpu.barrier
// CHECK: %[[SUM:.*]] = scf.for %{{.*}} = %c0 to %c16 step %c1 iter_args
// CHECK: memref.load %[[TILES]]
// CHECK: memref.load %[[TILES]]
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: gpu.barrier
// CHECK: scf.if
// CHECK: %[[OLD:.*]] = memref.load %{{.*}} : memref<4x6xf32>
// CHECK: %[[NEW:.*]] = arith.addf %[[OLD]], %[[SUM]]
// CHECK: memref.store %[[NEW]]
func.func @matmul(%a: memref<4x5xf32>, %b: memref<5x6xf32>, %c: memref<4x6xf32>) {
  linalg.matmul ins(%a, %b : memref<4x5xf32>, memref<5x6xf32>)
                outs(%c : memref<4x6xf32>)
  return
}

// -----

// Host copies (from bufferization) become copy kernels, strided ones too.
// CHECK-LABEL: func.func @copy
// CHECK: gpu.launch
// CHECK: memref.load %{{.*}} : memref<3x4xf32, strided<[8, 1], offset: 2>>
// CHECK: memref.store
// CHECK-NOT: memref.copy
func.func @copy(%x: memref<3x8xf32>, %y: memref<3x4xf32>) {
  %v = memref.subview %x[0, 2] [3, 4] [1, 1]
      : memref<3x8xf32> to memref<3x4xf32, strided<[8, 1], offset: 2>>
  memref.copy %v, %y : memref<3x4xf32, strided<[8, 1], offset: 2>> to memref<3x4xf32>
  return
}

// -----

// A full reduction has no parallel point: one thread does it.
// CHECK-LABEL: func.func @sum
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[ONE:.*]], {{.*}}) threads({{.*}}) in ({{.*}} = %[[ONE]],
// CHECK: scf.for {{.*}} iter_args
// CHECK: gpu.terminator
func.func @sum(%x: memref<7xf32>, %y: memref<f32>) {
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>,
                                   affine_map<(d0) -> ()>],
                  iterator_types = ["reduction"]}
      ins(%x : memref<7xf32>) outs(%y : memref<f32>) {
  ^bb0(%a: f32, %acc: f32):
    %s = arith.addf %a, %acc : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Kernels are left alone.
// CHECK-LABEL: func.func @inside_kernel
// CHECK: gpu.launch
// CHECK-NEXT: linalg.fill
func.func @inside_kernel(%y: memref<4xf32>) {
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    linalg.fill ins(%zero : f32) outs(%y : memref<4xf32>)
    gpu.terminator
  }
  return
}

// -----

// linalg.index reads the loop indices: here the parallel index 1 (the
// thread's linear id, the only parallel dimension) and the
// reduction index 0 of a weighted sum.
// CHECK-LABEL: func.func @indexed
// CHECK: %[[J:.*]] = arith.addi %{{.*}}, %thread_id_x : index
// CHECK: scf.for %[[K:.*]] = %c0 to %c3 step %c1 iter_args
// CHECK: arith.muli %[[K]], %[[J]] : index
func.func @indexed(%x: memref<3x5xf32>, %y: memref<5xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>,
                                   affine_map<(d0, d1) -> (d1)>],
                  iterator_types = ["reduction", "parallel"]}
      ins(%x : memref<3x5xf32>) outs(%y : memref<5xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %k = linalg.index 0 : index
    %j = linalg.index 1 : index
    %w = arith.muli %k, %j : index
    %wi = arith.index_cast %w : index to i32
    %wf = arith.sitofp %wi : i32 to f32
    %p = arith.mulf %a, %wf : f32
    %s = arith.addf %p, %acc : f32
    linalg.yield %s : f32
  }
  return
}
