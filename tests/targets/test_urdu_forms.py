"""The Urdu rules on constructions of Urdu news reports: lists of accusers and targets, held
responsible, lashed out at, cases registered, arrests, denials that name the accusation and
reported wrongs; and sentences of the same words that accuse no one."""

from __future__ import annotations

import pytest

from echoscope.model import Document
from echoscope.targets.extract import accusations_in


def found(text: str) -> set[tuple[str, str, str]]:
    doc = Document("d", text, lang="ur")
    return {(a.accuser, a.target, a.charge) for a in accusations_in(doc)}


def pairs(text: str) -> set[tuple[str, str]]:
    return {(accuser, target) for accuser, target, _ in found(text)}


def test_every_accuser_of_a_list_accuses():
    text = (
        "لاہور (نامہ نگار) جمہوری محاذ کے رہنماؤں احسن جاوید، خالد محمود چیمہ اور رانا ثاقب "
        "علی نے صوبائی حکومت پر بلدیاتی انتخابات میں دھاندلی کا الزام لگایا۔"
    )
    charge = "بلدیاتی انتخابات میں دھاندلی"
    assert found(text) == {
        ("احسن جاوید", "صوبائی حکومت", charge),
        ("خالد محمود چیمہ", "صوبائی حکومت", charge),
        ("رانا ثاقب علی", "صوبائی حکومت", charge),
    }
    # a list after a participle's clause: "... خطاب کرتے ہوئے X اور Y نے"
    text = "جلسے سے خطاب کرتے ہوئے مولانا فضل کریم اور حاجی غلام علی نے حکومت پر تنقید کی۔"
    assert pairs(text) == {("مولانا فضل کریم", "حکومت"), ("حاجی غلام علی", "حکومت")}


def test_lashed_out_reads_the_subject_without_ergative_and_every_target():
    text = (
        "پشاور (نمائندہ خصوصی) عوامی پارٹی کے صوبائی صدر میاں افتخار حسین وفاقی حکومت اور "
        "واپڈا پر برس پڑے اور کہا کہ دونوں ادارے کسانوں کا پانی بیچ رہے ہیں۔"
    )
    charge = "دونوں ادارے کسانوں کا پانی بیچ رہے ہیں"  # what they went on to say
    assert found(text) == {
        ("میاں افتخار حسین", "وفاقی حکومت", charge),
        ("میاں افتخار حسین", "واپڈا", charge),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سابق وزیر سردار اکبر خان نے سیلاب کی تباہی کا ذمہ دار وزیر اعلیٰ اور وزیر آبپاشی کو"
            " ٹھہرایا۔",
            {
                ("سردار اکبر خان", "وزیر اعلیٰ", "سیلاب کی تباہی"),
                ("سردار اکبر خان", "وزیر آبپاشی", "سیلاب کی تباہی"),
            },
        ),
        (
            "تاجر رہنما حاجی نعیم اشرف نے کہا کہ بازار میں آتشزدگی کی تمام تر ذمہ داری ضلعی"
            " انتظامیہ پر عائد ہوتی ہے۔",
            {("حاجی نعیم اشرف", "ضلعی انتظامیہ", "آتشزدگی")},
        ),
        (
            "ملتان (نامہ نگار) شہری تنظیم کے صدر رانا اسلم نے کہا کہ شہر میں ڈینگی پھیلنے کی"
            " ذمہ دار میونسپل کارپوریشن ہے۔",
            {("رانا اسلم", "میونسپل کارپوریشن", "ڈینگی پھیلنے")},
        ),
    ],
)
def test_held_responsible(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ایف آئی اے نے محکمہ صحت کے سابق ڈائریکٹر ملک ارشد محمود کے خلاف ادویات کی خریداری"
            " میں کروڑوں روپے خورد برد کرنے کا مقدمہ درج کر لیا۔",
            {
                (
                    "ایف آئی اے",
                    "ملک ارشد محمود",
                    "ادویات کی خریداری میں کروڑوں روپے خورد برد کرنے",
                )
            },
        ),
        (
            "اینٹی کرپشن سرگودھا نے پٹواری غلام رسول کو شہریوں سے رشوت لینے کے الزام میں"
            " گرفتار کر لیا۔",
            {("اینٹی کرپشن سرگودھا", "پٹواری غلام رسول", "شہریوں سے رشوت لینے")},
        ),
        (
            # the complainant accuses with the police
            "تھانہ سٹی پولیس نے شہری اکرم علی کی مدعیت میں ناصر محمود کے خلاف مقدمہ درج کر لیا۔",
            {("تھانہ سٹی پولیس", "ناصر محمود", ""), ("شہری اکرم علی", "ناصر محمود", "")},
        ),
        (
            # a case called false is the filer's wrong, not the filer's accusation
            "عوامی پارٹی کے رہنما قاسم علی نے کہا کہ پولیس نے پارٹی کارکنوں کے خلاف جھوٹے"
            " مقدمات درج کیے۔",
            {("قاسم علی", "پولیس", "پارٹی کارکنوں کے خلاف جھوٹے مقدمات")},
        ),
    ],
)
def test_cases_and_arrests(text, expected):
    assert found(text) == expected


