#include "log_line.h"

#include <cstddef>

#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

void AppendHex(std::string& out, unsigned char byte) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "\\x";
  out += kDigits[byte >> 4];
  out += kDigits[byte & 0xf];
}

}  // namespace

std::string EscapeForLog(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t valid = FindInvalidUtf8(text).value_or(text.size());
    for (std::size_t i = 0; i < valid; ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      const bool c1 = byte == 0xc2 && i + 1 < valid &&
                      static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                      static_cast<unsigned char>(text[i + 1]) <= 0x9f;
      if (c1) {
        AppendHex(out, byte);
        AppendHex(out, static_cast<unsigned char>(text[++i]));
      } else if (byte < 0x20 || byte == 0x7f || byte == '\\') {
        AppendHex(out, byte);
      } else {
        out += text[i];
      }
    }
    if (valid == text.size()) break;
    AppendHex(out, static_cast<unsigned char>(text[valid]));
    text.remove_prefix(valid + 1);
  }
  return out;
}

std::string FormatMilliseconds(std::chrono::milliseconds duration) {
  return std::to_string(duration.count()) + " ms";
}

}  // namespace parlsearch
