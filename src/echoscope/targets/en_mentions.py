"""English mentions: the names, descriptions, groups and pronouns of a sentence
(:func:`mentions`), and the helpers about them the rules of :mod:`.english` share: the name a
mention is given right after it (:func:`named_after`), whether it is a preposition's object
(:func:`object_of_preposition`), the way past a bracketed acronym (:func:`past_bracket`)."""

from __future__ import annotations

from echoscope.targets.en_words import (
    _DATELINE_ENDS,
    _DAYS,
    _FUNCTION_WORDS,
    _GROUP_NOUNS,
    _PERSON_HEADS,
    _RANKS,
    _RELATIONS,
    ACCUSE,
    ACTOR_HEADS,
    ARTICLES,
    BE,
    CHARGE_WITH,
    CLAUSE_END,
    CONNECTORS,
    CRITICISE,
    GROUP_HEADS,
    NAME_OPENERS,
    NOT_NAMES,
    ORG_HEADS,
    PRONOUNS,
    SPEECH,
    TITLES,
    UNNAMED_PEOPLE,
    _forms,
)
from echoscope.targets.entities import Entities
from echoscope.targets.found import Mention
from echoscope.targets.words import Word


def mentions(ws: list[Word], entities: Entities, doc_lower: set[str]) -> list[Mention]:
    """The names, descriptions and pronouns of a sentence, left to right, not overlapping."""
    found: list[Mention] = []
    taken = [False] * len(ws)
    longest = min(entities.longest_alias, 8)

    # the entity list's names first: "the DRF chief" is Keshvani before it is a description
    def shown_as_name(n: int, _key: str) -> bool:
        if not ws[i + n - 1].is_word:
            return False
        latin = ws[i].text[:1].isascii()
        capitalised = ws[i].capitalised or (n > 1 and ws[i + n - 1].capitalised)
        # a lower-case word that is also a name ("news", "dawn") is no mention of it
        return not latin or capitalised or (ws[i].low in ARTICLES and n > 1)

    i = 0
    while i < len(ws):
        hit = entities.longest_at(ws, i, longest + 1, shown_as_name)
        if hit:
            n, known = hit
            found.append(_mention(ws, i, i + n - 1, known=known))
            for k in range(i, i + n):
                taken[k] = True
            i += n
        else:
            i += 1
    group = _group_subject(ws, taken) + _possessor_bodies(ws, taken)
    names = _names(ws, taken, doc_lower)
    descriptions = _descriptions(ws, taken) + group
    descriptions += _unnamed_objects(ws, taken)
    # a description holding a name ("the PTI government") names the government, not the PTI
    found.extend(
        m for m in names if not any(d.first <= m.first and m.last <= d.last for d in descriptions)
    )
    found.extend(descriptions)
    for k, w in enumerate(ws):
        # "accusing them of", "accusing it of": "it" only as a cue's object, where it is
        # someone (elsewhere "it said", "it is" are no one)
        object_pronoun = w.low == "them" or (
            w.low == "it" and k > 0 and ws[k - 1].low in ACCUSE | CRITICISE | CHARGE_WITH
        )
        if not taken[k] and (w.low in PRONOUNS or object_pronoun):
            found.append(Mention(w.start, w.end, w.text, w.text, pronoun=w.low, first=k, last=k))
    found.sort(key=lambda m: m.first)
    found = _with_place_after_acronym(ws, [m for m in found if not _dateline(ws, m)])
    return _party_governments(ws, found)


def _as_written(ws: list[Word], a: int, b: int) -> str:
    """Words ``a`` to ``b`` as the text spaces them: "Party (RJSP)-led government"."""
    out = [ws[a].text]
    for i in range(a + 1, b + 1):
        out.append(ws[i].text if ws[i].start == ws[i - 1].end else " " + ws[i].text)
    return "".join(out)


