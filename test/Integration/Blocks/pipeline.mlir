// orchid-run compiles what the pipelines print: the LLVM IR it hands to the
// JIT is that of `orchid-opt --orchid-cpu-pipeline` with the same options,
// for a block specialised to a length and a batch and split by --prepare,
// and for the example Orchid block as it is. The block is checked against
// its reference on the way.

// RUN: orchid-run %s --seq-len=16 --batch=2 --prepare --random --check=reference --tolerance=1e-4 --emit-llvm=%t.run.ll | FileCheck %s
// RUN: orchid-opt %s --orchid-cpu-pipeline="seq-len=16 batch=2 prepare=1" | mlir-translate --mlir-to-llvmir -o %t.opt.ll
// RUN: diff %t.run.ll %t.opt.ll
// RUN: FileCheck %s --check-prefix=LLVM < %t.run.ll

// RUN: orchid-run %orchid_src_root/examples/orchid.mlir --random --emit-llvm=%t.orchid.run.ll
// RUN: orchid-opt %orchid_src_root/examples/orchid.mlir --orchid-cpu-pipeline | mlir-translate --mlir-to-llvmir -o %t.orchid.opt.ll
// RUN: diff %t.orchid.run.ll %t.orchid.opt.ll

// CHECK: hyena: result 0 (2x16x4xfloat32): relative L2 error {{.*}} <= 1.0e-04
// LLVM-DAG: define void @_mlir_ciface_hyena_prepare(
// LLVM-DAG: define void @_mlir_ciface_hyena(

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
