"""Issue 10: screening on messages it was not built on, confidence, and the unsure path.

The eval split (tests/screening/data/screen-eval.jsonl) shares no template with the training
split; the floors below were set a little under the numbers measured at the checkpoint and
never tuned on (see docs/screening.md for the measured values).
"""

import json
from pathlib import Path

import pytest
from examples_classes import (
    EMPHASIS,
    ESCAPE_ROUTES,
    FULL_DESCRIPTIONS,
    GENERALISATIONS,
    GROUP_GOES_THERE,
    GROUP_OUTINGS,
    HARMLESS,
    HEARD_INSIDE_NOW,
    HOLDING_UNTIL_POLICE,
    INDIRECT_VIGILANTISM,
    INSIDE_AT_ANOTHER_TIME,
    ITEMISED_DESCRIPTIONS,
    MEDICAL_NOW,
    RESOLVED,
    RULE_TALK,
    SUSPECTS_LEAVING,
    WARNINGS,
)
from metrics import score

from buurtwacht.screening import FINDINGS, screen
from buurtwacht.screening.learned import load
from buurtwacht.screening.reasons import LANGS, TITLES
from buurtwacht.screening.verdict import decide

DATA = Path(__file__).parent / "data"


def _rows(name):
    return [json.loads(x) for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x]


@pytest.fixture(scope="module")
def eval_rows():
    return _rows("screen-eval.jsonl")


@pytest.fixture(scope="module")
def eval_results(eval_rows):
    return [screen(r["text"]) for r in eval_rows]


def test_corpus_shape():
    train, ev = _rows("screen-train.jsonl"), _rows("screen-eval.jsonl")
    rows = train + ev
    assert len(rows) >= 1000
    shares = {lang: sum(r["lang"] == lang for r in rows) / len(rows) for lang in LANGS}
    assert abs(shares["nl"] - 0.60) < 0.03 and abs(shares["fr"] - 0.25) < 0.03
    assert abs(shares["de"] - 0.08) < 0.02 and abs(shares["en"] - 0.07) < 0.02
    # split by template: no template (id without its running number) on both sides
    templates = {r["id"].rsplit("-", 1)[0] for r in train}
    assert not templates & {r["id"].rsplit("-", 1)[0] for r in ev}
    for r in rows:
        assert set(r) == {"id", "lang", "text", "kind", "category", "findings"}
        assert set(r["findings"]) <= set(FINDINGS)


def test_eval_floors(eval_rows):
    m = score(eval_rows)
    assert m["kind_accuracy"] >= 0.87, m["kind_accuracy"]
    assert m["category_accuracy"] >= 0.80, m["category_accuracy"]
    floors = {"vigilantism": 0.64, "emergency": 0.76, "police_called": 0.86, "discrimination": 0.85}
    for name, floor in floors.items():
        assert m["findings"][name]["f1"] >= floor, (name, m["findings"][name])


def test_eval_dangerous_messages_are_never_delivered_unreviewed(eval_rows, eval_results):
    for row, r in zip(eval_rows, eval_results, strict=True):
        if {"vigilantism", "emergency"} & set(row["findings"]):
            reviewed = r.verdict != "allow" or "police_called" in r.finding_names
            assert reviewed, row


def test_eval_dangerous_messages_are_caught(eval_rows, eval_results):
    """Found, or held as unsure: what the unsure path is for."""
    for name, floor in (("vigilantism", 0.72), ("emergency", 0.80)):
        pairs = [(row, r) for row, r in zip(eval_rows, eval_results, strict=True)]
        rows = [(row, r) for row, r in pairs if name in row["findings"]]
        caught = sum(name in r.finding_names or name in {u.name for u in r.unsure} for _, r in rows)
        assert caught / len(rows) >= floor, (name, caught, len(rows))


def test_eval_unsure_share_ceiling(eval_results):
    share = sum(any(x.rule == "unsure" for x in r.reasons) for r in eval_results)
    assert share / len(eval_results) <= 0.12


def test_eval_clean_alerts_delivered(eval_rows, eval_results):
    clean = [
        r
        for row, r in zip(eval_rows, eval_results, strict=True)
        if row["kind"] == "alert" and decide(row["kind"], row["findings"], "nl")[0] == "allow"
    ]
    assert sum(r.verdict == "allow" for r in clean) / len(clean) >= 0.85


def test_confidence_for_every_finding(eval_results, corpus):
    results = eval_results + [screen(r["text"]) for r in corpus]
    seen = 0
    for r in results:
        for f in r.findings + r.unsure:
            assert isinstance(f.confidence, float) and 0.0 <= f.confidence <= 1.0, f
            assert r.text[f.start : f.end] == f.text
            seen += 1
        for d in r.to_dict()["findings"]:
            assert 0.0 <= d["confidence"] <= 1.0
    assert seen > 300