def _party_governments(ws: list[Word], found: list[Mention]) -> list[Mention]:
    """ "the Lok Party (LP)-led government", "the KJV (KarJV) government": a party's name
    (and its acronym) before "government" is the government, not the party."""
    out: list[Mention] = []
    for m in found:
        end = past_bracket(ws, m.last + 1, len(ws), 5)
        head = end
        if head < len(ws) and ws[head].low in ("-led", "led", "-"):
            head += 1
        if head + 1 < len(ws) and ws[head].low == "led" and ws[head - 1].text == "-":
            head += 1
        if not m.pronoun and head < len(ws) and ws[head].low == "government" and head > m.last:
            m.end, m.last = ws[head].end, head
            m.text = m.name = _as_written(ws, m.first, head)
        if out and out[-1].last >= m.first:
            continue  # (the acronym inside the government's name)
        out.append(m)
    return out


def _with_place_after_acronym(ws: list[Word], found: list[Mention]) -> list[Mention]:
    """ "the Young Doctors Association (YDA) Punjab": the chapter is one name, the place
    after the bracketed acronym part of it."""
    out: list[Mention] = []
    for m in found:
        if (
            len(out) >= 2
            and m.first == m.last
            and not m.pronoun
            and m.first >= 1
            and ws[m.first - 1].text == ")"
            and out[-1].first == out[-1].last == m.first - 2
            and ws[out[-1].first - 1].text == "("
            and out[-2].last == out[-1].first - 2
            and ws[out[-2].last].low in ORG_HEADS
        ):
            org = out[-2]
            org.end, org.last = m.end, m.last
            org.text = f"{org.text} {m.text}"
            org.name = f"{org.name} {m.name}"
            continue
        out.append(m)
    return out


def _dateline(ws: list[Word], m: Mention) -> bool:
    """ "KARACHI:" or "NEW DELHI, Oct 3 (PNS)": the place a report was filed from."""
    if not m.text.isupper() or m.pronoun:
        return False
    before = m.first == 0 or ws[m.first - 1].text in ("\n",)
    after = ws[m.last + 1].text if m.last + 1 < len(ws) else ""
    return before and after in (":", ",", "\u2014", "-", "(")


# titles that, alone before a capitalised word, begin a body's name rather than stand for a
# rank: "Central Bureau of Investigation", "Federal Board of Revenue"
_ORG_ADJECTIVES = _forms("central federal provincial supreme")


_PORTFOLIOS = _forms("mines coordination affairs resources development production division")


# letters after a name that are no part of it
_POSTNOMINALS = frozenset(["KC", "QC", "SC", "MBE", "OBE", "CBE"])


def _mention(ws: list[Word], a: int, b: int, known: str = "") -> Mention:
    text_words = [w.text for w in ws[a : b + 1]]
    name_at = a
    # "Leader of Opposition X", "Minister for Water Resources X": titles and their links
    while name_at < b and (
        ws[name_at].low.rstrip(".") in TITLES or (ws[name_at].low in ("of", "for") and name_at > a)
    ):
        name_at += 1
    if all(ws[k].low in _ORG_ADJECTIVES for k in range(a, name_at)):
        name_at = a  # "Central Bureau of Investigation": the adjective is the name's
    for k in range(b - 1, name_at - 1, -1):
        if ws[k].low.rstrip(".") in _RANKS and ws[k + 1].capitalised and ws[k + 1].low != "of":
            name_at = k + 1  # "Punjab Transport Minister Chaudhry Ikram Sindhu": after the rank
            break
    portfolio = any(ws[k].low in ("for", "of") for k in range(a, name_at))
    for k in range(name_at + 1, b):
        opener = ws[k].low in NAME_OPENERS or (len(ws[k].text) == 2 and ws[k].text[1] == ".")
        if opener and (portfolio or ws[k - 1].low in ORG_HEADS | _PORTFOLIOS):
            # "Minister for Inter-Provincial Coordination Mir Shahzain Buzdar", "Opposition
            # leader in the Punjab Assembly Malik Nadeem Bhatti": the person starts there
            name_at = k
            break
    if ws[b].low in ORG_HEADS and b > a:
        name_at = a  # "the Home Office", "the Awami Justice Front": a title word in a body's name
    last = b - 1 if b > name_at + 1 and ws[b].text in _POSTNOMINALS else b  # "Helen Marsh KC"
    alias = next((k for k in range(name_at + 1, last) if ws[k].low == "alias"), 0)
    last = alias - 1 if alias else last  # "Saeed Iqbal alias Shanu" is Saeed Iqbal
    name = " ".join(w.text for w in ws[name_at : last + 1])
    surface = " ".join(text_words)
    return Mention(ws[a].start, ws[b].end, surface, name, known=known, first=a, last=b)


