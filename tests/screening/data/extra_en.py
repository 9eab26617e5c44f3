# ruff: noqa: E501  (message templates are kept whole)
"""Second batch of English templates (corpus v2); see extra_nl.py."""

FAMILIES = {
    "y_vig": [
        (
            "I know where he lives, who's coming with me to give him a piece of our mind?{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "If we catch him at it we don't call anyone, we deal with it our way{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "y_lookalike": [
        (
            "Who's coming to the crime prevention evening with the community officer?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "The community officer is popping by on Thursday to talk about the noise{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "y_emg": [
        (
            "A child fell into the pond at {street} and hasn't come up!!!",
            "alert",
            "other",
            ["emergency"],
        ),
    ],
    "y_resolved": [
        (
            "All quiet again on {street}, the fire brigade has left, nothing serious",
            "follow_up",
            None,
            [],
        ),
    ],
    "x_everyday": [
        ("We're grabbing a few crates of beer for the party later{calm}", "chatter", None, []),
        ("I'll pick him up from nursery tomorrow, he was ill{calm}", "chatter", None, []),
        ("If he doesn't do his homework he's grounded for a week haha", "chatter", None, []),
    ],
    "x_lookalike": [
        (
            "A few of us are taking the bus to the Christmas market on Saturday, who's coming?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "The removal van is still parked in front of number 8, that's fine{calm}",
            "follow_up",
            None,
            [],
        ),
        ("Popping round to the new neighbours tomorrow to say hello{calm}", "chatter", None, []),
    ],
    "x_vig": [
        (
            "Someone needs to teach those lads a lesson, with a bat if need be{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "My brother and I are going over there tonight, they'll regret it{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "x_emg": [
        ("HELP someone is trapped in a burning car on {street}!!!", "alert", "fire", ["emergency"]),
    ],
    "x_resolved": [
        (
            "The burglars from {time} were caught, the police took them away. All clear",
            "follow_up",
            None,
            ["police_called"],
        ),
    ],
    "x_warn": [
        (
            "Please do NOT park your cars across their drive to block them in, it's dangerous{calm}",
            "chatter",
            None,
            [],
        ),
    ],
}
