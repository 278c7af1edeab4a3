"""Offensive language in comments: abuse, threats, insults, slurs and strong profanity.

Three readings, all offline:

1. Rules, tried first on every sentence. They catch what the model cannot see: telling
   someone to harm themselves ("kys", "go kill yourself", "nobody would miss you if you
   jumped"), threats ("I know where you live"), insults aimed at a person ("you spineless
   twit", "the writer is a selfish cow"), dismissals ("shut up", "nobody cares"), contempt
   for the answer ("what a load of crap advice") and slurs, including the usual disguises
   ("id10t", "k1ll yourself", "c*nt", "k.y.s").
2. The `alt-profanity-check` model (a linear model over word counts, shipped inside its
   wheel), on the sentences no rule caught. Before scoring, a sentence loses what is not
   said to anyone: quotations ("he called me 'stupid and useless'"), the writer's words
   about themselves ("I felt like such an idiot"), mild words ("damn", "crap", "what the
   hell") and the words an advice column is about (family, identity, bodies, sex, health,
   violence as a topic), which the model, trained on other people's arguments online,
   scores like slurs: "my mum" alone scores 0.72, "gay" 0.98, "kill" 0.95.
3. Nearness (`safety.nearness`) to labelled example sentences, on what neither caught:
   insults and threats in words no list holds ("what a useless hack", "enjoy your little
   life while it lasts"). Quotes and self-talk are taken out first; a question the writer
   denies at once is not read alone; in a crisis comment only words said to someone count;
   and on an advert (see `safety.assessment`) nearness alone does not make it abuse.

Sentences the crisis check flagged are left out of the model (which scores "I want to kill
myself" as abuse) and of nearness; the rules still read them, so "I want to die. Go kill
yourself too." is both a crisis and abuse.

Disagreement is not abuse: "I think you're wrong and this advice is harmful" passes.
Strong profanity is held even when it is aimed at nobody ("fucking exhausting"): a person
decides whether it stays up.
"""

import re
import threading
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np

from safety.nearness import ExampleSet
from safety.text import fold, mask, sentences, unblur, without_quotes

__all__ = [
    "EXAMPLES",
    "THRESHOLD",
    "ToxicSignal",
    "aimed_at_someone",
    "find_toxicity",
    "offensive_scores",
]

# Chosen on the development set (safety/tests/data/comments_dev.jsonl), scoring the model
# alone on cleaned sentences: at 0.5 it finds 21 of the 51 abusive comments with no false
# alarm in 214 others; at 0.4, 2 more for 2 false alarms; at 0.3, 4 more for 4. The rules
# carry the rest.
THRESHOLD = 0.5


@dataclass(frozen=True)
class ToxicSignal:
    sentence: str  # as the commenter wrote it
    reason: str  # e.g. "tells someone to harm themselves"
    rule: str  # the rule that matched, or "model"
    score: float | None = None  # the model's score, when the model decided


