"""Urdu rules: who accuses, condemns or demands action against whom, and for what.

Urdu marks the roles with postpositions, which the rules read: the accuser stands before
``نے``, the target before ``پر`` (``Y پر C کا الزام``), ``کو`` (``Y کو تنقید کا نشانہ``,
``Y کو غدار قرار دیا``), ``کی`` (``Y کی مذمت``) or ``کے خلاف`` (``Y کے خلاف کارروائی کا
مطالبہ``), and the charge between the target's postposition and the cue. A name is the run of
words before its postposition back to a function word, a verb or a punctuation mark, titles
joined by a genitive (``ایم کیو ایم کے قائد الطاف حسین``) kept in it. A sentence with no
``نے`` speaks for its speaker when it says ``ہم`` or ``یہ ایوان``, or for whoever it is
attributed to (``X نے کہا کہ``, ``X کے مطابق``). A cue negated (``نہیں``) or a sentence that
rejects allegations (``تردید``, ``مسترد``, ``بے بنیاد``) yields nothing: denials are not
accusations.
"""

from __future__ import annotations

from echoscope.targets.entities import Entities
from echoscope.targets.found import Found, Mention
from echoscope.targets.words import Word, cue_pattern, fold


def _set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


ERGATIVE = fold("نے")
AND, THAT, FROM, IN = fold("اور"), fold("کہ"), fold("سے"), fold("میں")
ON, TO, OF_F, OF_M, OF_PL = (fold(w) for w in ("پر", "کو", "کی", "کا", "کے"))
GENITIVES = frozenset((OF_F, OF_M, OF_PL))
ALLEGATION = _set("الزام الزامات الزامات")
CONDEMN = _set("مذمت")
CRITICISM = _set("تنقید")
DECLARED = _set("قرار ٹھہرایا ٹھہرا ٹھہراتے")
DEMAND = _set("مطالبہ مطالبے")
INVOLVED = _set("ملوث")
SLURS = _set(
    "غدار غداری چور چوروں ڈاکو ڈاکوؤں لٹیرا لٹیرے لٹیروں ایجنٹ ایجنٹوں کرپٹ بدعنوان دہشت "
    "مجرم جھوٹا جھوٹے کٹھ پتلی دشمن رسک سازشی فاشسٹ آمر منافق ذمہ دار ذمہ‌دار مافیا یار "
    "فسطائیت فسطائی ملک دشمن سہولت کار ایجنڈے"
)
ACTIONS_AGAINST = _set("کارروائی کاروائی تحقیقات انکوائری مقدمہ مقدمات ریفرنس ایف آئی آر")
ACTIONS_OF = _set("گرفتاری استعفے استعفی استعفیٰ برطرفی نااہلی سزا ٹرائل احتساب")
AGAINST = fold("خلاف")
DENIALS = _set("تردید مسترد بےبنیاد منگھڑت")
# two-word denials: "بے بنیاد" (baseless), "من گھڑت" (made up); "من" alone is "mind"
DENIAL_PAIRS = ((fold("بے"), fold("بنیاد")), (fold("من"), fold("گھڑت")))
NEGATIONS = _set("نہیں نہ کبھی")
TITLES = _set(
    "وزیر وزیراعظم وزیراعلی وزیراعلیٰ اعظم اعلی اعلیٰ اطلاعات داخلہ خارجہ خزانہ قانون دفاع "
    "چیئرمین چیرمین سربراہ قائد رہنما رہنماؤں صدر ترجمان سینیٹر رکن اراکین ارکان سابق وفاقی "
    "صوبائی مرکزی سیکرٹری جنرل لیڈر بانی امیر نائب مشیر معاون خصوصی اپوزیشن جناب محترمہ محترم "
    "ڈاکٹر شریک کنوینر گورنر اسپیکر سپیکر حکومت"
)
#: the titles as written, and the case marks a name stands before (for titles resolved to
#: the person an earlier sentence gave them to)
TITLES_TEXT = frozenset(TITLES)
CASE_MARKS = "(?:نے|کو|پر|کی|کے|کا|سے)(?![\\w])"
# words that end a name, read backwards from its postposition
STOP = _set(
    "نے کو پر میں سے تک کہ اور یا جبکہ لیکن مگر تاہم بھی ہی تو نہ نہیں ہے ہیں تھا تھے تھی "
    "ہوئے ہوئی ہوا کرتے کرتی کرنے کیا کیے کئے گیا گئی گئے دیا دی دیے دیتے کہا بتایا آج کل "
    "روز دن منگل بدھ جمعرات جمعہ جمعے ہفتہ ہفتے اتوار پیر یہاں وہاں جب پچھلے اگلے جن جس "
    "جنہوں جو اب اس ان یہ وہ "
    "نیز بعد قبل دوران ساتھ خلاف لیے لئے ایک شدید سخت بھرپور کڑی مطابق کہنا ہوں کر دے خود "
    "خطاب کانفرنس اجلاس بیان تقریب موقع"
)
PRONOUNS = _set("انہوں انھوں ان اس وہ")
FIRST_PERSON = _set("ہم ہمارے ہماری ہمارا")
HOUSE = _set("ایوان اسمبلی")
INTENSIFIERS = _set("شدید سخت بھرپور کڑی کڑے زبردست پرزور")
# "Y کے بیان کی مذمت": what of Y's is condemned; Y is the target, the noun the charge
DEEDS = _set("بیان بیانات اقدام اقدامات رویے رویہ فیصلے فیصلہ کارروائی تقریر الزامات")
# "ٹی وی پر الزام لگایا کہ": a medium or venue before پر, not a target
VENUES = frozenset(
    fold(w)
    for w in (
        "ٹی وی",
        "ریڈیو",
        "جلسے",
        "جلسہ",
        "ٹویٹر",
        "ایکس",
        "میڈیا",
        "سوشل میڈیا",
        "فیس بک",
        "ویڈیو پیغام",
    )
)
SIDE = _set("جانب طرف")
RELATIVES = _set("جن جس")
# roles, not names: "the accused", "the complainant"
ROLES = _set("ملزم ملزمان مدعی مدعیان")
PROBES = _set("تحقیقات انکوائری تفتیش چھان")
EACH_OTHER = frozenset((fold("ایک دوسرے"), fold("دوسرے")))
RAINED, FINGERS, DOCK = fold("برس"), fold("انگلیاں"), fold("کٹہرے")
FELL = _set("پڑے پڑیں پڑا پڑی")
CASES = _set("مقدمہ مقدمات ریفرنس ایف تحریک درخواست شکایت قرارداد")
FILED = _set("درج دائر جمع")
# what is condemned or criticised instead of a person: a deed (whose owner is the target) or
# an event (no one's, unless named)
DEEDS_WIDE = _set(
    "کارکردگی کردار بجٹ پالیسی پالیسیوں فیصلے فیصلہ بیان بیانات اقدامات اقدام رویے رویہ "
    "تقریر طرز حکمرانی منصوبے"
)
EVENTS = _set("واقعے واقعہ واقعات حملے حملہ دھماکے دھماکہ فائرنگ قتل سانحے سانحہ")
MODALS = _set("سکتا سکتی سکتے")
HAND, BEHIND = fold("ہاتھ"), fold("پیچھے")
SAID = _set("کہا کہی بتایا")
BE = _set("تھا تھی تھے ہے ہیں")
HEADS = _set("حکومت پارٹی کمیشن پولیس اسمبلی ایجنسی محاذ موومنٹ اتحاد لیگ عدالت بیورو")
# "بیچ رہی ہے" (is selling); "بیچ" alone is also "between"
SELL = fold("بیچ")
SELL_AUX = _set("رہی رہے رہا دی دیا دیں دیے ڈالا ڈالی ڈالے دیتی دیتے")
# the wrongs an unattributed sentence must name to be an accusation in its own voice
STRONG_WRONGS = _set(
    "چوری لوٹ لوٹا لوٹے کرپشن بدعنوانی دھاندلی لانڈرنگ سازش غداری خورد رشوت تباہ ایجنٹ "
    "انتقام اغوا ہراساں فسطائیت ملوث جعلی بانٹ غدار"
)
# wrongs that make a reported statement an accusation ("X نے کہا کہ Y نے فنڈز لوٹ لیے")
WRONGS = _set(
    "چوری لوٹ لوٹا لوٹے لوٹی کرپشن بدعنوانی دھاندلی لانڈرنگ سازش غداری قبضے قبضہ خورد "
    "رشوت کمیشن کک تباہ ایجنٹ کٹھ انتقام جھوٹے تشدد اغوا ہراساں غیر قانونی آئینی فسطائیت "
    "ملوث جعلی طوطا ٹیم دہشت سرپرست سرپرستی بانٹ بیچ بیچ دیں بیچ دی بیچا نقصان مافیا "
    "جھوٹی انتشار بھگت دھمکیاں ہڑپ"
)
# slurs said of a deed, not a person: "Y کی فسطائیت"
DEEDS_OF = _set("فسطائیت غداری سازش ایجنڈے ایجنڈا آمریت")
HANDS = fold("ہاتھوں")
CLAUSE_BREAKS = _set("اور جبکہ لیکن مگر تاہم بلکہ")
SPEECH_MARKERS = (fold("کہنا"), fold("مطابق"))

