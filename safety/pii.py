"""Finds identifying details in a reader's letter so that editors can anonymise it.

`find_pii(text)` returns character spans (emails, phones, links, social handles, long ID
numbers, dates, ages, people, places and employers); `highlight(text)` wraps them in `<mark>`
for the editor's view of a letter; `summarize(spans)` counts them for a one-line hint.

Everything runs on the server with `re` and three small word lists in `safety/data/`: no model,
no download, nothing leaves the machine. It is a hint for a human editor, not a guarantee:
it prefers to highlight a doubtful word over missing a real name, but names it has never seen
in a context it does not know (a surname alone, a small town without "in" or "from") slip by.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe

KINDS = (
    "person",
    "place",
    "employer",
    "age",
    "date",
    "email",
    "phone",
    "url",
    "handle",
    "id_number",
)

# When two candidate spans have the same length, the more specific kind wins.
_PRIORITY = {
    "email": 10,
    "url": 9,
    "phone": 8,
    "date": 7,
    "id_number": 6,
    "handle": 6,
    "age": 5,
    "employer": 4,
    "place": 3,
    "person": 2,
}

APOS = "'\u2019"  # straight and curly apostrophes


@dataclass(frozen=True)
class PiiSpan:
    start: int
    end: int
    kind: str
    text: str


# --- word lists -------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A set of space-separated words, with a curly-apostrophe twin of each ("I'm", "I\u2019m")."""
    words = text.split()
    return frozenset(words + [w.replace("'", "\u2019") for w in words])


_DATA = Path(__file__).resolve().parent / "data"


def _read_list(name: str) -> list[str]:
    entries = []
    for raw in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return entries


GIVEN_NAMES = frozenset(_read_list("given_names.txt"))
LOOKALIKES = dict(line.split() for line in _read_list("name_lookalikes.txt"))
_ALL_NAMES = GIVEN_NAMES | LOOKALIKES.keys()

_PLACE_ENTRIES = _read_list("places.txt")
PLACES = frozenset(p.lstrip("~") for p in _PLACE_ENTRIES)
# Places read as places only in a place context ("in Austin", "moved to Turkey").
CONTEXT_ONLY_PLACES = frozenset(
    p.lstrip("~") for p in _PLACE_ENTRIES if p.startswith("~") or p.lstrip("~") in _ALL_NAMES
)