def _alternatives(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


def _masked(word: str) -> str:
    """A word that may have letters after the first masked by "*": "c*nt", "b**ch"."""
    return word[0] + "".join(f"[{c}*]" for c in word[1:])


def _masked_alternatives(words: str) -> str:
    return "|".join(_masked(w) for w in sorted(words.split(), key=len, reverse=True))


# Words aimed at people. Nouns and adjectives that, said to or of someone, insult them.
INSULT_NOUNS = _alternatives(
    "idiot idiots moron morons imbecile imbeciles cretin cretins loser losers clown clowns "
    "twit twits muppet muppets brat brats cow cows pig pigs dumbass dumbasses jackass "
    "scumbag scumbags dirtbag lowlife snowflake snowflakes crybaby fool fools halfwit dimwit "
    "nitwit numpty tosser wanker wankers dickhead dickheads douche douchebag bastard "
    "bastards disgrace scum degenerate degenerates bimbo skank tramp trash garbage nutjob "
    "nutcase doormat"
)
INSULT_ADJECTIVES = _alternatives(
    "stupid dumb pathetic worthless useless disgusting brainless spineless gutless whiny "
    "whiney insufferable unbearable vile repulsive ugly fat idiotic moronic retarded "
    "braindead brain-dead dense clueless delusional deluded spoiled spoilt despicable "
    "sanctimonious self-righteous smug"
)
# Softeners and intensifiers that may sit between "you are" and the insult.
_MODS = (
    r"(?:(?:such|a|an|the|so|absolute|absolutely|complete|completely|total|totally|utter|"
    r"utterly|real|really|fucking|fking|little|old|big|just|being|honestly|genuinely|"
    r"clearly|obviously|truly|literally|pure|bunch of|piece of|load of|like|most|very)\s+)*"
)
_NOT = re.compile(r"\b(?:not|never|no)\b|n't\b")

# Slurs and sexual insults, held wherever they appear, in their usual disguises.
SLURS = _masked_alternatives(
    "retard retards retarded faggot faggots fag fags tranny trannies spastic spaz nigger "
    "niggers nigga niggas chink chinks kike kikes paki pakis wetback gook raghead dyke "
    "whore whores slut sluts cunt cunts bitch bitches skank twat twats"
)
# Strong profanity: the model knows the plain spellings; these catch the masked ones.
PROFANITY = _masked_alternatives(
    "fuck fucking fucked fucker fuckers motherfucker shit shitty bullshit asshole arsehole "
    "dickhead wanker cocksucker"
)

_SUBJECT_PRONOUN = r"(?:you|u|ya|youre|you're|you are|ur|you r|you people|you lot|y'all)"
_REPORTED = re.compile(
    r"\b(?:told|tells?|telling|says?|said|saying|wrote|writes|posted|texted|messaged|"
    r"threatened|screamed|yelled|shouted|called|calls|reported|report|quote|quoting|heard)\b"
)

# A negation just before: "please don't | hurt yourself", "I would never | hurt you".
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:not|never|no need to|stop|don't|dont|do not|won't|wouldn't|shouldn't|"
    r"should not|mustn't|must not|can't|cannot)|n't)\s+(?:[\w']+\s+){0,2}$"
)
_YOU_WORD = re.compile(r"\b(?:you|u|your|ya|you're|youre|ur)\b")
# The commenter speaking of themselves just before: "I felt like | such an idiot".
_I_BEFORE = re.compile(r"\b(?:i|i'm|i've|i'd|we|we're|we've|me|myself)\s+(?:[\w']+\s+){0,2}$")

# (rule, reason, pattern). Tried in order; the first that matches a sentence names it.
_RULES: list[tuple[str, str, re.Pattern[str]]] = []


def _rule(name: str, reason: str, regex: str) -> None:
    _RULES.append((name, reason, re.compile(regex)))


