"""Find sentences that signal danger to a person: suicide, self-harm, violence against the writer.

How it reads a text:

1. The text is split into sentences; each sentence is normalised for matching (lower case,
   straight apostrophes, common contractions and online spellings such as "su1cide",
   "im", "wanna" and "unalive" brought to one form). Reasons quote the original sentence.
2. Each pattern names the words it needs; a pattern is only tried on sentences that have
   one of them (a set lookup, which is what keeps a 500-word letter well under a millisecond).
3. Each rule group below is a set of first-person patterns ("I ... want to die", "he hits
   me"). A match is then checked, in this order, against:
   - idioms that contain the same words ("kill myself laughing", "died of embarrassment");
   - negation before it in the same clause ("I would never hurt myself");
   - reported speech ("she said 'I want to die'");
   - the past: a past-time cue in the same stretch ("years ago I attempted suicide") or
     a past-tense match followed by recovery talk ("... I've been clean for two years").
     Recovery is overridden when the sentence or the next one speaks of a relapse
     ("... and lately I've started again").

4. A sentence no rule flagged is then given a second, learned reading
   (`safety.crisis_similarity`): its sentence embedding is compared with labelled exemplar
   sentences, and it is flagged when it reads more like risk than like the nearest
   harmless look-alikes. That catches risk said in words no pattern knows ("I've been
   researching the most painless way to go"). Similarity is never asked about a sentence
   the rules have judged (a match cancelled as idiom, negation, report or the past), nor
   about one with a risky idiom, a denial of risk in the clause that names it ("I'm not
   suicidal") or recovery and past-time talk without a relapse: embeddings barely see
   "not" or "years ago", so there the rules' judgement stands.

Patterns are anchored on the writer ("I", "me", "myself"), which is what keeps supportive
talk ("if you're having thoughts of suicide, please call 988"), losses ("I lost my brother
to suicide") and third-person reports ("my friend told me she wanted to die") out.

The rules favour holding a doubtful item for a person over publishing it: a false alarm
costs a moderator a minute, a miss can cost more.
"""

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from safety.text import sentences

if TYPE_CHECKING:
    from safety.crisis_similarity import SimilarityHit

__all__ = ["CrisisSignal", "Reading", "find_crisis", "read"]


@dataclass(frozen=True)
class CrisisSignal:
    sentence: str  # as the writer wrote it
    reason: str  # e.g. "reads as a wish to die"
    rule: str  # the rule group that matched, e.g. "wish_to_die"


# --------------------------------------------------------------------------------------
# Normalisation: one spelling per word, so the patterns below stay short.
# --------------------------------------------------------------------------------------

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_LEET.update({ord("$"): "s", ord("!"): "i", ord("|"): "i"})

# A digit or symbol standing between two letters ("su1cide", "k!ll", "s3lf").
_INNER_LEET = re.compile(r"(?<=[a-z])[0134570@$!|]+(?=[a-z])")

# Words people blur on purpose, online, to get past filters, and one spelling for
# contractions (with or without the apostrophe) and their long forms. One regex does all
# of it in a single pass; none of it may match a newline (sentences are normalised
# together, one a line).
_BLURRED = {
    "suicide": r"s[ .*_-]?[u*][ .*_-]?[i*][ .*_-]?c[ .*_-]?[i*][ .*_-]?de|sewer ?slide|sooicide"
    r"|suey?cide|suicde",
    "suicidal": r"s[ .*_-]?[u*][ .*_-]?[i*][ .*_-]?c[ .*_-]?[i*][ .*_-]?dal",
    "self-harm": r"self[ _-]*h[a*]rm",
    "kill": r"k[i*]ll(?![a-z])",
    "to": r"2(?= (?:die|live|kill|end|be)\b)",
}
_SPELLINGS = {
    "i am": "i'm",
    "im": "i'm",
    "i have been": "i've been",
    "ive": "i've",
    "i would": "i'd",
    "i will": "i'll",
    "cannot": "can't",
    "can not": "can't",
    "cant": "can't",
    "do not": "don't",
    "dont": "don't",
    "did not": "didn't",
    "didnt": "didn't",
    "does not": "doesn't",
    "doesnt": "doesn't",
    "will not": "won't",
    "would not": "wouldn't",
    "wouldnt": "wouldn't",
    "could not": "couldn't",
    "couldnt": "couldn't",
    "is not": "isn't",
    "isnt": "isn't",
    "have not": "haven't",
    "havent": "haven't",
    "wanna": "want to",
    "gonna": "going to",
    "kinda": "kind of",
    "my self": "myself",
    "un-alive": "unalive",
    "un-aliving": "unaliving",
    "u": "you",
}
_REWRITE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{name.replace('-', '_')}>{regex})" for name, regex in _BLURRED.items())
    + "|(?P<spelling>"
    + "|".join(sorted(map(re.escape, _SPELLINGS), key=len, reverse=True))
    + r")(?![a-z]))"
)


