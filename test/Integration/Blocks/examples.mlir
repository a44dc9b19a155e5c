// The example blocks run as examples/run-demo.sh runs them: weights from a
// directory, the filter work in a prepare call, checked against the
// float64 reference.

// RUN: rm -rf %t && mkdir -p %t
// RUN: orchid-run %orchid_src_root/examples/hyena.mlir --random --seed=1 --save-inputs=%t/hyena
// RUN: orchid-run %orchid_src_root/examples/hyena.mlir --weights=%t/hyena --input=%t/hyena/x.npy --prepare --check=reference --tolerance=1e-4 --bench=2 --output=%t/hyena.npy | FileCheck %s --check-prefix=HYENA
// HYENA: hyena: median {{.*}} over 2 calls
// HYENA: hyena: result 0 (1x64x8xfloat32): relative L2 error {{.*}} <= 1.0e-04
// RUN: orchid-run %orchid_src_root/examples/orchid.mlir --random --seed=1 --save-inputs=%t/orchid
// RUN: orchid-run %orchid_src_root/examples/orchid.mlir --weights=%t/orchid --input=%t/orchid/x.npy --prepare --check=reference --tolerance=1e-4 --bench=2 --output=%t/orchid.npy | FileCheck %s --check-prefix=ORCHID
// ORCHID: orchid: median {{.*}} over 2 calls
// ORCHID: orchid: result 0 (1x64x8xfloat32): relative L2 error {{.*}} <= 1.0e-04
