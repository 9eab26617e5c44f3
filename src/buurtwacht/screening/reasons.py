# ruff: noqa: E501  (translated sentences read better unbroken)
"""Messages to the sender, in nl, fr, de and en, one per rule and action.

Every reason names its rule (its title comes first) and says what happens next, in the
sender's language. The texts are plain data so a translator can review them in one place;
`tests/screening` checks that every rule exists in every language.
"""

from __future__ import annotations

LANGS = ("nl", "fr", "de", "en")

TITLES: dict[str, dict[str, str]] = {
    "emergency": {"nl": "Noodgeval", "fr": "Urgence", "de": "Notfall", "en": "Emergency"},
    "police_called": {
        "nl": "Politie verwittigd", "fr": "Police prévenue", "de": "Polizei informiert",
        "en": "Police informed",
    },
    "vigilantism": {
        "nl": "Geen eigen rechter spelen", "fr": "Pas de justice soi-même",
        "de": "Keine Selbstjustiz", "en": "No vigilantism",
    },
    "third_party_data": {
        "nl": "Gegevens van derden", "fr": "Données de tiers", "de": "Daten Dritter",
        "en": "Third-party data",
    },
    "licence_plate": {
        "nl": "Nummerplaat", "fr": "Plaque d'immatriculation", "de": "Kennzeichen",
        "en": "Licence plate",
    },
    "discrimination": {
        "nl": "Beschrijf gedrag, niet afkomst", "fr": "Décrivez le comportement, pas l'origine",
        "de": "Verhalten beschreiben, nicht Herkunft", "en": "Describe behaviour, not origin",
    },
    "call_first": {
        "nl": "Eerst de politie bellen", "fr": "D'abord appeler la police",
        "de": "Zuerst die Polizei anrufen", "en": "Call the police first",
    },
    "chatter": {
        "nl": "Geen melding", "fr": "Pas une alerte", "de": "Keine Meldung", "en": "Not an alert",
    },
    "unsure": {
        "nl": "Onzeker: graag nakijken", "fr": "Incertain : à vérifier, svp",
        "de": "Unsicher: bitte prüfen", "en": "Unsure: please review",
    },
    "clean": {
        "nl": "In orde", "fr": "En ordre", "de": "In Ordnung", "en": "All clear",
    },
}  # fmt: skip

