// The what-if page: builds its form from /api/controls, re-runs on every change (POST /api/run), and draws the
// answer with Chart.js. Japanese by default; the English switch re-labels without re-running.
"use strict";

const TEXT = {
  ja: {
    title: "kyoten — 設定を変えると何が変わるか", scenario: "シナリオ", levers: "設定",
    levers_note: "値を変えるとすぐに再計算します（同じ乱数系列で元の設定と比較）。",
    replications: "反復回数", reset: "元の設定に戻す", cancel: "中止",
    headline: "主な指標（95%信頼区間）と元の設定との差", cost_title: "年度別の費用と予算",
    fan_registrants: "登録者数（月末、中央値と95%の範囲）", fan_emergencies: "緊急対応件数（月、中央値と95%の範囲）",
    utilisation: "コーディネーター稼働率（曜日・時刻別）", keep: "試した設定を残す", save_name: "ファイル名",
    save: "シナリオとして保存", report: "報告書と集計表を作成", variants: "このセッションで試した設定",
    groups: { structure: "体制（拠点と勤務）", staff: "職員配置", wages: "人件費・固定費", demand: "相談・登録の見込み", beds: "空床確保・緊急居室", budget: "予算" },
    running: (d, t) => t ? `計算中… 反復 ${d}/${t}` : "計算中…", done: (n, ms) => `反復${n}回、${(ms / 1000).toFixed(2)}秒`,
    invalid: "入力に誤りがあります（計算していません）", cancelled: "中止しました", failed: "計算に失敗しました",
    ci: "95%信頼区間", vs_base: "元の設定との差", budget: "予算", over: "予算超過の確率",
    pro_rated: (d, n, y) => `シミュレーション期間の${d}/${n}日分で按分: ${y}`,
    no_budget: "予算の記載なし", saved: "保存しました", saving: "保存中…", reporting: "報告書を作成中（数十秒かかります）…",
    reproduce: "同じ結果を再現するコマンド", report_ready: "報告書", workbook: "集計表（Excel）", original: "元の設定", changes: "変更点",
    compare: "比較", pick_two: "2つ選ぶと並べて比較します", allowed: "許容範囲", cost: "費用（百万円）", mean: "平均",
    budget_line: "予算", days: ["月", "火", "水", "木", "金", "土", "日"], unit_fy: "年度",
  },
  en: {
    title: "kyoten — what changes if…", scenario: "Scenario", levers: "Settings",
    levers_note: "Every change re-runs at once (same random numbers, compared with the original).",
    replications: "Replications", reset: "Back to the original", cancel: "Cancel",
    headline: "Headline figures (95% CI) and the difference from the original", cost_title: "Cost by fiscal year against the budget",
    fan_registrants: "Registrants (month end, median and 95% band)", fan_emergencies: "Emergencies (per month, median and 95% band)",
    utilisation: "Coordinator utilisation by hour of week", keep: "Keep what you tried", save_name: "File name",
    save: "Save as a scenario", report: "Make the report and workbook", variants: "Settings tried in this session",
    groups: { structure: "Organisation (centers and schedules)", staff: "Staffing", wages: "Wages and fixed costs", demand: "Calls and registration", beds: "Reserved beds and hub rooms", budget: "Budget" },
    running: (d, t) => t ? `Running… replication ${d}/${t}` : "Running…", done: (n, ms) => `${n} replications, ${(ms / 1000).toFixed(2)} s`,
    invalid: "A value is not allowed (nothing was run)", cancelled: "Cancelled", failed: "The run failed",
    ci: "95% CI", vs_base: "vs original", budget: "Budget", over: "Probability of overspending",
    pro_rated: (d, n, y) => `pro-rated to the ${d} of ${n} days simulated: ${y}`,
    no_budget: "no budget stated", saved: "Saved", saving: "Saving…", reporting: "Making the report (takes a little while)…",
    reproduce: "Command that reproduces these figures", report_ready: "Report", workbook: "Workbook (Excel)", original: "original", changes: "Changes",
    compare: "Compare", pick_two: "Tick two to compare them side by side", allowed: "allowed", cost: "Cost (million yen)", mean: "mean",
    budget_line: "Budget", days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], unit_fy: "FY",
  },
};