_YOURSELF = r"(?:your ?self|ur ?self|yo ?self|yourselves|yourselfs|urslf|yourslf)"
_YOU = r"(?:you|u|ya)"
# The words end there: "Nobody asked.", "Who asked?"
_SAID_AND_DONE = r"\s*(?:[.!?,;:]|$)"
# Someone told to do it: "go ...", "just ...", "you should ...", "please ...", or the
# sentence starting with it.
_TOLD = rf"(?:^|[,;:!?] |\bgo (?:and )?|\bjust |\bplease |\bpls |\b{_YOU} (?:should|could|"
_TOLD += r"ought to|oughta|better|need to|might as well|can) (?:just |go )?)"
_rule(
    "incitement",
    "tells someone to harm themselves",
    r"\bkys\b"
    rf"|\b(?:kill|hang|unalive|off|end|hurt|shoot|drown|stab|poison|starve|neck|rope) "
    rf"{_YOURSELF}"
    rf"|\bcut {_YOURSELF}(?! (?:some|a) (?:slack|break))"
    rf"|{_TOLD}(?:die|drop dead|end it all|end (?:your|ur) (?:own )?life|jump off|go jump|"
    r"drink bleach)\b(?! (?:of|from|laughing|inside|a little|for|to|happy|old|alone))"
    rf"|\bwhy (?:don't|dont|do not) {_YOU} (?:just )?(?:die|kill|jump|hang|drop dead|end it)"
    rf"|\bjump (?:off|from|in front of) (?:a|the) (?:\w+ )?(?:bridge|cliff|building|roof|train)"
    rf"(?=.*\b{_YOU}\b)"
    rf"|\b(?:nobody|no one|noone|no-one) (?:would|will|'d|is going to|gonna) "
    rf"(?:miss|notice|care about|cry for|mourn) {_YOU}\b(?!\s*\?)"
    rf"|\b(?:nobody|no one|noone|no-one) (?:would|will) care if {_YOU} (?:died|were dead|"
    r"was dead|killed|jumped|disappeared)"
    rf"|\b(?:world|everyone|everybody|we|your (?:kids|family|husband|wife)) "
    rf"(?:would|will|'d) be (?:better|happier) (?:off )?without {_YOU}\b"
    r"|\bdo (?:us(?: all)?|all of us|everyone|everybody|the world|society|your \w+) "
    r"a favou?r and (?:\w+ )?(?:die|disappear|kill|end|jump|off|hang|drop dead)"
    rf"|\b(?:hope|wish|pray) {_YOU} (?:\w+ )?(?:die|dies|get cancer|rot|burn|choke|suffer|"
    r"get hit|get raped|drop dead|get what's coming|get what is coming)\b"
    r"(?! (?:of|from|in your sleep|peacefully|old|happy))"
    r"|\bdie in a fire\b"
    r"|\b(?:walk|step|run|jump) (?:out )?in(?:to)? (?:the )?"
    r"(?:traffic|the road|a (?:bus|train|lorry))"
    r"(?! (?:a|an|the|my) )"
    r"|\btake the (?:whole|entire) (?:bottle|packet|pack|box)\b"
    r"|\b(?:and|then|just|go) finish the job\b|\bfinish the job (?:next time|properly|this time)"
    rf"|\b{_YOU} (?:deserve|ought|need) to (?:die|suffer|be (?:shot|killed|raped|beaten))"
    rf"|\bif i (?:were|was) {_YOU},? i(?:'d| would) (?:kill|hang|shoot|off) myself",
)
_rule(
    "threat",
    "threatens someone",
    r"\bi(?:'ll| will|'m going to|'m gonna| am going to| am gonna) (?:\w+ ){0,2}?"
    rf"(?:kill|hurt|beat|stab|shoot|destroy|ruin|smash|burn|rape|strangle|hunt) {_YOU}\b"
    r"(?! (?:a|an|the|some|to|with|at|in) )"
    rf"|\bi(?:'ll| will|'m going to|'m gonna| am going to| am gonna) (?:\w+ ){{0,2}}?"
    rf"(?:find|track down|hunt down|come for|come after) {_YOU}\b"
    r"(?=\s*(?:[.!,;]|$|and\b|when\b|wherever\b|one day|soon))"
    rf"|\bi know where {_YOU} (?:live|work|sleep|park)"
    # Veiled: "if I ever find out where you live", "see what happens to you on the walk home",
    # "you'll be the one needing a hospital bed".
    rf"|\bif (?:i|we) ever (?:find out|work out|see|catch) where {_YOU} (?:live|work)"
    rf"|\bsee what happens to (?:{_YOU}|your (?:car|kids?|house|cat|dog|family))\b"
    rf"|\b{_YOU}(?:'ll| will) be the one (?:needing|in|going to|going into) (?:a |the )?"
    r"(?:hospital|ambulance|a&e|morgue|ground)"
    rf"|\bi(?:'ll| will) poison (?:your|ur|him|her|them)\b"
    # "I swear I'll break his jaw"; not "I'll break the news to him"
    r"|\bi(?:'ll| will|'m going to|'m gonna| am going to) (?:\w+ ){0,2}?(?:break|smash|punch|"
    r"knock out|kick in) (?:his|her|your|ur|their) (?:jaw|legs?|arms?|neck|nose|teeth|face|"
    r"head|skull)\b"
    rf"|\b(?:someone|somebody)(?:'s| is) (?:going to|gonna) find out where {_YOU} live"
    rf"|\bi know (?:what {_YOU} look like|who {_YOU} are|your (?:name|address|face))\b"
    r"|\bi(?:'ll| will) be (?:round|over|there|waiting)\b.{0,40}\b(?:helmet|word|lesson|sorry)\b"
    rf"|\b(?:i(?:'ve| have)? found|i(?:'ve| have) got) your (?:facebook|instagram|address|"
    r"employer|workplace|home address|number|profile|real name)\b"
    r"|\byour (?:employer|boss|workplace) (?:might|may|would|will) be (?:very )?interested\b"
    rf"|\bi know where your \w+ (?:lives|works|sleeps|goes to school)"
    rf"|\bwatch your back\b|\bmake {_YOU} (?:pay|regret|suffer|bleed)\b"
    rf"|\b{_YOU}(?:'re| are) (?:dead|going to die|gonna die) (?:meat|when)"
    r"|\b(?:someone|somebody|people) (?:should|needs? to|ought to|oughta|must) "
    r"(?:\w+ )?(?:smash|punch|beat|hit|shoot|kill|hurt|slap|stab|strangle|rape)\b"
    r"(?! (?:yourself|himself|herself|themselves|myself))"
    r"|\b(?:should|deserves? to|ought to|needs? to) be (?:\w+ ){0,3}?(?:shot|hanged|hung|"
    r"beaten|killed|put down|strung up|raped|gassed|slapped|punched|stabbed)\b"
    rf"|\bput {_YOU} in (?:the )?(?:hospital|ground|grave)"
    r"|\bbeat the \w+ out of"
    r"|\b(?:hope|wish) (?:your|ur) (?:\w+ )?(?:husband|wife|partner|boyfriend|girlfriend|dad|"
    rf"father|ex|kids|family) (?:\w+ )?(?:beats|hits|kills|rapes|leaves|cheats on|hurts) {_YOU}",
)
_rule(
    "hate",
    "speaks of a group with contempt",
    # "Send them all home", "send the lot of them back", "they're not like us"; not
    # "we sent them back to the shop".
    r"\bsend (?:them all|all of them|the lot(?: of them)?) (?:back|home)\b"
    r"|\bsend them (?:back|home) (?:to )?where they (?:came|come) from\b"
    r"|\bthey(?:'re| are) not (?:like us|one of us)\b"
    # "the foreigners took the allotments over", "the country handed over to foreigners"
    r"|\b(?:the )?foreigners (?:took|have taken|are taking|take|taking) (?:\w+ ){0,3}?over\b"
    r"|\bhanded over to (?:the )?foreigners\b"
    r"|\bsend them (?:back|home)\b[^.]{0,60}\bproper (?:british|english|irish|scottish|welsh|"
    r"american|australian|canadian|people|locals)\b",
)
_rule("slur", "uses a slur or sexual insult", rf"(?<![a-z*])(?:{SLURS})(?![a-z])")
_rule(
    "insult",
    "insults someone",
    # "you spineless twit", "you're a pathetic idiot", "are you stupid?", "you sound unbearable"
    rf"\b{_SUBJECT_PRONOUN} (?:are |were |sound |sounds |seem |look |act |must be |really are )?"
    rf"(?:like )?{_MODS}(?:(?:{INSULT_ADJECTIVES})\s+)*(?:{INSULT_NOUNS})\b"
    rf"|\b(?:you're|you are|youre|ur|u r|are you|r u|you sound|you seem|you look|you're being|"
    rf"you are being) {_MODS}(?:{INSULT_ADJECTIVES})\b"
    # "what a loser", "what kind of dumbass", "only a brainless fool"
    rf"|\b(?:what|such) (?:a|an|kind of|sort of|type of) {_MODS}(?:(?:{INSULT_ADJECTIVES})\s+)*"
    rf"(?:{INSULT_NOUNS})\b"
    rf"|\b(?:a|an|bunch of) (?:(?:{INSULT_ADJECTIVES})\s+)+(?:{INSULT_NOUNS})\b"
    # "the writer is a selfish cow", "this 'therapist' is a clown with a diploma"
    rf"|\b(?<!i )(?<!we )(?:is|are|was|were|'s|'re|sounds like|seems like|looks like) "
    rf"{_MODS}(?:[\w-]+ )?(?:{INSULT_NOUNS})\b"
    r"|\b(?:whiny|whiney|big|cry) baby\b"
    rf"|\b(?:{INSULT_NOUNS}) (?:like|as) (?:you|u|the writer|her|him|them)\b"
    r"|\bso (?:are|is) (?:you|u|she|he|the writer)\b",
)
_rule(
    "dismissal",
    "is rude to someone",
    r"\bshut (?:up|(?:your|ur|yo) (?:\w+ )?(?:mouth|face|trap|gob|pie ?hole))\b|\bstfu\b|\bgtfo\b"
    # "Nobody asked.", "nobody cares about your opinion"; not "nobody asked me to stay late",
    # "nobody cares about my birthday", "nobody asked you to be perfect".
    rf"|\b(?:nobody|no one|noone|no-one) (?:cares|asked|gives a(?: \w+){{1,2}})"
    rf"(?={_SAID_AND_DONE}|\s+(?:{_YOU}\b(?! to\b)|(?:about|for) (?:{_YOU}|your|ur)\b"
    rf"|what {_YOU}\b))|\bwho asked(?={_SAID_AND_DONE}|\s+(?:{_YOU}|lol|lmao)\b)"
    r"|\bgrow (?:a spine|a pair|some balls)\b|\bget a (?:grip|life|clue)\b"
    r"|\bget over yourself\b|\bsob story\b|\bscrew (?:you|u)\b|\b(?:piss|bugger|sod|f) off\b"
    r"|\bgo to hell\b|\bboo ?hoo\b|\bget lost\b|\bbite me\b|\bi hate (?:you|u)\b",
)
_rule(
    "contempt",
    "speaks of the answer or the writer with contempt",
    r"\b(?:load|pile|heap|bunch) of (?:crap|rubbish|garbage|bull|bs|shit|tripe|drivel|nonsense|"
    r"hogwash|twaddle|psychobabble)"
    r"|\b(?:crap|crappy|shitty|garbage|trash|trashy|rubbish|idiotic|moronic|stupid|dumb|"
    r"dumbest|stupidest|pathetic|worthless) (?:advice|column|answer|article|take|comment|"
    r"opinion|letter|question|therapist|shrink|doctor|writer|columnist|thing i've|thing i have)"
    r"|\b(?:advice|column|answer|article|comment|opinion|letter|therapy|therapist) "
    r"(?:is|was) (?:pure |utter |total |complete )?(?:garbage|trash|rubbish|crap|shit|bullshit|"
    r"drivel|tripe|a joke|worthless|pathetic|a disgrace|an embarrassment)"
    r"|\b(?:drivel|tripe|twaddle|claptrap|psychobabble|hogwash)\b"
    r"|\bwashed[ -]up\b",
)
_rule("profanity", "uses strong profanity", rf"(?<![a-z])(?:{PROFANITY})(?![a-z])")


