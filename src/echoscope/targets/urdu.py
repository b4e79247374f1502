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
accusations, though the accusation a denial names is its maker's (``Z کی جانب سے عائد کیے
گئے ان الزامات کو مسترد``). A list of names before a postposition (``X، Y اور Z نے``) gives
each; a verb whose subject takes no ``نے`` (``X Y پر برس پڑے``) has the sentence's opening
titled name as its accuser. A body's members are named with it (``محکمہ زراعت کے افسران``);
an allegation with no ``نے`` is its owner's (``X کا الزام ہے کہ``, ``X کے اعلامیے میں``,
``Z کی مدعیت میں``), and its charge is what its ``کہ`` clause says. One person's titles
joined by ``اور`` (``X کے رہنما اور سابق وزیر N``) are one name, ``X سمیت دیگر`` is X alone,
and unnamed people (``نامعلوم افراد``), a court and a family named only by whose it is accuse
or are accused of nothing; a passive clause's opening noun is what was wronged, not who did it.
"""

from __future__ import annotations

import dataclasses

from echoscope.targets.entities import Entities
from echoscope.targets.found import Found, Mention
from echoscope.targets.words import QUOTE_MARKS, Word, cue_pattern, fold


def _set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


ERGATIVE = fold("نے")
COUNTRY = fold("ملک")  # also the honorific "Malik", before a name
AND, THAT, FROM, IN = fold("اور"), fold("کہ"), fold("سے"), fold("میں")
ON, TO, OF_F, OF_M, OF_PL = (fold(w) for w in ("پر", "کو", "کی", "کا", "کے"))
GENITIVES = frozenset((OF_F, OF_M, OF_PL))
ALLEGATION = _set("الزام الزامات الزامات")
CONDEMN = _set("مذمت سرزنش")  # "Y کی مذمت کی", "C پر Y کی سرزنش کی" (reprimanded)
CRITICISM = _set("تنقید")
DECLARED = _set("قرار ٹھہرایا ٹھہرا ٹھہراتے")
DEMAND = _set("مطالبہ مطالبے")
INVOLVED = _set("ملوث")
# the ones involved, unnamed: "واقعے میں ملوث عناصر / افراد"
UNNAMED = _set("عناصر افراد لوگ لوگوں ملزمان ملزم کرداروں کردار")
SLURS = _set(
    "غدار غداری چور چوروں ڈاکو ڈاکوؤں لٹیرا لٹیرے لٹیروں ایجنٹ ایجنٹوں کرپٹ بدعنوان دہشت "
    "مجرم جھوٹا جھوٹے کٹھ پتلی دشمن رسک سازشی فاشسٹ آمر منافق ذمہ دار ذمہ‌دار مافیا یار "
    "فسطائیت فسطائی ملک دشمن سہولت کار ایجنڈے سلیکٹڈ ناکام نااہل کرپشن بدعنوانی گڑھ"
)
ACTIONS_AGAINST = _set("کارروائی کاروائی تحقیقات انکوائری مقدمہ مقدمات ریفرنس ایف آئی آر")
ACTIONS_OF = _set("گرفتاری استعفے استعفی استعفیٰ برطرفی نااہلی سزا ٹرائل احتساب")
AGAINST = fold("خلاف")
DENIALS = _set("تردید مسترد بےبنیاد منگھڑت پلندہ ردعمل")
# two-word denials: "بے بنیاد" (baseless), "من گھڑت" (made up); "من" alone is "mind"
DENIAL_PAIRS = ((fold("بے"), fold("بنیاد")), (fold("من"), fold("گھڑت")))
NEGATIONS = _set("نہیں نہ کبھی")
# "حقائق کے منافی" (contrary to the facts): a denial
FACTS, CONTRARY = _set("حقائق حقیقت"), _set("منافی برعکس")
TITLES = _set(
    "وزیر وزیراعظم وزیراعلی وزیراعلیٰ اعظم اعلی اعلیٰ اطلاعات داخلہ خارجہ خزانہ قانون دفاع "
    "چیئرمین چیرمین سربراہ قائد رہنما رہنماؤں صدر ترجمان سینیٹر رکن اراکین ارکان سابق وفاقی "
    "صوبائی مرکزی سیکرٹری جنرل لیڈر بانی امیر نائب مشیر معاون خصوصی اپوزیشن جناب محترمہ محترم "
    "ڈاکٹر شریک کنوینر گورنر اسپیکر سپیکر حکومت حزب اختلاف ڈپٹی "
    # portfolios: "وزیر بلدیات سندھ", "صوبائی وزیر تعلیم"
    "بلدیات تعلیم صحت خوراک مواصلات ریلوے آبپاشی زراعت محنت معدنیات ہاؤسنگ پٹرولیم "
    "توانائی تجارت بہبود آبی وسائل امور "
    # offices and kin that stand before a name: "ڈپٹی کمشنر X", "Y کے بیٹے X"
    "ڈائریکٹر کمشنر انسپکٹر افسر آفیسر میئر سپرنٹنڈنٹ بیٹے بیٹا بیٹی بھائی والدہ والد اہلیہ "
    "شوہر سسر پرنسپل مالک "
    # callings: "ماحولیاتی کارکن اور وکیل X", "تاجروں کے نمائندے X", "مشیر برائے اطلاعات X"
    "کارکن وکیل نمائندے نمائندہ برائے رہائشی خاتون"
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
    "خطاب کانفرنس اجلاس بیان تقریب موقع سمیت والے والی والا والوں بیرون اپنی اپنے اپنا"
)
PRONOUNS = _set("انہوں انھوں ان اس وہ")
OBLIQUE = _set("کو میں سے پر")  # after a name that is then no subject
FIRST_PERSON = _set("ہم ہمارے ہماری ہمارا")
HOUSE = _set("ایوان اسمبلی")
INTENSIFIERS = _set("شدید سخت بھرپور کڑی کڑے زبردست پرزور سنگین")
FILLERS = _set("بھی ہی")  # "Y پر بھی الزام لگایا": "also", no part of a charge
SELF = fold("خود")  # "Y خود ملوث ہیں": Y themselves
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
# what a body's allegation is made in: "X کے اعلامیے میں الزام لگایا گیا"
STATEMENTS = _set("بیان اعلامیے اعلامیہ اعلامیہ قرارداد خط درخواست رپورٹ")
RELATIVES = _set("جن جس")
# roles, not names: "the accused", "the complainant"
ROLES = _set("ملزم ملزمان مدعی مدعیان")
PROBES = _set("تحقیقات انکوائری تفتیش چھان")
EACH_OTHER = frozenset((fold("ایک دوسرے"), fold("دوسرے")))
RAINED, FINGERS, DOCK = fold("برس"), fold("انگلیاں"), fold("کٹہرے")
# "Y پر نشانہ سادھا" (took aim at Y), an idiom of the Indian Urdu press
MARK, AIMED = fold("نشانہ"), _set("سادھا سادھتے سادھی سادھیں")
FELL = _set("پڑے پڑیں پڑا پڑی")
CASES = _set("مقدمہ مقدمات ریفرنس ایف تحریک درخواست شکایت قرارداد")
CASE_NOUNS = _set("مقدمہ مقدمے مقدمات ریفرنس")  # a case, where a name should be
FILED = _set("درج دائر جمع")
# what is condemned or criticised instead of a person: a deed (whose owner is the target) or
# an event (no one's, unless named)
DEEDS_WIDE = _set(
    "کارکردگی کردار بجٹ پالیسی پالیسیوں فیصلے فیصلہ بیان بیانات اقدامات اقدام رویے رویہ "
    "تقریر طرز حکمرانی منصوبے نااہلی غفلت کوتاہی سیاست تشدد چارج آپریشن"
)
EVENTS = _set("واقعے واقعہ واقعات حملے حملہ دھماکے دھماکہ فائرنگ قتل سانحے سانحہ")
MODALS = _set("سکتا سکتی سکتے")
SHOULD = _set("چاہیے چاہئے چاہیئے")
# the passive's "جا": "بانٹے جا رہے ہیں", "لوٹا جاتا ہے"
GOING, CONTINUOUS = _set("جا جاتا جاتی جاتے"), _set("رہے رہی رہا")
HAND, BEHIND = fold("ہاتھ"), fold("پیچھے")
SAID = _set("کہا کہی بتایا فرمایا")  # "فرمایا": said (honorific, or a column's irony)
# "جواب دیا کہ" (replied that): a reply's verb of saying
REPLY, GAVE = fold("جواب"), _set("دیا دی")
# "دعویٰ کیا کہ" (claimed), "انکشاف کیا کہ" (revealed), "موقف اختیار کیا کہ" (argued)
CLAIMS, DID = _set("دعویٰ دعوی انکشاف"), _set("کیا کی")
POSITION, TOOK = _set("موقف مؤقف"), fold("اختیار")  # both spellings of "موقف"
BE = _set("تھا تھی تھے ہے ہیں")
DOER = _set("والے والی والا والوں")  # "تنقید کرنے والے": the ones who do it
DOING = fold("کر")  # "مل کر", "بھیج کر": the verb before it is no part of a name
WHILE = fold("ہوئے")  # "بات کرتے ہوئے": ends a participle's clause
# "Y کے اشارے پر", "Y کی ایما پر", "Y کے حکم پر": at Y's behest
AT_WHOSE_WORD = _set("اشارے ایما حکم کہنے")
HEADS = _set(
    "حکومت پارٹی کمیشن پولیس اسمبلی ایجنسی محاذ موومنٹ اتحاد لیگ عدالت بیورو انتظامیہ بورڈ "
    "کارپوریشن اتھارٹی کونسل فورس فرنٹ جماعت تنظیم تحریک"
)
# a body's officials, staff or people, named by it: "محکمہ زراعت کے افسران", "مقتول کے
# ورثا", "ہمسایہ ملک کی خفیہ ایجنسی" (the whole phrase is the name, as written)
MEMBERS = _set(
    "افسران افسروں اہلکار اہلکاروں حکام عہدیدار عہدیداران عہدیداروں انتظامیہ ملازمین ملازموں "
    "مکین مکینوں ورثا ورثاء وکیل وکلا وکلاء ایجنسی ایجنسیاں ایجنسیوں وزارت وزرا وزراء حصے طبقے "
    "مالکان"
)
# what opens a person's name: "چوہدری منصور احمد بسرا", "سید کاظم علی شاہ"
HONORIFICS = _set("چوہدری چودھری سید ملک میاں راجہ سردار حاجی شیخ خواجہ مخدوم رانا پیر مولانا")
# the public a wrong is done to, never its doer: "مظاہرین پر لاٹھی چارج"
PUBLIC = _set("مظاہرین کارکنوں کارکنان شہریوں عوام طلبہ طلبا مریضوں صحافیوں شہری")
SPOKESMEN = _set("ترجمان منیجر")  # who speak for a body, not for themselves
INCLUDING = fold("سمیت")  # "X سمیت دیگر رہنماؤں": X and the others
# what opens a phrase for people the text does not name: "نامعلوم افراد" (unknown persons)
UNNAMED_OPENERS = _set("نامعلوم دیگر وہی یہی بعض چند متعدد")
PEOPLE = _set("افراد لوگ لوگوں عناصر")
UNDER = fold("تحت")
# a court judges, it accuses no one: "عدالت نے قرار دیا کہ ..."
COURTS = _set("عدالت عدالتِ بینچ ٹریبونل")
# a family, unnamed: "اس کے اہلخانہ نے" (his family)
KIN = _set("اہلخانہ اہل خانہ خاندان ورثا ورثاء والدین لواحقین")
# after a clause's opening noun, a place or who is done to, not who did it: "شاہدرہ کے قریب
# واقع فیکٹری", "امیدواروں کے ساتھ ناانصافی"
NEAR = _set("قریب پاس نزدیک باہر سامنے ساتھ خلاف بارے")
# adjectives that open a common noun's phrase, never part of a person's name
ADJECTIVES = _set("حکومتی سرکاری حکمران اتحادی ضلعی مقامی")
ONE = fold("ایک")  # "میڈیا کے ایک حصے": a stop word, but no end to a name before a member
# "محکمہ خوراک", "وزارت داخلہ": a department is its word and the one after it
DEPARTMENTS = _set("محکمہ محکمے وزارت")
# "بیچ رہی ہے" (is selling); "بیچ" alone is also "between"
SELL = fold("بیچ")
SELL_AUX = _set("رہی رہے رہا دی دیا دیں دیے ڈالا ڈالی ڈالے دیتی دیتے")
# the wrongs an unattributed sentence must name to be an accusation in its own voice
STRONG_WRONGS = _set(
    "چوری لوٹ لوٹا لوٹے کرپشن بدعنوانی دھاندلی لانڈرنگ سازش غداری خورد رشوت تباہ ایجنٹ "
    "انتقام اغوا ہراساں فسطائیت ملوث جعلی بانٹ غدار"
)
# wrongs that make a reported statement an accusation ("X نے کہا کہ Y نے فنڈز لوٹ لیے")
# (single words only: "غیر", "دی", "کمیشن" alone are everyday words, see WRONG_PAIRS)
WRONGS = _set(
    "چوری لوٹ لوٹا لوٹے لوٹی کرپشن بدعنوانی دھاندلی لانڈرنگ سازش غداری قبضے قبضہ خورد "
    "رشوت تباہ ایجنٹ کٹھ انتقام جھوٹے تشدد اغوا ہراساں فسطائیت "
    "ملوث جعلی طوطا دہشت سرپرست سرپرستی بانٹ بیچا نقصان مافیا "
    "جھوٹی انتشار بھگت دھمکیاں ہڑپ زیادتی "
    # lies, scams, favours, snatching, poisoning, misleading: "حق چھین لیا", "پانی کو زہریلا"
    "جھوٹ گھپلے گھپلوں خرد فراڈ دھوکہ دھوکے چھین چھینا لٹا نوازا زہریلا گمراہ ناانصافی "
    "بھتہ اسمگلروں مفلوج امتیازی "
    # negligence, selling off, pressure
    "غفلت فروخت دباؤ چھپایا چھپائے چھپائی"
)
# two-word wrongs: "غیر قانونی" (illegal), "غیر آئینی", "بیچ دی" (sold off), "کک بیکس"
WRONG_PAIRS = frozenset(
    (fold(a), fold(b))
    for a, b in (
        ("غیر", "قانونی"),
        ("غیر", "آئینی"),
        ("بیچ", "دی"),
        ("بیچ", "دیں"),
        ("بیچ", "دیا"),
        ("کک", "بیکس"),
        ("بی", "ٹیم"),  # "کی بی ٹیم" (someone's B team)
        ("ملک", "دشمن"),  # "ملک دشمن ایجنڈے" (an anti-state agenda); "ملک" alone is a country
        ("سہولت", "کار"),
        ("کمیشن", "لیا"),
        ("کمیشن", "کھایا"),
        ("خلاف", "ورزی"),  # a breach; "خلاف" alone is "against"
        ("بے", "ضابطگیوں"),
        ("بے", "ضابطگیاں"),
        ("بے", "ضابطگی"),
        ("ساز", "باز"),  # collusion
        ("پشت", "پناہی"),  # backing (of criminals)
        ("ذخیرہ", "اندوزی"),  # hoarding
        ("جان", "بوجھ"),  # deliberately
        ("نشانہ", "بنایا"),  # targeted
        ("چھپا", "کر"),  # hiding ("چھپ" alone is also "printed")
        ("اشارے", "پر"),  # at someone's behest
        ("گلا", "گھونٹ"),  # strangling (the media)
        ("راہ", "فرار"),  # running away (from a debate)
        ("رحم", "و"),  # "رحم و کرم پر چھوڑ دیا" (left at the mercy of)
    )
)
# slurs said of a deed, not a person: "Y کی فسطائیت"
DEEDS_OF = _set("فسطائیت غداری سازش ایجنڈے ایجنڈا آمریت")
HANDS = fold("ہاتھوں")
# "ذمہ دار" (responsible), also written as one word; "ذمہ داری" (the responsibility)
RESPONSIBLE, HOLDER, DUTY = fold("ذمہ"), fold("دار"), fold("داری")
RESPONSIBLE_ONE, DUTY_ONE = fold("ذمہ\u200cدار"), fold("ذمہ\u200cداری")
ARRESTED = fold("گرفتار")
COMPLAINT = _set("مدعیت درخواست شکایت")
FOUND = _set("پائے پایا پائی رہے رہا")  # "ملوث پائے گئے" (found involved), "ملوث رہے"
DIRECTLY = _set("براہ راست بھی")
DEMONSTRATIVES = _set("اس ان")
# a case called false: "جھوٹے مقدمات", "(بے) بنیاد مقدمات", "(من) گھڑت مقدمہ"
FALSE = _set("جھوٹے جھوٹا جھوٹی جعلی بنیاد گھڑت")
PASSIVE_AUX = _set("گئے گئی گیا")
LAID = _set("عائد ڈال ڈالی ڈالا ڈالتے")
WHOLE = _set("تمام تر پوری ساری مکمل")  # "اس کی تمام تر ذمہ داری"
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
    | {a for a, _ in WRONG_PAIRS}
    | CASES
    | {fold("ہاتھوں"), fold("برس"), fold("انگلیاں"), fold("کٹہرے")}
    | {HAND}  # "C کے پیچھے Y کا ہاتھ ہے" (Y's hand is behind C)
    | AIMED
)
#: where a text may hold an accusation: one scan per document
CUE = cue_pattern(_CUE_WORDS)
QUOTES, OPENING_QUOTES = frozenset('"\u201c\u201d«»'), frozenset("\u201c«")
_PUNCT = frozenset("،,۔.؛;:!؟?\"'()[]\u201c\u201d\u2018\u2019«»-\u2013\u2014")


def mentions(ws: list[Word], entities: Entities, doc_lower: set[str]) -> list[Mention]:
    """The names the entity list knows, found anywhere, and the subjects before ``نے``:
    Urdu names are read by position (see :func:`noun_before`), and a report's next sentence
    says "انہوں نے" (they) of the one its sentence before named as its subject."""
    out = []
    i = 0
    longest = min(entities.longest_alias, 8)
    ergatives = []
    quoted = False  # a subject inside a quotation is the quoted speaker's, not the sentence's
    while i < len(ws):
        if ws[i].text in QUOTES:
            quoted = ws[i].text in OPENING_QUOTES or (ws[i].text == '"' and not quoted)
        if ws[i].low == ERGATIVE and not quoted:
            ergatives.append(i)
        hit = entities.longest_at(ws, i, longest, lambda _n, key: len(key) > 1)
        if hit:
            out.append(_mention(ws, i, i + hit[0] - 1, hit[1]))
        i += hit[0] if hit else 1
    subjects = [noun_before(ws, e, out) for e in ergatives]
    out.extend(m for m in subjects if m is not None and not m.pronoun and not m.known)
    return sorted(out, key=lambda m: m.first)


def _mention(ws: list[Word], a: int, b: int, known: str = "") -> Mention:
    text = " ".join(w.text for w in ws[a : b + 1])
    # titles dropped: the words after the last title, when any are left
    # a title last after a name is a surname: "بیرسٹر شفیق اللہ وزیر", "X ملک"
    surname = b > a and ws[b].low in TITLES and ws[b - 1].low not in TITLES | GENITIVES
    last = b - 1 if surname else b
    last_title = max((k for k in range(a, last + 1) if ws[k].low in TITLES), default=None)
    if last_title is not None:
        # "رکن قومی اسمبلی X", "رکن پنجاب اسمبلی X": the house is the member's title too
        house = next(
            (k for k in (last_title + 1, last_title + 2) if k < b and ws[k].low in HOUSE), 0
        )
        last_title = house if house and b - house > 1 else last_title
    name_words = ws[last_title + 1 : b + 1] if last_title is not None and last_title < b else []
    if name_words and name_words[0].low in GENITIVES:
        name_words = []  # "محکمہ تعلیم کے افسران": the officials of a title's body, all one name
    # "انسپکٹر جنرل پولیس اسلام آباد چوہدری منصور احمد بسرا": an office's body and place, then
    # the name its honorific opens
    opens = next((i for i in range(1, len(name_words) - 2) if name_words[i].low in HONORIFICS), 0)
    name_words = name_words[opens:]
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
    if p >= 2 and ws[p - 1].low in DOER and ws[p - 2].is_word and ws[p - 2].low not in STOP:
        return _mention(ws, p - 2, p - 1)  # "سسرال والوں نے", "گاؤں والوں نے": those of a place
    g = _members_of(ws, p - 1)
    owner = noun_before(ws, g, known) if g > 0 else None
    if owner is not None and not owner.pronoun:
        return _mention(ws, owner.first, p - 1)  # "محکمہ زراعت کے افسران"
    k = p - 1
    while k >= 0 and (p - k <= 9 or ws[k].low in TITLES):
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
        if w.low in STOP or _responsible_ends(ws, k):
            break
        k -= 1
    if k + 1 >= p:
        return None
    # a known name inside the run wins: "پی ٹی آئی کے چیئرمین عمران خان"
    for m in known:
        if m.first > k and m.last < p:
            return m
    # "ساحل عوامی پارٹی وزیر اعظم کی جانب سے": a body's name then a title, with no
    # genitive between, are two names; the one before the postposition is the title's
    split = next((i for i in range(p - 2, k, -1) if _body_then_title(ws, i)), -1)
    return _mention(ws, split + 1 if split >= 0 else k + 1, p - 1)


def _members_of(ws: list[Word], m: int) -> int:
    """Where the genitive stands when word ``m`` is a body's members ("X کے (تین سابق)
    ملازمین", "X کی خفیہ ایجنسی"), at most two words before it; else -1."""
    if m < 2 or ws[m].low not in MEMBERS:
        return -1
    for g in range(m - 1, max(0, m - 4), -1):
        if ws[g].low in GENITIVES:
            return g
        if not ws[g].is_word or (ws[g].low in STOP and ws[g].low != ONE):
            return -1
    return -1


