"""The STRESS-DES summary of a run (Monks T, Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE (2019)
"Strengthening the reporting of empirical simulation studies: Introducing the STRESS guidelines",
Journal of Simulation 13(1):55–67): objectives, logic, data, experimentation, implementation, code access."""
from __future__ import annotations

import pandas as pd

from . import labels
from .results import Results

CITATION = ("Monks T, Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE (2019). Strengthening the reporting of "
            "empirical simulation studies: Introducing the STRESS guidelines. Journal of Simulation 13(1):55–67.")


def _horizon(res: Results):
    hz = res.summary.get("horizon") or (res.scenario.get("horizon") or {})
    start, end = hz.get("start"), hz.get("end")
    try:
        days = (pd.Timestamp(end) - pd.Timestamp(start)).days
    except (TypeError, ValueError):
        days = None
    warm = (res.scenario.get("horizon") or {}).get("warmup_days", 0) or 0
    return start, end, days, warm


def stress_sections(res: Results, lang: str = "ja") -> list[tuple[str, list[tuple[str, str]]]]:
    """[(section heading, [(item, text), …]), …] following the STRESS-DES checklist."""
    s = res.summary
    start, end, days, warm = _horizon(res)
    n = res.replications
    level = res.confidence_level
    seed = s.get("seed", "—")
    version = s.get("kyoten_version", "—")
    cmd = s.get("command", "—")
    created = s.get("created", "—")
    threads = s.get("threads", "—")
    scen_file = s.get("scenario_file", "—")
    meta = res.scenario.get("meta", {}) or {}
    source = labels.meta_text(meta, "source", lang) or "—"
    descr = labels.meta_text(meta, "description", lang)
    # Uncertain parameters: pairs of replications share one draw, and intervals count pairs (docs/uncertainty.md).
    paired = bool((s.get("variance_split") or {}).get("applicable"))
    pairs_ja = (f"ただし本シナリオには分布で与えた（不確かな）パラメータがあり、反復2回ずつの組が同じ抽出値を使うため、"
                f"信頼区間は組の平均（{n // 2}組）を独立な単位として求める。" if paired else "")
    pairs_en = (f" This scenario states some parameters as distributions: each pair of replications shares one draw of "
                f"them, so the intervals use the {n // 2} pair means as the independent units." if paired else "")
    level_pct = f"{level * 100:g}%"
    if lang == "ja":
        return [
            ("1. 目的（Objectives）", [
                ("1.1 モデルの目的",
                 "地域生活支援拠点等（相談、緊急時の受け入れ・対応、体験の機会・場ほか）の体制を、利用者数・相談件数・"
                 "緊急対応・受入先の確保・費用の面から見積もり、職員配置、24時間対応の要否、緊急用の床や居室の数、"
                 "拠点を1か所にするか複数にするかといった判断を支えること。" + (f"本シナリオ：{descr}" if descr else "")),
                ("1.2 出力（指標の定義）",
                 "登録者数、相談件数・緊急対応件数（時間帯別）、初回応答までの時間（分）、安全確保（受入先の確保）までの時間"
                 "（平均・90%点・2/4/24時間以内の割合、時間帯別）、緊急対応の結果の内訳、空床が見つからなかった確率、"
                 "短期入所床・拠点緊急居室の稼働（全室空き・全室使用の日の割合）、時刻×曜日別のコーディネーター稼働率、"
                 "アセスメント待ち、体験利用の実施・中止、年度・費目別の費用と予算との比較。月別の見通しは反復の分位点"
                 "（中央値・中央50%・中央90%）で示す。"),
                ("1.3 信頼区間の求め方",
                 f"各指標は独立な反復（{n}回）ごとに1つの値を得て、その平均と、自由度 n−1 のスチューデント t 分布による"
                 f"{level_pct}信頼区間（平均 ± t·s/√n、s は反復間の標準偏差）を示す。ある時間帯に該当する事例がなかった反復は、"
                 "その時間帯の指標の計算から除く（表の反復数に表示）。「1期間の幅」は反復の2.5〜97.5%点で、"
                 "1期間の実績がとりうる幅の目安（予測区間）であり、平均の信頼区間とは異なる。" + pairs_ja),
                ("1.4 実験の狙い",
                 "シナリオの設定（職員配置、オンコール、施設、居室、予算など）を変えた比較は、同じ乱数系列を使う共通乱数法で"
                 "行い、差を精度よく推定する（kyoten compare、sweep）。"),
            ]),
            ("2. ロジック（Logic）", [
                ("2.1 全体の流れ",
                 "登録 → 相談の発生（時間帯別の強度をもつ非定常ポアソン過程、強度は登録者数に比例）→ 担当拠点のコーディネーターが"
                 "対応（勤務表に従い、不在時はオンコールまたはあふれ先へ）→ 問合せは助言で終了、緊急は受入先の探索 → 短期入所・"
                 "拠点緊急居室・在宅支援・介護施設（協定）・保健福祉課への引継ぎ → 滞在（出口支援の遅れを含む）→ 費用の計上。"),
                ("2.2 実体・資源・待ち行列",
                 "実体：登録者、相談・緊急事例、体験利用の予約。資源：拠点ごとのコーディネーター（勤務時間帯ごとの人数）、"
                 "短期入所床（定期利用と共用、空床確保分あり）、拠点緊急居室、在宅支援の人員、介護タクシー。"
                 "待ち行列：相談は拠点ごとに先着順。アセスメントは平日日中に、待っている相談がないときだけ行う（相談が優先）。"
                 "体験利用は緊急利用に押し出される。"),
                ("2.3 受入先の探索",
                 "候補施設を、本人が利用したことのある施設 → 同じ地域 → その他 の順に、本人の必要（医療的ケア、強度行動障害、"
                 "児童）に対応できる施設から照会する。空床があれば、時間帯別の受入確率にアセスメント済・利用経験・支援計画の"
                 "倍率を掛けた確率で受け入れる。照会数・探索時間の上限に達したら、設定された代替手段を順に試す。"),
                ("2.4 シナリオ", f"シナリオファイル {scen_file}（base と --set を反映した設定を付録に全て掲載）。"),
            ]),
            ("3. データ（Data）", [
                ("3.1 データの出典", source),
                ("3.2 入力値と前提",
                 "各入力値と出典・前提はシナリオファイルのコメントと scenarios/README.md「前提」に記載。主な値は本報告書の"
                 "「前提条件」の表に示す。資料にない値は仮定であり、--set や派生ファイルで変えて感度を確かめること。"),
            ]),
            ("4. 実験条件（Experimentation）", [
                ("4.1 初期条件・ウォームアップ",
                 f"開始前に {warm:g}日間のウォームアップを行い（短期入所床を定期利用で埋めるため）、その間の統計は捨てる。"
                 "開始時点の登録者は設定に従って登録済み・アセスメント済みとする。"),
                ("4.2 計算期間", f"{start} から {end} の前日まで（{days}日間）。" if days else f"{start} 〜 {end}"),
                ("4.3 反復回数", f"{n}回（独立な反復）。" if not paired
                 else f"{n}回（同じパラメータ抽出を共有する2回ずつの組 {n // 2}組）。"),
            ]),
            ("5. 実装（Implementation）", [
                ("5.1 ソフトウェア",
                 f"kyoten {version}（C++20 の離散事象シミュレーション、事象スケジューリング方式）。集計・図表は Python"
                 "（pandas、matplotlib）。"),
                ("5.2 乱数",
                 f"乱数の種 {seed}。乱数系列は（種、反復番号、用途）から導く（Boost.Random の mt19937_64 を seed_seq で初期化）。"
                 "用途（登録、属性、相談、作業時間、探索、受入判断、滞在、体験利用、在宅支援、施設ごとの定期利用など）ごとに"
                 "系列を分けるため、職員配置を変えても到着の系列は変わらない（共通乱数）。"
                 + ("分布で与えたパラメータは用途「parameters」の系列（種、組番号）から組ごとに抽出する。" if paired else "")),
                ("5.3 実行",
                 f"同時刻の事象は登録順（先入れ先出し）に処理する。反復はスレッドプールで並列に実行（{threads}スレッド）し、"
                 "結果はスレッド数によらずビット単位で同一。"),
                ("5.4 実行記録", f"コマンド：{cmd}　作成日時：{created}"),
            ]),
            ("6. コードの入手（Code access）", [
                ("6.1 ソースコード",
                 "kyoten のリポジトリ（sim/ エンジン、models/ モデル、scenarios/ シナリオ、analysis/ 本報告書の作成）。"
                 "同じバージョン・シナリオ・種・反復回数で実行すれば同じ結果が得られる。"),
                ("参考文献", CITATION),
            ]),
        ]
    return [
        ("1. Objectives", [
            ("1.1 Purpose of the model",
             "To estimate, for a community life support hub (地域生活支援拠点等: consultation, emergency acceptance and "
             "response, experience stays, …), registrants, calls, emergencies, how fast a safe place is arranged and what "
             "it costs, so that planners can decide staffing, 24-hour cover, emergency beds and rooms, one center or "
             "several." + (f" This scenario: {descr}" if descr else "")),
            ("1.2 Model outputs",
             "Registrants; calls and emergencies by time band; time to first answer (minutes); time to a safe "
             "arrangement (mean, 90th percentile, share within 2/4/24 h, by time band); outcome mix; probability no "
             "bed was found; short-stay bed and hub-room use (share of days with no room / every room in use); "
             "coordinator utilisation by hour of week; assessment backlog; experience stays done and pre-empted; cost by "
             "fiscal year and line against budget. Monthly forecasts are shown as quantiles over replications "
             "(median, middle 50%, middle 90%)."),
            ("1.3 How confidence intervals are computed",
             f"Each indicator has one value per independent replication (n = {n}); the report gives the mean and its "
             f"{level_pct} Student-t confidence interval with n − 1 degrees of freedom (mean ± t·s/√n, s the standard "
             "deviation across replications). Replications without a case in a time band are left out of that band's "
             "indicator (the table shows n). The one-period range is the 2.5th–97.5th percentile of replications, a "
             "prediction interval for one period's outcome, not a confidence interval." + pairs_en),
            ("1.4 Experimentation aims",
             "Scenario variants (staffing, on-call, facilities, rooms, budget) are compared under common random "
             "numbers so that differences are estimated sharply (kyoten compare, sweep)."),
        ]),
        ("2. Logic", [
            ("2.1 Overview",
             "Registration → calls (non-homogeneous Poisson by time band, proportional to registrants) → a coordinator "
             "at the responsible center answers (per its shifts; otherwise on call or overflow) → an inquiry ends with "
             "advice, an emergency starts a search → short stay, hub emergency room, help at home, an emergency "
             "place (elderly-care agreement, vacant house, spare room) or hand-over to case workers → stay (with exit-support delays) → costs."),
            ("2.2 Entities, resources and queues",
             "Entities: registrants, calls and emergency cases, experience-stay bookings. Resources: coordinators per "
             "center and hour (shifts), short-stay beds (shared with planned stays; some reserved), hub emergency rooms, "
             "home supporters, care taxis. Queues: calls wait first come first served at each center; assessments are "
             "done in weekday daytime only when no call waits (calls first); experience stays are pre-empted by "
             "emergencies."),
            ("2.3 Search for a place",
             "Candidate facilities able to meet the person's needs (medical care, behavioural support, children) are "
             "called in order: where the person stayed before, then the same region, then the rest. With a free bed a "
             "facility accepts with its time-band probability times the factors for an assessment, a previous stay and "
             "an advance plan. After the contact or time limit the scenario's fallbacks are tried in order."),
            ("2.4 Scenario", f"Scenario file {scen_file} (every resolved setting, after base and --set, is in the appendix)."),
        ]),
        ("3. Data", [
            ("3.1 Data sources", source),
            ("3.2 Parameters and assumptions",
             "Every input with its source or assumption is documented in the scenario file's comments and in "
             "scenarios/README.md (Assumptions). The main values are in this report's Assumptions table. Values not in "
             "the sources are assumptions: vary them with --set or a derived file to check their influence."),
        ]),
        ("4. Experimentation", [
            ("4.1 Initialisation and warm-up",
             f"A warm-up of {warm:g} days (so that short-stay beds carry their planned load) precedes the statistics, "
             "which discard it. Registrants present at the start are registered (and assessed) as the scenario says."),
            ("4.2 Run length", f"From {start} up to {end} (exclusive): {days} days." if days else f"{start} – {end}"),
            ("4.3 Replications", f"{n} independent replications." if not paired
             else f"{n} replications: {n // 2} independent pairs, each sharing one parameter draw."),
        ]),
        ("5. Implementation", [
            ("5.1 Software",
             f"kyoten {version} (C++20 discrete-event simulation, event scheduling). Analysis and charts: Python "
             "(pandas, matplotlib)."),
            ("5.2 Random sampling",
             f"Seed {seed}. Streams are derived from (seed, replication, purpose) (Boost.Random mt19937_64 initialised "
             "through seed_seq). Separate purposes (registrations, attributes, calls, work times, search, acceptance, "
             "stays, experience stays, home support, planned stays per facility, …) mean that changing the staffing does "
             "not change the arrivals: common random numbers."
             + (" Parameters stated as distributions are drawn per pair from the stream (seed, pair, "
                "\"parameters\")." if paired else "")),
            ("5.3 Model execution",
             f"Events at equal times are processed in the order they were scheduled (FIFO). Replications run on a "
             f"thread pool ({threads} threads); results are bit-identical whatever the thread count."),
            ("5.4 Run record", f"Command: {cmd}  Created: {created}"),
        ]),
        ("6. Code access", [
            ("6.1 Source code",
             "The kyoten repository (sim/ engine, models/ model, scenarios/ scenarios, analysis/ this report). The same "
             "version, scenario, seed and replications reproduce these results exactly."),
            ("Reference", CITATION),
        ]),
    ]


def stress_title(lang: str) -> str:
    return labels.text("stress", lang)
