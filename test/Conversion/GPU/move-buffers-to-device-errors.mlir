// RUN: orchid-opt %s --orchid-move-buffers-to-device --split-input-file --verify-diagnostics

func.func @host_load(%x: memref<4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  // expected-error @below {{accesses device memory on the host: it has no GPU lowering}}
  %v = memref.load %x[%c0] : memref<4xf32>
  return %v : f32
}

// -----

func.func @stack() {
  // expected-error @below {{has no GPU lowering: stack buffers cannot be placed on the device}}
  %a = memref.alloca() : memref<4xf32>
  return
}

// -----

// expected-error @below {{GPU lowering expects a single-block body (structured control flow)}}
func.func @branches(%c: i1) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  return
^bb2:
  return
}
