"""Word classes for compositional features: who acts, with what intent, doing what, to whom.

Phrase lists name whole sentences; the issue's misses were new sentences built from the same
parts. So the model also sees, per sentence, which *classes* of word occur together:
actor (we, I, the neighbours, ourselves) + intent (future, "next time", "if I see him") +
action family (visit, confront, hold, corner, block in, follow, chase, scare, punish, shame,
sort out) + target (him, them, that guy), a negator or a "nobody" near the action (a warning
against it), the police said to do nothing, danger words, resolution and past-tense cues, and "now".
Conjunctions such as ``x:actor+act+target`` are language-independent, so what the model
learns from Dutch sentences carries over to French, German and English ones.
Entries are prefixes of folded keys (``*`` = exact word), written per language and merged:
a class is a class in every language (false friends are rare among these short lists).
"""

from __future__ import annotations

from functools import lru_cache

from .normalise import fold, squeeze

CLASSES: dict[str, str] = {
    "actor": """we* wij* ik* k* ons* onze* samen* buren* buurt* wijk* manne* zelf*
        on* nous* je* j* moi* voisin* quartier* ensemble* memes*
        wir* ich* uns* nachbar* selbst* selber* zu*
        i* us* ourselves* neighbour* street* few*""",
    # ("ll" of "we'll" is not here: squeezed it is "l", the French article of "l'église")
    "intent": """ga* gaan* gat* zal* zulen* straks* vanavond* morgen* volgende* als* moet* moeten*
        laat* laten* kom* komaan* wie*
        vais* va* vont* allons* prochaine* si* faut* demain* soir* qui* venez* qu*
        werde* werden* wird* wenn* nachst* sol* morgen* heute* wer* lasst*
        will* going* gona* next* if* tonight* tomorrow* who* let* lets*""",
    "act": """anspr wordje bezoek langs opwacht afrek ramel pakk pakt pak* klem blok vasth hou*
        tegenh insluit volg achterv achterna zoek jag wegjag bang lesje regel oplos afhand
        straf drum sluit* omsing dwars aanpak aangepak zien* geweten* lesje halen* afkomen*
        zeg* zegen* knupel* honkbal
        confront visit attend coinc bloq retien reten suiv poursuiv chas peur regl occup puni
        encercl mots* expliq travers deguerp tomb* regret lecon bate* bates* civiere*
        sale* quart*
        besuch wart stel* halt* festh kesel sper verfolg nachgef hinter jag angst regel brust
        abreib erwisch blick* vorknof lektion schlager* kesel
        visit wait corner block hold* folow chas scare sort deal word* catch regret teach run*
        ambulanc lesson* bat* bats*
        vind* vinden* vindt* vastgebond vastbind gezet* bekop wacht* wachten* zoeken*
        trouv* payer* paye* payera* vont* attendr
        finden* finde* schnap such* suchen* warten* bezahl
        find* finding* pay* tie* tied* waiting*""",
    "group": """mee* mek* samen* allen* alle* verzamel vijf* drie* vier* paar* manne*
        plusieurs* nombreux* tous* ensemble* quatre* cinq* trois* quelques*
        mit* funft* alle* paar* leute*
        along* few* five* three* all* gang* lads*
        familie* vrienden* honden* schoonbroer* broers* maten*
        potes* copains* chiens* famille* beau*
        freunde* kumpels* hunde* familie* vater*
        mates* dads* friends* dogs* family*""",
    # making someone leave or give in: the purpose of a group going, not its act. (Numbers
    # and "men" are not a group of residents: "twee mannen lopen van deur tot deur" are the
    # suspects of a plain alert, and "hoek" is mostly a street corner, not cornering.)
    "warnoff": """snap* snappen* begrijp* begrijpen* welkom* vertrekken* terugkomen* durft*
        uitleggen* vertelt* boodschap* wegblijven* lopen*
        comprendre* comprend* bienvenus* bienvenu* rende* partir* revenir* message*
        verstehen* kapieren* willkommen* verschwinden* verschwindet* wiederkommen*
        understand* message* welcome* leave* explains* explain* back*""",
    "shame": """foto* fotos* photo* photos* facebook* naam* nom* name* gezicht* tete* gesicht*
        face* gefilmd* filmd* pranger* schandpal* affich* ophangen* rondstur* posten* insta*""",
    "vehicle": """auto* autos* wagen* wagens* camionet* voiture* voitures* bagnol* autos*
        car* cars* van* fiets* velo* fahrad*""",
    "around": """voor* achter* erachter* hielen* dwars* devant* derriere* travers* davor*
        dahinter* hinterher* front* behind* after* handen* hand* loi* law* rechter*""",
    "target": """hem* hen* ze* die* dat* gast* vent* kerel* tuig* dief* dieven* bende* manek*
        le* la* les* lui* leur* eux* type* gars* mec* voyou* racail* celui*
        ihn* ihm* sie* denen* kerl* typ* pack* dieb* der* den*
        him* them* that* those* lad* guy* thief* scumbag* he*""",
    "nobody": """niemand* geen* niet* nooit* aub* gelieve*
        personne* ne* pas* jamais* svp*
        niemand* kein* nicht* bitte*
        nobody* no* not* don* dont* please*""",
    "donothing": """niks* niets* nooit* toch*
        rien* jamais* personne*
        nichts* nie* eh*
        nothing* never* anyway* won*""",
    "police": """politie* flik* agent* wijkagent* 101* 112* police* flic* gendarm* polizei*
        cop* cops* polis*""",
    "resolved": """gedicht geblust opgepakt opgelost terecht einde* vals* gesust gemeld gearest
        teruggev afgelop klacht* neergelegd
        colmat eteint arret fin* fause retrouv plainte* signale
        abgedicht festgenom entwarn fehlalarm anzeige* erstatet aufgetaucht
        sealed arest clear* false* filed report* turned* caught*""",
    "past": """was* waren* gisteren* vorige* vorig* heb* hebben* had* werd*
        hier* semaine* derniere* dernier* passe* ai* avons* avait* etait*
        gestern* letzte* letzten* habe* haben* war* wurde*
        yesterday* last* already* did* was* were* had*""",
    "danger": """brand* brandt* rook* vuur* gas* gasgeur* gaslek* mes* mesen* bloed* bloedt* vecht
        inbr inbrek gewond slaan slagen geslagen bedreig roep* gil* gevallen* grond* beweeg*
        sleur glas* ruit* vlam*
        feu* fumee* gaz* couteau* sang* bagar cambriol blese frap menac cri* crie* secours*
        sol* terre* bouge* vitre* flame*
        feuer* brent* rauch* gasger* mesers* messer* blut* blutet* schlag* einbr verletz
        bedroh schrei* hilfe* boden* bewegt* scheib* zusamen
        fire* burning* smoke* gas* knife* blod* bleding* fight* break* breaking* injur hit*
        threat scream* ground* moving* glas* trap*
        overstrom water* zinkt* zinken* vonkt* vonken* kabel* koolmonoxide* alarm* dak* rand*
        knal* knallen* schiet* schieten* kanaal* wankel verdrink ijs*
        deborde* emporte* inond noy* eau* etincel* cable* monoxyde* toit* coup* tir*
        uberschwem ertrink sinkt* funken* kabel* kohlenmonoxid* dach* schus* schuse*
        flood* sinking* drown* sparks* sparking* cable* carbon* roof* shot* shots* gunshot*
        springen* springt* opgesloten* schietpartij* schieterij* fluister* binnen* beneden*
        sauter* saute* enferme* enfermee* fusillade* chuchot* dedans*
        springen* eingesperrt* schiesserei* fluster* drinnen*
        jump* jumping* locked* shooting* whisper* inside* downstairs*""",
    # a missing child is an emergency for the residents (not a lost cat)
    "missing": """kwijt* vermist* weggelopen* nergens* verdwenen* zoek*
        disparu* disparue* perdu* perdue* introuvable* nulle*
        vermisst* verschwunden* weggelaufen* nirgends*
        missing* lost* nowhere* vanished* wandered*
        thuisgekomen* gezien* partie* parti* vu* gelaufen* gesehen* seen*""",
    "child": """kind* kindje* meisje* jongen* dochter* zoon* kleine* zoontje* dochtertje* jarige*
        enfant* fille* fillette* garcon* fils* petit* petite* ans*
        kind* madchen* junge* tochter* sohn* kleine* jahrige*
        child* kid* girl* boy* daughter* son* toddler* year*
        oma* opa* bejaarde* dement* dementie* verward* grootvader* grootmoeder*
        grand* mere* pere* agee* age* desorientee* desoriente* demente*
        oma* opa* demenz* dement* verwirrt*
        grandma* grandpa* grandad* elderly* dementia* confused*""",
    "now": """nu* bezig* moment* momenteel* snel* help* hulp* ogenblik*
        maintenant* cours* vite* secours* instant* train*
        jetzt* gerade* schnel* hilfe* moment*
        now* right* progress* quick* help*""",
}


