"""The crisis check, case by case: what must be flagged and what must not."""

import pytest

from safety.crisis import find_crisis

CRISIS = {
    "ideation": [
        "I want to end it all.",
        "Lately I keep thinking about killing myself.",
        "I've been feeling suicidal since the layoff.",
        "Honestly I just want to die.",
        "I feel like dying most mornings.",
    ],
    "passive": [
        "I wish I could go to sleep and not wake up.",
        "Everyone would be better off without me.",
        "I don't see the point in living anymore.",
        "I don't want to be here anymore.",
        "What's even the purpose of living like this?",
        "Since Dad died I'd rather be wherever he is than here.",
        "Another birthday, and I wish it were my last.",
        "Nobody would notice if I disappeared.",
        # "Much better" is recovery talk; "much better off" is not.
        "Honestly my kids would be so much better off with the life insurance than with me.",
    ],
    "returning": [
        "The thoughts about suicide I had as a teenager are back this winter.",
    ],
    "conditional": [
        # Not a taunt: the writer's own situation.
        "It would be easier for everyone if I were gone.",
        "If this happens again I will kill myself.",
    ],
    "plan": [
        "I've been saving my pills.",
        "I wrote goodbye letters to my parents.",
        "I bought a rope last week.",
        "I looked up how to overdose.",
    ],
    "means_at_hand": [
        "Reading this with a knife to my wrist.",
        "I'm holding a bottle of pills and nobody picks up.",
        "The rope's ready.",
        "There's a scarf tied to the ceiling fan.",
        "I have a plan and a date.",
        "On the bus I keep working out how far the fall would be from the top deck car park.",
        "This is goodbye to the world. I'm sorry.",
        "I already have everything I need to end it.",
        "I'm standing on the bridge right now.",
        "Spent the afternoon writing goodbye cards to my kids.",
    ],
    "acting_now": [
        "I'm hanging myself tonight.",
        "I took a lot of pills about twenty minutes ago.",
        "I've just swallowed a whole box of paracetamol.",
        "I'll be dead by Monday.",
        "I've decided I'm not going to be alive when the results come out.",
        "I won't be around much longer.",
        "Burned my arm on the hob on purpose tonight.",
    ],
    "self_harm": [
        "I cut myself last night.",
        "I've been burning my arms.",
        "I keep hurting myself when things get bad.",
        "I started self-harming again in January.",
    ],
    "violence_against_writer": [
        "He hits me.",
        "My husband said he'd kill me.",
        "I'm afraid he will hurt me tonight.",
        "My boyfriend choked me during the fight.",
        "I don't feel safe at home with him.",
        "He threatened me with a knife.",
    ],
    "obfuscated": [
        "kms",
        "ngl i want to unalive myself",
        "been thinking about su1cide every day",
        "i wanna die",
    ],
    "still_at_risk": [
        "I used to cut and lately I've started again.",
        "My friend killed herself and now I want to join her.",
        "I stopped for a year. I've been cutting again this month.",
    ],
}

NOT_CRISIS = {
    "taunt": [
        # The writer's words in someone else's place: abuse, flagged by the offensive check.
        "If I were you I'd kill myself.",
        "Honestly, if I were as useless as this letter writer I'd go and end it all.",
        "If I was your husband I'd be praying to die too.",
    ],
    "negation": [
        "I'm not suicidal.",
        "I would never hurt myself.",
        "I don't want to die, I want things to change.",
        "I have never thought about killing myself.",
    ],
    "idiom": [
        "This job is killing me.",
        "Quiet hours start at ten, and that's a hill I'm prepared to die on.",
        "Pet insurance is worth every penny and I will die on this hill.",
        "I could kill for a coffee.",
        "My feet are killing me.",
        "I nearly died laughing.",
        "I'm dead tired.",
        "Can you kill the lights?",
        "The suicide squeeze won us the game.",
        "Taking that client on was a suicide mission.",
        "I wanted to die of embarrassment.",
        "My mom is going to kill me when she finds out.",
    ],
    "supportive": [
        "If you're having thoughts of suicide, please call 988.",
        "Talking about suicide openly saves lives.",
        "To anyone who self-harms: you deserve care, not shame.",
    ],
    "reported": [
        "My friend told me she wanted to die and I didn't know what to say.",
        "I lost my brother to suicide five years ago.",
        'My roommate posted "I want to die" after her exam.',
        "My son says his coach is killing him with drills.",
        # A child's drama, in someone else's words
        "My 7yo announced he has 'nothing to live for' because the tablet went off.",
    ],
    "recovery": [
        "I used to self-harm but I've been clean for two years.",
        "Years ago I attempted suicide; today I'm doing well.",
        "When I was sixteen I wanted to die, and I'm so glad I stayed.",
        "The thoughts of ending it I had at nineteen never came back.",
        "My ex used to hit me, but that was a decade ago.",
    ],
    "accident": [
        "I cut myself on a broken glass while washing up.",
        "I burned my hand on the oven.",
        "I hurt myself at the gym.",
        "I burned myself on the stove, not on purpose, just clumsy.",
    ],
    "look_alikes_of_acting_now": [
        "I'll be dead by the time this train arrives.",
        "I took a lot of pictures today.",
        "My mum took loads of painkillers for her back.",
        "I'm holding a bottle of wine and a grudge.",
        "I stood on the bridge now and then to watch the boats.",
        "I have a plan and a date for the wedding.",
        "I wrote goodbye cards for my colleagues.",
        "I'd rather be dead than seen in that jumper.",
        "I wish this was my last shift before the holidays.",
        "How long the fall would take to repair was the insurer's question.",
        "What is the purpose of this form?",
        # A farewell to a habit or a place, not to life
        "New job starts Monday, so this is goodbye to reading this at my desk.",
        "This is goodbye to the old flat, and good riddance to the damp.",
        "I was suicidal at 19. I'm 46 now, married, two kids.",
    ],
    "benign": [
        "My sister borrows money and never pays it back.",
        "I started cutting back on sugar.",
        "My boss pushed me to apply for the job.",
        "He hit me up last week about the wedding.",
        "I don't want to live in this city anymore.",
    ],
}


def _cases(table):
    return [
        pytest.param(text, id=f"{kind}: {text[:40]}")
        for kind, texts in table.items()
        for text in texts
    ]


@pytest.mark.parametrize("text", _cases(CRISIS))
def test_it_flags_danger_to_the_writer(text):
    assert find_crisis(text), text


@pytest.mark.parametrize("text", _cases(NOT_CRISIS))
def test_it_leaves_idioms_negations_reports_and_recovery_alone(text):
    assert find_crisis(text) == [], text


def test_it_names_the_sentence_and_a_reason():
    letter = "We moved house in May. Since then I cut myself most nights. The kids are fine."
    [signal] = find_crisis(letter)
    assert signal.sentence == "Since then I cut myself most nights."
    assert signal.reason == "describes self-harm"
    assert signal.rule == "self_harm"


def test_it_finds_each_sentence_at_risk_in_a_long_letter():
    letter = (
        "I have read your column for years.\n\nMy husband hits me when he drinks. "
        "I'm tired of being alive. I don't know who else to ask."
    )
    sentences = [s.sentence for s in find_crisis(letter)]
    assert sentences == ["My husband hits me when he drinks.", "I'm tired of being alive."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_it_finds_nothing_in_empty_text(text):
    assert find_crisis(text) == []