def test_a_denial_names_the_accusation_of_the_one_it_answers():
    text = (
        "وزیر صحت بیگم نسرین اختر نے عوامی پارٹی کی جانب سے عائد کیے گئے ان الزامات کو مسترد"
        " کر دیا کہ انہوں نے ہسپتالوں کے فنڈز روک لیے۔"
    )
    assert found(text) == {("عوامی پارٹی", "بیگم نسرین اختر", "ہسپتالوں کے فنڈز روک لیے")}
    # a denial that names no accuser stays no accusation
    assert found("علی رضا نے سارہ ملک کے الزامات کو من گھڑت قرار دیا۔") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وزیر خزانہ ڈاکٹر عامر رشید نے کہا ہے کہ سابق حکومت نے قومی خزانہ لوٹ لیا۔",
            {("عامر رشید", "سابق حکومت", "قومی خزانہ لوٹ لیا")},
        ),
        (
            "کوئٹہ (نامہ نگار) سردار ظفر علی نے کہا کہ اس سازش میں صوبائی وزیر خزانہ میر احمد"
            " نواز براہ راست ملوث ہیں۔",
            {("سردار ظفر علی", "میر احمد نواز", "سازش")},
        ),
        (
            "ڈاکٹر شبنم گل نے محکمہ تعلیم کے اس بیان کی مذمت کی جس میں اساتذہ کو نااہل قرار"
            " دیا گیا تھا۔",
            {("شبنم گل", "محکمہ تعلیم", "اساتذہ کو نااہل قرار دیا گیا تھا")},
        ),
    ],
)
def test_reported_wrongs_involvement_and_condemned_statements(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وزیر اعلیٰ نے سیلاب متاثرین کی بحالی کی ذمہ داری ضلعی انتظامیہ کو سونپ دی۔",
        "پولیس نے بااثر افراد کے خلاف مقدمہ درج کرنے سے انکار کر دیا۔",
        "پولیس نے شہری کی درخواست پر واقعے کی تحقیقات شروع کر دیں۔",
        "ترجمان نے کہا کہ پارٹی کسی کرپشن میں ملوث نہیں ہے۔",
        "سیمینار میں مقررین نے کہا کہ ذمہ دار صحافت وقت کی ضرورت ہے۔",
        "وزیر داخلہ نے الزامات کو مسترد کر دیا۔",
        # everyday words that are half of a two-word wrong: "دی" (gave), "کمیشن", "غیر"
        "محکمہ زراعت کا کہنا ہے کہ کسانوں کے لیے سبسڈی کی قسط جاری کر دی جائے گی۔",
        "ترجمان نے کہا کہ الیکشن کمیشن نے غیر ملکی مبصرین کو دعوت دی ہے۔",
    ],
)
def test_the_same_words_accusing_no_one(text):
    assert found(text) == set()