def _rule_signal(sentence: str) -> ToxicSignal | None:
    normalised = unblur(fold(sentence))
    unquoted = without_quotes(normalised)
    for name, reason, pattern in _RULES:
        # Quoted words are reported, not said: "he called me 'a pathetic loser'".
        text = unquoted if name in ("insult", "dismissal", "contempt", "incitement") else normalised
        for match in pattern.finditer(text):
            before = text[: match.start()]
            if name in ("incitement", "threat") and _REPORTED.search(before):
                continue  # "if anyone tells you to kill yourself, report them"
            if name in ("incitement", "threat") and _NEGATED_BEFORE.search(before):
                continue  # "please don't hurt yourself", "I would never hurt you"
            if (
                name == "incitement"
                and not _YOU_WORD.search(match.group(0))
                and _I_BEFORE.search(before)
            ):
                continue  # "I could just die of embarrassment"
            if name == "insult" and _NOT.search(match.group(0)):
                continue  # "you are not stupid for staying"
            if (
                name == "insult"
                and not _YOU_WORD.search(match.group(0))
                and _I_BEFORE.search(before)
            ):
                continue  # "I felt like such an idiot"
            return ToxicSignal(sentence, reason, name)
    return None


def aimed_at_someone(sentence: str) -> bool:
    """Does a rule read this sentence as abuse said to someone ("you"): telling them to harm
    themselves, a threat, an insult, a dismissal? Abuse of someone else, in a sentence
    about the writer ("my husband is a vile man and says he'll strangle me"), is not."""
    signal = _rule_signal(sentence)
    return (
        signal is not None
        and signal.rule in ("incitement", "threat", "insult", "dismissal")
        and _YOU_WORD.search(fold(sentence)) is not None
    )