def _members_after(ws: list[Word], last: int, end: int) -> int:
    """The members' word after a name ending at ``last`` ("محصولات بورڈ | کے افسران"), at
    most two words after its genitive and before ``end``; else -1."""
    if last + 2 >= end or ws[last + 1].low not in GENITIVES:
        return -1
    return next(
        (m for m in range(last + 2, min(end, last + 5)) if _members_of(ws, m) == last + 1), -1
    )


def _titled(ws: list[Word], m: Mention) -> bool:
    """Whether a name holds a title or a body's word: someone, not a deed."""
    return any(ws[i].low in TITLES | HEADS for i in range(m.first, m.last + 1))


def _body_then_title(ws: list[Word], i: int) -> bool:
    """Whether a body's name ends at word ``i`` and a title starts right after it."""
    return ws[i].low in HEADS and ws[i + 1].low in TITLES and ws[i + 1].low not in HEADS


def _responsible_ends(ws: list[Word], k: int) -> bool:
    """Whether word ``k`` ends "ذمہ دار" (responsible) or "ذمہ داری" (the responsibility): no
    part of the name after it."""
    w = ws[k].low
    if w in (RESPONSIBLE_ONE, DUTY_ONE):
        return True
    return w in (HOLDER, DUTY) and k > 0 and ws[k - 1].low == RESPONSIBLE