_NOT_NAME_SUFFIXES = ("-based", "-born", "-led", "-run", "-owned", "-backed", "-bound", "-origin")


def _is_name_word(w: Word, at_start: bool, doc_lower: set[str]) -> bool:
    bare = w.low.removesuffix("'s").removesuffix("\u2019s")
    if bare.endswith(_NOT_NAME_SUFFIXES):
        return False  # "a Nagpur-based businessman": a place made an adjective
    if not w.is_word or not w.capitalised or w.low in NOT_NAMES or bare in NOT_NAMES:
        return False
    # a capitalised common word opening the sentence is no name
    return not (at_start and w.low in doc_lower and not w.text.isupper())


def _names(ws: list[Word], taken: list[bool], doc_lower: set[str]) -> list[Mention]:
    """Runs of capitalised words ("Rana Tariq Mehmood", "PML-N"); a party and a title before
    a name join it ("PTI chairman Imran Khan" names Imran Khan)."""
    out = []
    i = 0
    n = len(ws)
    while i < n:
        if taken[i] or not _is_name_word(ws[i], i == 0, doc_lower):
            i += 1
            continue
        j = i
        while j + 1 < n and not taken[j + 1]:
            nxt = ws[j + 1]
            if _is_name_word(nxt, False, doc_lower):
                j += 1
            elif (
                nxt.low in CONNECTORS | {"alias"}  # "Imran alias Mithu": one name
                and j + 2 < n
                and not taken[j + 2]
                and _is_name_word(ws[j + 2], False, doc_lower)
            ):
                j += 2
            elif nxt.low in ("and", "&") and _org_tail(ws, j + 2, taken, doc_lower):
                j += 2  # "Water and Power Development Authority", "Commerce and Industry"
            elif (
                nxt.text in ("'", "\u2019")
                and ws[j].low.endswith("s")
                and j + 2 < n
                and _is_name_word(ws[j + 2], False, doc_lower)
            ):
                j += 2  # "Young Teachers' Association"
            else:
                break
        # "PTI chairman Imran Khan": lower-case titles, then another run of names
        k = j + 1
        while k < n and not taken[k] and ws[k].low in TITLES and not ws[k].capitalised:
            k += 1
        if k > j + 1 and k < n and not taken[k] and _is_name_word(ws[k], False, doc_lower):
            start = k
            end = k
            while (
                end + 1 < n and not taken[end + 1] and _is_name_word(ws[end + 1], False, doc_lower)
            ):
                end += 1
            m = _mention(ws, start, end)
            m.start, m.first, m.text = ws[i].start, i, " ".join(w.text for w in ws[i : end + 1])
            j = end
        else:
            m = _mention(ws, i, j)
        head = j + 1
        if (
            head < n
            and not taken[head]
            and ws[head].low in ACTOR_HEADS | _BARE_BODIES
            and not ws[head].capitalised
            and m.first == i
        ):
            # "Lahore police", "the Sindh government": the name and its actor's head
            m = _mention(ws, i, head)
            m.name = m.text
            j = head
        if m.name.lower().rstrip(".") in TITLES and ws[j].low in ACTOR_HEADS | TITLES:
            m.name = m.text  # "Prime Minister" alone: a description, kept whole
        for t in range(i, j + 1):
            taken[t] = True
        if m.name.strip():
            out.append(m)
        i = j + 1
    return out


def _org_tail(ws: list[Word], k: int, taken: list[bool], doc_lower: set[str]) -> bool:
    """Whether the capitalised run starting at ``k`` ends an organisation's name."""
    end = k
    while end < len(ws) and not taken[end] and _is_name_word(ws[end], False, doc_lower):
        end += 1
    return end > k and ws[end - 1].low in ORG_HEADS