def _rewrite(m: re.Match[str]) -> str:
    if m.lastgroup == "spelling":
        return _SPELLINGS[m.group(0)]
    return (m.lastgroup or "").replace("_", "-")


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces, one spelling per word. Keeps newlines."""
    text = "\n".join(" ".join(line.split()) for line in text.lower().translate(_QUOTES).split("\n"))
    text = _INNER_LEET.sub(lambda m: m.group(0).translate(_LEET), text)
    return _REWRITE.sub(_rewrite, text)


# --------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------

# Fillers that may sit between the writer and the verb ("I just really want to ...").
# No negators and no pronouns here: that is what keeps "I never wanted to" and
# "I heard she wanted to" from matching.
_FILL_WORDS = (
    "just|really|honestly|sometimes|still|often|literally|actually|seriously|genuinely|truly|"
    "kind of|sort of|so|even|always|constantly|secretly|almost|already|finally|now|also|all|"
    "totally|completely|definitely|probably|lately|recently|again|desperately|badly|simply|"
    "only|basically|legit|lowkey|think|guess|feel like|am|was|were|been|have|had|will|would|"
    "could|can|should|might|may|do|did|keep|kept|get|got|getting|feel|felt|feeling|started|"
    "start|starting|began|begun|going|having|having been|becoming|become|every day|every night|"
    "at night|more and more|a lot|quietly|privately|used to|went back to|be"
)
FILL = rf"(?:(?:{_FILL_WORDS})\s+){{0,4}}"

# The writer as subject: "i", "i'm", "i've", "i'd", "i'll", then fillers.
ME = rf"\bi(?:'m|'ve|'d|'ll)?\s+{FILL}"

# Ending one's life, as an infinitive object ("... want to <END>").
END_STRONG = (
    r"(?:(?:kill|end|off|hang|shoot|drown|unalive|poison|gas)\s+myself"
    r"|end\s+(?:my\s+(?:own\s+)?life|it\s+all|everything|my\s+suffering|it\s+for\s+good"
    r"|it\s+tonight|things\s+for\s+good|this\s+for\s+good)"
    r"|take\s+my\s+(?:own\s+)?life|commit\s+suicide|overdose|kms)"
)
END_ANY = (
    rf"(?:{END_STRONG}|die\b(?!\s+(?:my|her|his|the)\s+hair)|be\s+dead|be\s+unalive"
    r"|stop\s+(?:existing|living|being\s+alive)|not\s+(?:be\s+alive|exist|wake\s+up|be\s+here)"
    r"|disappear\s+(?:forever|for\s+good|permanently)|(?:go\s+to\s+)?sleep\s+forever"
    r"|jump\s+(?:off|from|in\s+front\s+of)\s+(?:a|the|my)\s+\w+)"
)
END_STRONG_WORDS = "myself end life suicide overdose kms"
END_ANY_WORDS = (
    f"{END_STRONG_WORDS} die dead unalive existing living alive exist wake here disappear "
    "sleep jump"
)
# The same, as a gerund ("thinking about <END_ING>").
END_ING = (
    r"(?:(?:killing|ending|offing|hanging|shooting|drowning|unaliving|poisoning)\s+myself"
    r"|ending\s+(?:my\s+(?:own\s+)?life|it\s+all|it|everything|things)"
    r"|taking\s+my\s+(?:own\s+)?life|suicide|dying|being\s+dead|not\s+(?:being\s+(?:alive|here)"
    r"|waking\s+up|existing)|overdosing|jumping\s+(?:off|from|in\s+front)"
    r"|how\s+(?:i\s+would|i'd|to)\s+(?:die|do\s+it|end\s+it|kill\s+myself))"
)
END_ING_WORDS = (
    "myself ending life suicide dying dead alive here waking existing overdosing jumping how"
)

# People who may hurt the writer.
_KIN = (
    "husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|spouse|ex|dad|father|"
    "stepdad|stepfather|mom|mum|mother|stepmom|stepmother|brother|sister|stepbrother|son|"
    "daughter|uncle|aunt|cousin|grandfather|grandpa|grandmother|grandma|roommate|flatmate|"
    "housemate|landlord|boss|neighbou?r|coach|teacher|parents?|in-laws?|father-in-law|"
    "mother-in-law|brother-in-law|sister-in-law|ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|"
    "ex-partner|date|manager|classmates?|pimp|family"
)
AGENT = (
    rf"(?:\b(?:he|she|they)\b|\bmy\s+(?:[a-z]+[\s-])?(?:{_KIN})\b"
    r"|\b(?:someone|somebody|a\s+(?:man|guy|woman|stranger|coworker|colleague)"
    r"|a\s+group\s+of\s+\w+)\b)"
)
HARM_ME = (
    r"(?:(?:kill|hurt|hit|beat|shoot|stab|strangle|choke|burn|rape|attack|murder|end|get)\s+"
    r"(?:me|us)\b|break\s+my\s+\w+|put\s+me\s+in\s+(?:the\s+)?hospital"
    r"|make\s+me\s+(?:pay|disappear|regret))"
)

# --------------------------------------------------------------------------------------
# Rule groups, tried in order; the first that holds gives a sentence its reason.
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    # A sentence with none of these words skips the pattern: a cheap set lookup that keeps
    # the check fast. Each list names words every match must contain one of; a test runs
    # all examples with and without this filter and expects the same answers.
    words: frozenset[str]
    regex: re.Pattern[str]


def P(words: str, regex: str) -> Pattern:
    return Pattern(frozenset(words.split()), re.compile(regex))


@dataclass(frozen=True)
class Rule:
    name: str
    reason: str
    patterns: tuple[Pattern, ...]
    # A negator before the match in its clause cancels it ("I'm not suicidal"). Off for
    # rules whose wording is itself negative ("I don't want to live").
    negatable: bool = True
    # The rule is only trusted when the whole text also matches this ("I want to join her"
    # after "my sister died").
    context: re.Pattern[str] | None = None


# Anything that speaks of death, for rules that need it.
_DEATH_CONTEXT = re.compile(
    r"suicid|kill(?:ed)?\s+(?:myself|himself|herself|themselves)|\bdied\b|\bdead\b|\bdeath\b"
    r"|passed\s+away|\bpassed\b|funeral|\bgrave\b|\bdie\b|overdos|lost\s+(?:him|her|my)"
)
# Anything that speaks of self-harm or suicide, for rules that need it.
_HARM_CONTEXT = re.compile(
    r"suicid|kill\s+myself|end(?:ing)?\s+(?:my\s+life|it\s+all)|self-harm|cut(?:ting)?\s+myself"
    r"|\bcutting\b|hurt(?:ing)?\s+myself|burn(?:ing)?\s+myself|overdos|want(?:ed)?\s+to\s+die"
    r"|\bpills\b|goodbye|\bnoose\b|\brope\b"
)

# Words that make an act deliberate: "burned my arm on purpose", but not "not on purpose".
ON_PURPOSE = r"(?<!not\s)\b(?:on\s+purpose|deliberately|intentionally)\b"

PILLS = "pills meds medication tablets painkillers pain prescription prescriptions"
HARM_VERBS = (
    "cut cutting burn burned burnt burning scratch scratching scratched carve carving carved "
    "mutilate mutilating mutilated bite biting stab stabbing stabbed"
)
HIT_VERBS = (
    "hits hit hitting beats beat beating punches punched punching slaps slapped slapping kicks "
    "kicked kicking chokes choked choking strangles strangled strangling shoves shoved shoving "
    "smacks smacked attacked attacks assaulted assaults raped rapes molested molests stabbed "
    "bites bit pinned pins drags dragged batters battered burned burns whips whipped spits spat "
    "hurts hurt abuses abused threw throws"
)
SAY_VERBS = (
    "threatened threatens threatening said says told tells swore swears promised texted warned "
    "saying screamed yelled shouted"
)

RULES: tuple[Rule, ...] = (
    # Saying outright that one will, wants to or tried to end one's life.
    Rule(
        "wish_to_die",
        "reads as a wish to die",
        patterns=(
            # "I want to die", "I'm ready to end it all", "I tried to take my own life"
            P(
                END_ANY_WORDS,
                rf"{ME}(?:want|wanted|wanting|need|needed|plan|planned|planning|intend|intended|"
                r"ready|decided|tempted|try|tried|trying|attempted|attempting|close|like|wish|"
                rf"wished|hope|hoped|longing|long|deserve|prepared)\s+to\s+{FILL}{END_ANY}",
            ),
            # "I'm going to kill myself", "I'll end my life", "I might kill myself"
            P(
                END_STRONG_WORDS,
                rf"{ME}(?:going\s+to\s+|about\s+to\s+|might\s+|may\s+|should\s+|could\s+)?"
                rf"(?:just\s+)?{END_STRONG}",
            ),
            # "I feel like dying"
            P(
                "dying myself ending die",
                rf"{ME}(?:feel|felt|feeling)\s+like\s+(?:dying|killing\s+myself|ending\s+"
                r"(?:it\s+all|my\s+life)|i\s+(?:want|wanted)\s+to\s+die)\b",
            ),
            # "kill myself" with no subject, as short posts put it: "honestly might kms"
            P("myself", r"\b(?:kill|unalive|off)\s+myself\b"),
            P("kms", r"\bkms\b(?<!\d\skms)(?<!\dkms)"),
            P(
                "ctb",
                r"\b(?:want\s+to|going\s+to|ready\s+to|about\s+to|i'll|planning\s+to)\s+ctb\b",
            ),
            # "I wish I were dead", "I'd be better off dead"
            P("dead", r"\bwish(?:ed)?\s+i\s+(?:was|were|could\s+be)\s+dead\b"),
            P(
                "dead",
                r"\bi'd\s+(?:be\s+)?better\s+off\s+dead\b|\bi'd\s+rather\s+be\s+dead\b(?!\s+than)",
            ),
            # "I attempted suicide", "I'm considering suicide"
            P(
                "suicide",
                rf"{ME}(?:attempted|tried|considering|considered|contemplating|contemplated|"
                r"planning|planned|attempt|consider)\s+(?:to\s+commit\s+|committing\s+)?suicide\b",
            ),
        ),
    ),
    # Thinking about suicide, or saying one is suicidal.
    Rule(
        "suicidal_thoughts",
        "speaks of suicidal thoughts",
        patterns=(
            # "the thoughts of ending it I had at university are back"
            P(
                "back returned returning",
                r"\b(?:thoughts?|urges?)\s+(?:of|about)\s+(?:ending\s+(?:it|my\s+life|things)|suicide|"
                r"killing\s+myself|dying)\b[^.]{0,60}?\b(?:are|is|have|has|'re|'s)\s+(?:\w+\s+)?"
                r"(?:back|come\s+back|returned|returning)\b",
            ),
            # "I keep thinking about killing myself", "I can't stop thinking about dying"
            P(
                END_ING_WORDS,
                rf"{ME}(?:can't\s+stop\s+|couldn't\s+stop\s+)?(?:think|thinking|thought|"
                r"fantasi[sz]e|fantasi[sz]ing|fantasi[sz]ed|dream|dreaming|dreamt|dreamed|obsess|"
                r"obsessing|obsessed|planning|research|researching|googling|googled|reading)\s+"
                r"(?:a\s+lot\s+|constantly\s+|every\s+day\s+|so\s+much\s+|all\s+the\s+time\s+)?"
                rf"(?:about|of|up\s+on)\s+{END_ING}",
            ),
            # The same without a subject, where what is thought of can only be the writer's
            # own death: "lie awake thinking about killing myself", "thinking of ending it all"
            P(
                "myself ending life",
                r"\b(?:think|thinking|thought|fantasi[sz]ing|dreaming|obsessing)\s+(?:a\s+lot\s+|"
                r"constantly\s+|every\s+day\s+|so\s+much\s+|all\s+the\s+time\s+)?(?:about|of)\s+"
                r"(?:(?:killing|ending|hanging|drowning|unaliving|poisoning)\s+myself|ending\s+"
                r"(?:my\s+(?:own\s+)?life|it\s+all)|taking\s+my\s+(?:own\s+)?life)",
            ),
            # The same at the start of a short post, where the subject is left out:
            # "been thinking about suicide every day", "ngl keep thinking of dying"
            P(
                END_ING_WORDS,
                r"^(?:[a-z]+,?\s+){0,2}?(?:been|keep|kept|always|constantly)\s+(?:thinking|"
                rf"dreaming|fantasi[sz]ing)\s+(?:a\s+lot\s+)?(?:about|of)\s+{END_ING}",
            ),
            # "part of me wants to die"
            P(
                "part something",
                r"\b(?:part\s+of\s+me|something\s+in\s+me)\s+(?:still\s+|really\s+|just\s+)?"
                rf"(?:wants|wanted|wishes|needs)\s+to\s+{FILL}{END_ANY}",
            ),
            # "I'm suicidal", "I've been feeling suicidal again"
            P("suicidal", rf"{ME}suicidal\b"),
            # "I've been having suicidal thoughts", "I get thoughts of ending it"
            P(
                "suicidal thoughts urges",
                rf"{ME}(?:suicidal\s+(?:thoughts|ideation|feelings|urges)"
                rf"|(?:thoughts|urges)\s+(?:of|about)\s+{END_ING})",
            ),
            P("suicidal", r"\bmy\s+suicidal\s+(?:thoughts|feelings|urges|ideation)\b"),
            P(
                "suicidal",
                r"\bthe\s+suicidal\s+(?:thoughts|feelings|urges)\s+(?:are|have|keep|came|come|got|"
                r"is|won't|never)\b",
            ),
            P("sui", r"\bfeeling\s+(?:very\s+|really\s+|so\s+)?sui\b"),
        ),
    ),
    # Not an active plan, but a wish not to be alive: the commonest way risk is written.
    Rule(
        "passive",
        "reads as a wish not to be alive",
        negatable=False,
        patterns=(
            # "I wish I could go to sleep and not wake up", "I hope I don't wake up"
            P(
                "wake",
                r"\b(?:go\s+to\s+sleep|fall\s+asleep|sleep)\s+and\s+(?:never|not)\s+wake\s+up",
            ),
            P(
                "wake",
                r"\b(?:hope|pray|wish)\s+(?:that\s+)?i\s+(?:don't|won't|never)\s+wake\s+up\b",
            ),
            P("wake", r"\bdon't\s+want\s+to\s+wake\s+up\s*(?:anymore|again|ever|tomorrow|$|[.!,])"),
            P("born", r"\bwish(?:ed)?\s+i\s+(?:had|'d)\s+never\s+been\s+born\b"),
            # "everyone would be better off without me"
            P(
                "better",
                r"\b(?:everyone|everybody|they|he|she|my\s+[a-z]+(?:\s+[a-z]+)?|the\s+world|"
                r"people|you\s+all|y'all|we|this\s+family)\s+(?:would|will|'d|'ll|would\s+all|"
                r"will\s+all)?\s*(?:be|is|are|'s|'re|would\s+be)\s+(?:so\s+much\s+|much\s+|"
                r"a\s+lot\s+|way\s+)?better\s+(?:off\s+)?(?:without\s+me|if\s+i\s+(?:was|were|"
                r"wasn't|weren't|died|disappeared|didn't\s+exist|was\s+gone|were\s+gone|"
                r"was\s+dead|were\s+dead))",
            ),
            P("better", r"\bbetter\s+off\s+without\s+me\b"),
            # "I don't see the point in living anymore", "what's the point of going on"
            P(
                "point reason",
                r"\b(?:don't|can't|no\s+longer|couldn't)\s+see\s+(?:the|any|a)\s+(?:point|reason)\s+"
                r"(?:in|of|to|for)\s+(?:living|life|going\s+on|being\s+alive|carrying\s+on|"
                r"keep\s+(?:living|going)|keeping\s+going|"
                r"staying\s+alive|waking\s+up|being\s+here|existing|live|go\s+on|stay)",
            ),
            P(
                "point purpose",
                r"\bwhat(?:'s|\s+is)\s+(?:even\s+)?the\s+(?:point|purpose)\s+(?:of|in)\s+"
                r"(?:living|being\s+alive|going\s+on|staying\s+alive|my\s+life|existing)",
            ),
            # "I'd rather be wherever she is than here"
            P(
                "rather",
                r"\bi(?:'d|\s+would)\s+(?:much\s+)?rather\s+be\s+(?:dead|gone|with\s+(?:her|him|them)|"
                r"wherever\s+(?:she|he|they)\s+(?:is|are))\s+than\s+(?:here|alive|living)\b",
            ),
            # "Every birthday I wish it were my last"
            P(
                "last",
                r"\bwish\s+(?:it|this|today)\s+(?:was|were|would\s+be)\s+my\s+last\s+(?:birthday|"
                r"christmas)\b|\bbirthday[^.]{0,40}\bwish\s+(?:it|this)\s+(?:was|were|would\s+be)\s+"
                r"my\s+last\b",
            ),
            P(
                "reason point",
                r"\b(?:no|nothing\s+left\s+to|not\s+any)\s+(?:reason|point)\s+(?:to|in)\s+"
                r"(?:live|living|go\s+on|going\s+on|keep\s+going|stay|be\s+alive)",
            ),
            P("live", r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b"),
            P(
                "worth",
                r"\b(?:life|living|my\s+life)\s+(?:isn't|is\s+no\s+longer|'s\s+not|is\s+not|"
                r"doesn't\s+feel|no\s+longer\s+feels|stopped\s+being|feels\s+not)\s+worth\s+"
                r"(?:living|it|anything|much\s+anymore)",
            ),
            # "I don't want to live anymore" (but not "... to live in this town")
            P(
                "live alive exist living",
                r"\b(?:don't|no\s+longer|never)\s+(?:really\s+)?(?:want|wish)\s+to\s+(?:live|"
                r"be\s+alive|exist|keep\s+living|stay\s+alive)\b(?!\s+(?:in|with|at|near|there|"
                r"abroad|together|alone|apart|on|by|under|next|somewhere|anywhere|close|far|like|"
                r"that|through|as|if|where|here|without|for))",
            ),
            # "I don't want to be here anymore"
            P(
                "anymore more longer",
                r"\b(?:don't|no\s+longer)\s+(?:really\s+)?want\s+to\s+(?:be\s+here|be\s+around|"
                r"live\s+like\s+this|go\s+on|do\s+this|exist|wake\s+up)\s+(?:anymore|any\s+more|"
                r"any\s+longer)",
            ),
            P(
                "live alive living going go here",
                r"\b(?:not\s+sure|don't\s+know)\s+(?:if\s+|whether\s+|that\s+)?i\s+"
                r"(?:want\s+to|can)\s+(?:live|be\s+alive|stay\s+alive|keep\s+living|keep\s+going|"
                r"go\s+on|be\s+here)",
            ),
            # "I'm tired of being alive"
            P(
                "living alive existing life here waking",
                rf"{ME}(?:so\s+)?(?:tired|exhausted|sick|done)\s+(?:of|with)\s+(?:living|"
                r"being\s+alive|existing|life|being\s+here|waking\s+up)\b",
            ),
            # "nobody would notice if I died", "no one would miss me"
            P(
                "care notice mind",
                r"\b(?:no\s+one|nobody|noone|no-one)\s+(?:would|will|'d)\s+(?:even\s+)?(?:care|"
                r"notice|mind)\s+if\s+i\s+(?:died|was\s+gone|were\s+gone|was\s+dead|disappeared|"
                r"killed\s+myself|wasn't\s+here|weren't\s+here|was\s+not\s+here|didn't\s+wake)",
            ),
            P(
                "miss",
                r"\b(?:no\s+one|nobody|noone|no-one)\s+(?:would|will)\s+(?:even\s+)?miss\s+me\b",
            ),
            # "I wouldn't mind if a bus hit me", "I keep hoping I'll get into an accident"
            P(
                "mind",
                r"\b(?:wouldn't|would\s+not|don't|won't)\s+mind\s+if\s+(?:(?:a|the)\s+\w+\s+"
                r"(?:hit|hits|killed)\s+me|i\s+(?:died|didn't\s+wake\s+up|never\s+woke\s+up|"
                r"got\s+hit|was\s+gone|just\s+died|disappeared))",
            ),
            P(
                "accident crash hit kills kill hits",
                r"\b(?:hope|hoping|wish|wishing|pray|praying)\s+(?:that\s+)?(?:i(?:'ll|'d|\s+will|"
                r"\s+would)?\s+(?:get|got)\s+(?:into\s+|in\s+)?(?:an?\s+)?(?:accident|crash|hit\s+by)"
                r"|something\s+(?:kills|will\s+kill|would\s+kill)\s+me|(?:a|the)\s+\w+\s+"
                r"(?:hits|will\s+hit|would\s+hit)\s+me)",
            ),
            # "I can't go on anymore", "I don't know how much longer I can keep going"
            P(
                "anymore more longer living",
                r"\bcan't\s+(?:go\s+on|keep\s+going|keep\s+living|carry\s+on)\s+(?:anymore|"
                r"any\s+more|any\s+longer|living|like\s+this\s+anymore)",
            ),
            P(
                "longer",
                r"\b(?:don't\s+know\s+how\s+much\s+longer|not\s+sure\s+how\s+much\s+longer)\s+i\s+"
                r"can\s+(?:go\s+on|keep\s+going|hold\s+on|keep\s+living|do\s+this|take\s+it|last)",
            ),
            P(
                "end over stop",
                r"\b(?:want|wish|wished)\s+(?:for\s+)?(?:it\s+all|everything|my\s+life|"
                r"all\s+of\s+it)\s+to\s+(?:end|be\s+over|stop)\b",
            ),
            P(
                "around here alive",
                r"\bi\s+won't\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+(?:much\s+)?"
                r"long|to\s+see)",
            ),
        ),
    ),
    # Plans and means: the strongest warning signs.
    Rule(
        "plan",
        "describes a plan or the means to end their life",
        patterns=(
            # "I've been saving my pills", "I have enough tablets to do it"
            P(
                PILLS,
                rf"{ME}(?:saving|stockpiling|hoarding|stashing|saved|stockpiled|hoarded|stashed|"
                r"counting|counted|hiding|hid)\s+(?:up\s+)?(?:all\s+)?(?:of\s+)?(?:my\s+|some\s+|"
                r"the\s+|enough\s+|a\s+lot\s+of\s+|extra\s+)?(?:sleeping\s+)?(?:pills|meds|"
                r"medication|tablets|painkillers|pain\s+killers|prescriptions?)\b",
            ),
            P(
                PILLS,
                r"\benough\s+(?:pills|tablets|meds|medication|painkillers)\s+(?:to|that)\s+"
                r"(?:kill|end|do\s+it|die|not\s+wake|never\s+wake)",
            ),
            P(
                PILLS,
                r"\b(?:take|swallow|down)\s+(?:all|the\s+whole\s+bottle|a\s+whole\s+bottle|"
                r"every\s+one)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+)?(?:pills|meds|"
                r"tablets|medication)",
            ),
            # "I bought a rope", "I've tied a noose"
            P(
                "rope noose",
                rf"{ME}(?:bought|got|have|own|found|tied|made|hid|hidden|keep)\s+(?:a\s+)?"
                r"(?:rope|noose)\b",
            ),
            P("noose", r"\b(?:tied|tying|made|making)\s+a\s+noose\b"),
            # "my pills are counted out on the table"
            P(
                PILLS,
                r"\b(?:pills|tablets|meds)\s+(?:are\s+)?(?:counted|lined|laid|set)\s+out\b"
                r"|\b(?:counted|lined|laid|set)\s+out\s+(?:all\s+)?(?:my|the)\s+(?:pills|tablets|meds)",
            ),
            # "I wrote goodbye letters", "I've been writing my suicide note"
            P(
                "goodbye suicide farewell",
                rf"{ME}(?:wrote|written|writing|write|drafted|drafting|left|leaving|typed)\s+"
                r"(?:\w+\s+){0,2}(?:goodbye|suicide|farewell)\s+(?:letters?|notes?|messages?|"
                r"emails?)",
            ),
            P("suicide goodbye", r"\bmy\s+(?:suicide|goodbye)\s+(?:note|letter)s?\b"),
            # "writing goodbye cards to my kids" (a goodbye card to a colleague is not this)
            P(
                "goodbye farewell",
                r"\b(?:goodbye|farewell)\s+(?:letters?|notes?|cards?|texts?|videos?|messages?)\s+"
                r"(?:to|for)\s+(?:each\s+of\s+|all\s+)?my\s+(?:kids|children|son|sons|daughters?|"
                r"family|husband|wife|partner|parents|mum|mom|dad|sisters?|brothers?)\b",
            ),
            # "I know exactly how I'd do it", "I have a plan to end it"
            P(
                "know",
                r"\bi\s+know\s+(?:exactly\s+)?(?:how|when|where)\s+(?:i'd|i\s+would|i'll|"
                r"i'm\s+going\s+to|to)\s+(?:do\s+it|end\s+it|kill\s+myself|die)\b",
            ),
            P(
                "plan",
                rf"{ME}(?:a|the|my)\s+plan\s+(?:to|for\s+(?:how|when)\s+(?:to|i'll|i\s+will))\s+"
                r"(?:kill|end|die|do\s+it|take\s+my)",
            ),
            # "I looked up how to overdose"
            P(
                "how ways methods way",
                rf"{ME}(?:looked|looking|look|searched|searching|googled|googling|researched|"
                r"researching|read|reading)\s+(?:up\s+|into\s+|online\s+)?(?:about\s+)?(?:how\s+to|"
                r"ways\s+to|methods?\s+(?:of|to|for)|the\s+best\s+way\s+to|painless\s+ways\s+to)\s+"
                r"(?:die|kill\s+myself|overdose|hang|end\s+(?:it|my\s+life)|commit\s+suicide|"
                r"suicide)",
            ),
            # "I'm giving away my things since I won't need them"
            P(
                "need",
                r"\baway\s+(?:all\s+)?(?:of\s+)?my\s+(?:things|stuff|belongings|possessions)\b"
                r"[^.]{0,40}(?:won't|will\s+not|wouldn't|don't)\s+need",
            ),
            # "by the time you read this I'll be gone", "this is my goodbye"
            P(
                "gone dead",
                r"\bby\s+the\s+time\s+(?:you|anyone|someone|somebody)\s+(?:read|reads|see|sees|"
                r"find|finds)\s+this,?\s+i(?:'ll|\s+will)\s+(?:be\s+|already\s+be\s+)?(?:gone|dead)",
            ),
            P(
                "goodbye last",
                r"\bthis\s+is\s+(?:my\s+)?(?:goodbye|last\s+(?:letter|post|message|comment|note))\b"
                # not a farewell to a habit or a place: "goodbye to reading this column"
                r"(?!\s+to\s+(?:\w+ing\b|(?:the|this|that|our)\s+(?!world\b)))",
            ),
            # "I went to the bridge last night and almost jumped"
            P(
                "edge ledge bridge roof tracks railway cliff",
                rf"{ME}(?:stood|standing|stand|went|drove|walked|climbed|sat|sitting)\s+(?:up\s+)?"
                r"(?:on|to|at|onto)\s+(?:the\s+)?(?:edge|ledge|bridge|roof|tracks|railway|cliff)"
                r"[^.]{0,60}\b(?:jump|end\s+it|let\s+go)",
            ),
            # The means at hand: "a knife to my wrist", "holding a bottle of pills",
            # "the rope's ready", "a scarf tied to the fan"
            P(
                "knife blade razor gun pistol",
                r"\b(?:knife|blade|razor|gun|pistol)\s+(?:is\s+)?(?:to|against|on|at|in|pressed\s+"
                r"(?:to|against))\s+my\s+(?:wrists?|throat|arms?|skin|head|temple|mouth|neck)\b",
            ),
            P(
                "bottle box packet handful",
                rf"{ME}(?:holding|staring\s+at|looking\s+at|sitting\s+with|got|have)\s+(?:a|the|my)\s+"
                r"(?:whole\s+|full\s+)?(?:bottle|box|packet|handful)\s+of\s+(?:sleeping\s+)?"
                r"(?:pills|tablets|meds|painkillers|paracetamol)\b[^.]{0,40}"
                r"(?:\bnow\b|tonight|in\s+front\s+of\s+me|in\s+my\s+hand|\bready\b|"
                r"nobody|no\s+one|\bend\b|\bit\b)",
            ),
            P(
                "rope noose",
                r"\b(?:the\s+|my\s+)?(?:rope|noose)(?:'s|\s+is)\s+(?:ready|up|tied|waiting|"
                r"set\s+up|in\s+the\s+\w+)",
            ),
            P(
                "tied fan beam rafters rafter banister ceiling hook",
                r"\b(?:rope|noose|dupatta|scarf|belt|cord|sheet|cable)\s+(?:is\s+|already\s+)?"
                r"(?:tied|hung|fixed|knotted)\s+(?:to|on|from|around|over)\s+(?:the|my)\s+"
                r"(?:ceiling\s+)?(?:fan|beam|rafters?|banister|ceiling|hook)\b",
            ),
            # "wondering how long the fall would take" from the tallest buildings
            P(
                "fall",
                r"\bhow\s+(?:long|far)\s+the\s+fall\s+(?:would|will)\s+(?:take|be)\b(?!\s+to\s)"
                r"|\bwhether\s+the\s+fall\s+would\s+(?:kill|be\s+enough)",
            ),
            # "I have a plan and a date", "I have everything I need to end it"
            P("date", r"\ba\s+plan\s+and\s+a\s+date\b(?!\s+(?:for|to)\b)"),
            P(
                "need",
                rf"{ME}(?:have|got)\s+(?:everything|all|what)\s+(?:that\s+)?i\s+need\s+to\s+"
                r"(?:end\s+(?:it|things|my\s+life)|do\s+it|kill\s+myself)\b(?!\s+with)",
            ),
            # "I'm standing on the bridge now": on the edge, now.
            P(
                "bridge ledge edge cliff tracks railway overpass",
                rf"{ME}(?:standing|sitting|am|'m)\s+(?:right\s+)?(?:on|at)\s+(?:the\s+)?"
                r"(?:\w+\s+){0,3}?(?:bridge|ledge|edge|cliff|tracks|railway|overpass)\b"
                r"[^.]{0,30}\b(?:now|right\s+now|tonight)\b(?!\s+and\s+(?:then|again))",
            ),
        ),
    ),
    # Acting on it now, or a time set: "I'm hanging myself tonight", "I'll be dead by the
    # weekend", "I took a lot of pills twenty minutes ago".
    Rule(
        "act_now",
        "says they are acting on it now or have set a time",
        negatable=False,
        patterns=(
            P(
                "myself",
                rf"{ME}(?:killing|ending|hanging|offing|shooting|drowning|poisoning|gassing|"
                r"unaliving)\s+myself\s+(?:(?:just|finally|probably|properly|then)\s+)?(?:tonight|"
                r"today|tomorrow|now|soon|"
                r"this\s+(?:weekend|week|evening|morning|afternoon)|on\s+(?:monday|tuesday|"
                r"wednesday|thursday|friday|saturday|sunday))\b",
            ),
            P(
                "dead",
                r"\bi(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to)\s+(?:\w+\s+)?be\s+dead\s+"
                r"(?:by|before)\s+"
                r"(?:tonight|tomorrow|morning|the\s+(?:weekend|morning|end\s+of\s+the\s+\w+)|"
                r"next\s+\w+|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                r"christmas|my\s+birthday)\b",
            ),
            P(
                PILLS + " paracetamol",
                rf"{ME}(?:just\s+)?(?:took|taken|swallowed|downed|necked)\s+(?:a\s+lot\s+of|"
                r"lots\s+of|loads\s+of|too\s+many|a\s+handful\s+of|handfuls\s+of|"
                r"(?:a|the)\s+(?:whole\s+)?(?:bottle|box|packet|strip)\s+of|all\s+(?:of\s+)?"
                r"(?:my|the)\s+\w*\s*(?:pills|tablets|meds)\s+at\s+once|\d{2,}|twenty|thirty|"
                r"forty|fifty)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+)?(?:sleeping\s+)?"
                r"(?:pills|tablets|meds|painkillers|paracetamol|sleeping\s+pills)?",
            ),
            P(
                "alive",
                rf"{ME}(?:won't|will\s+not|am\s+not\s+going\s+to|'m\s+not\s+going\s+to|not\s+going"
                r"\s+to|don't\s+plan\s+on|do\s+not\s+plan\s+on)\s+(?:be|being)\s+alive\b",
            ),
            P(
                "around",
                rf"{ME}(?:won't|will\s+not)\s+be\s+(?:around|here)\s+(?:long\s+enough|much\s+longer|"
                r"for\s+(?:much\s+)?long)\b",
            ),
            P(
                "here around",
                r"\b(?:don't|do\s+not)\s+plan\s+on\s+(?:being|still\s+being)\s+(?:here|around)\b",
            ),
        ),
    ),
    # "I'm going to do it tonight", "I've decided to end it": words that only mean suicide
    # where the text speaks of it elsewhere.
    Rule(
        "intent",
        "says they mean to act on it",
        context=_HARM_CONTEXT,
        patterns=(
            P(
                "end",
                rf"{ME}(?:decided|ready|going|planning|plan|want|need)\s+to\s+(?:finally\s+)?end\s+"
                r"it\b(?!\s+(?:with|between|for\s+(?:him|her|them|us)))",
            ),
            P(
                "tonight today tomorrow weekend soon after",
                rf"{ME}(?:going\s+to|'ll|will|plan\s+to|planning\s+to)\s+(?:finally\s+)?"
                r"(?:do\s+it|end\s+it|go\s+through\s+with\s+it)\s+(?:tonight|today|tomorrow|"
                r"this\s+weekend|soon|after)",
            ),
        ),
    ),
    # Hurting oneself on purpose.
    Rule(
        "self_harm",
        "describes self-harm",
        patterns=(
            # "I cut myself last night", "I've been burning my arms"
            P(
                HARM_VERBS,
                rf"{ME}(?:can't\s+stop\s+)?(?:cut|cutting|burn|burned|burnt|burning|scratch|"
                r"scratching|scratched|carve|carving|carved|mutilate|mutilating|mutilated|bite|"
                r"biting|stab|stabbing|stabbed)\s+(?:myself|my\s+(?:arms?|wrists?|legs?|thighs?|"
                r"skin|stomach|hips?|body|forearms?|ankles?|chest))\b",
            ),
            P(
                "myself",
                rf"{ME}(?:can't\s+stop\s+)?(?:hurt|hurting|harm|harming|hit|hitting|punch|"
                r"punching|starve|starving|starved|injure|injuring|injured|punish|punishing)\s+"
                r"myself\b",
            ),
            # "I've been cutting again", "when it gets bad, I cut."
            P(
                "cut cutting",
                rf"{ME}cut(?:ting)?\s*(?:again|every\s+(?:day|night|week)|at\s+night|when\s+i|"
                r"lately|last\s+night|yesterday|tonight|today|this\s+(?:week|morning)|"
                r"for\s+(?:\w+\s+)?(?:days|weeks|months|years|a\s+while)|$|[.!,;?])",
            ),
            # "I started cutting" (but not "cutting back on sugar"), "I used to cut"
            P(
                "cutting",
                rf"{ME}(?:started|start|starting|began)\s+cutting\b(?!\s+(?:back|down|out|ties|"
                r"corners|class|classes|school|carbs|sugar|the|my\s+hair|hair|costs|off|people|"
                r"him|her|them|wood|fabric|coupons))",
            ),
            P("cut", rf"{ME}used\s+to\s+cut\b"),
            # Short posts drop the "I": "burned my arm on the hob on purpose tonight"
            P(
                "purpose deliberately intentionally",
                r"\b(?:cut|burned|burnt|burn|scratched|hit|punched|stabbed|scalded)\s+(?:myself|"
                r"my\s+(?:arms?|wrists?|legs?|thighs?|skin|stomach|hands?|forearms?))\b[^.]{0,40}"
                + ON_PURPOSE,
            ),
            # "I self-harm", "I've started self-harming again"
            P("harm harming harmed", rf"{ME}(?:can't\s+stop\s+)?self-harm(?:ing|ed)?\b"),
            P(
                "harm harming",
                r"\bmy\s+self-harm(?:ing)?\s+(?:is|has|'s|got)\s+(?:getting\s+)?(?:worse|back|"
                r"started|out\s+of\s+control)",
            ),
            # "I have the urge to cut", "the urges to hurt myself are back"
            P(
                "urge urges need compulsion",
                rf"{ME}(?:the\s+|an\s+|strong\s+|such\s+)?(?:urges?|need|compulsion)\s+to\s+"
                r"(?:self-harm|cut|hurt\s+myself|burn\s+myself|harm\s+myself)\b",
            ),
            P(
                "urge urges need",
                r"\b(?:urges?|need)\s+to\s+(?:self-harm|cut|hurt\s+myself|burn\s+myself)\s+"
                r"(?:are|is|has|have|came|keeps?)\b",
            ),
            # "I'm hiding the new cuts on my arms"
            P(
                "cuts burns scars marks wounds",
                rf"{ME}(?:hiding|hide|cover|covering)\s+(?:the\s+)?(?:fresh\s+|new\s+)?(?:cuts|"
                r"burns|scars|marks|wounds)\b",
            ),
        ),
    ),
    # Someone hurting the writer now.
    Rule(
        "violence",
        "describes someone hurting the writer",
        patterns=(
            # "he hits me", "my husband choked me last night", "she threw a plate at me"
            P(
                HIT_VERBS,
                rf"{AGENT}\s+{FILL}(?:hits|hit|hitting|beats|beat|beating|punches|punched|"
                r"punching|slaps|slapped|slapping|kicks|kicked|kicking|chokes|choked|choking|"
                r"strangles|strangled|strangling|shoves|shoved|shoving|smacks|smacked|attacked|"
                r"attacks|assaulted|assaults|raped|rapes|molested|molests|stabbed|bites|bit|"
                r"pinned|pins|drags|dragged|batters|battered|burned|burns|whips|whipped|"
                r"spits\s+on|spat\s+on|physically\s+hurts|physically\s+hurt|abuses|abused|"
                r"threw\s+(?:\w+\s+){0,2}at|throws\s+(?:\w+\s+){0,2}at)\s+me\b(?!\s+(?:up\b|out\b|off\b|on\s+the\s+(?:back|shoulder)|"
                r"with\s+(?:(?:the|a|an|this|that|his|her|so\s+many|all\s+these|more)\s+)?"
                r"(?:news|questions?|bills?|fees?|requests?|emails?|texts?|offers?|truth|facts?|"
                r"stor(?:y|ies)|jokes?|puns?|deadlines?|demands?|compliments?)))",
            ),
            # Pushing and grabbing, where the words don't mean urging or fetching
            P(
                "grabbed grabs pushed pushes shook shakes shoved shoves",
                rf"{AGENT}\s+{FILL}(?:grabbed|grabs|pushed|pushes|shook|shakes|shoved|shoves)\s+"
                r"me\b(?!\s+(?:up|a\s|an\s|some|coffee|lunch|awake|toward|towards|away|too\s+hard|"
                r"harder|that|to\s+(?!the\s+(?:floor|ground|wall|bed|door|stairs))|into\s+(?!the\s+"
                r"(?:wall|door|table|floor|ground|counter|car|closet|cupboard|mirror|stairs))))",
            ),
            # "he put his hands around my neck"
            P(
                "hands hand",
                rf"{AGENT}\s+{FILL}(?:put|puts|wrapped|wraps|had|has)\s+(?:his|her|their|both)\s+"
                r"hands?\s+(?:around|on|over)\s+my\s+(?:neck|throat|mouth)",
            ),
            # "I was beaten by my partner", "I'm being abused at home"
            P(
                "hit beaten punched slapped kicked choked strangled attacked assaulted raped "
                "molested abused stabbed hurt",
                r"\bi(?:'m|'ve)?\s+(?:am\s+|was\s+|got\s+|get\s+|been\s+|being\s+|keep\s+getting\s+)+"
                r"(?:hit|beaten|beaten\s+up|punched|slapped|kicked|choked|strangled|attacked|"
                r"assaulted|raped|molested|abused|stabbed|hurt)\s+(?:by\s+(?!a\s+(?:car|bus|bike|"
                r"truck|van|ball|wave|branch|door))|at\s+home|again|every|at\s+night|last\s+night|"
                r"yesterday|tonight|regularly|daily|when\s+he|when\s+she)",
            ),
            # "I'm in an abusive relationship", "my husband gets violent when he drinks"
            P(
                "abusive violent",
                r"\bi(?:'m|'ve\s+been)?\s+(?:still\s+)?(?:in|stuck\s+in|trapped\s+in|living\s+with|"
                r"married\s+to|living\s+in)\s+(?:an?\s+)?(?:\w+\s+)?(?:abusive|violent)\b",
            ),
            P(
                "abusive violent",
                rf"{AGENT}\s+(?:is|'s|has\s+been|gets|becomes|became|got|can\s+get)\s+(?:\w+\s+)?"
                r"(?:physically\s+)?(?:abusive|violent)\b(?!\s+(?:movies|games|films|shows|"
                r"in\s+(?:his|her|their)\s+(?:language|words|speech)))",
            ),
            # "he locks me in"
            P(
                "locks lock locked keeps keep kept",
                rf"{AGENT}\s+(?:locks?|locked|keeps?|kept)\s+me\s+(?:in|inside|locked)\b",
            ),
        ),
    ),
    # Someone threatening to hurt the writer.
    Rule(
        "threat",
        "describes a threat to hurt or kill the writer",
        patterns=(
            # "my husband said he'd kill me if I left"
            P(
                SAY_VERBS,
                rf"{AGENT}\s+{FILL}(?:threatened|threatens|threatening|said|says|told\s+me|"
                r"tells\s+me|swore|swears|promised|texted|texted\s+me|warned|warned\s+me|"
                r"keeps\s+saying|kept\s+saying|screamed|yelled|shouted)\s+(?:that\s+)?"
                r"(?:if\s+[^.;]{0,40}?,?\s*)?(?:he|she|they)(?:'d|'ll|\s+would|\s+will|"
                r"'s\s+going\s+to|\s+is\s+going\s+to|\s+was\s+going\s+to|\s+could|\s+might|"
                rf"\s+wants\s+to|\s+wanted\s+to)\s+(?:\w+\s+)?{HARM_ME}",
            ),
            # "he threatened to hurt me", "she threatened me with a knife"
            P(
                "threaten threatens threatened threatening",
                rf"\bthreat(?:en|ens|ened|ening)\s+to\s+(?:\w+\s+)?{HARM_ME}",
            ),
            P(
                "threaten threatens threatened threatening",
                r"\bthreat(?:en|ens|ened|ening)\s+me\s+with\s+(?:a\s+|his\s+|her\s+|their\s+)?"
                r"(?:knife|gun|weapon|bat|hammer|blade|rifle|pistol)",
            ),
            P(
                "pointed held waved aimed",
                r"\b(?:pointed|held|waved|aimed)\s+(?:a|his|her|the)\s+(?:gun|knife|rifle|pistol|"
                r"blade)\s+(?:at|to)\s+(?:me|my\s+(?:head|throat|chest))",
            ),
        ),
    ),
    # The writer is afraid of being hurt.
    Rule(
        "fear",
        "says the writer is afraid of being hurt",
        patterns=(
            # "I'm afraid he will hurt me tonight", "I'm scared my ex is going to kill me"
            P(
                "afraid scared terrified frightened fear worried petrified",
                r"\b(?:afraid|scared|terrified|frightened|fear|worried|petrified)\b[^.;!?]{0,40}?"
                rf"{AGENT}[^.;!?]{{0,30}}?\b(?:kill|hurt|hit|beat|attack|rape|strangle|choke|"
                r"shoot|stab|come\s+after)\s+me\b",
            ),
            P(
                "life safety",
                r"\b(?:fear|afraid|scared|terrified|frightened)\s+for\s+my\s+(?:life|safety)\b",
            ),
            P(
                "home",
                r"\b(?:afraid|scared|terrified|frightened)\s+to\s+go\s+(?:back\s+)?home\b",
            ),
            # "I don't feel safe at home" (the negation is the point: the rule is negatable
            # only by what comes before it)
            P(
                "safe",
                r"\b(?:don't|do\s+not|no\s+longer|never)\s+feel\s+safe\s+(?:at\s+home|in\s+my\s+"
                r"(?:own\s+)?(?:home|house|bed|room)|around\s+(?:him|her|them|my)|with\s+(?:him|"
                r"her|them|my))",
            ),
            P(
                "safe",
                r"\bi'm\s+not\s+safe\s+(?:at\s+home|here|with\s+(?:him|her|them|my)|in\s+my)",
            ),
        ),
    ),
    # Wanting to follow someone who died.
    Rule(
        "join",
        "reads as a wish to follow someone who died",
        context=_DEATH_CONTEXT,
        patterns=(
            # "I keep thinking I should join him", "I want to be with her again"
            P(
                "join",
                rf"{ME}(?:(?:want|wanted|need|wish\s+i\s+could|long|ready|going)\s+to\s+)?"
                r"(?:go\s+)?join(?:ing)?\s+(?:him|her|them|my\s+\w+)\b",
            ),
            P(
                "with follow",
                rf"{ME}(?:want|wanted|need|wish\s+i\s+could|long|ready|going)\s+to\s+(?:go\s+)?"
                r"(?:be\s+with|follow)\s+(?:him|her|them|my\s+\w+)\s+(?:again|in\s+heaven|"
                r"on\s+the\s+other\s+side|wherever|now)\b",
            ),
        ),
    ),
    # Saying risk has come back, where the text speaks of self-harm or suicide.
    Rule(
        "relapse",
        "says past self-harm or suicidal thinking has come back",
        negatable=False,
        context=_HARM_CONTEXT,
        patterns=(
            # "this week I started again", "I relapsed on Sunday"
            P(
                "relapsed again back",
                r"\bi(?:'ve|'m)?\s+(?:\w+\s+){0,2}?(?:relapsed|started\s+again|started\s+back|"
                r"been\s+doing\s+it\s+again|slipped\s+back|doing\s+it\s+again)\b",
            ),
            # "the thoughts have come back", "the urges are back"
            P(
                "back returned returning",
                r"\b(?:thoughts|urges|urge|feelings|cravings)\s+(?:have|are|came|'ve|'re|has|is)\s+"
                r"(?:\w+\s+)?(?:back|come\s+back|returned|returning)\b",
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------
# What cancels a match
# --------------------------------------------------------------------------------------

# Common phrases built from risk words that mean something else.
_IDIOMS = re.compile(
    r"kill(?:ing|ed)?\s+myself\s+(?:laughing|with\s+laughter)"
    r"|(?:die|died|dying)\s+(?:of|from)\s+(?:embarrassment|shame|laughter|boredom|cuteness|"
    r"jealousy|curiosity|envy)"
    r"|(?:die|died|dying)\s+laughing|to\s+die\s+for|dying\s+to\s+(?:see|know|meet|try|hear|tell)"
    # "That's a hill I'm prepared to die on", "I will die on this hill"
    r"|\bhill\s+(?:[\w']+\s+){0,4}?die\s+on\b|\bdie\s+on\s+(?:this|that|the\s+same)\s+hill"
    r"|could\s+(?:just\s+)?kill\s+myself\s+for"
    r"|kill\s+myself\s+(?:trying|working|over\s+(?:this|it|work))"
    r"|(?:do|did|does)n't\s+want\s+to\s+die\s+(?:alone|without|before)"
    r"|suicide\s+(?:squeeze|mission|run|doors?|drills?|sprints?|shifts?|pass|bid|king|"
    r"burpees|lines)"
    r"|kill\s+me\s+(?:when|if|once)\s+(?:she|he|they|my\s+\w+)\s+(?:sees?|finds?\s+out|hears?|"
    r"notices?|learns?|gets\s+the\s+bill)"
    r"|(?:going\s+to|gonna)\s+kill\s+me\s+(?:for|over)\s+(?:this|that|forgetting|being\s+late)"
    r"|cut\s+(?:myself|my\s+\w+)\s+(?:on|with|while|shaving|chopping|cooking|slicing)\s+"
    r"(?:a\s+|the\s+|some\s+)?(?:knife|glass|can|paper|tin|shaving|chopping|cooking|slicing|"
    r"onion|kitchen|razor\s+while|fence|nail|broken|bread|dinner|veg)"
    r"|burn(?:ed|t)?\s+(?:myself|my\s+\w+)\s+(?:on|with|while)\s+(?:the\s+|a\s+|some\s+)?"
    r"(?:stove|oven|pan|iron|kettle|grill|hob|tea|coffee|candle|curling|cooking|baking|"
    r"ironing|boiling|hot)"
    r"|hurt\s+myself\s+(?:at\s+the\s+gym|playing|lifting|running|skiing|falling|on\s+the|"
    r"moving|jogging|in\s+a\s+fall|exercising|training)"
    r"|(?:cut|burn\w*|hurt|hit)\s+(?:myself|my\s+\w+)\s+(?:\w+\s+){0,4}?(?:by\s+accident|"
    r"accidentally)\b|accidentally\s+(?:cut|burn\w*|hurt|hit)\b"
)

# Negators; and phrases that contain one but do not negate what follows.
_NEGATOR = re.compile(r"\b(?:not|never|no|nor|without|hardly)\b|n't\b")
_NOT_A_NEGATION = re.compile(
    r"\b(?:can't|couldn't|cannot)\s+(?:stop|help|shake|get\s+rid\s+of|seem\s+to\s+stop)"
    r"|\bnot\s+(?:sure|going\s+to\s+lie|gonna\s+lie|proud|a\s+day\s+goes\s+by|just)"
    r"|\bdon't\s+know\s+(?:if|whether|how|why|what)"
    r"|\bno\s+(?:one|matter|idea)|\bnobody\b|\bnever\s+(?:stop|stopped|ends?)\b"
    r"|\b(?:never|not|n't)\s+(?:told|tell|telling|said|say|mention|mentioned|admit|admitted|"
    r"know|knows|realize|realise|realized|realised|notice|noticed|understand|see|sees)\b"
    r"|\b(?:don't|doesn't|didn't|haven't|won't)\s+(?:tell|told|know|knows|notice|understand|"
    r"realize|realise|see|care|listen)\b"
    r"|\bi\s+(?:can't|couldn't)\s+(?:sleep|eat|breathe|cope|function)\b"
)

# Where a clause starts or ends, for negation.
_CLAUSE_BREAK = re.compile(
    r"[;:,\u2014\u2013()\"]|\s-\s|\b(?:but|and|or|so|because|though|although|yet|while|"
    r"whereas|except|however|since|until|unless|then)\b"
)
# Where a stretch of time starts or ends, for the past and recovery.
_TIME_BREAK = re.compile(
    r"[;:\u2014()]|\s-\s|\b(?:but|however|though|although|now|today|these\s+days|lately|"
    r"recently|and\s+then|yet|still)\b"
)

# A past-time cue in the same stretch as the match: what it describes is over.
_PAST = re.compile(
    r"\bused\s+to\b|\b(?:years|decades?|a\s+long\s+time|ages)\s+ago\b|\bwhen\s+i\s+was\b"
    r"|\bas\s+a\s+(?:kid|child|teen|teenager|young\s+\w+|student)\b|\bgrowing\s+up\b"
    r"|\bin\s+my\s+(?:teens|twenties|20s|thirties|30s|youth|early|late)\b"
    r"|\bback\s+(?:then|in\s+(?:high\s+school|school|college|university|the\s+day|(?:19|20)\d\d))"
    r"|\bin\s+(?:19|20)\d\d\b|\bin\s+the\s+past\b|\bonce\s+upon\b|\bas\s+a\s+young\b"
    r"|\bas\s+a\s+former\b"
    r"|\bbefore\s+(?:i\s+got\s+help|therapy|treatment|my\s+(?:recovery|diagnosis))"
    r"|\bat\s+(?:age\s+\d+|fifteen|sixteen|seventeen|fourteen|thirteen|nineteen)\b"
    # "I was suicidal at 19" (an age, not a time of day)
    r"|\bat\s+(?:1[0-9]|2[0-9])\b(?![:.]?\d|\s*(?:am|pm|o'clock)\b)"
    r"|\bin\s+(?:high\s+school|middle\s+school|college|university)\b|\bfor\s+years\s+as\b"
    r"|\bmy\s+(?:late|former)\s+(?:husband|wife|father|mother|partner)"
    r"|\bwhen\s+i\s+(?:felt|had|went\s+through|lived|first)\b"
)
# A present-time cue in the same stretch: whatever else it says, it is happening now.
_CURRENT = re.compile(
    r"\b(?:again|lately|recently|these\s+days|right\s+now|currently|tonight|last\s+night|"
    r"this\s+(?:week|morning|weekend|month|evening)|yesterday|today|still|relapsed|"
    r"every\s+(?:day|night))\b"
)
# Past-tense wording inside a match; with recovery talk after it, it is read as over.
_PAST_TENSE = re.compile(
    r"\b(?:used\s+to|was|were|had|did|tried|attempted|wanted|thought|felt|overdosed|planned|"
    r"self-harmed|cut|burned|burnt|hurt|hit|beat|abused|raped|choked|considered|"
    r"contemplated|dreamed|dreamt|wished)\b"
)
# Recovery talk ("clean for two years", "doing much better now").
_RECOVERY = re.compile(
    r"\bclean\s+(?:for|since)\b|\b(?:days|weeks|months|years)\s+clean\b|\bin\s+recovery\b"
    # "Better", not "better off": "they'd be so much better off without me" is the risk.
    r"|\brecovered\b|\b(?:doing|feel|feeling|am|i'm|much|so\s+much|a\s+lot)\s+(?:much\s+|so\s+"
    r"much\s+|a\s+lot\s+|way\s+)?better\b(?!\s+off\b)|\bdoing\s+(?:well|ok|okay|great|good|fine)\b"
    r"|\bgot\s+(?:help|treatment|better|through\s+it)\b|\btherapy\s+(?:helped|saved)\b"
    r"|\bsurvived\b|\b(?:glad|grateful|thankful|happy)\s+(?:i'm|i\s+am|to\s+be|i\s+stayed|"
    r"i\s+didn't)\b|\bhaven't\s+(?:cut|self-harmed|hurt\s+myself|had|felt|done)\b"
    r"|\bno\s+longer\b|\bhealing\b|\bsafe\s+now\b|\bother\s+side\s+of\s+it\b|\bnot\s+anymore\b"
    r"|\bhealthy\s+now\b|\bstable\s+now\b|\bmade\s+it\s+through\b"
    # "I'm 46 now", "eight years past that", "over a decade"
    r"|\bi'm\s+\d{2}\s+now\b|\b(?:\d+|[a-z]+)\s+years\s+(?:past\s+(?:that|it)|on|later|free)\b"
    r"|\bover\s+a\s+decade\b|\bthat\s+was\s+(?:\d+|[a-z]+)\s+years\s+ago\b"
    r"|\b(?:i'm|feeling|feel|doing)\s+(?:ok|okay|fine|good|alright|all\s+right|safe)\s+now\b"
)
# A relapse or an ongoing struggle, which turns a past match back into a present risk.
_RELAPSE = re.compile(
    r"\brelaps(?:e|ed|ing)\b|\b(?:started|starting|begun|began)\s+(?:again|back)\b"
    r"|\bdoing\s+it\s+again\b|\bback\s+to\s+(?:cutting|self-harm|hurting\s+myself|it|my\s+old)"
    r"|\b(?:urges?|thoughts?|feelings?|it)\s*(?:are|is|have|has|came|come|coming|'s|'re)\s+"
    r"(?:\w+\s+)?(?:back|returning|come\s+back)\b|\bhappening\s+again\b"
    # "the thoughts about suicide I had as a teenager are back"
    r"|\b(?:urges?|thoughts?|feelings?)\b[^.]{0,60}?\s(?:are|is|have|has|'ve|'re|'s)\s+"
    r"(?:\w+\s+)?(?:back|returning|come\s+back)\b"
    r"|\bagain\s+(?:lately|recently|this\s+week|last\s+night)\b"
    r"|\b(?:cut|cutting|hurt|hurting|burn|burning|burned)\s+(?:myself\s+)?again\b"
    r"|\b(?:want|wanting|thinking\s+about\s+it)\s+again\b"
    r"|\bstill\s+(?:do|doing|cut|cutting|hurt|hurting|burn|burning|want|wanting|think|thinking|"
    r"struggle|struggling|feel|feeling)\b"
)
# Reported speech just before a match: "she said 'I want to die'".
_REPORTED = re.compile(
    r"\b(?:he|she|they|my\s+[\w-]+|[a-z]+'s\s+[a-z]+|someone|somebody|people)\s+(?:\w+\s+)?"
    r"(?:said|says|told\s+(?:me|us|her|him)|tells\s+(?:me|us)|texted|wrote|posted|keeps\s+saying|"
    r"kept\s+saying|screamed|yelled|whispered|admitted|confessed|mentioned|asked|messaged|"
    r"announced|declared|informed\s+(?:me|us))"
    # "... she 'nothing to live for'" or "... (that) she has 'nothing to live for'"
    r"(?:,?\s*[\"']|:\s*[\"']?|\s+(?:that\s+)?(?:he|she|they)\s+(?:\w+\s+){0,2}[\"'])"
    r"[^\"]{0,60}$"
)

# --------------------------------------------------------------------------------------
# Reading a text
# --------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z]+")
# Every (rule, pattern) in order, and which of them each anchor word can wake up.
_ORDER: tuple[tuple[Rule, Pattern], ...] = tuple((r, p) for r in RULES for p in r.patterns)


def _index_words() -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for n, (_, pattern) in enumerate(_ORDER):
        for word in pattern.words:
            index.setdefault(word, []).append(n)
    return index


_BY_WORD = _index_words()
# Set to False to try every pattern on every sentence (a test compares both ways).
USE_WORD_FILTER = True


def _bounds(text: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The stretch around [start, end) up to the nearest breaks on either side."""
    left = 0
    for b in breaks.finditer(text, 0, start):
        left = b.end()
    after = breaks.search(text, end)
    return left, (after.start() if after else len(text))