_CUE_WORDS = sorted(
    ALLEGATION
    | CONDEMN
    | CRITICISM
    | DEMAND
    | INVOLVED
    | SLURS
    | DECLARED
    | WRONGS
    | CASES
    | {fold("ہاتھوں"), fold("برس"), fold("انگلیاں"), fold("کٹہرے")}
)
#: where a text may hold an accusation: one scan per document
CUE = cue_pattern(_CUE_WORDS)
_PUNCT = frozenset("،,۔.؛;:!؟?\"'()[]\u201c\u201d\u2018\u2019«»-\u2013\u2014")


def mentions(ws: list[Word], entities: Entities, doc_lower: set[str]) -> list[Mention]:
    """Known names only: Urdu names are read by position (see :func:`noun_before`), but
    names the entity list knows are found anywhere, for attribution and pronouns."""
    out = []
    i = 0
    longest = min(entities.longest_alias, 8)
    while i < len(ws):
        hit = entities.longest_at(ws, i, longest, lambda _n, key: len(key) > 1)
        if hit:
            out.append(_mention(ws, i, i + hit[0] - 1, hit[1]))
        i += hit[0] if hit else 1
    return out


def _mention(ws: list[Word], a: int, b: int, known: str = "") -> Mention:
    text = " ".join(w.text for w in ws[a : b + 1])
    # titles dropped: the words after the last title, when any are left
    last_title = max((k for k in range(a, b + 1) if ws[k].low in TITLES), default=None)
    name_words = ws[last_title + 1 : b + 1] if last_title is not None and last_title < b else []
    # "وزیر اعلیٰ پنجاب": a title and a place, no person's name: the phrase is the name
    name = " ".join(w.text for w in name_words) if len(name_words) > 1 else text
    pronoun = ws[a].low if a == b and ws[a].low in PRONOUNS | FIRST_PERSON else ""
    return Mention(
        ws[a].start, ws[b].end, text, name, known=known, pronoun=pronoun, first=a, last=b
    )


