"""Replies under an alert: observations are follow-ups, thanks and reactions are chatter."""

import pytest

from buurtwacht.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "Ze zijn nu de hoek om, richting Stationsplein gelopen.",
        "Ik zie ze nu bij de bakker staan",
        "La voiture est maintenant garée devant l'église.",
        "They just turned into Parkstraat, heading for the station.",
    ],
)
def test_observation_is_follow_up(text):
    result = screen(text, context="follow_up", call_confirmed=True)
    assert result.kind == "follow_up" and result.verdict == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "Bedankt voor de melding, goed bezig allemaal! 👍",
        "Merci à tous !",
        "Thanks everyone, great work",
    ],
)
def test_thanks_under_an_alert_is_chatter_and_held(text):
    result = screen(text, context="follow_up", call_confirmed=True)
    assert result.kind == "chatter" and result.verdict == "hold"
    assert any(r.rule == "chatter" for r in result.reasons)