US_STATE_CODES = _words(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
# State codes that are also common words: only with a ZIP code after them.
_WORDLIKE_STATE_CODES = _words("OK IN ME OR HI OH PA DE LA MA")

# --- vocabulary used by the rules --------------------------------------------------------------

_MONTHS_FULL = _words(
    "January February March April May June July August September October November December"
)
_DAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# Capitalised words that are never a person's name in a letter, whatever the context.
_NOT_NAMES = _words(
    """I I'm I'd I've I'll Im Ive He She They We You It His Her Hers Him Them Their Our My Your Its
    Me Us The A An This That These Those There Here Then Than And But Or Nor So Yet For If When
    While After Before Because Since Although Though Now Later Today Tonight Tomorrow Yesterday
    Everyone Everybody Someone Somebody Anyone Anybody Nobody No Not None One Each Every Both All
    Some Many Most Other Others Another People Who What Where Why How Which Whose Whom Yes Ok Okay
    Oh Hi Hello Hey Dear Thanks Thank Please Sorry Love Best Regards Sincerely Cheers Mom Mum Mommy
    Mummy Ma Dad Daddy Mother Father Grandma Grandpa Granny Nana Papa Mama Sis Bro Babe Baby
    Sweetie Doctor Doc Nurse Boss Sir Madam Officer Coach Teacher Professor Pastor Therapist God
    Lord Jesus Christ Allah Buddha Heaven Hell Bible Christmas Easter Thanksgiving Halloween
    Ramadan Eid Diwali Hanukkah Passover Valentine New Year Mr Mrs Ms Dr Miss Also Just Even Maybe
    Perhaps Still Well Again Sometimes Often Never Always Once Twice Instead Otherwise However
    Anyway Meanwhile Besides Plus Unfortunately Honestly Recently Lately Last Next First Second
    Third Finally Eventually Apparently Obviously Actually Basically Literally Edit Update PS
    Internet English Spanish French German Italian Chinese Japanese Korean Arabic Hindi American
    British Canadian Mexican Catholic Jewish Muslim Hindu Buddhist Protestant Baptist Methodist
    Mormon Black White Asian Latino Latina Latinx Hispanic Indian Native African European Covid
    Irish Scottish Welsh Nigerian Ghanaian Kenyan Pakistani Bangladeshi Filipino Filipina Vietnamese
    Polish Russian Ukrainian Brazilian Cuban Dominican Jamaican Haitian Greek Turkish Persian
    Iranian Arab Israeli Egyptian Somali Ethiopian Australian Agnostic Atheist Autistic
    Gay Lesbian Bisexual Trans Queer Straight Single Married Divorced Widowed Pregnant
    Therapy Dearly Anonymous Reader Editor Column Advice Help Hopeful Worried Tired Lost Confused
    Exhausted Heartbroken Frustrated Stuck Desperate Anxious Sad Angry Signed Sent Edited Note
    Nope Yeah Wow Well Sure Because Whatever Whenever Wherever Whoever Why Though Unless Until
    Across Around About Above Below Under Over Into Onto Upon Within Without Between Among
    Against Toward Towards During Except Like Unlike Despite Throughout Through Per Via"""
) | {m for m in _DAYS | _MONTHS_FULL if m not in LOOKALIKES}

# Platforms people mention all the time: never a person ("Google said"), possibly an employer.
_PLATFORMS = _words(
    "Facebook Instagram Twitter TikTok Snapchat WhatsApp Reddit Google Zoom Netflix"
)

_DETERMINERS = _words(
    "the a an this that these those his her my our your their its of some any every no"
)

# A person's title directly before a name ("Dr. Alvarez", "Mrs Patel").
_TITLES = _words(
    """Dr Mr Mrs Ms Mx Miss Mister Prof Professor Doctor Rev Reverend Pastor Father Fr Sister
    Brother Coach Judge Officer Detective Sgt Sergeant Captain Capt Lt Lieutenant Nurse Rabbi Imam
    Sheikh Sir Dame Madam Mme Mlle Herr Frau Senor Señor Señora Senora Sra"""
)
# Family titles used like a first name's prefix ("Aunt Carol", "Grandma Jo").
_KIN_TITLES = _words(
    """Aunt Auntie Aunty Uncle Cousin Grandma Grandpa Granny Grandad Granddad Grandmother
    Grandfather Nana Nanna Gran Abuela Abuelo Tia Tía Tio Tío Nonna Nonno Oma Opa Bibi Dadi Nani
    Baba"""
)

# Relationship words after which a capitalised word is a name ("my husband Tom").
_RELATIONS = _words(
    """husband wife partner spouse boyfriend girlfriend fiance fiancé fiancee fiancée son daughter
    child kid baby toddler teen teenager stepson stepdaughter brother sister sibling twin mother
    mom mum mommy mama father dad daddy papa stepmom stepmum stepmother stepdad stepfather
    grandmother grandma grandfather grandpa granny grandson granddaughter grandchild aunt auntie
    uncle cousin niece nephew friend bestie bff roommate flatmate housemate neighbor neighbour boss
    manager supervisor coworker co-worker colleague teammate classmate teacher tutor therapist
    counselor counsellor doctor dentist pastor priest rabbi imam coach landlord landlady tenant ex
    lover mentor mentee employee assistant student godmother godfather godson goddaughter
    mother-in-law father-in-law sister-in-law brother-in-law son-in-law daughter-in-law in-law
    in-laws sweetheart crush date babysitter nanny caregiver carer cat dog puppy kitten"""
)
_RELATION_PREFIXES = ("ex-", "step-", "half-", "great-", "x-")

# Verbs after a capitalised word that make it a person ("Priya said", "Will told me").
_SPEECH = _words(
    """said says told tells asked asks texted texts messaged emailed called calls yelled yells
    shouted screamed whispered replied replies insisted insists admitted admits promised promises
    laughed laughs cried cries wants wanted thinks thought knows knew keeps kept refuses refused
    cheated lied lies swears swore claims claimed agreed agrees apologized apologised apologizes
    apologises blamed blames hugged kissed married divorced dumped ghosted"""
)

# Words before "to <Place>" that make it a destination rather than a person ("moved to Austin").
_MOTION = _words(
    """moved move moves moving went go goes going gone flew fly flies flying drove drive drives
    driving travelled traveled travel travels traveling travelling trip trips relocated relocate
    relocating back way ticket tickets flight flights road commute commuted commuting came come
    comes coming returned return returning headed heading head visit visiting vacation holiday
    honeymoon transferred transfer emigrated immigrated out over down up here there"""
)
# Words before "from <X>" that make X a person rather than a place ("a text from Jordan").
_FROM_PERSON = _words(
    """heard hear hearing text texts message messages letter letters call calls email emails gift
    gifts note notes apology help support away advice permission"""
)

_STREET_SUFFIXES = _words(
    """Street St Avenue Ave Road Rd Boulevard Blvd Lane Ln Drive Dr Court Ct Place Pl Way Terrace
    Ter Circle Cir Parkway Pkwy Highway Hwy Close Crescent Square Sq Row Trail Alley Mews Grove
    Gardens"""
)

_ORG_SUFFIX_WORDS = (
    "Inc|LLC|Ltd|PLC|Corp|Corporation|Company|Co|Group|Holdings|Hospital|Clinic|Medical Center|"
    "Medical Centre|Health|Healthcare|University|College|School|Academy|Institute|Bank|"
    "Credit Union|Insurance|Airlines|Airline|Foundation|Church|Synagogue|Mosque|Temple|Partners|"
    "Associates|Labs|Lab|Laboratories|Technologies|Tech|Systems|Solutions|Software|Consulting|"
    "Pharmacy|Pharmaceuticals|Police Department|Fire Department|Department|Agency|Restaurant|"
    "Cafe|Caf\u00e9|Bakery|Diner|Grill|Market|Supermarket|Store|Stores|Motors|Logistics|Realty|"
    "Studio|Studios|Media|Press|Enterprises|Industries|Services|Manufacturing|Construction|"
    "Daycare|Preschool|Center|Centre|Gym|Fitness|Salon|Spa|Hotel|Resort|Dental|Publishing"
)
_ORG_SUFFIXES = frozenset(w.split()[0] for w in _ORG_SUFFIX_WORDS.split("|"))

# Words that do not make an organisation identifiable on their own ("High School").
_GENERIC_ORG = _words(
    """High Middle Elementary Primary Secondary Grade Junior Senior Community Public Private State
    National General Local Regional County City Medical Mental Support Catholic Christian Baptist
    Methodist Lutheran Evangelical Big Small New Old Main Central Business Nursing Law Graduate
    Grad Art Arts Music Dance Language Sunday Bible Women's Men's Children's Kids Family Online
    Free Open Police Fire Health Dental Day Night Summer Winter Boarding Home Care Cancer
    Veterans Military Army Navy Church Tech Group Department Center Centre"""
)

_NOT_ORG_WORDS = _NOT_NAMES | _GENERIC_ORG

_NOT_PLACES = _words(
    """Catholic Christian Jewish Muslim Hindu Buddhist English Spanish French German Italian Chinese
    Japanese Korean Arabic Hindi Therapy Church Heaven Hell Love Debt Limbo Denial Recovery Rehab
    College School University Hospital High Middle Elementary Grade Prison Jail Foster Care AA
    Vegas"""
)


# --- tokens (for the name rules) ----------------------------------------------------------------

_WORD = re.compile(rf"[^\W\d_]+(?:[{APOS}][^\W\d_]+)*(?:-[^\W\d_]+(?:[{APOS}][^\W\d_]+)*)*")
_SENTENCE_END = ".!?:;\n\r\u2026"
_SKIP_BACK = " \t\"'()[]*-_>\u201c\u201d\u2018\u2019\u2013\u2014"
_ABBREVIATIONS = _TITLES | {"St", "Mt", "Ft", "Jr", "Sr", "vs", "etc", "No"}


class _Tok:
    __slots__ = (
        "base",
        "base_end",
        "cap",
        "end",
        "initial",
        "lower",
        "possessive",
        "start",
        "text",
    )

    def __init__(self, match: re.Match, text: str, prev: _Tok | None):
        self.start, self.end = match.span()
        self.text = match.group()
        self.possessive = len(self.text) > 3 and self.text[-2] in APOS and self.text[-1] == "s"
        self.base = self.text[:-2] if self.possessive else self.text
        self.base_end = self.start + len(self.base)
        self.lower = self.text.lower()
        first = self.base[0]
        self.cap = first.isupper() and not (len(self.base) > 1 and self.base.isupper())
        self.initial = _starts_sentence(text, self.start, prev)


def _starts_sentence(text: str, start: int, prev: _Tok | None) -> bool:
    j = start - 1
    while j >= 0 and text[j] in _SKIP_BACK:
        j -= 1
    if j < 0:
        return True
    if text[j] not in _SENTENCE_END:
        return False
    if text[j] == "." and prev is not None and prev.end == j:
        # "Dr. Alvarez", "St. Louis", "John F. Kennedy": the full stop ends an abbreviation.
        return not (prev.base in _ABBREVIATIONS or (len(prev.base) == 1 and prev.base.isupper()))
    return True


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev = None
    for match in _WORD.finditer(text):
        prev = _Tok(match, text, prev)
        toks.append(prev)
    return toks


def _is_given(name: str) -> bool:
    return name in GIVEN_NAMES or ("-" in name and name.split("-", 1)[0] in GIVEN_NAMES)


def _relation(word: str) -> bool:
    for prefix in _RELATION_PREFIXES:
        if word.startswith(prefix):
            word = word[len(prefix) :]
    return word in _RELATIONS or word.rstrip("s") in _RELATIONS


def _gap(text: str, a: _Tok, b: _Tok) -> str:
    return text[a.end : b.start]


def _place_context(toks: list[_Tok], i: int) -> bool:
    """Whether the token at i follows words that introduce a place ("in", "moved to")."""
    words = [t.lower for t in toks[max(0, i - 4) : i]][::-1]  # nearest first
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return False
    prep, before = words[0], words[1:]
    if prep in {"in", "near", "outside", "around", "across", "visiting", "visited", "downtown"}:
        return True
    if prep == "to":
        return any(w in _MOTION for w in before[:2])
    if prep == "from":
        return not (before and before[0] in _FROM_PERSON)
    if prep == "of":
        return bool(before) and before[0] in {"city", "state", "town", "suburbs", "outskirts"}
    return False


# --- regular expressions ------------------------------------------------------------------------

_A = f"[{APOS}]"
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_EMAIL_SPELLED = re.compile(
    r"(?i)(?<![\w.+-])[a-z0-9._+-]+(?: dot [a-z0-9_+-]+){0,3}\s*(?:\(at\)|\[at\]|\sat\s)\s*"
    r"[a-z0-9-]+\s*"
    r"(?:\(dot\)|\[dot\]|\sdot\s)\s*(?:com|org|net|edu|gov|co\.uk|co|io|uk|us|ca)\b"
)
_TLDS = "com|org|net|edu|gov|io|co|uk|us|ca|au|de|fr|info|biz|app|dev|ly|me|tv|nz|ie|in"
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")
_BARE_DOMAIN = re.compile(
    rf"(?i)(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?![.@]\w)"
    r"(?:/[^\s<>\"']*)?"
)
_HANDLE = re.compile(r"(?<![\w@.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_REDDIT_USER = re.compile(r"(?<![\w/])u/[A-Za-z0-9_-]{3,20}\b")

_EXT = r"(?:\s*(?:ext\.?|x)\s*\d{1,5})?"
_PHONES = [
    # (555) 123-4567, +1 (555) 123 4567
    re.compile(rf"(?<![\w+])(?:\+?1[\s.-]?)?\(\d{{3}}\)\s*\d{{3}}[\s.-]?\d{{4}}(?!\d){_EXT}"),
    # 555-123-4567, 555.123.4567, 555 123 4567, +1 555 123 4567
    re.compile(rf"(?<![\w+.-])(?:\+?1[\s.-])?\d{{3}}([\s.-])\d{{3}}\1\d{{4}}(?![\d-]){_EXT}"),
    # +44 20 7946 0958, +91 98765 43210, +33 1 23 45 67 89, +49 (0)30 123456
    re.compile(rf"(?<![\w+])\+\d{{1,3}}(?:[ .-]?\(?\d{{1,5}}\)?){{2,6}}(?!\d){_EXT}"),
    # 020 7946 0958, 07700 900123
    re.compile(r"(?<![\w+.-])0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}(?![\d-])"),
    # 555-1234
    re.compile(r"(?<![\w+.-])\d{3}-\d{4}(?![\d-])"),
]
_PHONE_CUE = re.compile(
    r"(?i)\b(?:call|text|phone|cell|mobile|number|reach me|whatsapp|tel|ph)\b[^\n\d]{0,15}"
    r"(\+?\d{10,12})(?!\d)"
)

_ID_NUMBERS = [
    # 123-45-6789 (social security shaped)
    re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])"),
    # 4111 1111 1111 1111, 12-3456-78, AB-1234-5678
    re.compile(
        r"(?<![\w$\u00a3\u20ac#.,/-])(?:[A-Z]{1,3}-)?\d{2,}(?:[ -]\d{2,}){1,5}(?![\w.,/-]?\d)"
    ),
    # D1234567, 123456789
    re.compile(r"(?<![\w$\u00a3\u20ac#.,/-])(?:[A-Z]{1,3}-?)?\d{6,}(?![\w.,/]?\d)"),
    # UK National Insurance number
    re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"),
]
_ID_CUE = re.compile(
    r"(?i)\b(?:case|account|acct|policy|claim|member|patient|employee|student|licen[cs]e|id|"
    r"reference|ref|order|badge|passport|ssn|sin|nhs|file|ticket|invoice|booking|confirmation)\s*(?:number|no\.?|num|#)?\s*[:#]?\s*"
    r"(?-i:([A-Z0-9][A-Z0-9-]{3,}))\b"
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|january|february|april|june|july|august|september|october|november|december"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )"
_DATES = [
    re.compile(rf"\b{_WEEKDAY}?{_MONTH} {_DAY}\b(?:,? {_YEAR}\b)?(?![\d:%]|\s*(?:%|percent))"),
    re.compile(rf"\b{_WEEKDAY}?(?:the )?{_DAY}(?: of)? {_MONTH}(?:,? {_YEAR}\b)?"),
    re.compile(rf"\b{_MONTH},? {_YEAR}\b"),
    re.compile(r"(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/.-]?\d)"),
    re.compile(r"(?<![\d/.-])(?:19|20)\d{2}-[01]\d-[0-3]\d(?![\d/.-]?\d)"),
    re.compile(r"(?i)\b(?:on|since|until|by|before|after) (?P<v>\d{1,2}/\d{1,2})(?![\d/])"),
    re.compile(rf"(?i)\bborn (?:in |on )?(?P<v>{_YEAR})\b"),
    re.compile(rf"(?i)\bclass of (?P<v>{_YEAR})\b"),
]

_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen)"
)
_AGE_NUM = rf"(?:\d{{1,3}}|{_NUMWORD})"
_OLD = r"(?:\s*(?:years?|yrs?)[ -]old|\s*y/?o\b|\s*y\.o\.)"
# What may follow "I'm 34" for it to be an age rather than "I'm 5 minutes away".
_AGE_END = (
    r"(?=\s*(?:$|[.,;:!?)\]\u2014\u2013]|-(?!\d)|\s(?:and|but|so|now|with|in|too|as|when|myself|"
    r"this|next|last|soon|today|already|going|turning|or|if|yet|years? old|yrs? old|and)\b))"
)
_AGES = [
    re.compile(
        rf"(?i)\b(?:I{_A}m|I am|Im|he{_A}s|he is|she{_A}s|she is|they{_A}re|they are|he was|"
        rf"we{_A}re|we are|and I are|"
        rf"she was|I was|who is|who{_A}s|turned|turning|turns|aged?|at age|at the age of)\s+"
        rf"(?:only |just |almost |nearly |now |about |barely |finally )?"
        rf"({_AGE_NUM}{_OLD}?){_AGE_END}"
    ),
    re.compile(rf"(?i)\b({_AGE_NUM}[- ](?:years?|yrs?|months?)[- ]old)\b"),
    re.compile(rf"(?i)\b({_AGE_NUM} ?(?:yo|y/o))\b"),
    re.compile(r"[(\[]\s*(\d{1,2}\s*[/,]?\s*(?:[MFmf]|NB|nb|[Mm]ale|[Ff]emale))\s*[)\]]"),
    re.compile(r"[(\[]\s*((?:[MFmf]|NB|nb)\s*[/,]?\s*\d{1,2})\s*[)\]]"),
    re.compile(r"(?<![\w$\u00a3\u20ac#.])(\d{2}[MF])(?![\w])"),
    re.compile(
        r"(?i)\bin (?:my|his|her|their|our|your) ((?:(?:early|mid|late)[- ]?)?"
        r"(?:\d0[\u2019']?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
    ),
]
# "came to Houston at 12", "got married at 19": an age at a life event, not a time of day.
_AGE_AT_EVENT = re.compile(
    r"(?i)\b(?:moved|came|emigrated|immigrated|arrived|left home|married|got pregnant|"
    r"had (?:my|our|a|her|his) (?:first )?(?:son|daughter|baby|child|kid)|lost (?:my|our|her|his)"
    r" \w+|diagnosed|adopted|dropped out|started|retired|widowed)\b[^.!?\n]{0,60}?"
    r"(?<!there)(?<!here)(?<!home)(?<!work)(?<!school)(?<!back)(?<!bed)(?<!up) at (\d{1,2})"
    r"(?=[.,;!?]|\s(?:and|but|when|after|so|because)\b)"
)
_AGE_AFTER_WORD = re.compile(
    rf"(?<![\w{APOS}-])([^\W\d_][\w{APOS}-]*)\s*(?:\(\s*(\d{{1,2}})\s*\)|,\s*(\d{{1,2}}),"
    rf"|(?: is| was| turned| turns| just turned) (\d{{1,2}}){_AGE_END})"
)

