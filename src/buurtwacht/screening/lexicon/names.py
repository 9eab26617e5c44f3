"""Given names common in Belgium, the Netherlands, France, Germany and Luxembourg, and titles.

A "third person's full name" is recognised as a known given name followed by a capitalised
surname (with particles: "Van Damme", "de la Fontaine", "von der Heide"), or a title followed
by a capitalised name ("Mme Benali", "meneer Peeters"). A list of given names is what keeps
"Range Rover", "Renault Trafic" or "Nieuwe Dreef" from being taken for people.
Names that are also ordinary words in one of our languages (Mark, Will, Guy, Roos, Bas...) are
left out on purpose.
"""

_NAMES = """
aaron abdel abdelkader abdul adam adrien ahmed aicha alain alan albert alex alexander alexandra
alexandre alexis ali alice alicia alina amandine amber amelie amir amina ana anas andre andrea
andreas andy angela angelique ann anna anne annelies anneleen annemie annick anouk anthony antoine
anton antonio arne arnaud arthur astrid audrey axel aya ayoub bart bastien bea beatrice ben benjamin
benoit bernard bert bettina bianca bilal bjorn bob bram brecht brenda brigitte britt bruno camille
carine carl carla carlo carlos carmen caroline catherine cedric celine charles charlotte chantal
chloe chris christa christel christian christiane christine christof christophe claire clara
claude claudia colette conny corinne cynthia daan damien dana daniel daniela daniele danny dave
david davy debbie delphine dennis didier diederik dieter dimitri dirk dominique dorien dries
edith eddy eduard elena eli elias elien elisa elisabeth elise ella ellen els elke emile emilie
emma emmanuel eric erik erika erwin esther eva evelien evelyne fabian fabienne fabrice farid
fatima fatma felix femke fien filip florence florian francine francis francois frank frederic
frederik gabriel gaelle geert georges gerard gert gilbert gilles glenn greet gregory guido
guillaume gunther gust gustaaf hakim hamza hanna hannah hannelore hans hassan hector heidi helena
helene hendrik henri herman hilde hugo ibrahim ilse ines ingrid inge ingrid irene isabelle ivan
jacqueline jacques jakob jan jana jannes jasmine jason jean jeanine jef jelle jens jeroen jessica
jesse jo joachim joanna joeri johan johanna johannes john jonas jonathan joost joris jos jose
joseph josephine josse jozef judith julia julie julien jurgen justine kaat karel karim karin
karolien kasper katrien kathleen kathy katja kelly ken kenneth kevin khalid kim koen kristof
kurt lara laura laure lauren laurens laurent lea leen lena leo leon lieve lien lies liesbeth
lisa lise lotte louis louise luc lucas lucie ludo luka lukas lutgard maarten magali manon manu
marc marcel marco margot maria marie marieke marijke marina mario marion mariska marleen marloes
martin martine mathias mathieu matthias maxime mehdi melanie michael michel michele michiel
mieke miguel mike milan mireille mohamed mohammed monique myriam nadia nadine nathalie nele nick
nico nicolas nicole niels nina noah noor olivier omar patrick patricia paul paula pauline peter
petra philippe pierre pieter quentin rachid rafael raf ralf ramon raphael rebecca reinhard
rene renate rik rita robbe robert robin roger roel roland romain ronny rudi rudy ruth sabine
sabrina samir samira sam samuel sandra sandrine sanne sara sarah sebastien senne serge simon
simone sofie sonja sophie stefan stefaan steven stephanie stijn susanne suzanne sven sylvie
tamara tanja thibault thierry thijs thomas tim tina tineke tobias tom tommy tony valerie vanessa
veerle vera veronique victor vincent virginie walter ward werner wesley wim wolfgang wouter xavier
yannick yasmine yves yvonne zoe jean-pierre jean-marc jean-luc marie-claire anne-marie
"""

GIVEN_NAMES = frozenset(_NAMES.split())

# Titles: a title followed by a capitalised word is a person's name.
TITLES = frozenset(
    """mevrouw mevr meneer mijnheer mr dhr mw mme mlle madame monsieur mademoiselle herr frau
    mrs ms miss mister dokter dr""".split()
)

# Lower-case particles inside surnames ("Van Damme", "de la Fontaine", "von der Heide").
PARTICLES = frozenset("van de der den het ten ter vande vanden le la du des von zu di da d".split())

# Words that look like a surname but are not (capitalised sentence words, places, brands).
NOT_SURNAMES = frozenset(
    """de het een en is was zijn heeft in op aan bij van voor met le la les un une et est des du
    der die das und ist ein eine the a and of politie police polizei straat rue strasse street
    plein laan weg""".split()
)

# Street-name endings: "Jan Breydelstraat" is a street, not a person.
STREET_SUFFIXES = (
    "straat",
    "str",
    "laan",
    "lei",
    "plein",
    "weg",
    "dreef",
    "steenweg",
    "baan",
    "dijk",
    "kaai",
    "markt",
    "hof",
    "park",
    "pad",
    "wijk",
    "veld",
    "strasse",
    "straße",
    "gasse",
    "platz",
    "allee",
    "weg",
    "ring",
    "road",
    "street",
    "avenue",
    "square",
    "lane",
    "singel",
    "gracht",
    "kade",
)