const state = {
  lang: "ja", scenarios: [], scenario: null, controls: [], choices: [], values: {}, answer: null, runSeq: 0, runs: 0,
  client: "page-" + Math.random().toString(36).slice(2, 12), variants: [], charts: {}, timer: null, poll: null,
};
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key];

// ---- numbers and units ----------------------------------------------------------------------------------
function fmt(value, unit) {
  if (value === null || value === undefined || !isFinite(value)) return "—";
  const ja = state.lang === "ja";
  switch (unit) {
    case "yen": return ja ? `${(value / 1e6).toFixed(1)}百万円` : `¥${(value / 1e6).toFixed(1)}M`;
    case "share": return `${(value * 100).toFixed(1)}%`;
    case "minutes": return ja ? `${value.toFixed(1)}分` : `${value.toFixed(1)} min`;
    case "hours": return ja ? `${value.toFixed(2)}時間` : `${value.toFixed(2)} h`;
    case "days": return ja ? `${value.toFixed(1)}日` : `${value.toFixed(1)} days`;
    default: return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
  }
}
function signed(value, unit) {
  if (value === null || !isFinite(value)) return "—";
  if (unit === "share") return `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}pt`;
  return (value >= 0 ? "+" : "") + fmt(value, unit);
}
function unitText(unit) {
  const ja = state.lang === "ja";
  return {
    people: ja ? "人" : "people", hours: ja ? "時間" : "h", yen_per_hour: ja ? "円/時" : "yen/h", share: ja ? "（割合）" : "(share)",
    per_year: ja ? "/年" : "/year", yen: ja ? "円" : "yen", rooms: ja ? "室" : "rooms", beds: ja ? "床" : "beds",
  }[unit] || "";
}

// ---- API ------------------------------------------------------------------------------------------------
async function api(path, body) {
  const init = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const res = await fetch(path, init);
  return { status: res.status, body: await res.json() };
}

// ---- the form ---------------------------------------------------------------------------------------------
function changes() {
  const out = {};
  for (const c of state.choices.concat(state.controls)) if (state.values[c.key] !== c.value) out[c.key] = state.values[c.key];
  return out;
}

// A structural lever (24 h or day + on-call, which center answers a region): a select of its options.
function choiceControl(c) {
  const div = document.createElement("div");
  div.className = "control";
  div.dataset.control = c.key;
  div.innerHTML = `<label></label><div class="inputs"><select></select></div><div class="error" role="alert"></div>`;
  const select = div.querySelector("select");
  select.dataset.key = c.key;
  for (const o of c.options) {
    const option = document.createElement("option");
    option.value = o.value;
    select.appendChild(option);
  }
  select.value = c.value;
  select.addEventListener("change", () => {
    state.values[c.key] = select.value;
    div.classList.toggle("changed", select.value !== c.value);
    schedule(0);
  });
  return div;
}

function buildControls() {
  const root = $("controls");
  root.textContent = "";
  const groups = {};
  for (const c of state.choices.concat(state.controls)) {
    if (!groups[c.group]) {
      const g = document.createElement("div");
      g.className = "group";
      g.innerHTML = `<h3 data-group="${c.group}"></h3>`;
      root.appendChild(g);
      groups[c.group] = g;
    }
    if (c.kind === "choice") {
      groups[c.group].appendChild(choiceControl(c));
      continue;
    }
    const div = document.createElement("div");
    div.className = "control";
    div.dataset.control = c.key;
    div.innerHTML = `<label></label><div class="inputs"><input type="range"><input type="number"><span class="unit"></span></div>` +
      `<div class="allowed"></div><div class="error" role="alert"></div>`;
    const [range, number] = div.querySelectorAll("input");
    number.dataset.key = c.key;
    range.min = number.min = c.min === null ? 0 : c.min;
    if (c.max !== null) number.max = c.max;
    range.max = c.max !== null ? c.max : c.slider_max;
    range.step = number.step = c.step;
    range.value = number.value = c.value;
    range.addEventListener("input", () => { number.value = range.value; changed(c, range.value, 150); });
    number.addEventListener("change", () => { range.value = number.value; changed(c, number.value, 0); });
    groups[c.group].appendChild(div);
  }
  labelControls();
}