# bodies news names without an article, by their place ("Police in West Yorkshire") or bare
# before a verb of saying ("..., police said")
_BARE_BODIES = _forms("police detectives prosecutors investigators officials authorities")


def _group_subject(ws: list[Word], taken: list[bool]) -> list[Mention]:
    """ "Human rights groups have blamed ...", "Residents of Keti said ...", "The family of
    the dead teenager said ...": the people a sentence opens with, unnamed, as one mention."""
    first = 2 if len(ws) > 2 and ws[1].text == ":" else 0
    start = first + 1 if first < len(ws) and ws[first].low == "the" else first
    for j in range(start, min(len(ws), start + 4)):
        w = ws[j]
        if taken[j] or not w.is_word or w.low in _FUNCTION_WORDS | ARTICLES | BE:
            return []
        if j > start and w.capitalised and w.low not in GROUP_HEADS:
            return []  # ("Opposition MPs": a group head may be capitalised)
        if w.low in GROUP_HEADS:
            if j + 1 < len(ws) and ws[j + 1].capitalised:
                return []  # "The Young Doctors Association": a name, not a group
            if j + 1 < len(ws) and _bare(ws[j + 1].low) in _PERSON_HEADS:
                return []  # "The Karachi police chief": the chief, a description
            end = _group_of(ws, j)
            text = " ".join(x.text for x in ws[first : end + 1])
            m = Mention(ws[first].start, ws[end].end, text, text, first=first, last=end)
            for k in range(first, end + 1):
                taken[k] = True
            return [m]
    return []


def _group_after(ws: list[Word], start: int) -> Mention | None:
    """ "two former aides", "a group of councillors": unnamed people from ``start``, up to
    three modifiers then a group's head word."""
    for j in range(start, min(len(ws), start + 4)):
        w = ws[j]
        if not w.is_word or w.capitalised or w.low in _FUNCTION_WORDS - {"of"} | BE:
            return None
        if w.low in GROUP_HEADS | ORG_HEADS:
            end = _group_of(ws, j)  # "a cross-party committee of MPs"
            text = " ".join(x.text for x in ws[start : end + 1])
            return Mention(ws[start].start, ws[end].end, text, text, first=start, last=end)
    return None


# what a place's name may end with, in lower case: "the Multan division"
_PLACE_HEADS = frozenset(
    ["division", "district", "province", "city", "town", "area", "region", "station", "police"]
)


def _group_of(ws: list[Word], j: int) -> int:
    """Where a group's phrase ends after its head at ``j``: "of Keti Bandar" (a name), "of
    the dead teenager" (up to the verb), "Police in West Yorkshire" (a body by its place)."""
    # (any group by its place when a place follows: "Opposition councillors in Stockport")
    placed = (
        ws[j].low in _BARE_BODIES | GROUP_HEADS | UNNAMED_PEOPLE
        and j + 1 < len(ws)
        and ws[j + 1].low in ("in", "at")
    )
    if j + 2 >= len(ws) or (ws[j + 1].low != "of" and not placed):
        return j
    if ws[j + 2].capitalised and ws[j + 1].low != "at":  # ("a clerk at Mombasa port")
        end = j + 2
        while end + 1 < len(ws) and ws[end + 1].capitalised and ws[end + 1].is_word:
            end += 1
        return end
    if placed and ws[j + 2].low == "the" and j + 3 < len(ws) and ws[j + 3].capitalised:
        # "owners in the Multan division", "policemen at the Babupurwa police station"
        end = j + 3
        while end + 1 < len(ws) and ws[end + 1].capitalised and ws[end + 1].is_word:
            end += 1
        while end + 1 < len(ws) and end < j + 7 and ws[end + 1].low in _PLACE_HEADS:
            end += 1
        return end
    verbs = SPEECH | ACCUSE | CRITICISE | BE
    if ws[j + 2].low in ("the", "a", "an") and not placed:
        k = j + 3
        while k < min(len(ws), j + 7) and ws[k].is_word:
            if ws[k].low in verbs | CLAUSE_END | _FUNCTION_WORDS | {"who", "whose"}:
                break
            k += 1
        # "The family of the dead teenager said", "Relatives of a domestic worker who died"
        if k < len(ws) and ws[k].low in verbs | {"who", "whose"}:
            return k - 1
    return j