def _negated(sentence: str, start: int, end: int) -> bool:
    """A negator between the start of the match's clause and the match ("I would never ...")."""
    clause_start, _ = _bounds(sentence, start, end, _CLAUSE_BREAK)
    window = sentence[max(clause_start, start - 60) : start]
    window = _NOT_A_NEGATION.sub(" ", window)
    return bool(_NEGATOR.search(window))


# An accident-shaped phrase made deliberate ("burned my arm on the hob on purpose") is no
# idiom.
_ON_PURPOSE = re.compile(ON_PURPOSE)


def _is_idiom(sentence: str, start: int, end: int) -> bool:
    if _ON_PURPOSE.search(sentence):
        return False
    return any(m.start() < end and m.end() > start for m in _IDIOMS.finditer(sentence))


# "If I were you / your husband / as pathetic as her, I'd kill myself": the writer's words
# put in someone else's place, a taunt; abuse (the toxicity check's business), not the
# writer's own risk. Not "if I were gone" or "if I weren't in the picture".
_TAUNT = re.compile(
    r"\bif\s+i\s+(?:were|was)\s+(?:you|u|him|her|them|your|ur|the|that|like|"
    r"as\s+\w+(?:\s+\w+)?\s+as)\b|\bif\s+i\s+(?:looked|sounded|acted|dressed|talked)\s+like\b"
)


