#pragma once
// The future-event list: a contiguous 4-ary heap of small event values.
//
// Events are plain values (time, kind, subject); the model that owns the calendar decides what a kind
// means and dispatches with a switch, so no std::function or allocation is made per event. Equal times pop in
// the order they were scheduled (FIFO), which makes runs reproducible without priority rules hidden in code.
// An event may be scheduled as cancellable: it then owns a handle slot that always knows the event's heap
// position (as in OMNeT++'s event heap), so cancelling is O(log n) with no search. Slots are recycled through
// a free list, so after warm-up the calendar allocates nothing.
#include <cstdint>
#include <limits>
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

  void reserve(std::size_t n) { heap_.reserve(n); }

  // Schedules an event; its time must not lie before now() (checked in debug builds).
  void schedule(const Event& e) { push(Node{e, next_seq_++, kNoSlot}); }
  void schedule(Time time, std::uint32_t kind, std::uint32_t subject = 0) {
    schedule(Event{time, kind, subject});
  }

  // Schedules an event that can later be cancelled through the returned handle.
  EventHandle schedule_cancellable(const Event& e);

  // Removes a pending event. Returns false (and does nothing) if it has already fired or been cancelled.
  bool cancel(EventHandle h);
  [[nodiscard]] bool pending(EventHandle h) const;

  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  [[nodiscard]] Time next_time() const {
    return heap_.empty() ? std::numeric_limits<Time>::infinity() : heap_.front().event.time;
  }

  // Removes the earliest event, advances the clock to its time and returns it. Precondition: !empty().
  Event pop();

  // The simulation clock: the time of the event last popped.
  [[nodiscard]] Time now() const { return now_; }

  // Empties the calendar and resets the clock, keeping the memory for the next replication.
  void clear();

 private:
  static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

  struct Node {
    Event event;
    std::uint64_t seq;  // insertion order: breaks ties between equal times (FIFO)
    std::uint32_t slot;
  };
  struct Slot {
    std::uint32_t position = 0;  // index in heap_ while pending; next free slot while free
    std::uint32_t generation = 0;
  };

  // A 4-ary heap: half the depth of a binary one, and a node's children share a cache line or two, which
  // matters once thousands of events are pending (registrants' leave and re-assessment dates).
  static constexpr std::size_t kArity = 4;
  static std::size_t parent_of(std::size_t i) { return (i - 1) / kArity; }

  static bool before(const Node& a, const Node& b) {
    return a.event.time < b.event.time || (a.event.time == b.event.time && a.seq < b.seq);
  }
  void push(const Node& n);
  void place(std::size_t i, const Node& n) {
    heap_[i] = n;
    if (n.slot != kNoSlot) slots_[n.slot].position = static_cast<std::uint32_t>(i);
  }
  void sift_up(std::size_t i, Node n);
  void sift_down(std::size_t i, Node n);
  void remove_at(std::size_t i);
  void release(std::uint32_t slot);

  std::vector<Node> heap_;
  std::vector<Slot> slots_;
  std::uint32_t free_slot_ = kNoSlot;
  std::uint64_t next_seq_ = 0;
  Time now_ = 0.0;
};

}  // namespace kyoten::sim
