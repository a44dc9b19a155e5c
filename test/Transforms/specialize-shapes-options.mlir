// RUN: orchid-opt %s --orchid-specialize-shapes="seq-len=-3" --verify-diagnostics
// RUN: not orchid-opt %s --orchid-specialize-shapes="batch=-1" 2>&1 | FileCheck %s --check-prefix=BATCH
// RUN: not orchid-opt %s --orchid-cpu-pipeline="seq-len=-3" 2>&1 | FileCheck %s --check-prefix=PIPELINE
// RUN: not orchid-opt %s --orchid-gpu-pipeline="batch=-2" 2>&1 | FileCheck %s --check-prefix=GPU

// Negative sizes are rejected, through the pass and through the pipelines.
// BATCH: error: orchid-specialize-shapes: batch must be positive (0 leaves the size dynamic), not -1
// PIPELINE: error: orchid-specialize-shapes: seq-len must be positive (0 leaves the size dynamic), not -3
// GPU: error: orchid-specialize-shapes: batch must be positive (0 leaves the size dynamic), not -2

// expected-error @below {{orchid-specialize-shapes: seq-len must be positive (0 leaves the size dynamic), not -3}}
module {
  func.func @f(%x: tensor<1x2x?xf32>) -> tensor<1x2x?xf32> {
    return %x : tensor<1x2x?xf32>
  }
}