function labelControls() {
  for (const h of document.querySelectorAll("[data-group]")) h.textContent = t("groups")[h.dataset.group] || h.dataset.group;
  for (const c of state.choices) {
    const div = document.querySelector(`[data-control="${CSS.escape(c.key)}"]`);
    div.querySelector("label").textContent = state.lang === "ja" ? c.label_ja : c.label_en;
    c.options.forEach((o, i) => { div.querySelector("select").options[i].textContent = state.lang === "ja" ? o.label_ja : o.label_en; });
  }
  for (const c of state.controls) {
    const div = document.querySelector(`[data-control="${CSS.escape(c.key)}"]`);
    div.querySelector("label").textContent = state.lang === "ja" ? c.label_ja : c.label_en;
    div.querySelector(".unit").textContent = unitText(c.unit);
    div.querySelector(".allowed").textContent = `${t("allowed")}: ${c.allowed}`;
  }
}

function changed(control, text, delay) {
  const v = Number(text);
  state.values[control.key] = text.trim() === "" || !isFinite(v) ? NaN : v;
  document.querySelector(`[data-control="${CSS.escape(control.key)}"]`).classList.toggle("changed", state.values[control.key] !== control.value);
  schedule(delay);
}

function schedule(delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(run, delay);
}

// ---- running ------------------------------------------------------------------------------------------
function setStatus(kind, text) {
  $("status").dataset.state = kind;
  $("status-text").textContent = text;
  const running = kind === "running";
  $("cancel").hidden = !running;
  $("progress").hidden = !running;
}

function clearErrors() {
  for (const e of document.querySelectorAll(".error")) e.textContent = "";
}

function showErrors(errors, fallback) {
  for (const e of errors) {
    const text = e.message + (e.hint ? ` (${e.hint})` : "");
    const control = state.choices.concat(state.controls).find((c) => e.key === c.key || e.key.startsWith(c.key + "."));
    const box = control ? document.querySelector(`[data-control="${CSS.escape(control.key)}"] .error`)
      : e.key === "replications" ? $("replications-error") : fallback;
    box.textContent = (box.textContent ? box.textContent + " / " : "") + (control ? text : (e.key ? e.key + ": " : "") + text);
  }
}

async function pollProgress(seq) {
  if (seq !== state.runSeq) return;
  const p = await api(`/api/progress?client=${state.client}`);
  if (seq !== state.runSeq || $("status").dataset.state !== "running") return;
  if (p.body.running) {
    $("progress").max = p.body.total;
    $("progress").value = p.body.done;
    $("status-text").textContent = t("running")(p.body.done, p.body.total);
  }
  state.poll = setTimeout(() => pollProgress(seq), 200);
}

async function run() {
  for (const [key, v] of Object.entries(state.values)) {
    if (Number.isNaN(v)) {  // not a number at all: said here, nothing is sent
      clearErrors();
      showErrors([{ key, message: state.lang === "ja" ? "数値を入力してください" : "must be a number" }], $("general-errors"));
      setStatus("invalid", t("invalid"));
      return;
    }
  }
  const seq = ++state.runSeq;
  const body = { scenario: state.scenario, changes: changes(), replications: Number($("replications").value), client: state.client };
  setStatus("running", t("running")(0, 0));
  clearTimeout(state.poll);
  state.poll = setTimeout(() => pollProgress(seq), 300);
  let reply;
  try {
    reply = await api("/api/run", body);
  } catch (err) {
    if (seq === state.runSeq) setStatus("error", t("failed"));
    return;
  }
  if (seq !== state.runSeq) return;  // a newer change is on its way; the server cancelled this one
  clearTimeout(state.poll);
  clearErrors();
  if (reply.status === 200) {
    state.answer = reply.body;
    state.runs += 1;
    $("status").dataset.run = String(state.runs);
    setStatus("done", t("done")(reply.body.replications, reply.body.elapsed_ms));
    render();
    remember(body, reply.body);
  } else if (reply.status === 409) {
    setStatus("cancelled", t("cancelled"));
  } else {
    showErrors(reply.body.errors || [], $("general-errors"));
    setStatus(reply.status === 422 || reply.status === 400 ? "invalid" : "error", reply.status === 422 || reply.status === 400 ? t("invalid") : t("failed"));
  }
}