def _head_ahead(ws: list[Word], k: int) -> bool:
    """Whether an actor's head word follows within three plain words from ``k``."""
    for i in range(k, min(len(ws), k + 3)):
        if not ws[i].is_word or ws[i].low in _FUNCTION_WORDS | ARTICLES | BE | CLAUSE_END:
            return False
        if ws[i].low in ACTOR_HEADS:
            return True
    return False


def _name_goes_on(ws: list[Word], k: int) -> bool:
    """ "the Rail and Maritime Workers' Federation": "and" or a possessive mark between
    capitalised words of one name."""
    return (
        k + 1 < len(ws)
        and ws[k].text in ("and", "&", "'", "\u2019", "of", "for")
        and ws[k + 1].capitalised
    )


def _bare(low: str) -> str:
    """A word without its possessive: "minister's" -> "minister"."""
    return low.removesuffix("'s").removesuffix("\u2019s")


_BARE_PLURALS = _forms(
    "ministers officials authorities lawmakers legislators rulers soldiers troops agents guards "
    "policemen"
)


# heads whose portfolio may follow in lowercase: "the ministry of railways"
_PORTFOLIO_HEADS = _forms("ministry department")


def _portfolio_after(ws: list[Word], j: int, head: str) -> bool:
    """ "the ministry of railways": one lowercase noun after "of" names the ministry
    (not "accused the ministry of hiding": a deed is the charge)."""
    if head not in _PORTFOLIO_HEADS or j + 2 >= len(ws) or ws[j + 1].low != "of":
        return False
    w = ws[j + 2]
    return (
        w.text.isalpha()
        and not w.capitalised
        and not w.low.endswith("ing")
        and w.low not in _FUNCTION_WORDS | ARTICLES
    )


_GENERAL_OFFICES = _forms("attorney solicitor auditor inspector accountant prosecutor")


def _possessor_bodies(ws: list[Word], taken: list[bool]) -> list[Mention]:
    """ "Senegal's new government", "Pakistan's interior ministry": a place's body, one
    mention with its possessor (not the place alone)."""
    out = []
    for i, w in enumerate(ws):
        if taken[i] or not w.capitalised or w.low == _bare(w.low):
            continue
        for j in range(i + 1, min(len(ws), i + 4)):
            if taken[j] or not ws[j].is_word or ws[j].capitalised:
                break
            office = ws[j].low == "general" and ws[j - 1].low in _GENERAL_OFFICES
            if ws[j].low in ACTOR_HEADS or office:
                text = " ".join(x.text for x in ws[i : j + 1])
                out.append(Mention(w.start, ws[j].end, text, text, first=i, last=j))
                for k in range(i, j + 1):
                    taken[k] = True
                break
            if ws[j].low in _FUNCTION_WORDS | ARTICLES | BE | CLAUSE_END:
                break
    return out


_NUMBER_WORDS = _forms("two three four five six seven eight nine ten eleven twelve several")
# the words after which an unnamed object is a cue's: "booked a clerk", "a case against a man"
_OBJECT_OPENERS = _forms("against and") | ACCUSE | CHARGE_WITH | CRITICISE


