#include "app/serve_controls.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "app/serve_structure.hpp"
#include "scenario/value_limits.hpp"

namespace kyoten::app {
namespace {

using scenario::Range;

std::string days_ja(const std::string& days) {
  if (days == "all") return "毎日";
  if (days == "weekdays") return "平日";
  if (days == "weekend") return "土日祝";
  if (days == "saturday") return "土曜";
  if (days == "sunday") return "日曜";
  if (days == "holiday") return "祝日";
  return days;
}

std::string days_text(const toml::node* node, bool japanese) {
  if (!node) return "";
  const auto one = [japanese](const std::string& d) { return japanese ? days_ja(d) : d; };
  if (const auto* s = node->as_string()) return one(s->get());
  std::string out;
  if (const auto* a = node->as_array())
    for (const auto& item : *a)
      if (const auto* s = item.as_string()) out += (out.empty() ? "" : japanese ? "・" : ", ") + one(s->get());
  return out;
}

// The slider's top: room to double a value, never below a sensible minimum span.
double slider_top(double value, double at_least) { return std::max(at_least, value * 2); }

class Builder {
 public:
  explicit Builder(std::vector<Control>& out) : out_(out) {}

  // Adds a control when `table[key]` holds a plain number (a distribution stays in the file: no lever).
  void number(const toml::table& table, const std::string& key, const std::string& path, Control c,
              double min_span) {
    const auto* node = table.get(key);
    if (!node || !(node->is_integer() || node->is_floating_point())) return;
    c.key = path;
    c.value = node->value<double>().value_or(0);
    c.slider_max = slider_top(c.value, min_span);
    out_.push_back(std::move(c));
  }