// ---- the answer ---------------------------------------------------------------------------------------
function card(id, label, valueText, lines, cls) {
  const div = document.createElement("div");
  div.className = "card" + (cls ? " " + cls : "");
  div.id = id;
  div.innerHTML = `<div class="label"></div><div class="value"></div>` + lines.map((l) => `<div class="${l[0]}"></div>`).join("");
  div.querySelector(".label").textContent = label;
  div.querySelector(".value").textContent = valueText;
  lines.forEach((l, i) => { div.children[i + 2].textContent = l[1]; });
  return div;
}

function render() {
  const a = state.answer;
  if (!a) return;
  const ja = state.lang === "ja";
  const cards = $("cards");
  cards.textContent = "";
  for (const k of a.kpis) {
    const p = k.paired;
    cards.appendChild(card(`card-${k.key}`, ja ? k.label_ja : k.label_en, fmt(k.stat.mean, k.unit), [
      ["ci", `${t("ci")} ${fmt(k.stat.ci_low, k.unit)} – ${fmt(k.stat.ci_high, k.unit)}`],
      ["paired", `${t("vs_base")}: ${signed(p.difference, k.unit)} (${fmt(p.ci_low, k.unit)} – ${fmt(p.ci_high, k.unit)})`],
      ["verdict", ja ? p.verdict_ja : p.verdict_en],
    ]));
  }
  const costCards = $("cost-cards");
  costCards.textContent = "";
  for (const c of a.costs) {
    const lines = [["ci", `${t("ci")} ${fmt(c.total.ci_low, "yen")} – ${fmt(c.total.ci_high, "yen")}`]];
    if (c.budget_yen !== null) {
      const note = c.days_simulated < c.days_in_year
        ? TEXT[state.lang].pro_rated(c.days_simulated, c.days_in_year, fmt(c.budget_compared_yen, "yen")) : "";
      const prorated = note ? (ja ? `（${note}）` : ` (${note})`) : "";
      lines.push(["budget", `${t("budget")} ${fmt(c.budget_yen, "yen")}${prorated}`]);
      lines.push(["overspend", `${t("over")}: ${fmt(c.overspend.share, "share")} (${t("ci")} ${fmt(c.overspend.ci_low, "share")} – ${fmt(c.overspend.ci_high, "share")})`]);
    } else {
      lines.push(["budget", t("no_budget")]);
    }
    if (c.paired) lines.push(["paired", `${t("vs_base")}: ${signed(c.paired.difference, "yen")}`], ["verdict", ja ? c.paired.verdict_ja : c.paired.verdict_en]);
    const over = c.overspend && c.overspend.share > 0.5;
    costCards.appendChild(card(`cost-fy${c.fiscal_year}`, ja ? `${c.fiscal_year}年度の費用` : `Cost FY${c.fiscal_year}`,
      fmt(c.total.mean, "yen"), lines, over ? "worse" : ""));
  }
  drawCharts();
}

function chart(id, config) {
  if (state.charts[id]) state.charts[id].destroy();
  config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options || {});
  state.charts[id] = new Chart($(id), config);
}