def _unnamed_objects(ws: list[Word], taken: list[bool]) -> list[Mention]:
    """ "arrested a 34-year-old chartered accountant", "booked a sarpanch and three gram
    panchayat members": someone a cue's object describes without naming, "a"/"an" or a number,
    at most four lowercase modifiers and a person's head word (:data:`UNNAMED_PEOPLE`).
    Read only right after a cue, "against" or "and": after a comma such a phrase is an
    apposition ("booked X, a former director, and ...")."""
    out = []
    for i, w in enumerate(ws):
        if taken[i] or i == 0 or ws[i - 1].low not in _OBJECT_OPENERS:
            continue
        # "blamed sugar mill owners in the Multan division": a plural with no article
        bare = w.is_word and w.text.islower() and w.low not in _FUNCTION_WORDS | ARTICLES | BE
        if (
            w.low not in ("a", "an")
            and w.low not in _NUMBER_WORDS
            and not w.text.isdigit()
            and not bare
        ):
            continue
        for j in range(i + 1 if not bare else i, min(len(ws), i + 6)):
            wj = ws[j]
            if taken[j] or not wj.is_word or (wj.capitalised and not wj.text[:1].isdigit()):
                break
            if wj.low in _FUNCTION_WORDS | ARTICLES | BE | CLAUSE_END:
                break
            plural = wj.low.endswith("s") or wj.low.endswith("men")
            if (
                wj.low in UNNAMED_PEOPLE
                and (plural or not bare)
                and not (j + 1 < len(ws) and ws[j + 1].low in UNNAMED_PEOPLE)
            ):
                end = _group_of(ws, j)  # "three members of Khed taluka"
                text = " ".join(x.text for x in ws[i : end + 1])
                out.append(Mention(w.start, ws[end].end, text, text, first=i, last=end))
                for k in range(i, end + 1):
                    taken[k] = True
                break
    return out


def _descriptions(ws: list[Word], taken: list[bool]) -> list[Mention]:
    """ "the federal government", "the ruling party", "the former prime minister": an article,
    at most three modifiers and an actor's head word."""
    out = []
    for i, w in enumerate(ws):
        # "He said ministers had known", "alleges that jail guards ignored": a plural actor a
        # claim opens with, no article, at most one modifier before it
        modified = (
            i > 1
            and ws[i - 1].text.islower()
            and ws[i - 1].low not in _FUNCTION_WORDS | BE | SPEECH | {"that"}
        )
        opener = i - 2 if modified else i - 1
        if opener >= 2 and ws[opener].low in _DAYS and ws[opener - 1].low == "on":
            opener -= 2  # "said on Sunday soldiers had beaten"
        if (
            not taken[i]
            and w.low in _BARE_PLURALS
            and opener >= 0
            and ws[opener].low in SPEECH | {"that"}
            and not (modified and taken[i - 1])
        ):
            a = i - 1 if modified else i
            m = Mention(ws[a].start, w.end, _as_written(ws, a, i), _as_written(ws, a, i))
            m.first, m.last = a, i
            out.append(m)
            for k in range(a, i + 1):
                taken[k] = True
            continue
        if (
            not taken[i]
            and w.low in _BARE_BODIES
            and i + 1 < len(ws)
            and ws[i + 1].low in SPEECH
            and (i == 0 or not ws[i - 1].is_word or ws[i - 1].low in ("and", "but"))
        ):
            # "..., police said on Sunday": a body that speaks without an article
            out.append(Mention(w.start, w.end, w.text, w.text, first=i, last=i))
            taken[i] = True
            continue
        # "A senator ... Senator Liza Ocampo told": a sentence may open with someone it
        # names later (only there: "booked X, a former director, and ..." is an apposition)
        indefinite = w.low in ("a", "an") and (i == 0 or ws[i - 1].text in _DATELINE_ENDS)
        if (w.low not in ("the", "this") and not indefinite) or taken[i]:
            continue  # ("this government": a quote's way of naming the one in power)
        for j in range(i + 1, min(i + 5, len(ws))):
            wj = ws[j]
            if not wj.is_word:
                break
            head = _bare(wj.low)  # "the government's"
            related = head != wj.low and j + 1 < len(ws) and ws[j + 1].low in _RELATIONS
            if related:
                j, wj = j + 1, ws[j + 1]  # "the prime minister's brother": the brother
            elif head != wj.low and _head_ahead(ws, j + 1):
                continue  # "the party's general secretary": the secretary
            if indefinite and head not in _PERSON_HEADS | _GROUP_NOUNS | {
                "senator",
                "politician",
                "official",
            }:
                if wj.low in CLAUSE_END | BE | ARTICLES | _FUNCTION_WORDS:
                    break
                continue  # an indefinite description only of a person ("a senator")
            group_word = w.low == "the" and j == i + 1 and head in _GROUP_NOUNS
            if (related or head in ACTOR_HEADS or indefinite or group_word) and not (
                j + 1 < len(ws) and _bare(ws[j + 1].low) in ACTOR_HEADS
            ):
                if taken[j]:
                    break  # "the Senate": a name already
                # "the management of Al-Shifa Medical Complex": a name after "of" joins it
                # ("the women's wing of the Awami Sadaqat League" too)
                of_name = j + 2
                if of_name + 1 < len(ws) and ws[of_name].low == "the":
                    of_name += 1
                if _portfolio_after(ws, j, head):
                    j, wj = j + 2, ws[j + 2]  # "the ministry of railways"
                if of_name < len(ws) and ws[j + 1].low == "of" and ws[of_name].capitalised:
                    k = of_name
                    while k + 1 < len(ws) and (
                        ws[k + 1].capitalised or ws[k + 1].text in ")(" or _name_goes_on(ws, k + 1)
                    ):
                        if ws[k + 1].text == "(":
                            break
                        k += 1
                    j, wj = k, ws[k]
                text = " ".join(x.text for x in ws[i + 1 : j + 1])
                m = Mention(ws[i].start, wj.end, " ".join(x.text for x in ws[i : j + 1]), text)
                m.first, m.last = i, j
                out.append(m)
                for k in range(i, j + 1):
                    taken[k] = True
                break
            both = (  # "the federal and provincial governments": one phrase
                wj.low == "and"
                and j + 2 < len(ws)
                and ws[j + 1].text.islower()
                and ws[j + 2].low in ACTOR_HEADS
            )
            if wj.low in CLAUSE_END | BE | ARTICLES | _FUNCTION_WORDS and not both:
                break
    return out


