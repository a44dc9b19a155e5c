//===- Npy.cpp - NumPy .npy files -----------------------------------------===//

#include "tools/lib/npy/Npy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace orchid {

int64_t getElementSize(DType dtype) {
  switch (dtype) {
  case DType::F32:
    return 4;
  case DType::F64:
  case DType::C64:
    return 8;
  }
  llvm_unreachable("unknown dtype");
}

StringRef getDTypeName(DType dtype) {
  switch (dtype) {
  case DType::F32:
    return "float32";
  case DType::F64:
    return "float64";
  case DType::C64:
    return "complex64";
  }
  llvm_unreachable("unknown dtype");
}

NpyArray::NpyArray(DType dtype, std::vector<int64_t> shape)
    : dtype(dtype), shape(std::move(shape)) {
  data.resize(getNumElements() * getElementSize(dtype));
}

int64_t NpyArray::getNumElements() const {
  int64_t n = 1;
  for (int64_t s : shape)
    n *= s;
  return n;
}

std::string NpyArray::describe() const {
  std::string s;
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + getDTypeName(dtype).str();
}

namespace {

Error malformed(StringRef path, const Twine &why) {
  return createStringError(inconvertibleErrorCode(),
                           "'" + path + "': not a valid .npy file: " + why);
}

/// Finds `'key':` in the header dictionary and returns the text after it.
std::optional<StringRef> findKey(StringRef header, StringRef key) {
  std::string quoted = ("'" + key + "'").str();
  size_t pos = header.find(quoted);
  if (pos == StringRef::npos)
    return std::nullopt;
  StringRef rest = header.drop_front(pos + quoted.size()).ltrim();
  if (!rest.consume_front(":"))
    return std::nullopt;
  return rest.ltrim();
}

} // namespace

Expected<NpyArray> readNpy(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> file =
      MemoryBuffer::getFile(path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (std::error_code ec = file.getError())
    return createStringError(ec, "cannot read '" + path + "': " + ec.message());
  StringRef bytes = (*file)->getBuffer();

  if (bytes.size() < 10 || !bytes.starts_with("\x93NUMPY"))
    return malformed(path, "missing the \\x93NUMPY magic string");
  uint8_t major = bytes[6];
  size_t headerLen, headerStart;
  if (major == 1) {
    headerLen = uint8_t(bytes[8]) | (uint8_t(bytes[9]) << 8);
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return malformed(path, "truncated header");
    headerLen = 0;
    for (int i = 0; i < 4; ++i)
      headerLen |= size_t(uint8_t(bytes[8 + i])) << (8 * i);
    headerStart = 12;
  } else {
    return malformed(path, "unsupported format version " + Twine(major));
  }
  if (bytes.size() < headerStart + headerLen)
    return malformed(path, "truncated header");
  StringRef header = bytes.substr(headerStart, headerLen);

  std::optional<StringRef> descr = findKey(header, "descr");
  std::optional<StringRef> order = findKey(header, "fortran_order");
  std::optional<StringRef> shapeText = findKey(header, "shape");
  if (!descr || !order || !shapeText)
    return malformed(path, "header lacks descr, fortran_order or shape");

  if (!descr->consume_front("'"))
    return malformed(path, "unsupported descr (structured dtype?)");
  StringRef typeStr = descr->take_until([](char c) { return c == '\''; });
  NpyArray array;
  if (typeStr == "<f4" || typeStr == "=f4")
    array.dtype = DType::F32;
  else if (typeStr == "<f8" || typeStr == "=f8")
    array.dtype = DType::F64;
  else if (typeStr == "<c8" || typeStr == "=c8")
    array.dtype = DType::C64;
  else
    return createStringError(inconvertibleErrorCode(),
                             "'" + path + "': unsupported dtype '" + typeStr +
                                 "' (expected little-endian float32, "
                                 "float64 or complex64)");
  if (order->starts_with("True"))
    return createStringError(inconvertibleErrorCode(),
                             "'" + path +
                                 "': Fortran-order arrays are not supported");
  if (!order->starts_with("False"))
    return malformed(path, "bad fortran_order value");

  if (!shapeText->consume_front("("))
    return malformed(path, "bad shape");
  StringRef dims = shapeText->take_until([](char c) { return c == ')'; });
  if (dims.size() == shapeText->size())
    return malformed(path, "bad shape");
  SmallVector<StringRef> parts;
  dims.split(parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef part : parts) {
    part = part.trim();
    if (part.empty())
      continue;
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 0)
      return malformed(path, "bad shape dimension '" + part + "'");
    array.shape.push_back(dim);
  }

  size_t expected = array.getNumElements() * getElementSize(array.dtype);
  StringRef payload = bytes.drop_front(headerStart + headerLen);
  if (payload.size() != expected)
    return malformed(path, "expected " + Twine(expected) +
                               " bytes of data for shape (" + join(parts, ",") +
                               "), found " + Twine(payload.size()));
  array.data.assign(payload.begin(), payload.end());
  return array;
}

Error writeNpy(StringRef path, const NpyArray &array) {
  std::string header = "{'descr': '";
  header += array.dtype == DType::F32   ? "<f4"
            : array.dtype == DType::F64 ? "<f8"
                                        : "<c8";
  header += "', 'fortran_order': False, 'shape': (";
  for (int64_t d : array.shape)
    header += std::to_string(d) + ",";
  if (array.shape.size() > 1)
    header.pop_back();
  header += "), }";
  // Pad with spaces so that the data starts on a 64-byte boundary.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';

  std::error_code ec;
  raw_fd_ostream os(path, ec, sys::fs::OF_None);
  if (ec)
    return createStringError(ec,
                             "cannot write '" + path + "': " + ec.message());
  os << "\x93NUMPY" << char(1) << char(0) << char(header.size() & 0xff)
     << char(header.size() >> 8) << header;
  os.write(array.data.data(), array.data.size());
  os.close();
  if (os.has_error())
    return createStringError(os.error(), "cannot write '" + path +
                                             "': " + os.error().message());
  return Error::success();
}

} // namespace orchid