def test_a_condemned_act_of_calling_someone_a_slur_is_the_actors_accusation():
    # "The Labour Front condemns the minister's calling Nadia Khattak a traitor": the
    # front accuses the minister (of the act), the minister accuses Nadia Khattak
    text = "لیبر فرنٹ وزیر داخلہ کی جانب سے نادیہ خٹک کو غدار کہنے کی مذمت کرتا ہے۔"
    doc = Document("d", text, lang="ur", series="لیبر فرنٹ", speaker="نادر علی")
    got = {(a.accuser, a.target) for a in accusations_in(doc)}
    assert got == {("لیبر فرنٹ", "وزیر داخلہ"), ("وزیر داخلہ", "نادیہ خٹک")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the opposition wants chaos in the country": "ملک" last is the country
        (
            "وزیر اطلاعات نے الزام عائد کیا کہ اپوزیشن ملک میں انتشار پھیلانا چاہتی ہے۔",
            {("وزیر اطلاعات", "اپوزیشن")},
        ),
        # the name ends before the wrong: "the chief minister is involved in corruption"
        (
            "ترجمان نے کہا کہ وزیر اعلیٰ کرپشن میں ملوث ہیں۔",
            {("ترجمان", "وزیر اعلیٰ")},
        ),
        (
            "ترجمان نے کہا کہ نادر خان ملک دشمن ایجنڈے پر عمل پیرا ہیں۔",
            {("ترجمان", "نادر خان")},
        ),
        (
            "سارہ ملک نے نادر خان کو سلیکٹڈ وزیر اعظم قرار دیا۔",
            {("سارہ ملک", "نادر خان")},
        ),
    ],
)
def test_names_end_before_the_wrong_they_are_said_to_do(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's officials or people are named with it: "the officials of the education
        # department", "the heirs of the slain man", "a neighbour's intelligence agency"
        (
            "کسان اتحاد کے رہنما چوہدری اکرم باجوہ نے الزام لگایا کہ محکمہ تعلیم کے افسران"
            " فنڈز میں کرپشن کر رہے ہیں۔",
            {("چوہدری اکرم باجوہ", "محکمہ تعلیم کے افسران")},
        ),
        (
            "مقتول کے ورثا نے تھانہ صدر پولیس پر ملزمان سے ساز باز کا الزام لگایا۔",
            {("مقتول کے ورثا", "تھانہ صدر پولیس")},
        ),
        (
            "ترجمان نے الزام لگایا کہ ہمسایہ ملک کی خفیہ ایجنسی دہشت گردوں کی سرپرستی کر رہی ہے۔",
            {("ترجمان", "ہمسایہ ملک کی خفیہ ایجنسی")},
        ),
        # every name of a list the alleged clause opens with
        (
            "کسان رہنما رانا اسلم نے الزام لگایا کہ آڑھتی، محکمہ خوراک کے اہلکار اور فلور ملز"
            " مالکان مل کر کسانوں کو لوٹ رہے ہیں۔",
            {
                ("رانا اسلم", "آڑھتی"),
                ("رانا اسلم", "محکمہ خوراک کے اہلکار"),
                ("رانا اسلم", "فلور ملز مالکان"),
            },
        ),
    ],
)
def test_a_bodys_members_and_lists_are_whole_names(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X's allegation is that ...": X accuses
        (
            "مقتول کے والد حاجی غلام رسول کا الزام ہے کہ ان کے بیٹے کو پولیس نے جعلی مقابلے"
            " میں مار دیا۔",
            {("حاجی غلام رسول", "پولیس")},
        ),
        # a party's statement, active or passive
        (
            "عوامی انصاف پارٹی کے اعلامیے میں کہا گیا ہے کہ صوبائی حکومت نے ترقیاتی فنڈز میں"
            " کرپشن کی ہے۔",
            {("عوامی انصاف پارٹی", "صوبائی حکومت")},
        ),
        # the complainant of a case, and both of a listed subject before "نے"
        (
            "صغراں بی بی کی مدعیت میں درج مقدمے میں الزام لگایا گیا ہے کہ اس کے شوہر محمد"
            " ریاض اور دیور محمد یونس نے اسے تشدد کا نشانہ بنایا۔",
            {("صغراں بی بی", "محمد ریاض"), ("صغراں بی بی", "دیور محمد یونس")},
        ),
        # words between the subject and "کہا", a claim, and an idiom of the Indian press
        (
            "دفتر خارجہ کے ترجمان نے ہفتہ وار بریفنگ میں کہا کہ بھارت دہشت گردی کا سب سے بڑا"
            " سرپرست ہے۔",
            {("دفتر خارجہ کے ترجمان", "بھارت")},
        ),
        (
            "اپوزیشن لیڈر راجہ نعیم اختر نے دعویٰ کیا کہ وزیر خزانہ نے قومی خزانہ لوٹ لیا ہے۔",
            {("راجہ نعیم اختر", "وزیر خزانہ")},
        ),
        (
            "سماج وادی پارٹی کے صدر اکھلیش یادو نے وزیر اعلیٰ پر نشانہ سادھا۔",
            {("اکھلیش یادو", "وزیر اعلیٰ")},
        ),
        # the first "پر" belongs to a participle's clause ("speaking on a point of order")
        (
            "رکن اسمبلی بیگم نسیم اختر نے نکتہ اعتراض پر بات کرتے ہوئے وزیر ریلوے پر زمینوں"
            " پر قبضے کا الزام عائد کیا۔",
            {("بیگم نسیم اختر", "وزیر ریلوے")},
        ),
    ],
)
def test_who_alleges_in_reports_statements_and_cases(text, expected):
    assert pairs(text) == expected


