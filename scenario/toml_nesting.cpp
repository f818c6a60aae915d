#include "scenario/toml_nesting.hpp"

#include <vector>

namespace kyoten::scenario {
namespace {

// A scan of the text that knows only what nesting needs: strings, comments, keys, headers and brackets.
class NestingScan {
 public:
  NestingScan(std::string_view text, int limit) : text_(text), limit_(limit) {}

  std::optional<TooDeep> run() {
    while (i_ < text_.size() && !found_) step();
    return found_;
  }

 private:
  void step() {
    const char c = text_[i_];
    if (c == '\n') {
      ++line_;
      ++i_;
      if (open_.empty()) start_line();
      return;
    }
    if (c == '#') return skip_comment();
    if (c == '"' || c == '\'') return skip_string(c);
    if (c != ' ' && c != '\t' && c != '\r' && c != '[') at_line_start_ = false;
    switch (c) {
      case '[': open_bracket(); break;
      case '{': push(), in_key_ = true, key_segments_ = 1; break;
      case ']':
        if (in_header_) {
          header_depth_ = key_segments_;
          in_header_ = false;
          check(header_depth_);
        } else {
          pop();
        }
        break;
      case '}': pop(); break;
      case ',':
        if (!open_.empty() && text_[open_.back().position] == '{') in_key_ = true, key_segments_ = 1;
        break;
      case '=':
        if (in_key_) {
          in_key_ = false;
          pending_ = key_segments_;
          check(header_depth_ + open_depth_ + pending_);
        }
        break;
      case '.':
        if (in_key_ || in_header_) ++key_segments_;
        break;
      default: break;
    }
    ++i_;
  }

  void start_line() {
    at_line_start_ = true;
    pending_ = 1;
    in_key_ = true;
    key_segments_ = 1;
  }

  void open_bracket() {
    if (at_line_start_ && open_.empty()) {  // [table] or [[array.of.tables]]
      if (i_ + 1 < text_.size() && text_[i_ + 1] == '[') ++i_;
      in_header_ = true;
      in_key_ = false;
      key_segments_ = 1;
      at_line_start_ = false;
      return;
    }
    push();
  }

  // An inline table or array opens below the key that holds it (or one level below its enclosing array).
  void push() {
    open_.push_back({i_, pending_});
    open_depth_ += pending_;
    pending_ = 1;
    check(header_depth_ + open_depth_);
  }

  void pop() {
    if (open_.empty()) return;  // unbalanced: the parser reports it
    open_depth_ -= open_.back().added;
    open_.pop_back();
    in_key_ = false;
  }

  void check(int depth) {
    if (depth > limit_ && !found_) found_ = TooDeep{line_, depth};
  }

  void skip_comment() {
    while (i_ < text_.size() && text_[i_] != '\n') ++i_;
  }

  void skip_string(char quote) {
    const bool multi_line = triple(quote);
    const std::size_t open_length = multi_line ? 3 : 1;
    i_ += open_length;
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == '\\' && quote == '"') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++line_;
        i_ += 2;
        continue;
      }
      if (c == '\n') {
        if (!multi_line) return;  // unterminated: the parser reports it
        ++line_;
      }
      if (c == quote && (!multi_line || triple(quote))) {
        i_ += open_length;
        return;
      }
      ++i_;
    }
  }

  [[nodiscard]] bool triple(char quote) const {
    return i_ + 2 < text_.size() && text_[i_] == quote && text_[i_ + 1] == quote && text_[i_ + 2] == quote;
  }

  struct Open {
    std::size_t position;  // of the bracket, whose character says its kind
    int added;             // levels it adds
  };

  std::string_view text_;
  int limit_;
  std::size_t i_ = 0;
  int line_ = 1;
  bool at_line_start_ = true;
  bool in_key_ = true;
  bool in_header_ = false;
  int key_segments_ = 1;
  int header_depth_ = 0;
  int pending_ = 1;
  int open_depth_ = 0;
  std::vector<Open> open_;
  std::optional<TooDeep> found_;
};

}  // namespace

std::optional<TooDeep> find_too_deep(std::string_view text, int limit) { return NestingScan(text, limit).run(); }

}  // namespace kyoten::scenario
