#pragma once
// The one error type for bad input: where it is (file, line, column, key path), what is wrong, what is allowed.
// Loaders collect every problem they find into a list of these rather than stopping at the first.
#include <string>
#include <vector>

namespace kyoten {

struct InputError {
  std::string file;     // the file as the user named it; empty for command-line input
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based; 0 when unknown
  std::string key;      // dotted key path, e.g. "centers[0].staff.night"
  std::string message;  // what is wrong, in plain words
  std::string hint;     // what is allowed, or "did you mean ...?"

  // "file:line:col: key: message (hint)" — the form editors and terminals can jump to.
  [[nodiscard]] std::string format() const;
};

// Thrown when input is bad; carries every problem found, so the user can fix them all in one go.
class InputErrors : public std::exception {
 public:
  explicit InputErrors(std::vector<InputError> errors);
  [[nodiscard]] const std::vector<InputError>& errors() const { return errors_; }
  [[nodiscard]] const char* what() const noexcept override { return summary_.c_str(); }

 private:
  std::vector<InputError> errors_;
  std::string summary_;
};

}  // namespace kyoten
