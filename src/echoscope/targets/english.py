"""English rules: who accuses, condemns, blames or demands action against whom, and for what.

A sentence is read only when it holds a cue (:data:`CUE`). The forms read:

* ``X accused Y of C``, ``X charged Y with C``; ``X condemned / slammed / blamed / criticised
  Y for C``, ``X lashed out at / hit out at / took a swipe at Y over C``;
* ``X termed / called / branded Y a traitor`` (the complement must be a slur or a charge);
* ``X demanded action / an inquiry against Y``, ``X demanded the arrest of Y``, ``X filed a
  reference against Y``, ``X levelled allegations of C against Y``;
* ``X alleged that Y C``;
* ``Y is a traitor`` / ``Y is involved in corruption`` / ``Y looted the treasury`` with the
  speaker attributed (``X said``, ``according to X``) or speaking for themselves;
* the passive: ``Y was accused by X of C``.

The accuser is the cue's subject, else the person the sentence is attributed to, else the
document's speaker when the sentence speaks in the first person ("We condemn..."). A cue
negated within its clause ("did not accuse", "denied accusing", "never called him a
traitor") is a denial, not an accusation, and yields nothing.

The word lists live in :mod:`.en_words` and the finding of mentions (names, descriptions,
groups, pronouns) in :mod:`.en_mentions`; this module holds the rules and gives the names
other modules read from it (:data:`CUE`, :data:`TITLES`, :func:`mentions`, ...) as its own.
"""

from __future__ import annotations

from echoscope.targets.en_mentions import (
    _bare,
    _group_after,
    _group_of,
    mentions,
    named_after,
    object_of_preposition,
    past_bracket,
)
from echoscope.targets.en_words import (
    _DATELINE_ENDS,
    _DAYS,
    _FUNCTION_WORDS,
    _GROUP_WORDS,
    _PERSON_HEADS,
    _PHRASES_BY_FIRST,
    _PUNCT_END,
    _RANKS,
    _RELATIONS,
    ACCUSE,
    ACTION_AGAINST,
    ACTION_OF,
    ACTOR_HEADS,
    ALLEGATIONS,
    ALLEGE,
    ARTICLES,
    BE,
    CHARGE_WITH,
    CLAIMS,
    CLAUSE_END,
    CONDITIONS,
    CONNECTORS,
    COURTS,
    CRIME_VERBS,
    CRIMES,
    CRITICISE,
    CRITICISM_NOUNS,
    CUE,
    DEMAND,
    FACED,
    FIRST_PERSON,
    GROUP_HEADS,
    LEVELLED,
    MODALS,
    NAME_CALL,
    NAME_OPENERS,
    NEGATIONS,
    NOT_NAMES,
    ORG_HEADS,
    PHRASE_WORDS,
    PHRASE_WRONGS,
    PHRASE_WRONGS_BY_FIRST,
    PHRASES,
    PLACE_PREPOSITIONS,
    PRONOUNS,
    SLURS,
    SPEECH,
    STRONG_WRONGS,
    SUBJECT_GAP,
    TITLES,
    UNNAMED_PEOPLE,
    WRONGS,
    _forms,
)
from echoscope.targets.found import Found, Mention
from echoscope.targets.words import Word

__all__ = [
    "ACCUSE",
    "ACTION_AGAINST",
    "ACTION_OF",
    "ACTOR_HEADS",
    "ALLEGATIONS",
    "ALLEGE",
    "ARTICLES",
    "BE",
    "CHARGE_WITH",
    "CLAIMS",
    "CLAUSE_END",
    "CONDITIONS",
    "CONNECTORS",
    "COURTS",
    "CRIMES",
    "CRIME_VERBS",
    "CRITICISE",
    "CRITICISM_NOUNS",
    "CUE",
    "DEMAND",
    "FACED",
    "FIRST_PERSON",
    "GROUP_HEADS",
    "LEVELLED",
    "MODALS",
    "NAME_CALL",
    "NAME_OPENERS",
    "NEGATIONS",
    "NOT_NAMES",
    "ORG_HEADS",
    "PHRASES",
    "PHRASE_WORDS",
    "PHRASE_WRONGS",
    "PLACE_PREPOSITIONS",
    "PRONOUNS",
    "SLURS",
    "SPEECH",
    "STRONG_WRONGS",
    "SUBJECT_GAP",
    "TITLES",
    "UNNAMED_PEOPLE",
    "WRONGS",
    "accusations",
    "continued_claim",
    "mentions",
    "named_after",
    "object_of_preposition",
    "past_bracket",
    "quote_closer",
]


def accusations(
    ws: list[Word], found_mentions: list[Mention], quote_by: Mention | None = None
) -> list[Found]:
    """Every accusation the rules read in one sentence (see the module's docstring).
    ``quote_by``: who speaks the quote this sentence opens and a later one closes."""
    at_word = {}  # word index -> the mention covering it
    for m in found_mentions:
        for k in range(m.first, m.last + 1):
            at_word[k] = m
    out: list[Found] = []
    used_cues: set[int] = set()
    n = len(ws)
    for c in range(n):
        if c in used_cues:
            continue
        low = ws[c].low
        phrase = _phrase_at(ws, c)
        hit = None
        if phrase:
            hit = _object_cue(ws, c, c + phrase - 1, at_word, ("for", "over", "on", "in"))
        elif low in ACCUSE:
            hit = _object_cue(ws, c, c, at_word, ("of",)) or _passive(ws, c, at_word, ("of",))
        elif low in CHARGE_WITH:
            hit = _object_cue(ws, c, c, at_word, ("with",), require_prep=True)
            hit = hit or _allege(ws, c, at_word)  # "charged that Y had ..."
        elif low in CRITICISE:
            hit = _object_cue(ws, c, c, at_word, ("for", "over", "on", "as")) or _passive(
                ws, c, at_word, ("for", "over")
            )
        elif low in NAME_CALL:
            hit = _name_call(ws, c, at_word)
        elif low in ("held", "holds", "holding"):
            hit = _held_responsible(ws, c, at_word)
        elif low in CRITICISM_NOUNS:
            hit = _criticism_from(ws, c, at_word)
        elif low in ALLEGATIONS | CLAIMS and _possessed(ws, c, at_word):
            hit = _possessed_allegation(ws, c, at_word)
        elif low in ACTION_AGAINST or low in ACTION_OF or low in ALLEGATIONS:
            hit = _demand(ws, c, at_word)
        elif low in ALLEGE:
            hit = _allege(ws, c, at_word)
        elif low in SLURS or low in CRIME_VERBS or low in ("involved", "responsible"):
            hit = _predicate(ws, c, at_word)
        if hit is None or (_negated(ws, c) and not hit.extra.get("named_accuser")):
            continue  # a denial; but "denied the JWP's allegation that" still reports the JWP's
        participle = low.endswith("ing")
        if (
            participle
            and hit.accuser is not None
            and object_of_preposition(ws, hit.accuser)
            and ws[hit.accuser.first - 1].low != "with"  # "with X accusing Y": X accuses
        ):
            hit.accuser = None  # "has written to the Lok Sabha Speaker accusing": not the Speaker
        if hit.accuser is None and not hit.first_person and participle and _opens(ws, c):
            # "Accusing Y of C, about 300 residents rallied": the subject after the phrase
            hit.accuser = _subject_after_phrase(ws, hit, at_word)
        if hit.accuser is None and not hit.first_person and participle:
            # "X slammed Y, accusing him of C": the participle's subject is the clause's
            hit.accuser, hit.first_person = _clause_subject(ws, c, at_word, out)
        if hit.accuser is None and not hit.first_person:
            hit.accuser, hit.first_person = _attributed(ws, c, at_word, hit.targets)
        if hit.accuser is None and not hit.first_person and quote_by is not None:
            hit.accuser = quote_by  # a quote's sentence: its speaker, named after the quote
        if hit.accuser is None and not hit.first_person and out and ws[c - 1].low == "and":
            # "X charged Y with C, and accused Z of D": the verbs share their subject
            hit.accuser, hit.first_person = out[-1].accuser, out[-1].first_person
        if hit.accuser is None and not hit.first_person and ws[c - 1].low == "and":
            # "X said Y had lost control and accused Z of C": the speaker's second verb
            said = next((i for i in range(c - 2, -1, -1) if ws[i].low in SPEECH), -1)
            if said > 0:
                hit.accuser, hit.first_person = _subject(ws, said, at_word)
        if hit.accuser is None and not hit.first_person and not participle:
            # "X took notice of the death and sought an explanation from Y": X's second verb
            hit.accuser = _sentence_subject(ws, c, at_word, hit.targets)
        if hit.accuser is None or hit.accuser.pronoun:
            # "the landlord, X, whom they accused of", "X, who she said had misled": the
            # relative clause's pronoun is the sentence's subject
            hit.accuser = _relative_speaker(ws, c, at_word) or hit.accuser
        if _by_court(hit):
            continue
        hit.targets = [r for t in hit.targets for r in _antecedents(ws, t, hit, at_word)]
        if hit.accuser is not None and any(hit.accuser is t for t in hit.targets):
            continue
        out.append(hit)
        used_cues.update(range(c, c + max(phrase, 1)))
    # a claim reported beside the cues read ("accused Y of C, and said Z was fleecing")
    reported = _quoted(ws, at_word, quote_by) or _reported(ws, at_word, out)
    if reported is not None and (reported.accuser is None or reported.accuser.pronoun):
        said = (
            next((i for i, w in enumerate(ws) if w.start >= reported.accuser.end), 0)
            if reported.accuser
            else 0
        )
        reported.accuser = _relative_speaker(ws, said, at_word) or reported.accuser
    if reported is None and out and out[-1].accuser is not None:
        # "X accused Y of C, and said Z had refused ...": the accuser's further claim
        further = _reported(ws, at_word, out, any_act=True)
        if further is not None and further.accuser is out[-1].accuser:
            reported = further
    if reported is not None and any(
        t is r for h in out for t in h.targets for r in reported.targets
    ):
        reported = None  # already read at its cue
    if reported is None and not out:
        reported = _relative_claim(ws, at_word) or _own_claim(ws, at_word)
        reported = reported or _agent_of_wrong(ws, at_word)
    if reported is not None and not _by_court(reported):
        out.append(reported)
    also = _and_that(ws, out[-1], at_word) if out else None
    if also is not None and not any(t is also.targets[0] for h in out for t in h.targets):
        out.append(also)
    return out


_PROSECUTORS = _forms("prosecutor prosecutors prosecution police detectives investigators")


def _prosecutes(ws: list[Word], m: Mention) -> bool:
    """Whether a speaker is a prosecutor or the police (their claims accuse): in their
    name ("Prosecutor Anne Darby", "West Midlands police") or the title before it ("the
    special public prosecutor, Nayan Desai,")."""
    if any(w.lower() in _PROSECUTORS for w in m.text.split()):
        return True
    if m.first >= len(ws) or ws[m.first].start != m.start:
        return False
    if m.first >= 2 and ws[m.first - 1].text == ",":
        return ws[m.first - 2].low in _PROSECUTORS  # "the special public prosecutor, X,"
    for k in range(m.first - 1, max(-1, m.first - 6), -1):
        if not ws[k].is_word:
            return False  # "remanded him in police custody, officials said": not their title
        if ws[k].low in _PROSECUTORS:
            return True
    return False