def noun_before(ws: list[Word], p: int, known: list[Mention]) -> Mention | None:
    """The name that ends just before word ``p`` (a postposition): a known name ending there,
    else the run of words back to a stop word, titles joined by a genitive kept."""
    for m in known:
        if m.last == p - 1:
            return m
    k = p - 1
    while k >= 0 and p - k <= 7:
        w = ws[k]
        if w.text in _PUNCT or not w.is_word:
            break
        if w.low in GENITIVES:
            # "ایم کیو ایم کے قائد": a genitive joins a title to its party
            if k + 1 < p and ws[k + 1].low in TITLES and k > 0 and ws[k - 1].low not in STOP:
                k -= 1
                continue
            break
        if w.low in PRONOUNS | FIRST_PERSON:
            if k == p - 1:
                return _mention(ws, k, k)
            break
        if w.low in STOP:
            break
        k -= 1
    if k + 1 >= p:
        return None
    # a known name inside the run wins: "پی ٹی آئی کے چیئرمین عمران خان"
    for m in known:
        if m.first > k and m.last < p:
            return m
    return _mention(ws, k + 1, p - 1)


def accusations(ws: list[Word], found_mentions: list[Mention]) -> list[Found]:
    """Every accusation the rules read in one sentence (see the module's docstring)."""
    out = []
    for c, w in enumerate(ws):
        low = w.low
        hit = None
        if low in ALLEGATION:
            if _denied(ws, c) or (c + 1 < len(ws) and ws[c + 1].low == IN):
                continue  # a denial; "کے الزام میں": the charge a case is brought on
            if c + 2 < len(ws) and ws[c + 1].low in GENITIVES and ws[c + 2].low in PROBES:
                continue  # "الزامات کی تحقیقات": an inquiry into allegations
            hit = _allegation(ws, c, found_mentions)
        elif low == HANDS and c > 0 and ws[c - 1].low == fold("آڑے"):
            hit = _criticise(ws, c, found_mentions)  # "Y کو C پر آڑے ہاتھوں لیا"
        elif low in CONDEMN:
            hit = _condemn(ws, c, found_mentions)
        elif low in CRITICISM:
            hit = _criticise(ws, c, found_mentions)
        elif low in DECLARED:
            hit = _declared(ws, c, found_mentions)
        elif low in DEMAND:
            hit = _demand(ws, c, found_mentions)
        elif low == RAINED and c + 1 < len(ws) and ws[c + 1].low in FELL and c >= 2:
            # "Y پر برس پڑے": lashed out at Y
            if ws[c - 1].low == ON:
                hit = _at_target(ws, c, c - 1, found_mentions)
        elif low == FINGERS and c >= 3 and ws[c - 1].low in SIDE and ws[c - 2].low == OF_F:
            hit = _at_target(ws, c, c - 2, found_mentions)  # "Y کی جانب انگلیاں اٹھائیں"
        elif low == DOCK and c >= 2 and ws[c - 1].low == TO:
            hit = _at_target(ws, c, c - 1, found_mentions)  # "Y کو کٹہرے میں کھڑا کیا"
        elif low in CASES:
            hit = _case_against(ws, c, found_mentions)
        if hit is not None and not hit.extra.get("each_other"):
            hit.targets = [t for t in hit.targets if fold(t.text) not in EACH_OTHER | ROLES]
            if not hit.targets:
                hit = None
        if hit is not None and any(_not_a_target(ws, t) for t in hit.targets):
            hit.targets = [_owner_of(ws, t, found_mentions) for t in hit.targets]
            hit.targets = [t for t in hit.targets if t is not None]
            if not hit.targets:
                hit = None
        if hit is None or _negated(ws, c):
            continue
        if hit.accuser is None and not hit.first_person:
            hit.accuser, hit.first_person = _attributed(ws, c, found_mentions)
        if hit.accuser is not None and any(_same(hit.accuser, t) for t in hit.targets):
            continue
        out.append(hit)
    if not out:
        reported = _reported(ws, found_mentions) or _own_claim(ws, found_mentions)
        if reported is not None:
            out.append(reported)
    return out