def _is_reported(sentence: str, start: int) -> bool:
    return bool(_REPORTED.search(sentence[max(0, start - 80) : start]))


def _in_the_past(sentence: str, start: int, end: int, following: str) -> bool:
    """True when the match describes something over: a past cue, or past tense + recovery."""
    left, right = _bounds(sentence, start, end, _TIME_BREAK)
    stretch = sentence[left:right]
    if _CURRENT.search(stretch):
        return False
    if _PAST.search(stretch):
        return True
    return bool(
        _PAST_TENSE.search(sentence[start:end])
        and (_RECOVERY.search(sentence[end:]) or _RECOVERY.search(following))
    )


def _candidates(sentence: str) -> list[int]:
    """Positions in _ORDER of the patterns worth trying on this sentence, in order."""
    if not USE_WORD_FILTER:
        return list(range(len(_ORDER)))
    found: set[int] = set()
    for word in set(_WORD.findall(sentence)):
        hits = _BY_WORD.get(word)
        if hits:
            found.update(hits)
    return sorted(found)


def _scan(
    sentence: str, following: str, skip: frozenset[str]
) -> tuple[Rule | None, bool, str | None]:
    """The first rule that holds in this sentence, whether it held only via a relapse, and
    what cleared a match that did not hold ("idiom", "negation", "reported", "addressed",
    "past").

    `skip` names rules whose context the text lacks.
    """
    recovered: Rule | None = None
    cleared: str | None = None
    for n in _candidates(sentence):
        rule, pattern = _ORDER[n]
        if rule.name in skip:
            continue
        for m in pattern.regex.finditer(sentence):
            start, end = m.span()
            if _is_idiom(sentence, start, end):
                cleared = cleared or "idiom"
                continue
            if rule.negatable and _negated(sentence, start, end):
                cleared = cleared or "negation"
                continue
            if _is_reported(sentence, start):
                cleared = cleared or "reported"
                continue
            if _TAUNT.search(sentence, 0, start):
                cleared = cleared or "addressed"
                continue
            if _in_the_past(sentence, start, end, following):
                recovered = recovered or rule
                cleared = cleared or "past"
                continue
            return rule, False, None
    if recovered and (_RELAPSE.search(sentence) or _RELAPSE.search(following)):
        return recovered, True, None
    return None, False, cleared