# the words a title may open with: "the PVM working president K. Reddy"
_TITLE_MODIFIERS = frozenset(["working", "executive", "joint", "additional", "organising"])


def named_after(ws: list[Word], m: Mention, following: list[Mention]) -> Mention:
    """The name a sentence's opening mention is given right after it, if any: "the shadow
    transport secretary, Owen Pritchard, said", "Vilnara's opposition leader, Audra
    Kalvaitis, said", "the PVM (PVM) working president K. Reddy"; else ``m``."""
    gap = past_bracket(ws, m.last + 1, len(ws), 5)
    # the first mention after any bracketed acronym ("Praja Vikas Morcha (PVM) ... Reddy")
    named = next((f for f in following if f.first >= gap), None)
    while (
        gap < len(ws)
        and gap - m.last <= 5
        and ws[gap].low in TITLES | ACTOR_HEADS | _TITLE_MODIFIERS
        and ws[gap].text.islower()
    ):
        gap += 1  # title words only: not "told a press conference in X"
    if named is not None and named.first == gap and gap > m.last + 1:
        gap -= 1  # the name right after the title: "working president K. Reddy"
    if (
        named is not None
        and named.first == gap + 1
        and gap < len(ws)
        and (ws[gap].text in ",\u060c" or ws[gap].text.islower() or ws[gap].text == ")")
        and not named.pronoun
        and named.text[:1].isupper()
    ):
        return named
    return m


def past_bracket(ws: list[Word], k: int, end: int, reach: int) -> int:
    """The word after a bracket that opens at word ``k`` and closes within ``reach`` words
    (before ``end``): past "(CBI)" in "the Central Bureau of Investigation (CBI) has"; ``k``
    when no bracket opens there or none closes in reach."""
    if k >= end or ws[k].text != "(":
        return k
    close = next((i for i in range(k, min(end, k + reach)) if ws[i].text == ")"), -1)
    return close + 1 if close > 0 else k


def object_of_preposition(ws: list[Word], m: Mention, but_of: bool = False) -> bool:
    """ "with the Speaker", "in the accountability court": an object, not a subject.
    ``but_of``: "leaders of the AIP, the PAM and ..." does not count (the list names them)."""
    k = m.first - 1
    while k >= 0 and (ws[k].low in ARTICLES or (ws[k].low in TITLES and not ws[k].capitalised)):
        k -= 1
    if but_of and k >= 0 and ws[k].low == "of":
        return False
    return k >= 0 and ws[k].low in _FUNCTION_WORDS - {"and", "or"}
