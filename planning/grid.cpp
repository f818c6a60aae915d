#include "planning/grid.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <string_view>

#include "scenario/input_error.hpp"

namespace kyoten::planning {
namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// Splits at `separator` where it is outside brackets, braces and quotes, so TOML arrays, inline tables and
// strings can be values.
std::vector<std::string> split_top_level(std::string_view text, char separator) {
  std::vector<std::string> parts;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\' && quote == '"')
        ++i;  // an escaped character inside a basic string
      else if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == separator && depth == 0) {
      parts.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim(text.substr(start)));
  return parts;
}

[[noreturn]] void fail(const std::string& option, const std::string& text, const std::string& message) {
  throw InputErrors({InputError{.file = "",
                                .line = 0,
                                .column = 0,
                                .key = option,
                                .message = "'" + text + "': " + message,
                                .hint = "write " + option +
                                        " KEY=V1,V2,… (keys that move together: "
                                        "KEY1=V1,V2;KEY2=W1,W2)"}});
}

}  // namespace

Dimension parse_dimension(const std::string& text, const std::string& option) {
  Dimension d;
  for (const std::string& part : split_top_level(text, ';')) {
    const auto eq = part.find('=');
    if (eq == std::string::npos) fail(option, text, "no '=' between the key and its values");
    std::string key = trim(std::string_view(part).substr(0, eq));
    if (key.empty()) fail(option, text, "a key is missing before '='");
    std::vector<std::string> values = split_top_level(std::string_view(part).substr(eq + 1), ',');
    for (const std::string& v : values)
      if (v.empty()) fail(option, text, "empty value for " + key);
    if (!d.keys.empty() && values.size() != d.size())
      fail(option, text,
           "keys joined by ';' move together and need equally many values (" + d.keys.front() + " has " +
               std::to_string(d.size()) + ", " + key + " has " + std::to_string(values.size()) + ")");
    for (const std::string& k : d.keys)
      if (k == key) fail(option, text, key + " appears twice");
    d.keys.push_back(std::move(key));
    d.values.push_back(std::move(values));
  }
  return d;
}

std::vector<GridPoint> cartesian_product(const std::vector<Dimension>& dimensions) {
  double size = 1;  // in floating point: a product of many dimensions must not wrap around
  for (const Dimension& d : dimensions) size *= static_cast<double>(d.size());
  if (size > static_cast<double>(kMaxGridPoints))
    throw InputErrors({InputError{.file = "",
                                  .line = 0,
                                  .column = 0,
                                  .key = "",
                                  .message = fmt::format("the grid has {:.0f} points; at most {}", size, kMaxGridPoints),
                                  .hint = "vary fewer values at once, or split the grid over several sweeps"}});
  std::vector<GridPoint> points(1);
  for (const Dimension& d : dimensions) {
    std::vector<GridPoint> next;
    next.reserve(points.size() * d.size());
    for (const GridPoint& p : points)
      for (std::size_t i = 0; i < d.size(); ++i) {
        GridPoint q = p;
        for (std::size_t k = 0; k < d.keys.size(); ++k) q.settings.emplace_back(d.keys[k], d.values[k][i]);
        next.push_back(std::move(q));
      }
    points = std::move(next);
  }
  return points;
}

std::vector<std::string> overrides_of(const GridPoint& point) {
  std::vector<std::string> out;
  for (const auto& [key, value] : point.settings) out.push_back(key + "=" + value);
  return out;
}

nlohmann::ordered_json point_json(const GridPoint& point) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [key, text] : point.settings) {
    j[key] = text;
    try {  // read as the loader reads it: a TOML value
      const toml::table doc = toml::parse(std::string_view{"v = " + text});
      const toml::node& v = *doc.get("v");
      if (const auto i = v.value_exact<std::int64_t>())
        j[key] = *i;
      else if (const auto d = v.value_exact<double>())
        j[key] = *d;
      else if (const auto b = v.value_exact<bool>())
        j[key] = *b;
      else if (const auto s = v.value_exact<std::string>())
        j[key] = *s;
    } catch (const toml::parse_error&) {
      // plain text, kept as given
    }
  }
  return j;
}

std::string point_label(const GridPoint& point) {
  std::string out;
  for (const auto& [key, value] : point.settings) out += (out.empty() ? "" : ", ") + key + "=" + value;
  return out;
}

nlohmann::ordered_json dimensions_json(const std::vector<Dimension>& dimensions) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const Dimension& d : dimensions) {
    nlohmann::ordered_json dim = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < d.keys.size(); ++k) dim[d.keys[k]] = d.values[k];
    j.push_back(std::move(dim));
  }
  return j;
}

}  // namespace kyoten::planning