def _compile() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    out = {}
    for name, words in CLASSES.items():
        exact, pre = set(), set()
        for w in words.split():
            if w.endswith("*"):
                exact.add(squeeze(fold(w[:-1])))
            else:
                pre.add(squeeze(fold(w)))
        out[name] = (frozenset(exact), tuple(sorted(pre)))
    return out


_COMPILED = _compile()


# Participles and separable verbs put the stem after a prefix: "weggejaagd", "nachgefahren",
# "uitgezet", "gevolgd": the action family is also looked for behind these.
_PREFIXES = ("ge", "wege", "weg", "uitge", "uit", "opge", "op", "ange", "an", "na", "nachge",
             "nach", "einge", "ein", "abge", "ab", "mee", "er", "ver")  # fmt: skip


@lru_cache(maxsize=50_000)
def classes_of(key: str) -> tuple[str, ...]:
    out = []
    for name, (exact, pre) in _COMPILED.items():
        if key in exact:
            out.append(name)
        elif pre and len(key) >= 3:
            if key.startswith(pre) or any(
                key.startswith(p) and key[len(p) :].startswith(pre)
                for p in _PREFIXES
                if name == "act"
            ):
                out.append(name)
    return tuple(out)


_PAIRS = (
    ("actor", "act"), ("intent", "act"), ("act", "target"), ("nobody", "act"),
    ("police", "donothing"), ("now", "act"), ("past", "act"), ("resolved", "police"),
    ("group", "target"), ("group", "intent"), ("group", "warnoff"), ("actor", "group"),
    ("intent", "warnoff"), ("child", "missing"), ("now", "danger"), ("danger", "target"),
)  # fmt: skip
_TRIPLES = (
    ("actor", "intent", "act"), ("actor", "act", "target"), ("intent", "act", "target"),
    ("actor", "group", "intent"), ("group", "target", "warnoff"), ("actor", "group", "target"),
)  # fmt: skip