def test_the_model_ships_and_matches_its_training_data():
    from buurtwacht.screening.train import data_hash, training_rows

    model = load()
    assert model is not None, "run: python -m buurtwacht.screening.train"
    assert model.meta["data_hash"] == data_hash(training_rows()), "training data changed: retrain"


def test_fast_scoring_equals_the_feature_definition(eval_rows):
    """score_message (cached per token key) gives the scores of features() + scores(), the
    definition the trainer uses."""
    from buurtwacht.screening import analysis, rule_stage
    from buurtwacht.screening.learned import features

    model = load()
    for row in eval_rows[::5]:
        an, _ = analysis(row["text"])
        st = rule_stage(an)
        names = {f.name for f in st.found}
        slow = model.scores(features(an, names, st.kind, st.category))
        fast = model.score_message(an, names, st.kind, st.category)
        assert all(abs(slow[h] - fast[h]) < 1e-9 for h in slow), row


def test_trainer_sees_the_features_run_time_sums(eval_rows):
    """The trainer's feature list of a message is the run-time one, duplicates included: a
    word said twice weighs twice in score_message, so it must in training too (the trainer
    once deduplicated them, so cross-validation measured a different model than the one run)."""
    from buurtwacht.screening import analysis, rule_stage
    from buurtwacht.screening.learned import features
    from buurtwacht.screening.train import featurise

    rows = [r for r in eval_rows[::25]] + [{"text": "de de de politie, de politie, NU NU"}]
    for row, got in zip(rows, featurise(rows), strict=True):
        an, _ = analysis(row["text"], None)
        st = rule_stage(an)
        want = features(an, {f.name for f in st.found}, st.kind, st.category)
        assert got == sorted(want), row["text"]


UNSURE_MSG = {"nl": "Onzeker", "fr": "Incertain", "de": "Unsicher", "en": "Unsure"}


@pytest.mark.parametrize("lang", LANGS)
def test_unsure_holds_with_the_reason_in_four_languages(lang):
    verdict, reasons = decide("follow_up", [], lang, unsure=["vigilantism"])
    assert verdict == "hold"
    (reason,) = [r for r in reasons if r.rule == "unsure"]
    assert reason.action == "hold"
    assert reason.message.startswith(TITLES["unsure"][lang])
    assert UNSURE_MSG[lang] in reason.message
    # a protocol may make it stricter
    verdict, _ = decide("follow_up", [], lang, actions={"unsure": "block"}, unsure=["emergency"])
    assert verdict == "block"
    with pytest.raises(ValueError):
        decide("follow_up", [], lang, actions={"unsure": "allow"}, unsure=["emergency"])


def test_unsure_emergency_needs_no_review_once_the_call_is_made():
    assert decide("follow_up", [], "nl", unsure=["emergency"], call_confirmed=True)[0] == "allow"
    assert decide("follow_up", [], "nl", unsure=["emergency"])[0] == "hold"


def test_unsure_path_end_to_end(eval_results):
    """Eval messages held as unsure carry it in the result; an unsure emergency whose call
    is already made is not held for it."""
    held = 0
    for r in eval_results:
        doubts = {u.name for u in r.unsure}
        assert not doubts & set(r.finding_names)
        assert all(u.detail == "unsure" for u in r.unsure)
        reason = any(x.rule == "unsure" for x in r.reasons)
        if doubts - {"emergency"} or (doubts and "police_called" not in r.finding_names):
            assert reason and r.verdict in ("hold", "block"), r
            assert r.to_dict()["unsure"]
            held += 1
        elif doubts:
            assert not reason
    assert held


def _class(examples, xfail):
    return [
        pytest.param(lang, text, marks=pytest.mark.xfail(strict=True, reason="weak spot"))
        if text in xfail
        else (lang, text)
        for lang, text in examples
    ]


# Known weak spots, kept visible (strict: a fix makes them fail until moved out of here).
# The four of the checkpoint (group + talk, "gaat hij ni meer lachen", "lossen het zelf op",
# "laat die knuppels thuis") are fixed by class rules (docs/screening.md).
XFAIL: set[str] = set()


@pytest.mark.parametrize(("lang", "text"), _class(INDIRECT_VIGILANTISM, XFAIL))
def test_indirect_vigilantism_is_blocked_or_held_unsure(lang, text):
    r = screen(text, lang)
    assert "vigilantism" in r.finding_names or "vigilantism" in {u.name for u in r.unsure}
    assert r.verdict != "allow"


@pytest.mark.parametrize(("lang", "text"), _class(WARNINGS, XFAIL))
def test_warnings_against_vigilantism_are_not_vigilantism(lang, text):
    r = screen(text, lang)
    assert "vigilantism" not in r.finding_names
    assert r.verdict != "block"


