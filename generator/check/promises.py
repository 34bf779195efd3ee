"""HD501's grammar: a promise to remove hip dips, however it is worded, and what excuses one.

A promise is a removal verb or idiom with hip dips as what goes ("get rid of
hip dips", "smooth out the dip in your hips", "say goodbye to hip dips"), hip
dips as what goes away ("your hip dips will vanish", "hip dips can be filled
in", "hip dips, gone in 30 days"), or a slogan ("no more hip dips", "dip-free
hips").

A denial or a report excuses a promise only where it governs that claim:
- a negation right before it, with nothing between but adverbs and helper
  words ("cannot really remove", "is not a way to erase"), or inside it
  ("hip dips do not disappear");
- a negative subject at the start of its clause ("no exercise can remove",
  "nothing will make hip dips vanish"; not "no gym needed to remove");
- a report before it in the sentence, not cut off by 'but' or a semicolon
  ("the ads say they will erase hip dips", "the myth that squats fill in hip
  dips"; not "remove hip dips in 4 weeks, as the ads say");
- a yes-no question ("Can squats remove hip dips?").
"No equipment" or "without a gym" elsewhere in the sentence excuses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_W = r"[\w'-]+"
_OWNER = r"(?:the|those|these|that|this|your|my|her|his|their|our|both|any|a)"
DIP = (
    r"(?:hip[- ]?dips?|hip[- ]dents?|violin[- ]hips?"
    rf"|{_OWNER}\s+(?:{_W}\s+)?(?:dips?|dents?|hollows?|indents?|indentations?|dimples?)\s+(?:in|on|at|of|along|by)\s+"
    rf"(?:{_OWNER}\s+)?(?:(?:sides?|outsides?)\s+of\s+(?:{_OWNER}\s+)?)?hips?)"
)
# Words that may stand between a removal verb and hip dips: "remove your stubborn hip dips",
# not "lose the idea that hip dips ...".
_NOT_BETWEEN = r"(?:that|which|who|about|idea|ideas|worry|worries|fear|fears|shame|myth|myths|notion|belief|beliefs|stigma|pressure|guilt|hate|judge?ment|obsession|focus|and|or|but|to|not|no|love|accept\w*|than|as|if|because|while)\b"
_GAP = rf"(?:\s+(?!{_NOT_BETWEEN}){_W}){{0,4}}?\s+"
_VERB = (
    r"(?:get(?:s|ting)?\s+rid\s+of|got\s+rid\s+of|rid\s+(?:yourself|your\s+body|you|them)\s+of"
    r"|remov\w*|eliminat\w*|eras(?:e|es|ed|ing)|eradicat\w*|banish\w*|abolish\w*"
    r"|fix(?:es|ed|ing)?|fill(?:s|ed|ing)?(?:\s+(?:in|out|up))?|smooth(?:s|ed|ing)?(?:\s+(?:out|over|away))?"
    r"|(?:say|says|said|saying|wave|waves|waving|kiss|kissing|bid|bidding)\s+(?:good-?bye|bye(?:[- ]bye)?|farewell|adios|so long)\s+to"
    r"|los(?:e|es|ing)|lost|shrink\w*|shr[au]nk|reduc\w*|minimi[sz]\w*|diminish\w*|correct\w*|cur(?:e|es|ed|ing)"
    r"|repair\w*|revers\w*|undo(?:es|ing)?|wip(?:e|es|ed|ing)\s+out|melt(?:s|ed|ing)?\s+away|burn(?:s|ed|ing)?\s+(?:off|away)"
    r"|blast(?:s|ed|ing)?(?:\s+away)?|zap(?:s|ped|ping)?|ditch\w*|conquer\w*|tone(?:s|d)?\s+away|even(?:s|ed|ing)?\s+out"
    r"|round(?:s|ed|ing)?\s+out|plump(?:s|ed|ing)?\s+up|clos(?:e|es|ed|ing)\s+(?:up\s+)?|kick\w*|beat(?:s|ing)?|treat(?:s|ed|ing)?\s+away)"
)
_GOES = (
    r"(?:disappear\w*|vanish\w*|go(?:es)?\s+away|went\s+away|gone\s+away|fad(?:e|es|ed|ing)(?:\s+away)?|melt\w*\s+away|shrink\w*|shr[au]nk"
    r"|fill(?:s|ed|ing)?\s+(?:in|out|up)|smooth\w*\s+out|even\w*\s+out|no\s+longer\s+(?:show|be\s+visible|exist)\w*"
    r"|(?:be|are|is|were|was|get|gets|got|been|become|becomes)\s+(?:(?:completely|fully|totally|finally|all|permanently|quickly|easily|visibly)\s+)?"
    r"(?:gone|history|removed|eliminated|erased|fixed|filled(?:\s+(?:in|out|up))?|smoothed(?:\s+out)?|banished|corrected|cured"
    r"|reduced|shrunk|lost|reversed|wiped\s+out|a\s+thing\s+of\s+the\s+past|no\s+more|over|undone|evened\s+out|rounded\s+out)"
    r"|be\s+no\s+more)"
)
# Every form starts at a word boundary, so `\b` is said once, before them all.
PROMISE = re.compile(
    rf"\b(?:(?P<slogan>no\s+more\s+(?:{_OWNER}\s+)?{DIP}\b|(?:good-?bye|bye(?:[- ]bye)?|farewell|so\s+long)\s*,?\s+(?:{_OWNER}\s+)?{DIP}\b"
    rf"|dip[- ]?(?:free|less)\s+hips?\b|hip[- ]?dip[- ]?free\b|hips\s+(?:without|free\s+(?:of|from))\s+(?:the\s+|any\s+)?(?:dips?|dents?)\b"
    rf"|free\s+(?:of|from)\s+(?:{_OWNER}\s+)?{DIP}\b|{DIP}\s*[,:?!\u2013\u2014-]?\s+gone\b"
    rf"|hips\s+(?:with\s+no|without)\s+(?:the\s+|any\s+)?(?:dips?|dents?)\b|(?:no\s+longer|never\s+again)\s+(?:have|see|notice|get|deal\s+with|worry\s+about)\s+(?:{_OWNER}\s+)?{DIP}"
    rf"|never\s+(?:have|see|notice)\s+(?:{_OWNER}\s+)?{DIP}\s+again|{DIP}\s+(?:won't|will\s+not|don't|do\s+not)\s+stand\s+a\s+chance"
    rf"|(?:kiss|wave|say)\w*\s+(?:{_OWNER}\s+)?{DIP}\s+(?:good-?bye|bye(?:[- ]bye)?|farewell)|turn\w*\s+(?:{_OWNER}\s+)?{DIP}\s+into\b"
    rf"|(?:fill|smooth|even|round|wipe|melt|burn|tone|blast)\w*\s+(?:them|(?:{_OWNER}\s+)?{DIP})\s+(?:in|out|up|away|off)\b)"
    rf"|(?P<verb>{_VERB}{_GAP}(?:of\s+)?{DIP}\b)"
    rf"|(?P<goes>{DIP}(?:\s+{_W}){{0,5}}?\s+{_GOES}\b))",
    re.IGNORECASE,
)
# On an ASCII sentence, PROMISE finds the same spans as this case-sensitive copy does on the sentence in
# lower case (every letter of PROMISE is lower case), and the copy runs about three times faster.
_FOLDED = re.compile(PROMISE.pattern)
_NEGATOR = r"(?:cannot|can\s?not|can't|won't|will\s+not|wouldn't|would\s+not|doesn't|does\s+not|don't|do\s+not|didn't|did\s+not|isn't|is\s+not|aren't|are\s+not|wasn't|was\s+not|never|nor|couldn't|could\s+not|shouldn't|should\s+not|not|unlikely\s+to|impossible\s+to|no\s+way\s+to|rather\s+than|instead\s+of|stop|no\s+need\s+to|neither)"
_FILLER = (
    r"(?:really|actually|fully|completely|truly|ever|always|simply|just|magically|entirely|permanently|totally|reliably|on\s+its\s+own|by\s+itself|alone|in\s+fact"
    r"|be\s+able\s+to|able\s+to|have\s+to|has\s+to|need\s+to|needs\s+to|must|possible\s+to|possible|likely\s+to|true\s+that|the\s+case\s+that|help(?:s)?(?:\s+you)?(?:\s+to)?|make|makes|get|going\s+to|expected\s+to|meant\s+to|designed\s+to|promise\s+to|claim\s+to"
    r"|try(?:ing)?\s+to|guaranteed\s+to|to|a|an|the|any|way\s+to|cure|method|means\s+of|something|exercise|move|plan|workout|food|diet|program(?:me)?"
    r"|that|which|can|could|will|would|be\s+used\s+to|used\s+to|hope\s+to|expect\s+to|set\s+out\s+to|aim(?:s|ed)?\s+to|aimed\s+at|intended\s+to|about|supposed\s+to"
    r"|you|your|it|this|them|spot|squats?|lifts?|exercises|moves|plans|workouts)"
)
NEGATED = re.compile(rf"\b{_NEGATOR}(?:\s+{_FILLER})*\s*$", re.IGNORECASE)
_CLAUSE_START = r"(?:^|[,;:?!.\n\x22\u201d]\s*|\b(?:and|but|so|yet|because|since|sadly|honestly|still|however|though|although|remember)\W+)"
_NEG_SUBJECT = r"(?:no|nothing|none|nobody|no\s+one|not\s+one|not\s+a\s+single|not\s+any|there\s+is\s+no|there\s+are\s+no|there's\s+no|there\s+isn't\s+(?:a|any))"
_NO_PRONOUN = r"(?![\s,]*\b(?:you|we|they|i|she|he|needed|required|necessary|works?|faster|better|quicker|easier|beats?|compares|like|than|else)\b)"
_MODAL = r"(?:can|could|will|would|does|do|did|is|are|has|have|may|might|that|which|helps?|makes?|gets?|is\s+going\s+to|reliably|alone|by\s+itself|on\s+its\s+own)"
_SHOWS = r"(?:shows?|showed|shown|proves?|proved|found|finds|suggests?|suggested|supports?|backs?\s+up|says?|means?|evidence|sign|reason\s+to\s+think)"
# "no exercise can remove", "nothing will make hip dips vanish": the negative is the subject
# of the claim's own verb, with only helper words between ("no gym needed to remove" is not).
NEGATIVE_SUBJECT = re.compile(rf"{_CLAUSE_START}\W*{_NEG_SUBJECT}\b(?:{_NO_PRONOUN}[\s,]+{_W}){{0,8}}?(?:\s+{_MODAL})?(?:\s+{_FILLER})*\s*$", re.IGNORECASE)
# "no study shows that ... fills in a hip dip": a negative subject denying what follows.
NEGATIVE_REPORT = re.compile(rf"{_CLAUSE_START}\W*{_NEG_SUBJECT}\b(?:{_NO_PRONOUN}[\s,]+{_W}){{0,6}}?\s+{_SHOWS}\b", re.IGNORECASE)
INSIDE_NEGATION = re.compile(r"\b(?:not|n't|never|no\s+longer|cannot|won't|don't|doesn't|rarely|hardly|seldom)\b|n't\b", re.IGNORECASE)
_REPORTER = (
    r"(?:ads?|adverts?|advertisements?|advertising|apps?|influencers?|videos?|sellers?|brands?|companies|marketers?|marketing|headlines?|magazines?"
    r"|websites?|sites|articles|posts?|people|others|they|some|many|tiktok|instagram|youtube|social\s+media|the\s+internet|coaches|trainers|products?"
    r"|creams?|supplements?|devices?|gurus?|salespeople|promoters|vendors|online|challenges|courses|programs|programmes|plans\s+online|someone|anyone)"
)
_SAYS = r"(?:says?|said|saying|claims?|claimed|claiming|promis\w*|sells?|selling|sold|tells?|told|telling|suggests?|suggesting|boasts?|boasting|advertis\w*|swears?|insists?|pitch\w*|offers?|offering|markets?|marketed|guarantees?|guaranteed|vows?|pledges?|brags?|touts?|hypes?|push\w*|want\s+you\s+to\s+believe)"
REPORTED = re.compile(
    rf"\b{_REPORTER}\b(?:\s+{_W}){{0,4}}?\s+{_SAYS}\b"
    r"|\b(?:myths?|claims?|promises?|ideas?|belief|notion|pitch|hype|rumou?rs?|lies?|story|stories|fairy\s+tale|fantasy|slogans?|headlines?)\s+(?:that|of|about|like)\b"
    r"|\b(?:you(?:'ll|\s+will|\s+may|\s+might|\s+can|\s+often)?|we)\s+(?:hear|read|see|have\s+heard|have\s+read|have\s+seen|'ve\s+heard|'ve\s+seen|'ve\s+read)\b"
    r"|\b(?:it\s+is|it's|is)\s+(?:often\s+|commonly\s+|widely\s+|sometimes\s+)?(?:said|claimed|believed|thought|promised)\b"
    r"|\b(?:so-called|supposed|alleged|promised)\b",
    re.IGNORECASE,
)
THAT_IS_A_MYTH = re.compile(r"^\W*that\b.*\b(?:is|are|was)\s+(?:a\s+myth|false|untrue|not\s+true|wrong|nonsense|a\s+lie)\b", re.IGNORECASE)
YES_NO_QUESTION = re.compile(r"^\W*(?!(?:do|does|did)\s+you\s+want)(?:can|could|do|does|did|will|would|is|are|should|may|might|must|has|have|why\s+(?:can't|won't|doesn't|don't))\b[^?]*\?\s*$", re.IGNORECASE)
_NEGATION_CUT = re.compile(r"[,;:(\u2013\u2014]|\s-\s|\b(?:but|and|so|yet|then|while|whereas|although|though|just|only)\b", re.IGNORECASE)
_REPORT_CUT = re.compile(r"[;\u2013\u2014]|\s-\s|\b(?:but|yet|so|however|instead)\b", re.IGNORECASE)
_SUBJECT_CUT = re.compile(r"[;:(\u2013\u2014]|\s-\s|\b(?:but|so|yet|then|while|whereas|although|though)\b", re.IGNORECASE)


_QUICK = re.compile(r"dip|dent|hollow|dimple|violin|them", re.IGNORECASE)


def _after_last(cut: re.Pattern[str], text: str) -> str:
    last = None
    for last in cut.finditer(text):
        pass
    return text[last.end() :] if last else text


def excused(sentence: str, found: re.Match[str]) -> bool:
    """Whether a denial or a report governs this one claim in its sentence."""
    if YES_NO_QUESTION.search(sentence) or THAT_IS_A_MYTH.search(sentence):
        return True
    if found.group("goes") and INSIDE_NEGATION.search(found.group("goes")):
        return True
    left = sentence[: found.start()]
    if NEGATED.search(_after_last(_NEGATION_CUT, left)) or NEGATIVE_SUBJECT.search(_after_last(_SUBJECT_CUT, left)):
        return True
    reported = _after_last(_REPORT_CUT, left)
    return REPORTED.search(reported) is not None or NEGATIVE_REPORT.search(reported) is not None or _asked_in_link(sentence, found)


def _asked_in_link(sentence: str, found: re.Match[str]) -> bool:
    """A claim inside a link's words that ask a question: "[can hip dips be removed?](...)"."""
    opened, closed = sentence.rfind("[", 0, found.start()), sentence.find("]", found.end())
    if opened < 0 or closed < 0 or "]" in sentence[opened : found.start()]:
        return False
    return YES_NO_QUESTION.search(sentence[opened + 1 : closed]) is not None


def promises_in(sentence: str) -> Iterator[int]:
    """The offset of each claim in the sentence that promises to remove hip dips, unexcused."""
    if not _QUICK.search(sentence):
        return  # every promise names the dip (or, after "Hip dips?", says "them")
    for found in _FOLDED.finditer(sentence.lower()) if sentence.isascii() else PROMISE.finditer(sentence):
        if not excused(sentence, found):  # on a lower-cased match too: what excused reads of the match is case-insensitive
            yield found.start()
