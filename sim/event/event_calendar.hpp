#pragma once
// The future-event list: a contiguous 4-ary heap of small event values.
//
// Events are plain values (time, kind, subject); the model that owns the calendar decides what a kind
// means and dispatches with a switch, so no std::function or allocation is made per event. Equal times pop in
// the order they were scheduled (FIFO), which makes runs reproducible without priority rules hidden in code.
// An event may be scheduled as cancellable: it then owns a handle slot that always knows the event's heap
// position (as in OMNeT++'s event heap), so cancelling is O(log n) with no search. Slots are recycled through
// a free list, so after warm-up the calendar allocates nothing.
// Events due more than a week ahead (a model's yearly reviews, leaving dates) wait in a second heap: the heap
// popped on nearly every event then stays small, and a pop takes the earlier of the two heads, so the order of
// events is exactly that of one heap.
#include <bit>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "sim/time/units.hpp"

namespace kyoten::sim {

struct Event {
  Time time = 0.0;
  std::uint32_t kind = 0;     // what happens: the model's own enumeration
  std::uint32_t subject = 0;  // to whom: an index into the model's own tables
};

// Refers to a cancellable event; stale once the event fired or was cancelled (the generation tells).
struct EventHandle {
  std::uint32_t slot = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t generation = 0;
  [[nodiscard]] bool valid() const { return slot != std::numeric_limits<std::uint32_t>::max(); }
};

class EventCalendar {
 public:
  EventCalendar() = default;
  explicit EventCalendar(std::size_t expected_pending) { reserve(expected_pending); }

  void reserve(std::size_t n) {
    heaps_[kNear].reserve(n);
    heaps_[kFar].reserve(n);
  }

  // Schedules an event; its time must not lie before now() (checked in debug builds).
  void schedule(const Event& e) { push(node_of(e, kNoSlot)); }
  void schedule(Time time, std::uint32_t kind, std::uint32_t subject = 0) {
    schedule(Event{time, kind, subject});
  }

  // Schedules an event that can later be cancelled through the returned handle.
  EventHandle schedule_cancellable(const Event& e);

  // Removes a pending event. Returns false (and does nothing) if it has already fired or been cancelled.
  bool cancel(EventHandle h);
  [[nodiscard]] bool pending(EventHandle h) const;

  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] std::size_t size() const {
    return heaps_[kNear].size() + heaps_[kFar].size() - (vacant_ != kNone ? 1 : 0);
  }
  [[nodiscard]] Time next_time() const;

  // Removes the earliest event, advances the clock to its time and returns it. Precondition: !empty().
  Event pop();

  // The simulation clock: the time of the event last popped.
  [[nodiscard]] Time now() const { return now_; }

  // Empties the calendar and resets the clock, keeping the memory for the next replication.
  void clear();

 private:
  static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

  // A pending event, ordered by (time, insertion order) as one 128-bit unsigned key: the time's bits mapped so
  // that unsigned order is numeric order, then the sequence number that breaks ties first in, first out. One
  // comparison without branches on the time replaces two that the CPU mispredicts about half the time.
  __extension__ using Order = unsigned __int128;  // a GCC/Clang extension, hence __extension__ under -Wpedantic
  struct Node {
    std::uint64_t time_key;
    std::uint64_t seq;
    std::uint32_t kind;
    std::uint32_t subject;
    std::uint32_t slot;
    [[nodiscard]] Order order() const { return (static_cast<Order>(time_key) << 64U) | seq; }
    [[nodiscard]] Event event() const { return Event{time_of_key(time_key), kind, subject}; }
  };
  // Order-preserving map of a double (not NaN) to 64 bits: flip every bit of a negative, the sign bit of a
  // positive; -0.0 is made +0.0 first so that the two zeros tie, as they compare equal.
  static std::uint64_t key_of_time(Time t) {
    const auto bits = std::bit_cast<std::uint64_t>(t + 0.0);
    return (bits >> 63U) != 0 ? ~bits : bits | kSignBit;
  }
  static Time time_of_key(std::uint64_t key) {
    return std::bit_cast<Time>((key & kSignBit) != 0 ? key & ~kSignBit : ~key);
  }
  static constexpr std::uint64_t kSignBit = 0x8000'0000'0000'0000ULL;
  struct Slot {
    std::uint32_t position = 0;  // index in its heap (top bit: the far heap) while pending; next free slot while free
    std::uint32_t generation = 0;
  };

  // A 4-ary heap: half the depth of a binary one, and a node's children share a cache line or two, which
  // matters once thousands of events are pending (registrants' leave and re-assessment dates).
  static constexpr std::size_t kArity = 4;
  static std::size_t parent_of(std::size_t i) { return (i - 1) / kArity; }

  static bool before(const Node& a, const Node& b) { return a.order() < b.order(); }
  // The two heaps, and how a slot's position names one of them: its top bit.
  enum HeapId : std::uint32_t { kNear = 0, kFar = 1, kNone = 2 };
  static constexpr Time kFarAhead = kHoursPerWeek;
  static constexpr std::uint32_t kFarBit = 0x8000'0000U;
  // Most events schedule the next one as they are handled, so a pop leaves its heap's root vacant and the next
  // push into that heap fills it and sifts down (new events are mostly soon, so they stay near the top): one
  // sift instead of two. Anything else first settles the heap as a plain pop would have left it.
  void settle() {
    if (vacant_ == kNone) return;
    const HeapId h = vacant_;
    vacant_ = kNone;
    remove_at(h, 0);
  }
  // The heap whose head pops next. Precondition: !empty() and no vacancy.
  [[nodiscard]] HeapId first_heap() const {
    const auto& near = heaps_[kNear];
    const auto& far = heaps_[kFar];
    return far.empty() || (!near.empty() && before(near.front(), far.front())) ? kNear : kFar;
  }
  Node node_of(const Event& e, std::uint32_t slot) {
    return Node{key_of_time(e.time), next_seq_++, e.kind, e.subject, slot};
  }
  void push(const Node& n);
  void place(HeapId h, std::size_t i, const Node& n) {
    heaps_[h][i] = n;
    if (n.slot != kNoSlot) slots_[n.slot].position = static_cast<std::uint32_t>(i) | (h == kFar ? kFarBit : 0U);
  }
  // The child of node i with the least order, and that order; node i must have a child.
  static std::pair<std::size_t, Order> least_child(const std::vector<Node>& heap, std::size_t i);
  void sift_up(HeapId h, std::size_t i, Node n);
  void sift_down(HeapId h, std::size_t i, Node n);
  void remove_at(HeapId h, std::size_t i);
  void release(std::uint32_t slot);

  std::vector<Node> heaps_[2];
  std::vector<Slot> slots_;
  std::uint32_t free_slot_ = kNoSlot;
  std::uint64_t next_seq_ = 0;
  Time now_ = 0.0;
  HeapId vacant_ = kNone;  // the heap whose root the last pop left vacant, if any
};

}  // namespace kyoten::sim
