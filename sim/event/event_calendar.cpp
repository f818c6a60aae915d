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
  push(Node{e, next_seq_++, slot});
  return EventHandle{slot, slots_[slot].generation};
}

bool EventCalendar::pending(EventHandle h) const {
  return h.valid() && h.slot < slots_.size() && slots_[h.slot].generation == h.generation &&
         slots_[h.slot].position < heap_.size() && heap_[slots_[h.slot].position].slot == h.slot;
}

bool EventCalendar::cancel(EventHandle h) {
  if (!pending(h)) return false;
  const std::size_t i = slots_[h.slot].position;
  release(h.slot);
  remove_at(i);
  return true;
}

Event EventCalendar::pop() {
  assert(!heap_.empty());
  const Node top = heap_.front();
  if (top.slot != kNoSlot) release(top.slot);
  remove_at(0);
  now_ = top.event.time;
  return top.event;
}

void EventCalendar::clear() {
  heap_.clear();
  slots_.clear();
  free_slot_ = kNoSlot;
  next_seq_ = 0;
  now_ = 0.0;
}

void EventCalendar::push(const Node& n) {
  assert(n.event.time >= now_ && "an event may not be scheduled in the past");
  heap_.push_back(n);
  sift_up(heap_.size() - 1, n);
}

void EventCalendar::release(std::uint32_t slot) {
  // A new generation makes every outstanding handle to this slot stale.
  ++slots_[slot].generation;
  slots_[slot].position = free_slot_;
  free_slot_ = slot;
}

void EventCalendar::remove_at(std::size_t i) {
  const Node last = heap_.back();
  heap_.pop_back();
  if (i == heap_.size()) return;
  if (i > 0 && before(last, heap_[parent_of(i)])) {
    sift_up(i, last);
  } else {
    sift_down(i, last);
  }
}

void EventCalendar::sift_up(std::size_t i, Node n) {
  while (i > 0) {
    const std::size_t parent = parent_of(i);
    if (!before(n, heap_[parent])) break;
    place(i, heap_[parent]);
    i = parent;
  }
  place(i, n);
}

void EventCalendar::sift_down(std::size_t i, Node n) {
  const std::size_t size = heap_.size();
  for (;;) {
    const std::size_t first = kArity * i + 1;
    if (first >= size) break;
    std::size_t child = first;
    const std::size_t last = std::min(first + kArity, size);
    for (std::size_t k = first + 1; k < last; ++k) {
      if (before(heap_[k], heap_[child])) child = k;
    }
    if (!before(heap_[child], n)) break;
    place(i, heap_[child]);
    i = child;
  }
  place(i, n);
}

}  // namespace kyoten::sim