# Organisations.
_ORG_WORD = rf"(?:(?:St|Mt|Ft)\.|[A-Z][\w{APOS}&-]*\w)"
_ORG_SEQ = rf"{_ORG_WORD}(?: (?:(?:of|and|for|de|the)(?: the)? |& ){{0,1}}{_ORG_WORD}){{0,5}}"
_WORK_CUE = (
    r"(?:work|works|worked|working|job|jobs|employed|employer|hired|fired|laid off|let go|"
    r"intern|interned|interning|internship|volunteer|volunteers|volunteered|volunteering|"
    r"position|career|shift|shifts|contract|contracted|contracting)"
)
_ROLE = (
    r"(?:nurse|teacher|manager|engineer|developer|designer|analyst|accountant|cashier|barista|"
    r"server|waiter|waitress|bartender|driver|doctor|physician|surgeon|resident|lawyer|attorney|"
    r"paralegal|receptionist|secretary|assistant|consultant|professor|lecturer|researcher|"
    r"scientist|pharmacist|technician|mechanic|electrician|plumber|clerk|officer|firefighter|"
    r"paramedic|chef|cook|janitor|custodian|librarian|counsell?or|social worker|coach|pastor|"
    r"employee|staffer|associate|director|executive|supervisor|student|trainee|apprentice|"
    r"partner|CEO|CFO|CTO|VP|principal|administrator|admin|rep|representative|agent|banker|"
    r"broker|editor|reporter|writer|programmer|dentist|hygienist|therapist|aide|caregiver|carer)"
)
_EMPLOYERS = [
    re.compile(
        rf"(?i:\b(?:{_WORK_CUE}|{_ROLE}s?)\s+(?:[a-z0-9-]+\s+){{0,2}}(?:at|for|with|from|by)\s+)"
        rf"(?:the )?({_ORG_SEQ})"
    ),
    re.compile(rf"(?i:\b(?:quit|joined)\s+)(?:the )?({_ORG_SEQ})"),
    re.compile(
        rf"(?i:\bat\s+)(?:the )?({_ORG_SEQ}),? (?i:where (?:I|we|he|she|they|my \w+)"
        r"(?: still| also| used to)? (?:work|works|worked|am employed|was employed))"
    ),
    re.compile(
        rf"(?<![\w.&{APOS}-])((?:{_ORG_SEQ} )(?:{_ORG_SUFFIX_WORDS})\b"
        r"(?:(?:(?<=Inc)|(?<=Ltd)|(?<=Corp)|(?<=Co))\.)?)(?!\w)"
    ),
    re.compile(
        rf"\b((?:University|Bank|College|Institute|Church|Department|Bureau|Ministry|Museum|"
        rf"Hospital|School) (?:of|for) (?:the )?{_ORG_SEQ})"
    ),
]

