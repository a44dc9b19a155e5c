// RUN: orchid-opt %s --orchid-move-buffers-to-device --split-input-file | FileCheck %s

// Arguments and constants are copied in once, allocations are device
// allocations, each device buffer is freed after its last use (a view of it
// counts as a use), host deallocations are dropped, and the result is
// copied into a new host buffer before the return.
// CHECK-LABEL: func.func @chain(
// CHECK-SAME: %[[X:.*]]: memref<8xf32>, %[[UNUSED:.*]]: memref<3xf32>)
// CHECK: %[[DX:.*]] = gpu.alloc () : memref<8xf32>
// CHECK-NEXT: gpu.memcpy %[[DX]], %[[X]]
// CHECK-NOT: %[[UNUSED]]
// CHECK: %[[G:.*]] = memref.get_global @scale
// CHECK-NEXT: %[[DG:.*]] = gpu.alloc () : memref<8xf32>
// CHECK-NEXT: gpu.memcpy %[[DG]], %[[G]]
// CHECK: %[[T:.*]] = gpu.alloc () : memref<8xf32>
// CHECK: gpu.launch
// CHECK: memref.load %[[DX]]
// CHECK: memref.load %[[DG]]
// CHECK: memref.store %{{.*}}, %[[T]]
// CHECK: gpu.terminator
// CHECK-NEXT: }
// CHECK-DAG: gpu.dealloc %[[DX]] :
// CHECK-DAG: gpu.dealloc %[[DG]] :
// CHECK: %[[V:.*]] = memref.expand_shape %[[T]]
// CHECK: %[[R:.*]] = gpu.alloc () : memref<2x4xf32>
// CHECK: gpu.launch
// CHECK: memref.load %[[V]]
// CHECK: gpu.terminator
// CHECK-NEXT: }
// CHECK-NEXT: gpu.dealloc %[[T]] :
// CHECK-NOT: memref.dealloc
// CHECK: %[[H:.*]] = memref.alloc() : memref<2x4xf32>
// CHECK-NEXT: gpu.memcpy %[[H]], %[[R]]
// CHECK-NEXT: gpu.dealloc %[[R]] :
// CHECK-NEXT: return %[[H]]
memref.global "private" constant @scale : memref<8xf32> = dense<2.0>
func.func @chain(%x: memref<8xf32>, %unused: memref<3xf32>) -> memref<2x4xf32> {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %g = memref.get_global @scale : memref<8xf32>
  %t = memref.alloc() : memref<8xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c8, %sy = %c1, %sz = %c1) {
    %a = memref.load %x[%tx] : memref<8xf32>
    %s = memref.load %g[%tx] : memref<8xf32>
    %p = arith.mulf %a, %s : f32
    memref.store %p, %t[%tx] : memref<8xf32>
    gpu.terminator
  }
  %v = memref.expand_shape %t [[0, 1]] output_shape [2, 4]
      : memref<8xf32> into memref<2x4xf32>
  %r = memref.alloc() : memref<2x4xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c4, %sy = %c1, %sz = %c1) {
    %c0 = arith.constant 0 : index
    %a = memref.load %v[%c0, %tx] : memref<2x4xf32>
    memref.store %a, %r[%c0, %tx] : memref<2x4xf32>
    gpu.terminator
  }
  memref.dealloc %t : memref<8xf32>
  return %r : memref<2x4xf32>
}

// -----

// A buffer only used inside a host loop is freed after the loop. Arguments
// are inputs: what kernels write into them is not copied back.
// CHECK-LABEL: func.func @loop
// CHECK: %[[DX:.*]] = gpu.alloc () : memref<4xf32>
// CHECK: scf.for
// CHECK: gpu.launch
// CHECK: }
// CHECK-NEXT: }
// CHECK-NEXT: gpu.dealloc %[[DX]] :
// CHECK-NEXT: return
func.func @loop(%x: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  scf.for %i = %c0 to %c3 step %c1 {
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
      %a = memref.load %x[%c0] : memref<4xf32>
      %b = arith.addf %a, %a : f32
      memref.store %b, %x[%c0] : memref<4xf32>
      gpu.terminator
    }
  }
  return
}