# --------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------

# Words the model scores as offensive that, in an advice column, are mild or are what people
# write about: mild swearing ("damn, this hit hard", "my week has been crap"), family
# ("my mum" scores 0.72 alone), identity ("my son told us he is gay": 0.98), bodies, sex,
# health, violence and crime as topics ("I was raped", "the cancer came back"), and feelings.
# They are taken out before the model reads a sentence; aimed uses are the rules' business
# ("crap advice", "are you stupid?", "you fat ...", slurs).
_MILD = (
    "damn dammit damned darn hell heck crap crappy pissed piss sucks sucked suck sucking "
    "bloody freaking frickin fricking frigging friggin jeez gosh omg god stupid stupidly "
    "stupidity dumb silly idiotic ridiculous lame utter sheer frankly smh tbh wtf ohh"
)
_TOPICS = (
    "mum mums mom moms mommy mummy mother mothers husband boyfriend girlfriend child son "
    "gay gays lesbian lesbians bisexual queer homosexual homosexuals homosexuality "
    "transgender trans black blacks white jew jews jewish muslim muslims minorities "
    "sex sexual sexually sexuality naked porn penis vagina boobs breast nipple nipples "
    "rape raped raping rapist molester molested molesting pedophile paedophile "
    "fat overweight obese ugly aged aids cancer sick mental mentally crazy insane "
    "compulsive insecure immature brain brains vomit puke smell throat mouth guts knees "
    "kill killing killed kills die dying died dead murder shoot shot violent abuse abused hurt "
    "hurts hurting "
    "abusive bully bullies bullied stalker jail prosecuted slave "
    "hate hated hates hating hater horrible horrid horrific cruel evil misery shame worst "
    "weakness lies liar liars manipulate destroy commit dare shut eat smoke drove expense"
)
MISREAD_WORDS = re.compile(
    rf"\b(?:{_alternatives(_MILD + ' ' + _TOPICS)}|(?:control|neat|fitness|clean|health) freaks?)\b"
)
# The commenter about themselves: "I felt like such an idiot", "I was so stupid to stay".
SELF_TALK = re.compile(
    rf"\b(?:i|i'm|i've been|we|we're|myself|me)\b(?:\s+[\w']+){{0,4}}?\s+"
    rf"(?:{_MODS})(?:(?:{INSULT_ADJECTIVES})\s+)*(?:{INSULT_NOUNS}|{INSULT_ADJECTIVES})\b"
)


