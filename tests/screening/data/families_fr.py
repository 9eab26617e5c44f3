# ruff: noqa: E501  (message templates are kept whole)
"""French (Belgian) message families for the generated corpus (see families_nl.py)."""

SLOTS = {
    "street": ["la rue du Moulin", "la place communale", "l'avenue des Tilleuls", "la rue de la Station", "le parking du Delhaize", "le coin de la boulangerie", "le parc", "la rue Haute", "le chemin de la Ferme"],
    "man": ["un type", "un homme", "deux gars", "un jeune", "deux hommes", "trois jeunes", "un individu"],
    "him": ["ce type", "ce gars", "ces gars", "ce voyou", "ces racailles", "ce mec"],
    "vehicle": ["une camionnette blanche", "une Golf grise", "une BMW noire", "un vieux fourgon", "une Clio rouge", "un scooter"],
    "time": ["cette nuit", "ce matin", "hier soir", "vers 3h", "tout à l'heure", "cet après-midi"],
    "obj": ["le vélo", "la boîte aux lettres", "la voiture", "l'abri de jardin", "la porte de garage", "la fenêtre"],
    "emo": ["", "", "", " 😡", " 🤬", " 👊", " !!", " 😤"],
    "calm": ["", "", " 🙏", " 👍", " merci", " 😊"],
    "plate": ["1-ABC-234", "2-GHT-871", "AB-123-CD", "1-KLM-009"],
}

