#include "presentation/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace kyoten::planning {
namespace {
constexpr std::chrono::milliseconds kRedrawInterval{100};
constexpr int kBarWidth = 30;
}  // namespace

std::string format_duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{} min {:02} s", s / 60, s % 60);
  return fmt::format("{} h {:02} min", s / 3600, (s % 3600) / 60);
}

ProgressBar::ProgressBar(std::size_t total, bool enabled)
    : total_(total), shown_(enabled && ::isatty(::fileno(stderr))), start_(std::chrono::steady_clock::now()) {}

double ProgressBar::seconds_elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

double ProgressBar::seconds_left(std::size_t done) const {
  if (done == 0) return -1;
  return seconds_elapsed() * static_cast<double>(total_ - std::min(done, total_)) / static_cast<double>(done);
}

void ProgressBar::update(std::size_t done, std::string_view label) {
  const auto now = std::chrono::steady_clock::now();
  if (!shown_ || (done < total_ && now - last_drawn_ < kRedrawInterval)) return;
  last_drawn_ = now;
  const double fraction = total_ ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  const double left = seconds_left(done);
  fmt::print(stderr, "\r\033[K[{}{}] {:3.0f}%  {}  {}", std::string(filled, '#'), std::string(kBarWidth - filled, '.'),
             100 * fraction, label, left < 0 ? std::string("ETA -") : "ETA " + format_duration(left));
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (shown_) fmt::print(stderr, "\r\033[K");
}

}  // namespace kyoten::planning
