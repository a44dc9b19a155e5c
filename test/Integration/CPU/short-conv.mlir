// Depthwise short convolution (causal and centred) against the float64
// reference, with every dynamic size specialised to L by --seq-len.

// RUN: orchid-run %s --function=causal_b1_c1 --random --seq-len=1 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=causal_b1_c3 --random --seq-len=2 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=causal_b2_c5 --random --seq-len=7 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=causal_b1_c37 --random --seq-len=64 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=causal_b2_c12 --random --seq-len=1000 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=causal_b1_c3 --random --seq-len=4097 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=causal_b1_c1 --random --seq-len=65536 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=centered_b1_c1 --random --seq-len=1 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=centered_b1_c3 --random --seq-len=2 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=centered_b2_c5 --random --seq-len=7 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=centered_b1_c37 --random --seq-len=64 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=centered_b2_c12 --random --seq-len=1000 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=centered_b1_c3 --random --seq-len=4097 --check=reference | FileCheck %s
// RUN: orchid-run %s --function=centered_b1_c1 --random --seq-len=65536 --check=reference | FileCheck %s

// CHECK: result 0 ({{.*}}): relative L2 error {{.*}} <= 1.0e-05
func.func @causal_b1_c1(%x: tensor<1x1x?xf32>, %w: tensor<1x3xf32>, %b: tensor<1xf32>) -> tensor<1x1x?xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<1x1x?xf32>, tensor<1x3xf32>, tensor<1xf32> -> tensor<1x1x?xf32>
  return %y : tensor<1x1x?xf32>
}

func.func @causal_b1_c3(%x: tensor<1x3x?xf32>, %w: tensor<3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x?xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<1x3x?xf32>, tensor<3x3xf32>, tensor<3xf32> -> tensor<1x3x?xf32>
  return %y : tensor<1x3x?xf32>
}

func.func @causal_b1_c37(%x: tensor<1x37x?xf32>, %w: tensor<37x3xf32>, %b: tensor<37xf32>) -> tensor<1x37x?xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<1x37x?xf32>, tensor<37x3xf32>, tensor<37xf32> -> tensor<1x37x?xf32>
  return %y : tensor<1x37x?xf32>
}

func.func @causal_b2_c5(%x: tensor<2x5x?xf32>, %w: tensor<5x3xf32>, %b: tensor<5xf32>) -> tensor<2x5x?xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<2x5x?xf32>, tensor<5x3xf32>, tensor<5xf32> -> tensor<2x5x?xf32>
  return %y : tensor<2x5x?xf32>
}

func.func @causal_b2_c12(%x: tensor<2x12x?xf32>, %w: tensor<12x3xf32>, %b: tensor<12xf32>) -> tensor<2x12x?xf32> {
  %y = orchid.short_conv causal %x, %w, %b : tensor<2x12x?xf32>, tensor<12x3xf32>, tensor<12xf32> -> tensor<2x12x?xf32>
  return %y : tensor<2x12x?xf32>
}

func.func @centered_b1_c1(%x: tensor<1x1x?xf32>, %w: tensor<1x5xf32>, %b: tensor<1xf32>) -> tensor<1x1x?xf32> {
  %y = orchid.short_conv centered %x, %w, %b : tensor<1x1x?xf32>, tensor<1x5xf32>, tensor<1xf32> -> tensor<1x1x?xf32>
  return %y : tensor<1x1x?xf32>
}

func.func @centered_b1_c3(%x: tensor<1x3x?xf32>, %w: tensor<3x5xf32>, %b: tensor<3xf32>) -> tensor<1x3x?xf32> {
  %y = orchid.short_conv centered %x, %w, %b : tensor<1x3x?xf32>, tensor<3x5xf32>, tensor<3xf32> -> tensor<1x3x?xf32>
  return %y : tensor<1x3x?xf32>
}

func.func @centered_b1_c37(%x: tensor<1x37x?xf32>, %w: tensor<37x5xf32>, %b: tensor<37xf32>) -> tensor<1x37x?xf32> {
  %y = orchid.short_conv centered %x, %w, %b : tensor<1x37x?xf32>, tensor<37x5xf32>, tensor<37xf32> -> tensor<1x37x?xf32>
  return %y : tensor<1x37x?xf32>
}

func.func @centered_b2_c5(%x: tensor<2x5x?xf32>, %w: tensor<5x5xf32>, %b: tensor<5xf32>) -> tensor<2x5x?xf32> {
  %y = orchid.short_conv centered %x, %w, %b : tensor<2x5x?xf32>, tensor<5x5xf32>, tensor<5xf32> -> tensor<2x5x?xf32>
  return %y : tensor<2x5x?xf32>
}

func.func @centered_b2_c12(%x: tensor<2x12x?xf32>, %w: tensor<12x5xf32>, %b: tensor<12xf32>) -> tensor<2x12x?xf32> {
  %y = orchid.short_conv centered %x, %w, %b : tensor<2x12x?xf32>, tensor<12x5xf32>, tensor<12xf32> -> tensor<2x12x?xf32>
  return %y : tensor<2x12x?xf32>
}