# --------------------------------------------------------------------------------------
# The second opinion: similarity to labelled exemplar sentences
# --------------------------------------------------------------------------------------

# Set to False to run the rules alone (the figures test measures both).
USE_SIMILARITY = True

# The writer saying they are not at risk, in the clause that names the risk: "I'm not
# suicidal", "he has never laid a hand on me", "I have no intention of harming myself".
# Searched clause by clause (so "I can't sleep and I want to die" is no denial), after the
# phrases in _NOT_A_NEGATION ("no one would care", "can't stop") are taken out.
_DENIAL = re.compile(
    r"(?:\b(?:not|never|no|nor|without)|n't)\b[^;:,.!?]{0,50}?\b(?:suicid\w*|self-harm\w*"
    r"|(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning)\s+myself"
    r"|end(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all|anything|things|it)"
    r"|tak(?:e|ing)\s+my\s+(?:own\s+)?life|want(?:ing|ed)?\s+to\s+die|dying|danger|at\s+risk"
    r"|unsafe|(?:laid|lay|lays|put|raised|raise)\s+a\s+(?:hand|finger)|hit\s+me|hurt\s+me"
    r"|threaten(?:ed)?\s+me|do\s+anything\s+(?:stupid|drastic)|crossed\s+my\s+mind)"
)


