// A program built against an installed Orchid (examples/downstream): it
// calls the Hyena block that orchid_compile built for L = 1000 and 4096
// through the dispatchers of the generated header, on weights and inputs
// read from .npy files (as orchid-run --save-inputs writes them), and
// compares each result with a reference output (orchid-run --output).
//
//   hyena-downstream L DIR REF.npy [L DIR REF.npy ...]

#include "libhyena.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

// Reads a little-endian float32 C-order .npy file of `count` elements
// (checked against the file size, not the shape in its header).
bool readNpy(const std::string &path, int64_t count, std::vector<float> &data) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  if (bytes.size() < 12 || bytes.compare(0, 6, "\x93NUMPY") != 0) {
    std::fprintf(stderr, "error: '%s' is not an .npy file\n", path.c_str());
    return false;
  }
  // Version 1 has a 2-byte header length, versions 2 and 3 a 4-byte one.
  size_t lengthBytes = bytes[6] == 1 ? 2 : 4, offset = 8 + lengthBytes;
  size_t headerLen = 0;
  for (size_t i = 0; i < lengthBytes && 8 + i < bytes.size(); ++i)
    headerLen |= size_t(uint8_t(bytes[8 + i])) << (8 * i);
  if (offset + headerLen > bytes.size())
    headerLen = bytes.size() - offset;
  std::string header = bytes.substr(offset, headerLen);
  if (header.find("'<f4'") == std::string::npos ||
      header.find("'fortran_order': False") == std::string::npos ||
      bytes.size() != offset + headerLen + sizeof(float) * count) {
    std::fprintf(stderr,
                 "error: '%s' is not a C-order float32 array of %lld "
                 "elements\n",
                 path.c_str(), (long long)count);
    return false;
  }
  data.resize(count);
  std::memcpy(data.data(), bytes.data() + offset + headerLen,
              sizeof(float) * count);
  return true;
}

constexpr int64_t D = 8;

// Runs the block at length L on the arguments in DIR and returns the
// relative L2 error against REF, or a negative number on failure.
double runLength(int64_t L, const std::string &dir, const std::string &ref) {
  struct Arg {
    const char *name;
    int64_t count;
    std::vector<float> data;
  } args[] = {{"x", L * D},
              {"in_proj_weight", 24 * 8},
              {"in_proj_bias", 24},
              {"short_filter_weight", 24 * 3},
              {"short_filter_bias", 24},
              {"filter_w_in", 16 * 3},
              {"filter_b_in", 16},
              {"filter_w_inner", 2 * 16 * 16},
              {"filter_b_inner", 2 * 16},
              {"filter_freq", 3 * 16},
              {"filter_w_out", 8 * 16},
              {"filter_bias", 8},
              {"out_proj_weight", 8 * 8},
              {"out_proj_bias", 8}};
  for (Arg &arg : args)
    if (!readNpy(dir + "/" + arg.name + ".npy", arg.count, arg.data))
      return -1;
  std::vector<float> expected;
  if (!readNpy(ref, L * D, expected))
    return -1;
  auto p = [&](int i) { return args[i].data.data(); };

  // The kernel spectra: D x (L + 1) complex64, two floats each.
  std::vector<float> spectra(2 * D * (L + 1)), y(L * D);
  int32_t code =
      hyena_prepare(L, p(5), p(6), p(7), p(8), p(9), p(10), spectra.data());
  if (code == 0)
    code = hyena(L, p(0), p(1), p(2), p(3), p(4), p(11), p(12), p(13),
                 spectra.data(), y.data());
  if (code != 0) {
    std::fprintf(stderr, "error: L = %lld: the library returned %d\n",
                 (long long)L, code);
    return -1;
  }
  double diff = 0, norm = 0;
  for (int64_t i = 0; i < L * D; ++i) {
    diff += (double(y[i]) - expected[i]) * (double(y[i]) - expected[i]);
    norm += double(expected[i]) * expected[i];
  }
  return norm > 0 ? std::sqrt(diff / norm) : -1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 4 || (argc - 1) % 3 != 0) {
    std::fprintf(stderr, "usage: %s L DIR REF.npy [L DIR REF.npy ...]\n",
                 argv[0]);
    return 2;
  }
  int status = 0;
  for (int i = 1; i + 2 < argc; i += 3) {
    int64_t L = std::stoll(argv[i]);
    double error = runLength(L, argv[i + 1], argv[i + 2]);
    bool ok = error >= 0 && error <= 1e-4;
    std::printf("L = %lld: relative L2 error %.2e: %s\n", (long long)L, error,
                ok ? "ok" : "FAILED");
    status |= !ok;
  }
  // A length the library was not compiled for is refused, not run.
  float dummy = 0;
  int32_t code = hyena(2048, &dummy, &dummy, &dummy, &dummy, &dummy, &dummy,
                       &dummy, &dummy, &dummy, &dummy);
  std::printf("L = 2048: code %d\n", code);
  return status || code != 2;
}