def _and_that(ws: list[Word], first: Found, at_word: dict[int, Mention]) -> Found | None:
    """ "X said Y had sold the farmers, and that Z had taken money": the second claim of a
    report, by the same speaker, when it names a wrong too."""
    k = next((i for i, w in enumerate(ws) if w.start >= first.cue_end), len(ws))
    that = next(
        (i for i in range(k, len(ws) - 1) if ws[i].low == "and" and ws[i + 1].low == "that"),
        -1,
    )
    if that < 0 or first.accuser is None:
        return None
    targets, after = _target_after(ws, that + 2, at_word, reach=2)
    if not targets or targets[0].pronoun or targets[0] is first.accuser:
        return None
    if after < len(ws) and ws[after].text == ",":
        after += 1  # "and that its agriculture minister, Suresh Patil, had"
    rest = range(after, min(len(ws), after + 16))
    wrong = next((i for i in rest if _names_wrong(ws, i)), -1)
    if wrong < 0:
        # a second claim after an accusation, by its accuser, whatever its verb (as in
        # :func:`continued_claim`)
        wrong = _act(ws, after, len(ws))
    if wrong < 0 or any(ws[i].low in NEGATIONS for i in range(after, wrong)):
        return None
    charge = _clause_span(ws, after + 1 if ws[after].low in BE else after)
    return Found(ws[wrong].start, ws[wrong].end, targets[:1], first.accuser, False, charge)


def _names_wrong(ws: list[Word], i: int) -> bool:
    """Whether word ``i`` of a reported claim names a wrong: one of :data:`WRONGS`, "was
    behind", "should resign", or a wrong of several words."""
    low = ws[i].low.strip("\"'\u201c\u201d")
    return (
        low in WRONGS
        or (low == "behind" and ws[i - 1].low in BE)  # "Y was behind the attack"
        or (low in ("resign", "quit") and ws[i - 1].low in ("should", "must"))
        or _phrase_wrong_at(ws, i)
    )


def _phrase_wrong_at(ws: list[Word], i: int) -> bool:
    """Whether a wrong of several words (:data:`PHRASE_WRONGS`) starts at word ``i``."""
    first = ws[i].low.strip("\"'\u201c\u201d")
    for p in PHRASE_WRONGS_BY_FIRST.get(first, ()):
        if i + len(p) <= len(ws) and all(
            ws[i + k].low.strip("\"'\u201c\u201d") == p[k] for k in range(len(p))
        ):
            return True
    return False


def _by_court(hit: Found) -> bool:
    """A court indicts, convicts or observes; the accuser is whoever brought the case."""
    if hit.accuser is None:
        return False
    # read from the mention's own words: a quote's speaker may stand in another sentence
    words_in = [w.lower() for w in hit.accuser.text.split()]
    judge = words_in[:1] == ["judge"] or words_in[:2] == ["chief", "justice"]
    return judge or words_in[-1] in COURTS


_POSSESSIVES = _forms("his its their our my")


def _antecedents(
    ws: list[Word], t: Mention, hit: Found, at_word: dict[int, Mention]
) -> list[Mention]:
    """What a target pronoun stands for in its own sentence: "booked A and B, accusing them
    of C" gives A and B; "the remarks of Y at a rally in Gorakhpur, alleging that he" gives Y
    (a place is no one). The pronoun itself when the sentence names no one fitting (the
    names of the sentence before are tried later)."""
    if t.text.lower() in _GROUP_WORDS:
        t = Mention(t.start, t.end, t.text, t.name, pronoun="it", first=t.first, last=t.last)
    if not t.pronoun or t.pronoun in FIRST_PERSON:
        return [t]
    accusers = set()
    if hit.accuser is not None:
        accusers = {id(hit.accuser), *(id(m) for m in hit.accuser.also)}
    for k in range(t.first - 1, -1, -1):
        m = at_word.get(k)
        if m is None or m.last != k or m.pronoun or id(m) in accusers:
            continue
        if m.first > 0 and ws[m.first - 1].text == "(":
            continue  # "the National Accountability Bureau (NAB)": the accuser's acronym
        if (
            m.last + 2 < len(ws)
            and ws[m.last + 1].text == ","
            and id(at_word.get(m.last + 2)) in accusers
        ):
            continue  # "the prime minister, Charles Penrose, accused them": the accuser
        listed = _list_before(ws, m, at_word)
        before = (listed[0] if listed else m).first - 1
        while before >= 0 and ws[before].low in ARTICLES:
            before -= 1
        places = PLACE_PREPOSITIONS | ({"of", "at", "to", "into"} if t.pronoun == "them" else set())
        if before >= 0 and ws[before].low in places:
            continue  # "at a rally in Gorakhpur", "walked out of the Commons": no one
        org = ws[m.last].low in ACTOR_HEADS - _PERSON_HEADS or m.name.isupper()
        # "the Qaumi Haqooq Tehreek (QHT)": a name with its acronym after it is a body's
        org = org or (
            m.last + 2 < len(ws) and ws[m.last + 1].text == "(" and ws[m.last + 2].text.isupper()
        )
        if (t.pronoun == "it") != org and t.pronoun != "them":
            continue  # "it" is a body, "he" a person
        if t.pronoun == "them":
            comma = m.first - 1
            joined = _joined_before_description(ws, comma, at_word) if ws[comma].text == "," else []
            return [*joined, *listed, m]
        return [m]
    return [t]


def _agent_of_wrong(ws: list[Word], at_word: dict[int, Mention]) -> Found | None:
    """ "the boats were sold by the fisheries department at scrap prices": the one a wrong
    was done by, in a passive, is its target."""
    for i in range(1, len(ws) - 2):
        wrong = ws[i].low in STRONG_WRONGS | CRIME_VERBS | {"sold"} and ws[i - 1].low in BE
        agent = at_word.get(i + 2) if wrong and ws[i + 1].low == "by" else None
        if agent is not None and not agent.pronoun:
            found = Found(ws[i].start, ws[i].end, [agent], None, False, _clause_span(ws, i))
            found.extra["needs_attribution"] = "yes"
            return found
    return None


def _own_claim(ws: list[Word], at_word: dict[int, Mention]) -> Found | None:
    """ "Y looted the treasury", "Y is paid by a foreign spy service": a wrong the sentence
    says its subject did, in the document's own voice (the caller gives it to the speaker;
    a news report's own sentences accuse no one)."""
    k = 0
    while (
        k < len(ws)
        and k not in at_word
        and (ws[k].text in _QUOTES or ws[k].low in ("the", "but", "and", "now"))
    ):
        k += 1
    target = at_word.get(k)
    if target is None or target.pronoun or target.first != k:
        return None
    end = next(
        (
            i
            for i in range(target.last + 1, len(ws))
            if ws[i].text in ",;:" or ws[i].low in ("because", "while", "but")
        ),
        len(ws),
    )
    clause = range(target.last + 1, min(end, target.last + 14))
    wrong = next((i for i in clause if ws[i].low in STRONG_WRONGS | CRIME_VERBS), -1)
    if wrong < 0 or any(ws[i].low in NEGATIONS for i in clause):
        return None
    charge = _clause_span(ws, target.last + 1)
    # the cue is the word for the wrong ("misled", "looted"): what makes it an accusation
    found = Found(ws[wrong].start, ws[wrong].end, [target], None, False, charge)
    found.extra["needs_attribution"] = "yes"
    return found


# whom a speaker tells: "told reporters", "told journalists"
_AUDIENCES = _forms("reporters journalists newsmen media correspondents")
_CLOSING_QUOTES = frozenset("\u201d\"'\u2019")
# a first-person lead-in before the claim a quote makes: "We have proof that Y ..."
_LEAD_INS = _forms("proof evidence know believe sure certain")


def _quoted(
    ws: list[Word],
    at_word: dict[int, Mention],
    quote_by: Mention | None = None,
    any_act: bool = False,
) -> Found | None:
    """ "“Y did wrong,” X said" / "..., said X, the AIP chief" / "..., the slain leader's
    brother, X, told reporters": a quoted claim about Y, said by X, that names a wrong
    (:func:`_names_wrong`). ``quote_by``: the speaker a later sentence gives a quote this
    one opens ("“Y did wrong. We warned them,” X said")."""
    n = len(ws)
    if quote_by is not None:
        close, speaker = n, quote_by
    else:
        close = next(
            (
                i
                for i in range(2, n - 1)
                if ws[i].text in _CLOSING_QUOTES and ws[i - 1].text in ",!?" and ws[i + 1].is_word
            ),
            -1,
        )
        speaker = _quote_speaker(ws, close, at_word) if close >= 0 else None
    if speaker is None:
        return None
    k = 0
    while (
        k < close
        and (ws[k].text in _QUOTES or ws[k].low in ("the", "but", "and"))
        and (k not in at_word)
    ):
        k += 1
    first = at_word.get(k)
    if first is not None and first.pronoun in FIRST_PERSON:
        # "We have proof that Y ...": the claim starts after "that"
        that = next((i for i in range(k + 1, min(close, k + 7)) if ws[i].low == "that"), -1)
        if that < 0 or not any(ws[i].low in _LEAD_INS for i in range(k + 1, that)):
            return None
        k = that + 1
        k = _past_the(ws, k, at_word, close)
        first = at_word.get(k)
    if first is None or first.pronoun or first is speaker or first.first != k:
        return None
    clause = range(first.last + 1, min(close, first.last + 18))
    wrong = next((i for i in clause if _names_wrong(ws, i)), -1)
    if wrong < 0 and any_act:
        wrong = _act(ws, first.last + 1, close)
    if wrong < 0 or any(ws[i].low in NEGATIONS for i in clause if i < wrong):
        return None
    charge = _clause_span(ws, first.last + 1, 16)
    if charge is not None and ws[first.last + 1].low in BE:
        charge = _clause_span(ws, first.last + 2, 16) or charge
    return Found(ws[wrong].start, ws[wrong].end, [first], speaker, False, charge)


def quote_closer(ws: list[Word], found_mentions: list[Mention]) -> Mention | None:
    """Who speaks a quote that an earlier sentence opened and this one closes ("... all
    along,” said X."); None when this sentence closes no quote or names no one."""
    at_word = {k: m for m in found_mentions for k in range(m.first, m.last + 1)}
    close = next(
        (
            i
            for i in range(1, len(ws) - 1)
            if ws[i].text in _CLOSING_QUOTES and ws[i - 1].text in ",!?" and ws[i + 1].is_word
        ),
        -1,
    )
    speaker = _quote_speaker(ws, close, at_word) if close > 0 else None
    return speaker if speaker is not None and not speaker.pronoun else None