def _own_claim(ws: list[Word], known: list[Mention]) -> Found | None:
    """ "Y نے ... غداری کی ہے", "Y ... پانی چوری کر رہے تھے": a wrong the sentence says its
    subject did, in the document's own voice."""
    if any(w.low in NEGATIONS for w in ws) or _has_denial(ws):
        return None
    e = next((i for i in range(1, min(len(ws), 10)) if ws[i].low == ERGATIVE), -1)
    if e > 0:
        target = noun_before(ws, e, known)
        start = e + 1
    else:
        target = _leading_name(ws, 0, len(ws), known)
        start = target.last + 1 if target is not None else 0
    if target is None or target.pronoun or target.first > 1:
        return None
    wrong = next(
        (
            i
            for i in range(start, len(ws))
            if ws[i].low in STRONG_WRONGS
            or (ws[i].low == SELL and i + 1 < len(ws) and ws[i + 1].low in SELL_AUX)
        ),
        -1,
    )
    if wrong < 0:
        return None
    charge = _charge(ws, start, min(len(ws) - 1, start + 10))
    # the cue is the word for the wrong ("غداری", "بیچ رہی ہے")
    found = Found(ws[wrong].start, ws[wrong].end, [target], None, False, charge)
    found.extra["needs_attribution"] = "yes"
    return found


def _at_target(ws: list[Word], c: int, p: int, known: list[Mention]) -> Found | None:
    """An accusation whose target is the name before postposition ``p``."""
    targets = _coordinated(ws, p, known)
    if not targets:
        return None
    accuser, first_person = _subject(ws, targets[0].first, known)
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, None)