# Places.
_PLACE_WORD = rf"[A-Z][\w{APOS}.-]*\w"
_PLACE_SEQ = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}}"
_PLACE_CUE = re.compile(
    rf"(?i:\b(?:live|lives|lived|living|grew up|raised|born|moved|moving|move|relocated|"
    rf"relocating|based|reside|resides|resided|residing|settled|hometown(?: is)?|"
    rf"(?:I{_A}m|I am|we{_A}re|we are|he{_A}s|she{_A}s|he is|she is|they{_A}re|they are|"
    rf"originally|come|comes|came) from)\s+(?:(?:here |out |back |down |up |over )?"
    rf"(?:in|to|near|outside(?: of)?|just outside(?: of)?)\s+)?)(?:the )?({_PLACE_SEQ})"
)
_CITY_STATE = re.compile(
    rf"(?<![\w.{APOS}-])({_PLACE_SEQ}), ([A-Z]{{2}})\b(?: (\d{{5}}(?:-\d{{4}})?))?(?![\w.]\w)"
)
_STREET = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]? (?:[NSEW]\.? |North |South |East |West )?"
    rf"(?:[A-Z0-9][\w{APOS}-]* ){{0,3}}(?:[A-Z][\w{APOS}-]*|\d+(?:st|nd|rd|th)) "
    rf"(?:{'|'.join(sorted(_STREET_SUFFIXES, key=len, reverse=True))})\b\.?"
    rf"(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.? ?#?\d+[A-Za-z]?\b)?"
)
_STREET_NAMED = re.compile(
    rf"\b(?:on|off|at|near) (?P<v>(?:[A-Z][\w{APOS}-]* ){{1,2}}"
    r"(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Crescent|Parkway))\b"
)
_APARTMENT = re.compile(
    r"\b(?:Apt|Apartment|apartment|apt|Suite|Ste|Unit|Flat)\.? ?#? ?\d+[A-Za-z]?\b"
    r"|\b(?:unit|flat) ?#? ?\d+[A-Za-z]\b"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
_PO_BOX = re.compile(r"(?i)\bP\.? ?O\.? Box \d+\b")
_BARE_NUMBER = re.compile(r"(?<![\w$\u00a3\u20ac#.,/-])(\d{2})(?![\w%.,/]?\d|\w)")


def _place_pattern() -> re.Pattern:
    names = sorted(PLACES, key=len, reverse=True)
    body = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w.-])(?:{body})(?![\w-]|\.\w)")