def _quote_speaker(ws: list[Word], close: int, at_word: dict[int, Mention]) -> Mention | None:
    """Who a quote ending at ``close`` is attributed to: "..., said X", "..., X said",
    "..., the AIP's chief, X, told reporters"; None if no speech verb follows."""
    end = min(len(ws), close + 16)
    verb = next((i for i in range(close + 1, end) if ws[i].low in SPEECH), -1)
    if verb < 0 or any(ws[i].text in _PUNCT_END - {","} for i in range(close + 1, verb)):
        return None
    if verb == close + 1:
        after = at_word.get(verb + 1)  # "..., said X"
        return after if after is not None and not after.pronoun else None
    if verb == close + 2 and at_word.get(close + 1) is not None:
        said_by = at_word[close + 1]
        if said_by.pronoun in ("he", "she"):
            return said_by  # "..., he said": whom the sentence before names
    names = [
        at_word[i]
        for i in range(close + 1, verb)
        if i in at_word and at_word[i].last == i and not at_word[i].pronoun
    ]
    if not names:
        return None
    # the speaker is the last name before the verb, past an apposition's comma
    return _owner(ws, names[-1], at_word)


def _owner(ws: list[Word], m: Mention, at_word: dict[int, Mention]) -> Mention:
    """ "X of the Awami Jirga Party": X, the person the party is said of."""
    k = m.first - 1
    if k >= 1 and ws[k].low == "the":
        k -= 1
    if k >= 1 and ws[k].low == "of" and (k - 1) in at_word and not at_word[k - 1].pronoun:
        return at_word[k - 1]
    if k >= 4 and ws[k].low == "of" and ws[k - 1].text == ")":
        # "The Economic Offences Unit (EOU) of Bihar Police": past the acronym
        opened = next((i for i in range(k - 2, max(0, k - 5), -1) if ws[i].text == "("), -1)
        owner = at_word.get(opened - 1) if opened > 0 else None
        if owner is not None and not owner.pronoun:
            return owner
    return m


def _reported(
    ws: list[Word],
    at_word: dict[int, Mention],
    earlier: list[Found] | None = None,
    any_act: bool = False,
) -> Found | None:
    """A wrong said of someone, attributed: "according to X, Y rigged the polls", "X said
    (that) Y took kickbacks", "“Y created the TTP,” X said". Only when the reported clause
    names a wrong (:data:`WRONGS`): a report that Y opened a school is no accusation.
    ``earlier``: the sentence's finds so far, whose accuser "..., and said" continues.
    ``any_act``: a claim of anything done will do (:func:`continued_claim`)."""
    earlier = earlier or []
    n = len(ws)
    clause = None  # (accuser, target's first word, the clause's end)
    for i in range(n - 2):
        if ws[i].low == "according" and ws[i + 1].low == "to" and (i + 2) in at_word:
            x = at_word[i + 2]
            comma = next(
                (k for k in range(x.last + 1, min(n, x.last + 4)) if ws[k].text == ","), -1
            )
            if comma > 0:
                clause = (x, comma + 1, n)
            break
    if clause is None:
        clause = _parenthetical_said(ws, at_word)
    if clause is None:
        for i, w in enumerate(ws):
            if w.low not in SPEECH | {"saying"}:
                continue
            j = i - 1
            while j >= 0 and ws[j].low in SUBJECT_GAP and j not in at_word:
                j -= 1
            said_by = _owner(ws, at_word[j], at_word) if j >= 0 and j in at_word else None
            opens_clause = i + 1 < n and (
                ws[i + 1].text in ':\u201c"' or ws[i + 1].low == "that" or (i + 1) in at_word
            )
            if (
                said_by is not None
                and not said_by.pronoun
                and said_by.first > 0
                and ws[said_by.first - 1].text in ",\u201d\"'\u2019"
                and not opens_clause  # "Speaking in Peshawar, X said: “Y created”": after
                and _ends_attribution(ws, i + 1)  # "Launching ..., X said the Front had"
            ):
                # "Y did wrong, X said": the clause before the attribution
                clause = (said_by, 0, said_by.first - 1)
                break
            if w.low == "saying" and i >= 2 and ws[i - 1].low == "as" and (i - 2) in at_word:
                j = i - 2  # "quoted X as saying that"
            speaker = at_word.get(j) if j >= 0 else None
            if speaker is None and w.low != "saying" and j >= 0 and ws[j].text == ",":
                speaker = _subject(ws, i, at_word)[0]  # "X, the PTI spokeswoman, said"
            if w.low == "saying" and ws[i - 1].text == "," and speaker is None:
                speaker, _ = _clause_subject(ws, i, at_word, earlier)  # "X hit back, saying"
            if speaker is None and ws[i - 1].low == "and" and earlier:
                speaker = earlier[-1].accuser  # "X accused Y of C, and said Z ..."
            if speaker is not None and speaker.pronoun not in FIRST_PERSON:
                k = i + 1
                that = next((t for t in range(k, min(n, k + 9)) if ws[t].low == "that"), -1)
                between = ws[k:that] if that > 0 else []
                # (not over a claim's own verb: "said ministers had known for years that")
                claim_verb = any(
                    w.low in BE and _participle(ws[k + n + 1].low) for n, w in enumerate(between)
                )
                if between and not claim_verb and not any(w.text in _PUNCT_END for w in between):
                    k = that  # "told reporters that", "said in a statement on Saturday that"
                elif k < n and ws[k].low in _AUDIENCES:
                    k += 1  # "told reporters the opposition was behind it"
                if k + 1 < n and ws[k].low == "on" and ws[k + 1].low in _DAYS:
                    k += 2  # "said on Sunday soldiers had beaten"
                while k < n and (ws[k].low in ("that", ":") or ws[k].text in _QUOTES):
                    k += 1
                clause = (_owner(ws, speaker, at_word), k, n)
                break
    if clause is None:
        return None
    accuser, start, end = clause
    k = start
    if k == 0 and k + 1 < end and ws[k].text.isupper() and ws[k + 1].text == ":":
        k += 2  # past a dateline
    while k < end and (ws[k].text in _QUOTES or ws[k].low in ("that", "the")) and k not in at_word:
        k += 1
    article = k - 1 if k > 0 and ws[k - 1].low == "the" else k
    named = _apposition_name(ws, article, at_word)  # "the foundation's director, Dr X, had"
    if named < 0:
        named = _titled_name_at(ws, k, at_word)  # "the ruling Lok Kalyan Front", "developers X"
    target = at_word.get(named if named >= 0 else k)
    if target is None or target is accuser or target.pronoun:
        return None
    if _possessor_of_thing(ws, target):
        return None  # "the party's vote had “collapsed”": said of the vote
    listed = _named_with(ws, target, end, at_word)  # "the convicts, A and B, had demanded"
    last = listed[-1].last
    rest = range(last + 1, min(end, last + 16))
    wrong = next((i for i in rest if _names_wrong(ws, i)), -1)
    judge = accuser.text.split()[0].lower() in ("justice", "judge") if accuser.text else False
    if wrong < 0 and start > 0 and not judge:
        # (a judge's quoted words are a ruling's: "Justice X said the agency had “acted in
        # bad faith”")
        wrong = _scare_quote(ws, rest)
    if wrong < 0 and _prosecutes(ws, accuser) and len(rest) > 1:
        # "the prosecutor told the court that Y had pledged fake diamonds": a prosecutor's
        # or the police's claim about someone accuses them, whatever its words
        wrong = next((i for i in rest if ws[i].is_word and ws[i].low not in BE), -1)
    if wrong < 0 and any_act:
        wrong = _act(ws, last + 1, end)
    if wrong < 0 or any(ws[i].low in NEGATIONS for i in range(last + 1, wrong)):
        return None  # "said the government would not tolerate corruption": no wrong done
    after = last + 1
    if after < end and ws[after].text == ",":
        # "Y, he alleged, had sold": the claim goes on after the aside; "the convicts, A,
        # had demanded": after the apposition's closing comma
        after = next(
            (i + 1 for i in range(after + 1, min(end, after + 6)) if ws[i].text == ","),
            after + 1,
        )
    targets = listed
    instigator = _instigator(ws, last + 1, end, at_word)
    if instigator is not None and instigator is not accuser:
        # "the police had arrested them at the behest of the Education Minister, X": the
        # one it was done for is accused too; alone when the clause is passive ("X was kept
        # in a death cell on the orders of Y": X was wronged)
        passive = _passive_after_subject(ws, listed[-1])
        targets = [instigator] if passive else [*listed, instigator]
    if any_act and not _names_wrong(ws, wrong):
        after = wrong  # the act's verb: past an apposition or a bracket before it
    charge = _clause_span(ws, after)
    if charge is not None and ws[after].low in BE:
        charge = _clause_span(ws, after + 1) or charge
    return Found(ws[wrong].start, ws[wrong].end, targets, accuser, False, charge)


def _named_with(ws: list[Word], m: Mention, end: int, at_word: dict[int, Mention]) -> list[Mention]:
    """A claim's subject and the names listed with it by "and": "Imran alias Mithu and Sajid
    Baloch had demanded"."""
    out = [m]
    k = m.last + 1
    while k + 1 < end and ws[k].low == "and" and (k + 1) in at_word:
        nxt = at_word[k + 1]
        if nxt.first != k + 1 or nxt.pronoun or not nxt.text[:1].isupper():
            break
        out.append(nxt)
        k = nxt.last + 1
    return out


# past forms of everyday verbs that do not end in -ed: what a claim says someone did
_IRREGULAR_PAST = _forms(
    "sold took gave made spent paid kept left let ran put built hid knew won lost sent "
    "brought bought stole met led struck broke drove threw told wrote sought held got"
)
# what says a claim is of what will or may be, not of what was done
_NOT_DONE = MODALS | _forms("will shall should must can cannot would wants want wanted plans")


_PARTICIPLES = _IRREGULAR_PAST | _forms("been done gone seen taken given known shown")
_ADVERBS = _forms("not never also personally deliberately repeatedly already secretly")


def _participle(low: str) -> bool:
    """Whether a word may be a past participle ("reopened", "given", "sold")."""
    return low.endswith(("ed", "en", "wn")) or low in _PARTICIPLES


def _act(ws: list[Word], k: int, end: int) -> int:
    """The verb of a claim of something done that starts at word ``k`` ("had reopened the
    bridge", "was running Sindh", "spent millions"), or -1: an active past, perfect or
    progressive verb within three words, nothing of what may or will be before it ("had
    intelligence reports" is had, no act; "had been transferred" was done to its subject)."""
    k = past_bracket(ws, k, end, 4)  # "the Jamhoori Ittehad Party (JIP) had"
    if k < end and ws[k].text == ",":
        # "Y, he said, had ...", "the chief minister, Arbab Tahir Shaukat, had": past the aside
        k = next((i + 1 for i in range(k + 1, min(end, k + 6)) if ws[i].text == ","), k + 1)
    for i in range(k, min(end, k + 3)):
        w = ws[i]
        if not w.is_word or w.low in _NOT_DONE:
            return -1
        if w.low in ("had", "has", "have", "was", "were"):
            j = i + 1
            while j < end and ws[j].low in _ADVERBS:
                j += 1  # "had personally approved", "had not visited"
            verb = ws[j].low if j < end and ws[j].is_word else ""
            if w.low in ("was", "were"):
                return i if verb.endswith("ing") else -1  # "was running"; not a passive
            if verb == "been":
                # "had been found involved", "has been turned into a safe house": said of
                # its subject; "had been transferred" was done to it
                after = ws[j + 1].low if j + 1 < end else ""
                return i if after in ("found", "caught", "turned", "running", "working") else -1
            return i if _participle(verb) else -1
        if w.text.islower() and (w.low.endswith("ed") or w.low in _IRREGULAR_PAST):
            return i
    return -1