@dataclass(frozen=True)
class _ProfanityModel:
    """alt-profanity-check's model as plain arrays.

    The wheel holds a TF-IDF vectorizer and scikit-learn's CalibratedClassifierCV: five
    linear SVMs, each with a sigmoid calibration, averaged. Asking scikit-learn for that
    costs about 9 ms a call, nearly all of it input checks; the same arithmetic here, from
    the vectorizer's own word splitter, vocabulary and IDF weights, takes a few hundredths
    of that (a test holds the two equal).
    """

    analyse: Any  # the vectorizer's analyzer: text -> words, lower-cased, stop words out
    vocabulary: dict[str, int]
    idf: np.ndarray  # (features,)
    weights: np.ndarray  # (features, 5): each SVM's coefficients
    intercepts: np.ndarray  # (5,)
    slopes: np.ndarray  # (5,): each calibration's a
    offsets: np.ndarray  # (5,): each calibration's b

    def score(self, text: str) -> float:
        counts = Counter(
            self.vocabulary[word] for word in self.analyse(text) if word in self.vocabulary
        )
        decisions = self.intercepts
        if counts:
            columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tf_idf = np.fromiter(counts.values(), dtype=np.float64) * self.idf[columns]
            tf_idf /= np.linalg.norm(tf_idf)  # the vectorizer's l2 norm
            decisions = tf_idf @ self.weights[columns] + self.intercepts
        return float((1.0 / (1.0 + np.exp(decisions * self.slopes + self.offsets))).mean())


_model_lock = threading.Lock()
_model: _ProfanityModel | None = None


def _profanity_model() -> _ProfanityModel:
    """alt-profanity-check's vectorizer and classifier, loaded once (about a second)."""
    global _model
    with _model_lock:
        if _model is None:
            from profanity_check import profanity_check

            calibrated = profanity_check.model.calibrated_classifiers_
            [calibration] = {type(c.calibrators[0]).__name__ for c in calibrated}
            if calibration != "_SigmoidCalibration" or len(profanity_check.model.classes_) != 2:
                raise RuntimeError("alt-profanity-check: unexpected model")
            vectorizer = profanity_check.vectorizer
            if vectorizer.sublinear_tf or vectorizer.norm != "l2" or not vectorizer.use_idf:
                raise RuntimeError("alt-profanity-check: unexpected vectorizer")
            _model = _ProfanityModel(
                analyse=vectorizer.build_analyzer(),
                vocabulary=dict(vectorizer.vocabulary_),
                idf=np.asarray(vectorizer.idf_, dtype=np.float64),
                weights=np.column_stack([c.estimator.coef_[0] for c in calibrated]),
                intercepts=np.array([c.estimator.intercept_[0] for c in calibrated]),
                slopes=np.array([c.calibrators[0].a_ for c in calibrated]),
                offsets=np.array([c.calibrators[0].b_ for c in calibrated]),
            )
        return _model