# Idioms that the rules need not know (no rule pattern contains them) but that read, to a
# sentence embedding, much like violence: "I could kill for a coffee", "he hit me up".
_LOOSE_IDIOMS = re.compile(
    r"\b(?:kill|murder)\s+for\b|\bmurder\s+(?:a|an|some)\s+(?!\w*\s*(?:man|woman|person|"
    r"people|child|kid|boy|girl|guy))\w+|\bhit\s+(?:me|him|her|us|them)\s+up\b"
    r"|\blooks?\s+(?:that\s+)?(?:could|would)\s+(?:have\s+)?kill"
    r"|\bkill\s+(?:the\s+)?(?:lights?|engine|music|tv|radio|power|noise|mood|vibe)\b"
)


# Words aimed at someone else, with no word for the writer: "nobody would miss you", "go kill
# yourself". That is abuse (the toxicity check's business), never the writer's own risk.
_ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself|u|ur)\b", re.IGNORECASE)
_WRITER = re.compile(r"\b(?:i|i'm|im|me|my|mine|myself)\b", re.IGNORECASE)


def _guarded(sentence: str, following: str) -> str | None:
    """Why the similarity signal may not speak for this sentence, or None if it may.

    These are the rules' own judgements, applied to the whole sentence: similarity between
    sentence embeddings barely sees "not" or "used to", so it is never asked about a
    sentence that denies risk, uses a risky idiom, or tells of risk that is over (unless the
    text speaks of it coming back). Reports about other people have no guard of their own
    beyond the rules' (a quoted "I want to die"); the exemplars carry such reports as
    non-crisis.
    """
    if _IDIOMS.search(sentence) or _LOOSE_IDIOMS.search(sentence):
        return "idiom"
    if (_ADDRESSED.search(sentence) and not _WRITER.search(sentence)) or _TAUNT.search(sentence):
        return "addressed"
    cleaned = _NOT_A_NEGATION.sub(" ", sentence)
    if any(_DENIAL.search(clause) for clause in _CLAUSE_BREAK.split(cleaned)):
        return "negation"
    relapse = _RELAPSE.search(sentence) or _RELAPSE.search(following)
    if relapse:
        return None
    if _RECOVERY.search(sentence) or _RECOVERY.search(following):
        return "past"
    if _PAST.search(sentence) and not _CURRENT.search(sentence):
        return "past"
    return None


