//===- NpyTest.cpp - .npy reading and writing ----------------------------===//

#include "tools/lib/npy/Npy.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <complex>

using namespace orchid;

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

} // namespace
