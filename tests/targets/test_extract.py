"""The language rules on sentences of the forms they read, and on the denials and neutral
sentences they must not read as accusations."""

from __future__ import annotations

import pytest

from echoscope.model import Document
from echoscope.targets.entities import Entities
from echoscope.targets.extract import accusations_in


def pairs(text: str, lang: str = "en", speaker: str | None = None, entities=None):
    doc = Document("d", text, lang=lang, speaker=speaker)
    return [(a.accuser, a.target, a.charge) for a in accusations_in(doc, entities)]


@pytest.mark.parametrize(
    ("text", "accuser", "target", "charge"),
    [
        (
            "PTI chairman Imran Khan on Tuesday accused the PML-N government of money laundering.",
            "Imran Khan",
            "PML-N government",
            "money laundering",
        ),
        (
            "Information Minister Sara Malik lashed out at Imran Khan over the riots.",
            "Sara Malik",
            "Imran Khan",
            "the riots",
        ),
        (
            "Rana Tariq Mehmood, the AIP chief, termed Nawaz Sharif a traitor.",
            "Rana Tariq Mehmood",
            "Nawaz Sharif",
            "a traitor",
        ),
        (
            "The opposition demanded action against Interior Minister Ali Raza for the killings.",
            "opposition",
            "Ali Raza",
            "the killings",
        ),
        (
            "Ali Raza was accused by Sara Malik of covering up the massacre.",
            "Sara Malik",
            "Ali Raza",
            "covering up the massacre",
        ),
        ("Nawaz Sharif is a traitor, Sara Malik said.", "Sara Malik", "Nawaz Sharif", "traitor"),
        (
            "Sara Malik alleged that Ali Raza had rigged the elections.",
            "Sara Malik",
            "Ali Raza",
            "had rigged the elections",
        ),
    ],
)
def test_english_forms(text, accuser, target, charge):
    assert pairs(text) == [(accuser, target, charge)]


def test_first_person_is_the_speaker_and_a_participle_keeps_its_subject():
    assert pairs(
        "We condemn Harun Delavar for the sale of police jobs.", speaker="Farida Mortazan"
    ) == [("Farida Mortazan", "Harun Delavar", "the sale of police jobs")]
    text = "Sara Malik slammed Imran Khan, accusing him of spreading chaos."
    assert pairs(text) == [("Sara Malik", "Imran Khan", "spreading chaos")]


@pytest.mark.parametrize(
    "text",
    [
        "Ali Raza denied accusing Sara Malik of corruption.",
        "Sara Malik said she never called Ali Raza a traitor.",
        "Ali Raza did not blame Sara Malik for the floods.",
        "Who can blame Ali Raza for leaving?",
        "Sara Malik met Ali Raza in Lahore on Monday.",
        "The court heard the case against Ali Raza.",
        "Sara Malik called Ali Raza a friend of the poor.",
    ],
)
def test_denials_questions_and_neutral_sentences_are_not_accusations(text):
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target", "charge"),
    [
        (
            "عمران خان نے منگل کو پریس کانفرنس سے خطاب کرتے ہوئے نواز شریف پر منی لانڈرنگ کا"
            " الزام لگایا۔",
            "عمران خان",
            "نواز شریف",
            "منی لانڈرنگ",
        ),
        (
            "وزیر اطلاعات عطا تارڑ نے پی ٹی آئی کے بانی عمران خان کو ملک دشمن قرار دیا۔",
            "عطا تارڑ",
            "عمران خان",
            "ملک دشمن",
        ),
        (
            "پنجاب اسمبلی نے الطاف حسین کے بیان کی شدید مذمت کی۔",
            "پنجاب اسمبلی",
            "الطاف حسین",
            "بیان",
        ),
        (
            "اپوزیشن لیڈر نے وزیر داخلہ علی رضا کے خلاف کارروائی کا مطالبہ کیا۔",
            "اپوزیشن لیڈر",
            "علی رضا",
            "",
        ),
    ],
)
def test_urdu_forms(text, accuser, target, charge):
    assert pairs(text, "ur") == [(accuser, target, charge)]


@pytest.mark.parametrize(
    "text",
    [
        "ترجمان نے الزامات کو بے بنیاد قرار دے کر مسترد کر دیا۔",
        "علی رضا نے کہا کہ انہوں نے کبھی عمران خان پر الزام نہیں لگایا۔",
        "بیگم شمیم نے ٹی وی پر الزام لگایا کہ کاشتکاروں کو پانی نہیں ملا۔",
    ],
)
def test_urdu_denials_and_venues_are_not_accusations(text):
    assert pairs(text, "ur") == []


def test_names_resolve_across_spellings_scripts_and_surnames():
    entities = Entities.build(
        [
            ("Altaf Hussain", "الطاف حسین", "person", "MQM"),
            ("Altaf Hussain", "the MQM chief", "", ""),
        ],
        [("Sara Malik", None, None, None)],
    )
    text = "Malik accused the MQM chief of treason. Sara Malik also condemned Hussain."
    got = pairs(text, entities=entities)
    assert got == [("Sara Malik", "Altaf Hussain", "treason"), ("Sara Malik", "Altaf Hussain", "")]
    urdu = "سارہ ملک نے الطاف حسین پر غداری کا الزام لگایا۔"
    assert pairs(urdu, "ur", entities=entities)[0][1] == "Altaf Hussain"


