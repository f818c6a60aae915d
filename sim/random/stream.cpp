#include "sim/random/stream.hpp"

#include <boost/random/seed_seq.hpp>

namespace kyoten::sim {
namespace {

// SplitMix64 finaliser: spreads neighbouring keys (replication 7 and 8) to unrelated seed words.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

RandomStream::Engine make_engine(const StreamKey& k) {
  const std::uint64_t words[3] = {mix(k.seed), mix(k.replication ^ 0x5851f42d4c957f2dULL), mix(k.purpose)};
  std::uint32_t parts[6];
  for (int i = 0; i < 3; ++i) {
    parts[2 * i] = static_cast<std::uint32_t>(words[i]);
    parts[2 * i + 1] = static_cast<std::uint32_t>(words[i] >> 32);
  }
  // seed_seq fills the whole Mersenne Twister state from the key, avoiding correlated starting states.
  boost::random::seed_seq seq(parts, parts + 6);
  return RandomStream::Engine(seq);
}

}  // namespace

RandomStream::RandomStream(StreamKey key) : key_(key), engine_(make_engine(key)) {}

}  // namespace kyoten::sim