def test_the_charge_is_what_the_alleged_clause_says():
    text = (
        "تاجر رہنما حاجی یونس نے محکمہ ایکسائز پر الزام عائد کیا کہ اس نے ٹیکس کی شرح میں"
        " اضافہ کر کے کاروبار تباہ کر دیا۔"
    )
    assert found(text) == {
        ("حاجی یونس", "محکمہ ایکسائز", "ٹیکس کی شرح میں اضافہ کر کے کاروبار تباہ کر دیا")
    }
    # "also" is no charge; nor is the verb of a clause before "اور"
    text = "انہوں نے پولیس پر بھی الزام لگایا کہ اس نے مظاہرین پر لاٹھی چارج کیا۔"
    doc = Document("d", "ڈاکٹر حسنین نے پریس کانفرنس کی۔ " + text, lang="ur")
    charges = {a.charge for a in accusations_in(doc)}
    assert charges == {"مظاہرین پر لاٹھی چارج کیا"}
    text = (
        "شہری رہنما نازیہ ابڑو نے واٹر بورڈ کو خبردار کیا اور الزام لگایا کہ ادارے نے نالوں"
        " کے فنڈز خرچ نہیں کیے۔"
    )
    assert {c for _, _, c in found(text)} == {"ادارے نے نالوں کے فنڈز خرچ نہیں کیے"}


def test_a_denial_of_someones_allegation_is_their_accusation_of_the_denier():
    text = (
        "وزیر توانائی سردار شوکت علی نے سینیٹر فرحانہ قمر کے الزام کو مسترد کرتے ہوئے کہا"
        " کہ تمام ٹیکس پارلیمنٹ سے منظور شدہ ہیں۔"
    )
    assert pairs(text) == {("فرحانہ قمر", "سردار شوکت علی")}
    # allegations of a deed ("of foreign funding") are no one's
    text = "رانا طارق نے غیر ملکی فنڈنگ کے الزامات کو مسترد کر دیا۔"
    assert pairs(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # those involved, unnamed
        "وزیر داخلہ نے دھماکے کی مذمت کرتے ہوئے کہا کہ واقعے میں ملوث عناصر کو جلد گرفتار کیا"
        " جائے گا۔",
        "پولیس کے مطابق ڈکیتی کے واقعے میں ملوث افراد کی تلاش جاری ہے۔",
        # mudslinging in general
        "مقررین نے کہا کہ الزام تراشی کی سیاست نے ملک کو نقصان پہنچایا ہے۔",
        # those who criticise, described
        "ترجمان نے کہا کہ حکومت پر تنقید کرنے والے اداروں کے واجبات روکے جا رہے ہیں۔",
        # a fight against a wrong; a clause with no subject
        "پارٹی ترجمان نے کہا کہ حکومت کو کرپشن کے خلاف کارروائی کرنی چاہیے۔",
        "وزیر اعلیٰ نے کہا کہ صوبے میں دہشت گردی کے واقعات میں کمی آئی ہے۔",
        # what may happen
        "تجزیہ کاروں کا کہنا ہے کہ تاخیر کی صورت میں اپوزیشن حکومت پر دھاندلی کا الزام لگا"
        " سکتی ہے۔",
    ],
)
def test_wrongs_and_cues_that_accuse_no_one(text):
    assert found(text) == set()


def test_one_persons_titles_joined_by_and_are_one_accuser():
    text = (
        "ملتان: قومی عوامی پارٹی کے صوبائی رہنما اور سابق وزیر خوراک چوہدری ارشد محمود باجوہ نے"
        " صوبائی حکومت پر گندم کی خریداری میں کرپشن کا الزام لگایا۔"
    )
    charge = "گندم کی خریداری میں کرپشن"
    assert found(text) == {("چوہدری ارشد محمود باجوہ", "صوبائی حکومت", charge)}


def test_including_names_the_one_named_not_the_others():
    text = (
        "لاہور: عوامی محاذ کے صدر رانا جمیل اختر سمیت پارٹی کے دیگر رہنماؤں نے ضلعی انتظامیہ"
        " پر غریبوں کو ہراساں کرنے کا الزام لگایا۔"
    )
    assert pairs(text) == {("رانا جمیل اختر", "ضلعی انتظامیہ")}
    text = (
        "ساہیوال: تھانہ صدر پولیس نے ہنگامہ آرائی کے الزام میں سابق چیئرمین ملک طارق نواز سمیت"
        " تیس کارکنوں کے خلاف مقدمہ درج کر لیا۔"
    )
    assert pairs(text) == {("تھانہ صدر پولیس", "ملک طارق نواز")}


