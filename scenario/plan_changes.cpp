#include "scenario/plan_changes.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/base_resolution.hpp"
#include "scenario/did_you_mean.hpp"
#include "scenario/scenario_reader.hpp"
#include "scenario/table_reader.hpp"
#include "sim/time/civil_calendar.hpp"

namespace kyoten::scenario {
namespace {

// Sections a change may state.
constexpr std::array<std::string_view, 13> kChangeable = {
    "calls",  "centers",      "facilities", "facility_defaults", "hub",    "budget",          "search",
    "stays",  "home_support", "assessment", "duties",            "experience", "emergency_places"};

// Sections fixed for the whole run, and why.
struct Fixed {
  std::string_view key;
  std::string_view why;
};
constexpr std::array<Fixed, 7> kFixed = {{
    {"calendar", "a run keeps one calendar of working days"},
    {"meta", "a run has one name and title; say why the plan changes in `reason`"},
    {"horizon", "a run has one horizon; a change takes effect at its `from` date"},
    {"regions", "regions are fixed for the run; a center's work can move with `overflow`"},
    {"registration",
     "the registration path spans the whole run: state it in the plan's [registration], its knots are dated"},
    {"base", "only the scenario file itself may name a base"},
    {"changes", "changes do not nest: list each as its own [[changes]] entry"},
}};

// What identifies an element of an array of tables across plans: its name, or a budget line's year and line.
std::optional<std::string> identity(const toml::node& element) {
  const auto* t = element.as_table();
  if (!t) return std::nullopt;
  if (const auto* name = t->get_as<std::string>("name")) return "name " + name->get();
  const auto* year = t->get_as<std::int64_t>("fiscal_year");
  const auto* line = t->get_as<std::string>("line");
  if (year && line) return "line " + std::to_string(year->get()) + " " + line->get();
  return std::nullopt;
}

// Merges `over` into `into` element by element when every element of `over` has an identity; false (nothing
// done) otherwise, and the array is then replaced whole like any other value. An identity given twice in one
// change is appended again, so the reader reports the duplicate rather than the merge hiding it.
bool merge_by_identity(toml::array& into, toml::array& over) {
  if (over.empty() || !std::all_of(over.begin(), over.end(), [](const toml::node& e) { return identity(e).has_value(); }))
    return false;
  std::vector<std::string> seen;
  for (toml::node& element : over) {
    const std::string id = *identity(element);
    toml::node* match = nullptr;
    if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
      for (toml::node& old : into)
        if (identity(old) == id) match = &old;
    }
    seen.push_back(id);
    if (match && match->is_table())
      apply_change(*match->as_table(), std::move(*element.as_table()));
    else
      into.push_back(std::move(*element.as_table()));
  }
  return true;
}

std::vector<std::string> names_in(const toml::table& root, std::string_view key) {
  std::vector<std::string> names;
  if (const auto* array = root.get_as<toml::array>(key))
    for (const toml::node& element : *array)
      if (const auto* t = element.as_table())
        if (const auto* name = t->get_as<std::string>("name")) names.push_back(name->get());
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// An emergency place's name and kind, for each [[emergency_places]] entry of a plan.
std::map<std::string, std::string> place_kinds_in(const toml::table& root) {
  std::map<std::string, std::string> kinds;
  if (const auto* array = root.get_as<toml::array>("emergency_places"))
    for (const toml::node& element : *array)
      if (const auto* t = element.as_table())
        if (const auto* name = t->get_as<std::string>("name"))
          kinds[name->get()] = t->get_as<std::string>("kind") ? t->get_as<std::string>("kind")->get() : "";
  return kinds;
}

// Who a change addresses in [[changes.centers]], [[changes.facilities]] and [[changes.emergency_places]],
// checked against the plan before it.
struct Known {
  std::vector<std::string> centers;
  std::vector<std::string> facilities;
  std::map<std::string, std::string> place_kinds;  // name → kind
};

// The entries of changes[i].emergency_places: each names its place; a new name joins the plan; a place already
// in it keeps its kind (the people it holds were taken in as that kind); `leaves = true` closes one.
void check_place_entries(ErrorSink& sink, const toml::table& change, const std::string& path, Known& known) {
  const auto* array = change.get_as<toml::array>("emergency_places");
  if (!array) return;  // not an array: the plan's own reader says so
  for (std::size_t j = 0; j < array->size(); ++j) {
    const auto* entry = array->get(j)->as_table();
    const std::string at = element_path(child_path(path, "emergency_places"), j);
    if (!entry) continue;
    const auto* name = entry->get_as<std::string>("name");
    if (!name) {
      const auto* name_node = entry->get("name");
      sink.at(name_node ? *name_node : static_cast<const toml::node&>(*entry), child_path(at, "name"),
              "a change names the emergency place it changes",
              "write name = \"...\" as in [[emergency_places]]; a new name joins the plan");
      continue;
    }
    const auto* kind = entry->get_as<std::string>("kind");
    const auto it = known.place_kinds.find(name->get());
    if (it == known.place_kinds.end()) {
      if (const auto* leaves = entry->get("leaves")) {
        std::vector<std::string> places;
        for (const auto& [place, kind_of_place] : known.place_kinds) places.push_back(place);
        sink.at(*leaves, child_path(at, "leaves"),
                "emergency place '" + name->get() + "' is not in the plan, so it cannot leave",
                suggestion_hint(name->get(), places));
      }
      known.place_kinds[name->get()] = kind ? kind->get() : "";  // joins
    } else if (kind && kind->get() != it->second) {
      sink.at(*kind, child_path(at, "kind"),
              "emergency place '" + name->get() + "' is of kind \"" + it->second + "\" for the whole run",
              "leave kind out; to open a place of another kind, give it a new name (and leaves = true on this one)");
    }
  }
}

// The entries of changes[i].centers or changes[i].facilities: each names what it changes; a center must
// exist and keeps its regions; a facility not yet in the plan joins, one already in it keeps its region.
void check_entries(ErrorSink& sink, const toml::table& change, std::string_view key, const std::string& path,
                   Known& known) {
  const auto* array = change.get_as<toml::array>(key);
  if (!array) return;  // not an array: the plan's own reader says so
  const bool centers = key == "centers";
  for (std::size_t j = 0; j < array->size(); ++j) {
    const auto* entry = array->get(j)->as_table();
    const std::string at = element_path(child_path(path, key), j);
    if (!entry) continue;
    const auto* name_node = entry->get("name");
    const auto* name = entry->get_as<std::string>("name");
    if (!name) {
      sink.at(name_node ? *name_node : static_cast<const toml::node&>(*entry), child_path(at, "name"),
              std::string("a change names the ") + (centers ? "center" : "facility") + " it changes",
              centers ? "write name = \"...\" as in [[centers]]" : "write name = \"...\"; a new name joins the plan");
      continue;
    }
    if (centers) {
      if (!contains(known.centers, name->get()))
        sink.at(*name, child_path(at, "name"), "no center named '" + name->get() + "': a change may alter a center, not add one",
                suggestion_hint(name->get(), known.centers));
      if (const auto* regions = entry->get("regions"))
        sink.at(*regions, child_path(at, "regions"), "a center's regions are fixed for the run",
                "leave regions out; a center's work can move to another with overflow");
      continue;
    }
    if (!contains(known.facilities, name->get())) {
      if (const auto* leaves = entry->get("leaves"))
        sink.at(*leaves, child_path(at, "leaves"), "facility '" + name->get() + "' is not in the plan, so it cannot leave",
                suggestion_hint(name->get(), known.facilities));
      known.facilities.push_back(name->get());  // joins
    } else if (const auto* region = entry->get("region")) {
      sink.at(*region, child_path(at, "region"), "a facility's region is fixed for the run",
              "leave region out; to move, let this facility leave and one with a new name join");
    }
  }
}

// `leaves` says a facility or emergency place leaves at a change; the plan in force from the start simply leaves
// it out.
void refuse_leaving_at_start(ErrorSink& sink, const toml::table& root) {
  for (const std::string_view key : {"facilities", "emergency_places"}) {
    const auto* entries = root.get_as<toml::array>(key);
    if (!entries) continue;
    for (std::size_t j = 0; j < entries->size(); ++j) {
      const auto* entry = entries->get(j)->as_table();
      if (const auto* leaves = entry ? entry->get("leaves") : nullptr)
        sink.at(*leaves, child_path(element_path(std::string(key), j), "leaves"),
                "`leaves` belongs in a dated change, not in the plan in force from the start",
                "leave it out of the plan, or list it under [[changes." + std::string(key) + "]] with leaves = true");
    }
  }
}

struct Header {
  Date from;
  std::string reason;
};

// changes[i]'s date, reason and which sections it states; false after recording an error.
std::optional<Header> read_header(ErrorSink& sink, const toml::node& node, std::size_t i, const hub::Horizon& horizon,
                                  const std::optional<Date>& previous, Known& known) {
  const std::string path = element_path("changes", i);
  const auto* change = node.as_table();
  if (!change) {
    sink.at(node, path, "must be a table, got " + type_name(node), "write [[changes]] with from, reason and what changes");
    return std::nullopt;
  }
  const std::size_t errors_before = sink.size();
  TableReader t(sink, *change, path);
  const auto from = t.date("from");
  const std::string reason = t.string("reason");
  if (t.has("reason") && reason.empty()) t.error("reason", "must not be empty", "say why the plan changes, with its source");
  bool changes_something = false;
  for (const auto key : kChangeable) changes_something = t.has(key) || changes_something;
  for (const auto& fixed : kFixed)
    if (t.has(fixed.key))
      t.error(fixed.key, "`" + std::string(fixed.key) + "` cannot change at a date inside a run", std::string(fixed.why));
  t.finish();
  if (!changes_something)
    sink.at(*change, path, "this change changes nothing",
            "add what changes, e.g. [[changes.centers]] with the center's name and its new staff");
  if (from && horizon.start < horizon.end && (*from <= horizon.start || *from >= horizon.end))
    t.error("from", "a change must take effect inside the horizon, got " + sim::iso_date(*from),
            "a date after horizon.start " + sim::iso_date(horizon.start) + " and before horizon.end " +
                sim::iso_date(horizon.end) + " (the plan in force at the start is the scenario itself)");
  else if (from && previous && *from <= *previous)
    t.error("from", "changes must be in date order: " + sim::iso_date(*from) + " is not after " + sim::iso_date(*previous),
            "list the [[changes]] by date, one per date");
  check_entries(sink, *change, "centers", path, known);
  check_entries(sink, *change, "facilities", path, known);
  check_place_entries(sink, *change, path, known);
  if (!from || sink.size() != errors_before) return std::nullopt;
  return Header{*from, reason};
}

// Errors found in a later plan: those already reported (a value it inherits) are dropped, the rest say which
// change's plan they belong to.
void forward_errors(const ErrorSink& plan_sink, ErrorSink& sink, std::size_t change, const Header& header) {
  for (const InputError& e : plan_sink.recorded()) {
    const auto same = [&](const InputError& seen) {
      return seen.file == e.file && seen.line == e.line && seen.column == e.column && seen.message == e.message;
    };
    if (std::any_of(sink.recorded().begin(), sink.recorded().end(), same)) continue;
    InputError marked = e;
    marked.message += " (in the plan from " + sim::iso_date(header.from) + ", " + element_path("changes", change) + ")";
    sink.add(std::move(marked));
  }
}

// The plan in force from changes[k]: a fresh reading with changes[0..k] applied in order.
std::optional<toml::table> plan_table(const ReadAgain& read_again, std::size_t k) {
  auto table = read_again();
  if (!table) return std::nullopt;
  auto* changes = table->get_as<toml::array>("changes");
  if (!changes) return std::nullopt;
  toml::array taken = std::move(*changes);
  table->erase("changes");
  for (std::size_t j = 0; j <= k && j < taken.size(); ++j) {
    auto* change = taken.get(j)->as_table();
    if (!change) return std::nullopt;
    change->erase("from");
    change->erase("reason");
    apply_change(*table, std::move(*change));
  }
  return table;
}

// The same targets, in the plan of changes[k] rather than in the plan in force from the start.
std::vector<hub::ParameterTarget> in_plan(std::size_t k, const std::vector<hub::ParameterTarget>& targets) {
  std::vector<hub::ParameterTarget> out;
  for (const auto& target : targets)
    out.push_back([k, target](hub::Scenario& s) -> double& { return target(s.changes[k].plan); });
  return out;
}

// Gathers every plan's uncertain values into the run's list: a value a plan inherits unchanged (written at the
// same place) shares the draw of the plan before it; a value a change states anew is drawn on its own.
void gather_uncertain(hub::Scenario& run, std::vector<std::vector<hub::UncertainParameter>> later) {
  std::map<std::string, std::size_t> in_force;  // key -> index in run.uncertain
  for (std::size_t i = 0; i < run.uncertain.size(); ++i) in_force[run.uncertain[i].key] = i;
  for (std::size_t k = 0; k < later.size(); ++k) {
    std::map<std::string, std::size_t> next;
    for (hub::UncertainParameter& p : later[k]) {
      auto targets = in_plan(k, p.targets);
      const auto it = in_force.find(p.key);
      if (it != in_force.end() && run.uncertain[it->second].origin == p.origin) {
        run.uncertain[it->second].inherited.push_back(std::move(targets));
        next[p.key] = it->second;
        continue;
      }
      const std::string prefix = element_path("changes", k) + ".";
      next[p.key] = run.uncertain.size();
      hub::UncertainParameter stated = std::move(p);
      stated.key = prefix + stated.key;
      for (std::string& name : stated.names) name = prefix + name;
      stated.targets = std::move(targets);
      run.uncertain.push_back(std::move(stated));
    }
    in_force = std::move(next);
  }
}

// Every plan lists the same facilities (and emergency places) at the same indices: one that joins later is added,
// out of service (taking nobody, costing nothing), to the plans before it; changes only append, so indices
// already drawn into stay valid.
template <class T, class OutOfService>
void align_joiners(hub::Scenario& run, std::vector<T> hub::Scenario::*list, OutOfService out_of_service) {
  if (run.changes.empty()) return;
  const std::vector<T>& all = run.changes.back().plan.*list;
  const auto align = [&](std::vector<T>& entries) {
    for (std::size_t f = entries.size(); f < all.size(); ++f) {
      T absent = all[f];
      for (const hub::PlanChange& change : run.changes)  // as it is when it first joins
        if (f < (change.plan.*list).size()) {
          absent = (change.plan.*list)[f];
          break;
        }
      out_of_service(absent);
      entries.push_back(std::move(absent));
    }
  };
  align(run.*list);
  for (hub::PlanChange& change : run.changes) align(change.plan.*list);
}

void align_what_joins(hub::Scenario& run) {
  align_joiners(run, &hub::Scenario::facilities, [](hub::Facility& f) { f.in_service = false; });
  align_joiners(run, &hub::Scenario::emergency_places, [](hub::EmergencyPlace& p) { p.in_service = false; });
}

}  // namespace

void apply_change(toml::table& plan, toml::table&& change) {
  for (auto&& [key, value] : change) {
    auto* over_array = value.as_array();
    auto* into_array = plan.get_as<toml::array>(key.str());
    if (over_array && into_array && merge_by_identity(*into_array, *over_array)) continue;
    auto* over_table = value.as_table();
    auto* into_table = plan.get_as<toml::table>(key.str());
    if (over_table && into_table && !over_table->is_inline() && !into_table->is_inline())
      apply_change(*into_table, std::move(*over_table));
    else
      plan.insert_or_assign(key.str(), std::move(value));
  }
}

hub::Scenario read_scenario_with_changes(const toml::table& root, const ReadAgain& read_again, ErrorSink& sink) {
  hub::Scenario run = read_scenario(root, sink);
  refuse_leaving_at_start(sink, root);  // with or without changes: the plan in force from the start has no leavers
  const toml::node* node = root.get("changes");
  if (!node) return run;
  const auto* changes = node->as_array();
  if (!changes) {
    sink.at(*node, "changes", "must be an array of tables, got " + type_name(*node),
            "write each change as [[changes]] with from, reason and what changes");
    return run;
  }
  Known known{names_in(root, "centers"), names_in(root, "facilities"), place_kinds_in(root)};
  std::vector<Header> headers;
  std::optional<Date> previous;
  bool ok = true;
  for (std::size_t i = 0; i < changes->size(); ++i) {
    const auto header = read_header(sink, *changes->get(i), i, run.horizon, previous, known);
    ok = ok && header.has_value();
    if (header) {
      previous = header->from;
      headers.push_back(*header);
    }
  }
  if (!ok) return run;

  std::vector<std::vector<hub::UncertainParameter>> later;
  for (std::size_t k = 0; k < headers.size(); ++k) {
    auto table = plan_table(read_again, k);
    if (!table) return run;  // the file changed under us: the first reading's errors stand
    ErrorSink plan_sink;
    hub::Scenario plan = read_scenario(*table, plan_sink);
    forward_errors(plan_sink, sink, k, headers[k]);
    later.push_back(std::move(plan.uncertain));
    plan.uncertain.clear();
    run.changes.push_back({headers[k].from, headers[k].reason, std::move(plan)});
  }
  gather_uncertain(run, std::move(later));
  align_what_joins(run);
  // Budget lines are dated by fiscal year already: the run's budget is every line stated, a later one winning.
  run.budget.lines = run.changes.back().plan.budget.lines;
  return run;
}

}  // namespace kyoten::scenario
