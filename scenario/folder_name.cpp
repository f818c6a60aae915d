#include "scenario/folder_name.hpp"

#include <fmt/format.h>

namespace kyoten::scenario {
namespace {

bool ascii_allowed(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

bool code_point_allowed(char32_t c) {
  return !(c <= 0xBF || (c >= 0x2000 && c <= 0x206F) || c == 0x3000 || (c >= 0xFE00 && c <= 0xFE0F) ||
           c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF) || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF);
}

// The code point starting at text[i] and its length in bytes; length 0 for invalid or overlong UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  const std::size_t length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
  if (length == 0 || b >= 0xF5 || i + length > text.size()) return {0, 0};
  char32_t c = b & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return {0, 0};
    c = (c << 6) | (next & 0x3F);
  }
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kSmallest[length]) return {0, 0};  // overlong
  return {c, length};
}

}  // namespace

std::optional<std::string> folder_name_problem(std::string_view name) {
  if (name.empty()) return "it is empty";
  if (name.size() > kMaxFolderNameBytes) return fmt::format("it is {} bytes long", name.size());
  if (name.front() == '.' || name.front() == '-') return fmt::format("it starts with \"{}\"", name.front());
  for (std::size_t i = 0; i < name.size();) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      if (!ascii_allowed(b))
        return b < 0x20 || b == 0x7F ? fmt::format("it contains the control character U+{:04X}", b)
                                     : fmt::format("it contains \"{}\"", name[i]);
      ++i;
      continue;
    }
    const auto [c, length] = decode(name, i);
    if (length == 0) return fmt::format("it is not valid UTF-8 (byte {})", i + 1);
    if (!code_point_allowed(c)) return fmt::format("it contains U+{:04X}", static_cast<unsigned>(c));
    i += length;
  }
  return std::nullopt;
}

}  // namespace kyoten::scenario
