//===- NpyTest.cpp - .npy reading and writing ----------------------------===//

#include "tools/lib/npy/Npy.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <complex>

using namespace mlir::orchid;

namespace {

class NpyTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("orchid-npy", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string path(llvm::StringRef name) { return (dir + "/" + name).str(); }
  void writeRaw(llvm::StringRef name, llvm::StringRef bytes) {
    std::error_code ec;
    llvm::raw_fd_ostream os(path(name), ec);
    ASSERT_FALSE(ec);
    os << bytes;
  }
  std::string readError(llvm::StringRef name) {
    llvm::Expected<NpyArray> array = readNpy(path(name));
    EXPECT_FALSE(static_cast<bool>(array));
    return array ? "" : llvm::toString(array.takeError());
  }

  llvm::SmallString<128> dir;
};

TEST_F(NpyTest, RoundTripsEveryDType) {
  NpyArray f32(DType::F32, {2, 3});
  for (int i = 0; i < 6; ++i)
    f32.as<float>()[i] = i * 0.5f;
  NpyArray f64(DType::F64, {4});
  for (int i = 0; i < 4; ++i)
    f64.as<double>()[i] = -i;
  NpyArray c64(DType::C64, {1, 2, 1});
  c64.as<std::complex<float>>()[0] = {1, 2};
  c64.as<std::complex<float>>()[1] = {3, -4};
  NpyArray scalar(DType::F32, {});
  scalar.as<float>()[0] = 7;

  for (const NpyArray *a : {&f32, &f64, &c64, &scalar}) {
    ASSERT_FALSE(llvm::errorToBool(writeNpy(path("a.npy"), *a)));
    llvm::Expected<NpyArray> b = readNpy(path("a.npy"));
    ASSERT_TRUE(static_cast<bool>(b)) << llvm::toString(b.takeError());
    EXPECT_EQ(b->dtype, a->dtype);
    EXPECT_EQ(b->shape, a->shape);
    EXPECT_EQ(b->data, a->data);
  }
}

TEST_F(NpyTest, ReadsNumPyHeaders) {
  // As numpy.save writes np.arange(3, dtype=np.float64).
  std::string header = "{'descr': '<f8', 'fortran_order': False, "
                       "'shape': (3,), }";
  header.append(117 - header.size(), ' ');
  header += '\n';
  std::string bytes =
      std::string("\x93NUMPY\x01\x00", 8) + char(118) + char(0) + header;
  double values[3] = {0, 1, 2};
  bytes.append(reinterpret_cast<char *>(values), sizeof(values));
  writeRaw("numpy.npy", bytes);
  llvm::Expected<NpyArray> a = readNpy(path("numpy.npy"));
  ASSERT_TRUE(static_cast<bool>(a)) << llvm::toString(a.takeError());
  EXPECT_EQ(a->shape, std::vector<int64_t>{3});
  EXPECT_EQ(a->as<double>()[2], 2.0);
  EXPECT_EQ(a->describe(), "3xfloat64");
}

TEST_F(NpyTest, RejectsBadFiles) {
  EXPECT_NE(readError("missing.npy").find("cannot read"), std::string::npos);

  writeRaw("text.npy", "hello world, not numpy");
  EXPECT_NE(readError("text.npy").find("magic"), std::string::npos);

  NpyArray a(DType::F32, {4});
  ASSERT_FALSE(llvm::errorToBool(writeNpy(path("short.npy"), a)));
  // Keep the header of a 4-element file but only 2 elements of data.
  auto buffer = llvm::MemoryBuffer::getFile(path("short.npy"));
  ASSERT_TRUE(static_cast<bool>(buffer));
  std::string bytes = (*buffer)->getBuffer().drop_back(8).str();
  buffer->reset();
  writeRaw("short.npy", bytes);
  EXPECT_NE(readError("short.npy").find("bytes of data"), std::string::npos);

  std::string header = "{'descr': '<i4', 'fortran_order': False, "
                       "'shape': (1,), }\n";
  writeRaw("int.npy", std::string("\x93NUMPY\x01\x00", 8) +
                          char(header.size()) + char(0) + header + "abcd");
  EXPECT_NE(readError("int.npy").find("unsupported dtype '<i4'"),
            std::string::npos);

  header = "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }\n";
  writeRaw("fortran.npy", std::string("\x93NUMPY\x01\x00", 8) +
                              char(header.size()) + char(0) + header + "abcd");
  EXPECT_NE(readError("fortran.npy").find("Fortran"), std::string::npos);
}

/// A version 1.0 file with `header` (padded and terminated here) and `data`.
static std::string npyFile(std::string header, llvm::StringRef data) {
  header += '\n';
  return std::string("\x93NUMPY\x01\x00", 8) + char(header.size() & 0xff) +
         char(header.size() >> 8) + header + data.str();
}

TEST_F(NpyTest, RejectsShapesWhoseSizeOverflows) {
  // 2^32 * 2^32 elements: the byte count wraps around to 0 in 64 bits.
  writeRaw("huge.npy", npyFile("{'descr': '<f4', 'fortran_order': False, "
                               "'shape': (4294967296, 4294967296), }",
                               ""));
  EXPECT_NE(readError("huge.npy").find("overflows"), std::string::npos);
  EXPECT_FALSE(getByteSize(DType::F32, {int64_t(1) << 62, 4}));
  EXPECT_EQ(getByteSize(DType::C64, {3, 5}), std::optional<int64_t>(120));
}

TEST_F(NpyTest, RejectsSizesTheFileDoesNotHave) {
  // A valid shape of 2^40 floats in a file of a few bytes: an error before
  // any allocation, not an out-of-memory.
  writeRaw("big.npy", npyFile("{'descr': '<f4', 'fortran_order': False, "
                              "'shape': (1099511627776,), }",
                              "abcd"));
  EXPECT_NE(readError("big.npy").find("expected 4398046511104 bytes"),
            std::string::npos);
  writeRaw("long.npy", npyFile("{'descr': '<f4', 'fortran_order': False, "
                               "'shape': (1,), }",
                               "abcdefgh"));
  EXPECT_NE(readError("long.npy").find("found 8"), std::string::npos);
}

TEST_F(NpyTest, RejectsOversizedHeaders) {
  std::string bytes = std::string("\x93NUMPY\x02\x00", 8);
  bytes += std::string("\x00\x00\x00\x40", 4); // 1 GiB of header
  writeRaw("header.npy", bytes);
  EXPECT_NE(readError("header.npy").find("at most"), std::string::npos);
}

TEST_F(NpyTest, ReadsDevicesWithoutExhaustingMemory) {
  // /dev/zero never ends: its first bytes are not a .npy header.
  llvm::Expected<NpyArray> zero = readNpy("/dev/zero");
  ASSERT_FALSE(static_cast<bool>(zero));
  EXPECT_NE(llvm::toString(zero.takeError()).find("magic"), std::string::npos);
}

TEST_F(NpyTest, WritesAtomically) {
  NpyArray a(DType::F32, {2});
  a.as<float>()[1] = 3;
  ASSERT_FALSE(llvm::errorToBool(writeNpy(path("a.npy"), a)));
  NpyArray b(DType::F64, {3});
  ASSERT_FALSE(llvm::errorToBool(writeNpy(path("a.npy"), b)));
  llvm::Expected<NpyArray> back = readNpy(path("a.npy"));
  ASSERT_TRUE(static_cast<bool>(back)) << llvm::toString(back.takeError());
  EXPECT_EQ(back->describe(), "3xfloat64");

  // Nothing but the result is left in the directory.
  std::error_code ec;
  int files = 0;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    ++files;
  EXPECT_EQ(files, 1);

  llvm::Error missing = writeNpy(path("no/such/dir/a.npy"), a);
  ASSERT_TRUE(static_cast<bool>(missing));
  EXPECT_NE(llvm::toString(std::move(missing)).find("cannot write"),
            std::string::npos);
}

TEST_F(NpyTest, ReportsFullDevices) {
  if (!llvm::sys::fs::exists("/dev/full"))
    GTEST_SKIP() << "no /dev/full";
  // A write error, not a fatal "IO failure".
  NpyArray a(DType::F32, {1 << 16});
  llvm::Error full = writeNpy("/dev/full", a);
  ASSERT_TRUE(static_cast<bool>(full));
  EXPECT_NE(llvm::toString(std::move(full)).find("cannot write '/dev/full'"),
            std::string::npos);
}

} // namespace
