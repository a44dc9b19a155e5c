// RUN: orchid-opt %s -orchid-inline-alloca-scopes -split-input-file | FileCheck %s

// A scope whose body only calls a function releases nothing: its body moves
// into the parent and the scope is gone.
// CHECK-LABEL: func.func @call_only
// CHECK-NOT: memref.alloca_scope
// CHECK: scf.parallel
// CHECK-NEXT: func.call @work(%{{.*}})
// CHECK-NEXT: scf.reduce
func.func private @work(index)
func.func @call_only(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.alloca_scope {
      func.call @work(%i) : (index) -> ()
    }
    scf.reduce
  }
  return
}

// -----

// A scope that holds a stack allocation, even nested deeper, frees it at
// its end: it stays.
// CHECK-LABEL: func.func @nested_alloca
// CHECK: memref.alloca_scope {
// CHECK: scf.for
// CHECK: memref.alloca() : memref<16xf32>
func.func @nested_alloca(%n: index, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  memref.alloca_scope {
    scf.for %i = %c0 to %n step %c1 {
      %buf = memref.alloca() : memref<16xf32>
      memref.store %v, %buf[%c0] : memref<16xf32>
    }
  }
  return
}

// -----

// A scope with results yields values to its parent: it stays.
// CHECK-LABEL: func.func @with_result
// CHECK: %[[R:.*]] = memref.alloca_scope -> (f32) {
// CHECK: memref.alloca_scope.return %{{.*}} : f32
// CHECK: return %[[R]]
func.func @with_result(%x: f32) -> f32 {
  %r = memref.alloca_scope -> (f32) {
    %y = arith.addf %x, %x : f32
    memref.alloca_scope.return %y : f32
  }
  return %r : f32
}
