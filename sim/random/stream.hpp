#pragma once
// Random-number streams keyed by (seed, replication, purpose).
//
// Every stochastic element of a model draws from its own stream, so changing one part of a scenario (the
// staffing, say) leaves every other sequence (the arrivals) exactly as it was: common random numbers make
// scenario comparisons sharp. A stream's state is derived from its key alone, the way ns-3's seed manager
// derives runs, so replication r is the same whichever thread runs it.
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>
#include <cstdint>
#include <string_view>

namespace kyoten::sim {

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::uint64_t purpose = 0;
};

// A stable 64-bit code for a purpose name (FNV-1a), so purposes can be named in code ("arrivals") and stay
// the same across builds and platforms.
constexpr std::uint64_t purpose_code(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

class RandomStream {
 public:
  using Engine = boost::random::mt19937_64;
  using result_type = Engine::result_type;

  explicit RandomStream(StreamKey key);
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view purpose)
      : RandomStream(StreamKey{seed, replication, purpose_code(purpose)}) {}

  // A UniformRandomBitGenerator, so Boost.Random distributions take the stream directly.
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }  // mt19937_64 spans all 64 bits
  result_type operator()() { return engine_(); }

  // Uniform on [0, 1).
  double uniform() { return boost::random::uniform_01<double>()(engine_); }
  bool bernoulli(double p) { return uniform() < p; }

  [[nodiscard]] const StreamKey& key() const { return key_; }

 private:
  StreamKey key_;
  Engine engine_;
};

}  // namespace kyoten::sim