def _for_model(sentence: str) -> str:
    text = without_quotes(fold(sentence))
    text = SELF_TALK.sub(" ", text)
    return MISREAD_WORDS.sub(" ", text)


def offensive_scores(texts: list[str]) -> list[float]:
    """The model's probability that each text is offensive, as it stands (no clean-up)."""
    if not texts:
        return []
    model = _profanity_model()
    return [model.score(text) for text in texts]


# The learned reading (`safety.nearness`): insults, threats and contempt in words no rule
# lists ("what a useless hack", "I'm coming for you"), by nearness to the labelled sentences
# in safety/data/offensive_examples.jsonl and the harmless look-alikes beside them. K and the
# margin were chosen on the development set and a first validation set written apart from
# the examples (see safety/tests/test_comment_figures.py).
EXAMPLES = ExampleSet("toxic", ["offensive_examples.jsonl"], k=3)
NEARNESS_THRESHOLD = 0.02
# What the nearest offensive examples were, for the reason a moderator reads.
ABOUT = {
    "insult": "insults",
    "threat": "threats",
    "self_harm_incitement": "wishes of harm",
    "wish_harm": "wishes of harm",
    "hate": "contempt for a group",
    "dehumanising": "contempt for a group",
    "harassment": "harassment",
    "profanity_aimed": "abuse",
}


def find_toxicity(
    text: str, crisis_sentences: list[str] | tuple[str, ...] = ()
) -> list[ToxicSignal]:
    """Sentences of `text` that abuse, threaten or insult, each with a short reason.

    `crisis_sentences` (as the crisis check quoted them) are read by the rules only: the model
    would call a wish to die abuse.
    """
    if not text or not text.strip():
        return []
    signals: list[ToxicSignal] = []
    caught: set[str] = set()
    for sentence in sentences(text):
        signal = _rule_signal(sentence)
        if signal is not None:
            signals.append(signal)
            caught.add(sentence)
    candidates = [s for s in sentences(mask(text, list(crisis_sentences))) if s not in caught]
    cleaned = [_for_model(s) for s in candidates]
    scored = [(s, c) for s, c in zip(candidates, cleaned, strict=True) if re.search(r"[a-z]", c)]
    scores = offensive_scores([c for _, c in scored])
    for (sentence, _), score in zip(scored, scores, strict=True):
        if score >= THRESHOLD:
            signals.append(
                ToxicSignal(sentence, "reads as offensive language", "model", round(score, 2))
            )
            caught.add(sentence)
    rebutted = _rebutted_questions(sentences(text))
    near = [(s, _for_nearness(s)) for s in candidates if s not in caught | rebutted]
    if crisis_sentences:
        # A person in crisis speaks of themselves, and their other sentences sit near
        # despair-tinged anger; only words said to someone count here.
        near = [(s, c) for s, c in near if _YOU_WORD.search(fold(s))]
    near = [(s, c) for s, c in near if re.search(r"[a-z]{2}", c)]
    for (sentence, _), hit in zip(near, EXAMPLES.score([c for _, c in near]), strict=True):
        if hit.score >= NEARNESS_THRESHOLD:
            reason = (
                f"reads like the {ABOUT.get(hit.kind, 'abuse')} in the site's examples "
                f"(similarity {hit.similarity:.2f})"
            )
            signals.append(ToxicSignal(sentence, reason, "nearness"))
    return signals


_DENIAL = re.compile(
    r"^(?:no\b|nope\b|not true|that(?:'s| is) (?:not true|untrue|a lie|wrong|nonsense)|"
    r"of course not|nonsense|rubbish|wrong)"
)


def _rebutted_questions(all_sentences: list[str]) -> set[str]:
    """Questions the writer answers with a denial at once: "Nobody would miss you? That is
    not true, your kids would." A sentence embedding sees only the question."""
    return {
        question
        for question, answer in pairwise(all_sentences)
        if question.rstrip().endswith("?") and _DENIAL.search(fold(answer))
    }


def _for_nearness(sentence: str) -> str:
    """Quotes and self-talk out; the rest as written, so the embedding is the one the crisis
    check already made for this sentence whenever nothing had to be taken out."""
    folded = fold(sentence)
    cleaned = SELF_TALK.sub(" ", without_quotes(folded))
    return sentence if cleaned == folded else cleaned
