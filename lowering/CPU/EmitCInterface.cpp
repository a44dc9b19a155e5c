//===- EmitCInterface.cpp - Request C wrappers for public functions -------===//
//
// JIT drivers call `_mlir_ciface_<f>`, which convert-func-to-llvm only emits
// for functions carrying `llvm.emit_c_interface`.
//
//===----------------------------------------------------------------------===//

#include "lowering/CPU/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace mlir {
namespace orchid {
#define GEN_PASS_DEF_ORCHIDEMITCINTERFACE
#include "lowering/CPU/Passes.h.inc"
} // namespace orchid
} // namespace mlir

using namespace mlir;

namespace {
struct OrchidEmitCInterfacePass
    : public orchid::impl::OrchidEmitCInterfaceBase<OrchidEmitCInterfacePass> {
  void runOnOperation() override {
    UnitAttr unit = UnitAttr::get(&getContext());
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(), unit);
  }
};
} // namespace
