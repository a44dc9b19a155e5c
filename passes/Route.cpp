//===- Route.cpp - The target-independent stages of the pipelines ---------===//
//
// What every target pipeline runs before its conversions, in one place, so
// that orchid-opt, orchid-run, the benchmarks and the tests compile through
// the same passes, each once.
//
//===----------------------------------------------------------------------===//

#include "passes/Passes.h"

using namespace mlir;
using namespace mlir::orchid;

void mlir::orchid::buildOrchidRoute(OpPassManager &pm,
                                    const RouteOptions &options,
                                    RouteStage first, RouteStage last) {
  auto runs = [&](RouteStage stage) { return first <= stage && stage <= last; };
  if (runs(RouteStage::Specialize) && (options.seqLen || options.batch)) {
    OrchidSpecializeShapesOptions sizes;
    sizes.seqLen = options.seqLen;
    sizes.batch = options.batch;
    pm.addPass(createOrchidSpecializeShapes(sizes));
  }
  if (runs(RouteStage::Primitives)) {
    pm.addPass(createOrchidDecompose());
    // Before hoisting, so that the prepared values are kernel spectra.
    pm.addPass(createOrchidLowerFFTConv());
    if (options.prepare)
      pm.addPass(createOrchidHoistFilters());
    pm.addPass(createOrchidExpandFilters());
  }
}