_STILL_AT_RISK = "describes past self-harm or risk that has come back or goes on"


@dataclass(frozen=True)
class Reading:
    """How one sentence was judged: by a rule, cleared, by similarity, or left open."""

    sentence: str  # as the writer wrote it
    signal: CrisisSignal | None = None  # set when the sentence is a crisis, by either signal
    cleared: str | None = None  # "idiom", "negation", "addressed", "reported" or "past"
    similarity: "SimilarityHit | None" = None  # the score, when similarity was asked


def read(text: str, similarity: bool | None = None) -> list[Reading]:
    """Every sentence of `text` with how it was judged, for evaluation and for moderators'
    tools. `similarity` overrides USE_SIMILARITY for this call."""
    if not text or not text.strip():
        return []
    use_similarity = USE_SIMILARITY if similarity is None else similarity
    originals = sentences(text)
    whole = normalise("\n".join(originals))
    normalised = whole.split("\n")
    if len(normalised) != len(originals):  # never expected; normalise one by one to be safe
        normalised = [normalise(s) for s in originals]
    skip = frozenset(r.name for r in RULES if r.context and not r.context.search(whole))
    readings: list[Reading] = []
    ask: list[int] = []
    for i, sentence in enumerate(normalised):
        following = normalised[i + 1] if i + 1 < len(normalised) else ""
        rule, still_at_risk, cleared = _scan(sentence, following, skip)
        if rule is not None:
            reason, name = (
                (_STILL_AT_RISK, "relapse") if still_at_risk else (rule.reason, rule.name)
            )
            readings.append(Reading(originals[i], signal=CrisisSignal(originals[i], reason, name)))
            continue
        cleared = cleared or _guarded(sentence, following)
        readings.append(Reading(originals[i], cleared=cleared))
        if not cleared:
            ask.append(i)
    if use_similarity and ask:
        # Imported here so that `import safety` stays pure Python until a text is read.
        from safety.crisis_similarity import flags, score

        for i, hit in zip(ask, score([originals[i] for i in ask]), strict=True):
            signal = CrisisSignal(originals[i], hit.reason, "similarity") if flags(hit) else None
            readings[i] = Reading(originals[i], signal=signal, similarity=hit)
    return readings


def find_crisis(text: str, similarity: bool | None = None) -> list[CrisisSignal]:
    """Sentences of `text` that signal danger to the writer, each with a short reason.

    The rules speak first; a sentence they neither flag nor clear is then compared with
    labelled exemplars (unless `similarity` is False, or USE_SIMILARITY is off).
    """
    return [r.signal for r in read(text, similarity) if r.signal is not None]
