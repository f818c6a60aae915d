#include "presentation/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace kyoten::presentation {
namespace {
constexpr std::chrono::milliseconds kRedrawInterval{100};
constexpr int kBarWidth = 30;
}  // namespace

std::string format_duration(double seconds, Language language) {
  const long s = std::lround(std::max(0.0, seconds));
  const bool ja = language == Language::Japanese;
  if (s < 60) return fmt::format(fmt::runtime(ja ? "{}秒" : "{} s"), s);
  if (s < 3600) return fmt::format(fmt::runtime(ja ? "{}分{:02}秒" : "{} min {:02} s"), s / 60, s % 60);
  return fmt::format(fmt::runtime(ja ? "{}時間{:02}分" : "{} h {:02} min"), s / 3600, (s % 3600) / 60);
}

std::string replications_text(std::size_t done, std::size_t total, Language language) {
  return fmt::format(fmt::runtime(language == Language::Japanese ? "反復 {}/{}" : "{}/{} replications"), done, total);
}

ProgressBar::ProgressBar(std::size_t total, bool enabled, Language language)
    : total_(total),
      shown_(enabled && ::isatty(::fileno(stderr))),
      language_(language),
      start_(std::chrono::steady_clock::now()) {}

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
  const bool ja = language_ == Language::Japanese;
  const std::string eta = left < 0 ? (ja ? "残り -" : "ETA -") : (ja ? "残り約" : "ETA ") + format_duration(left, language_);
  fmt::print(stderr, "\r\033[K[{}{}] {:3.0f}%  {}  {}", std::string(filled, '#'), std::string(kBarWidth - filled, '.'),
             100 * fraction, label, eta);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (shown_) fmt::print(stderr, "\r\033[K");
}

}  // namespace kyoten::presentation
