//===- NestingDepth.cpp - Reject inputs nested too deeply -----------------===//

#include "tools/lib/support/NestingDepth.h"

#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace mlir {
namespace orchid {

std::optional<size_t> findDeepNesting(StringRef source, unsigned maxDepth) {
  unsigned depth = 0;
  for (size_t i = 0, e = source.size(); i < e; ++i) {
    char c = source[i];
    switch (c) {
    case '"':
      // String literal: skip to the closing quote, over escapes.
      for (++i; i < e && source[i] != '"'; ++i)
        if (source[i] == '\\')
          ++i;
      break;
    case '/':
      if (i + 1 < e && source[i + 1] == '/')
        i = std::min(source.find('\n', i), e);
      break;
    case '(':
    case '[':
    case '{':
    case '<':
      if (++depth > maxDepth)
        return i;
      break;
    case '>':
      // `->` is an arrow, not a bracket.
      if (i > 0 && source[i - 1] == '-')
        break;
      [[fallthrough]];
    case ')':
    case ']':
    case '}':
      // A stray closing bracket is the parser's to report.
      if (depth > 0)
        --depth;
      break;
    default:
      break;
    }
  }
  return std::nullopt;
}

Error checkNestingDepth(const MemoryBuffer &buffer, unsigned maxDepth) {
  StringRef source = buffer.getBuffer();
  std::optional<size_t> offset = findDeepNesting(source, maxDepth);
  if (!offset)
    return Error::success();
  StringRef before = source.take_front(*offset);
  size_t line = before.count('\n') + 1;
  size_t column = *offset - (before.rfind('\n') + 1) + 1;
  return createStringError(
      inconvertibleErrorCode(),
      buffer.getBufferIdentifier() + ":" + Twine(line) + ":" + Twine(column) +
          ": error: the input nests brackets more than " + Twine(maxDepth) +
          " levels deep, beyond what the MLIR parser can parse safely");
}

} // namespace orchid
} // namespace mlir
