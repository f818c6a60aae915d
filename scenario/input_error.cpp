#include "scenario/input_error.hpp"

namespace kyoten {

std::string InputError::format() const {
  std::string out = file.empty() ? std::string("<command line>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += ": ";
  if (!key.empty()) out += key + ": ";
  out += message;
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

InputErrors::InputErrors(std::vector<InputError> errors) : errors_(std::move(errors)) {
  for (const auto& e : errors_) summary_ += e.format() + "\n";
}

}  // namespace kyoten