def _case_against(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "Y کے خلاف مقدمہ درج کیا", "Y کی نااہلی کے لیے ریفرنس دائر کیا": a case brought."""
    if not any(ws[i].low in FILED for i in range(c + 1, min(len(ws), c + 5))):
        return None
    against = _last_before(ws, c, AGAINST, max(0, c - 8))
    if against > 1 and ws[against - 1].low in GENITIVES:
        target = noun_before(ws, against - 1, known)
        charge = _charge(ws, against + 1, c - 1) if against + 1 < c else None
    else:
        of = next((i for i in range(c - 1, max(0, c - 6), -1) if ws[i].low in ACTIONS_OF), -1)
        if of < 2 or ws[of - 1].low not in GENITIVES:
            return None
        target = noun_before(ws, of - 1, known)
        charge = None
    if target is None:
        return None
    accuser, first_person = _subject(ws, target.first, known)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _not_a_target(ws: list[Word], m: Mention) -> bool:
    """A deed or an event where a name should be: "Y کی کارکردگی پر تنقید" (Y's work),
    "فائرنگ کے واقعے کی مذمت" (an incident, no one's)."""
    last = fold(ws[m.last].text)
    return last in DEEDS_WIDE | EVENTS or _verbal_noun(last)


def _verbal_noun(word: str) -> bool:
    """ "کہنے", "کرنے", "دینے": an infinitive used as a noun (the act, not a name)."""
    return len(word) > 3 and word.endswith(fold("نے"))


def _owner_of(ws: list[Word], m: Mention, known: list[Mention]) -> Mention | None:
    """Whose deed it is ("کراچی پاور بورڈ کی کارکردگی": the board), or None for an event or
    a deed of no one named."""
    if _verbal_noun(fold(ws[m.last].text)):
        return _agent(ws, known)  # "X کی جانب سے Y کو غدار کہنے کی مذمت": X's act
    if fold(ws[m.last].text) in EVENTS or m.first < 2:
        return None
    if ws[m.first - 1].low in GENITIVES:
        return noun_before(ws, m.first - 1, known)
    if m.first == m.last - 1 and ws[m.first].low in GENITIVES:
        return None
    k = next((i for i in range(m.last - 1, m.first - 1, -1) if ws[i].low in GENITIVES), -1)
    if k > m.first:
        return noun_before(ws, k, known)
    return None


def _reported(ws: list[Word], known: list[Mention]) -> Found | None:
    """A wrong said of someone, attributed: "X کا کہنا تھا کہ Y ...", "X نے کہا کہ Y ...",
    "X کے مطابق Y ...", "Y ...، یہ بات X نے کہی", "”Y ...“، X نے کہا". Only when the
    reported clause names a wrong (:data:`WRONGS`)."""
    n = len(ws)
    clause = None  # (accuser, clause start, clause end)
    for i, w in enumerate(ws):
        if w.low == THAT and i >= 2:
            said = ws[i - 1].low in SAID or (ws[i - 2].low == fold("کہنا") and ws[i - 1].low in BE)
            if not said:
                continue
            marker = i - 2 if ws[i - 1].low in SAID else i - 3
            ergative = ws[i - 1].low in SAID and ws[marker].low == ERGATIVE
            if ergative or ws[marker].low in GENITIVES:
                speaker = noun_before(ws, marker, known)
            else:
                continue
            if speaker is not None:
                clause = (speaker, i + 1, n)
                break
        if w.low in (fold("مطابق"), fold("بقول")) and i >= 2 and ws[i - 1].low in GENITIVES:
            speaker = noun_before(ws, i - 1, known)
            if speaker is not None:
                clause = (speaker, i + 1, n)
                break
    if clause is None:
        # "Y ...، یہ بات X نے کہی" / "”Y ...“، X نے کہا"
        comma = next((i for i in range(n) if ws[i].text in ("،", ",")), -1)
        e = next((i for i in range(comma + 1, n) if ws[i].low == ERGATIVE), -1)
        said_after = e > 0 and any(ws[i].low in SAID for i in range(e + 1, n))
        if comma > 1 and said_after:
            speaker = noun_before(ws, e, known)
            if speaker is not None and ws[speaker.first].low != fold("بات"):
                clause = (speaker, 0, comma)
        elif comma > 1 and any(ws[i].low in SAID for i in range(comma + 1, n)):
            agent = _agent(ws[comma + 1 :], [])  # "، X کی جانب سے جاری بیان میں کہا گیا"
            if agent is not None:
                shift = comma + 1
                speaker = _mention(ws, agent.first + shift, agent.last + shift)
                clause = (speaker, 0, comma)
    if clause is None:
        return None
    accuser, start, end = clause
    while start < end and ws[start].text in _PUNCT:
        start += 1
    hand = next(
        (i for i in range(start + 2, end) if ws[i].low == HAND and ws[i - 1].low in GENITIVES),
        -1,
    )
    if hand > 0 and any(ws[i].low == BEHIND for i in range(start, hand)):
        # "کوئٹہ دھماکے کے پیچھے را کا ہاتھ ہے": whose hand is behind it is the target
        owner = noun_before(ws, hand - 1, known)
        if owner is not None and not _same(owner, accuser):
            charge = _charge(ws, start, hand)
            return Found(ws[hand].start, ws[hand].end, [owner], accuser, False, charge)
    wrong = next((i for i in range(start, end) if ws[i].low in WRONGS), -1)
    if wrong < 0:
        return None
    e = next((i for i in range(start, end) if ws[i].low == ERGATIVE), -1)
    if e > start:
        target = noun_before(ws, e, known)
        charge_from = e + 1
    else:
        target = _leading_name(ws, start, end, known)
        charge_from = target.last + 1 if target is not None else start
    if target is None or target.pronoun or _same(target, accuser):
        return None
    charge = _charge(ws, charge_from, min(end - 1, charge_from + 10))
    return Found(ws[wrong].start, ws[wrong].end, [target], accuser, False, charge)


def _leading_name(ws: list[Word], start: int, end: int, known: list[Mention]) -> Mention | None:
    """The name a clause opens with: a known one, else its words up to the first function
    word, cut after the first actor's head ("الیکشن کمیشن قومی اتحاد ..." -> "الیکشن کمیشن")."""
    for m in known:
        if m.first == start:
            return m
    k = start
    while k < end and ws[k].is_word and ws[k].low not in STOP | GENITIVES and k - start < 6:
        if ws[k].low in HEADS and k > start:
            return _mention(ws, start, k)
        k += 1
    return _mention(ws, start, k - 1) if k - 1 >= start and k - start <= 3 else None


def _denied(ws: list[Word], c: int) -> bool:
    """Whether the clause of cue ``c`` rejects allegations ("الزامات کو بے بنیاد قرار دے کر
    مسترد کر دیا"): a denial, not an accusation. The clause ends at "اور", a comma or a
    conjunction, so a counter-accusation after a denial is still read."""
    a = c
    while a > 0 and ws[a - 1].low not in CLAUSE_BREAKS and ws[a - 1].text not in _PUNCT:
        a -= 1
    b = c
    while b + 1 < len(ws) and ws[b + 1].low not in CLAUSE_BREAKS and ws[b + 1].text not in _PUNCT:
        b += 1
    clause = ws[a : b + 1]
    return _has_denial(clause)


def _has_denial(ws: list[Word]) -> bool:
    return any(w.low in DENIALS for w in ws) or any(
        (ws[i].low, ws[i + 1].low) in DENIAL_PAIRS for i in range(len(ws) - 1)
    )


def _same(a: Mention, b: Mention) -> bool:
    return a.start == b.start and a.end == b.end


def _negated(ws: list[Word], c: int) -> bool:
    """A negation right after the cue (Urdu puts it before the verb that follows), or a
    modal: "الزام لگا سکتی ہے" (could accuse) says what may happen, not what was said."""
    after = range(c + 1, min(len(ws), c + 4))
    return any(ws[i].low in NEGATIONS | MODALS for i in after)


def _last_before(ws: list[Word], c: int, word: str, floor: int = 0) -> int:
    for i in range(c - 1, floor - 1, -1):
        if ws[i].low == word:
            return i
    return -1


def _subject(ws: list[Word], before: int, known: list[Mention]) -> tuple[Mention | None, bool]:
    """The name before the nearest ``نے`` ahead of word ``before``; ("یہ ایوان", "ہم") the
    speaker."""
    e = _last_before(ws, before, ERGATIVE)
    if e > 0:
        names = _coordinated(ws, e, known)
        m = names[-1] if names else None
        if m is not None and len(names) > 1:
            m.also = names[:-1]
        if m is not None and m.pronoun in FIRST_PERSON:
            return None, True
        if m is not None and ws[m.first].low in HOUSE and m.first == m.last:
            return None, True
        return m, False
    for i in range(0, before):
        if ws[i].low in FIRST_PERSON:
            return None, True
        if ws[i].low in HOUSE and i > 0 and ws[i - 1].low == fold("یہ"):
            return None, True
    agent = _agent(ws, known)
    if agent is not None:
        return agent, False
    return None, False


def _agent(ws: list[Word], known: list[Mention]) -> Mention | None:
    """The agent of a passive: "X کی جانب سے" / "X کی طرف سے"."""
    for i in range(1, len(ws) - 1):
        if ws[i].low in SIDE and ws[i - 1].low == OF_F and ws[i + 1].low == FROM and i >= 2:
            return noun_before(ws, i - 1, known)
    return None


def _charge(ws: list[Word], a: int, b: int) -> tuple[int, int] | None:
    """Words ``a`` to ``b`` (inclusive) as the charge, a final genitive and intensifiers
    trimmed."""
    while b >= a and (ws[b].low in GENITIVES | INTENSIFIERS or ws[b].text in _PUNCT):
        b -= 1
    while a <= b and (ws[a].low in INTENSIFIERS or ws[a].text in _PUNCT):
        a += 1
    if b < a or b - a > 12:
        return None
    return ws[a].start, ws[b].end


def _allegation(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے Y پر C کا الزام لگایا" (the target's پر is the first after نے: a later one is
    in the charge); "Y پر X نے C کا الزام"; "X نے الزام عائد کیا کہ Y نے C" (the target is
    the clause's subject)."""
    floor = max(0, c - 20)
    e = _last_before(ws, c, ERGATIVE, floor)
    p = next((i for i in range(max(e, floor), c) if ws[i].low == ON), -1)
    fronted = next((i for i in range(floor, e) if ws[i].low == ON), -1) if e > 0 else -1
    if fronted > 0:
        listed = _coordinated(ws, fronted, known)
        first = listed[0] if listed else None
        # "Y پر X نے ... الزام": the target opens the sentence, before the accuser
        if first is not None and (first.first == 0 or ws[first.first - 1].text in _PUNCT):
            p = fronted
    if p < 0:
        p = next((i for i in range(max(e, floor), c) if ws[i].low == TO), -1)
    if p < 1:
        return _alleged_that(ws, c, known)
    if p >= 3 and ws[p - 1].low in RELATIVES and ws[p - 2].text in ("،", ","):
        # "وزیر X، جن پر Y نے ... کا الزام": X, named before the relative
        antecedent = noun_before(ws, p - 2, known)
        if antecedent is None:
            return None
        accuser, first_person = _subject(ws, c, known)
        charge = _charge(ws, _last_before(ws, c, ERGATIVE) + 1, c - 1)
        return Found(ws[c].start, ws[c].end, [antecedent], accuser, first_person, charge)
    targets = _coordinated(ws, p, known)
    targets = [t for t in targets if t.known or fold(t.text) not in VENUES]
    if not targets:
        return None
    charge = _charge(ws, p + 1, c - 1)
    accuser, first_person = _subject(ws, targets[0].first, known)
    if fold(targets[-1].text) in EACH_OTHER and accuser is not None and accuser.also:
        found = Found(ws[c].start, ws[c].end, [accuser.also[-1]], accuser, False, charge)
        found.extra["each_other"] = "yes"  # "X اور Y نے ایک دوسرے پر ... کا الزام"
        return found
    if accuser is None and not first_person and e > p:
        accuser = noun_before(ws, e, known)  # "Y پر X نے ... الزام": the object put first
        charge = _charge(ws, e + 1, c - 1)
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge)


def _coordinated(ws: list[Word], p: int, known: list[Mention]) -> list[Mention]:
    """The names before postposition ``p``, "X اور Y" giving both."""
    out = []
    target = noun_before(ws, p, known)
    while target is not None and not target.pronoun:
        out.insert(0, target)
        if target.first < 2 or ws[target.first - 1].low not in (AND, "،", ","):
            break
        target = noun_before(ws, target.first - 1, known)
        if target is not None:  # only a list that starts the clause: "X، Y اور Z نے"
            before = ws[target.first - 1] if target.first > 0 else None
            if before is not None and not (
                before.low in (AND, ERGATIVE, "،", ",") or before.text in _PUNCT
            ):
                break
    if not out and target is not None:
        out.append(target)
    return out


def _alleged_that(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے الزام عائد کیا کہ Y نے C": Y the target, C the charge."""
    that = next((i for i in range(c + 1, min(len(ws), c + 5)) if ws[i].low == THAT), -1)
    if that < 0:
        return None
    e = next((i for i in range(that + 1, min(len(ws), that + 9)) if ws[i].low == ERGATIVE), -1)
    if e > that + 1:
        target = noun_before(ws, e, known)
        start = e + 1
    else:
        target = next((m for m in known if m.first == that + 1), None)
        target = target or _leading_name(ws, that + 1, len(ws), known)
        start = target.last + 1 if target else 0
    if target is None or target.pronoun:
        return None
    charge = _charge(ws, start, min(len(ws) - 1, start + 10))
    accuser, first_person = _subject(ws, c, known)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _condemn(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے Y کی (شدید) مذمت کی"; "Y کے بیان کی مذمت" (the statement is the charge)."""
    g = c - 1
    while g >= 0 and ws[g].low in INTENSIFIERS:
        g -= 1
    if g < 1 or ws[g].low != OF_F:
        return None
    charge = None
    head = g
    if ws[g - 1].low in DEEDS and g >= 3 and ws[g - 2].low in GENITIVES:
        charge = (ws[g - 1].start, ws[g - 1].end)
        head = g - 2
    target = noun_before(ws, head, known)
    if target is None:
        return None
    if charge is None and target.first >= 2 and ws[target.first - 1].low == ON:
        # "C پر Y کی مذمت": what they are condemned for, back to the accuser's نے
        e = _last_before(ws, target.first - 1, ERGATIVE)
        charge = _charge(ws, e + 1 if e >= 0 else 0, target.first - 2)
    accuser, first_person = _subject(ws, target.first, known)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _criticise(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے Y کو C پر تنقید کا نشانہ بنایا"; "X نے Y پر (کڑی) تنقید کی"."""
    floor = max(0, c - 14)
    e = _last_before(ws, c, ERGATIVE, floor)
    start = max(e + 1, floor) if e >= 0 else 0
    # the first کو of the clause: a later one is in the charge ("اجلاس کو ... استعمال")
    to = next((i for i in range(start, c) if ws[i].low == TO), -1)
    on = _last_before(ws, c, ON, floor)
    if to > 0:
        target = noun_before(ws, to, known)
        charge = _charge(ws, to + 1, on - 1) if on > to else None
    elif on > 0:
        target = noun_before(ws, on, known)
        charge = None
    else:
        return None
    if target is None:
        return None
    accuser, first_person = _subject(ws, target.first, known)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _declared(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے Y کو غدار قرار دیا", "Y کو C کا ذمہ دار ٹھہرایا": only with a slur."""
    to = _last_before(ws, c, TO, max(0, c - 12))
    if to < 1:
        return None
    between = ws[to + 1 : c]
    if not any(w.low in SLURS for w in between):
        # "C کا ذمہ دار Y کو ٹھہرایا": held responsible, the charge before the target
        target = noun_before(ws, to, known)
        resp = _last_before(ws, target.first if target else to, fold("ذمہ"), max(0, to - 14))
        if target is None or resp < 2 or ws[resp - 1].low not in GENITIVES:
            return None
        e = _last_before(ws, resp, ERGATIVE)
        charge = _charge(ws, e + 1 if e >= 0 else 0, resp - 2)
        accuser, first_person = _subject(ws, resp, known)
        return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)
    target = noun_before(ws, to, known)
    slur = next((i for i in range(to + 1, c) if ws[i].low in SLURS), -1)
    if slur > to + 2 and ws[slur - 1].low in GENITIVES and ws[slur].low in DEEDS_OF:
        # "گرفتاریوں کو Y کی فسطائیت قرار دیا": the arrests are Y's fascism; Y the target
        owner = noun_before(ws, slur - 1, known)
        if owner is not None:
            accuser, first_person = _subject(ws, to, known)
            charge = (ws[slur].start, ws[slur].end)
            return Found(ws[c].start, ws[c].end, [owner], accuser, first_person, charge)
    if target is None:
        return None
    # "C کا ذمہ دار": the charge is what they are held responsible for
    responsible = [i for i in range(to + 1, c) if ws[i].low == fold("ذمہ")]
    if responsible and responsible[0] - 1 > to and ws[responsible[0] - 1].low in GENITIVES:
        charge = _charge(ws, to + 1, responsible[0] - 2)
    else:
        charge = _charge(ws, to + 1, c - 1)
    accuser, first_person = _subject(ws, target.first, known)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _demand(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "Y کے خلاف کارروائی کا مطالبہ", "Y کی گرفتاری کا مطالبہ"."""
    floor = max(0, c - 12)
    against = _last_before(ws, c, AGAINST, floor)
    target = None
    if (
        against > 1
        and ws[against - 1].low in GENITIVES
        and any(ws[i].low in ACTIONS_AGAINST for i in range(against + 1, c))
    ):
        target = noun_before(ws, against - 1, known)
    if target is None:
        for i in range(c - 1, floor, -1):
            if ws[i].low in ACTIONS_OF and i >= 2 and ws[i - 1].low in GENITIVES | {FROM}:
                target = noun_before(ws, i - 1, known)
                break
    if target is None:
        # "مطالبہ کیا کہ Y کے خلاف ... مقدمہ درج کیا جائے": the demand's clause after it
        that = next((i for i in range(c + 1, min(len(ws), c + 4)) if ws[i].low == THAT), -1)
        after = (
            next((i for i in range(that + 1, min(len(ws), that + 15)) if ws[i].low == AGAINST), -1)
            if that > 0
            else -1
        )
        if after > that + 2 and ws[after - 1].low in GENITIVES:
            target = noun_before(ws, after - 1, known)
    if target is None:
        return None
    accuser, first_person = _subject(ws, min(target.first, c), known)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, None)


def _attributed(ws: list[Word], c: int, known: list[Mention]) -> tuple[Mention | None, bool]:
    """ "X نے کہا کہ ...", "X کا کہنا تھا کہ ...", "X کے مطابق ...": X."""
    for i, w in enumerate(ws):
        if w.low in SPEECH_MARKERS and i >= 2 and ws[i - 1].low in GENITIVES:
            m = noun_before(ws, i - 1, known)
            if m is not None:
                return m, False
    e = _last_before(ws, c, ERGATIVE)
    if e > 0:
        m = noun_before(ws, e, known)
        if m is not None:
            return (None, True) if m.pronoun in FIRST_PERSON else (m, False)
    if any(w.low in FIRST_PERSON for w in ws):
        return None, True
    return None, False
