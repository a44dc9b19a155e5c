// orchid-run reports bad invocations and inputs with a message and a
// non-zero exit status.

// RUN: orchid-run %s --function=identity --random --output=%t.2x3.npy
// RUN: printf 'not a numpy file' > %t.bad.npy

// RUN: not orchid-run %s --function=missing --random 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: no function named 'missing' in the module

// RUN: not orchid-run %s --random 2>&1 | FileCheck %s --check-prefix=AMBIGUOUS
// AMBIGUOUS: error: the module has 3 functions: name one with --function

// RUN: not orchid-run %s --function=conv 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: error: the function takes 3 arguments but 0 --input files were given

// RUN: not orchid-run %s --function=conv --input=%t.2x3.npy --input=%t.2x3.npy --input=%t.2x3.npy 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: error: argument 0 ('{{.*}}2x3.npy') is 2x3xfloat32 but the function expects 1x2x8xfloat32

// RUN: not orchid-run %s --function=identity --input=%t.missing.npy 2>&1 | FileCheck %s --check-prefix=UNREADABLE
// UNREADABLE: error: cannot read '{{.*}}missing.npy'

// RUN: not orchid-run %s --function=identity --input=%t.bad.npy 2>&1 | FileCheck %s --check-prefix=MALFORMED
// MALFORMED: error: '{{.*}}bad.npy': not a valid .npy file

// RUN: not orchid-run %s --function=dynamic --random 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// DYNAMIC: error: argument 0 has dynamic shape tensor<1x2x?xf32>: specialise it with --seq-len

// RUN: not orchid-run %t.does-not-exist.mlir --random 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: error: cannot open input file '{{.*}}does-not-exist.mlir'

// RUN: not orchid-run %S/Inputs/bad-syntax.mlir --random 2>&1 | FileCheck %s --check-prefix=PARSE
// PARSE: error: cannot parse '{{.*}}bad-syntax.mlir':
// PARSE-NEXT: bad-syntax.mlir:2:{{[0-9]+}}: expected

// RUN: not orchid-run %s --function=identity --random --check=reference 2>&1 | FileCheck %s --check-prefix=NOREF
// NOREF: error: --check=reference needs a function whose body is a single orchid primitive

func.func @identity(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  return %a : tensor<2x3xf32>
}

func.func @conv(%u: tensor<1x2x8xf32>, %k: tensor<2x8xf32>, %b: tensor<2xf32>) -> tensor<1x2x8xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x2x8xf32>, tensor<2x8xf32>, tensor<2xf32> -> tensor<1x2x8xf32>
  return %y : tensor<1x2x8xf32>
}

func.func @dynamic(%u: tensor<1x2x?xf32>, %k: tensor<2x?xf32>, %b: tensor<2xf32>) -> tensor<1x2x?xf32> {
  %y = orchid.fftconv causal %u, %k, %b : tensor<1x2x?xf32>, tensor<2x?xf32>, tensor<2xf32> -> tensor<1x2x?xf32>
  return %y : tensor<1x2x?xf32>
}