def test_offsets_point_at_the_cue_the_target_and_the_charge():
    text = "Intro. Sara Malik accused Ali Raza of fraud."
    (a,) = accusations_in(Document("d", text, lang="en"))
    assert text[a.start : a.end] == "Sara Malik accused Ali Raza of fraud."
    assert text[a.cue_start : a.cue_end] == "accused"
    assert text[a.target_start : a.target_end] == "Ali Raza"
    assert text[a.accuser_start : a.accuser_end] == "Sara Malik"
    assert text[a.charge_start : a.charge_end] == "fraud"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sheikh Nadeem Akhtar and opposition MNA Rana Mubashir Iqbal Khan accused each "
            "other of corruption.",
            {
                ("Sheikh Nadeem Akhtar", "Rana Mubashir Iqbal Khan"),
                ("Rana Mubashir Iqbal Khan", "Sheikh Nadeem Akhtar"),
            },
        ),
        (
            "The Karachi police chief blamed the Sindh Students Federation (SSF) for the clash.",
            {("Karachi police chief", "Sindh Students Federation")},
        ),
        (
            "Allegations of horse-trading were levelled against the QIM by senator Mushtaq "
            "Ahmed Mangrio.",
            {("Mushtaq Ahmed Mangrio", "QIM")},
        ),
        (
            "KARACHI: The war of words between the Sindh Taraqqi Mahaz and the Awami Sadaqat "
            "League grew, with Nazia Parveen Abro accusing the ASL of patronising the mafia.",
            {("Nazia Parveen Abro", "Awami Sadaqat League")},
        ),
        (
            "Party chief Arif Nawaz Chandio and its leader in the Senate, Begum Sadia Rind, "
            "accused the NAB chairman of reopening old cases.",
            {("Arif Nawaz Chandio", "NAB chairman"), ("Sadia Rind", "NAB chairman")},
        ),
        (
            "Speaking at the Press Club, Rana Asif Gill, Mian Tariq Bhatti and Syed Kamal "
            "Naqvi alleged that the Ministry of Ports had sold the berths to a cartel.",
            {
                ("Rana Asif Gill", "Ministry of Ports"),
                ("Mian Tariq Bhatti", "Ministry of Ports"),
                ("Syed Kamal Naqvi", "Ministry of Ports"),
            },
        ),
        (
            "Speakers including Rana Asif Gill and Syed Kamal Naqvi demanded fresh polls, "
            "accusing the Election Board of rigging.",
            {("Rana Asif Gill", "Election Board"), ("Syed Kamal Naqvi", "Election Board")},
        ),
        (
            "The Federal Crimes Agency (FCA) has filed a case against former secretary Imtiaz "
            "Kalwar and a Multan-based trader, Sohail Dar, accusing them of forging permits.",
            {
                ("Federal Crimes Agency", "Imtiaz Kalwar"),
                ("Federal Crimes Agency", "Sohail Dar"),
            },
        ),
        (
            "Farooq Lashari hit out at the district government over the deaths in Kot Adu "
            "and Leiah, accusing it of hiding the figures.",
            {("Farooq Lashari", "district government")},
        ),
        (
            "The youth wing of the Awami Sadaqat League staged a protest against Minister "
            "Zahida Parveen Leghari, whom it accused of closing two hostels.",
            {("youth wing of the Awami Sadaqat League", "Zahida Parveen Leghari")},
        ),
        (
            "Minister for Mines Mir Ahsan Gichki, who was accused by the Labour Front of "
            "selling leases, has resigned.",
            {("Labour Front", "Mir Ahsan Gichki")},
        ),
        (
            "Ghafoor Anjum Rind spoke for an hour, listed his grievances and accused the "
            "district president, Rana Tanvir Sial, of selling tickets.",
            {("Ghafoor Anjum Rind", "Rana Tanvir Sial")},
        ),
        (
            "The Anti-Graft Cell arrested a patwari, Ghulam Sarwar Joya, and a clerk, Imdad "
            "Ali Panhwar, for allegedly selling state land.",
            {
                ("Anti-Graft Cell", "Ghulam Sarwar Joya"),
                ("Anti-Graft Cell", "Imdad Ali Panhwar"),
            },
        ),
        (
            "Kamran Ali Soomro charged the city government with hoarding wheat, and accused "
            "Food Minister Latif Baloch of shielding the mills.",
            {("Kamran Ali Soomro", "city government"), ("Kamran Ali Soomro", "Latif Baloch")},
        ),
        (
            "Works Minister Nadir Ali Jatoi denied the Labour Front's allegation that he had "
            "taken kickbacks from the contractor.",
            {("Labour Front", "Nadir Ali Jatoi")},
        ),
        (
            "Nadir Ali Jatoi rejected the allegations levelled against him by the Labour Front "
            "(LF) that he had sold the tender.",
            {("Labour Front", "Nadir Ali Jatoi")},
        ),
        (
            "Speaker Ghazala Mir strongly condemned Friday's blast at a market in Sibi.",
            set(),
        ),
        (
            "Two members of the Labour Front \u2014 Shazia Rind and Imran Hoti \u2014 on Monday "
            "filed a reference with the Speaker of the Provincial Assembly seeking the "
            "disqualification of Minister Arbab Gul Khan.",
            {("Shazia Rind", "Arbab Gul Khan"), ("Imran Hoti", "Arbab Gul Khan")},
        ),
        (
            "A lawyer, Nadia Khattak, has filed a petition in the Peshawar High Court "
            "seeking the disqualification of MNA Arbab Gul Khan.",
            {("Nadia Khattak", "Arbab Gul Khan")},
        ),
        (
            "Speaking in Mardan, Nadia Khattak said: \u201cThe establishment created this "
            "militia.\u201d",
            {("Nadia Khattak", "establishment")},
        ),
        (
            "The Federal Crimes Agency has booked Tariq Lodhi, a former director of the "
            "Sports Board, and two contractors for embezzling the stadium funds.",
            {("Federal Crimes Agency", "Tariq Lodhi")},
        ),
        (
            "The Young Lawyers Forum (YLF) Sindh held the registrar of the tribunal, Dr Anwar "
            "Qazi, responsible for the lost files.",
            {("Young Lawyers Forum Sindh", "Anwar Qazi")},
        ),
        (
            "Shamim Talpur alleged at a press conference on Friday that the local SHO, "
            "Inspector Nabi Leghari, was protecting the killers.",
            {("Shamim Talpur", "Nabi Leghari")},
        ),
        (
            "Praja Samithi MLAs G. Narsaiah Reddy and Mohd. Saleem Qureshi staged a walkout, "
            "accusing Minister T. Venkat Rao of inflating the estimates.",
            {("G. Narsaiah Reddy", "T. Venkat Rao"), ("Saleem Qureshi", "T. Venkat Rao")},
        ),
        (
            "\u201cThe interior ministry knew about the plot and did nothing,\u201d the "
            "victim's brother, Kamran Umrani, told reporters.",
            {("Kamran Umrani", "interior ministry")},
        ),
        (
            "\u201cWe have proof that the returning officer rigged the count,\u201d said "
            "Mubashir Khan.",
            {("Mubashir Khan", "returning officer")},
        ),
        ("\u201cThe ministry opened two schools,\u201d Kamran Umrani said.", set()),
        (
            "Human rights groups have blamed the security forces for the disappearances.",
            {("Human rights groups", "security forces")},
        ),
        (
            "The Election Board issued a notice to Nadia Khattak for violating the code.",
            {("Election Board", "Nadia Khattak")},
        ),
        (
            "The party's general secretary said the chief minister should resign.",
            {("party's general secretary", "chief minister")},
        ),
        ("Students protested on the campus on Monday.", set()),
        ("The minister said the government would not tolerate corruption.", set()),
        (
            "DAKAR - Senegal's new government has accused its predecessor of hiding the debt.",
            {("Senegal's new government", "its predecessor")},
        ),
        (
            "The home minister, Robert Fenw, has been criticised by a cross-party committee of "
            "MPs for misleading parliament.",
            {("a cross-party committee of MPs", "Robert Fenw")},
        ),
        (
            "An accountability court in Islamabad indicted former minister Agha Durr on "
            "charges of misusing his authority.",
            set(),
        ),
        (
            "The Front rejected the allegations made by the Kazhagam (DK) general secretary "
            "R. Elan Pandi that Mayor Ali Bhatt had taken kickbacks.",
            {("R. Elan Pandi", "Ali Bhatt")},
        ),
        (
            "Taking a dig at the Morcha government, TRM president Srinivas Goud said its "
            "guarantees had become jokes.",
            {("Srinivas Goud", "Morcha government")},
        ),
        (
            "The special public prosecutor, Nayan Desai, told the court that Rakesh Savani had "
            "pledged fake diamonds with three banks.",
            {("Nayan Desai", "Rakesh Savani")},
        ),
        (
            "Pawan Chaud said the Lok Party (LP)-led government had looted the common man.",
            {("Pawan Chaud", "Lok Party (LP)-led government")},
        ),
        (
            "Carol Bram lashed out at employers, accusing the haulage firm Northway Logistics "
            "of bullying drivers.",
            {("Carol Bram", "Northway Logistics")},
        ),
        (
            "Kamal Ruby strongly condemned the attack on a local journalist, Ankit Mish, by "
            "unidentified men.",
            set(),
        ),
        (
            "Conservative MP Sir Graham Ash has been branded a hypocrite by Civic party "
            "campaigners.",
            {("Civic party", "Sir Graham Ash")},
        ),
        (
            "\u201cThe interior ministry looted the relief fund. We have the papers,\u201d "
            "opposition leader Kamal Ruby said on Monday.",
            {("Kamal Ruby", "interior ministry")},
        ),
        (
            "\u201cThe ministry of railways has been sitting on our files,\u201d said Sattar "
            "Jatoi.",
            {("Sattar Jatoi", "ministry of railways")},
        ),
        (
            "Farooq Lashari accused the ministry of hiding the figures.",
            {("Farooq Lashari", "ministry")},
        ),
        (
            "Imran Lodhi said the previous government had left the economy in ruins.",
            {("Imran Lodhi", "previous government")},
        ),
        (
            "Former chief minister H.S. Gowda accused his successor and the Home Minister of "
            "vendetta politics.",
            {("H.S. Gowda", "his successor"), ("H.S. Gowda", "Home Minister")},
        ),
        (
            "Minister Faith Cheb dismissed claims by lecturers' union leader Peter Oti that "
            "she had drawn up a list.",
            {("Peter Oti", "Faith Cheb")},
        ),
        (
            "Kamal Ruby accused his old party of selling tickets.",
            set(),
        ),
        (
            "Hearing a petition by the Citizens' Water Forum, the court sought a reply. The "
            "forum had alleged that the Karachi Water Board was supplying illegal water.",
            {("Citizens' Water Forum", "Karachi Water Board")},
        ),
        (
            "Launching the campaign in Nagpur, party chief Harish Gaik said the ruling Lok "
            "Front had looted the farmers and that its minister, Suresh Pat, had taken "
            "money from a seed firm.",
            {("Harish Gaik", "Lok Front"), ("Harish Gaik", "Suresh Pat")},
        ),
        (
            "The shadow secretary, Yusuf Adey, said Ms Firth had lost control of the system.",
            {("Yusuf Adey", "Ms Firth")},
        ),
        (
            "Deputy mayor Aurelio Bat was accused by two former aides of ordering them to "
            "shred files.",
            {("two former aides", "Aurelio Bat")},
        ),
        (
            "Accusing the regional governor, Pyotr Ily, of ignoring the dumping, about 300 "
            "residents of Kolomna rallied on Saturday.",
            {("about 300 residents of Kolomna", "Pyotr Ily")},
        ),
        (
            "Three rights groups - Open Ledger, the Press Coalition and Watch Asia - accused "
            "the interior ministry on Thursday of using spyware.",
            {
                ("Open Ledger", "interior ministry"),
                ("Press Coalition", "interior ministry"),
                ("Watch Asia", "interior ministry"),
            },
        ),
        (
            "But the opposition's claim that the chief minister, Mir Jahan Rind, spent the "
            "grants deserves an answer.",
            {("opposition", "Mir Jahan Rind")},
        ),
        (
            "Minister Faith Chebet dismissed claims by union leader Peter Oti that she had "
            "drawn up a blacklist.",
            {("Peter Oti", "Faith Chebet")},
        ),
        (
            "The Prison Officers' Union said the governor of the jail, Neil Carv, had covered "
            "up assaults on staff.",
            {("Prison Officers' Union", "Neil Carv")},
        ),
        (
            "Rovers' owners, the Callo family, have been accused by the Supporters' Trust of "
            "stripping the club's assets.",
            {("Supporters' Trust", "Callo family")},
        ),
        (
            "The shadow home secretary, Yusuf Adey, said the minister had lost control and "
            "accused the Asylum Directorate of hiding costs.",
            {("Yusuf Adey", "minister"), ("Yusuf Adey", "Asylum Directorate")},
        ),
        (
            "The Borough Police have arrested Liam Brod, 32, on suspicion of arson.",
            {("Borough Police", "Liam Brod")},
        ),
        (
            "Activist Laleh Rind accused chancellor Dariush Mehr and security chief Reza "
            "Farhad of handing names to agents.",
            {("Laleh Rind", "Dariush Mehr"), ("Laleh Rind", "Reza Farhad")},
        ),
        (
            "The green group Verde Vivo charged that Senator Otavio Lemos had allowed "
            "loggers to clear the forest.",
            {("Verde Vivo", "Otavio Lemos")},
        ),
        (
            "Passing sentence, Judge Helen Tarrant said Martin Eagles had systematically "
            "cheated elderly investors.",
            set(),
        ),
        (
            "The leader of the Rail and Maritime Workers' Federation, Declan Furlong, has "
            "accused Crossway Rail of running unsafe trains.",
            {("Declan Furlong", "Crossway Rail")},
        ),
        (
            "Sen. Ramona Whit, who chairs the oversight panel, said in a statement that the "
            "Grain Board had misled farmers.",
            {("Ramona Whit", "Grain Board")},
        ),
        (
            "Opposition leader Rana Asif Gill said the interior minister was behind the "
            "attack on the rally.",
            {("Rana Asif Gill", "interior minister")},
        ),
        (
            "Minister Aslam Bugti was accused of corruption by the Labour Front.",
            {("Labour Front", "Aslam Bugti")},
        ),
        (
            "Nadia Khattak, the Front spokeswoman, said the Election Board was biased against "
            "her party.",
            {("Nadia Khattak", "Election Board")},
        ),
        (
            "\u201cThis government has looted the country,\u201d said Farooq Lashari, the "
            "Front leader.",
            {("Farooq Lashari", "government")},
        ),
        (
            "Rana Asif Gill told reporters the chief minister's brother had grabbed the land.",
            {("Rana Asif Gill", "chief minister's brother")},
        ),
        (
            "Kamal Ruby accused the Port Trust of hiding losses, and said the Centre was "
            "fleecing the exporters.",
            {("Kamal Ruby", "Port Trust"), ("Kamal Ruby", "Centre")},
        ),
        (
            "Leaders of the Labour Front, the Kisan Party and the Green League, at a "
            "conference in Multan, accused the government of rigging.",
            {
                ("Labour Front", "government"),
                ("Kisan Party", "government"),
                ("Green League", "government"),
            },
        ),
        (
            "The High Court observed that the city administration had shown criminal negligence.",
            set(),
        ),
    ],
)
def test_lists_descriptions_passives_and_acronyms(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


def test_a_speakers_own_claim_is_theirs_but_a_news_reports_is_no_ones():
    text = "The Water Minister misled this House about the embankment, and she should resign."
    entities = Entities.build([("Ruqaiya Fenwick", "the Water Minister", "person", "")])
    speech = Document("s", text, lang="en", speaker="Tomas Halloran")
    assert [(a.accuser, a.target) for a in accusations_in(speech, entities)] == [
        ("Tomas Halloran", "Ruqaiya Fenwick")
    ]
    news = Document("n", text, lang="en", speaker="Staff reporter", outlet="Gazette")
    assert accusations_in(news, entities) == []
    statement = Document(
        "p",
        "The Party condemns the DRF chief for his lies.",
        lang="en",
        speaker="Mehrunissa Palander",
        series="National Concord Party",
    )
    entities.add("Rustam Keshvani", "the DRF chief")
    assert [(a.accuser, a.target) for a in accusations_in(statement, entities)] == [
        ("National Concord Party", "Rustam Keshvani")
    ]


def test_urdu_letter_forms_and_two_word_denials():
    # Arabic yeh and kaf, as some papers type them: the cue is still found
    arabic_forms = "حكومت نے سیلاب فنڈ میں کرپشن كی، علی رضا نے کہا۔"
    assert pairs("علی رضا نے سارہ ملک پر کرپشن كا الزام لگایا۔", "ur") == [
        ("علی رضا", "سارہ ملک", "کرپشن")
    ]
    assert pairs(arabic_forms, "ur", speaker="x") is not None
    assert pairs("علی رضا نے سارہ ملک کے الزامات کو من گھڑت قرار دیا۔", "ur") == []
    # "من پسند" (favoured) is no denial
    got = pairs(
        "صوبائی حکومت نے جیٹی کا پیسہ اپنے من پسند ٹھیکیداروں میں بانٹ دیا۔",
        "ur",
        speaker="Naveed Kohsar",
    )
    assert got == [("Naveed Kohsar", "صوبائی حکومت", got[0][2])]


def test_a_pronoun_accuser_is_the_name_an_apposition_gave_the_sentence_before():
    text = (
        "Winding up the debate, the shadow transport secretary, Owen Pritt, said the Roads "
        "Directorate had wasted millions. He accused the minister of state, Lucy Arm, of "
        "withholding the safety review."
    )
    assert {(a, t) for a, t, _ in pairs(text)} == {
        ("Owen Pritt", "Roads Directorate"),
        ("Owen Pritt", "Lucy Arm"),
    }


def test_a_surname_resolves_past_its_own_repetition_to_the_full_name():
    text = (
        "Front leader Sheikh Tariq Qure and Movement leader Hanif Raza Dham traded barbs. "
        "Mr Qure accused Mr Dham of selling the quota, while Mr Dham said Mr Qure had "
        "occupied a railway plot."
    )
    assert {(a, t) for a, t, _ in pairs(text)} == {
        ("Sheikh Tariq Qure", "Hanif Raza Dham"),
        ("Hanif Raza Dham", "Sheikh Tariq Qure"),
    }


def test_an_indefinite_accuser_is_the_name_the_paragraph_gives_it_later():
    text = (
        "MANILA (GPA) \u2014 A senator on Tuesday accused the police chief, General Rodolfo "
        "Cruz, of ordering the killings. Senator Liza Ocampo told a hearing she had sworn "
        "statements."
    )
    assert {(a, t) for a, t, _ in pairs(text)} == {("Liza Ocampo", "Rodolfo Cruz")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the object unnamed in its sentence, named as "the suspect" in a later one
            "QUETTA: A case has been registered against a madrassa teacher in Pishin for "
            "allegedly beating a pupil, police said. The suspect, identified as Mulla Gul "
            "Bazai, fled, police said.",
            {("police", "Mulla Gul Bazai")},
        ),
        (
            "RAWALPINDI: The Saddar police on Monday arrested a 29-year-old cashier for "
            "allegedly embezzling Rs5 million. The accused, Faisal Tariq Awan, was sent to jail.",
            {("Saddar police", "Faisal Tariq Awan")},
        ),
        (
            "The Bani Gala police have registered a case against a property dealer, Saeed "
            "Iqbal alias Shanu, for allegedly forging transfer deeds.",
            {("Bani Gala police", "Saeed Iqbal")},
        ),
        (
            # no name anywhere: the description as the text gives it
            "Police in North Mersey have arrested a 52-year-old woman on suspicion of fraud.",
            {("Police in North Mersey", "a 52-year-old woman")},
        ),
        (
            "A former director of a rowing club has been charged with fraud, prosecutors said. "
            "Keith Dunmore, 61, of Ashford, is due in court next week.",
            {("prosecutors", "Keith Dunmore")},
        ),
    ],
)
def test_an_unnamed_object_takes_the_name_the_paragraph_gives_it(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


def test_police_custody_before_an_attribution_makes_no_prosecutor_of_the_speaker():
    text = (
        "The accused, Nilesh Dattu Pawar, was produced before a court, which remanded him in "
        "police custody till Monday, officials said."
    )
    assert pairs(text) == []


def test_a_police_chief_is_a_description_not_the_police():
    text = "The Quetta police chief blamed the Students Alliance for the clash at the campus."
    assert {(a, t) for a, t, _ in pairs(text)} == {("Quetta police chief", "Students Alliance")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a scare quote marks a reported claim as the speaker's charge
            "Opposition leader Kamran Tahir Gill said the provincial ombudsman Rafiq Soomro "
            "had become “a rubber stamp for the chief minister” and demanded action.",
            {("Kamran Tahir Gill", "Rafiq Soomro")},
        ),
        (
            # the quote goes on in a sentence of its own: the same speaker's
            "“We warned them in June,” said Naila Bukhari of the Citizens Forum. “The "
            "Municipal Board looted the drainage fund while the city drowned.”",
            {("Naila Bukhari", "Municipal Board")},
        ),
        (
            "The interior ministry banned the Jamiat Ahl-e-Saf (JAS), accusing the group of "
            "funding attacks on polling stations.",
            {("interior ministry", "Jamiat Ahl-e-Saf")},
        ),
        (
            "Prosecutors on Friday indicted the head of the port authority, Ilan Varga, on "
            "charges of bribery.",
            {("Prosecutors", "Ilan Varga")},
        ),
    ],
)
def test_forms_of_news_reports(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


def test_a_quote_of_its_own_without_a_wrong_accuses_no_one():
    text = (
        "“We will win this seat,” said Naila Bukhari of the Citizens Forum. “The Municipal "
        "Board has approved our rally for Sunday.”"
    )
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        (
            "منگل کو وزیر داخلہ ملک ارشد حسین نے فرمایا کہ سردار نعیم خان نے قومی خزانہ لوٹ لیا۔",
            "ملک ارشد حسین",
            "سردار نعیم خان",
        ),
        (
            "سردار نعیم خان نے جواب دیا کہ ملک ارشد حسین نے انتخابات میں دھاندلی کی۔",
            "سردار نعیم خان",
            "ملک ارشد حسین",
        ),
    ],
)
def test_urdu_verbs_of_saying_in_columns_and_replies(text, accuser, target):
    assert (accuser, target) in {(a, t) for a, t, _ in pairs(text, lang="ur")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Anti-Corruption Bureau has filed a chargesheet against former mayor Tariq "
            "Saleem Butt for allegedly embezzling the sanitation fund.",
            {("Anti-Corruption Bureau", "Tariq Saleem Butt")},
        ),
        (
            "The Anti-Graft Commission filed a case against former minister Nadeem Akhtar "
            "Sial and his wife, accusing them of laundering money.",
            {
                ("Anti-Graft Commission", "Nadeem Akhtar Sial"),
                ("Anti-Graft Commission", "his wife"),
            },
        ),
        (
            "Senator Rubina Qaim Khani called Governor Imdad Ali Pitafi “the patron of land "
            "grabbers” at a rally in Hala.",
            {("Rubina Qaim Khani", "Imdad Ali Pitafi")},
        ),
        (
            "Former MPA Begum Shahnaz Jatoi levelled allegations against her former party, the "
            "Sindh Awami Front, saying it had sold assembly tickets.",
            {("Shahnaz Jatoi", "Sindh Awami Front")},
        ),
        (
            "Former minister Malik Arif Gondal quit the Awami Haqooq League last month. The "
            "former minister accused his old party of selling tickets.",
            {("Malik Arif Gondal", "Awami Haqooq League")},
        ),
    ],
)
def test_more_targets_of_news_reports(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


def test_his_party_with_no_party_named_is_no_target():
    text = "The former minister accused his old party of selling tickets."
    assert pairs(text) == []


def test_a_quoted_description_of_allegations_is_no_epithet():
    text = "Nadeem Sial rejected the allegations, calling them “a pack of lies”."
    assert pairs(text) == []


@pytest.mark.parametrize(
    ("text", "accuser", "target"),
    [
        (
            # "declared Y the den of corruption", "declared Y incompetent"
            "سندھ عوامی اتحاد کے رہنما سید نواز علی شاہ نے حیدرآباد ڈویلپمنٹ اتھارٹی کو کرپشن کا "
            "گڑھ قرار دیتے ہوئے کہا کہ فنڈز افسران کی جیبوں میں گئے۔",
            "سید نواز علی شاہ",
            "حیدرآباد ڈویلپمنٹ اتھارٹی",
        ),
        (
            # a reference whose charge runs long before its noun
            "صوبائی محکمہ احتساب نے سابق وزیر سردار اکبر علی کے خلاف نہروں کی صفائی کے ٹھیکوں میں "
            "ایک ارب بیس کروڑ روپے کی مبینہ خورد برد کا ریفرنس احتساب عدالت میں دائر کر دیا ہے۔",
            "محکمہ احتساب",
            "سردار اکبر علی",
        ),
        (
            # "deliberately", as a reported claim's wrong
            "بیگم نسرین اختر نے کہا کہ ڈی ایس پی ملک ارشد جوئیہ نے تفتیش میں جان بوجھ کر تاخیر کی۔",
            "بیگم نسرین اختر",
            "ڈی ایس پی ملک ارشد جوئیہ",
        ),
    ],
)
def test_urdu_forms_of_this_round(text, accuser, target):
    assert (accuser, target) in {(a, t) for a, t, _ in pairs(text, lang="ur")}


def test_a_pronoun_speaker_is_the_person_after_a_party_and_its_acronym():
    text = (
        "HYDERABAD: Praja Seva Morcha (PSM) working president K. Rama Rao on Monday alleged "
        "that the State government had diverted the welfare fund. Addressing reporters, he "
        "said the Chief Minister had misled farmers with false promises."
    )
    accusers = {a for a, _, _ in pairs(text)}
    assert accusers == {"K. Rama Rao"}


def test_a_place_after_at_is_no_subject_of_the_cue():
    text = (
        "PESHAWAR: Awami Jamhoori Party (AJP) provincial chief Haji Sher Zaman while talking to "
        "reporters at the Peshawar Press Club on Friday hit out at the provincial government "
        "over the appointments."
    )
    assert {(a, t) for a, t, _ in pairs(text)} == {("Sher Zaman", "provincial government")}


def test_an_urdu_quote_of_its_own_is_the_speaker_of_the_quote_before():
    text = (
        "”یہ بجٹ عوام کے خلاف سازش ہے،“ عوامی لیگ کی رہنما ڈاکٹر نسرین میر نے اسمبلی میں کہا۔ "
        "”وزیر خزانہ نے آئی ایم ایف کی شرائط چھپا کر ایوان کو اندھیرے میں رکھا۔“"
    )
    assert ("نسرین میر", "وزیر خزانہ") in {(a, t) for a, t, _ in pairs(text, lang="ur")}


def test_an_urdu_quote_without_a_wrong_accuses_no_one():
    text = (
        "”ہم یہ نشست جیتیں گے،“ عوامی لیگ کی رہنما ڈاکٹر نسرین میر نے کہا۔ "
        "”وزیر خزانہ نے کل اسمبلی میں بجٹ پیش کیا۔“"
    )
    assert pairs(text, lang="ur") == []


def test_a_speaker_set_in_commas_inside_the_claim_and_a_joined_description():
    text = (
        "Awami Front chairman Mir Sadiq Lashari addressed a rally on Sunday. He said the "
        "federal and provincial governments had failed the city. The Shehri League, he "
        "alleged, had sold the mandate of Karachi for two ministries."
    )
    found = {(a, t): c for a, t, c in pairs(text)}
    assert set(found) == {
        ("Mir Sadiq Lashari", "federal and provincial governments"),
        ("Mir Sadiq Lashari", "Shehri League"),
    }
    assert found["Mir Sadiq Lashari", "Shehri League"].startswith("sold the mandate")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Election Oversight Board has fined the Civic Renewal party £12,000 for "
            "failing to declare donations.",
            {("Election Oversight Board", "Civic Renewal party")},
        ),
        (
            # "has fined" is no passive: the board is no target
            "The Election Oversight Board has fined the party.",
            set(),
        ),
        (
            "AMMAN (CNS) - A Jordanian rights group accused the prisons department of denying "
            "inmates water. The group, the Amman Centre for Prisoners' Rights, said it had "
            "counted 40 cases.",
            {("Amman Centre for Prisoners' Rights", "prisons department")},
        ),
    ],
)
def test_fines_and_a_group_named_later(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


def test_a_judges_quoted_words_are_a_ruling_not_an_accusation():
    text = (
        "Dismissing the case, Justice Farah Qureshi said the anti-graft bureau had “acted in "
        "bad faith” and demanded action."
    )
    assert pairs(text) == []


def test_an_apposition_names_a_description_that_holds_a_name_after_of():
    text = (
        "Fire investigators said the owner of the Ridgeway depot, Colin Marsh, had disabled "
        "the alarms to save money."
    )
    assert {(a, t) for a, t, _ in pairs(text)} == {("Fire investigators", "Colin Marsh")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # after an accusation, the same speaker's further claim of what someone did
            "Opposition leader Nadia Qureshi accused the mayor, Tariq Lodhi, of protecting "
            "encroachers. Ms Qureshi said the town committee had approved 40 shops on the "
            "green belt.",
            {("Nadia Qureshi", "Tariq Lodhi"), ("Nadia Qureshi", "town committee")},
        ),
        (
            # "He said": the accuser goes on speaking
            "Senator Imran Baloch lashed out at the port authority over the delays. He said "
            "the chairman, Rafiq Jatoi, had leased the berths to his brother's firm.",
            {("Imran Baloch", "port authority"), ("Imran Baloch", "Rafiq Jatoi")},
        ),
        (
            # another speaker's claim goes on with no one's accusation
            "Senator Imran Baloch lashed out at the port authority over the delays. An "
            "authority spokesman said the dredgers had arrived late.",
            {("Imran Baloch", "port authority")},
        ),
        (
            # what will be is no claim of something done
            "Senator Imran Baloch lashed out at the port authority over the delays. He said "
            "the committee would summon its chairman.",
            {("Imran Baloch", "port authority")},
        ),
        (
            # nor is a first claim with no wrong in it: no accusation went before
            "Senator Imran Baloch said the port authority had leased the berths to a firm.",
            set(),
        ),
    ],
)
def test_a_speakers_further_claims_after_an_accusation(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Councillor Amna Rafiq said the works department had reopened the bridge without "
            "a fitness certificate.",
            {("Amna Rafiq", "works department")},
        ),
        (
            "The union alleged that the board had appointed 40 teachers despite their failing "
            "the test.",
            {("union", "board")},
        ),
        (
            "Rights activist Saima Noor said security agents had beaten the protesters.",
            {("Saima Noor", "security agents")},
        ),
    ],
)
def test_what_marks_a_claimed_act_as_improper(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


def test_a_countrys_president_named_in_the_next_sentence():
    text = (
        "Mexico's president on Thursday said the electoral authority had squandered millions. "
        "President Andres Villarreal made the comments at his daily news conference."
    )
    assert {(a, t) for a, t, _ in pairs(text)} == {("Andres Villarreal", "electoral authority")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # after an accusation, the speaker goes on: "انہوں نے کہا کہ Y نے ..."
            "رکن اسمبلی شازیہ منظور نے وزیر خزانہ عبدالحمید قریشی پر کرپشن کا الزام لگایا۔ "
            "انہوں نے کہا کہ محکمہ خزانہ نے ایوان کے سامنے غلط اعداد و شمار پیش کیے۔",
            {("شازیہ منظور", "عبدالحمید قریشی"), ("شازیہ منظور", "محکمہ خزانہ")},
        ),
        (
            # with no accusation before it, a claim of what was done accuses no one
            "رکن اسمبلی شازیہ منظور نے کہا کہ محکمہ خزانہ نے ایوان کے سامنے اعداد و شمار پیش کیے۔",
            set(),
        ),
        (
            # nor does what someone should do
            "رکن اسمبلی شازیہ منظور نے وزیر خزانہ عبدالحمید قریشی پر کرپشن کا الزام لگایا۔ "
            "انہوں نے کہا کہ محکمہ خزانہ کو ایوان کے سامنے اعداد و شمار پیش کرنے چاہئیں۔",
            {("شازیہ منظور", "عبدالحمید قریشی")},
        ),
    ],
)
def test_an_urdu_speakers_further_claims_after_an_accusation(text, expected):
    assert {(a, t) for a, t, _ in pairs(text, lang="ur")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the one an act was done for is accused too
            "Party president Dulal Bora alleged that the state police had arrested three "
            "student leaders at the behest of Education Minister Pranjal Hazarika.",
            {("Dulal Bora", "state police"), ("Dulal Bora", "Pranjal Hazarika")},
        ),
        (
            # alone, when the clause's subject was wronged
            "According to Nargis Bukhari, Agha Durrani was being kept in a death cell on the "
            "orders of the prime minister.",
            {("Nargis Bukhari", "prime minister")},
        ),
        (
            # a second claim after an accusation, whatever its verb
            "Trust chair Denise Holt said the Calloway family had borrowed against the ground "
            "without telling the board, and that the chief executive had known about it.",
            {("Denise Holt", "Calloway family"), ("Denise Holt", "chief executive")},
        ),
        (
            # "said on Sunday soldiers had beaten": the claim's subject, not the accuser
            "Opposition candidate Moses Ssentongo said on Sunday soldiers had beaten his "
            "supporters, "
            "accusing the military of acting for the ruling party.",
            {("Moses Ssentongo", "soldiers"), ("Moses Ssentongo", "military")},
        ),
        (
            # "had been transferred" was done to its subject; "had intelligence" is no act
            "Senator Imran Baloch lashed out at the port authority over the delays. He said "
            "the harbour master had been transferred and the ministry had intelligence reports.",
            {("Imran Baloch", "port authority")},
        ),
        (
            # "the minister said": the accuser, named by title, goes on
            "Information Minister Bilal Khokhar lashed out at Umar Jadoon over the IMF deal. "
            "In a statement, the minister said Mr Jadoon had written to the lenders.",
            {("Bilal Khokhar", "Umar Jadoon")},
        ),
    ],
)
def test_claims_an_accusation_carries_on_with(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a relative clause's pronoun speaks for the sentence's subject
            "The Welsh Progressive leader, Gwen Llewellyn, has asked the presiding officer to "
            "investigate the first minister, Rhodri Parry, who she said had misled members.",
            {("Gwen Llewellyn", "Rhodri Parry")},
        ),
        (
            "MIRPURKHAS: Relatives of a domestic worker who died at a landlord's house staged a "
            "protest, demanding the arrest of the landlord, Qurban Shoro, whom they accused of "
            "torturing the girl.",
            {("Relatives of a domestic worker", "Qurban Shoro")},
        ),
        (
            # a passive past an aside, its agent named in apposition
            "Mr Penrose, meanwhile, has been accused by the opposition leader, Kate Ellery, of "
            '"hiding in Downing Street".',
            {("Kate Ellery", "Mr Penrose")},
        ),
        (
            # a wire's name in brackets is no subject
            "TUNIS (CNS) - Tunisian authorities have arrested an opposition figure, Hatem "
            'Ferjani, and accused him of "conspiring against state security".',
            {("Tunisian authorities", "Hatem Ferjani")},
        ),
        (
            # a claim whose words are quoted, in a sentence with no cue word
            "Opposition leader R. Siva Kumaran said Lieutenant-Governor T. Sundaravalli Pillai "
            "was “running a parallel government”.",
            {("R. Siva Kumaran", "Lieutenant-Governor T. Sundaravalli Pillai")},
        ),
        (
            # but what is quoted of a thing someone owns is said of the thing
            'Pollster Harriet Bellamy said the party\'s vote had "collapsed" among the young.',
            set(),
        ),
    ],
)
def test_relative_clauses_asides_and_quoted_claims(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the word before a genitive owns the object: the name ends at the body before it
        (
            "وزیر اطلاعات طاہرہ درانی نے جمہوری وحدت پارٹی کے اس الزام کو مسترد کر دیا کہ "
            "حکومت میڈیا کا گلا گھونٹ رہی ہے۔",
            "حکومت",
        ),
        # "Y کے اشارے پر": Y is whose behest it was, not part of the name before it
        (
            "جمہوری وحدت پارٹی کے سربراہ گل محمد نیازی کا کہنا تھا کہ نیب چیئرمین حکومت کے "
            "اشارے پر اپوزیشن رہنماؤں کے خلاف جھوٹے مقدمات بنا رہے ہیں۔",
            "نیب چیئرمین",
        ),
    ],
)
def test_urdu_names_end_before_the_objects_owner(text, target):
    assert target in {t for _, t, _ in pairs(text, "ur")}