 private:
  std::vector<Control>& out_;
};

void staff_controls(const toml::table& root, const std::vector<hub::Center>& hub_centers, Builder& add) {
  const auto* centers = root["centers"].as_array();
  if (!centers) return;
  for (std::size_t c = 0; c < centers->size(); ++c) {
    const auto* center = centers->get(c)->as_table();
    if (!center) continue;
    const std::string name = center->get_as<std::string>("name") ? center->get_as<std::string>("name")->get() : "";
    const std::string at = fmt::format("centers[{}]", c);
    if (const auto* shifts = center->get_as<toml::array>("staff")) {
      for (std::size_t s = 0; s < shifts->size(); ++s) {
        const auto* shift = shifts->get(s)->as_table();
        if (!shift) continue;
        const int from = shift->get_as<std::int64_t>("from") ? static_cast<int>(shift->get_as<std::int64_t>("from")->get()) : 0;
        const int to = shift->get_as<std::int64_t>("to") ? static_cast<int>(shift->get_as<std::int64_t>("to")->get()) : 0;
        Control count{.group = "staff",
                      .label_ja = fmt::format("{}：{} {}〜{}時 の人数", name, days_text(shift->get("days"), true), from, to),
                      .label_en = fmt::format("{}: staff {} {}–{} h", name, days_text(shift->get("days"), false), from, to),
                      .unit = "people",
                      .integer = true,
                      .allowed = scenario::at_least(1)};  // read_centers: count >= 1
        toml::table current{{"count", 1}};  // the loader's default when a shift leaves count out
        if (const auto* n = shift->get("count")) current.insert_or_assign("count", n->value<double>().value_or(1));
        add.number(current, "count", fmt::format("{}.staff[{}].count", at, s), count, 6);
      }
    }
    // A center that may switch to day + on-call offers the on-call keys even before it has them, at the values
    // the switch would give it (serve_structure.hpp); they cost nothing while every hour is staffed.
    toml::table on_call = *center;
    if (c < hub_centers.size() && offers_schedule_choice(hub_centers[c])) {
      if (!on_call.contains("on_call_delay_hours")) on_call.insert("on_call_delay_hours", kDefaultOnCallDelayHours);
      if (!on_call.contains("on_call_cost_per_hour_yen"))
        on_call.insert("on_call_cost_per_hour_yen", kDefaultOnCallYenPerHour);
    }
    add.number(on_call, "on_call_delay_hours", at + ".on_call_delay_hours",
               {.group = "staff",
                .label_ja = name + "：オンコールの応答遅れ",
                .label_en = name + ": on-call answer delay",
                .unit = "hours",
                .allowed = scenario::limits::up_to(scenario::limits::kHours),  // read_centers
                .step = 0.25},
               2);
    add.number(on_call, "on_call_cost_per_hour_yen", at + ".on_call_cost_per_hour_yen",
               {.group = "wages",
                .label_ja = name + "：オンコール待機手当（1時間）",
                .label_en = name + ": on-call allowance per hour",
                .unit = "yen_per_hour",
                .allowed = scenario::limits::up_to(scenario::limits::kYen),  // read_centers
                .step = 50},
               1000);
    add.number(*center, "staff_cost_per_hour_yen", at + ".staff_cost_per_hour_yen",
               {.group = "wages",
                .label_ja = name + "：人件費（1人1時間）",
                .label_en = name + ": staff cost per hour",
                .unit = "yen_per_hour",
                .allowed = scenario::non_negative(),
                .step = 50},
               5000);
    add.number(*center, "night_premium", at + ".night_premium",
               {.group = "wages",
                .label_ja = name + "：深夜割増（22〜5時）",
                .label_en = name + ": night premium (22–5 h)",
                .unit = "share",
                .allowed = scenario::non_negative(),
                .step = 0.05},
               1);
    add.number(*center, "fixed_cost_per_year_yen", at + ".fixed_cost_per_year_yen",
               {.group = "wages",
                .label_ja = name + "：固定費（年）",
                .label_en = name + ": fixed cost per year",
                .unit = "yen",
                .allowed = scenario::non_negative(),
                .step = 100000},
               1e7);
  }
}

// A growth path's knots ([date, count] pairs): one lever per count written as a plain number, labelled by its
// date, so a planner can ask "and if we reach 600 by the end of FY2025?" without an S-curve.
void growth_path_controls(const toml::table& registration, Builder& add) {
  const auto* knots = registration.get_as<toml::array>("expected_registered");
  if (!knots) return;
  for (std::size_t i = 0; i < knots->size(); ++i) {
    const auto* pair = knots->get(i)->as_array();
    if (!pair || pair->size() != 2) continue;
    const auto date = pair->get(0)->value<std::string>();
    if (!date) continue;
    toml::table current;
    if (const auto* count = pair->get(1); count->is_integer() || count->is_floating_point())
      current.insert_or_assign("count", count->value<double>().value_or(0));
    // read_knots: each count within [0, the registrant limit]
    add.number(current, "count", fmt::format("registration.expected_registered[{}][1]", i),
               {.group = "demand",
                .label_ja = fmt::format("登録者数の見込み（{}時点）", *date),
                .label_en = fmt::format("Expected registrants on {}", *date),
                .unit = "people",
                .integer = false,
                .allowed = scenario::between(0, scenario::limits::kRegistrants),
                .step = 10},
               200);
  }
}

void demand_controls(const toml::table& root, Builder& add) {
  if (const auto* calls = root["calls"].as_table()) {
    add.number(*calls, "per_registrant_per_year", "calls.per_registrant_per_year",
               {.group = "demand",
                .label_ja = "相談件数（登録者1人あたり年）",
                .label_en = "Calls per registrant per year",
                .unit = "per_year",
                .allowed = scenario::non_negative(),
                .step = 0.01},
               2);
    add.number(*calls, "unregistered_per_year", "calls.unregistered_per_year",
               {.group = "demand",
                .label_ja = "未登録者からの相談（年）",
                .label_en = "Calls from people not registered, per year",
                .unit = "per_year",
                .allowed = scenario::non_negative(),
                .step = 1},
               50);
  }
  if (const auto* registration = root["registration"].as_table()) {
    add.number(*registration, "leave_rate_per_year", "registration.leave_rate_per_year",
               {.group = "demand",
                .label_ja = "登録終了率（年）",
                .label_en = "Leaving rate per year",
                .unit = "per_year",
                .allowed = scenario::non_negative(),
                .step = 0.01},
               0.2);
    growth_path_controls(*registration, add);
    if (const auto* curve = registration->get_as<toml::table>("s_curve")) {
      add.number(*curve, "latent_pool", "registration.s_curve.latent_pool",
                 {.group = "demand",
                  .label_ja = "登録の見込み上限（潜在数）",
                  .label_en = "Latent pool of registrants",
                  .unit = "people",
                  .allowed = scenario::positive(),
                  .step = 10},
                 5000);
      add.number(*curve, "rate_per_year", "registration.s_curve.rate_per_year",
                 {.group = "demand",
                  .label_ja = "登録の伸び（年率）",
                  .label_en = "Registration growth rate per year",
                  .unit = "per_year",
                  .allowed = scenario::positive(),
                  .step = 0.05},
                 3);
    }
  }
}

void bed_controls(const toml::table& root, Builder& add) {
  if (const auto* facilities = root["facilities"].as_array()) {
    for (std::size_t f = 0; f < facilities->size(); ++f) {
      const auto* facility = facilities->get(f)->as_table();
      if (!facility) continue;
      const std::string name =
          facility->get_as<std::string>("name") ? facility->get_as<std::string>("name")->get() : "";
      const double beds = facility->get("beds") ? facility->get("beds")->value<double>().value_or(0) : 0;
      toml::table current{{"reserved_emergency_beds", 0}};
      if (const auto* r = facility->get("reserved_emergency_beds")) current.insert_or_assign("reserved_emergency_beds", r->value<double>().value_or(0));
      // read_facilities: 0 <= reserved_emergency_beds <= beds
      add.number(current, "reserved_emergency_beds", fmt::format("facilities[{}].reserved_emergency_beds", f),
                 {.group = "beds",
                  .label_ja = name + "：空床確保（床）",
                  .label_en = name + ": beds held for emergencies",
                  .unit = "beds",
                  .integer = true,
                  .allowed = scenario::between(0, beds)},
                 beds);
    }
  }
  if (const auto* hub = root["hub"].as_table())
    add.number(*hub, "rooms", "hub.rooms",
               {.group = "beds",
                .label_ja = "拠点の緊急居室（室）",
                .label_en = "Hub emergency rooms",
                .unit = "rooms",
                .integer = true,
                .allowed = scenario::non_negative()},
               4);
}

void budget_controls(const toml::table& root, Builder& add) {
  const auto* lines = root.at_path("budget.lines").as_array();
  if (!lines) return;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const auto* line = lines->get(i)->as_table();
    if (!line) continue;
    const auto year = line->get_as<std::int64_t>("fiscal_year");
    const auto name = line->get_as<std::string>("line");
    if (!year || !name) continue;
    add.number(*line, "yen", fmt::format("budget.lines[{}].yen", i),
               {.group = "budget",
                .label_ja = fmt::format("予算 {}年度 {}", year->get(), name->get()),
                .label_en = fmt::format("Budget FY{} {}", year->get(), name->get()),
                .unit = "yen",
                .allowed = scenario::non_negative(),
                .step = 100000},
               1e6);
  }
}

}  // namespace

std::vector<Control> controls_for(const scenario::LoadedScenario& loaded) {
  std::vector<Control> out;
  Builder add(out);
  staff_controls(loaded.resolved, loaded.scenario.centers, add);
  demand_controls(loaded.resolved, add);
  bed_controls(loaded.resolved, add);
  budget_controls(loaded.resolved, add);
  return out;
}

nlohmann::json controls_json(const std::vector<Control>& controls) {
  nlohmann::json out = nlohmann::json::array();
  const auto bound = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); };
  for (const auto& c : controls)
    out.push_back({{"key", c.key},
                   {"group", c.group},
                   {"label_ja", c.label_ja},
                   {"label_en", c.label_en},
                   {"unit", c.unit},
                   {"integer", c.integer},
                   {"min", bound(c.allowed.min)},
                   {"min_open", c.allowed.min_open},
                   {"max", bound(c.allowed.max)},
                   {"allowed", c.allowed.describe()},
                   {"slider_max", c.slider_max},
                   {"step", c.step},
                   {"value", c.value}});
  return out;
}

}  // namespace kyoten::app