_PLACE_NAMES = _place_pattern()


# --- the finder ---------------------------------------------------------------------------------


class _Collector:
    def __init__(self, text: str):
        self.text = text
        self.spans: list[tuple[int, int, str]] = []

    def add(self, start: int, end: int, kind: str) -> None:
        # Trim whitespace and trailing punctuation that a pattern may have swallowed.
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if end > start:
            self.spans.append((start, end, kind))


def find_pii(text: str) -> list[PiiSpan]:
    """Likely identifying details in `text`, as non-overlapping spans sorted by position."""
    if not text or not text.strip():
        return []
    found = _Collector(text)
    toks = _tokenize(text)
    by_start = {t.start: i for i, t in enumerate(toks)}
    _find_contacts(text, found)
    _find_numbers(text, found)
    _find_dates(text, found)
    _find_employers(text, found)
    places = _find_places(text, toks, by_start, found)
    _find_ages(text, places, found)
    _find_people(text, toks, found)
    return _resolve(text, found.spans)


def _resolve(text: str, candidates: Iterable[tuple[int, int, str]]) -> list[PiiSpan]:
    """Keep the longest (then most specific) of overlapping candidates."""
    ordered = sorted(set(candidates), key=lambda c: (c[0] - c[1], -_PRIORITY[c[2]], c[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in ordered:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, kind))
    kept.sort()
    return [PiiSpan(s, e, k, text[s:e]) for s, e, k in kept]


def _find_contacts(text: str, found: _Collector) -> None:
    for m in _EMAIL.finditer(text):
        found.add(*m.span(), "email")
    for m in _EMAIL_SPELLED.finditer(text):
        found.add(*m.span(), "email")
    for pattern in (_URL, _BARE_DOMAIN):
        for m in pattern.finditer(text):
            start, end = m.span()
            url = text[start:end]
            while (url and url[-1] in ".,;:!?'\"]}") or (url.endswith(")") and "(" not in url):
                url = url[:-1]
            found.add(start, start + len(url), "url")
    for pattern in (_HANDLE, _REDDIT_USER):
        for m in pattern.finditer(text):
            found.add(*m.span(), "handle")
    for pattern in _PHONES:
        for m in pattern.finditer(text):
            digits = sum(c.isdigit() for c in m.group())
            if 7 <= digits <= 15:
                found.add(*m.span(), "phone")
    for m in _PHONE_CUE.finditer(text):
        found.add(*m.span(1), "phone")


def _find_numbers(text: str, found: _Collector) -> None:
    for pattern in _ID_NUMBERS:
        for m in pattern.finditer(text):
            value = m.group()
            digits = sum(c.isdigit() for c in value)
            groups = re.split(r"[ -]", value)
            if " " in value and digits < 9:
                continue  # "2019 2020", "10 12 14": runs of small numbers, not an ID
            if len(groups) == 2 and all(re.fullmatch(_YEAR, g) for g in groups):
                continue  # "2019-2020"
            if digits >= 6 or pattern is _ID_NUMBERS[0] or pattern is _ID_NUMBERS[3]:
                found.add(*m.span(), "id_number")
    for m in _ID_CUE.finditer(text):
        if sum(c.isdigit() for c in m.group(1)) >= 4:
            found.add(*m.span(1), "id_number")


def _find_dates(text: str, found: _Collector) -> None:
    for pattern in _DATES:
        for m in pattern.finditer(text):
            span = m.span("v") if "v" in pattern.groupindex else m.span()
            value = text[span[0] : span[1]]
            numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d+)?", value)
            if numeric:
                a, b = int(numeric.group(1)), int(numeric.group(2))
                if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
                    continue
            found.add(*span, "date")