FAMILIES = {
    "vig_group": [
        ("Qui vient avec moi ce soir ? à quatre ou cinq on va leur rendre visite{emo}", "chatter", None, ["vigilantism"]),
        ("On se retrouve à {street} à 22h et on y va tous ensemble, ils vont comprendre{emo}", "chatter", None, ["vigilantism"]),
        ("avec quelques voisins on va aller attendre {him} à la sortie du parc{emo}", "chatter", None, ["vigilantism"]),
        ("Si on est assez nombreux on descend chez eux directement{emo}", "chatter", None, ["vigilantism"]),
    ],
    "vig_word": [
        ("je vais aller dire deux mots à {him}, il va pas aimer{emo}", "chatter", None, ["vigilantism"]),
        ("Quelqu'un doit remettre {him} à sa place, moi je suis prêt{emo}", "chatter", None, ["vigilantism"]),
        ("faut leur faire peur une bonne fois, après ils reviendront plus", "chatter", None, ["vigilantism"]),
        ("on va lui expliquer à notre façon qu'il n'a rien à faire ici{emo}", "chatter", None, ["vigilantism"]),
    ],
    "vig_hold": [
        ("si je le croise je le retiens jusqu'à ce que la police arrive, il partira pas{emo}", "chatter", None, ["vigilantism"]),
        ("La prochaine fois on le coince dans l'impasse et on le lâche plus", "chatter", None, ["vigilantism"]),
        ("{man} traîne autour des voitures à {street}. Venez, on l'encercle{emo}", "alert", "suspicious_person", ["vigilantism"]),
    ],
    "vig_block": [
        ("{vehicle} est encore garée à {street}, mettez vos voitures devant et derrière qu'elle ne puisse plus partir{emo}", "alert", "suspicious_vehicle", ["vigilantism"]),
        ("s'ils reviennent on bloque la rue avec nos bagnoles{emo}", "chatter", None, ["vigilantism"]),
        ("J'ai garé ma voiture en travers de leur sortie, ils bougeront pas d'ici", "chatter", None, ["vigilantism"]),
    ],
    "vig_follow": [
        ("{vehicle} vient de quitter {street}, je la suis en voiture et je vous dis où elle va", "alert", "suspicious_vehicle", ["vigilantism"]),
        ("Je les ai suivis jusqu'à l'autoroute hier, ce soir je recommence{emo}", "chatter", None, ["vigilantism"]),
        ("qui peut prendre la voiture et suivre {vehicle} ? ils partent vers {street}", "alert", "suspicious_vehicle", ["vigilantism"]),
    ],
    "vig_self": [
        ("La police ne fait rien, alors on va régler ça nous-mêmes{emo}", "chatter", None, ["vigilantism"]),
        ("les flics viennent jamais, on s'en occupe entre nous{emo}", "chatter", None, ["vigilantism"]),
        ("Puisque personne ne bouge, le quartier va faire sa propre loi", "chatter", None, ["vigilantism"]),
        ("ras le bol, si la police fait pas son boulot on le fera à sa place{emo}", "chatter", None, ["vigilantism"]),
    ],
    "vig_threat": [
        ("si je tombe sur {him} il va passer un sale quart d'heure{emo}", "chatter", None, ["vigilantism"]),
        ("Qu'il revienne seulement, il repartira sur une civière{emo}", "chatter", None, ["vigilantism"]),
        ("celui qui touche encore à ma voiture, je m'en occupe personnellement{emo}", "chatter", None, ["vigilantism"]),
        ("le jour où on les attrape ils vont le regretter{emo}", "chatter", None, ["vigilantism"]),
    ],
    "vig_past": [
        ("La semaine passée on en a déjà chassé un du quartier, on refera pareil{emo}", "chatter", None, ["vigilantism"]),
        ("l'an dernier on les a fait déguerpir nous-mêmes, on peut recommencer", "chatter", None, ["vigilantism"]),
    ],
    "vig_shame": [
        ("je mets sa photo et son nom sur facebook, tout le monde saura qui c'est{emo}", "chatter", None, ["vigilantism"]),
        ("affichons sa tête chez le boulanger, qu'il ait honte{emo}", "chatter", None, ["vigilantism"]),
    ],
    "warn": [
        ("Laissez les battes à la maison, personne ne poursuit personne. On appelle le 101{calm}", "chatter", None, []),
        ("Svp n'allez pas les confronter vous-mêmes, c'est le travail de la police{calm}", "chatter", None, []),
        ("Rappel : on observe, on note, on appelle. On ne joue pas aux shérifs{calm}", "chatter", None, []),
        ("personne ne prend sa voiture pour les suivre hein, c'est dangereux{calm}", "chatter", None, []),
        ("Je comprends la colère, mais retenir quelqu'un soi-même peut vous attirer des ennuis{calm}", "chatter", None, []),
    ],
    "emg_caps": [
        ("ILS SONT EN TRAIN DE CAMBRIOLER AU {street} !!! APPELEZ LA POLICE", "alert", "burglary", ["emergency"]),
        ("Vite !! quelqu'un appelle, une dame est par terre à {street} et ne bouge plus", "alert", "other", ["emergency"]),
        ("FEU à {street} 🔥🔥 il y a de la fumée qui sort du toit", "alert", "fire", ["emergency"]),
        ("MAINTENANT {man} casse les vitres des voitures à {street}", "alert", "vandalism", ["emergency"]),
        ("au secours !!! bagarre avec un couteau devant le café", "alert", "violence", ["emergency"]),
    ],
    "emg_plain": [
        ("En ce moment même {man} essaie de forcer la porte du numéro 8", "alert", "burglary", ["emergency"]),
        ("Forte odeur de gaz dans toute {street}, les gens sortent de chez eux", "alert", "fire", ["emergency"]),
        ("{man} est en train de vider {obj} sous mes yeux, c'est toujours en cours", "alert", "theft", ["emergency"]),
        ("on frappe quelqu'un à l'arrêt de bus là maintenant", "alert", "violence", ["emergency"]),
    ],
    "emg_called": [
        ("Cambriolage en cours à {street}, j'ai appelé le 112, ils arrivent", "alert", "burglary", ["emergency", "police_called"]),
        ("un conteneur brûle contre la façade à {street}, les pompiers sont prévenus", "alert", "fire", ["emergency", "police_called"]),
        ("{man} menace une femme avec un couteau à {street}, la police est en route", "alert", "violence", ["emergency", "police_called"]),
    ],
    "resolved": [
        ("La fuite de gaz à {street} est colmatée, tout le monde peut rentrer. Fin de l'alerte{calm}", "follow_up", None, []),
        ("Fin d'alerte : le feu de {time} est éteint, pas de blessés", "follow_up", None, []),
        ("Le voleur de {obj} a été arrêté par la police, merci à tous{calm}", "follow_up", None, ["police_called"]),
        ("mise à jour : fausse alerte, c'était le voisin qui avait oublié ses clés{calm}", "follow_up", None, []),
        ("J'ai déjà porté plainte {time} pour le vol dans ma cave, ils passent relever les traces", "follow_up", None, ["police_called"]),
        ("Pour le bruit à {street} : on l'a signalé à la police trois soirs de suite", "follow_up", None, ["police_called"]),
        ("retrouvée ! la petite de {street} est rentrée chez elle{calm}", "follow_up", None, []),
    ],
    "clean_alert": [
        ("{vehicle} tourne au ralenti depuis une demi-heure dans {street} et regarde dans les jardins. Police prévenue", "alert", "suspicious_vehicle", ["police_called"]),
        ("{man} sonne partout à {street} en se disant du service des eaux. J'ai appelé le 101{calm}", "alert", "scam", ["police_called"]),
        ("Cambriolage {time} dans notre abri de jardin, la police est passée faire le constat", "alert", "burglary", ["police_called"]),
        ("Attention, faux SMS de 'votre banque' avec un lien qui circulent. La police est au courant", "alert", "scam", ["police_called"]),
        ("{man} avec un sac à dos regarde dans toutes les voitures à {street}, police appelée", "alert", "suspicious_person", ["police_called"]),
        ("{vehicle} immatriculée {plate} stationnée longtemps devant l'école {time}, j'ai appelé la police", "alert", "suspicious_vehicle", ["licence_plate", "police_called"]),
    ],
    "alert_nocall": [
        ("{man} rôde depuis un moment derrière les maisons de {street}", "alert", "suspicious_person", []),
        ("vélo volé {time} devant la gare, un vtt bleu", "alert", "theft", []),
        ("notre voisin de 85 ans a disparu depuis {time}, il porte une veste verte", "alert", "missing_person", []),
    ],
    "disc": [
        ("Encore ces gitans à {street}, ils sont toujours en repérage pour voler{emo}", "alert", "suspicious_person", ["discrimination"]),
        ("Méfiez-vous des Roumains, ils ne viennent ici que pour voler", "chatter", None, ["discrimination"]),
        ("un Noir traîne dans {street}, fermez vos portes", "alert", "suspicious_person", ["discrimination"]),
        ("ces maghrébins sont tous des voleurs, tout le monde le sait", "chatter", None, ["discrimination"]),
    ],
    "desc_ok": [
        ("Homme suspect à {street} : la trentaine, 1m80, peau foncée, veste noire, bonnet gris, sac de sport blanc. Police appelée", "alert", "suspicious_person", ["police_called"]),
    ],
    "chatter": [
        ("Quelqu'un a une échelle à me prêter demain ?{calm}", "chatter", None, []),
        ("À vendre : siège vélo enfant, 15 euros, à retirer {street}", "chatter", None, []),
        ("Notre chat Pacha a disparu depuis {time}, gris et blanc, si vous le voyez faites signe{calm}", "chatter", None, []),
        ("Fête des voisins samedi à {street} dès 15h, tout le monde est bienvenu{calm}", "chatter", None, []),
        ("mdr bien joué 😂", "chatter", None, []),
    ],
    "lookalike": [
        ("Samedi on taille la haie de l'école à quelques voisins, qui vient aider ?{calm}", "chatter", None, []),
        ("Exercice des pompiers demain à {street}, ne vous inquiétez pas de la fumée{calm}", "chatter", None, []),
        ("Au judo mon fils apprend à immobiliser quelqu'un au sol, il adore", "chatter", None, []),
        ("Qui vient avec moi à la réunion avec l'agent de quartier jeudi ? j'ai de la place dans la voiture", "chatter", None, []),
        ("ce gâteau de la boulangerie est à tomber, une tuerie{calm}", "chatter", None, []),
    ],
    "followup": [
        ("Mon vélo volé a été retrouvé près du canal, merci à ceux qui ont partagé{calm}", "follow_up", None, []),
        ("Mise à jour pour {vehicle} de {time} : c'était le nouveau voisin qui déménageait", "follow_up", None, []),
    ],
}
