#include "sim/event/event_calendar.hpp"

#include <algorithm>
#include <cassert>

namespace kyoten::sim {

EventHandle EventCalendar::schedule_cancellable(const Event& e) {
  std::uint32_t slot;
  if (free_slot_ != kNoSlot) {
    slot = free_slot_;
    free_slot_ = slots_[slot].position;
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(Slot{});
  }
  push(node_of(e, slot));
  return EventHandle{slot, slots_[slot].generation};
}

bool EventCalendar::pending(EventHandle h) const {
  if (!h.valid() || h.slot >= slots_.size() || slots_[h.slot].generation != h.generation) return false;
  const std::uint32_t position = slots_[h.slot].position;
  const auto& heap = heaps_[(position & kFarBit) != 0 ? kFar : kNear];
  const std::size_t i = position & ~kFarBit;
  return i < heap.size() && heap[i].slot == h.slot;
}

bool EventCalendar::cancel(EventHandle h) {
  if (!pending(h)) return false;
  settle();
  const std::uint32_t position = slots_[h.slot].position;
  release(h.slot);
  remove_at((position & kFarBit) != 0 ? kFar : kNear, position & ~kFarBit);
  return true;
}

Time EventCalendar::next_time() const {
  if (empty()) return std::numeric_limits<Time>::infinity();
  // A vacant root's heap has its least node among the root's children.
  const auto head = [this](HeapId h) -> std::uint64_t {
    const auto& heap = heaps_[h];
    if (heap.empty() || (vacant_ == h && heap.size() == 1)) return key_of_time(std::numeric_limits<Time>::infinity());
    if (vacant_ != h) return heap.front().time_key;
    return heap[least_child(heap, 0).first].time_key;
  };
  return time_of_key(std::min(head(kNear), head(kFar)));
}

Event EventCalendar::pop() {
  assert(!empty());
  settle();
  const HeapId h = first_heap();
  const Node top = heaps_[h].front();
  if (top.slot != kNoSlot) release(top.slot);
  if (heaps_[h].size() == 1) {
    heaps_[h].pop_back();
  } else {
    vacant_ = h;
  }
  const Event e = top.event();
  now_ = e.time;
  return e;
}

void EventCalendar::clear() {
  vacant_ = kNone;
  heaps_[kNear].clear();
  heaps_[kFar].clear();
  slots_.clear();
  free_slot_ = kNoSlot;
  next_seq_ = 0;
  now_ = 0.0;
}

void EventCalendar::push(const Node& n) {
  assert(time_of_key(n.time_key) >= now_ && "an event may not be scheduled in the past");
  const HeapId h = n.time_key > key_of_time(now_ + kFarAhead) ? kFar : kNear;
  if (vacant_ == h) {
    vacant_ = kNone;
    sift_down(h, 0, n);
    return;
  }
  settle();
  heaps_[h].push_back(n);
  sift_up(h, heaps_[h].size() - 1, n);
}

void EventCalendar::release(std::uint32_t slot) {
  // A new generation makes every outstanding handle to this slot stale.
  ++slots_[slot].generation;
  slots_[slot].position = free_slot_;
  free_slot_ = slot;
}

void EventCalendar::remove_at(HeapId h, std::size_t i) {
  auto& heap = heaps_[h];
  const Node last = heap.back();
  heap.pop_back();
  if (i == heap.size()) return;
  if (i > 0 && before(last, heap[parent_of(i)])) {
    sift_up(h, i, last);
  } else {
    sift_down(h, i, last);
  }
}

void EventCalendar::sift_up(HeapId h, std::size_t i, Node n) {
  const auto& heap = heaps_[h];
  while (i > 0) {
    const std::size_t parent = parent_of(i);
    if (!before(n, heap[parent])) break;
    place(h, i, heap[parent]);
    i = parent;
  }
  place(h, i, n);
}

std::pair<std::size_t, EventCalendar::Order> EventCalendar::least_child(const std::vector<Node>& heap,
                                                                         std::size_t i) {
  const std::size_t first = kArity * i + 1;
  const std::size_t last = std::min(first + kArity, heap.size());
  std::size_t child = first;
  Order least = heap[first].order();
  for (std::size_t k = first + 1; k < last; ++k) {
    const Order o = heap[k].order();
    const bool less = o < least;  // chosen without a branch: which child is least is unpredictable
    child = less ? k : child;
    least = less ? o : least;
  }
  return {child, least};
}

void EventCalendar::sift_down(HeapId h, std::size_t i, Node n) {
  const auto& heap = heaps_[h];
  const std::size_t size = heap.size();
  for (;;) {
    const std::size_t first = kArity * i + 1;
    if (first >= size) break;
    const auto [child, least] = least_child(heap, i);
    if (!(least < n.order())) break;
    place(h, i, heap[child]);
    i = child;
  }
  place(h, i, n);
}

}  // namespace kyoten::sim