def _org_ok(org: str) -> bool:
    words = [w.rstrip(".") for w in org.split() if w not in {"of", "and", "for", "on", "de", "the"}]
    words = [w for w in words if w != "&"]
    if not words or words[0] in _TITLES or words[0] in _KIN_TITLES:
        return False
    first = _strip_possessive(words[0])
    if (len(words) == 1 and first in LOOKALIKES) or (len(words) <= 2 and _is_given(first)):
        return False  # "work for Tom", "work for Will", "work for Tom Ford": a person
    meaningful = [
        w for w in words if w not in _GENERIC_ORG and _strip_possessive(w) not in _NOT_ORG_WORDS
    ]
    return bool(meaningful) and not all(w in _ORG_SUFFIXES for w in meaningful)


def _strip_possessive(word: str) -> str:
    return word[:-2] if len(word) > 3 and word[-2] in APOS and word[-1] == "s" else word


def _trim_org(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading sentence words ("The", "When") and trailing non-name words ("Monday")."""
    value = text[start:end]
    words = value.split(" ")
    while words and words[0] in _NOT_NAMES:
        start += len(words[0]) + 1
        words.pop(0)
    while words and (
        words[-1] in _NOT_NAMES or words[-1] in {"of", "and", "for", "on", "de", "the", "&"}
    ):
        end -= len(words[-1]) + 1
        words.pop()
    return start, max(start, end)


def _find_employers(text: str, found: _Collector) -> None:
    for pattern in _EMPLOYERS:
        for m in pattern.finditer(text):
            start, end = _trim_org(text, *m.span(1))
            org = text[start:end]
            if end > start and _org_ok(org):
                found.add(start, end, "employer")


def _find_places(
    text: str, toks: list[_Tok], by_start: dict[int, int], found: _Collector
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        spans.append((start, end))
        found.add(start, end, "place")

    known = list(_PLACE_NAMES.finditer(text))
    for m in known:
        name = m.group()
        i = by_start.get(m.start())
        if name in CONTEXT_ONLY_PLACES and (
            i is None or toks[i].possessive or not _place_context(toks, i)
        ):
            continue  # "Turkey dinner", "I talked to Austin", "went to Jordan's house"
        if name == "US" and not text[max(0, m.start() - 4) : m.start()].endswith("the "):
            continue
        add(*m.span())
    for m in _PLACE_CUE.finditer(text):
        start, end = m.span(1)
        words = text[start:end].split(" ")
        while words and (words[-1] in _NOT_NAMES or words[-1] in _NOT_PLACES):
            end -= len(words.pop()) + 1
        first = words[0] if words else ""
        if (
            not first
            or first in _NOT_NAMES
            or first in _NOT_PLACES
            or (_is_given(_strip_possessive(first)) and first not in PLACES)
            or first in LOOKALIKES
        ):
            continue
        add(start, end)
    for m in _CITY_STATE.finditer(text):
        city, code, zip_code = m.group(1), m.group(2), m.group(3)
        first = city.split(" ")[0]
        if code not in US_STATE_CODES or first in _NOT_NAMES or _is_given(first):
            continue
        if code in _WORDLIKE_STATE_CODES and not zip_code and city not in PLACES:
            continue
        add(*m.span())
    for m in known:
        # "Tulsa, Oklahoma": an unknown town followed by a known state or country.
        before = text[max(0, m.start() - 40) : m.start()]
        town = re.search(rf"({_PLACE_SEQ}), $", before)
        if town and m.group() in PLACES and m.group() not in CONTEXT_ONLY_PLACES:
            first = town.group(1).split(" ")[0]
            if first not in _NOT_NAMES and not _is_given(first) and first not in LOOKALIKES:
                add(m.start() - len(before) + town.start(1), m.end())
    for pattern in (_STREET, _STREET_NAMED, _APARTMENT, _POSTCODE, _PO_BOX):
        for m in pattern.finditer(text):
            start, end = m.span("v") if "v" in pattern.groupindex else m.span()
            if pattern is _STREET:
                last = text[start:end].rstrip(".").rsplit(" ", 1)[-1]
                if last in {"St", "Dr"} and re.match(r"\.? [A-Z][a-z]", text[end : end + 20]):
                    continue  # "12 St. Mary's", "2 Dr Smith": a saint or a doctor
                if text[end - 1] == "." and len(last) > 4:
                    end -= 1  # "123 Oak Street." ends a sentence; "Oak St." keeps its dot
            add(start, end)
    return spans


def _find_ages(text: str, places: list[tuple[int, int]], found: _Collector) -> None:
    for pattern in _AGES:
        for m in pattern.finditer(text):
            value = m.group(1)
            number = re.search(r"\d+", value)
            if number and not 1 <= int(number.group()) <= 119:
                continue
            found.add(*m.span(1), "age")
    for m in _AGE_AT_EVENT.finditer(text):
        found.add(*m.span(1), "age")
    for m in _AGE_AFTER_WORD.finditer(text):
        word = _strip_possessive(m.group(1))
        if word in {"I", "me", "myself"} or _relation(word.lower()) or word in _ALL_NAMES:
            group = next(g for g in (2, 3, 4) if m.group(g))
            found.add(*m.span(group), "age")
    # A bare number right next to a place reads as an age: "34, Chicago", "Denver (29)".
    for start, end in places:
        before = text[max(0, start - 30) : start]
        near = re.search(
            r"(?<![\w$#.,/-])(\d{2})(?:\s*[,/(\-]\s*|\s+(?:and |from |in |living in |based in |"
            r"out of |near ))$",
            before,
        )
        if near and 13 <= int(near.group(1)) <= 99:
            offset = start - len(before)
            found.add(offset + near.start(1), offset + near.end(1), "age")
        after = _BARE_NUMBER.match(text[end : end + 8].lstrip(" ,(/-"))
        if after and 13 <= int(after.group(1)) <= 99:
            gap = len(text[end : end + 8]) - len(text[end : end + 8].lstrip(" ,(/-"))
            if text[end : end + gap].strip():  # "Chicago, 34" but not "Chicago 2024"
                found.add(end + gap, end + gap + 2, "age")


def _find_people(text: str, toks: list[_Tok], found: _Collector) -> None:
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        span = _person_at(text, toks, i) if tok.cap else None
        if span is None:
            i += 1
            continue
        start, last = span
        end, last = _extend_name(text, toks, last)
        found.add(start, end, "person")
        i = last + 1


def _person_at(text: str, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """(start offset, index of the name token) when the token at i is a person's name."""
    tok = toks[i]
    name = tok.base
    if name in _NOT_NAMES or name in _PLATFORMS or name in _TITLES or name in _KIN_TITLES:
        return None
    if len(name) < 2:
        return None
    prev = toks[i - 1] if i > 0 else None
    prev2 = toks[i - 2] if i > 1 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    gap_before = _gap(text, prev, tok) if prev else ""
    gap_after = text[tok.base_end : nxt.start] if nxt else ""
    spaced_after = nxt is not None and not tok.possessive and gap_after.strip() == ""
    spaced_after = spaced_after and "\n" not in gap_after

    # Strong context: the words around it say it is a person.
    if prev and prev.cap and gap_before in {" ", ". "} and prev.base in _TITLES:
        return prev.start, i
    if prev and prev.cap and gap_before == " " and prev.base in _KIN_TITLES:
        return prev.start, i
    if prev and gap_before in {" ", ", "} and _relation(prev.lower):
        return tok.start, i
    if prev and gap_before == " " and prev.lower in {"named", "called", "nicknamed", "christened"}:
        return tok.start, i
    if prev and gap_before == " " and prev.lower in {f"name{a}s" for a in APOS}:
        return tok.start, i
    if prev2 and prev.lower in {"is", "was"} and prev2.lower == "name" and gap_before == " ":
        return tok.start, i
    if prev2 and prev.lower == "as" and prev2.lower == "known":
        return tok.start, i
    if prev2 and prev.lower == "by" and prev2.lower in {"goes", "go", "went"}:
        return tok.start, i
    if prev2 and prev.lower == "me" and prev2.lower in {"call", "calls", "called"}:
        return tok.start, i  # "everyone calls me Ola"
    introduces_self = prev and (
        prev.text in {"I'm", "I\u2019m"}
        or (prev.lower == "am" and prev2 is not None and prev2.text == "I")
    )
    if introduces_self and gap_before == " " and name not in PLACES and name not in LOOKALIKES:
        return tok.start, i  # "I'm Priyanka", but not "I'm Catholic" (see _NOT_NAMES)
    after_copula = prev is not None and (
        prev.lower in {"am", "is", "are", "was", "were", "be", "been", "being"}
        or prev.lower.endswith(("'m", "\u2019m", "'re", "\u2019re"))
    )
    if not after_copula and _appositive_relation(text, tok, toks, i):
        return tok.start, i  # "Grace, my daughter, wants..."

    known = _is_given(name) or name in LOOKALIKES
    follows_speech = spaced_after and nxt.lower in _SPEECH
    and_i = (
        spaced_after
        and nxt.lower == "and"
        and i + 2 < len(toks)
        and toks[i + 2].text in {"I", "me", "myself", "I\u2019ve", "I've"}
    )
    if name in CONTEXT_ONLY_PLACES and not tok.possessive and _place_context(toks, i):
        return None  # "in Austin": left to the place rules
    if follows_speech or and_i:
        if known:
            return tok.start, i
        if not tok.initial and prev is not None and prev.lower not in _DETERMINERS:
            return tok.start, i  # "when Zeph said": an unknown name, but clearly a person
        return None
    if _is_given(name):
        return tok.start, i
    kind = LOOKALIKES.get(name)
    if kind is None or kind == "month":
        return None
    if tok.possessive:
        return tok.start, i  # "Will's car", "Grace's mother"
    if kind == "word" and spaced_after and nxt.lower in {"is", "was", "has", "had"}:
        return tok.start, i  # "Will is", "Bill was"; not "Hope is", "May is"
    if tok.initial or prev is None or prev.lower in _DETERMINERS:
        return None
    if prev.cap and not _is_given(prev.base) and "\n" not in gap_before:
        return None  # inside a capitalised phrase: "Amazing Grace", "God's Grace"
    if (
        nxt
        and nxt.cap
        and spaced_after
        and (nxt.base in _STREET_SUFFIXES or nxt.base in _ORG_SUFFIXES)
    ):
        return None  # "Hope Street", "Grace Church"
    return tok.start, i  # capitalised mid-sentence: "I asked Will to leave"


def _appositive_relation(text: str, tok: _Tok, toks: list[_Tok], i: int) -> bool:
    """Whether the token is followed by ", my sister" or ", her boss" and the like."""
    if i + 2 >= len(toks) or text[tok.end : toks[i + 1].start] != ", ":
        return False
    owner, relation = toks[i + 1], toks[i + 2]
    return (
        owner.lower in {"my", "our", "his", "her", "their", "your"}
        and _gap(text, owner, relation) == " "
        and _relation(relation.lower)
    )


_PARTICLES = _words("de da van von der del della di le la bin ibn al el")


def _extend_name(text: str, toks: list[_Tok], i: int) -> tuple[int, int]:
    """Extend a first name over a surname ("Priya Sharma", "John F. Kennedy", "Ana de Souza")."""
    tok = toks[i]
    end, last = tok.base_end, i
    if tok.possessive:
        return end, last
    added = 0
    j = i + 1
    while j < len(toks) and added < 3:
        prev, cur = toks[j - 1], toks[j]
        gap = _gap(text, prev, cur)
        initial = len(prev.base) == 1 and prev.base.isupper() and j - 1 > i
        if not (gap == " " or (initial and gap == ". ")):
            break
        if cur.lower in _PARTICLES and j + 1 < len(toks) and toks[j + 1].cap:
            j += 1
            continue
        if not cur.cap or cur.base in _NOT_NAMES or cur.base in PLACES:
            break
        if cur.base in _STREET_SUFFIXES or cur.base in _ORG_SUFFIXES or cur.base in _GENERIC_ORG:
            break
        if cur.base in LOOKALIKES and LOOKALIKES[cur.base] == "month":
            break
        end, last = cur.base_end, j
        added += 1
        j += 1
        if cur.possessive:
            break
    return end, last


# --- presentation --------------------------------------------------------------------------------


def highlight(text: str) -> SafeString:
    """The letter as escaped HTML with each identifying detail wrapped in a `<mark>`.

    Every character of the letter is escaped, inside marks too; newlines are kept as they are
    (the template shows the letter with `white-space: pre-wrap`).
    """
    pieces, cursor = [], 0
    for span in find_pii(text):
        kind = html.escape(span.kind, quote=True)
        pieces.append(html.escape(text[cursor : span.start], quote=True))
        pieces.append(f'<mark class="pii pii-{kind}" title="{kind}">')
        pieces.append(html.escape(text[span.start : span.end], quote=True))
        pieces.append("</mark>")
        cursor = span.end
    pieces.append(html.escape(text[cursor:], quote=True))
    return mark_safe("".join(pieces))  # every piece of the letter is escaped above


def summarize(spans: Iterable[PiiSpan]) -> dict[str, int]:
    """How many spans of each kind, in the order of `KINDS`, leaving out kinds not found."""
    counts = Counter(span.kind for span in spans)
    return {kind: counts[kind] for kind in KINDS if counts[kind]}


_LABELS = {
    "person": ("name", "names"),
    "place": ("place", "places"),
    "employer": ("employer", "employers"),
    "age": ("age", "ages"),
    "date": ("date", "dates"),
    "email": ("email address", "email addresses"),
    "phone": ("phone number", "phone numbers"),
    "url": ("link", "links"),
    "handle": ("social handle", "social handles"),
    "id_number": ("ID number", "ID numbers"),
}


def describe(counts: dict[str, int]) -> str:
    """A short hint for editors, such as "3 names, 1 employer" ("" when nothing was found)."""
    parts = []
    for kind, count in counts.items():
        singular, plural = _LABELS.get(kind, (kind, kind))
        parts.append(f"{count} {singular if count == 1 else plural}")
    return ", ".join(parts)
