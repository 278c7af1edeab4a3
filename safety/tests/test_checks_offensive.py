"""The offensive-language check on its own: rules, the model, and what is not abuse."""

import pytest

from safety import toxicity
from safety.assessment import Decision, Item, Submission, check_offensive
from safety.toxicity import find_toxicity


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("kys", "incitement"),
        ("k.y.s loser", "incitement"),
        ("Honestly just k1ll yourself.", "incitement"),
        ("go kill yourself", "incitement"),
        ("You should just die.", "incitement"),
        ("Nobody would miss you if you jumped.", "incitement"),
        ("The world would be better off without you.", "incitement"),
        ("I hope you die alone.", "incitement"),
        ("I will find you.", "threat"),
        ("I'm going to hurt you.", "threat"),
        ("You should end your life.", "incitement"),
        ("Why don't you just die?", "incitement"),
        ("I know where you live, doctor.", "threat"),
        ("Watch your back.", "threat"),
        ("People like you should just walk into traffic.", "incitement"),
        ("Take the whole bottle next time.", "incitement"),
        ("I know what you look like now.", "threat"),
        ("I've found your Facebook, LW.", "threat"),
        ("Your employer might be very interested in this.", "threat"),
        ("Someone should punch him in the face.", "threat"),
        ("If I ever find out where you live, you'll regret it.", "threat"),
        ("Keep it up and see what happens to you on the walk home.", "threat"),
        ("Mate, you'll be the one needing a hospital bed.", "threat"),
        ("Touch my fence again and I'll poison your dog.", "threat"),
        ("Park across my drive again and I swear I'll break his legs.", "threat"),
        ("Carry on like this and somebody's going to find out where you live.", "threat"),
        ("Our town went downhill once the foreigners took the market over.", "hate"),
        ("Send them home and give the jobs to proper British workers.", "hate"),
        ("Send them all home.", "hate"),
        ("They're not like us and never will be.", "hate"),
        ("You're a pathetic idiot.", "insult"),
        ("What an id10t.", "insult"),
        ("Stop whining, you spineless twit.", "insult"),
        ("Are you stupid?", "insult"),
        ("The writer is a selfish cow.", "insult"),
        ("Shut up.", "dismissal"),
        ("Nobody cares about your marriage.", "dismissal"),
        ("Nobody asked, Brenda.", "dismissal"),
        ("No one asked for your opinion", "dismissal"),
        ("Nobody cares what you think.", "dismissal"),
        ("Literally who asked?", "dismissal"),
        ("Nobody gives a damn about your divorce.", "dismissal"),
        ("What a load of crap advice.", "contempt"),
        ("Stupid c*nt.", "slur"),
        ("what a b1tch", "slur"),
        ("This is f*cking useless.", "profanity"),
    ],
)
def test_its_rules_catch_abuse_threats_insults_and_disguises(text, rule):
    [signal] = find_toxicity(text)
    assert signal.rule == rule
    assert signal.sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "I think you're wrong and this advice is harmful.",
        "Respectfully, I disagree: cutting contact saved me.",
        "This job is killing me.",
        "I'd kill for a quiet cup of coffee.",
        "If you're having thoughts of suicide, please call or text 988.",
        "If anyone tells you to kill yourself, report them and talk to someone.",
        "My week has been crap, but this helped.",
        "Damn, this one hit hard.",
        "What the hell was he thinking?",
        "He called me 'a stupid useless cow' in front of the kids.",
        "I felt like such an idiot for staying so long.",
        "You are not stupid for staying. You were surviving.",
        "You're entitled to your opinion, but I see it differently.",
        "My mum is a control freak and I love her.",
        "Our son told us he is gay, and we love him.",
        "Our sex life stopped after the baby came.",
        "I was raped at nineteen and therapy helped me more than I can say.",
        "My mum's cancer came back in May.",
        "I hate how my mother talks to me.",
        "My white in-laws and my Black family finally had dinner together.",
        "Please don't kill yourself, you matter.",
        "Never hurt yourself over a man like that.",
        "Nobody would miss you? That is not true, your kids would.",
        "Look after yourself, and cut yourself some slack.",
        "You need to stop beating yourself up.",
        "I could just die of embarrassment.",
        "Just end it with him, he is not worth it.",
        "You will regret this decision if you marry him.",
        "I'll find you a good therapist.",
        "I would never hurt you.",
        "Can you finish the job by Friday?",
        "I walked into the road without looking and a cyclist shouted at me.",
        "I'll be round at six with the casserole.",
        "I hope you die peacefully at 100, surrounded by grandchildren.",
        "Nobody asked anyone to be over it by a deadline.",
        "Nobody asked me to stay late; I just did.",
        "Nobody asked you to be perfect, so go easy on yourself.",
        "Nobody cares about my birthday any more, and that is fine.",
        "No one cares if you use paper plates at Christmas.",
        "To the reader who asked about the rota: we take turns each Sunday.",
        "The boots leaked, so we sent them back to the shop.",
        "We'll send them home with leftovers, as always.",
        "Let's wait and see what happens to the interest rate.",
        "If I ever find out where you bought that coat, I'm getting one.",
        "You'll be the one in the photos at the wedding, so smile.",
        "I'll poison the bindweed before it takes over the beds.",
        "I'll break the news to his mum gently.",
        "I'm going to break my own record at parkrun.",
        "The kitten's going to find out where the treats live.",
        "Send them home with a proper packed lunch.",
    ],
)
def test_disagreement_idioms_quotes_and_self_talk_are_not_abuse(text):
    assert find_toxicity(text) == []