def test_a_clause_opening_with_a_bodys_titled_person_names_the_person():
    text = (
        "ملتان: قومی عوامی پارٹی کے رہنما رانا اسلم نے الزام لگایا کہ عوامی محاذ کے قائد سید"
        " فرحان علی گیلانی بیرون ملک بیٹھ کر اداروں کے خلاف مہم چلا رہے ہیں۔"
    )
    assert pairs(text) == {("رانا اسلم", "سید فرحان علی گیلانی")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the accusation a spokesman rejects is against the body he speaks for
        (
            "کراچی: واٹر بورڈ کے ترجمان نے شہری اتحاد کے رہنما سید عامر حسن کی جانب سے ٹینکر"
            " مافیا سے ملی بھگت کے الزامات کو بے بنیاد قرار دیا ہے۔",
            {("سید عامر حسن", "واٹر بورڈ")},
        ),
        # "Z کی جانب سے Y پر C کے الزامات": Y, named in the denial, is the target
        (
            "پشاور: وزیر صحت ڈاکٹر نعمان خلیل نے عوامی جرگہ کی جانب سے ضلعی ہیلتھ افسر پر"
            " ادویات کی چوری کے الزامات کی تردید کی ہے۔",
            {("عوامی جرگہ", "ضلعی ہیلتھ افسر")},
        ),
        # "مظاہرین پر تشدد": the protesters are the wrong's victims; "حقائق کے منافی" denies
        (
            "کوئٹہ: کمشنر کوئٹہ نے طلبہ تنظیم کی جانب سے مظاہرین پر تشدد کے الزامات کو حقائق"
            " کے منافی قرار دیا۔",
            {("طلبہ تنظیم", "کمشنر کوئٹہ")},
        ),
        # a case called false by its accused is a denial, not an accusation of the case
        (
            "سیالکوٹ: تھانہ صدر پولیس نے سابق کونسلر خواجہ ندیم ڈار کے خلاف زمین پر قبضے کا"
            " مقدمہ درج کر لیا۔ دوسری جانب خواجہ ندیم ڈار نے مقدمے کو جھوٹا اور بے بنیاد قرار"
            " دیا۔",
            {("تھانہ صدر پولیس", "خواجہ ندیم ڈار")},
        ),
    ],
)
def test_denials_name_the_accusation_they_reject(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # cleared of a charge; a court's finding; a case against unknown persons
        "لاہور: کرکٹ بورڈ کی کمیٹی نے آل راؤنڈر محمد فہیم اختر کو میچ فکسنگ کے الزام سے بری"
        " کر دیا۔",
        "لاہور: عدالت نے قرار دیا کہ استغاثہ ملزم پر لگائے گئے الزامات ثابت کرنے میں ناکام رہا۔",
        "اوکاڑہ: پولیس نے دکان میں چوری کی واردات پر نامعلوم افراد کے خلاف مقدمہ درج کر لیا۔",
        # what should be done; a passive clause, whose opening noun was wronged
        "سکھر: سماجی کارکن سلمیٰ ناز کا کہنا تھا کہ حکومت کو ہنرمند خواتین کی سرپرستی کرنی چاہیے۔",
        "حیدرآباد: شہری محاذ کے رہنما خالد حسین نے کہا کہ نہروں کی صفائی کے فنڈز کاغذی"
        " منصوبوں میں ہڑپ کر لیے گئے۔",
        # a wrong in another clause than the opening noun's; the wrong names the target
        "ان کا کہنا تھا کہ متاثرین آج بھی خیموں میں ہیں جبکہ فنڈز رشوت کے طور پر بانٹے جا رہے ہیں۔",
        "مشیر اطلاعات نے حملے کی مذمت کرتے ہوئے کہا کہ دہشت گردوں کے عزائم کامیاب نہیں ہوں گے۔",
        # a family named only by whose it is; a baton charge, no one's
        "شیخوپورہ: نوجوان کی ہلاکت کے بعد اس کے اہلخانہ نے پولیس پر تشدد کا الزام عائد کیا ہے۔",
        "رہنما نے مظاہرین پر لاٹھی چارج کی شدید مذمت کی۔",
    ],
)
def test_cleared_judged_unknown_passive_and_unnamed_accuse_no_one(text):
    assert found(text) == set()