def accusations(ws: list[Word], found_mentions: list[Mention]) -> list[Found]:
    """Every accusation the rules read in one sentence (see the module's docstring)."""
    out = []
    for c, w in enumerate(ws):
        low = w.low
        hit = None
        if _doers(ws, c):
            continue
        if low in ALLEGATION:
            hit = _allegation_word(ws, c, found_mentions)
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
            if hit is not None and hit.accuser is None and not hit.first_person:
                _lashed_out_subject(ws, c - 1, hit, found_mentions)
        elif low == FINGERS and c >= 3 and ws[c - 1].low in SIDE and ws[c - 2].low == OF_F:
            hit = _at_target(ws, c, c - 2, found_mentions)  # "Y کی جانب انگلیاں اٹھائیں"
        elif low in AIMED and c >= 3 and ws[c - 1].low == MARK and ws[c - 2].low == ON:
            hit = _at_target(ws, c, c - 2, found_mentions)  # "Y پر نشانہ سادھا": took aim at Y
        elif low == DOCK and c >= 2 and ws[c - 1].low == TO:
            hit = _at_target(ws, c, c - 1, found_mentions)  # "Y کو کٹہرے میں کھڑا کیا"
        elif low in CASES:
            hit = _case_against(ws, c, found_mentions)
        elif low in INVOLVED and c + 1 < len(ws) and ws[c + 1].low in BE | FOUND:
            hit = _involved(ws, c, found_mentions)
        elif low in (RESPONSIBLE, RESPONSIBLE_ONE):
            hit = _responsibility(ws, c, found_mentions)
        if hit is not None and not hit.extra.get("each_other"):
            hit.targets = [
                t
                for t in hit.targets
                if fold(t.text) not in EACH_OTHER | ROLES
                and not _unnamed(t)
                and ws[t.first].low not in CASE_NOUNS | ALLEGATION  # "مقدمے کو جھوٹا قرار"
            ]
            if not hit.targets:
                hit = None
        if hit is not None and any(_not_a_target(ws, t) for t in hit.targets):
            acts = hit.targets
            hit.targets = [_owner_of(ws, t, found_mentions) for t in hit.targets]
            hit.targets = [t for t in hit.targets if t is not None]
            if not hit.targets:
                hit = None
            elif hit.accuser is not None and any(_same(hit.accuser, t) for t in hit.targets):
                hit.accuser = None  # the act's agent is no accuser of itself: ask the voice
            said = _slur_in_act(ws, acts, hit, found_mentions) if hit is not None else None
            if said is not None and not _negated(ws, c):
                out.append(said)
        if hit is None or _negated(ws, c) or (low in DECLARED and _denied(ws, c)):
            continue  # "مقدمے کو جھوٹا اور بے بنیاد قرار دیا": a denial
        if hit.accuser is not None and _no_accuser(ws, hit.accuser):
            continue
        if hit.accuser is None and not hit.first_person:
            hit.accuser, hit.first_person = _attributed(ws, c, found_mentions)
        if hit.accuser is None and not hit.first_person and out:
            hit.accuser = _same_speaker(ws, out[-1], hit)
        if hit.accuser is not None and any(_same(hit.accuser, t) for t in hit.targets):
            continue
        if hit.charge is None:
            hit.charge = _said_charge(ws, c)
        out.append(hit)
    if not out:
        reported = _reported(ws, found_mentions) or _own_claim(ws, found_mentions)
        if reported is not None and fold(reported.targets[0].text) not in ROLES:
            out.append(reported)
    return out


def _doers(ws: list[Word], c: int) -> bool:
    """Whether cue ``c`` names those who do it: "حکومت پر تنقید کرنے والے ادارے" (the bodies
    that criticise the government) describes them; it reports no one's accusation."""
    return c + 2 < len(ws) and _verbal_noun(ws[c + 1].low) and ws[c + 2].low in DOER


def _said_charge(ws: list[Word], c: int) -> tuple[int, int] | None:
    """ "Y کو آڑے ہاتھوں لیتے ہوئے کہا کہ C", "Y پر برس پڑے اور کہا کہ C": a find with no
    charge of its own is charged with what its accuser says right after the cue, up to the
    end of that clause."""
    that = next((i for i in range(c + 1, min(len(ws), c + 8)) if ws[i].low == THAT), -1)
    if that < 0 or any(ws[i].text in _PUNCT for i in range(c + 1, that)):
        return None
    verb = that - 2 if ws[that - 1].low in BE else that - 1  # "کہا ہے کہ"
    # "Y پر الزام عائد کیا کہ C": what the allegation says
    alleged = ws[c].low in ALLEGATION and that - c <= 4
    if not alleged and ws[verb].low not in SAID | {fold("اٹھایا")}:
        return None
    start = that + 1
    if start + 1 < len(ws) and ws[start].low in PRONOUNS and ws[start + 1].low == ERGATIVE:
        start += 2  # "کہ انہوں نے C", "کہ اس نے C": the target again
    elif start < len(ws) and ws[start].low in PRONOUNS:
        start += 1  # "کہ وہ C"
    return _clause_charge(ws, start)