def test_a_one_word_scare_quote_alone_does_not_make_a_sentence_an_accusation():
    # a jibe in answer ("was “desperate”") is no charge; a quoted phrase of conduct is
    assert pairs("The minister said the AIP was “desperate”.") == []
    text = "The minister said the AIP was “running a parallel government”."
    assert {(a, t) for a, t, _ in pairs(text)} == {("minister", "AIP")}


def test_a_sentence_opening_with_a_title_goes_on_about_the_last_subject():
    text = (
        "Rana Tariq Mehmood blasted the Election Commission of Pakistan on Saturday. The AIP "
        "chairman said the commission had become “a wing of the ruling party” and demanded "
        "the resignation of its members."
    )
    found = pairs(text)
    assert len(found) == 2
    assert {a for a, _, _ in found} == {"Rana Tariq Mehmood"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a title word inside a body's name is the name's
            "Opposition leader Haroon Qazi accused the ruling Awami Justice Front of rigging "
            "the by-elections.",
            {("Haroon Qazi", "Awami Justice Front")},
        ),
        (
            "Jonathan Reeves lashed out at the Home Office over the inquiry.",
            {("Jonathan Reeves", "Home Office")},
        ),
        (
            # the agent of a passive may be a plain group, and the one accused named later
            "BEIRUT (Levant Wire) - A Lebanese contractor was accused by state auditors on "
            "Tuesday of billing the health ministry for beds never delivered. The contractor, "
            "Fadi Nassar, could not be reached.",
            {("state auditors", "Fadi Nassar")},
        ),
        (
            # a group by its place
            "Opposition councillors in Stockport have accused the council leader, Gavin "
            'Prothero, of "cooking the books".',
            {("Opposition councillors in Stockport", "Gavin Prothero")},
        ),
        (
            # past where the accused is from; a unit of a body is the subject, not the body
            "PATNA: The Economic Offences Unit (EOU) of Bihar Police has arrested a 34-year-old "
            "man from Gaya for allegedly running a racket.",
            {("Economic Offences Unit", "a 34-year-old man")},
        ),
        (
            # a claim opening with a bare plural after "said"
            'Shadow health secretary Priya Ramakrishnan said ministers had "quietly abandoned" '
            "their promise to recruit GPs.",
            {("Priya Ramakrishnan", "ministers")},
        ),
    ],
)
def test_bodies_groups_and_passives_named_as_written(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # an alias goes with the name it follows, and the list with it; letters after a
            # name are no part of it
            "Special prosecutor Ali Hingoro said the convicts, Imran alias Mithu and Sajid "
            "Baloch, had demanded a ransom.",
            {("Ali Hingoro", "Imran"), ("Ali Hingoro", "Sajid Baloch")},
        ),
        (
            "Prosecutor Helen Marsh KC told the court that Kieran Doyle had stabbed his neighbour.",
            {("Helen Marsh", "Kieran Doyle")},
        ),
        (
            # a title whose holder a later sentence names with it
            "The Leader of the Opposition, Duncan Ferrier, accused the Prime Minister of "
            '"hiding behind a review". The Prime Minister, Helen Okafor-Strand, shot back.',
            {("Duncan Ferrier", "Helen Okafor-Strand")},
        ),
        (
            # a description's two names in apposition are the two accusers
            "Two members of the school board, Gary Lindqvist and Sharon Oyelaran, accused "
            "Superintendent Paul Redding of hiring a firm run by his roommate.",
            {("Gary Lindqvist", "Paul Redding"), ("Sharon Oyelaran", "Paul Redding")},
        ),
    ],
)
def test_aliases_postnominals_titles_named_later_and_named_pairs(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the one the application went to is not the one it accuses; "سسرال والوں" is
            # a name, and kin and callings are titles
            "پسرور کی رہائشی ثمینہ کوثر نے پولیس کو دی گئی درخواست میں الزام لگایا ہے کہ اس "
            "کے شوہر شاہد محمود اور سسرال والوں نے اسے مار پیٹ کر گھر سے نکال دیا۔",
            {("ثمینہ کوثر", "شاہد محمود"), ("ثمینہ کوثر", "سسرال والوں")},
        ),
        (
            # the first object after the subject is the one arrested
            "تھانہ سمن آباد پولیس نے ایک نجی اسکول کے پرنسپل کو طالبات کو ہراساں کرنے کے "
            "الزام میں گرفتار کر لیا ہے۔",
            {("تھانہ سمن آباد پولیس", "نجی اسکول کے پرنسپل")},
        ),
        (
            # who is involved stands before "ملوث"
            "کسان اتحاد کے چیئرمین رانا محمد اشفاق نے الزام لگایا کہ کھاد کی بلیک مارکیٹنگ میں "
            "حکومتی ارکانِ اسمبلی خود ملوث ہیں۔",
            {("رانا محمد اشفاق", "حکومتی ارکانِ اسمبلی")},
        ),
        (
            # a claim about what is in a report names no one
            "انسپکٹر طارق محمود نے الزامات کی تردید کی۔ ان کا کہنا تھا کہ میڈیکل رپورٹ میں "
            "تشدد کا کوئی نشان نہیں ملا۔",
            set(),
        ),
    ],
)
def test_urdu_objects_kin_and_the_involved(text, expected):
    assert {(a, t) for a, t, _ in pairs(text, "ur")} == expected