EXPLAIN: dict[str, dict[str, str]] = {
    "emergency": {
        "nl": "bel nu 112. Bevestig daarna dat je 112 gebeld hebt; pas dan gaat je bericht naar de groep.",
        "fr": "appelez le 112 maintenant. Confirmez ensuite l'appel ; votre message sera alors partagé avec le groupe.",
        "de": "rufen Sie jetzt 112 an. Bestätigen Sie danach den Anruf; erst dann geht Ihre Nachricht an die Gruppe.",
        "en": "call 112 now. Then confirm that you called 112; only then is your message shared with the group.",
    },
    "emergency_confirmed": {
        "nl": "de hulpdiensten zijn verwittigd. Blijf veilig binnen.",
        "fr": "les secours sont prévenus. Restez en sécurité à l'intérieur.",
        "de": "die Rettungsdienste sind informiert. Bleiben Sie sicher drinnen.",
        "en": "the emergency services have been called. Stay safe indoors.",
    },
    "police_called": {
        "nl": "je bericht zegt dat de politie op de hoogte is; zo is aan de regel 'eerst bellen' voldaan.",
        "fr": "votre message indique que la police est au courant ; la règle « d'abord appeler » est respectée.",
        "de": "Ihre Nachricht sagt, dass die Polizei Bescheid weiß; die Regel „zuerst anrufen“ ist erfüllt.",
        "en": "your message says the police know; the call-first rule is met.",
    },
    "vigilantism": {
        "nl": "leden observeren en melden aan de politie; achtervolgen, aanspreken, straffen of aan de schandpaal zetten mag niet. De coördinator is verwittigd.",
        "fr": "les membres observent et signalent à la police ; poursuivre, confronter, punir ou afficher quelqu'un est interdit. Le coordinateur est averti.",
        "de": "Mitglieder beobachten und melden der Polizei; verfolgen, zur Rede stellen, bestrafen oder an den Pranger stellen ist verboten. Der Koordinator ist informiert.",
        "en": "members observe and report to the police; chasing, confronting, punishing or shaming is not allowed. The coordinator has been notified.",
    },
    "third_party_data": {
        "nl": "namen, adressen, telefoonnummers, e-mail, rekening- of rijksregisternummers van anderen worden niet gedeeld. Een coördinator kijkt je bericht na; je kan de versie zonder die gegevens versturen.",
        "fr": "les noms, adresses, numéros de téléphone, e-mails, comptes ou numéros nationaux d'autres personnes ne sont pas partagés. Un coordinateur vérifie votre message ; vous pouvez envoyer la version masquée.",
        "de": "Namen, Adressen, Telefonnummern, E-Mails, Konto- oder Nationalregisternummern anderer werden nicht geteilt. Ein Koordinator prüft Ihre Nachricht; Sie können die geschwärzte Fassung senden.",
        "en": "names, addresses, phone numbers, e-mails, bank or national numbers of other people are not shared. A coordinator reviews your message; you can send the redacted version.",
    },
    "licence_plate": {
        "nl": "de nummerplaat gaat enkel naar de politie en wordt voor de leden gemaskeerd.",
        "fr": "la plaque est transmise uniquement à la police et masquée pour les membres.",
        "de": "das Kennzeichen geht nur an die Polizei und wird für die Mitglieder unkenntlich gemacht.",
        "en": "the plate goes to the police only and is masked in members' copies.",
    },
    "discrimination": {
        "nl": "verdenking mag niet steunen op afkomst, godsdienst of huidskleur. Beschrijf wat de persoon doet en hoe hij eruitziet: als je huidskleur of afkomst noemt, geef dan ook minstens drie andere kenmerken (lengte, kleding, leeftijd, haar, postuur).",
        "fr": "un soupçon ne peut pas reposer sur l'origine, la religion ou la couleur de peau. Décrivez ce que fait la personne et son apparence : si vous citez la couleur de peau ou l'origine, donnez au moins trois autres signes (taille, vêtements, âge, cheveux, corpulence).",
        "de": "ein Verdacht darf nicht auf Herkunft, Religion oder Hautfarbe beruhen. Beschreiben Sie Verhalten und Aussehen: wer Hautfarbe oder Herkunft nennt, nennt auch mindestens drei weitere Merkmale (Größe, Kleidung, Alter, Haare, Statur).",
        "en": "suspicion may not rest on origin, religion or skin colour. Describe what the person does and looks like: if you mention skin colour or origin, also give at least three other descriptors (height, clothing, age, hair, build).",
    },
    "call_first": {
        "nl": "bel eerst 101 (of 112 bij nood) en bevestig dan dat je gebeld hebt; daarna gaat je melding naar de groep.",
        "fr": "appelez d'abord le 101 (ou le 112 en cas d'urgence), puis confirmez l'appel ; votre alerte partira ensuite vers le groupe.",
        "de": "rufen Sie zuerst 101 an (im Notfall 112) und bestätigen Sie den Anruf; danach geht Ihre Meldung an die Gruppe.",
        "en": "call 101 first (or 112 in an emergency), then confirm the call; after that your alert goes to the group.",
    },
    "chatter": {
        "nl": "deze groep is enkel voor meldingen. Leuk bericht! Zet het in het algemene kanaal van de buurt.",
        "fr": "ce groupe sert uniquement aux alertes. Merci pour votre message ! Publiez-le dans le canal général du quartier.",
        "de": "diese Gruppe ist nur für Meldungen. Danke für die Nachricht! Bitte posten Sie sie im allgemeinen Kanal der Nachbarschaft.",
        "en": "this group is for alerts only. Thanks for your message! Please post it in the neighbourhood's general channel.",
    },
    "unsure": {
        "nl": "de screening is niet zeker of dit bericht oproept tot eigen rechter spelen of een noodgeval meldt. Een coördinator kijkt het na voor het gedeeld wordt; bij nood: bel 112.",
        "fr": "le filtrage n'est pas sûr que ce message n'appelle pas à se faire justice ou ne signale pas une urgence. Un coordinateur le vérifie avant de le partager ; en cas d'urgence, appelez le 112.",
        "de": "die Prüfung ist unsicher, ob diese Nachricht zu Selbstjustiz aufruft oder einen Notfall meldet. Ein Koordinator sieht sie vor dem Teilen durch; im Notfall: 112 anrufen.",
        "en": "screening is not sure whether this message calls for vigilantism or reports an emergency. A coordinator reviews it before it is shared; in an emergency, call 112.",
    },
    "clean": {
        "nl": "geen opmerkingen bij dit bericht.",
        "fr": "aucune remarque sur ce message.",
        "de": "keine Anmerkungen zu dieser Nachricht.",
        "en": "nothing to remark on this message.",
    },
}  # fmt: skip

ACTION_TEXT: dict[str, dict[str, str]] = {
    "allow": {"nl": "Je bericht wordt gedeeld.", "fr": "Votre message est partagé.",
              "de": "Ihre Nachricht wird geteilt.", "en": "Your message is shared."},
    "hold": {"nl": "Je bericht wacht.", "fr": "Votre message est en attente.",
             "de": "Ihre Nachricht wird zurückgehalten.", "en": "Your message is on hold."},
    "block": {"nl": "Je bericht is geblokkeerd.", "fr": "Votre message est bloqué.",
              "de": "Ihre Nachricht wurde blockiert.", "en": "Your message is blocked."},
}  # fmt: skip

MASKS: dict[str, dict[str, str]] = {
    "phone": {"nl": "[nummer verborgen]", "fr": "[numéro masqué]", "de": "[Nummer verborgen]", "en": "[number hidden]"},
    "email": {"nl": "[e-mail verborgen]", "fr": "[e-mail masqué]", "de": "[E-Mail verborgen]", "en": "[e-mail hidden]"},
    "iban": {"nl": "[rekeningnummer verborgen]", "fr": "[compte masqué]", "de": "[Konto verborgen]", "en": "[account hidden]"},
    "national_number": {"nl": "[rijksregisternummer verborgen]", "fr": "[numéro national masqué]", "de": "[Nationalnummer verborgen]", "en": "[national number hidden]"},
    "name": {"nl": "[naam verborgen]", "fr": "[nom masqué]", "de": "[Name verborgen]", "en": "[name hidden]"},
    "address": {"nl": "[adres verborgen]", "fr": "[adresse masquée]", "de": "[Adresse verborgen]", "en": "[address hidden]"},
}  # fmt: skip


def message(rule: str, action: str, lang: str, *, confirmed: bool = False) -> str:
    """The reason text: "<rule title>: <explanation> <what happens>"."""
    lang = lang if lang in LANGS else "nl"
    key = "emergency_confirmed" if rule == "emergency" and confirmed else rule
    title = TITLES[rule][lang]
    explain = EXPLAIN[key][lang]
    return f"{title}: {explain} {ACTION_TEXT[action][lang]}"