function fanConfig(series, label) {
  const a = state.answer.fan;
  return {
    type: "line",
    data: {
      labels: a.months,
      datasets: [
        { label: "97.5%", data: a[series].map((q) => q[2]), borderWidth: 0, pointRadius: 0, fill: false },
        { label: "2.5–97.5%", data: a[series].map((q) => q[0]), borderWidth: 0, pointRadius: 0, fill: "-1", backgroundColor: "rgba(36,82,122,0.2)" },
        { label, data: a[series].map((q) => q[1]), borderColor: "#24527a", pointRadius: 0, fill: false },
      ],
    },
    options: { plugins: { legend: { display: false } } },
  };
}

function drawCharts() {
  const a = state.answer;
  chart("cost-chart", {
    type: "bar",
    data: {
      labels: a.costs.map((c) => state.lang === "ja" ? `${c.fiscal_year}年度` : `FY${c.fiscal_year}`),
      datasets: [
        { type: "bar", label: `${t("cost")} (${t("mean")})`, data: a.costs.map((c) => c.total.mean / 1e6), backgroundColor: "#6a8fb5" },
        { type: "line", label: t("budget_line"), data: a.costs.map((c) => c.budget_compared_yen === null ? null : c.budget_compared_yen / 1e6), borderColor: "#c62828", showLine: false, pointStyle: "line", pointRadius: 20, pointBorderWidth: 3 },
      ],
    },
  });
  chart("fan-registrants", fanConfig("registrants", TEXT[state.lang].fan_registrants));
  chart("fan-emergencies", fanConfig("emergencies", TEXT[state.lang].fan_emergencies));
  const days = t("days");
  chart("utilisation-chart", {
    type: "line",
    data: {
      labels: a.staff_utilisation_by_hour_of_week.map((_, h) => `${days[Math.floor(h / 24)]} ${h % 24}:00`),
      datasets: [{ label: t("utilisation"), data: a.staff_utilisation_by_hour_of_week.map((u) => u === null ? null : u * 100), borderColor: "#24527a", pointRadius: 0 }],
    },
    options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
  });
}

// ---- variants tried -------------------------------------------------------------------------------------
function describeChanges(ch) {
  const parts = Object.entries(ch).map(([k, v]) => {
    const c = state.choices.concat(state.controls).find((x) => x.key === k);
    const o = c && c.options ? c.options.find((x) => x.value === v) : null;
    const shown = o ? (state.lang === "ja" ? o.label_ja : o.label_en) : v;
    return `${c ? (state.lang === "ja" ? c.label_ja : c.label_en) : k} = ${shown}`;
  });
  return parts.length ? parts.join("; ") : t("original");
}

function remember(request, answer) {
  const key = JSON.stringify([request.scenario, request.replications, request.changes]);
  if (state.variants.some((v) => v.key === key)) return;
  state.variants.push({ key, scenario: request.scenario, replications: answer.replications, changes: request.changes, kpis: answer.kpis, picked: false });
  if (state.variants.length > 30) state.variants.shift();
  renderVariants();
}

function renderVariants() {
  const ja = state.lang === "ja";
  const shown = state.variants.filter((v) => v.scenario === state.scenario);
  const head = $("variants").querySelector("thead");
  const body = $("variants").querySelector("tbody");
  const first = shown[0];
  head.innerHTML = "";
  body.innerHTML = "";
  if (!first) return;
  const hr = document.createElement("tr");
  for (const text of [t("compare"), t("changes"), ...first.kpis.map((k) => ja ? k.label_ja : k.label_en)]) {
    const th = document.createElement("th");
    th.textContent = text;
    hr.appendChild(th);
  }
  head.appendChild(hr);
  for (const v of shown) {
    const tr = document.createElement("tr");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = v.picked;
    box.addEventListener("change", () => { v.picked = box.checked; renderSideBySide(); });
    const td0 = document.createElement("td");
    td0.appendChild(box);
    tr.appendChild(td0);
    for (const text of [describeChanges(v.changes), ...v.kpis.map((k) => fmt(k.stat.mean, k.unit))]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  renderSideBySide();
}

function renderSideBySide() {
  const out = $("side-by-side");
  const picked = state.variants.filter((v) => v.picked && v.scenario === state.scenario);
  out.textContent = picked.length === 2 ? "" : t("pick_two");
  if (picked.length !== 2) return;
  const [a, b] = picked;
  const ja = state.lang === "ja";
  const table = document.createElement("table");
  const rows = [["", "A: " + describeChanges(a.changes), "B: " + describeChanges(b.changes), "B − A"]];
  a.kpis.forEach((k, i) => {
    const kb = b.kpis[i];
    rows.push([ja ? k.label_ja : k.label_en, fmt(k.stat.mean, k.unit), fmt(kb.stat.mean, k.unit), signed(kb.stat.mean - k.stat.mean, k.unit)]);
  });
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const text of r) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.appendChild(td);
    }
    table.appendChild(tr);
  }
  out.appendChild(table);
}