@pytest.mark.parametrize(("lang", "text"), RESOLVED)
def test_resolved_events_are_not_emergencies(lang, text):
    r = screen(text, lang)
    assert "emergency" not in r.finding_names
    assert "emergency" not in {u.name for u in r.unsure}


@pytest.mark.parametrize(("lang", "text"), EMPHASIS)
def test_emphasised_emergencies_are_emergencies(lang, text):
    r = screen(text, lang)
    assert "emergency" in r.finding_names
    assert r.kind == "alert"
    assert r.verdict == "hold"  # until the 112 call is confirmed
    assert screen(text, lang, call_confirmed=True).verdict == "allow"


@pytest.mark.parametrize(("lang", "text"), HARMLESS)
def test_harmless_lookalikes_are_not_flagged(lang, text):
    r = screen(text, lang)
    assert not {"vigilantism", "emergency"} & set(r.finding_names)
    assert r.verdict != "block"


@pytest.mark.parametrize(("lang", "text"), GENERALISATIONS)
def test_generalisations_about_a_group_are_discrimination(lang, text):
    assert "discrimination" in screen(text, lang).finding_names


@pytest.mark.parametrize(("lang", "text"), FULL_DESCRIPTIONS)
def test_full_descriptions_are_not_discrimination(lang, text):
    assert "discrimination" not in screen(text, lang).finding_names


@pytest.mark.parametrize(("lang", "text"), SUSPECTS_LEAVING)
def test_suspects_walking_off_in_a_plain_alert_are_delivered_at_once(lang, text):
    r = screen(text, lang, call_confirmed=True, context="alert")
    assert (r.verdict, r.unsure, r.finding_names) == ("allow", [], [])


@pytest.mark.parametrize(("lang", "text"), HOLDING_UNTIL_POLICE)
def test_residents_holding_someone_are_vigilantism_whatever_the_police_word(lang, text):
    r = screen(text, lang)
    assert "vigilantism" in r.finding_names or "vigilantism" in {u.name for u in r.unsure}
    assert r.verdict != "allow"


@pytest.mark.parametrize(("lang", "text"), ESCAPE_ROUTES)
def test_an_escape_route_or_the_police_closing_it_is_not_vigilantism(lang, text):
    r = screen(text, lang)
    assert "vigilantism" not in r.finding_names
    assert r.verdict != "block"


@pytest.mark.parametrize(("lang", "text"), HEARD_INSIDE_NOW)
def test_an_intruder_heard_inside_now_is_an_emergency(lang, text):
    assert "emergency" in screen(text, lang).finding_names


@pytest.mark.parametrize(("lang", "text"), INSIDE_AT_ANOTHER_TIME)
def test_someone_inside_at_another_time_is_no_emergency(lang, text):
    r = screen(text, lang)
    assert "emergency" not in r.finding_names
    assert "emergency" not in {u.name for u in r.unsure}


@pytest.mark.parametrize(("lang", "text"), GROUP_GOES_THERE)
def test_a_group_going_to_the_suspect_is_blocked_or_held(lang, text):
    r = screen(text, lang)
    assert "vigilantism" in r.finding_names or "vigilantism" in {u.name for u in r.unsure}
    assert r.verdict != "allow"


@pytest.mark.parametrize(("lang", "text"), GROUP_OUTINGS)
def test_a_group_outing_without_an_incident_is_not_vigilantism(lang, text):
    r = screen(text, lang)
    assert "vigilantism" not in r.finding_names
    assert r.verdict != "block"


@pytest.mark.parametrize(("lang", "text"), MEDICAL_NOW)
def test_a_person_in_medical_distress_now_is_an_emergency(lang, text):
    assert "emergency" in screen(text, lang).finding_names


@pytest.mark.parametrize(("lang", "text"), RULE_TALK + ITEMISED_DESCRIPTIONS)
def test_rule_talk_and_itemised_descriptions_are_not_discrimination(lang, text):
    assert "discrimination" not in screen(text, lang).finding_names


def test_every_class_has_four_languages():
    for examples in (
        INDIRECT_VIGILANTISM, WARNINGS, RESOLVED, EMPHASIS, HARMLESS, GENERALISATIONS,
        FULL_DESCRIPTIONS, SUSPECTS_LEAVING, HOLDING_UNTIL_POLICE, ESCAPE_ROUTES,
        HEARD_INSIDE_NOW, INSIDE_AT_ANOTHER_TIME, GROUP_GOES_THERE, GROUP_OUTINGS,
        MEDICAL_NOW, RULE_TALK, ITEMISED_DESCRIPTIONS,
    ):  # fmt: skip
        assert {lang for lang, _ in examples} == set(LANGS)