def sentence_classes(keys: list[str], sentences: list[int], n: int) -> list[frozenset[str]]:
    """The word classes present in each sentence of the first n tokens (sentences without any
    are left out): the model's conjunction features and the combiner's gates are both made
    from this, so it is computed once per message."""
    per: dict[int, set[str]] = {}
    for i in range(n):
        cl = classes_of(keys[i])
        if cl:
            per.setdefault(sentences[i], set()).update(cl)
    return [frozenset(present) for present in per.values()]


def sentence_features(classes: list[frozenset[str]]) -> list[str]:
    """Class and class-conjunction features per sentence (deduplicated per message)."""
    out: set[str] = set()
    for present in classes:
        out.update(_conjunctions(present))
    return list(out)  # order does not matter: the features are summed


@lru_cache(maxsize=4096)
def _conjunctions(present: frozenset[str]) -> tuple[str, ...]:
    out = ["q:" + c for c in present]
    for a, b in _PAIRS:
        if a in present and b in present:
            out.append(f"x:{a}+{b}")
    for a, b, c in _TRIPLES:
        if a in present and b in present and c in present:
            out.append(f"x:{a}+{b}+{c}")
    if "act" in present and "nobody" not in present and "actor" in present:
        out.append("x:actor+act-neg")
    return tuple(out)
