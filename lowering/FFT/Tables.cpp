//===- Tables.cpp - Constant tables of the generated FFTs -----------------===//

#include "lowering/FFT/Tables.h"

#include "lowering/FFT/Plan.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>

using namespace mlir;
using namespace mlir::orchid;
using namespace mlir::orchid::fft;

CDouble fft::unitRoot(int64_t k, int64_t r, int sign) {
  k %= r;
  if ((4 * k) % r == 0) {
    static const CDouble quarter[] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    CDouble w = quarter[4 * k / r];
    return sign < 0 ? std::conj(w) : w;
  }
  double angle = sign * 2 * llvm::numbers::pi * double(k) / double(r);
  return {std::cos(angle), std::sin(angle)};
}

std::vector<CDouble> fft::referenceFFT(const std::vector<CDouble> &x,
                                       int sign) {
  int64_t n = x.size();
  if (n == 1)
    return x;
  int64_t p = 2;
  while (n % p)
    ++p;
  int64_t m = n / p;
  std::vector<std::vector<CDouble>> subs;
  for (int64_t j = 0; j < p; ++j) {
    std::vector<CDouble> sub(m);
    for (int64_t t = 0; t < m; ++t)
      sub[t] = x[t * p + j];
    subs.push_back(referenceFFT(sub, sign));
  }
  std::vector<CDouble> out(n);
  for (int64_t k = 0; k < n; ++k)
    for (int64_t j = 0; j < p; ++j)
      out[k] += unitRoot((j * k) % n, n, sign) * subs[j][k % m];
  return out;
}

BluesteinConstants fft::getBluesteinConstants(int64_t n, int sign) {
  int64_t m = planFFT(n).size;
  BluesteinConstants constants;
  // j^2 is reduced mod 2n for accuracy.
  constants.chirp.resize(n);
  for (int64_t j = 0; j < n; ++j)
    constants.chirp[j] = unitRoot((j * j) % (2 * n), 2 * n, sign);
  std::vector<CDouble> filter(m);
  for (int64_t j = 0; j < n; ++j) {
    filter[j] = std::conj(constants.chirp[j]);
    if (j > 0)
      filter[m - j] = std::conj(constants.chirp[j]);
  }
  constants.filterSpectrum = referenceFFT(filter, -1);
  for (CDouble &v : constants.filterSpectrum)
    v /= double(m);
  return constants;
}

/// Returns a `memref.get_global` of the private constant f32 table `name`,
/// creating the global of `values` at the start of `module` on first use.
static Value getPlane(OpBuilder &b, Location loc, ModuleOp module,
                      const std::string &name, ArrayRef<float> values) {
  auto global = dyn_cast_or_null<memref::GlobalOp>(
      SymbolTable::lookupSymbolIn(module, name));
  if (!global) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    auto type = MemRefType::get({int64_t(values.size())}, b.getF32Type());
    auto tensorType = RankedTensorType::get(type.getShape(), b.getF32Type());
    global =
        memref::GlobalOp::create(b, loc, name, b.getStringAttr("private"), type,
                                 DenseElementsAttr::get(tensorType, values),
                                 /*constant=*/true, b.getI64IntegerAttr(64));
  }
  return memref::GetGlobalOp::create(b, loc, global.getType(), name);
}

/// The table `__orchid_fft_<what>` of `values`, computed only when its
/// globals do not exist yet.
static Table getTable(OpBuilder &b, Location loc, ModuleOp module,
                      const std::string &what,
                      function_ref<std::vector<CDouble>()> values) {
  std::string name = "__orchid_fft_" + what;
  SmallVector<float> re, im;
  if (!SymbolTable::lookupSymbolIn(module, name + "_re"))
    for (CDouble v : values()) {
      re.push_back(float(v.real()));
      im.push_back(float(v.imag()));
    }
  return {getPlane(b, loc, module, name + "_re", re),
          getPlane(b, loc, module, name + "_im", im)};
}

Table fft::getUnitRootTable(OpBuilder &b, Location loc, ModuleOp module,
                            int64_t n, int64_t count) {
  return getTable(b, loc, module,
                  "roots_" + std::to_string(n) + "_" + std::to_string(count),
                  [&] {
                    std::vector<CDouble> values(count);
                    for (int64_t k = 0; k < count; ++k)
                      values[k] = unitRoot(k, n, -1);
                    return values;
                  });
}

Table fft::getFourStepTable(OpBuilder &b, Location loc, ModuleOp module,
                            int64_t n1, int64_t n2) {
  return getTable(b, loc, module,
                  "four_step_" + std::to_string(n1) + "x" + std::to_string(n2),
                  [&] {
                    std::vector<CDouble> values(n1 * n2);
                    for (int64_t j2 = 0; j2 < n2; ++j2)
                      for (int64_t k1 = 0; k1 < n1; ++k1)
                        values[j2 * n1 + k1] = unitRoot(j2 * k1, n1 * n2, -1);
                    return values;
                  });
}

std::pair<Table, Table> fft::getBluesteinTables(OpBuilder &b, Location loc,
                                                ModuleOp module, int64_t n,
                                                int sign) {
  std::string suffix = std::to_string(n) + (sign < 0 ? "_fwd" : "_inv");
  std::optional<BluesteinConstants> constants;
  auto get = [&] {
    if (!constants)
      constants = getBluesteinConstants(n, sign);
    return *constants;
  };
  Table chirp =
      getTable(b, loc, module, "chirp_" + suffix, [&] { return get().chirp; });
  Table filter = getTable(b, loc, module, "chirp_filter_" + suffix,
                          [&] { return get().filterSpectrum; });
  return {chirp, filter};
}