_AT_WHOSE_WORD = frozenset(
    tuple(p.split())
    for p in (
        "at the behest of",
        "on the orders of",
        "at the instance of",
        "on the instructions of",
        "at the instigation of",
    )
)


def _instigator(ws: list[Word], a: int, end: int, at_word: dict[int, Mention]) -> Mention | None:
    """Who a claimed act was done for, between words ``a`` and ``end``: the mention after
    "at the behest of", "on the orders of" and the like; None if none."""
    for i in range(a, min(end, len(ws)) - 4):
        if tuple(w.low for w in ws[i : i + 4]) in _AT_WHOSE_WORD:
            found = at_word.get(i + 4)
            if found is not None and not found.pronoun:
                return found
    return None


def _passive_after_subject(ws: list[Word], m: Mention) -> bool:
    """Whether the verb after a clause's subject is passive: "X was being kept", "X had been
    arrested"."""
    k = m.last + 1
    be = 0
    while k < len(ws) and ws[k].low in BE | {"being"}:
        k, be = k + 1, be + 1
    return be > 0 and k < len(ws) and _participle(ws[k].low) and ws[k - 1].low != "had"


def continued_claim(ws: list[Word], found_mentions: list[Mention]) -> Found | None:
    """ "He said the municipality had reopened the bridge without a fitness certificate":
    a claim of what someone did, whatever its words, by a speaker. The caller takes it only
    from one who has just accused someone: in such a report a speaker's further claims
    about others are the charges, while elsewhere "X said Y had opened a school" is none."""
    at_word = {k: m for m in found_mentions for k in range(m.first, m.last + 1)}
    found = _quoted(ws, at_word, None, any_act=True) or _reported(ws, at_word, any_act=True)
    if found is None or found.accuser is None or _by_court(found):
        return None
    return found


_RELATIVE_SUBJECTS = _forms("he she they it")


