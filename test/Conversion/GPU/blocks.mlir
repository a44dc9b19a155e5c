// REQUIRES: ptxas
// The example Hyena and Orchid blocks through the whole GPU pipeline: every
// kernel assembles with ptxas, and the host only copies the arguments (14
// for Hyena, 29 for Orchid), the filter's constants (positional grid and
// decay rates: 3 for Hyena, 4 for Orchid) and the result: intermediate
// results stay on the device.
// RUN: orchid-opt %orchid_src_root/examples/hyena.mlir \
// RUN:   --orchid-gpu-pipeline="format=isa" -o %t.hyena
// RUN: python3 %S/Inputs/check_ptx.py --ptxas %ptxas --arch sm_90 < %t.hyena \
// RUN:   | FileCheck %s --check-prefix=PTX-HYENA
// RUN: grep -c "llvm.call @mgpuMemcpy" %t.hyena | FileCheck %s --check-prefix=COPIES-HYENA
// RUN: orchid-opt %orchid_src_root/examples/orchid.mlir \
// RUN:   --orchid-gpu-pipeline="format=isa" -o %t.orchid
// RUN: python3 %S/Inputs/check_ptx.py --ptxas %ptxas --arch sm_90 < %t.orchid \
// RUN:   | FileCheck %s --check-prefix=PTX-ORCHID
// RUN: grep -c "llvm.call @mgpuMemcpy" %t.orchid | FileCheck %s --check-prefix=COPIES-ORCHID

// PTX-HYENA: ptxas: 31 PTX modules assembled
// COPIES-HYENA: {{^}}18{{$}}
// PTX-ORCHID: ptxas: 72 PTX modules assembled
// COPIES-ORCHID: {{^}}34{{$}}

