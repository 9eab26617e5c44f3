# ruff: noqa: E501  (message templates are kept whole)
"""Second batch of French templates (corpus v2); see extra_nl.py."""

FAMILIES = {
    "y_vig": [
        (
            "Je connais son adresse, qui vient avec moi lui dire ses quatre vérités ?{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Si on le prend sur le fait on n'appelle personne, on règle ça à notre manière{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "on va se poster à plusieurs devant sa porte jusqu'à ce qu'il sorte{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "ces jeunes mériteraient une bonne raclée, et je suis volontaire{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        ("J'ai sa plaque, demain je passe chez lui{emo}", "chatter", None, ["vigilantism"]),
    ],
    "y_lookalike": [
        (
            "Qui vient à la soirée d'info sur la prévention des cambriolages avec l'agent de quartier ?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "On se retrouve à plusieurs devant l'église samedi pour graver les vélos, passez !",
            "chatter",
            None,
            [],
        ),
        (
            "L'agent de quartier passe jeudi pour parler avec nous des nuisances{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Qui participe à la marche aux lampions ? Rendez-vous à 19h devant l'église{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "y_emg": [
        (
            "Une voiture brûle sur le parking et le feu passe à la suivante !!",
            "alert",
            "fire",
            ["emergency"],
        ),
        (
            "un enfant est tombé dans l'étang à {street} et ne remonte pas !!!",
            "alert",
            "other",
            ["emergency"],
        ),
        (
            "ils braquent la bijouterie, je vois une arme, appelez le 112 !!",
            "alert",
            "violence",
            ["emergency"],
        ),
    ],
    "y_resolved": [
        (
            "Tout est calme à {street}, les pompiers sont partis, rien de grave",
            "follow_up",
            None,
            [],
        ),
        (
            "L'enfant disparu a été retrouvé, il est chez ses parents, merci à tous{calm}",
            "follow_up",
            None,
            [],
        ),
    ],
    "x_everyday": [
        ("On prend quelques caisses de bières pour la fête ce soir{calm}", "chatter", None, []),
        ("je vais le chercher demain à la crèche, il était malade{calm}", "chatter", None, []),
        (
            "S'il ne fait pas ses devoirs il sera privé de console, c'est tout haha",
            "chatter",
            None,
            [],
        ),
        (
            "Qui vient avec nous faire le tour du quartier pour vendre des gaufres avec les scouts ?{calm}",
            "chatter",
            None,
            [],
        ),
        ("Je vais lui demander gentiment s'il peut tailler sa haie{calm}", "chatter", None, []),
    ],
    "x_lookalike": [
        (
            "Samedi on prend le bus à plusieurs pour le marché de Noël, qui vient ?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Je suis un cours de secourisme à la maison de quartier, quelqu'un veut venir ?",
            "chatter",
            None,
            [],
        ),
        (
            "La voiture du déménageur est encore garée devant le numéro 8, c'est normal{calm}",
            "follow_up",
            None,
            [],
        ),
        ("Bloquez la date : fête des voisins le 14 juin à {street}{calm}", "chatter", None, []),
        ("on va tous encourager les petits du foot samedi, allez venez !", "chatter", None, []),
        (
            "Je passe demain chez les nouveaux voisins pour leur souhaiter la bienvenue{calm}",
            "chatter",
            None,
            [],
        ),
        ("notre chien suit tout le monde dans la rue, désolé haha", "chatter", None, []),
    ],
    "x_warn": [
        (
            "Je sais que tout le monde est fâché, mais n'allez pas l'attendre svp. La police s'en occupe",
            "chatter",
            None,
            ["police_called"],
        ),
        (
            "Ne garez PAS vos voitures devant leur sortie pour les bloquer, c'est dangereux",
            "chatter",
            None,
            [],
        ),
    ],
    "x_vig": [
        (
            "faut leur donner une bonne leçon à ces voyous, avec une batte s'il le faut{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "Mon frère et moi on y va cette nuit, ils vont le regretter{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "qui sait où habite {him} ? on ira sonner chez lui à quelques-uns{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "x_emg": [
        (
            "AU SECOURS quelqu'un est coincé dans une voiture en feu à {street} !!!",
            "alert",
            "fire",
            ["emergency"],
        ),
        (
            "ils sont DANS la maison des voisins là, j'entends du verre casser !!",
            "alert",
            "burglary",
            ["emergency"],
        ),
    ],
    "x_resolved": [
        (
            "Les cambrioleurs de {time} ont été pris, la police les a emmenés. Fin de l'alerte",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "Pour info : l'incendie de {time} était une poubelle, éteint depuis longtemps",
            "follow_up",
            None,
            [],
        ),
    ],
    "x_disc": [
        (
            "Ces demandeurs d'asile du centre traînent toujours pour voler quelque chose",
            "chatter",
            None,
            ["discrimination"],
        ),
    ],
    "x_clean": [
        (
            "Attention : faux collecteurs de la 'Croix-Rouge' à {street}, la police est prévenue{calm}",
            "alert",
            "scam",
            ["police_called"],
        ),
        (
            "quelqu'un a crevé les pneus de 3 voitures {time} à {street}, plainte déposée",
            "alert",
            "vandalism",
            ["police_called"],
        ),
    ],
}
