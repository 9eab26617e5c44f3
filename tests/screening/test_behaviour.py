"""Spans, negation, harmless words, numbers, verdict rules, masking and reasons."""

import pytest

from buurtwacht.screening import (
    CATEGORIES,
    DEFAULT_ACTIONS,
    FINDINGS,
    Finding,
    ScreeningResult,
    mask,
    screen,
)
from buurtwacht.screening.reasons import EXPLAIN, TITLES


def _span(result, name):
    fs = [f for f in result.findings if f.name == name]
    assert fs, (name, result.findings)
    return fs[0]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Zwarte BMW met plaat 1-ABC-234 aan de school", "licence_plate", "1-ABC-234"),
        ("Wagen AB-123-CD en nog iets", "licence_plate", "AB-123-CD"),
        ("Duits kenteken HH-AB 1234 gezien", "licence_plate", "HH-AB 1234"),
        ("plaat begint met 1-GHK, de rest niet gezien", "licence_plate", "1-GHK"),
        ("Bel die oplichter niet terug: 0478 12 34 56", "third_party_data", "0478 12 34 56"),
        ("Zijn mail is jan.peeters@example.be", "third_party_data", "jan.peeters@example.be"),
        ("Het was Kevin Janssens van de overkant", "third_party_data", "Kevin Janssens"),
    ],
)
def test_span_points_at_trigger(text, name, expected):
    f = _span(screen(text), name)
    assert text[f.start : f.end] == f.text == expected


def test_spans_of_phrase_findings_are_in_text():
    text = "Inbrekers NU bezig in de Kerkstraat!! Politie gebeld. Morgen wachten we ze op."
    r = screen(text)
    for f in r.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
    assert "gebeld" in _span(r, "police_called").text.lower()
    assert "wachten" in _span(r, "vigilantism").text


@pytest.mark.parametrize(
    "text",
    [
        "Postcode 3500, om 21:30 op 12-05-2024, huisnummer 14b, rond 3u15 en 22h",
        "Bel 112 bij nood en 101 voor de politie",
        "De E313 was dicht tussen afrit 25 en 26",
        "Appelez le 112 ou le 101, pas d'autre numéro",
    ],
)
def test_numbers_that_are_not_plates_or_personal_data(text):
    names = screen(text).finding_names
    assert "licence_plate" not in names
    assert "third_party_data" not in names


def test_police_number_is_not_third_party_data():
    r = screen("Ik heb het gemeld bij de lokale politie op 016 21 99 00.")
    assert "third_party_data" not in r.finding_names
    assert "police_called" in r.finding_names


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Heb nog niet gebeld, wat moet ik doen?", "police_called"),
        ("Moet ik de politie bellen?", "police_called"),
        ("NIET achterna gaan en niet aanspreken!", "vigilantism"),
        ("Ga ze zeker niet achterna, laat dat aan de politie over.", "vigilantism"),
        ("Wie de camper wil 'aanpakken': niet doen!", "vigilantism"),
        ("Dan pakken we 10 bakken samen voor het buurtfeest", "vigilantism"),
        ("Brandweeroefening zaterdag aan de sporthal", "emergency"),
        ("Mijn pakket is bij de buren afgeleverd", "emergency"),
        ("De garagebrand is onder controle, niemand gewond", "emergency"),
    ],
)
def test_negation_and_harmless_words(text, absent):
    assert absent not in screen(text).finding_names


def test_description_with_skin_colour_and_three_descriptors_is_fine():
    text = (
        "Man met donkere huidskleur, rond de 30 jaar, 1m85, blauwe jas, kort haar, "
        "probeert deuren open te doen. Politie gebeld."
    )
    assert "discrimination" not in screen(text).finding_names
    assert "discrimination" in screen("Een donkere man loopt rond in de straat.").finding_names


def test_verdict_rules():
    assert screen("Inbraak bezig bij de buren!!").verdict == "hold"  # emergency, no call
    r = screen("Inbraak bezig bij de buren!!", call_confirmed=True)
    assert r.verdict == "allow"
    assert screen("Mijn fiets is gestolen aan de kerk.").verdict == "hold"  # call first
    assert screen("Mijn fiets is gestolen aan de kerk.", call_confirmed=True).verdict == "allow"
    assert screen("We gaan ze opwachten en een pak rammel geven").verdict == "block"
    assert screen("Fijn weekend iedereen!").verdict == "hold"
    assert [x.rule for x in screen("Fijn weekend iedereen!").reasons] == ["chatter"]
    r = screen("Update: de fiets is teruggevonden, alles in orde.")
    assert (r.kind, r.verdict) == ("follow_up", "allow")


def test_context_forces_kind_and_actions_override():
    r = screen("De man is weggereden richting station", context="follow_up")
    assert r.kind == "follow_up" and r.category is None
    r = screen("De man is weggereden richting station", context="alert", call_confirmed=True)
    assert r.kind == "alert" and r.category in CATEGORIES
    strict = dict(DEFAULT_ACTIONS, licence_plate="hold")
    text = "Auto met plaat 1-ABC-234 stond aan de school. Politie verwittigd."
    assert screen(text).verdict == "allow"
    assert screen(text, actions=strict).verdict == "hold"


