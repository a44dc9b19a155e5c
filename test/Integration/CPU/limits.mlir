// orchid-run refuses what it cannot hold or should not write: arrays above
// its size limit (once an out-of-memory abort), and results that fail
// --check (once written all the same).

// RUN: rm -f %t.result.npy
// RUN: not orchid-run %s --function=conv --random --check=reference --tolerance=1e-30 --output=%t.result.npy 2>&1 | FileCheck %s --check-prefix=CHECK-FAILS
// RUN: not test -e %t.result.npy
// CHECK-FAILS: error: result 0 differs from the reference

// A result file from an earlier run stays as it was.
// RUN: printf 'earlier' > %t.earlier.npy
// RUN: not orchid-run %s --function=conv --random --check=reference --tolerance=1e-30 --output=%t.earlier.npy
// RUN: FileCheck %s --check-prefix=EARLIER --input-file=%t.earlier.npy
// EARLIER: earlier

// RUN: orchid-run %s --function=conv --random --check=reference --output=%t.result.npy
// RUN: test -s %t.result.npy

// RUN: not orchid-run %s --function=dynamic --random --seq-len=4611686018427387904 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: error: argument 0 1x4x4611686018427387904xfloat32 would take more than 2^63 bytes, more than the limit of 4294967296 bytes per array

// RUN: not orchid-run %s --function=dynamic --random --seq-len=2147483648 2>&1 | FileCheck %s --check-prefix=LARGE
// LARGE: error: argument 0 1x4x2147483648xfloat32 would take 34359738368 bytes, more than the limit of 4294967296 bytes per array

func.func @conv(%u: tensor<1x2x8xf32>, %w: tensor<2x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x8xf32> {
  %y = orchid.short_conv causal %u, %w, %b : tensor<1x2x8xf32>, tensor<2x3xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  return %y : tensor<1x2x8xf32>
}

func.func @dynamic(%u: tensor<1x4x?xf32>, %w: tensor<4x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x?xf32> {
  %y = orchid.short_conv causal %u, %w, %b : tensor<1x4x?xf32>, tensor<4x3xf32>, tensor<4xf32> -> tensor<1x4x?xf32>
  return %y : tensor<1x4x?xf32>
}