def test_the_model_catches_what_no_rule_names():
    [signal] = find_toxicity("Bunch of morons in here.")
    assert signal.rule == "model"
    assert signal.score >= toxicity.THRESHOLD


def test_a_crisis_sentence_is_kept_from_the_model():
    sentence = "I want to kill myself."
    assert toxicity.offensive_scores([sentence])[0] >= toxicity.THRESHOLD  # why it must be
    assert find_toxicity(sentence, crisis_sentences=[sentence]) == []


def test_the_rules_still_read_a_crisis_sentence():
    text = "I want to die. Go kill yourself too."
    [signal] = find_toxicity(text, crisis_sentences=["I want to die."])
    assert (signal.sentence, signal.rule) == ("Go kill yourself too.", "incitement")


def test_the_check_holds_and_quotes_each_sentence_with_its_reason():
    finding = check_offensive(Item("Nice try. You're a pathetic idiot. Shut up.", Submission()))
    assert (finding.flag, finding.decision, finding.stop) == ("toxic", Decision.HOLD, False)
    assert finding.reasons == (
        'Offensive: "You\'re a pathetic idiot." insults someone.',
        'Offensive: "Shut up." is rude to someone.',
    )


def test_the_check_gives_the_model_score_when_the_model_decided():
    finding = check_offensive(Item("Bunch of morons in here.", Submission()))
    [reason] = finding.reasons
    assert reason.startswith('Offensive: "Bunch of morons in here." reads as offensive language')
    assert "(model score " in reason


def test_swearing_counts_only_where_the_comment_model_reads_abuse():
    praise = check_offensive(Item("This column is fucking brilliant.", Submission()))
    assert praise is None
    abuse = check_offensive(Item("Fuck you, you worthless idiot.", Submission()))
    assert abuse.flag == "toxic"


def test_the_check_passes_clean_text():
    assert check_offensive(Item("Thank you for this answer.", Submission())) is None


def test_the_models_arithmetic_in_numpy_matches_scikit_learns():
    from profanity_check import profanity_check

    texts = [
        "you absolute idiot",
        "what a lovely answer",
        "this is shit",
        "my mum is kind",
        "Shit, shit, SHIT: the idiot idiot did it again!",  # repeated words count
        "the and of",  # stop words only: no features at all
        "",
        "zxqv wuffle",  # no word the model knows
    ]
    expected = profanity_check.model.predict_proba(profanity_check.vectorizer.transform(texts))
    assert toxicity.offensive_scores(texts) == pytest.approx(list(expected[:, 1]), abs=1e-12)
