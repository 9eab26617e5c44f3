# ruff: noqa: E501  (message templates are kept whole)
"""English message families for the generated corpus (see families_nl.py)."""

SLOTS = {
    "street": [
        "Church Street",
        "the market square",
        "Station Road",
        "the Aldi car park",
        "the park",
        "Mill Lane",
    ],
    "man": ["a guy", "a man", "two men", "a young lad", "three teenagers"],
    "him": ["that guy", "those lads", "that thief", "those scumbags"],
    "vehicle": ["a white van", "a grey Golf", "a black BMW", "an old pickup"],
    "time": ["last night", "this morning", "yesterday evening", "around 3am", "just now"],
    "obj": ["the bike", "the letterbox", "the car", "the garden shed", "the garage door"],
    "emo": ["", "", " 😡", " 🤬", " !!"],
    "calm": ["", "", " 🙏", " 👍", " thanks"],
    "plate": ["1-ABC-234", "2-GHT-871"],
}

FAMILIES = {
    "vig_group": [
        (
            "Who's coming along tonight? Five of us and we pay them a visit{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        ("a few of us will wait for {him} by {street}{emo}", "chatter", None, ["vigilantism"]),
    ],
    "vig_word": [
        (
            "I'm going to have a little word with {him}, he won't like it{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "someone needs to scare them off properly, then they won't come back",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_hold": [
        (
            "If I see him I'll hold him down till the police arrive, he's not getting away{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        (
            "next time we corner him in the alley and don't let him go",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_block": [
        (
            "{vehicle} is parked on {street} again, put your cars in front and behind so it can't leave{emo}",
            "alert",
            "suspicious_vehicle",
            ["vigilantism"],
        ),
    ],
    "vig_follow": [
        (
            "{vehicle} just left {street}, I'm following it in my car and will tell you where it goes",
            "alert",
            "suspicious_vehicle",
            ["vigilantism"],
        ),
        (
            "Followed them to the motorway yesterday, doing it again tonight",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_self": [
        (
            "The police do nothing anyway, so we'll sort it out ourselves{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
        ("if the cops won't deal with it the street will{emo}", "chatter", None, ["vigilantism"]),
    ],
    "vig_threat": [
        ("If I run into {him} he'll regret it{emo}", "chatter", None, ["vigilantism"]),
        (
            "let him show his face here once more and he'll leave in an ambulance{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_past": [
        (
            "Last week we already ran one out of the estate, we'll do the same again",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "vig_shame": [
        (
            "I'm putting his photo and name on facebook so everyone knows who it is{emo}",
            "chatter",
            None,
            ["vigilantism"],
        ),
    ],
    "warn": [
        (
            "Leave the bats at home folks, nobody chases anybody. Call 101{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Please don't go and confront them yourselves, that's the police's job{calm}",
            "chatter",
            None,
            [],
        ),
        ("Reminder: we watch, we note, we call. No heroes please{calm}", "chatter", None, []),
    ],
    "emg_caps": [
        (
            "THEY ARE BREAKING IN RIGHT NOW on {street}!!! SOMEONE CALL THE POLICE",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "quick someone call!! a woman is lying on the ground at {street} and isn't moving",
            "alert",
            "other",
            ["emergency"],
        ),
        ("FIRE on {street} 🔥 smoke coming out of the roof", "alert", "fire", ["emergency"]),
    ],
    "emg_plain": [
        (
            "At this very moment {man} is trying to force the door of number 5",
            "alert",
            "burglary",
            ["emergency"],
        ),
        (
            "Strong smell of gas all along {street}, people are coming outside",
            "alert",
            "fire",
            ["emergency"],
        ),
    ],
    "emg_called": [
        (
            "Burglary in progress on {street}, called 112 and they're on their way",
            "alert",
            "burglary",
            ["emergency", "police_called"],
        ),
        (
            "{man} is threatening a woman with a knife on {street}, police are on the way",
            "alert",
            "violence",
            ["emergency", "police_called"],
        ),
    ],
    "resolved": [
        (
            "The gas leak on {street} has been sealed, everyone can go back in. All clear{calm}",
            "follow_up",
            None,
            [],
        ),
        (
            "The thief from {time} was arrested by the police, thanks all{calm}",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "I already filed a police report {time} about the break-in at my garage",
            "follow_up",
            None,
            ["police_called"],
        ),
        (
            "update: false alarm, it was the neighbour who forgot his keys{calm}",
            "follow_up",
            None,
            [],
        ),
    ],
    "clean_alert": [
        (
            "{vehicle} has been driving slowly round {street} for half an hour, looking into gardens. Police informed",
            "alert",
            "suspicious_vehicle",
            ["police_called"],
        ),
        (
            "{man} is ringing every doorbell claiming to be from the water board. I called 101{calm}",
            "alert",
            "scam",
            ["police_called"],
        ),
        (
            "{vehicle} with plate {plate} parked outside the school for ages {time}, police called",
            "alert",
            "suspicious_vehicle",
            ["licence_plate", "police_called"],
        ),
    ],
    "alert_nocall": [
        (
            "{man} has been hanging around the back gardens of {street} for a while",
            "alert",
            "suspicious_person",
            [],
        ),
        ("bike stolen {time} at the station, a blue mountain bike", "alert", "theft", []),
    ],
    "disc": [
        (
            "Those gypsies are on {street} again, they're always scouting to steal{emo}",
            "alert",
            "suspicious_person",
            ["discrimination"],
        ),
        (
            "Watch out for the Romanians, they only come here to steal",
            "chatter",
            None,
            ["discrimination"],
        ),
    ],
    "desc_ok": [
        (
            "Suspicious man on {street}: about 30, 6ft, dark skin, black jacket, grey beanie, white sports bag. Police called",
            "alert",
            "suspicious_person",
            ["police_called"],
        ),
    ],
    "chatter": [
        ("Anyone got a ladder I could borrow tomorrow?{calm}", "chatter", None, []),
        (
            "Street party on Saturday at {street}, from 3pm, everyone welcome{calm}",
            "chatter",
            None,
            [],
        ),
        ("Our cat has been missing since {time}, grey with white paws{calm}", "chatter", None, []),
    ],
    "lookalike": [
        (
            "A few of us are trimming the school hedge on Saturday, who's coming along to help?{calm}",
            "chatter",
            None,
            [],
        ),
        (
            "Fire brigade drill tomorrow on {street}, don't worry about the smoke{calm}",
            "chatter",
            None,
            [],
        ),
    ],
    "followup": [
        ("My stolen bike turned up by the canal, thanks for sharing{calm}", "follow_up", None, []),
    ],
}