def _clause_charge(ws: list[Word], start: int) -> tuple[int, int] | None:
    """The words from ``start`` to the end of their clause (a punctuation mark or a
    conjunction other than "اور"), at most 13."""
    end = next(
        (
            i
            for i in range(start, min(len(ws), start + 13))
            if ws[i].text in _PUNCT or ws[i].low in CLAUSE_BREAKS - {AND}
        ),
        min(len(ws), start + 13),
    )
    return _charge(ws, start, end - 1)


def _same_speaker(ws: list[Word], before: Found, hit: Found) -> Mention | None:
    """ "X Y پر برس پڑے اور کہا کہ Z ...": the one who said it is the earlier find's
    accuser, when a "کہا" lies between the two cues."""
    said = any(w.low in SAID and before.cue_end <= w.start < hit.cue_start for w in ws)
    return before.accuser if said else None


def _lashed_out_subject(ws: list[Word], p: int, hit: Found, known: list[Mention]) -> None:
    """ "X Y پر برس پڑے": an intransitive verb, whose subject takes no نے, so the run before
    پر may hold the subject and the target together; the subject is the sentence's opening
    name, the target what follows it."""
    subject = _opening_name(ws, p, known)
    if subject is None:
        return
    first = hit.targets[0]
    if first.first <= subject.last:
        if subject.last + 1 > first.last:
            return
        hit.targets[0] = _mention(ws, subject.last + 1, first.last)
    hit.accuser = subject


def _after_dateline(ws: list[Word]) -> int:
    """Where a sentence's own words start: after "پشاور (بیورو رپورٹ)" or "کراچی:"."""
    close = next((i for i in range(1, min(len(ws), 8)) if ws[i].text == ")"), -1)
    if close > 0 and ws[0].text != "(":
        return close + 1
    colon = next((i for i in range(1, min(len(ws), 5)) if ws[i].text == ":"), -1)
    return colon + 1 if colon > 0 else 0


def _opening_name(ws: list[Word], end: int, known: list[Mention]) -> Mention | None:
    """The subject a sentence opens with, before word ``end``: the name after its titles
    ("قومی خدمت محاذ کے صوبائی امیر ملک زرولی خان آفریدی"), up to the next title or function
    word; a run that a genitive follows is a body's qualifier ("لیگ پنجاب کے"), not a name.
    Only a name after a title is read so."""
    start = _after_dateline(ws)
    for m in known:
        if m.first == start and m.last < end:
            return m
    titled = TITLES | HEADS | HOUSE
    breaks = titled | STOP | GENITIVES | ADJECTIVES
    k = start
    while k + 1 < end and ws[k].is_word and ws[k].text not in _PUNCT:
        if ws[k].low in titled and ws[k + 1].is_word and ws[k + 1].low not in breaks:
            b = k + 1
            while b + 1 < end and ws[b + 1].is_word and ws[b + 1].low not in breaks and b - k < 5:
                b += 1
            if b + 1 >= len(ws) or ws[b + 1].low not in GENITIVES:
                return _mention(ws, k + 1, b)
            k = b
        k += 1
    return None  # no titled name: the opening words may be a place or a body, not the subject


def quote_speaker(ws: list[Word], known: list[Mention]) -> Mention | None:
    """ "”...،“ X نے صحافیوں سے گفتگو میں کہا": who speaks the quote this sentence closes;
    None when no quote closes here with "X نے ... کہا" after it."""
    close = next((i for i in range(len(ws) - 1, 0, -1) if ws[i].text in QUOTE_MARKS), -1)
    if close < 1:
        return None
    e = next((i for i in range(close + 1, len(ws)) if ws[i].low == ERGATIVE), -1)
    if e < 0 or not any(ws[i].low in SAID for i in range(e + 1, len(ws))):
        return None
    speaker = noun_before(ws, e, known)
    return None if speaker is None or speaker.pronoun else speaker


def own_claim(ws: list[Word], known: list[Mention]) -> Found | None:
    """A wrong a quote says its subject did, the quote's speaker named elsewhere: as
    :func:`_own_claim`, with every word of :data:`WRONGS` (the speaker is known)."""
    return _own_claim(ws, known, every_wrong=True)


def _own_claim(ws: list[Word], known: list[Mention], every_wrong: bool = False) -> Found | None:
    """ "Y نے ... غداری کی ہے", "Y ... پانی چوری کر رہے تھے": a wrong the sentence says its
    subject did, in the document's own voice."""
    wrongs = WRONGS if every_wrong else STRONG_WRONGS
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
            if ws[i].low in wrongs
            or (every_wrong and i + 1 < len(ws) and (ws[i].low, ws[i + 1].low) in WRONG_PAIRS)
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
    filed = next((i for i in range(c + 1, min(len(ws), c + 5)) if ws[i].low in FILED), -1)
    if filed < 0 or (filed + 2 < len(ws) and ws[filed + 2].low == FROM):
        return None  # "مقدمہ درج کرنے سے انکار": refusing to file is no case
    if c > 0 and ws[c - 1].low in FALSE:
        return _false_case(ws, c, known)
    # (a reference's charge may run long: "Y کے خلاف ... کی مبینہ خورد برد کا ریفرنس")
    against = _last_before(ws, c, AGAINST, max(0, c - 24))
    if against > 1 and ws[against - 1].low in GENITIVES:
        targets = _coordinated(ws, against - 1, known)  # "X اور Y کے خلاف مقدمہ"
        charge = _charge(ws, against + 1, c - 1) if against + 1 < c else None
    else:
        # "Y کی نااہلی کے لیے اسپیکر قومی اسمبلی کے پاس ریفرنس": the court between
        of = next((i for i in range(c - 1, max(0, c - 10), -1) if ws[i].low in ACTIONS_OF), -1)
        if of < 2 or ws[of - 1].low not in GENITIVES:
            return None
        target = noun_before(ws, of - 1, known)
        targets = [target] if target is not None else []
        charge = None
    if not targets:
        return None
    accuser, first_person = _subject(ws, targets[0].first, known)
    complainant, said_at = _complainant(ws, c, known)
    if complainant is not None and charge is not None and ws[said_at].start >= charge[0]:
        # "Y کے خلاف Z کی مدعیت میں C کا مقدمہ": the complaint's words are not the charge
        charge = _charge(ws, said_at + 2, c - 1)
    if complainant is not None and not first_person:
        if accuser is None:
            accuser = complainant
        elif not _same(accuser, complainant):
            accuser = dataclasses.replace(accuser, also=[*accuser.also, complainant])
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge or _pleaded(ws, c))


def _complainant(ws: list[Word], c: int, known: list[Mention]) -> tuple[Mention | None, int]:
    """ "Z کی مدعیت میں" (Z the complainant), "Z کی درخواست پر" (on Z's application): the one
    whose complaint a case is registered on accuses too, with the police; and where that
    phrase's "مدعیت" stands (0 when there is none)."""
    for i in range(2, c):
        if ws[i].low in COMPLAINT and ws[i - 1].low == OF_F and ws[i + 1].low in (IN, ON):
            return noun_before(ws, i - 1, known), i
    return None, 0