def _relative_speaker(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Mention | None:
    """The speaker of a relative clause that opens with "who she said" or "whom they
    accused" just before the verb at word ``c``: the subject the sentence opens with (past a
    dateline), or None."""
    if c < 2 or ws[c - 1].low not in _RELATIVE_SUBJECTS or ws[c - 2].low not in _RELATIVES_WHO:
        return None
    return _opening_subject(ws, at_word)


def _opening_subject(ws: list[Word], at_word: dict[int, Mention]) -> Mention | None:
    """The mention a sentence opens with (past a dateline and an article), as the name its
    apposition gives it ("The Welsh Progressive leader, Gwen Llewellyn, has ..."); None if
    it opens otherwise."""
    first = 2 if len(ws) > 2 and ws[1].text == ":" else 0
    for k in (first, first + 1):
        m = at_word.get(k)
        if m is not None and m.first == k and not m.pronoun:
            following = [
                at_word[i] for i in range(m.last + 1, min(len(ws), m.last + 8)) if i in at_word
            ]
            return named_after(ws, m, following)
    return None


_RELATIVES_WHO = _forms("who whom which")


def _relative_claim(ws: list[Word], at_word: dict[int, Mention]) -> Found | None:
    """ "the first minister, X, who she said had misled members", "the landlord, X, whom
    they accused of torturing the girl": the antecedent accused by the relative clause's
    subject (a pronoun there stands for the sentence's subject)."""
    n = len(ws)
    for r in range(2, n - 3):
        if ws[r].low not in _RELATIVES_WHO or ws[r - 1].text != ",":
            continue
        target = at_word.get(r - 2)
        speaker = at_word.get(r + 1)
        if target is None or target.pronoun or speaker is None or speaker.pronoun in ("i", "we"):
            continue
        verb = speaker.last + 1
        if verb >= n:
            continue
        if ws[verb].low in SPEECH | ALLEGE:
            act = verb + 1
            if act < n and ws[act].low == "that":
                act += 1
            wrong = next((i for i in range(act, min(n, act + 12)) if _names_wrong(ws, i)), -1)
            if wrong < 0:
                wrong = _act(ws, act, n)
            if wrong < 0:
                continue
            charge = _clause_span(ws, act + 1 if ws[act].low in BE else act)
        elif ws[verb].low in ACCUSE and verb + 1 < n and ws[verb + 1].low == "of":
            wrong = verb
            charge = _clause_span(ws, verb + 2)
        else:
            continue
        accuser = (_opening_subject(ws, at_word) or speaker) if speaker.pronoun else speaker
        if accuser is target:
            continue
        return Found(ws[wrong].start, ws[wrong].end, [target], accuser, False, charge)
    return None


def _possessor_of_thing(ws: list[Word], m: Mention) -> bool:
    """Whether a mention owns the clause's subject and the subject is a thing, not someone:
    "the party's vote", "the government's plan" (but "the party's leaders")."""
    owns = m.text.endswith(("'s", "\u2019s"))  # the mark in the mention, or a word after it
    if not owns and not (m.last + 1 < len(ws) and ws[m.last + 1].text in ("'s", "\u2019s")):
        return False
    k = m.last + 1 if owns else m.last + 2
    while k < len(ws) and ws[k].low in ("own", "top", "senior", "local"):
        k += 1
    head = ws[k].low if k < len(ws) else ""
    return head not in ACTOR_HEADS | GROUP_HEADS | _RELATIONS | _PERSON_HEADS


def _parenthetical_said(
    ws: list[Word], at_word: dict[int, Mention]
) -> tuple[Mention, int, int] | None:
    """ "The Front, he alleged, had sold the mandate": the speaker set in commas inside the
    claim, right after its subject; (speaker, where the claim starts, its end) or None."""
    for i in range(1, min(len(ws) - 3, 12)):
        if ws[i].text != "," or (i - 1) not in at_word:
            continue
        speaker = at_word.get(i + 1)
        if speaker is None or speaker.first != i + 1 or speaker.pronoun in FIRST_PERSON:
            continue
        verb = speaker.last + 1
        if verb + 1 < len(ws) and ws[verb].low in SPEECH and ws[verb + 1].text == ",":
            return speaker, at_word[i - 1].first, len(ws)
    return None


def _scare_quote(ws: list[Word], rest: range) -> int:
    """ "said the authority was “captured by conservatives”": a reported claim that quotes a
    few of the speaker's words about someone, the way news marks a charge as the speaker's
    (opened within four words of the subject and closed within fifteen); where the quote
    starts, else -1."""
    for i in list(rest)[:4]:
        if ws[i].text in ("\u201c", '"') and i + 1 < len(ws) and ws[i + 1].is_word:
            close = next(
                (k for k in range(i + 2, min(len(ws), i + 16)) if ws[k].text in ("\u201d", '"')),
                -1,
            )
            if close > i + 1:
                return i + 1
    return -1


def _clause_subject(
    ws: list[Word], c: int, at_word: dict[int, Mention], earlier: list[Found]
) -> tuple[Mention | None, bool]:
    """The subject of the clause a participle hangs on: the accuser of the accusation before
    it in the sentence, else the last mention before it followed by a verb ("X hit back,
    accusing"; "X passed a resolution condemning")."""
    best = None
    # "..., with X accusing the government": the participle's own subject after "with"
    with_at = next((i for i in range(c - 1, max(-1, c - 14), -1) if ws[i].low == "with"), -1)
    absolute = with_at == 0 or (with_at > 0 and ws[with_at - 1].text == ",")
    if absolute and not any(ws[i].text in ";" for i in range(with_at, c)):
        # (not "filed a reference with the Speaker seeking": the Speaker does not seek)
        after_with = [at_word[i] for i in range(with_at + 1, c) if i in at_word]
        if after_with and after_with[-1].last == c - 1 and not after_with[-1].pronoun:
            return after_with[-1], False
    for k in range(c - 1, -1, -1):
        m = at_word.get(k)
        if m is None or m.last != k or k + 1 >= c or m.pronoun in _POSSESSIVES:
            continue  # ("and his wife, accusing them": "his" is no subject)
        owner = _owner(ws, m, at_word)
        if object_of_preposition(ws, m) and (owner is m or object_of_preposition(ws, owner)):
            continue  # "with the Speaker"; but "the women's wing of the League staged" stands
        if _claim_opens_before(ws, m.first):
            continue  # "X said soldiers had beaten them, accusing": the claim's, not X's
        a = k + 1
        if ws[a].text == "," and a + 1 < c:
            a += 1  # "A citizen, X, has filed": past the apposition's comma
        a = past_bracket(ws, a, c, 6)  # "The Central Bureau of Investigation (CBI) has filed"
        if ws[a].text in ("\u2014", "\u2013", "-") and a + 1 < c:
            a += 1  # "three lawmakers \u2014 A, B and C \u2014 on Friday filed"
        if _verb_at(ws, a, c):
            best = m
            break
    was_target = best is not None and earlier and any(best is t for t in earlier[-1].targets)
    if (best is None or was_target) and earlier and earlier[-1].accuser is not None:
        return earlier[-1].accuser, earlier[-1].first_person
    if (best is None or was_target) and earlier and earlier[-1].first_person:
        return None, True
    if best is None:
        return None, False
    if best.pronoun in FIRST_PERSON:
        return None, True
    best.also = _list_before(ws, best, at_word)
    return best, False


def _claim_opens_before(ws: list[Word], k: int) -> bool:
    """Whether a reported claim opens just before word ``k``: "said (that)", "said on
    Sunday (that)"."""
    j = k - 1
    if j >= 0 and ws[j].low == "that":
        j -= 1
    if j >= 1 and ws[j].low in _DAYS and ws[j - 1].low == "on":
        j -= 2
    return j >= 0 and ws[j].low in SPEECH


def _opens(ws: list[Word], c: int) -> bool:
    """Whether word ``c`` opens its sentence (after a dateline)."""
    return c == 0 or (c == 2 and ws[1].text == ":")


def _subject_after_phrase(
    ws: list[Word], hit: Found, at_word: dict[int, Mention]
) -> Mention | None:
    """The subject after a sentence's opening phrase, which ends at the comma after its
    charge: "Accusing Y, the governor, of C, about 300 residents of Kolomna rallied" gives
    the residents."""
    after = hit.charge[1] if hit.charge is not None else hit.cue_end
    comma = next((i for i, w in enumerate(ws) if w.start >= after and w.text == ","), -1)
    if comma < 0:
        return None
    k = comma + 1
    while k < len(ws) and k not in at_word and k - comma < 4 and ws[k].low not in BE:
        k += 1  # "about 300 residents": unnamed people, read as a group below
    m = at_word.get(k)
    if m is not None and not m.pronoun:
        return m
    start = comma + 1
    for j in range(start, min(len(ws), start + 5)):
        if ws[j].low in GROUP_HEADS:
            end = _group_of(ws, j)
            text = " ".join(x.text for x in ws[start : end + 1])
            return Mention(ws[start].start, ws[end].end, text, text, first=start, last=end)
    return None


def _sentence_subject(
    ws: list[Word], c: int, at_word: dict[int, Mention], targets: list[Mention]
) -> Mention | None:
    """The subject the sentence opens with, when a verb follows it ("X spoke for an hour,
    listed ... and accused Y"): the subject of a later verb that has none of its own."""
    for k in range(c):
        m = at_word.get(k)
        if m is None or m.first != k:
            continue
        bracketed = (
            k > 0 and ws[k - 1].text == "(" and m.last + 1 < c and ws[m.last + 1].text == ")"
        )
        if bracketed:
            continue  # "TUNIS (CNS) - Tunisian authorities ...": the wire's name
        opener = k - 1 if k > 0 and ws[k - 1].low in ("the", "a", "an") else k
        after_dateline = (
            opener > 1 and ws[opener - 1].text in _DATELINE_ENDS and ws[opener - 2].text == ")"
        )
        if opener > 0 and ws[opener - 1].text not in ":,\n" and not after_dateline:
            return None  # the first mention is inside a phrase: no plain subject
        if any(m is t for t in targets):
            return None
        if _verb_at(ws, _past_aside(ws, m.last + 1, c), c, CLAUSE_END | ARTICLES):
            if m.pronoun in FIRST_PERSON:
                return None
            # "the JIP (JIP) provincial chief X ... hit out at": X, whom the body's title leads to
            following = [
                at_word[i]
                for i in range(m.last + 1, min(c, m.last + 8))
                if i in at_word and at_word[i].first == i
            ]
            return named_after(ws, m, following)
        after = m.last + 1
        if after + 1 < c and ws[after].low == "while" and ws[after + 1].low.endswith("ing"):
            return None if m.pronoun in FIRST_PERSON else m  # "X while talking to reporters"
        if k > 0 and ws[k - 1].text == ",":
            return None
    return None


def _past_the(ws: list[Word], k: int, at_word: dict[int, Mention], end: int) -> int:
    """Past articles "the" before ``end`` that start no mention: "by the Balochistan
    Awami Ittehad" reaches its name."""
    while k < end and ws[k].low == "the" and k not in at_word:
        k += 1
    return k


def _past_aside(ws: list[Word], a: int, end: int) -> int:
    """Past what a subject may carry before its verb: "(DMMP)", ", who heads the group,"."""
    a = past_bracket(ws, a, end, 8)
    if a + 1 < end and ws[a].text == "," and ws[a + 1].low in ("who", "which"):
        close = next((i for i in range(a + 2, min(end, a + 20)) if ws[i].text == ","), -1)
        a = close + 1 if close > 0 else a
    return a


def _phrase_at(ws: list[Word], c: int) -> int:
    """How many words of a multi-word cue start at word ``c`` (0: none)."""
    for p in _PHRASES_BY_FIRST.get(ws[c].low, ()):
        if c + len(p) <= len(ws) and all(ws[c + k].low == p[k] for k in range(1, len(p))):
            return len(p)
    return 0


def _target_after(
    ws: list[Word], j: int, at_word: dict[int, Mention], reach: int = 3
) -> tuple[list[Mention], int]:
    """The mentions a cue's object begins with at word ``j`` ("Y", "Y and Z"), and the index
    after them; ([], j) when no mention starts within ``reach`` words."""
    k = j
    skip = ("both", "the", "all")
    possessive = ("his", "her", "their", "its")
    # "took exception to the remarks made by Y", "raised questions about the purchase of Y"
    if j > 0 and ws[j - 1].low in ("to", "about", "over"):
        k = j
        while k < min(len(ws), j + 6) and k not in at_word and ws[k].low in _THINGS_OF:
            k += 1
        j = k if k in at_word else j
    named = _apposition_name(ws, k, at_word)
    if named >= 0:
        k = named  # "the district president, Rana Ijaz Noon, of": the name it gives
    unnamed = None
    while k < len(ws) and k < j + reach + 3 and (k not in at_word or ws[k].low in possessive):
        if ws[k].low in skip or (ws[k].low in TITLES and not ws[k].capitalised):
            k += 1
        elif _titled_name_at(ws, k, at_word) > k:
            k = _titled_name_at(ws, k, at_word)  # "chancellor Dariush Mehran"
        elif ws[k].low in possessive and k + 2 < len(ws):
            # "his predecessor, Sardar Ghazanfar Abbas Leghari,": the apposition names him
            comma = next((i for i in range(k + 1, min(k + 4, len(ws))) if ws[i].text == ","), -1)
            if comma < 0 or (comma + 1) not in at_word:
                # "his successor": someone this sentence does not name, as written
                unnamed = _unnamed_relation(ws, k)
                if unnamed is None:
                    return [], j
                break
            k = comma + 1
        else:
            break
    if unnamed is None and (k >= len(ws) or k not in at_word):
        return [], j
    targets = [unnamed or at_word[k]]
    k = targets[0].last + 1
    person = _titled_name_at(ws, k, at_word)
    if person > k and targets[0].text[:1].isupper() and ws[targets[0].last].low in ORG_HEADS:
        # "against Bruhat Bengaluru Mahanagara Palike executive engineer T.N. Gowda": the
        # person the body's title leads into
        targets, k = [at_word[person]], at_word[person].last + 1
    name_next = at_word.get(k)
    if (
        name_next is not None
        and name_next.first == k
        and not name_next.pronoun
        and ws[targets[0].first].low == "the"
        and ws[k].capitalised
    ):
        targets, k = [name_next], name_next.last + 1  # "the haulage firm Northway"
    while k + 1 < len(ws) and ws[k].low in ("and", ",", "&"):
        nxt = k + 1
        if ws[k].text == "," and ws[nxt].low == "and":
            nxt += 1  # "a patwari, A, and a naib tehsildar, B,"
        named = _apposition_name(ws, nxt, at_word)
        if named >= 0:
            nxt = named
        elif _titled_name_at(ws, nxt, at_word) > nxt:
            nxt = _titled_name_at(ws, nxt, at_word)  # "A and security chief B"
        nxt = _past_the(ws, nxt, at_word, len(ws))
        relation = _unnamed_relation(ws, nxt) if ws[nxt].low in ("his", "her") else None
        if relation is not None and ws[k].low == "and":
            targets.append(relation)  # "Y and his wife"
            k = relation.last + 1
            continue
        if nxt not in at_word:
            break
        after = at_word[nxt].last + 1
        if ws[k].text == "," and after < len(ws) and _verb_at(ws, after, len(ws)):
            break  # "at the Morcha government, TRM president X said": a new clause's subject
        targets.append(at_word[nxt])
        k = after
    if k + 2 < len(ws) and ws[k].text == "," and ws[k + 1].text.isdigit() and ws[k + 2].text == ",":
        k += 3  # "Liam Brody, 32, on suspicion of arson": past the age
    linked = ("for", "of", "over", "responsible", "with")
    charges_on = k + 2 < len(ws) and ws[k + 1].low == "on" and ws[k + 2].low in _CHARGES_ON
    if k + 1 < len(ws) and ws[k].text == "," and (ws[k + 1].low in linked or charges_on):
        k += 1  # "a clerk, Imdad Panhwar, for C"; "the MS, Dr X, responsible for C"
    elif k < len(ws) and ws[k].text == ",":  # "Y, the AIP chief, for C": past the apposition
        close = next((i for i in range(k + 1, min(k + 10, len(ws))) if ws[i].text == ","), -1)
        if close > 0 and close + 1 < len(ws) and ws[close + 1].low in linked:
            k = close + 1
        elif close > 0 and close + 1 < len(ws) and ws[close + 1].low == "and":
            # "booked X, a former director, and two contractors for C"
            ahead = next(
                (
                    i
                    for i in range(close + 2, min(len(ws), close + 8))
                    if ws[i].low in linked or ws[i].text in _PUNCT_END
                ),
                -1,
            )
            if ahead > 0 and ws[ahead].low in linked:
                k = ahead
    return targets, k


# "indicted the party's leader, Y, on charges of C": what "on" brings after an apposition
_CHARGES_ON = _forms("charges charge suspicion allegations accusations")
# the people "his"/"her" may name without naming them: "his successor", "her deputy"
_PERSONAL = _forms("successor predecessor deputy brother son nephew wife husband aide rival")


def _unnamed_relation(ws: list[Word], k: int) -> Mention | None:
    """ "his successor", "her deputy": "his"/"her" and the person it names, one or two
    lowercase words (the target as the sentence gives it)."""
    end = k + 1
    while end < min(len(ws), k + 3) and ws[end].is_word and not ws[end].capitalised:
        if ws[end].low in _FUNCTION_WORDS | ARTICLES | BE | CLAUSE_END:
            break
        end += 1
    last = end - 1
    if last > k and ws[last].low == "party" and ws[k].low in ("his", "her"):
        # "his old party": the party the paragraph named before (resolved from the text)
        text = " ".join(w.text for w in ws[k : last + 1])
        return Mention(ws[k].start, ws[last].end, text, text, first=k, last=last)
    if last == k or ws[last].low not in _PERSONAL:
        return None  # ("its members": a body the sentence names elsewhere)
    if ws[k].low not in ("his", "her") and ws[last].low not in ("predecessor", "successor"):
        return None  # "its predecessor" (a government's); not "its aide"
    text = " ".join(w.text for w in ws[k : last + 1])
    return Mention(ws[k].start, ws[last].end, text, text, first=k, last=last)


def _titled_name_at(ws: list[Word], k: int, at_word: dict[int, Mention]) -> int:
    """Where the name starts that up to three lowercase words of a title lead into
    ("chancellor Dariush Mehran", "security chief Reza Farhadi", "lecturers' union leader
    Peter Otieno"); -1 if none."""
    for i in range(k, k + 4):
        w = ws[i] if i < len(ws) else None
        if w is not None and w.text in ("'", "\u2019") and i > k:
            continue  # "lecturers' union": a plural's possessive mark
        if w is None or i in at_word or not w.text.replace("'", "").isalpha() or w.capitalised:
            return -1  # (not "against 300 QKF workers": a number is no title)
        if w.low in _FUNCTION_WORDS | ARTICLES | BE | CLAUSE_END | NEGATIONS:
            return -1
        nxt = at_word.get(i + 1)
        if nxt is not None and nxt.first == i + 1 and not nxt.pronoun and ws[i + 1].capitalised:
            return i + 1
    return -1


# what happened to someone, not who someone is: no apposition names its doer
_EVENTS = _forms(
    "attack attacks killing murder arrest death abduction kidnapping assault torture "
    "shooting beating harassment detention disappearance"
)


def _after_of(ws: list[Word], i: int) -> bool:
    """Whether word ``i`` follows "of" or "of the"."""
    before = i - 1 if i > 0 and ws[i - 1].low == "the" else i
    return before > 0 and ws[before - 1].low == "of"


def _apposition_name(ws: list[Word], k: int, at_word: dict[int, Mention]) -> int:
    """Where the name an apposition gives starts, for a phrase at ``k`` that describes
    someone without naming them: "a patwari, Ghulam Qadir Sial,", "its medical
    superintendent, Dr Tariq Shah, for", "the landlord, Sardar Qurban Shoro,"; -1 if none."""
    if k >= len(ws) or ws[k].low not in ARTICLES | {"a", "an"}:
        return -1
    comma = -1
    for i in range(k, min(len(ws), k + 12)):
        m = at_word.get(i)
        if ws[i].text == ",":
            comma = i
            break
        if (
            m is not None
            and m.first == i
            and not m.pronoun
            and ws[i].low not in ARTICLES
            and not all(ws[x].low in TITLES for x in range(m.first, m.last + 1))
            and ws[m.last].low.rstrip(".") not in _RANKS
            and not _after_of(ws, i)  # "the owner of the Oakfield warehouse, X,": X
        ):
            return -1  # "the AIP chief": a name is part of the phrase ("the local SHO" is not)
        if not ws[i].is_word or (ws[i].low in CLAUSE_END | BE and m is None):
            return -1
        if m is None and ws[i].low in _EVENTS:
            return -1  # "the attack on a local journalist, X,": X is the victim
    name = at_word.get(comma + 1) if comma > 0 else None
    if name is None and comma > 0 and comma + 2 < len(ws) and ws[comma + 1].low == "the":
        # "her former party, the Sindh Taraqqi Mahaz,": a name after its article
        name = at_word.get(comma + 2)
        if name is not None and not name.text[:1].isupper():
            name = None
    if name is None or name.pronoun or ws[name.first].low in ARTICLES | {"a", "an"}:
        return -1
    after = ws[name.last + 1].low if name.last + 1 < len(ws) else ""
    if after not in {",", "and", "of", "for", "over", "on", "with", ")", "alias", ""} | BE:
        return -1
    return name.first


def _charge_after(ws: list[Word], k: int, preps: tuple[str, ...]) -> tuple[int, int] | None:
    """The words after a target's preposition up to the clause's end: the charge."""
    while k < len(ws) and ws[k].low in ("'s", "\u2019s"):
        k += 1
    k = past_bracket(ws, k, len(ws), 8)  # "the Sindh Students Federation (SSF) for"
    # "tore into Y in the Lok Sabha on Thursday over C": past a place or a day
    look = k
    while look < min(len(ws), k + 9) and ws[look].low not in preps:
        if ws[look].text in _PUNCT_END or ws[look].low in CLAUSE_END:
            break
        look += 1
    if (
        look < len(ws)
        and k < len(ws)
        and ws[look].low in preps
        and ws[k].low in ("in", "on", "at", "during", "from")
    ):
        k = look
    if k + 1 < len(ws) and ws[k].text == "," and ws[k + 1].low in ("saying", "alleging"):
        # "hurled allegations at Y, saying it had diverted the funds": what was said
        k += 2
        if k < len(ws) and ws[k].low == "that":
            k += 1
        if k < len(ws) and ws[k].low in PRONOUNS | {"it", "they", "the"}:
            k += 1
        return _clause_span(ws, k)
    if k >= len(ws) or ws[k].low not in preps:
        return None
    return _clause_span(ws, k + 1)


_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019")


_THINGS_OF = _forms(
    "the remarks remark made by statement statements absence conduct role decision of "
    "purchase purchases handling award appointment behaviour behavior"
)


def _clause_span(ws: list[Word], k: int, most: int = 12) -> tuple[int, int] | None:
    while k < len(ws) and ws[k].text in _QUOTES:
        k += 1
    if k < len(ws) and ws[k].low.removesuffix("'s") in _DAYS:
        return None  # "on Tuesday": when, not what for
    # "for what he called the engineering of": the words the accuser used
    if k + 2 < len(ws) and ws[k].low == "what" and ws[k + 2].low in NAME_CALL | SPEECH:
        k += 3
    end = k
    while end < len(ws) and end - k < most:
        w = ws[end]
        if w.text not in _QUOTES and (w.text in _PUNCT_END or w.low in CLAUSE_END):
            break
        end += 1
    while end > k and ws[end - 1].text in _QUOTES:
        end -= 1
    while end > k and ws[end - 1].low in ARTICLES | {"of", "in", "on", "at", "to", "for"}:
        end -= 1
    if end <= k:
        return None
    return ws[k].start, ws[end - 1].end


def _object_cue(
    ws: list[Word],
    c: int,
    cue_last: int,
    at_word: dict[int, Mention],
    preps: tuple[str, ...],
    require_prep: bool = False,
) -> Found | None:
    if c > 0 and ws[c - 1].low in BE - {"has", "have", "had"}:
        return None  # passive: "was accused", read by _passive
    targets, k = _target_after(ws, cue_last + 1, at_word)
    if not targets:
        whom = next((i for i in range(c - 1, max(0, c - 8), -1) if ws[i].low == "whom"), -1)
        if (
            cue_last + 2 < len(ws)
            and ws[cue_last + 1].low == "each"
            and ws[cue_last + 2].low == "other"
        ):
            return _each_other(ws, c, cue_last + 3, at_word, preps)
        if whom >= 2 and ws[whom - 1].text == "," and (whom - 2) in at_word:
            # "Y, whom the League has charged with C": Y, named before
            targets, k = [at_word[whom - 2]], cue_last + 1
            accuser = _subject(ws, c, at_word)[0] or at_word.get(whom + 1)
            if whom + 2 < c and accuser is None:
                accuser = next((at_word[i] for i in range(whom + 1, c) if i in at_word), None)
            if accuser is None or accuser.pronoun:
                # "whom they accused": the main clause's subject
                accuser = _clause_subject(ws, whom - 1, at_word, [])[0]
            charge = _charge_after(ws, k, preps)
            return Found(ws[c].start, ws[cue_last].end, targets, accuser, False, charge)
        return None
    while k < len(ws) and k < targets[-1].last + 4 and _amount(ws[k]):
        k += 1  # "fined Y £16,000 for C"
    charge = _charge_after(ws, k, preps)
    if charge is None and ws[targets[-1].last].low != _bare(ws[targets[-1].last].low):
        charge = _clause_span(ws, k)  # "criticised the government's handling of the floods"
    if charge is None and require_prep:
        return None
    loose = (
        "targeted",
        "targeting",
        "attacked",
        "attacks",
        "attack",
        "booked",
        "arrested",
        "nabbed",
        "fined",
        "indicted",
    )
    if charge is None and ws[c].low in loose:
        return None  # "attacked a checkpost": a cue this loose needs a charge to be read
    accuser, first_person = _subject(ws, c, at_word)
    return Found(ws[c].start, ws[cue_last].end, targets, accuser, first_person, charge)


_AMOUNT_WORDS = _forms("rs rs. million billion lakh crore thousand m bn")


def _amount(w: Word) -> bool:
    """Whether a word is (part of) a sum of money: "£16,000", "Rs", "5 million"."""
    return w.text[:1] in "£$€₹" or w.text[:1].isdigit() or w.low in _AMOUNT_WORDS


def _passive(
    ws: list[Word], c: int, at_word: dict[int, Mention], preps: tuple[str, ...]
) -> Found | None:
    """ "Y was accused by X of C", "Y has been criticised for C"."""
    j = c - 1
    while j >= 0 and ws[j].low in BE | {"also", "repeatedly", "strongly", "widely", "both"}:
        j -= 1
    if j >= 2 and j < c - 1 and ws[j].low in ("who", "which") and ws[j - 1].text == ",":
        j -= 2  # "X, who was accused by Y of C": X
    elif j >= 1 and j < c - 1 and ws[j].text == "," and (j - 1) in at_word:
        j -= 1  # "Rovers' owners, the Calloway family, have been accused": the apposition
    elif 3 <= j < c - 1 and ws[j].text == ws[j - 2].text == "," and ws[j - 1].text.islower():
        j -= 3  # "Mr Penrose, meanwhile, has been accused": past the aside
    if j == c - 1 or j < 0 or j not in at_word:
        return None
    if not any(ws[i].low in BE - {"has", "have", "had"} for i in range(j + 1, c)):
        # "X strongly condemned", "X has fined Y": no passive without "been", "was"...
        return None
    target = at_word[j]
    k = c + 1
    accuser = None
    by = _past_the(ws, k + 1, at_word, len(ws))  # "accused by the Balochistan Awami Ittehad"
    if k < len(ws) and ws[k].low == "by" and by in at_word:
        accuser = at_word[by]
        k = accuser.last + 1
        named = at_word.get(k + 1) if k < len(ws) and ws[k].text == "," else None
        if named is not None and named.last + 1 < len(ws) and ws[named.last + 1].text == ",":
            accuser, k = named, named.last + 2  # "by the opposition leader, Kate Ellery, of"
    elif k < len(ws) and ws[k].low == "by":
        accuser = _group_after(ws, k + 1)  # "accused by two former aides of C"
        k = accuser.last + 1 if accuser is not None else k
    charge = _charge_after(ws, k, preps)
    if accuser is None and charge is not None:
        # "Y was accused of corruption by the opposition": the agent after the charge
        by = next((i for i in range(k, len(ws)) if ws[i].low == "by"), -1)
        agent = _past_the(ws, by + 1, at_word, len(ws)) if by >= 0 else 0
        if by > k + 1 and ws[by].start < charge[1] and agent in at_word:
            accuser = at_word[agent]
            charge = (charge[0], ws[by - 1].end)
    return Found(ws[c].start, ws[c].end, [target], accuser, False, charge)


def _each_other(
    ws: list[Word], c: int, k: int, at_word: dict[int, Mention], preps: tuple[str, ...]
) -> Found | None:
    """ "A and B accused each other of C": A accuses B, and B accuses A (the caller's list)."""
    accuser, _ = _subject(ws, c, at_word)
    if accuser is None or not accuser.also:
        return None
    found = Found(ws[c].start, ws[c].end, [accuser.also[-1]], accuser, False, None)
    found.charge = _charge_after(ws, k, preps)
    found.extra["each_other"] = "yes"
    return found


def _held_responsible(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "X held Y responsible for C"."""
    targets, k = _target_after(ws, c + 1, at_word)
    if not targets or k + 1 >= len(ws) or ws[k].low != "responsible" or ws[k + 1].low != "for":
        return None
    accuser, first_person = _subject(ws, c, at_word)
    return Found(ws[c].start, ws[k].end, targets, accuser, first_person, _clause_span(ws, k + 2))


def _criticism_from(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "Y faced criticism from X over C", "Y came under fire from X": Y the target."""
    verb = next((i for i in range(c - 1, max(-1, c - 4), -1) if ws[i].low in FACED), -1)
    if verb < 0 or c + 1 >= len(ws) or ws[c + 1].low != "from":
        return None
    accusers, k = _target_after(ws, c + 2, at_word)
    target, _ = _subject(ws, verb, at_word)
    if not accusers or target is None:
        return None
    found = Found(ws[c].start, ws[c].end, [target], accusers[-1], False, None)
    found.charge = _charge_after(ws, k, ("over", "for", "on"))
    return found


def _name_call(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "X termed Y a traitor": only when the complement is a slur or a charge; "Y has been
    branded a hypocrite by X" too."""
    if c > 0 and ws[c - 1].low in BE:
        return _name_called(ws, c, at_word)
    targets, k = _target_after(ws, c + 1, at_word)
    if not targets:
        return None
    if k < len(ws) and ws[k].low == "as":
        k += 1
    span_end = min(len(ws), k + 6)
    words_after = [ws[i].low.strip("'\"\u2018\u2019") for i in range(k, span_end)]
    # "called Y “the protector of infiltrators”": a quoted epithet is the speaker's charge
    quoted = k + 1 < len(ws) and ws[k].text in ('"', "\u201c") and ws[k + 1].is_word
    quoted = quoted and not targets[0].pronoun  # "calling them “a pack of lies”": the charges
    if not quoted and not any(w in SLURS or w in CRIMES for w in words_after):
        return None
    charge = _clause_span(ws, k + (1 if k < len(ws) and ws[k].text in "'\"\u2018\u201c" else 0), 6)
    accuser, first_person = _subject(ws, c, at_word)
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge)


def _name_called(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "Y has been branded a 'hypocrite' by X": Y before the auxiliary, X after "by"."""
    j = c - 1
    while j >= 0 and ws[j].low in BE:
        j -= 1
    target = at_word.get(j)
    by = next((i for i in range(c + 1, min(len(ws), c + 8)) if ws[i].low == "by"), -1)
    if target is None or target.pronoun or by < 0:
        return None
    slur = [ws[i].low.strip("'\"\u2018\u2019\u201c\u201d") for i in range(c + 1, by)]
    if not any(w in SLURS or w in CRIMES for w in slur):
        return None
    accuser = at_word.get(by + 1) or _group_after(ws, by + 1)
    if accuser is None or accuser.pronoun:
        return None
    return Found(
        ws[c].start, ws[c].end, [target], accuser, False, (ws[c + 1].start, ws[by - 1].end)
    )


def _demand(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "demanded action against Y", "the arrest of Y", "levelled allegations against Y"."""
    low = ws[c].low
    # the verb that makes it a demand: within four words before the noun
    before = [ws[i].low for i in range(max(0, c - 4), c)]
    if low in ALLEGATIONS:
        if not any(w in LEVELLED for w in before):
            return _levelled_by(ws, c, at_word)
    elif not any(w in DEMAND for w in before):
        return _passive_case(ws, c, at_word)
    k = c + 1
    preps = ("against",) if low in ACTION_AGAINST | ALLEGATIONS else ("of", "against", "for")
    if low in ALLEGATIONS:
        preps = ("against", "at")
    # "an FIR at the Sadiqabad police station against Y": past a place
    ahead = next((i for i in range(k, min(len(ws), k + 8)) if ws[i].low == "against"), -1)
    if low in ACTION_AGAINST and k < len(ws) and ws[k].low in ("at", "in", "with") and ahead > 0:
        k = ahead
    charge = None
    if low in ALLEGATIONS and k < len(ws) and ws[k].low == "of":
        charge_end = k + 1
        while charge_end < len(ws) and ws[charge_end].low != "against" and charge_end - k < 10:
            charge_end += 1
        if charge_end < len(ws) and ws[charge_end].low == "against" and charge_end > k + 1:
            charge = (ws[k + 1].start, ws[charge_end - 1].end)
            k = charge_end
    if k >= len(ws) or ws[k].low not in preps:
        # "Y's arrest": the target before the noun
        if (
            low in ACTION_OF
            and c >= 2
            and ws[c - 1].low in ("'s", "\u2019s")
            and (c - 2) in at_word
        ):
            targets = [at_word[c - 2]]
            k = c + 1
        else:
            return None
    else:
        targets, k = _target_after(ws, k + 1, at_word)
        if not targets:
            return None
    if charge is None:
        charge = _charge_after(ws, k, ("for", "over", "on"))
    verb = next(i for i in range(c - 1, -1, -1) if ws[i].low in DEMAND | LEVELLED)
    accuser, first_person = _subject(ws, verb, at_word)
    if ws[verb].low.endswith("ing") and (
        accuser is None
        or ws[accuser.last + 1].low != ws[verb].low
        or object_of_preposition(ws, accuser)  # "a petition in the High Court seeking"
    ):
        # "filed a reference with the Speaker seeking ...": the clause's subject seeks
        accuser, first_person = _clause_subject(ws, verb, at_word, [])
    return Found(ws[verb].start, ws[c].end, targets, accuser, first_person, charge)


def _passive_case(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "A case has been registered against Y for C, police said": the action after its noun,
    in the passive; who took it is the sentence's attribution (or nobody)."""
    if ws[c].low not in ACTION_AGAINST:
        return None
    k = c + 1
    while k < min(len(ws), c + 4) and ws[k].low in BE:
        k += 1
    if k == c + 1 or k + 1 >= len(ws) or ws[k].low not in DEMAND or ws[k + 1].low != "against":
        return None
    targets, after = _target_after(ws, k + 2, at_word)
    if not targets:
        return None
    charge = _charge_after(ws, after, ("for", "over", "on"))
    return Found(ws[c].start, ws[k].end, targets, None, False, charge)


def _possessed(ws: list[Word], c: int, at_word: dict[int, Mention]) -> bool:
    """ "the JWP's allegation", "claims by the union's leader X that": the noun's owner is
    named, before it or after "by"."""
    m = at_word.get(c - 1)
    if m is not None and not m.pronoun and ws[c - 1].low.endswith(("'s", "\u2019s")):
        return True
    return _claimed_by(ws, c, at_word) is not None


def _claimed_by(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Mention | None:
    """ "claims by lecturers' union leader Peter Otieno that": the one named after "by",
    when "that" follows the name."""
    by = c + 1
    if by < len(ws) and ws[by].low in LEVELLED | {"made"}:
        by += 1  # "allegations made by the Liberal party that"
    if by + 1 >= len(ws) or ws[by].low != "by":
        return None
    # the last name before "that", within the phrase: "by the MSM (MSM) that", "by DUK
    # general secretary R. Elangovan Pandian that"
    that = next((i for i in range(by + 1, min(len(ws), by + 14)) if ws[i].low == "that"), -1)
    if that < 0 or any(ws[i].text in ",;:" for i in range(by + 1, that)):
        return None
    named = [at_word[i] for i in range(by + 1, that) if i in at_word and not at_word[i].pronoun]
    if not named:
        return None
    last = named[-1]
    if last.last + 1 < that and ws[last.last + 1].text == "(":
        return last  # the acronym after the name is the same one
    owner = [m for m in named if ws[m.first - 1].text != "("]
    return owner[-1] if owner else None


def _possessed_allegation(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "the JWP's allegation that Y took kickbacks": the owner accuses Y, even inside the
    denial that names it ("Y denied the JWP's allegation that he ...")."""
    owner = _claimed_by(ws, c, at_word)
    that = c + 1
    if owner is not None:
        that = next(i for i in range(owner.last + 1, len(ws)) if ws[i].low == "that")
    owner = owner or at_word[c - 1]
    if that >= len(ws) or ws[that].low != "that":
        return None
    targets, after = _target_after(ws, that + 1, at_word, reach=2)
    if not targets:
        return None
    if after < len(ws) and ws[after].text == ",":
        after += 1  # "that the chief minister, Mir Jahangir Rind, spent"
    found = Found(ws[c].start, ws[c].end, targets, owner, False, _clause_span(ws, after))
    found.extra["named_accuser"] = "yes"
    return found


def _levelled_by(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "Allegations of C were levelled against Y by X"."""
    k = c + 1
    charge = None
    if k < len(ws) and ws[k].low == "of":
        end = next((i for i in range(k + 1, min(len(ws), k + 10)) if ws[i].low in BE), -1)
        if end < 0:
            return None
        charge = (ws[k + 1].start, ws[end - 1].end) if end > k + 1 else None
        k = end
    while k < len(ws) and ws[k].low in BE:
        k += 1
    if k + 1 >= len(ws) or ws[k].low not in LEVELLED or ws[k + 1].low != "against":
        return None
    targets, k = _target_after(ws, k + 2, at_word)
    if not targets or k >= len(ws) or ws[k].low != "by":
        return None
    accusers, k = _target_after(ws, k + 1, at_word)
    if not accusers:
        return None
    if charge is None:
        k = past_bracket(ws, k, len(ws), 6)  # "by the ASL (ASL) that"
    if charge is None and k < len(ws) and ws[k].low == "that":
        charge = _clause_span(ws, k + 1)
    found = Found(ws[c].start, ws[c].end, targets, accusers[0], False, charge)
    found.extra["named_accuser"] = "yes"  # even inside the denial that names it
    return found


def _allege(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "X alleged that Y had looted the treasury": Y the target, the rest the charge."""
    if c > 0 and ws[c - 1].low in BE - {"has", "have", "had"}:
        return None  # "the alleged", "was alleged"; "had alleged" is X's
    if c + 1 >= len(ws) or ws[c + 1].text in _PUNCT_END:
        return _alleged_after(ws, c, at_word)
    k = c + 1
    while k < min(len(ws), c + 4) and ws[k].low in SUBJECT_GAP | _DAYS and ws[k].low != "that":
        k += 1  # "alleged on Monday that"
    if k < len(ws) and ws[k].low != "that":
        # "alleged at a press conference on Friday that": a short phrase before "that"
        that = next(
            (
                i
                for i in range(k, min(len(ws), c + 10))
                if ws[i].low == "that" or ws[i].text in _PUNCT_END
            ),
            -1,
        )
        if that > 0 and ws[that].low == "that":
            k = that
    if k < len(ws) and ws[k].low == "that":
        k += 1
    elif k > c + 1:
        k = c + 1
    if ws[c].low in ("charged", "claimed", "claims", "claiming") and k == c + 1:
        return None  # "charged" without "that" is read by the charge-with rule; "claimed" needs it
    targets, after = _target_after(ws, k, at_word, reach=2)
    if not targets or targets[0].pronoun in FIRST_PERSON:
        return None
    if after < len(ws) and ws[after].text == ",":
        after += 1  # "that the local SHO, Inspector X, was protecting": past the apposition
    charge = _clause_span(ws, after)
    if charge is None:
        return None
    accuser, first_person = _subject(ws, c, at_word)
    instigator = _instigator(ws, after, len(ws), at_word)
    if instigator is not None and instigator is not accuser:
        # "that the police had arrested them at the behest of Y" (see :func:`_reported`)
        passive = _passive_after_subject(ws, targets[-1])
        targets = [instigator] if passive else [*targets, instigator]
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge)


def _alleged_after(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "Y was working for the QIM, the AIP candidate alleged.": Y is the sentence's subject."""
    accuser, first_person = _subject(ws, c, at_word)
    comma = next((i for i in range(c - 1, 0, -1) if ws[i].text == ","), -1)
    target = at_word.get(0) or at_word.get(1)
    if (accuser is None and not first_person) or target is None or comma < 0:
        return None
    if target is accuser or target.pronoun or target.last + 1 >= comma:
        return None
    start = target.last + 1
    while start < comma and ws[start].low in BE:
        start += 1
    charge = (ws[start].start, ws[comma - 1].end) if start < comma else None
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _predicate(ws: list[Word], c: int, at_word: dict[int, Mention]) -> Found | None:
    """ "Y is a traitor", "Y is involved in corruption", "Y looted the treasury": an
    accusation only when someone is said to say it (the caller attributes it)."""
    low = ws[c].low
    j = c - 1
    gap = BE | ARTICLES | {"also", "not", "never", "directly", "being", "personally", "solely"}
    while j >= 0 and ws[j].low in gap | {"held", "squarely", "fully", "entirely"}:
        j -= 1
    if low in CRIME_VERBS:
        if j != c - 1 and ws[c - 1].low not in ("has", "have", "had", "also"):
            return None
    elif j == c - 1 or not any(ws[i].low in BE | {"held"} for i in range(j + 1, c)):
        return None  # a slur needs "Y is (a) ...", "involved" needs "Y is involved"
    if j < 0 or j not in at_word or at_word[j].pronoun in FIRST_PERSON:
        return None
    if low == "responsible":
        if c + 1 >= len(ws) or ws[c + 1].low != "for":
            return None
        span = _clause_span(ws, c + 2)
        if span is None:
            return None
        charge = (ws[c].start, span[1])
    elif low == "involved":
        if c + 1 >= len(ws) or ws[c + 1].low != "in":
            return None
        span = _clause_span(ws, c + 2)
        if span is None:
            return None
        charge_words = {w.low for w in ws[c + 2 : c + 14]}
        if not charge_words & CRIMES:
            return None
        charge = (ws[c].start, span[1])
    elif low in CRIME_VERBS:
        span = _clause_span(ws, c, 8)
        charge = span
    else:
        start = j + 1
        while start < c and ws[start].low in BE | ARTICLES:
            start += 1
        span = _clause_span(ws, start, 6)
        charge = span
    found = Found(ws[c].start, ws[c].end, [at_word[j]], None, False, charge)
    found.extra["needs_attribution"] = "yes"
    return found


def _negated(ws: list[Word], c: int) -> bool:
    """Whether a negation or a denial stands before the cue in its clause, or a condition or
    a modal ("if anyone accuses", "may accuse"): what is not, or not yet, said."""
    if c > 0 and ws[c - 1].low in MODALS:
        return True
    for i in range(c - 1, max(-1, c - 7), -1):
        w = ws[i].low
        if w in NEGATIONS or w in CONDITIONS:
            return True
        if w in (",", ";", ":", "but", "and", "while", "whereas") or ws[i].text in _PUNCT_END:
            return False
    return False


def _subject(ws: list[Word], c: int, at_word: dict[int, Mention]) -> tuple[Mention | None, bool]:
    """The mention a cue's verb has for its subject, if the sentence names one; and whether
    the subject is the speaker themselves ("we", "I", "this House")."""
    j = c - 1
    gaps = 0
    while j >= 0 and gaps < 6 and ws[j].low in SUBJECT_GAP and j not in at_word:
        j -= 1
        gaps += 1
    relative = j >= 1 and ws[j].low in ("who", "which") and ws[j - 1].text == ","
    if relative:
        j -= 2  # "the NAB, which accuses them": the antecedent
    if j >= 0 and ws[j].text == ")":  # "the Human Rights Commission of Pakistan (HRCP)"
        k = j
        while k >= 0 and ws[k].text != "(":
            k -= 1
        if k >= 1:
            j = k - 1
    if j >= 0 and ws[j].text == "," and ws[c].low.endswith("ing"):
        return None, False  # "X booked A and B, accusing them": the caller finds X
    if j >= 0 and ws[j].text in ("\u2014", "\u2013", "-") and (j - 1) in at_word:
        j -= 1  # "three lawmakers \u2014 A, B and C \u2014 filed"
    if j >= 0 and ws[j].text == "," and (j - 1) in at_word and _listed(ws, at_word[j - 1]):
        last = at_word[j - 1]
        listed = _list_before(ws, last, at_word)
        opener = listed[0].first - 1 if listed else -1
        if opener >= 0 and ws[opener].low in ("including", "namely"):
            last.also = listed  # "leaders, including A, B and C, accused"
            return last, False
    if j >= 0 and ws[j].text == ",":
        # "X, the AIP chief, accused" / "X, who heads the party, accused": the mention
        # before the apposition
        k = j - 1
        while k >= 0 and j - k < 14 and ws[k].text != ",":
            k -= 1
        inner = at_word.get(j - 1)
        if (
            inner is not None
            and inner.first == k + 1
            and not inner.pronoun
            and ws[inner.first].low not in ARTICLES
        ):
            # "A local leader of the JWP, X, has lodged": X is named; "A and his deputy,
            # X, held": A is a subject too
            inner.also = _joined_before_description(ws, k, at_word)
            return inner, False
        first = at_word.get(k + 1)
        if (
            inner is not None
            and first is not None
            and not first.pronoun
            and not inner.pronoun
            and first.last + 2 == inner.first
            and ws[first.last + 1].low == "and"
            and first.text[:1].isupper()
            and inner.text[:1].isupper()
        ):
            # "Two members of the school board, Gary Lindqvist and Sharon Oyelaran, accused":
            # the two named
            first.also = [inner]
            return first, False
        if k >= 1 and ws[k].text == "," and (k - 1) in at_word and not _has_verb(ws, k, j, at_word):
            m = at_word[k - 1]
            if m.pronoun in FIRST_PERSON:
                return None, True
            m.also = _list_before(ws, m, at_word)  # "the AIP and the BWP, at a meeting, accused"
            return m, False
        return None, False
    house = ("house", "assembly", "council", "senate")
    if j >= 1 and ws[j].low in house and ws[j - 1].low == "this":
        return None, True
    if j >= 0 and j in at_word:
        m = at_word[j]
        if m.pronoun in FIRST_PERSON:
            return None, True
        before = m.first - 1
        while before >= 0 and ws[before].low in ARTICLES:
            before -= 1
        place = m.first == m.last and ws[m.last].low not in ACTOR_HEADS | ORG_HEADS
        if place and before >= 0 and ws[before].low in PLACE_PREPOSITIONS | {"at"}:
            return None, False  # "An accountability court in Islamabad indicted": not the city
        if before >= 0 and ws[before].low in ("at", "to") and not relative:
            # "X while talking to reporters at the Peshawar Press Club hit out at": a
            # preposition's object is no subject; the sentence's is found by the caller
            return None, False
        if before >= 0 and ws[before].low == "of" and ws[m.last].low in ORG_HEADS | {"police"}:
            m = _owner(ws, m, at_word)  # "The Economic Offences Unit (EOU) of Bihar Police has"
        m.also = _list_before(ws, m, at_word)
        return m, False
    return None, False


def _has_verb(ws: list[Word], a: int, b: int, at_word: dict[int, Mention]) -> bool:
    """Whether words ``a``..``b`` hold a clause, not an apposition: a mention followed by a
    lowercase word that is no function word ("A, B and C demanded elections, accusing")."""
    if a + 1 < b and ws[a + 1].low in ("who", "which"):
        return False  # "X, who chairs the panel, said": an aside, X the subject
    for k in range(a + 1, b - 1):
        m = at_word.get(k)
        if (
            m is not None
            and m.last == k
            and _verb_at(ws, k + 1, b, ARTICLES | CLAUSE_END, gap=False)
        ):
            return True
    return False


def _verb_at(
    ws: list[Word], a: int, end: int, stop: frozenset[str] = frozenset(), gap: bool = True
) -> bool:
    """Whether a verb stands at word ``a`` (before ``end``), past the adverbs a subject may
    stand apart from its verb by (``gap``): a lowercase word that is no function word, no
    form of "be" and none of ``stop``."""
    while gap and a < end and ws[a].low in SUBJECT_GAP:
        a += 1
    after = ws[a] if a < end else None
    return (
        after is not None
        and after.is_word
        and not after.capitalised
        and after.low not in _FUNCTION_WORDS | BE | stop
    )


def _joined_before_description(
    ws: list[Word], comma: int, at_word: dict[int, Mention]
) -> list[Mention]:
    """ "A and its leader in the Senate, X,": the mentions joined by "and" to the description
    that ends at ``comma`` (X's apposition), with A's own list ("A, B and ...")."""
    for k in range(comma - 1, max(0, comma - 10), -1):
        if ws[k].text in _PUNCT_END or (ws[k].low in CLAUSE_END and ws[k].low != "and"):
            return []
        if ws[k].low == "and" and k not in at_word:
            m = at_word.get(k - 1)
            if m is None or m.pronoun or m.last != k - 1 or ws[k + 1].capitalised:
                return []  # ("the Rail and Maritime Workers' Federation": one name)
            return [*_list_before(ws, m, at_word), m]
    return []


def _listed(ws: list[Word], m: Mention) -> bool:
    """Whether a mention ends a list: "A, B and C" (it follows "and")."""
    return m.first >= 2 and ws[m.first - 1].low in ("and", "&")


def _list_before(ws: list[Word], m: Mention, at_word: dict[int, Mention]) -> list[Mention]:
    """The mentions listed before ``m``: "A, B and C accused" gives [A, B] for C."""
    out: list[Mention] = []
    k = m.first - 1
    while k >= 1 and (ws[k].low == "the" or (ws[k].low in TITLES and not ws[k].capitalised)):
        k -= 1  # "A and opposition MNA B", "the AIP, the PAM and the BWP"
    if k < 1 or ws[k].low not in ("and", "&"):
        return out  # a list ends "..., B and C": "Addressing the Senate, X" is none
    while k >= 1 and ws[k].low in ("and", "&", ",") and (k - 1) in at_word:
        prev = at_word[k - 1]
        if prev.pronoun or prev is m or object_of_preposition(ws, prev, but_of=True):
            break  # "Addressing reporters at the Press Club, A and B": the club is no subject
        out.insert(0, prev)
        joined_by = k
        k = prev.first - 1
        while k >= 1 and ws[k].low == "the" and k not in at_word:
            k -= 1
        if ws[joined_by].low in ("and", "&") and k >= 0 and ws[k].text != ",":
            break
    return out


def _ends_attribution(ws: list[Word], k: int) -> bool:
    """Whether an attribution's name may end before word ``k``: "said X." / "said X, the
    AIP chief" / "said X on Monday", not "said Y had ..." (Y begins a reported clause)."""
    return k >= len(ws) or ws[k].text in ",.;!?" or ws[k].low in ("on", "in", "at", "who")


def _attributed(
    ws: list[Word], c: int, at_word: dict[int, Mention], targets: list[Mention]
) -> tuple[Mention | None, bool]:
    """Who the sentence says is speaking: "according to X", "X said", "said X"."""
    target_ids = {id(t) for t in targets}
    for i, w in enumerate(ws):
        if (
            w.low == "according"
            and i + 2 < len(ws)
            and ws[i + 1].low == "to"
            and (i + 2) in at_word
        ):
            m = at_word[i + 2]
            if id(m) not in target_ids:
                return m, False
    best = None
    for i, w in enumerate(ws):
        if w.low not in SPEECH:
            continue
        j = i - 1
        while j >= 0 and ws[j].low in ("also", "further", "had", "has", "have", "on", "today"):
            j -= 1
        if j >= 0 and j in at_word and id(at_word[j]) not in target_ids:
            m = at_word[j]
            if m.pronoun in FIRST_PERSON:
                return None, True
            best = best or m
        elif j >= 1 and ws[j].text == "," and (j - 1) in at_word:
            m = _subject(ws, i, at_word)[0]  # "..., the prosecutor, Carlos Medina, said"
            if m is not None and id(m) not in target_ids:
                best = best or m
        elif (
            i + 1 < len(ws)
            and (i + 1) in at_word
            and id(at_word[i + 1]) not in target_ids
            and i > 0
            and ws[i - 1].text in ",\"\u201d'\u2019"
            and _ends_attribution(ws, at_word[i + 1].last + 1)
        ):
            best = best or at_word[i + 1]  # "..., said X" (not "X, ..., said Y had")
    if best is not None:
        return best, False
    if any(ws[i].low in FIRST_PERSON for i in range(0, min(c, len(ws)))):
        return None, True
    return None, False