def test_result_api():
    r = screen("Verdachte auto 1-ABC-234, politie gebeld", "nl")
    assert isinstance(r, ScreeningResult)
    assert r.finding_names == sorted(set(r.finding_names))
    assert all(isinstance(f, Finding) for f in r.findings)
    with pytest.raises(AttributeError):
        r.findings[0].name = "x"  # frozen
    d = r.to_dict()
    assert d["verdict"] == r.verdict and d["finding_names"] == r.finding_names
    assert set(FINDINGS) == set(DEFAULT_ACTIONS)


def test_mask_hides_plates_and_phones_keeps_emergency_numbers():
    text = "Plaat 1-ABC-234, de man belde van 0478 12 34 56. Bel 112 of 101!"
    out = mask(text)
    assert "1-•••-234" in out
    assert "0478" not in out and "[nummer verborgen]" in out
    assert "112" in out and "101" in out
    fr = mask("Il appelle du 0478 12 34 56", lang="fr")
    assert "[numéro masqué]" in fr


def test_mask_with_given_findings():
    text = "Het was Kevin Janssens"
    r = screen(text)
    assert mask(text, r.findings, "nl") == "Het was [naam verborgen]"


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
@pytest.mark.parametrize("rule", [*FINDINGS, "call_first", "chatter", "clean"])
def test_reasons_exist_in_every_language(rule, lang):
    assert TITLES[rule][lang] and EXPLAIN[rule][lang]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We gaan ze opwachten en een pak rammel geven", "nl"),
        ("On va les attendre et leur donner une bonne leçon", "fr"),
        ("Wir warten auf die Typen und verprügeln sie", "de"),
        ("Let's wait for them and beat them up", "en"),
    ],
)
def test_reason_in_senders_language_names_rule(text, lang):
    r = screen(text)
    assert r.lang == lang and r.verdict == "block"
    rule = next(x for x in r.reasons if x.rule == "vigilantism")
    assert rule.message.startswith(TITLES["vigilantism"][lang])


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A wish about the police is not a call; a done call survives a wish.
        ("De politie moet hier meer patrouilleren, vind ik.", [], ["police_called"]),
        ("Il faudrait que la police passe plus souvent.", [], ["police_called"]),
        (
            "Politie is gebeld en moet elk moment komen, er zit iemand in de garage!",
            ["police_called"],
            [],
        ),
        # Shaming a person is vigilantism; sharing a missing person's photo is not.
        ("Zet zijn foto online zodat iedereen weet wie het is", ["vigilantism"], []),
        ("Deel aub zijn foto, hij is vermist sinds gisteren, 78 jaar.", [], ["vigilantism"]),
        ("Foto's van de fotozoektocht online zetten mag!", [], ["vigilantism"]),
        # Verb families and separable verbs.
        ("We pakken die gasten en slaan ze in elkaar!", ["vigilantism"], []),
        ("Tout le monde dehors, on les poursuit !", ["vigilantism"], []),
        ("Als hij terugkomt, steken we zijn banden lek.", ["vigilantism"], []),
        ("Mijn banden zijn lek gestoken deze nacht.", [], ["vigilantism"]),
        ("Ik werd gisteren achtervolgd door een auto tot aan mijn deur.", [], ["vigilantism"]),
        ("Gisteren een film gezien met een achtervolging door Antwerpen.", [], ["vigilantism"]),
        # Urging a call about something happening is an emergency.
        ("Er staat nu iemand aan de achterdeur te morrelen!! Bel 112!", ["emergency"], []),
        ("Bij twijfel bel 101.", [], ["emergency"]),
        # The sender's own national number is not third-party data.
        ("Mijn rijksregisternummer is 85073003328, wie helpt?", [], ["third_party_data"]),
        ("Rijksregisternummer van de buurvrouw: 85.07.30-033.28", ["third_party_data"], []),
        # False friends across languages: French "hier" in Dutch, German "schade".
        ("ne gast slaat hier ne vrouw op straat, komt iemand?", ["emergency"], []),
    ],
)
def test_generalised_rules(text, present, absent):
    names = screen(text).finding_names
    for n in present:
        assert n in names, (text, names)
    for n in absent:
        assert n not in names, (text, names)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bedankt iedereen voor de snelle reactie!", "chatter"),
        ("Thanks everyone for the quick responses, much appreciated", "chatter"),
        (
            "Man in his 30s, white, tall, blue hoodie, jeans, short dark hair. Police called.",
            "alert",
        ),
        ("Vermist: buurman Jef (82), sinds 14u niet meer gezien. Politie is verwittigd.", "alert"),
    ],
)
def test_generalised_kinds(text, kind):
    assert screen(text).kind == kind