def _false_case(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے کہا کہ پولیس نے ... جھوٹے مقدمات درج کیے": a case called false is the filer's
    wrong, of which the one who says so accuses the filer."""
    e = _last_before(ws, c, ERGATIVE, max(0, c - 14))
    filer = noun_before(ws, e, known) if e > 0 else None
    that = _last_before(ws, filer.first, THAT) if filer is not None else -1
    if filer is None or filer.pronoun or that < 0:
        return None
    accuser, first_person = _subject(ws, that, known)
    if accuser is None and not first_person:
        return None
    return Found(ws[c].start, ws[c].end, [filer], accuser, first_person, _charge(ws, e + 1, c))


def _relative_charge(ws: list[Word], c: int) -> tuple[int, int] | None:
    """ "Y کے اس بیان کی مذمت کی جس میں انہوں نے C": C, what the relative clause says."""
    which = next((i for i in range(c + 1, min(len(ws) - 1, c + 5)) if ws[i].low == fold("جس")), -1)
    if which < 0 or ws[which + 1].low != IN:
        return None
    start = which + 2
    if start + 1 < len(ws) and ws[start + 1].low == ERGATIVE:
        start += 2  # "جس میں انہوں نے"
    return _clause_charge(ws, start)


def _pleaded(ws: list[Word], c: int) -> tuple[int, int] | None:
    """ "ریفرنس دائر کیا جس میں کہا گیا ہے کہ انہوں نے C": what the case says the accused
    did, after the clause's subject (who is the accused)."""
    which = next((i for i in range(c + 1, min(len(ws) - 1, c + 8)) if ws[i].low == fold("جس")), -1)
    if which < 0 or ws[which + 1].low != IN:
        return None
    that = next((i for i in range(which + 2, min(len(ws), which + 9)) if ws[i].low == THAT), -1)
    if that < 0:
        return None
    e = next((i for i in range(that + 1, min(len(ws), that + 6)) if ws[i].low == ERGATIVE), -1)
    return _clause_charge(ws, e + 1 if e > 0 else that + 1)


def _not_a_target(ws: list[Word], m: Mention) -> bool:
    """A deed or an event where a name should be: "Y کی کارکردگی پر تنقید" (Y's work),
    "فائرنگ کے واقعے کی مذمت" (an incident, no one's)."""
    last = fold(ws[m.last].text)
    return last in DEEDS_WIDE | EVENTS or _verbal_noun(last)


def _slur_in_act(
    ws: list[Word], acts: list[Mention], hit: Found, known: list[Mention]
) -> Found | None:
    """ "X کی جانب سے Y کو غدار کہنے کی مذمت": the act condemned is itself an accusation,
    X's of Y, when it calls Y a slur (the condemner's is X's of the act)."""
    act = acts[0]
    if not _verbal_noun(fold(ws[act.last].text)) or act.first < 2 or not hit.targets:
        return None
    if ws[act.first - 1].low != TO or not any(
        ws[i].low in SLURS for i in range(act.first, act.last)
    ):
        return None
    target = noun_before(ws, act.first - 1, known)
    agent = hit.targets[0]
    if target is None or target.pronoun or _same(target, agent):
        return None
    slur = (ws[act.first].start, ws[act.last - 1].end)
    return Found(ws[act.last].start, ws[act.last].end, [target], agent, False, slur)


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


def continued_claim(ws: list[Word], known: list[Mention]) -> Found | None:
    """ "انہوں نے کہا کہ میونسپل کمیٹی نے پل دوبارہ کھول دیا": what a speaker says someone
    did ("Y نے ..."), whatever its words; the caller takes it only from one who has just
    accused someone (see :func:`echoscope.targets.english.continued_claim`)."""
    found = _reported(ws, known, any_act=True)
    return found if found is not None and found.accuser is not None else None


def _reported(ws: list[Word], known: list[Mention], any_act: bool = False) -> Found | None:
    """A wrong said of someone, attributed: "X کا کہنا تھا کہ Y ...", "X نے کہا کہ Y ...",
    "X کے مطابق Y ...", "Y ...، یہ بات X نے کہی", "”Y ...“، X نے کہا". Only when the
    reported clause names a wrong (:data:`WRONGS`), or, with ``any_act``, when it says what
    its subject did ("Y نے ...")."""
    n = len(ws)
    clause = None  # (accuser, clause start, clause end)
    for i, w in enumerate(ws):
        if w.low == THAT and i >= 2:
            # "X نے کہا کہ", "X نے کہا ہے کہ", "X نے دعویٰ کیا کہ", "X کا کہنا تھا کہ"
            verb, passive = _speech_verb(ws, i)
            kehna = ws[i - 2].low == fold("کہنا") and ws[i - 1].low in BE
            if verb < 1 and not kehna:
                continue
            if passive:
                # "X کے اعلامیے میں کہا گیا ہے کہ", "X کی جانب سے جاری بیان میں کہا گیا کہ"
                speaker = _statement_owner(ws, verb, known) or _agent(ws[:verb], known)
                if speaker is not None:
                    clause = (speaker, i + 1, n)
                    break
                continue
            marker = verb - 1 if verb > 0 else i - 3
            ergative = verb > 0 and ws[marker].low == ERGATIVE
            if verb > 0 and ws[marker].low == WHILE:
                # "X نے ... خطاب کرتے ہوئے کہا کہ": the subject of the participle's clause
                marker = _last_before(ws, marker, ERGATIVE)
                ergative = marker > 0
            if not ergative and verb > 0 and ws[marker].low not in GENITIVES:
                # "X نے ہفتہ وار بریفنگ میں کہا کہ": the subject a few words before
                e = _last_before(ws, verb, ERGATIVE, max(0, verb - 8))
                if e > 0 and not any(ws[j].text in _PUNCT for j in range(e, verb)):
                    marker, ergative = e, True
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
    wrong = next((i for i in range(start, end) if _wrong_at(ws, i)), -1)
    if wrong < 0 and any_act:
        # the act's "نے", its subject within the clause's first words, then its verb
        wrong = next(
            (i for i in range(start + 1, min(end, start + 8)) if ws[i].low == ERGATIVE), -1
        )
        if wrong > 0 and not _clause_ends(ws, start, wrong):
            return _act_of(ws, known, accuser, start, wrong, end)
        return None
    if wrong < 0 or _negated(ws, wrong):
        return None  # "... کرپشن میں ملوث نہیں": a wrong denied is no accusation
    if any(ws[i].low in MODALS | SHOULD for i in range(wrong, min(end, wrong + 6))):
        # "... دھاندلی کا الزام لگا سکتی ہے": what may happen, not what was done; "... کی
        # سرپرستی کرنی چاہیے": what should be done
        return None
    e = next((i for i in range(start, end) if ws[i].low == ERGATIVE), -1)
    involved = _involved_subject(ws, start, wrong, known) if e < 0 else None
    if e > start:
        target = noun_before(ws, e, known)
        charge_from = e + 1
    elif involved is not None:
        # "کہ کھاد کی بلیک مارکیٹنگ میں حکومتی ارکانِ اسمبلی خود ملوث ہیں": who is
        # involved stands before "ملوث", after what in
        target, charge_from = involved, start
    else:
        target = _leading_name(ws, start, end, known)
        charge_from = target.last + 1 if target is not None else start
        if target is not None and charge_from < end and ws[charge_from].low in OBLIQUE:
            # "کہ صوبے میں ...", "کہ حکومت کو ...", "کہ میڈیکل رپورٹ میں ...": no subject,
            # no one accused
            return None
    if target is None or target.pronoun or _same(target, accuser) or _not_a_target(ws, target):
        return None
    if ws[target.first].low in CASE_NOUNS | ALLEGATION:
        return None  # "مقدمہ سیاسی انتقام کا نتیجہ ہے": the case, no one accused
    if target.last >= wrong or _clause_ends(ws, target.last + 1, wrong):
        return None  # "دہشت گردوں کے ...": the wrong names the target; or is another clause's
    if involved is not None:
        charge = _charge(ws, start, involved.first - 1)
        return Found(ws[wrong].start, ws[wrong].end, [target], accuser, False, charge)
    if e < 0 and _passive_after(ws, wrong):
        return None  # "فنڈز ... بانٹے جا رہے ہیں": the clause's opening noun is what was wronged
    charge = _charge(ws, charge_from, min(end - 1, charge_from + 10))
    return Found(ws[wrong].start, ws[wrong].end, [target], accuser, False, charge)


def _act_of(
    ws: list[Word], known: list[Mention], accuser: Mention, start: int, ergative: int, end: int
) -> Found | None:
    """What the subject before the ``ergative`` "نے" did, as :func:`continued_claim` reads
    it; None for what should or may be done, or when the subject is the speaker or no one."""
    if any(ws[i].low in MODALS | SHOULD for i in range(ergative, min(end, ergative + 12))):
        return None
    target = noun_before(ws, ergative, known)
    if target is None or target.pronoun or target.first < start or _same(target, accuser):
        return None
    if _not_a_target(ws, target) or ws[target.first].low in CASE_NOUNS | ALLEGATION:
        return None
    charge = _charge(ws, ergative + 1, min(end - 1, ergative + 11))
    return Found(ws[ergative].start, ws[ergative].end, [target], accuser, False, charge)


def _involved_subject(
    ws: list[Word], start: int, wrong: int, known: list[Mention]
) -> Mention | None:
    """Who a clause says is involved: the name just before "(خود / بھی) ملوث" when "C میں"
    comes before it; None otherwise."""
    if ws[wrong].low not in INVOLVED:
        return None
    k = wrong
    while k - 1 > start and ws[k - 1].low in FILLERS | {SELF}:
        k -= 1
    subject = noun_before(ws, k, known)
    if subject is None or subject.pronoun or subject.first <= start + 1:
        return None
    return subject if ws[subject.first - 1].low == IN else None


def _clause_ends(ws: list[Word], a: int, b: int) -> bool:
    """Whether a clause ends between words ``a`` and ``b``: a conjunction other than "اور"
    ("... پڑے ہیں جبکہ فنڈز ...") or a punctuation mark."""
    return any(ws[i].low in CLAUSE_BREAKS - {AND} or ws[i].text in _PUNCT for i in range(a, b))


def _passive_after(ws: list[Word], wrong: int) -> bool:
    """Whether the verb after the wrong at ``wrong``, in its clause, is passive: "ہڑپ کر لیے
    گئے", "بانٹے جا رہے ہیں" ("ملوث پائے گئے", found involved, is said of its subject)."""
    for i in range(wrong + 1, min(len(ws), wrong + 6)):
        if _clause_ends(ws, i, i + 1):
            return False
        if ws[i].low in PASSIVE_AUX and ws[i - 1].low not in FOUND:
            return True
        if ws[i].low in GOING and i + 1 < len(ws) and ws[i + 1].low in CONTINUOUS | BE:
            return True
    return False


def _speech_verb(ws: list[Word], that: int) -> tuple[int, bool]:
    """Where the verb of saying before "کہ" starts ("کہا", "بتایا", "دعویٰ کیا", "انکشاف
    کیا", "موقف اختیار کیا", each maybe with "ہے"), and whether it is passive ("کہا گیا
    ہے کہ"); -1 when there is none."""
    j = that - 1
    if j > 0 and ws[j].low in BE:
        j -= 1
    passive = j > 0 and ws[j].low in PASSIVE_AUX
    if passive:
        j -= 1
    if j > 0 and ws[j].low in SAID:
        return j, passive
    if j > 1 and ws[j].low in GAVE and ws[j - 1].low == REPLY:
        return j - 1, passive
    if j > 1 and ws[j].low in DID:
        if ws[j - 1].low in CLAIMS:
            return j - 1, passive
        if j > 2 and ws[j - 1].low == TOOK and ws[j - 2].low in POSITION:
            return j - 2, passive
    return -1, False


def _statement_owner(ws: list[Word], c: int, known: list[Mention]) -> Mention | None:
    """ "X کے اعلامیے میں", "X کے بیان میں", a few words before ``c``: X."""
    for i in range(c - 1, max(1, c - 8), -1):
        if ws[i].low == IN and ws[i - 1].low in STATEMENTS and ws[i - 2].low in GENITIVES:
            return noun_before(ws, i - 2, known)
    return None


def _wrong_at(ws: list[Word], i: int) -> bool:
    """Whether word ``i`` names a wrong, alone or with the word after it ("ملوث عناصر",
    those involved, unnamed, and "کرپشن کے خلاف", against it, are no one's wrong)."""
    if ws[i].low in INVOLVED and i + 1 < len(ws) and ws[i + 1].low in UNNAMED:
        return False
    if i + 2 < len(ws) and ws[i + 1].low in GENITIVES and ws[i + 2].low == AGAINST:
        return False  # "کرپشن کے خلاف کارروائی": a fight against the wrong
    pair = i + 1 < len(ws) and (ws[i].low, ws[i + 1].low) in WRONG_PAIRS
    if not pair and ws[i].low not in WRONGS:
        return False
    after = i + 2 if pair else i + 1  # "بے ضابطگیوں کے الزامات کی تحقیقات": an inquiry's subject
    return not (_word_at(ws, after + 1) in ALLEGATION and _word_at(ws, after + 3) in PROBES)


def _leading_name(ws: list[Word], start: int, end: int, known: list[Mention]) -> Mention | None:
    """The name a clause opens with: a known one, else its words up to the first function
    word, cut after the first actor's head ("الیکشن کمیشن قومی اتحاد ..." -> "الیکشن کمیشن")."""
    for m in known:
        if m.first == start:
            return m
    if ws[start].low in DEPARTMENTS and start + 1 < end and ws[start + 1].low not in STOP:
        return _mention(ws, start, max(start + 1, _members_after(ws, start + 1, end)))
    k = start
    while k < end and ws[k].is_word and ws[k].low not in STOP | GENITIVES and k - start < 6:
        if k > start and _word_at(ws, k + 1) in GENITIVES and _word_at(ws, k + 2) in AT_WHOSE_WORD:
            return _mention(ws, start, k - 1)  # "نیب چیئرمین حکومت کے اشارے پر": at whose behest
        if ws[k].low in HEADS | MEMBERS and k > start:
            # "الیکشن کمیشن قومی اتحاد ...", "پولیس اہلکار چھاپوں ...": the name ends at its head
            last = max(k, _members_after(ws, k, end), _person_after(ws, k, end))
            return _mention(ws, start, last)
        if k > start and _wrong_at(ws, k):
            break  # "وزیر اعلیٰ کرپشن میں ملوث": the name ends before the wrong
        if k > start and k + 1 < end and ws[k + 1].low == DOING:
            break  # "شوگر ملز مالکان مل کر": a participle's verb, after the name
        k += 1
    members = _members_after(ws, k - 1, end) if k - 1 >= start else -1
    if members > 0 and k - start <= 3:
        return _mention(ws, start, members)  # "ہسپتال کی انتظامیہ", "ہمسایہ ملک کی خفیہ ایجنسی"
    if k - 1 == start + 1 and ws[k - 1].low == COUNTRY:
        k -= 1  # "اپوزیشن ملک میں": "ملک" last is the country, not the honorific "Malik"
    if _word_at(ws, k) in GENITIVES and _word_at(ws, k + 1) in NEAR:
        return None  # "شاہدرہ کے قریب واقع فیکٹری", "امیدواروں کے ساتھ ناانصافی": no doer
    if _word_at(ws, k) in GENITIVES and k - 1 > start:
        # "کہ حکومت میڈیا کا گلا گھونٹ رہی ہے", "نیب چیئرمین حکومت کے اشارے پر": the word
        # before the genitive owns the object, and the name ends at the body or title before it
        owner_of_object = _word_at(ws, k + 1) in AT_WHOSE_WORD or ws[k - 1].low not in (
            HEADS | TITLES | MEMBERS
        )
        head = max((i for i in range(start, k - 1) if ws[i].low in HEADS | TITLES), default=-1)
        if owner_of_object and head >= start:
            return _mention(ws, start, head)
    person = _person_after(ws, k - 1, end) if k - 1 >= start else -1
    if person > 0 and k - start <= 4:
        return _mention(ws, start, person)
    return _mention(ws, start, k - 1) if k - 1 >= start and k - start <= 3 else None


def _person_after(ws: list[Word], last: int, end: int) -> int:
    """Where the name of the titled person a body's name leads to ends ("عوامی صداقت لیگ | کے
    قائد سید ابرار حسین نقوی بیرون ملک ..."): the words after the titles, up to a function
    word, a wrong or a participle's verb; -1 when none follows word ``last``."""
    j = last + 2
    if j + 1 >= end or ws[last + 1].low not in GENITIVES or ws[j].low not in TITLES:
        return -1
    while j < end and ws[j].low in TITLES:
        j += 1
    n = j
    while n < end and ws[n].is_word and ws[n].low not in STOP | GENITIVES | TITLES and n - j < 5:
        if _wrong_at(ws, n) or (n + 1 < end and ws[n + 1].low == DOING):
            break
        n += 1
    return n - 1 if n > j else -1


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
        (ws[i].low, ws[i + 1].low) in DENIAL_PAIRS
        or (ws[i].low in FACTS and ws[i + 1].low in GENITIVES and _word_at(ws, i + 2) in CONTRARY)
        for i in range(len(ws) - 1)
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
    """Words ``a`` to ``b`` (inclusive) as the charge, a final genitive, intensifiers and
    "بھی" trimmed."""
    while b >= a and (ws[b].low in GENITIVES | INTENSIFIERS | FILLERS or ws[b].text in _PUNCT):
        b -= 1
    while a <= b and (ws[a].low in INTENSIFIERS | FILLERS or ws[a].text in _PUNCT):
        a += 1
    if b < a or b - a > 12:
        return None
    return ws[a].start, ws[b].end


def _allegation_word(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """The reading an allegation word gets: "کے الزام میں" is the charge a case or an arrest
    is brought on ("Y کو C کے الزام میں گرفتار کیا": an arrest, the arrester's accusation);
    in a denial, only the accusation the denial names is read; "الزامات کی تحقیقات" is an
    inquiry into allegations; else :func:`_allegation`."""
    following = ws[c + 1].low if c + 1 < len(ws) else ""
    if following == fold("تراشی"):
        return None  # "الزام تراشی کی سیاست": mudslinging in general, no one accused
    if following == IN:
        if c + 2 < len(ws) and ws[c + 2].low == ARRESTED:
            return _arrested_on(ws, c, known)
        return None
    if following == FROM or (following in GENITIVES and _word_at(ws, c + 2) == UNDER):
        return None  # "C کے الزام سے بری" (cleared of), "C کے الزامات کے تحت مقدمہ" (a case's)
    if c >= 2 and ws[c - 1].low in PASSIVE_AUX and _agent(ws[:c], known) is None:
        return None  # "ملزم پر لگائے گئے الزامات ثابت کرنے": allegations spoken of, not made
    if _denied(ws, c):
        return _denial_names(ws, c, known)
    if following in GENITIVES and c + 2 < len(ws) and ws[c + 2].low in PROBES:
        return None
    return _allegation(ws, c, known)


def _word_at(ws: list[Word], i: int) -> str:
    return ws[i].low if 0 <= i < len(ws) else ""


def _arrested_on(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے Y کو C کے الزام میں گرفتار کر لیا": Y the target, C the charge."""
    to = _last_before(ws, c, TO, max(0, c - 12))
    e = _last_before(ws, c, ERGATIVE, max(0, c - 16))
    first_to = next((i for i in range(e + 1, c) if ws[i].low == TO), -1) if e >= 0 else -1
    if 0 < first_to < to:
        # "پولیس نے پرنسپل کو طالبات کو ہراساں کرنے کے الزام میں": the first object after
        # the subject is the one arrested; a later کو is the charge's own
        to = first_to
    if to < 1 or c - 2 <= to:
        return None
    target = noun_before(ws, to, known)
    if target is None or target.pronoun:
        return None
    accuser, first_person = _subject(ws, target.first, known)
    charge = _charge(ws, to + 1, c - 2)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _denial_names(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "D نے Z کی جانب سے عائد کیے گئے ان الزامات کو مسترد کر دیا کہ ...", "D نے Z کے اس
    الزام کو مسترد کر دیا کہ Y ...": the denier D accuses no one, but the accusation the
    denial names is Z's, of Y (the that-clause's subject), or of D when that subject is D
    again ("انہوں نے", "اتھارٹی نے") or there is no such clause; "Z کی جانب سے Y پر C کے
    الزامات" names Y. A denial's sentence runs long, so its "نے" is looked for far back."""
    e = _last_before(ws, c, ERGATIVE, max(0, c - 30))
    denier = noun_before(ws, e, known) if e > 0 else None
    if denier is None or denier.pronoun:
        return None
    side = next(
        (
            i
            for i in range(c - 1, e + 2, -1)
            if ws[i].low in SIDE and ws[i - 1].low == OF_F and ws[i + 1].low == FROM
        ),
        -1,
    )
    that = next((i for i in range(c + 1, min(len(ws), c + 8)) if ws[i].low == THAT), -1)
    if that > 0 and (ws[that - 1].low in SAID or ws[that - 2].low in SAID):
        that = -1  # "مسترد کرتے ہوئے کہا کہ": what the denier says, not what was alleged
    named = None  # "Z کی جانب سے Y پر C کے الزامات": Y
    if side > 0:
        accusers = _coordinated(ws, side - 1, known)  # "X اور Y کی جانب سے"
        accuser = accusers[-1] if accusers else None
        if accuser is not None and len(accusers) > 1:
            accuser = dataclasses.replace(accuser, also=accusers[:-1])
        # "کی جانب سے اپنے اوپر لگائے گئے C کے الزامات": C, after the participle
        made = next((i for i in range(c - 1, side, -1) if ws[i].low in PASSIVE_AUX), side + 1)
        on = next((i for i in range(side + 3, c - 1) if ws[i].low == ON), -1)
        named = noun_before(ws, on, known) if on > 0 else None
        if named is not None and ws[named.last].low in PUBLIC:
            named = None  # "مظاہرین پر لاٹھی چارج کے الزامات": the charge's victims
        made = on if named is not None else made
        charge = _charge(ws, made + 1, c - 1)
    elif that > 0 and c >= 3 and ws[c - 1].low in (fold("اس"), fold("ان")):
        accuser = noun_before(ws, c - 2, known) if ws[c - 2].low == OF_PL else None
        charge = None
    elif c >= 2 and ws[c - 1].low == OF_PL:
        # "D نے سینیٹر Z کے الزام کو مسترد کرتے ہوئے": Z's, when Z is someone (a title or
        # a body says so); "غیر ملکی فنڈنگ کے الزامات" are allegations of a deed
        accuser = noun_before(ws, c - 1, known)
        if accuser is not None and not (accuser.known or _titled(ws, accuser)):
            accuser = None
        charge = None
    else:
        return None
    if accuser is None or _same(accuser, denier):
        return None
    target, start = named or _spoken_for(ws, denier, known) or denier, -1
    if that > 0:
        s = next((i for i in range(that + 1, min(len(ws), that + 7)) if ws[i].low == ERGATIVE), -1)
        subject = noun_before(ws, s, known) if s > that + 1 else None
        leading = _leading_name(ws, that + 1, len(ws), known)
        if leading is not None and (leading.known or _titled(ws, leading)):
            subject = subject or leading  # "کہ چینی کی برآمد سے ...": no one, the denier
        start = s + 1 if s > 0 else (subject.last + 1 if subject is not None else that + 1)
        last = fold(ws[denier.last].text)
        if subject is not None and not subject.pronoun and fold(ws[subject.last].text) != last:
            target = subject
        charge = _clause_charge(ws, start)
    return Found(ws[c].start, ws[c].end, [target], accuser, False, charge)


def _spoken_for(ws: list[Word], m: Mention, known: list[Mention]) -> Mention | None:
    """The body a spokesman or manager speaks for ("نور ٹیکسٹائل ملز کے جنرل منیجر X"): the
    allegations such a denier rejects are the body's; None when ``m`` is no such title."""
    for g in range(max(1, m.first), m.last):
        if ws[g].low in GENITIVES and any(ws[i].low in SPOKESMEN for i in range(g + 1, m.last + 1)):
            return noun_before(ws, g, known)
    return None


def _allegation(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے Y پر C کا الزام لگایا" (the target's پر is the first after نے: a later one is
    in the charge); "Y پر X نے C کا الزام"; "X نے الزام عائد کیا کہ Y نے C" (the target is
    the clause's subject)."""
    floor = max(0, c - 20)
    e = _last_before(ws, c, ERGATIVE, floor)
    p = next((i for i in range(max(e, floor), c) if ws[i].low == ON), -1)
    participle = _last_before(ws, c, WHILE, max(p, 0))
    if p >= 0 and participle > p:
        # "نکتہ اعتراض پر بات کرتے ہوئے Y پر ... الزام": the first پر is the participle's
        p = next((i for i in range(participle, c) if ws[i].low == ON), p)
    fronted = next((i for i in range(floor, e) if ws[i].low == ON), -1) if e > 0 else -1
    if fronted > 0:
        listed = _coordinated(ws, fronted, known)
        first = listed[0] if listed else None
        # "Y پر X نے ... الزام": the target opens the sentence, before the accuser
        if first is not None and (first.first == 0 or ws[first.first - 1].text in _PUNCT):
            p = fronted
    if fronted > 0 and ws[fronted - 1].low in RELATIVES:
        p = fronted  # "X، جن پر Y نے ... کا الزام": the relative's پر is the target's
    if e < 0:
        agent = _agent(ws[:c], known)
        if agent is not None and agent.first >= 2 and ws[agent.first - 1].low == ON:
            p = agent.first - 1  # "Y پر Z کی جانب سے C کے الزامات": the passive's target
    that_follows = any(ws[i].low == THAT for i in range(c + 1, min(len(ws), c + 5)))
    if p < 0 and (not that_follows or ws[c - 1].low == AND):
        # "X نے Y کو خبردار کیا اور الزام لگایا کہ ادارے نے": Y; but not "X نے پولیس کو دی
        # گئی درخواست میں الزام لگایا کہ Z نے ...": the one the application went to, when
        # the clause after "کہ" names whom it accuses
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
    # "Y پر Z کی جانب سے C کے الزامات": the agent's words are not the charge's
    side = next((i for i in range(p + 2, c - 1) if ws[i].low in SIDE and ws[i + 1].low == FROM), -1)
    charge = _charge(ws, side + 2 if side > 0 else p + 1, c - 1)
    if ws[c - 1].low == AND:
        charge = None  # "Y کو خبردار کیا اور الزام لگایا کہ C": another verb's clause, not C
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
    """The names before postposition ``p``: "X اور Y" gives both, and so does a list
    "X، Y اور Z", whose last link is "اور" (a comma alone is an opener's: "کراچی، X نے"). A
    member's run may open with words of its title ("... کے رہنماؤں X"): its name is read
    after them (:func:`_mention`)."""
    out = []
    target = noun_before(ws, p, known)
    if target is not None and _companions(ws, target.first):
        target = noun_before(ws, target.first - 3, known) or target
    including = (
        next(
            (
                i
                for i in range(target.first - 1, max(0, target.first - 4), -1)
                if ws[i].low == INCLUDING
            ),
            -1,
        )
        if target is not None
        else -1
    )
    if including > 0:
        # "X سمیت (پارٹی کے) دیگر رہنماؤں": X and others, unnamed; X is the name
        target = noun_before(ws, including, known) or target
    while target is not None and not target.pronoun:
        out.insert(0, target)
        if target.first < 2:
            break
        link = ws[target.first - 1].low
        if not (link == AND or (link in ("،", ",") and len(out) > 1)):
            break
        before = noun_before(ws, target.first - 1, known)
        if link == AND and before is not None and _one_person(ws, before, target):
            break
        target = before
    if not out and target is not None:
        out.append(target)
    return out


def _one_person(ws: list[Word], titles: Mention, named: Mention) -> bool:
    """Whether "T اور N" is one person's titles: T ends with a title and names no one, N has
    a name after its titles ("X لیگ کے مرکزی رہنما اور سابق وزیر چوہدری نوید اختر")."""
    if titles.known or ws[titles.last].low not in TITLES or ws[named.last].low in TITLES:
        return False
    return any(ws[i].low in TITLES for i in range(named.first, named.last))


def _no_accuser(ws: list[Word], m: Mention) -> bool:
    """A court (it judges), or a family named only by whose it is ("اس کے اہلخانہ")."""
    if m.known:
        return False
    if ws[m.last].low in COURTS:
        return True
    kin = all(ws[i].low in KIN for i in range(m.first, m.last + 1))
    return kin and m.first >= 2 and ws[m.first - 1].low in GENITIVES


def _unnamed(m: Mention) -> bool:
    """ "نامعلوم افراد", "دیگر رہنماؤں", "وہی لوگ": people the text does not name."""
    first = fold(m.text.split()[0]) if m.text.split() else ""
    return not m.known and (first in UNNAMED_OPENERS or fold(m.text) in PEOPLE)


def _companions(ws: list[Word], first: int) -> bool:
    """Whether the name starting at ``first`` follows "Y اور ان کے" ("Y and his ..."): Y's
    unnamed companions, of whom Y is the name."""
    return (
        first >= 4
        and ws[first - 1].low in GENITIVES
        and ws[first - 2].low in PRONOUNS
        and ws[first - 3].low == AND
    )


def _alleged_that(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے الزام عائد کیا کہ Y نے C": Y the target, C the charge."""
    that = next((i for i in range(c + 1, min(len(ws), c + 5)) if ws[i].low == THAT), -1)
    if that < 0:
        return None
    # the clause's subject before its "نے": a list of names may run long ("کہ اس کے شوہر X
    # اور سسر Y نے"), but no further than a punctuation mark
    e = next((i for i in range(that + 1, min(len(ws), that + 13)) if ws[i].low == ERGATIVE), -1)
    if any(ws[i].text in _PUNCT for i in range(that + 1, e)):
        e = -1
    involved = next(
        (i for i in range(that + 2, min(len(ws), that + 16)) if ws[i].low in INVOLVED), -1
    )
    subject = _involved_subject(ws, that + 1, involved, known) if involved > 0 else None
    if e > that + 1:
        targets = [t for t in _coordinated(ws, e, known) if t.first > that]
        start = e + 1
    elif subject is not None:
        targets, start = [subject], that + 1  # "کہ C میں Y خود ملوث ہیں" (see _reported)
    else:
        targets = _leading_names(ws, that + 1, known)
        start = targets[-1].last + 1 if targets else 0
    if not targets or targets[0].pronoun:
        return None
    charge = _charge(ws, start, min(len(ws) - 1, start + 10))
    accuser, first_person = _subject(ws, c, known)
    if accuser is None and not first_person:
        accuser = _allegation_owner(ws, c, known)
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge)


def _leading_names(ws: list[Word], start: int, known: list[Mention]) -> list[Mention]:
    """The names a clause opens with: one, or a list "X، Y اور Z" ("کہ کھاد ڈیلرز، محکمہ
    زراعت کے افسران اور شوگر ملز مالکان مل کر ...")."""
    out: list[Mention] = []
    while start < len(ws):
        name = next((m for m in known if m.first == start), None)
        name = name or _leading_name(ws, start, len(ws), known)
        if name is None:
            break
        out.append(name)
        link = name.last + 1
        if link + 1 >= len(ws) or not (ws[link].low == AND or ws[link].text in ("،", ",")):
            break
        start = link + 1
    if len(out) > 1 and ws[out[-2].last + 1].low != AND:
        # a comma with no "اور" after it ends a clause, not a list: "کہ X، جو ..."
        return out[:1]
    return out


def _allegation_owner(ws: list[Word], c: int, known: list[Mention]) -> Mention | None:
    """Whose allegation a sentence with no "نے" reports: "X کا الزام ہے کہ" (X's), "X کے
    اعلامیے میں الزام لگایا گیا" (the statement's), "Z کی مدعیت میں درج مقدمے میں الزام"
    (the complainant's)."""
    if c >= 2 and ws[c - 1].low in (OF_M, OF_PL) and c + 1 < len(ws) and ws[c + 1].low in BE:
        owner = noun_before(ws, c - 1, known)  # "X کا الزام ہے کہ"
        return owner if owner is not None and fold(owner.text) not in ROLES else None
    owner = _statement_owner(ws, c, known)  # "X کے اعلامیے میں"
    return owner if owner is not None else _complainant(ws, c, known)[0]


def _condemn(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "X نے Y کی (شدید) مذمت کی"; "Y کے بیان کی مذمت" (the statement is the charge)."""
    g = c - 1
    while g >= 0 and ws[g].low in INTENSIFIERS:
        g -= 1
    if g < 1 or ws[g].low != OF_F:
        return None
    charge = None
    head = g
    # "Y کے (اس) بیان کی مذمت": the demonstrative points at the deed a relative clause says
    of = g - 3 if g >= 4 and ws[g - 2].low in DEMONSTRATIVES else g - 2
    if ws[g - 1].low in DEEDS and of >= 1 and ws[of].low in GENITIVES:
        charge = (ws[g - 1].start, ws[g - 1].end)
        if of == g - 3:
            charge = _relative_charge(ws, c) or charge
        head = of
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
    if any(ws[i].low in RELATIVES for i in range(max(0, to - 4), to)):
        return None  # "اس بیان کی مذمت کی جس میں Y کو نااہل قرار دیا گیا": what the statement said
    between = ws[to + 1 : c]
    if not any(w.low in SLURS for w in between):
        return _held_responsible(ws, c, to, known)
    targets = _coordinated(ws, to, known)
    slur = next((i for i in range(to + 1, c) if ws[i].low in SLURS), -1)
    if slur > to + 2 and ws[slur - 1].low in GENITIVES and ws[slur].low in DEEDS_OF:
        # "گرفتاریوں کو Y کی فسطائیت قرار دیا": the arrests are Y's fascism; Y the target
        owner = noun_before(ws, slur - 1, known)
        if owner is not None:
            accuser, first_person = _subject(ws, to, known)
            charge = (ws[slur].start, ws[slur].end)
            return Found(ws[c].start, ws[c].end, [owner], accuser, first_person, charge)
    if not targets:
        return None
    # "C کا ذمہ دار": the charge is what they are held responsible for
    responsible = [i for i in range(to + 1, c) if ws[i].low in (RESPONSIBLE, RESPONSIBLE_ONE)]
    if responsible and responsible[0] - 1 > to and ws[responsible[0] - 1].low in GENITIVES:
        charge = _charge(ws, to + 1, responsible[0] - 2)
    else:
        charge = _charge(ws, to + 1, c - 1)
    accuser, first_person = _subject(ws, targets[0].first, known)
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge)


def _held_responsible(ws: list[Word], c: int, to: int, known: list[Mention]) -> Found | None:
    """ "C کا ذمہ دار Y اور Z کو ٹھہرایا / قرار دیا": the charge before the targets; "ایک
    دوسرے کو" (each other) when two accusers blame each other."""
    targets = _coordinated(ws, to, known)
    if not targets:
        return None
    end = targets[0].first - 1  # "ذمہ دار" ends right before the targets
    if end > 0 and ws[end].low == fold("ایک") and fold(targets[0].text) in EACH_OTHER:
        end -= 1  # "ذمہ دار ایک دوسرے کو"
    if end < 3 or not _responsible_ends(ws, end):
        return None
    resp = end if ws[end].low == RESPONSIBLE_ONE else end - 1
    if ws[resp - 1].low not in GENITIVES:
        return None
    e = _last_before(ws, resp, ERGATIVE)
    charge = _charge(ws, e + 1 if e >= 0 else 0, resp - 2)
    accuser, first_person = _subject(ws, resp, known)
    return _with_each_other(ws, c, targets, accuser, first_person, charge)


def _with_each_other(
    ws: list[Word],
    c: int,
    targets: list[Mention],
    accuser: Mention | None,
    first_person: bool,
    charge: tuple[int, int] | None,
) -> Found:
    """The find, or for "X اور Y نے ایک دوسرے پر / کو ..." X's of Y (each accuses the other)."""
    if fold(targets[-1].text) in EACH_OTHER and accuser is not None and accuser.also:
        found = Found(ws[c].start, ws[c].end, [accuser.also[-1]], accuser, False, charge)
        found.extra["each_other"] = "yes"
        return found
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge)


def _involved(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "اس سازش میں وفاقی وزیر X براہ راست ملوث ہیں": X is said to be in it, C (before
    "میں") is the charge. "X C میں ملوث ہے" is not read: the name and the charge run
    together with nothing between them."""
    k = c
    while k >= 2 and ws[k - 1].low in DIRECTLY:
        k -= 1
    target = noun_before(ws, k, known)
    if target is None or target.pronoun:
        return None
    # "میں" before the name, or before the titles the name's run had no room for
    m = next(
        (i for i in range(target.first - 1, max(0, target.first - 4), -1) if ws[i].low == IN), -1
    )
    if m < 1 or any(ws[i].low not in TITLES for i in range(m + 1, target.first)):
        return None
    start = next((i + 1 for i in range(m - 1, max(-1, m - 8), -1) if ws[i].low in STOP), m - 1)
    accuser, first_person = _subject(ws, target.first, known)
    charge = _charge(ws, start, m - 1)
    return Found(ws[c].start, ws[c].end, [target], accuser, first_person, charge)


def _responsibility(ws: list[Word], c: int, known: list[Mention]) -> Found | None:
    """ "C کی ذمہ داری Y پر عائد ہوتی ہے" (the responsibility lies with Y); "C کی ذمہ دار Y
    ہے" (Y is responsible for C). The charge is C, or what a relative clause after Y says Y
    did ("Y پر عائد ہوتی ہے جنہوں نے ...")."""
    after = c + 1 if ws[c].low == RESPONSIBLE_ONE else c + 2
    g = c - 1
    while g > 0 and ws[g].low in WHOLE:
        g -= 1
    if g < 1 or after >= len(ws) or ws[g].low not in GENITIVES:
        return None
    if ws[c].low == RESPONSIBLE and ws[c + 1].low == DUTY:
        on = next((i for i in range(after, min(len(ws), after + 9)) if ws[i].low == ON), -1)
        if on < 0 or on + 1 >= len(ws) or ws[on + 1].low not in LAID:
            return None
        end = on
    elif _responsible_ends(ws, after - 1):
        end = next((i for i in range(after, min(len(ws), after + 9)) if ws[i].low in BE), -1)
        if end < 0 or any(ws[i].low in (STOP - BE) | DECLARED for i in range(after, end)):
            return None  # "Y کو C کا ذمہ دار ٹھہرایا ہے" is read at its verb
    else:
        return None
    targets = _coordinated(ws, end, known)
    targets = [t for t in targets if t.first >= after]
    if not targets:
        return None
    who = next((i for i in range(end, min(len(ws), end + 6)) if ws[i].low == fold("جنہوں")), -1)
    if who > 0 and who + 1 < len(ws) and ws[who + 1].low == ERGATIVE:
        charge = _charge(ws, who + 2, min(len(ws) - 1, who + 14))
    else:
        start = next(
            (i + 1 for i in range(g - 1, max(-1, g - 13), -1) if ws[i].low in STOP - GENITIVES),
            max(0, g - 12),
        )
        charge = _charge(ws, start, g - 1)
    accuser, first_person = _subject(ws, targets[0].first, known)
    return Found(ws[c].start, ws[c].end, targets, accuser, first_person, charge)


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