_LETTER = (
    "Sir,\nCouncillor Brian Hext misled residents about the library.\nMargaret Lyle, Islington"
)


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        (
            _LETTER,
            "Margaret Lyle",
        ),
        (
            "Apropos of your report, the corporation wasted the money. - R. Venkatesh, Pune",
            "R. Venkatesh",
        ),
        (
            "The ministry approved the deal at twice the price. (The writer, Ayesha Noorani, is a "
            "former federal secretary.)",
            "Ayesha Noorani",
        ),
        ("KARACHI: The minister said the plan, the third, was ready.", ""),
    ],
)
def test_the_writer_who_signs_a_letter_or_a_column(text, writer):
    from echoscope.targets.extract import signed_by

    assert signed_by(text) == writer


def test_a_signed_letter_accuses_in_its_writers_voice():
    text = _LETTER
    assert {(a, t) for a, t, _ in pairs(text)} == {("Margaret Lyle", "Brian Hext")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a plural with no article after a cue, with its place
            "MULTAN: The Kisan Welfare Council on Wednesday blamed sugar mill owners in the "
            "Multan division for holding back Rs14 billion in cane payments.",
            {("Kisan Welfare Council", "sugar mill owners in the Multan division")},
        ),
        (
            # a quote after "had been"
            "Council president Malik Fareed lashed out at the cane department. He said the "
            'cane commissioner had been "sleeping on the files" since December.',
            {("Malik Fareed", "cane department"), ("Malik Fareed", "cane commissioner")},
        ),
        (
            # where someone was held is not part of who they are
            "Kenyan police said they had arrested a 41-year-old customs clerk at Mombasa port "
            "on suspicion of taking bribes.",
            {("Kenyan police", "a 41-year-old customs clerk")},
        ),
    ],
)
def test_bare_plural_objects_and_quotes_after_had_been(text, expected):
    assert {(a, t) for a, t, _ in pairs(text)} == expected