// ---- keep what you tried --------------------------------------------------------------------------------
async function saveOrReport(path) {
  clearErrors();
  $("save-result").textContent = path === "/api/save" ? t("saving") : t("reporting");
  const reply = await api(path, { scenario: state.scenario, changes: changes(), replications: Number($("replications").value), name: $("save-name").value, lang: state.lang });
  const out = $("save-result");
  out.textContent = "";
  if (reply.status !== 200) {
    showErrors(reply.body.errors || [], $("save-errors"));
    return;
  }
  out.dataset.path = reply.body.path;
  out.append(`${t("saved")}: `);
  const code = document.createElement("code");
  code.textContent = reply.body.path;
  out.append(code, document.createElement("br"), `${t("reproduce")}: `);
  const cmd = document.createElement("code");
  cmd.textContent = reply.body.command;
  out.append(cmd);
  for (const f of reply.body.report_files || []) {
    const link = document.createElement("a");
    link.href = `/api/report-file?name=${encodeURIComponent(reply.body.name)}&file=${encodeURIComponent(f)}`;
    link.textContent = `${f.endsWith(".xlsx") ? t("workbook") : t("report_ready")}: ${f}`;
    link.dataset.file = f;
    out.append(document.createElement("br"), link);
  }
}

// ---- start ----------------------------------------------------------------------------------------------
function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  $("lang-switch").textContent = state.lang === "ja" ? "English" : "日本語";
  for (const o of $("scenario").options) {
    const s = state.scenarios.find((x) => x.id === o.value);
    o.textContent = (state.lang === "ja" ? s.title_ja : s.title_en) || s.id;
  }
  labelControls();
  render();
  renderVariants();
}

async function loadScenario(id) {
  const reply = await api(`/api/controls?scenario=${encodeURIComponent(id)}`);
  state.scenario = id;
  state.controls = reply.body.controls;
  state.choices = reply.body.choices || [];
  state.values = Object.fromEntries(state.choices.concat(state.controls).map((c) => [c.key, c.value]));
  $("replications").value = reply.body.replications;
  $("replications").max = reply.body.max_replications;
  buildControls();
  renderVariants();
  schedule(0);
}

async function start() {
  state.scenarios = (await api("/api/scenarios")).body;
  for (const s of state.scenarios) {
    const o = document.createElement("option");
    o.value = s.id;
    $("scenario").appendChild(o);
  }
  const preferred = state.scenarios.find((s) => s.id === "setagaya-wardwide") || state.scenarios[0];
  $("scenario").value = preferred.id;
  $("scenario").addEventListener("change", () => loadScenario($("scenario").value));
  $("lang-switch").addEventListener("click", () => { state.lang = state.lang === "ja" ? "en" : "ja"; applyLanguage(); });
  $("reset").addEventListener("click", () => loadScenario(state.scenario));
  $("replications").addEventListener("change", () => schedule(0));
  $("cancel").addEventListener("click", () => api("/api/cancel", { client: state.client }));
  $("save-button").addEventListener("click", () => saveOrReport("/api/save"));
  $("report-button").addEventListener("click", () => saveOrReport("/api/report"));
  applyLanguage();
  await loadScenario(preferred.id);
}

start();
