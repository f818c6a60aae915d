#pragma once
// A progress bar with an estimate of the time left, drawn on one rewritten line of stderr, only when a person is
// watching (stderr is a terminal); redrawn at most every 100 ms, since a replication can take a millisecond.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "presentation/terminal_table.hpp"

namespace kyoten::presentation {


// "45 s", "3 min 05 s", "1 h 12 min"; in Japanese "45秒", "3分05秒", "1時間12分".
std::string format_duration(double seconds, Language language = Language::English);

// What the bar counts: "12/48 replications" / "反復 12/48".
std::string replications_text(std::size_t done, std::size_t total, Language language);

class ProgressBar {
 public:
  // `total` work units (e.g. replications); drawn only if `enabled` and stderr is a terminal; the time left in
  // `language` (the labels given to update() are the caller's).
  ProgressBar(std::size_t total, bool enabled, Language language);
  [[nodiscard]] bool shown() const { return shown_; }
  // `done` units finished; `label` says what in words ("12/48 points").
  void update(std::size_t done, std::string_view label);
  // Seconds left at the pace so far; negative when unknown (nothing done yet).
  [[nodiscard]] double seconds_left(std::size_t done) const;
  [[nodiscard]] double seconds_elapsed() const;
  // Clears the line, so what follows starts on a clean one.
  void finish();

 private:
  std::size_t total_;
  bool shown_;
  Language language_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_drawn_{};
};

}  // namespace kyoten::presentation
