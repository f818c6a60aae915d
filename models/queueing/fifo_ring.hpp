#pragma once
// A first-in first-out queue on a power-of-two ring buffer. Unlike std::deque it allocates only when it has to
// grow (doubling), so a model that reserves ahead allocates nothing per customer in steady state.
#include <cassert>
#include <cstddef>
#include <vector>

namespace kyoten::queueing {

template <class T>
class FifoRing {
 public:
  explicit FifoRing(std::size_t expected = 64) { buffer_.resize(round_up(expected)); }

  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }

  void push(const T& x) {
    if (size_ == buffer_.size()) grow();
    buffer_[(head_ + size_) & (buffer_.size() - 1)] = x;
    ++size_;
  }

  T pop() {
    assert(size_ > 0);
    const T x = buffer_[head_];
    head_ = (head_ + 1) & (buffer_.size() - 1);
    --size_;
    return x;
  }

  void clear() { head_ = size_ = 0; }

 private:
  static std::size_t round_up(std::size_t n) {
    std::size_t p = 1;
    while (p < n) p <<= 1;
    return p;
  }
  void grow() {
    std::vector<T> bigger(buffer_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = buffer_[(head_ + i) & (buffer_.size() - 1)];
    buffer_.swap(bigger);
    head_ = 0;
  }

  std::vector<T> buffer_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace kyoten::queueing
