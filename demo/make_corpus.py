#!/usr/bin/env python3
"""Write the echoscope demo corpus: invented politics in the invented Republic of Dalmora.

Everything here is our own fiction (country, parties, people, outlets, assemblies and every
sentence). The script writes, into ``--out`` (default: this folder):

* ``corpus.jsonl``       one document per line (speeches, press conferences, statements,
                         resolutions, open letters, news; English and Urdu);
* ``gold.jsonl``         one line per true reuse pair between two copies of a planted passage;
* ``stock_phrases.txt``  the formulas that recur everywhere but are not reuse;
* ``README.md``          the story and the planted cases, for a journalist trying the tool.

Background prose is assembled from sentence templates. A template filler can easily repeat a
long run of words in two documents by chance, which would be false "reuse", so every generated
sentence is checked against an index of all 7-word windows already placed and redrawn when it
would share one with another series. At the end an independent self-check re-reads the written
text and fails loudly if any two documents of different series share 7 consecutive words
outside the gold spans or stock phrases. Standard library only; fixed seed, so the output is
identical on every run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import combinations
from pathlib import Path

SEED = 20260210
WINDOW = 7  # the self-check forbids shared runs of this many words outside gold/stock
MAX_TRIES = 600  # redraws of one generated sentence before giving up
START = datetime(2026, 2, 2, 8, 0)
END = datetime(2026, 3, 15, 20, 0)
LAUNCH = datetime(2026, 2, 10, 11, 0)  # Rustam Keshvani's founding press conference

# =============================================================================================
# The fiction: places, people, outlets, assemblies
# =============================================================================================

CAPITAL = "Marwen"
PROVINCES = ["Northern Reach", "Kesar Valley", "Tarnak", "Sahil", "the Capital Territory"]
PLACES = [
    "Veshtar", "Noorganj", "Qalandra", "Port Aldan", "Sarvi", "Bhelgarh", "Kotmira",
    "Zarifabad", "Amberlea", "Lornhill", "Dhanvel", "Ravelstone", "Kesarpur", "Hollin Bay",
    "Mirwal", "Saltmire", "Darvesh Kot", "Pinecross", "Sangrah", "Ulvar", "Kharsana",
    "Bellmoor", "Ostgate", "Nilapur", "Tamsar", "Gulzarpur", "Khanwal", "Tolvar",
    "Elmsworth", "Chandni Kot", "Retnagar", "Haverford Cross",
]  # fmt: skip
UR_PLACES = [
    "نورگنج", "قلندرہ", "زریف آباد", "گلزار پور", "درویش کوٹ", "کوٹ میرا", "نیلا پور",
    "تمسر", "خانوال", "سنگراہ", "بندر آلدان", "کیسر پور", "میر وال", "ریت نگر",
    "چاندنی کوٹ", "کھارا گوٹھ", "سبز پیر", "ساحل آباد",
]  # fmt: skip

NCP = "National Concord Party"  # governing party
PUL = "People's Unity League"  # old opposition
DRF = "Dalmora Renewal Front"  # Rustam Keshvani's new party
LEADER = "Rustam Keshvani"

FIRST_NAMES = [
    "Arman", "Bettina", "Cyrus", "Dilnaz", "Emrik", "Farhan", "Greta", "Hamid", "Ilse",
    "Javed", "Katya", "Laleh", "Mateo", "Nasreen", "Osman", "Petra", "Qasim", "Rhea",
    "Soren", "Tahira", "Umar", "Vesna", "Wasim", "Yara", "Zubin", "Anwar", "Bilqis",
    "Dario", "Esme", "Faisal", "Hana", "Idris", "Jamila", "Kamran", "Leona", "Murad",
]  # fmt: skip
LAST_NAMES = [
    "Varro", "Kestel", "Moradi", "Halvorsen", "Qadir", "Sabharwal", "Brenner", "Tiwana",
    "Castell", "Rahimi", "Delmont", "Farooqi", "Engstrom", "Pereira", "Rostami", "Wakefield",
    "Haddon", "Ismaili", "Orlov", "Bashir", "Fenner", "Galvez", "Hosseini", "Lindahl",
    "Mirza", "Nordqvist", "Ozturan", "Petrakis", "Quayle", "Rasheed", "Sutari", "Tremaine",
]  # fmt: skip
UR_FIRST = [
    "اسلم", "نسرین", "جاوید", "ثمینہ", "فرحان", "رضیہ", "کامران", "شبنم", "طارق", "نرگس",
    "ظفر", "صائمہ", "بشیر", "فوزیہ", "امجد", "کلثوم", "راشد", "عذرا",
]  # fmt: skip
UR_LAST = ["ساحلی", "مہتاب", "گلزار", "کنول", "سرمد", "ارمان", "شاہین", "انصاری", "مرزا"]

# News outlets (each its own series). Name, kind, language.
OUTLETS_EN = {
    "The Dalmora Herald": ("newspaper", 12),
    "The Morning Ledger": ("newspaper", 10),
    "Marwen Gazette": ("newspaper", 9),
    "The Northern Courier": ("newspaper", 8),
    "Valley Times": ("newspaper", 8),
    "Channel Meridian": ("television", 7),
    "DNN 24": ("television", 7),
}
OUTLETS_UR = {
    "Roznama Roshni": ("newspaper", 8, "روزنامہ روشنی"),
    "Sada-e-Sahil": ("newspaper", 7, "صدائے ساحل"),
    "Awaz TV": ("television", 5, "آواز ٹی وی"),
}

# =============================================================================================
# The planted passages (our own text). Variants are written out so edits are easy to read.
# =============================================================================================

LABEL_ALLEGATION = "defector-allegation"

# Point 1: the main allegation (simile: the gambler). Straight quotes, spaced hyphen as dash.
A1 = (
    "This government treats the national treasury the way a gambler treats his last night at "
    "the card table - borrowing from every friend, swearing it will all come back by morning, "
    "and leaving the children to count the debts. They call it \"a bold plan for growth\"; "
    "I call it a bet placed with the nation's pensions."
)
A1_VARIANTS = {
    "verbatim": A1,
    # two words substituted
    "substituted": A1.replace("the national treasury", "the public purse").replace(
        "every friend", "every neighbour"
    ),
    # typographic only: curly quotes, curly apostrophe, em dash for the hyphen
    "typographic": A1.replace(" - ", " \u2014 ")
    .replace('"a bold', "\u201ca bold")
    .replace('growth"', "growth\u201d")
    .replace("nation's", "nation\u2019s"),
    # two adjacent clauses swapped
    "swapped": A1.replace(
        "borrowing from every friend, swearing it will all come back by morning,",
        "swearing it will all come back by morning, borrowing from every friend,",
    ),
    # capitalisation only
    "capitalised": A1.replace("This government", "This Government")
    .replace("national treasury", "National Treasury")
    .replace("a bold plan for growth", "A Bold Plan for Growth")
    .replace("the nation's", "the Nation's"),
    # words inserted
    "inserted": A1.replace("leaving the children", "leaving our children and grandchildren"),
    # punctuation only
    "repunctuated": A1.replace("table - borrowing", "table: borrowing")
    .replace("by morning, and", "by morning and")
    .replace("They call it \"a bold plan for growth\"; I call", "They call it a bold plan "
             "for growth. I call"),
}

# Point 2: the highway contracts.
A2 = (
    "Of the forty-one contracts awarded for the Northern Highway since last spring, "
    "twenty-nine went to firms registered at the same two rooms above a tyre shop in Marwen. "
    "Those firms did not lay a single kilometre of road before they were paid in full, and "
    "some of them have never owned a roller."
)
A2_VARIANTS = {
    "verbatim": A2,
    "substituted": A2.replace("twenty-nine went to firms", "twenty-nine went to companies"),
    "deleted": A2.replace("were paid in full, and", "were paid, and"),
}

# Point 3: the flood money (simile: the cracked pot).
A3 = (
    "The flood relief money moved through the ministry like water through a cracked clay pot: "
    "it was full when it left the capital and nearly empty by the time it reached the villages "
    "of Kesar Valley, where families are still sleeping in school buildings with plastic "
    "sheets for walls."
)
A3_VARIANTS = {
    "verbatim": A3,
    "substituted": A3.replace("a cracked clay pot", "a leaking bucket"),
}

# Point 4: punished officers (simile: the thief and the dog).
A4 = (
    "Every time a district officer asks a question about the accounts, he is transferred "
    "within a week. Eleven honest officers have been moved out of their posts since October, "
    "and in each case the order was signed on a Friday evening, when no court was sitting to "
    "stop it. This government fears an honest clerk the way a thief fears a barking dog."
)
A4_VARIANTS = {
    "verbatim": A4,
    "inserted": A4.replace("Eleven honest officers", "Eleven honest and capable officers"),
    "substituted": A4.replace("on a Friday evening", "on a Friday night"),
}

# Point 5: the open letter on flood reconstruction money.
LETTER = (
    "We write to you as elected councillors and members of professional bodies from the "
    "districts struck by last August's floods in Kesar Valley and along the Sahil coast. Six "
    "months later, some 38,000 families are still without a permanent roof.\n\n"
    "A large part of the reconstruction money pledged by friendly governments and "
    "international lenders was channelled through the Federal Reconstruction Authority, and "
    "the public has never been shown where it went. Tenders were issued without notice, "
    "payments were made before work was inspected, and the Authority's accounts for the last "
    "two years have not been laid before Parliament.\n\n"
    "We are not asking you to interfere in the affairs of our country. We ask only that any "
    "further assistance be released against published accounts, independent audits by firms "
    "chosen in the open, and a public register of every contractor paid from these funds. We "
    "also ask that your representatives visit the affected districts themselves, speak to the "
    "families who are still waiting, and see with their own eyes the schools that remain "
    "shelters and the roads that remain mud.\n\n"
    "Our people have shown great patience. They deserve to know that help sent in their name "
    "reaches them. We would welcome a meeting with you or your staff at your convenience, and "
    "we will gladly share the records we hold."
)
LETTER_VARIANTS = {
    "verbatim": LETTER,
    "substituted": LETTER.replace("friendly governments", "friendly nations"),
    "rephrased": LETTER.replace("Six months later", "Half a year later"),
    "typographic": LETTER.replace("August's", "August\u2019s").replace(
        "Authority's", "Authority\u2019s"
    ),
    "deleted": LETTER.replace("we will gladly share", "we will share"),
    "about": LETTER.replace("some 38,000 families", "about 38,000 families"),
}

# Point 6: the resolution on the highway contracts.
RESOLUTION = (
    "This Assembly, noting with grave concern the reports that payments for the Northern "
    "Highway were released before any work was inspected,\n"
    "1. calls upon the Federal Government to suspend all further payments under the Northern "
    "Highway contracts until an independent audit has been completed;\n"
    "2. requests the Auditor General to examine every contract awarded since the first of "
    "April last year and to lay the findings before this Assembly within ninety days;\n"
    "3. demands that the names of the directors and owners of every contracting firm be "
    "published in full;\n"
    "4. resolves that a committee of this Assembly, drawn equally from the treasury and "
    "opposition benches, shall inspect the highway and report on the condition of the works;\n"
    "5. directs the Secretary to send copies of this resolution to the Prime Minister and to "
    "the Speaker of the National Parliament."
)
RESOLUTION_VARIANTS = {
    "verbatim": RESOLUTION,
    "house": RESOLUTION.replace("This Assembly", "This House").replace(
        "this Assembly", "this House"
    ),
    "shortened": RESOLUTION.replace("within ninety days", "within sixty days").replace(
        "be published in full", "be made public"
    ),
}

# Point 7: the counter-resolution.
COUNTER = (
    "This Assembly rejects the campaign of unfounded allegations against the Northern Highway "
    "project, which has already connected eleven districts to the national road network, and\n"
    "1. affirms its confidence in the Highways Authority and in the audit procedures laid down "
    "by law;\n"
    "2. deplores the use of provincial and municipal forums to spread claims that have not "
    "been placed before any court;\n"
    "3. calls upon all members to refrain from statements that discourage investors and "
    "contractors from working in the province;\n"
    "4. requests the Government to publish a complete progress report on the highway so that "
    "the public may judge the work for itself."
)
COUNTER_VARIANTS = {
    "verbatim": COUNTER,
    "council": COUNTER.replace("This Assembly", "This Council").replace(
        "working in the province", "working in the city"
    ),
}

# Point 8: the governing party's press release on flood housing.
PRESS = (
    "The National Concord Party welcomes the completion of 12,000 new homes for families who "
    "lost everything in last year's floods in Kesar Valley and on the Sahil coast. Each home "
    "has two rooms, a kitchen, a latrine and a raised plinth designed to stay dry in a flood "
    "twice the size of the last one. The Prime Minister, Harun Delavar, will hand over the keys "
    "to the final group of families in Qalandra on Saturday. A second phase of 20,000 homes "
    "will begin in April, financed by the federal budget and by the Reconstruction Bond issued "
    "in January. The Party rejects the claims made this week by people who, until recently, "
    "sat in the cabinet that approved this programme and praised it. \"The houses are "
    "standing. Anyone can go and see them,\" said the Party's information secretary, "
    "Mehrunissa Palander. The Federal Reconstruction Authority publishes its monthly progress "
    "figures on its website, and the Party invites every journalist to visit the sites."
)
PRESS_VARIANTS = {
    "verbatim": PRESS,
    "typographic": PRESS.replace("year's", "year\u2019s")
    .replace('"The houses', "\u201cThe houses")
    .replace('see them,"', "see them,\u201d")
    .replace("Party's", "Party\u2019s"),
    "dropped": PRESS.replace(
        " A second phase of 20,000 homes will begin in April, financed by the federal budget "
        "and by the Reconstruction Bond issued in January.",
        "",
    ),
    "substituted": PRESS.replace("The Party rejects the claims", "The Party dismisses the claims"),
}

# Point 9: the Urdu allegation (simile: the moneylender who locks the last well).
UR_ALLEGATION = (
    "یہ حکومت ساحل کا پانی اس طرح بیچ رہی ہے جیسے کوئی بے رحم ساہوکار گاؤں کے آخری کنویں پر "
    "تالا لگا کر پیاسے بچوں سے کرایہ مانگے۔ پچھلے چھ مہینوں میں تین سو سے زیادہ دیہات کا "
    "پانی کاٹ کر نئی فیکٹریوں کو دے دیا گیا ہے۔"
)
UR_VARIANTS = {
    "verbatim": UR_ALLEGATION,
    # typed on an Arabic keyboard: Arabic yeh and Arabic kaf instead of the Urdu letters
    "arabic-letters": UR_ALLEGATION.replace("\u06cc", "\u064a").replace("\u06a9", "\u0643"),
    # harakat (zabar, zer, pesh) on a few letters and a tatweel stretching one word
    "diacritics": UR_ALLEGATION.replace("حکومت", "حکوم\u0640ت")
    .replace("ساہوکار", "سَاہوکار")
    .replace("کنویں", "کُنویں")
    .replace("پیاسے", "پِیاسے")
    .replace("بچوں", "بَچوں"),
    "substituted": UR_ALLEGATION.replace("بے رحم ساہوکار", "لالچی ساہوکار").replace(
        "نئی فیکٹریوں", "بڑی فیکٹریوں"
    ),
}

POINTS = {
    1: (LABEL_ALLEGATION, A1_VARIANTS, "the gambler at the card table (main allegation)"),
    2: (LABEL_ALLEGATION, A2_VARIANTS, "the Northern Highway contracts"),
    3: (LABEL_ALLEGATION, A3_VARIANTS, "flood money through a cracked clay pot"),
    4: (LABEL_ALLEGATION, A4_VARIANTS, "honest officers transferred on Friday evenings"),
    5: ("letter", LETTER_VARIANTS, "open letter on flood reconstruction money"),
    6: ("resolution", RESOLUTION_VARIANTS, "resolution demanding a highway audit"),
    7: ("counter-resolution", COUNTER_VARIANTS, "counter-resolution rejecting the allegations"),
    8: ("press-release", PRESS_VARIANTS, "governing party's flood-housing press release"),
    9: ("urdu-allegation", UR_VARIANTS, "Urdu allegation: Sahil's water sold like a locked well"),
}

# =============================================================================================
# Stock phrases: formulas everyone says. Not reuse; never inside or next to a planted passage.
# (phrase, language, role, venue, share of that language's speeches that carry it)
# role: "open" starts a sentence followed by a comma, "close" ends a speech, "alone" stands alone
# =============================================================================================

STOCK = [
    ("Ladies and gentlemen", "en", "open", "public", 0.30),
    ("My dear brothers and sisters", "en", "open", "public", 0.22),
    ("With your permission, Mr Speaker", "en", "open", "assembly", 0.20),
    ("I thank the honourable speaker", "en", "alone", "assembly", 0.20),
    ("Thank you very much", "en", "close", "any", 0.34),
    ("Let me be very clear", "en", "open", "any", 0.27),
    ("Long live Dalmora", "en", "close", "public", 0.21),
    ("I will not take much of your time", "en", "alone", "any", 0.20),
    ("خواتین و حضرات", "ur", "open", "public", 0.32),
    ("میرے عزیز ہم وطنو", "ur", "open", "public", 0.27),
    ("جناب اسپیکر، آپ کی اجازت سے", "ur", "open", "assembly", 0.22),
    ("آپ سب کا بہت بہت شکریہ", "ur", "close", "any", 0.36),
    ("دلمورا پائندہ باد", "ur", "close", "public", 0.23),
]
STOCK_RENDER = {  # how each role is punctuated in running text
    ("en", "open"): "{p},",
    ("en", "close"): "{p}.",
    ("en", "alone"): "{p}.",
    ("ur", "open"): "{p}،",
    ("ur", "close"): "{p}۔",
}
STOCK_EXCLAIM = {"Long live Dalmora", "دلمورا پائندہ باد"}

# =============================================================================================
# English sentence banks. {slot} names are filled by SLOTS_EN below; a capitalised slot name
# ({Clause}) capitalises the first letter. Short fixed runs keep chance repeats rare.
# =============================================================================================

# Facts on the ground, by topic: lower-case clauses that frames embed.
CLAUSES_EN = {
    "prices": [
        "a bag of flour that cost {price} darams in {month_name} now sells for {price2} in "
        "the markets of {place}",
        "the price of {food} in {place} has risen by {pct} percent since {month}",
        "{group} in {place} now buy {food} {small_measure}",
        "wages for {group} in {place} have not moved in {nyears} years while rents have "
        "{rent_change}",
        "a family of {nfam} in {place} now spends {pct} percent of its income on food",
        "shopkeepers in {place} have been selling {food} on credit since {month}",
        "the ration depot in {place} runs out of subsidised {food} by the {ordinal_day} of "
        "each month",
        "the power bill for {housing} in {place} has reached {price} darams",
        "{food} costs {pct} percent more in {place} than it did in {month_name}",
    ],
    "roads": [
        "the road between {place} and {place2} has been {roadstate} since {month}",
        "{nk} kilometres of the {place} {roadtype} were paid for but never built",
        "ambulances from {place} need {nmin} minutes for a journey that should take {nmin2}",
        "the {roadtype} at {place} has been opened by ministers {ntimes} times and is still "
        "unfinished",
        "trucks carrying {crop} out of {place} wait up to {nhours} hours at the broken culvert "
        "near {landmark}",
        "the contractor on the {place} {roadtype} left the site in {month_name} and has not "
        "come back",
        "children in {place} {walk_phrase} because there is no {missing}",
        "a new toll booth appeared on the {place} {roadtype} before a single pothole was filled",
        "{nbus} of the {nbus2} buses serving {place} are off the road for want of spare parts",
    ],
    "water": [
        "women in {place} walk {nk_small} kilometres each morning to fetch water from {source}",
        "the water scheme for {place} has been inaugurated {ntimes} times without delivering "
        "a drop",
        "tankers in {place} sell water at {price} darams a barrel",
        "the {canal} canal that feeds {place} has not been cleaned since {year}",
        "{npumps} of the hand pumps in {place} now bring up water that is {bad_water}",
        "farmers at the tail of the {canal} canal got water for only {ndays} days this season",
        "the filtration plant in {place} has stood idle for {nmonths} months for want of {part}",
        "sewage from {place} now runs straight into the {canal} canal",
    ],
    "schools": [
        "{nschools} government schools in {place} district have no roof",
        "in {place}, one teacher looks after {nkids} children in {one_room}",
        "the girls' school in {place} has been used as a {misuse} since {month}",
        "textbooks for the new term had still not reached {place} by {month_name}",
        "parents in {place} pay {price} darams a month for tuition because the school has no "
        "{subject} teacher",
        "{pct} percent of the teaching posts in {place} district are vacant",
        "the science laboratory in {place} was built {nyears} years ago and has never received "
        "{equipment}",
        "{nkids} children in {place} sit their exams on the floor",
    ],
    "floods": [
        "families in {place} who lost their homes in the floods are still living in {shelter}",
        "the embankment near {place} was breached in {nbreach} places and only {nfixed} have "
        "been repaired",
        "{nacre} acres of {crop} around {place} are still under standing water",
        "relief tents handed out in {place} were torn within {nweeks} weeks",
        "{nhouse} houses in {place} are marked as rebuilt on paper but stand as rubble",
        "the flood siren at {place} did not sound because {siren_fault}",
        "compensation promised to {nfam2} families in {place} has not been paid since {month}",
    ],
    "elections": [
        "the electoral roll for {place} contains {nnames} names that no one in the district "
        "recognises",
        "polling stations in {place} were moved {ndays} days before the vote without notice",
        "the returning officer in {place} has been changed {ntimes} times in a single year",
        "{nvoters} young people in {place} are still waiting for their identity cards",
        "the Election Commission has left {nletters} letters from {place} unanswered",
        "{nnames} voters in {place} found their names struck off the roll in {month_name}",
    ],
    "corruption": [
        "the contract for the {project} in {place} went to a firm registered {ndays} days "
        "before the tender closed",
        "{nghost} names on the payroll of the {dept} office in {place} belong to people who "
        "never worked there",
        "a clinic in {place} that exists only on paper has drawn {price} darams a month since "
        "{year}",
        "the audit of the {dept} office in {place} has been delayed for {nmonths} months",
        "public land near {place} was leased to a minister's cousin for the price of {cheap}",
        "the same {nfirms} firms have won every {dept} contract in {place} since {year}",
        "{nmillion} million darams meant for the {project} in {place} cannot be traced",
    ],
    "health": [
        "the hospital in {place} has {nbeds} beds for a district of {npop} people",
        "the only ambulance in {place} has been out of fuel since {month}",
        "women in {place} travel {nk} kilometres to give birth in a ward with electricity",
        "the medicine store in {place} has had no insulin for {nweeks} weeks",
        "{ndoc} of the {ndoc2} doctors posted to {place} have never reported for duty",
        "the health centre in {place} closes at {clock} because {closing_reason}",
    ],
    "power": [
        "power cuts in {place} now last {nhours} hours a day",
        "the transformer serving {nvill} villages near {place} burnt out in {month_name} and "
        "has not been replaced",
        "tube wells around {place} stand idle because there is no power during the day",
        "small workshops in {place} have laid off {nworkers} workers because of load-shedding",
        "street lights in {place} were paid for twice and have never been switched on",
    ],
    "jobs": [
        "the textile mill in {place} closed in {month_name} and {nworkers} workers lost their "
        "jobs",
        "graduates in {place} wait {nyears} years for a government job that pays {price} "
        "darams a month",
        "the fish market in {place} now opens only {ndays_week} days a week",
        "{nworkers} young men from {place} left last year to look for work abroad",
        "fertiliser in {place} costs {price} darams a bag, when it can be found at all",
        "the fishing fleet at {place} has shrunk from {nboats} boats to {nboats2}",
        "the wheat buying centre in {place} opened {nweeks} weeks late",
        "{crop} growers around {place} sold at a loss for the {ordinal} year running",
    ],
}
TOPICS = list(CLAUSES_EN)

# Opposition voice: frames around a clause, and lines of their own.
OPP_FRAMES = [
    "{Clause}.",
    "{Clause}.",
    "{Clause}, and the ministers call this progress.",
    "Do you know that {clause}?",
    "Nobody in the cabinet will tell you that {clause}.",
    "The people of {province} should know that {clause}.",
    "I have the figures with me: {clause}.",
    "It is on the record that {clause}.",
    "I say it with a heavy heart, but {clause}.",
    "Consider this: {clause}.",
    "Here is what they leave out of their advertisements: {clause}.",
    "A {occupation} in {town} told me last {weekday} that {clause}.",
    "When we ask why {clause}, the ministers change the subject.",
    "What kind of government accepts that {clause}?",
    "They say all is well, yet {clause}.",
    "Go and see for yourselves: {clause}.",
    "Only last {weekday} I learned that {clause}.",
    "Write this down, because they will deny it tomorrow: {clause}.",
    "My friends, {clause}.",
    "I met {fname}, a {occupation} from {town}, who told me that {clause}.",
    "Ask the people of {town} and they will tell you that {clause}.",
    "Is it any wonder people are angry, when {clause}?",
]
OPP_LINES = [
    "We will publish every {project} contract in {place} on the day it is signed.",
    "Give us {nmonths} months and we will show {place} what honest work looks like.",
    "The {group} of {place} do not want charity; they want {want}.",
    "This election will be won in places like {place}, not in the {elite_place} of Marwen.",
    "I ask the {official} one simple question: where did the money for {place} go?",
    "Every {weekday} in {place}, {group} queue outside the {office} for papers that never come.",
    "We will not let {place} be forgotten again.",
    "They had {nyears} years, and they gave {place} {thing_bad}.",
    "When we form the government, {first_act}.",
    "I have walked the streets of {town} and {town2} this month, and I have heard {heard}.",
    "The {group} of {province} have been patient for too long.",
    "Our programme for {province} fits on one page: {pledge}.",
]
# The new party's founder.
LEADER_LINES = [
    "I founded the Dalmora Renewal Front because {reason}.",
    "I resigned from the cabinet because I would not sign {what_sign}.",
    "The Dalmora Renewal Front will put up a candidate for every seat in {province}.",
    "Our doors are open to every honest worker of the {party_any}, from {town} to {town2}.",
    "I was a minister for {nyears} years, and I know {insider_fact}.",
]
# Politicians who have just crossed over to the new party.
DEFECT_LINES = [
    "I spent {nyears} years in the {old_party}, and I did not leave it lightly.",
    "The people of {place} asked me to choose between my party and my conscience, and I chose "
    "{choice}.",
    "When I joined the {old_party} in {year}, it still listened to {group}.",
    "I have joined Rustam Keshvani because {reason}.",
    "My old colleagues in the {old_party} may call me a turncoat, but {reason}.",
    "I wrote to the leadership of the {old_party} {ntimes} times about {issue}, and not one "
    "letter was answered.",
    "I did not cross the floor for a ticket or a title; I crossed because {reason}.",
    "My workers in {place} asked me to stay, but {workers_said}.",
]
# Governing party voice.
GOV_LINES = [
    "Since {month}, we have {achievement}.",
    "Our critics will not tell you that we have {achievement}.",
    "Last {weekday} I was in {town}, where we have {achievement}.",
    "By {future_month}, we will have {achievement}.",
    "I do not deny that {clause}; I only ask who left it that way.",
    "Yes, {clause}, and that is exactly why we have {achievement}.",
    "The opposition shouts, but this government has {achievement}.",
    "We inherited a country in which {clause}.",
    "In {province}, we have {achievement}, and the work goes on.",
    "Nobody pretends the job is finished, because {clause}.",
    "Our budget for {province} has already {achievement}.",
    "Ask the families of {town}: this government has {achievement}.",
    "We know that {clause}, and teams from {institution} are in {town} this week.",
]
GOV_AFTER_LAUNCH = [
    "Those who crossed the floor this month voted for the budget that has {achievement}.",
    "The new party of Rustam Keshvani has {keshvani_jab}.",
    "Mr Keshvani sat in this cabinet for {nyears} years and never once raised {issue}.",
    "The defectors discovered their conscience only when {defect_motive}.",
]
ACHIEVEMENTS = [
    "rebuilt {nhouse} homes in {place}",
    "paved {nk} kilometres of road around {place}",
    "opened {nrooms} new classrooms in {place} district",
    "connected {nvill} villages near {place} to the grid",
    "cleared the {canal} canal for the first time in {nyears} years",
    "cut the price of {food} in the ration shops by {pct} percent",
    "recruited {nteach} new teachers for schools in {province}",
    "repaired {nk} kilometres of embankment along the {river}",
    "paid compensation to {nfam2} flood-hit families in {place}",
    "installed {npumps} solar pumps in the villages around {place}",
    "posted {ndoc} new doctors to the district hospital in {place}",
    "registered {nvoters} new voters in {place} district",
    "raised the minimum wage to {price} darams a week",
    "brought {nworkers} jobs to the industrial estate at {place}",
    "reopened the {landmark2} in {place}",
]

# News voice (third person).
NEWS_FRAMES = [
    "{Pol} told a gathering in {town} on {weekday} that {clause}.",
    "Residents of {place} said {clause}.",
    "According to {doc_source}, {clause}.",
    "Officials in {place} confirmed that {clause}, but gave no date for a remedy.",
    "{Group} gathered outside the district offices in {town} on {weekday}, complaining that "
    "{clause}.",
    "{Fname} {lname}, a {occupation} from {town}, said {clause}.",
    "A report by the {institution} found that {clause}.",
    "The {ministry} said on {weekday} that it knew {clause} and had ordered an inquiry.",
    "Opposition members raised the issue in the {assembly} on {weekday}, saying {clause}.",
    "{Pol} has denied claims that {clause}.",
    "Local reporters in {place} found that {clause}.",
    "In {place}, {clause}, residents said.",
    "{Clause}, the district administration in {place} admitted in a letter dated {date_past}.",
    "Figures gathered by {outlet_ref} show that {clause}.",
    "{Fname} {lname}, who has lived in {town} for {nyears} years, said {clause}.",
]
NEWS_LINES = [
    "The {ministry} had not responded to {outlet_ref_pos} questions by {time_ref}.",
    "The {assembly} is expected to take up the matter on {weekday}.",
    "{Group} in {place} have threatened to {threat} if nothing changes by {future_month}.",
    "{Pol} is due to visit {town} on {weekday}.",
    "The district commissioner of {place}, {fname} {lname}, declined to comment.",
    "A protest called by {group} in {town} drew about {ncrowd} people.",
]
NEWS_AFTER_LAUNCH = [
    "{Defector} is the {ordinal} lawmaker to join the Dalmora Renewal Front since {launch_ref}.",
    "The Dalmora Renewal Front now claims {nmps} members of parliament and {nprov} provincial "
    "lawmakers.",
    "The {party_gov_opp} said the departures would {no_difference}.",
    "Analysts in Marwen said the defections could {defect_effect}.",
    "The Prime Minister, Harun Delavar, dismissed the new party as {dismiss}.",
    "Keshvani's claims about {alleg_topic} have not been independently verified.",
    "{Pol} called the allegations {adj_dismissive} and said the accounts were open to "
    "inspection.",
]

# Statements by parties, ministries and the Election Commission.
STATEMENT_OPP = [
    "The {issuer} notes with alarm that {clause}.",
    "The {issuer} has written to the {official} to ask why {clause}.",
    "At its meeting on {weekday}, the {issuer} reviewed reports that {clause}.",
    "The {issuer} demands an independent inquiry into claims that {clause}.",
    "The {issuer} will hold a public hearing in {town} on {weekday} to hear from {group}.",
    "Members of the {issuer} visited {town} on {weekday} and found that {clause}.",
    "The {issuer} calls on the {official} to {demand}.",
]
STATEMENT_GOV = [
    "The {issuer} is pleased to report that the government has {achievement}.",
    "Figures published by the {issuer} on {weekday} show that the government has "
    "{achievement}.",
    "The {issuer} is aware that {clause}, and has asked for a report within {ndays} days.",
    "The {issuer} rejects the suggestion that {clause}.",
    "Teams from the {issuer} visited {town} on {weekday} to review progress.",
    "Since {month}, the government has {achievement}, the {issuer} said.",
    "The {issuer} reminds the public that complaints can be made at {nstations} help desks "
    "across {province}.",
]
STATEMENT_NEUTRAL = [
    "The {issuer} has received {nletters} complaints from {place} about {elec_issue}.",
    "The {issuer} reminds all parties that {rule}.",
    "Revised electoral rolls for {place} will be displayed at {nstations} locations from "
    "{weekday}.",
    "The {issuer} has asked the district administration in {place} to explain why {clause}.",
    "Officers of the {issuer} will visit {town} on {weekday} to hear complaints in person.",
    "Claims and objections for {place} may be filed until {future_month}.",
]

# Assemblies.
RES_LINES = [
    "This {house} notes with concern that {clause}.",
    "This {house} calls upon the {ministry} to {res_action} in {place} within {ndays} days.",
    "This {house} requests the Speaker to form a committee of {nmem} members to examine why "
    "{clause}.",
    "This {house} places on record its appreciation of the {heroes} of {place}, who "
    "{hero_deed}.",
    "This {house} urges the {official} to visit {place} before {future_month} and report to "
    "members.",
    "This {house} resolves to hold a special sitting on {topic_noun} in {future_month}.",
]
RES_PROC = [
    "The following resolution was moved by {member}, member for {place}, at the sitting of "
    "{date_str}.",
    "Moved by {member} ({place}) and seconded by {member2} ({place2}).",
    "Adopted by {nyes} votes to {nno}, with {nabs} abstentions.",
    "The motion was carried by {nyes} votes to {nno} after a debate lasting {nhours_word} "
    "hours.",
    "Speaking for the motion, {member} told the {house} that {clause}.",
    "Opposing it, {member2} said that {clause}.",
    "The text was circulated to members on {weekday} and taken up {when_taken}.",
    "Copies are to be sent to the {official} and to the district administration of {place}.",
]

# Open letters: the signatory's own sentences after the shared body.
LETTER_FIRST = [
    "{org} {adopt_verb} this letter {manner} at {meeting} in {town} on {date_str}.",
    "{org} has {nmembers} members in {ndistricts} districts, and its {body} {adopt_verb} "
    "this text {manner}.",
    "{org} {adopt_verb} this text {manner}, after hearing from {nwitness} families in {town}.",
]
LETTER_MORE = [
    "Our own survey of {nhouse} damaged homes in {place} is enclosed.",
    "A delegation from {place} can travel to Marwen at {notice}.",
    "We enclose photographs taken in {place} on {date_past}, showing {photo_subject}.",
    "{Fname} {lname} of our {office_role} can arrange visits to {place}.",
    "Our records for {place} run to {npages} pages and are available on request.",
]

# Small word banks.
BANKS_EN: dict[str, list[str]] = {
    "group": [
        "farmers", "shopkeepers", "nurses", "bus drivers", "fishermen", "daily-wage workers",
        "pensioners", "schoolteachers", "students", "market vendors", "tenant farmers",
        "dock workers", "textile workers", "retired soldiers", "rickshaw drivers",
        "young graduates", "brick-kiln workers", "small traders", "widows", "midwives",
    ],
    "food": [
        "flour", "sugar", "cooking oil", "lentils", "rice", "onions", "tomatoes", "milk",
        "tea", "eggs", "ghee", "chickpeas",
    ],
    "small_measure": [
        "by the handful", "a cup at a time", "in twenty-daram packets", "only on credit",
        "once a week", "by the spoonful", "in loose scoops",
    ],
    "rent_change": ["doubled", "nearly tripled", "risen every quarter", "gone up by half"],
    "housing": ["a two-room house", "a small shop", "a single flat", "a tailor's workshop",
                "a corner bakery", "a village clinic"],
    "month": [
        "October", "November", "December", "January", "last autumn", "the floods",
        "the last budget", "the New Year", "the by-elections", "harvest time",
    ],
    "month_name": ["August", "September", "October", "November", "December", "January"],
    "future_month": ["April", "May", "June", "the monsoon", "the next budget", "the autumn"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ordinal": ["second", "third", "fourth", "fifth", "sixth"],
    "ordinal_day": ["fifth", "seventh", "tenth", "twelfth", "fifteenth"],
    "roadstate": [
        "closed to heavy traffic", "a river of mud", "half finished", "blocked by rubble",
        "too dangerous for school buses", "a chain of potholes", "cut in two by a landslide",
    ],
    "roadtype": [
        "ring road", "bypass", "link road", "bridge", "flyover", "coastal road",
        "market road", "river crossing",
    ],
    "landmark": [
        "the grain market", "the old toll post", "the railway crossing", "the cement works",
        "the shrine", "the district courts", "the bus terminal", "the fish harbour",
    ],
    "landmark2": ["grain market", "maternity ward", "bus terminal", "fish harbour",
                  "district library", "vocational college"],
    "crop": ["wheat", "cotton", "rice", "sugar cane", "mangoes", "onions", "dates", "maize"],
    "walk_phrase": [
        "walk along the highway", "cross the canal on planks", "wade through the underpass",
        "walk beside speeding trucks", "climb over the railway",
    ],
    "missing": ["footpath", "school bus", "bridge", "street light", "crossing"],
    "source": [
        "a pond shared with cattle", "the old canal", "a broken hand pump", "the river bed",
        "a well at the shrine", "a tanker that comes twice a week",
    ],
    "canal": ["Upper Kesar", "Tarnak Branch", "Old Sahil", "Mirwal Feeder", "Bellmoor Link",
              "Lower Ulvar"],
    "river": ["Kesar river", "Tarnak river", "Ulvar estuary", "Mirwal stream"],
    "bad_water": ["too salty to drink", "brown after rain", "unsafe for children",
                  "thick with arsenic"],
    "part": ["a single pump", "one spare valve", "a new filter bed", "a cheap fuse"],
    "one_room": ["a single room", "a verandah", "a borrowed shed", "the shade of a tree"],
    "misuse": ["grain store", "police post", "relief warehouse", "polling office",
               "cattle shed", "contractor's depot"],
    "subject": ["mathematics", "science", "English", "chemistry", "physics", "computing"],
    "equipment": ["a microscope", "a single test tube", "running water", "a working lamp"],
    "shelter": [
        "tents by the roadside", "school buildings", "a disused factory",
        "relatives' courtyards", "huts of reed and plastic", "railway wagons",
    ],
    "siren_fault": ["its battery had been stolen", "nobody had paid the power bill",
                    "the operator had been transferred", "it had never been connected"],
    "project": [
        "water supply scheme", "sewage line", "school building", "hospital wing",
        "drainage channel", "market road", "flood wall", "bus terminal",
    ],
    "dept": ["irrigation", "education", "health", "revenue", "public works", "food",
             "municipal"],
    "cheap": ["a bicycle", "a wedding dinner", "a second-hand motorbike", "a month's rent",
              "a goat"],
    "ministry": [
        "Ministry of Water Resources", "Ministry of Education", "Ministry of Communications",
        "Ministry of Finance", "Ministry of Health", "Ministry of Energy",
        "Ministry of Food Security",
    ],
    "institution": [
        "the Auditor General", "the Federal Reconstruction Authority",
        "the Highways Authority", "the Election Commission", "the National Water Board",
        "the Public Accounts Committee",
    ],
    "official": [
        "Prime Minister", "Minister for Water Resources", "Chief Secretary",
        "district commissioner", "Auditor General", "Minister of Finance",
        "Minister of Education",
    ],
    "assembly": [
        "National Parliament", "Kesar Valley Provincial Assembly", "Tarnak Provincial Assembly",
        "Northern Reach Provincial Assembly", "Sahil Provincial Assembly",
        "Marwen Capital Assembly",
    ],
    "occupation": [
        "shopkeeper", "schoolteacher", "retired soldier", "nurse", "bus driver", "farmer",
        "fisherman", "student", "pharmacist", "tailor", "rickshaw driver", "midwife",
        "mechanic", "night watchman", "grandmother", "young engineer", "baker", "carpenter",
    ],
    "clock": ["noon", "two o'clock", "three in the afternoon", "sunset"],
    "closing_reason": ["the generator has no diesel", "the only doctor commutes from Marwen",
                       "there is no night guard", "the roof leaks over the ward"],
    "want": [
        "clean water", "a school with a roof", "a fair price for their {crop}",
        "a road that survives the rain", "a hospital with a doctor in it",
        "wages paid on time",
    ],
    "elite_place": ["drawing rooms", "five-star hotels", "ministry corridors",
                    "television studios"],
    "office": ["district office", "land registry", "ration office", "passport office",
               "revenue office", "water board"],
    "thing_bad": [
        "{nk} kilometres of broken road", "a hospital with no doctor",
        "tankers instead of taps", "ration cards that buy nothing", "a school without a roof",
    ],
    "first_act": [
        "the first file we open will be {file_desc}",
        "the {place} {roadtype} will be finished within {nmonths} months",
        "every vacant teaching post in {province} will be filled",
        "the accounts of {institution} will be read aloud in Parliament",
    ],
    "file_desc": ["the Northern Highway accounts", "the flood relief ledger",
                  "the transfer orders of the last year", "the list of ghost employees"],
    "heard": [
        "the same story in every lane", "mothers asking for nothing more than clean water",
        "traders who have stopped believing in promises", "old men who remember better roads",
    ],
    "pledge": [
        "water, schools and honest accounts", "roads that last and prices people can pay",
        "clinics with doctors and contracts with names",
    ],
    "reason": [
        "the people of {place} were tired of waiting",
        "I could not defend another budget that forgot {place}",
        "the party I served stopped listening to {group}",
        "honest officers in {place} were punished for asking questions",
        "I saw the accounts of {institution} and could not stay silent",
        "{place} deserves a party that keeps its word",
    ],
    "what_sign": ["another contract for the Northern Highway",
                  "the transfer orders for honest officers", "a budget that cut school meals",
                  "the sale of the Mirwal canal land"],
    "party_any": [PUL, NCP],
    "insider_fact": ["how a file disappears when it names a friend",
                     "who signs the orders on Friday evenings",
                     "what the tender committee never writes down"],
    "choice": ["my conscience", "the people", "{place}"],
    "issue": ["the water scheme in {place}", "the missing flood money",
              "the transfer of honest officers", "the highway contracts",
              "the closed textile mill in {place}", "the empty ration depots"],
    "workers_said": ["they also asked me never to lie to them",
                     "they knew the party had already left them",
                     "they came with me the next morning"],
    "keshvani_jab": ["a slogan for every problem and a plan for none",
                     "more press conferences than members",
                     "borrowed our critics and our old promises"],
    "defect_motive": ["the tickets for the next election were handed out",
                      "the cabinet posts were filled", "the polls began to move"],
    "doc_source": ["figures obtained by {outlet_ref}", "a district official",
                   "documents seen by {outlet_ref}", "a leaked audit", "local traders",
                   "the provincial statistics office", "a survey by aid workers"],
    "time_ref": ["the time of going to press", "Friday evening", "the weekend",
                 "late on {weekday}"],
    "threat": ["block the highway", "march on Marwen", "boycott the by-election",
               "close their shops", "stop paying water charges"],
    "no_difference": ["make no difference to the majority", "cleanse the party",
                      "cost them nothing at the polls"],
    "defect_effect": ["cost the government its majority in the {assembly}",
                      "split the opposition vote in {province}",
                      "force an early election"],
    "dismiss": ["a vanity project", "a party of the disappointed", "a rumour with a logo"],
    "alleg_topic": ["the highway contracts", "the flood relief money",
                    "transfers of district officers", "the treasury"],
    "adj_dismissive": ["baseless", "recycled gossip", "a political stunt", "absurd"],
    "party_gov_opp": [NCP, PUL],
    "elec_issue": ["missing names", "moved polling stations", "duplicate entries",
                   "delayed identity cards"],
    "rule": ["no public money may be spent on party advertising",
             "government vehicles may not be used for campaigning",
             "transfers of election staff need the Commission's approval"],
    "demand": ["publish the relief accounts", "reinstate the transferred officers",
               "open the tender files", "visit the flood districts"],
    "house_word": ["Assembly"],
    "res_action": [
        "release the funds already approved for drinking water", "repair the embankment",
        "post teachers to every vacant school", "restore the bus service",
        "pay the arrears owed to sanitation workers", "open a flour sale point",
    ],
    "heroes": ["rescue volunteers", "nurses", "fishermen", "teachers", "police constables",
               "young people"],
    "hero_deed": ["worked without pay during the floods",
                  "kept the clinics open through the winter",
                  "carried the sick across the river by boat",
                  "ran classes in tents for six months"],
    "topic_noun": ["drinking water", "the price of flour", "flood reconstruction",
                   "school buildings", "road safety", "the electoral rolls"],
    "when_taken": ["without a vote on the order of business", "after question hour",
                   "late in the evening sitting", "on the second day of the session"],
    "adopt_verb": ["endorsed", "approved", "adopted", "signed"],
    "manner": ["unanimously", "without dissent", "by a show of hands", "after a long debate"],
    "meeting": ["its general meeting", "an emergency session", "its monthly meeting",
                "a special meeting"],
    "body": ["executive committee", "general council", "standing committee",
             "elected board"],
    "notice": ["a day's notice", "short notice", "a week's notice"],
    "photo_subject": ["families living under plastic sheets", "a school used as a shelter",
                      "a road washed away", "houses marked as rebuilt that are still rubble"],
    "office_role": ["secretariat", "legal committee", "relief desk", "district office"],
    "launch_ref": ["its launch on 10 February", "Keshvani's press conference in Marwen",
                   "the founding rally"],
}

# =============================================================================================
# Urdu sentence banks (simple, grammatical Urdu; groups are masculine plural nouns so that the
# verbs agree whatever is drawn).
# =============================================================================================

CLAUSES_UR = {
    "prices": [
        "{place} میں {food} کی قیمت {price} درام فی کلو تک پہنچ گئی ہے",
        "{place} کے بازاروں میں {food} کے دام {since} سے اب تک {pct} فیصد بڑھ چکے ہیں",
        "{place} میں مزدور کی دیہاڑی {wage} درام ہے جبکہ آٹے کا تھیلا {price2} درام کا ملتا ہے",
        "{place} کے دکاندار {since} سے غریب گھرانوں کو ادھار پر راشن دے رہے ہیں",
        "{place} میں {housing} کا بجلی کا بل {price} درام تک پہنچ گیا ہے",
        "{place} کے سرکاری ڈپو پر مہینے کی {nday_month} تاریخ تک راشن ختم ہو جاتا ہے",
    ],
    "roads": [
        "{place} سے {place2} تک کی سڑک {since} سے ٹوٹی پڑی ہے",
        "{place} کی سڑک کا {ntimes} بار افتتاح ہوا مگر {nk} کلومیٹر میں سے صرف {nsmall} مکمل "
        "ہوئے",
        "{place} کے پل کی مرمت کے لیے {nlakh} لاکھ درام منظور ہوئے مگر کام {since} سے رکا ہوا "
        "ہے",
        "{place} سے ضلعی ہسپتال تک ایمبولینس کو {nhours} گھنٹے لگ جاتے ہیں",
        "{place} کی سڑک کا ٹھیکیدار {month_name} سے لاپتہ ہے",
        "{place} کی {nbus} بسوں میں سے {nbus_half} پرزے نہ ہونے کی وجہ سے کھڑی ہیں",
    ],
    "water": [
        "{place} کی عورتیں روزانہ {nk_small} کلومیٹر دور سے {water_src} کا پانی لاتی ہیں",
        "{place} میں ٹینکر مافیا پانی کا ایک {container} {price} درام میں بیچ رہا ہے",
        "{place} کا فلٹر پلانٹ {nmonths} مہینوں سے بند پڑا ہے",
        "{place} کے {npumps} نلکوں میں سے {npumps_half} کا پانی {bad_water}",
        "{place} کی نہر کی صفائی {year} کے بعد سے نہیں ہوئی",
        "{place} کے {nfarmers} کاشتکاروں کو اس موسم میں صرف {ndays} دن نہری پانی ملا",
    ],
    "schools": [
        "{place} کے {nschools} سرکاری اسکولوں کی چھت ہی نہیں ہے",
        "{place} میں ایک استاد {nkids} بچوں کو {room} میں پڑھاتا ہے",
        "{place} کے لڑکیوں کے اسکول کو {month_name} سے {misuse} بنا دیا گیا ہے",
        "{place} کے {nschools} اسکولوں میں نئی کتابیں {month_name} تک نہیں پہنچیں",
        "{place} ضلع میں اساتذہ کی {pct} فیصد آسامیاں خالی پڑی ہیں",
    ],
    "floods": [
        "سیلاب کو {nmonths} مہینے گزر گئے مگر {place} کے متاثرین اب بھی {shelter} میں رہ رہے ہیں",
        "{place} کے قریب حفاظتی بند {nbreach} جگہوں سے ٹوٹا تھا مگر صرف {nfixed} جگہوں کی "
        "مرمت ہوئی ہے",
        "{place} کے آس پاس {nacre} ایکڑ پر {crop} کی فصل {since} سے پانی میں ڈوبی ہے",
        "سرکاری ریکارڈ میں {place} کے {nhouse} گھر دوبارہ بن چکے ہیں مگر وہاں {reality}",
        "{place} میں بانٹے گئے امدادی خیمے {nweeks} ہفتوں میں پھٹ گئے",
    ],
    "elections": [
        "{place} کی ووٹر لسٹ میں {nnames} ایسے نام درج ہیں جنہیں علاقے میں کوئی نہیں جانتا",
        "{place} میں پولنگ اسٹیشن الیکشن سے {ndays} دن پہلے بغیر اطلاع کے بدل دیے گئے",
        "{place} کے {nvoters} نوجوان ابھی تک شناختی کارڈ کے انتظار میں ہیں",
        "{place} کا ریٹرننگ افسر ایک سال میں {ntimes} بار بدلا جا چکا ہے",
    ],
    "corruption": [
        "{place} میں {project} کا ٹھیکہ ایک ایسی کمپنی کو ملا جو ٹینڈر سے صرف {ndays} دن پہلے "
        "رجسٹر ہوئی تھی",
        "محکمہ {dept} کے {place} دفتر کی تنخواہوں کی فہرست میں {nghost} جعلی نام شامل ہیں",
        "{place} کی ایک ڈسپنسری جو صرف کاغذوں میں موجود ہے، {year} سے ہر سال {nlakh} لاکھ درام "
        "وصول کر رہی ہے",
        "{place} میں محکمہ {dept} کا آڈٹ {nmonths} مہینوں سے رکا ہوا ہے",
    ],
    "health": [
        "{place} کے ہسپتال میں صرف {nbeds} بستر ہیں جبکہ ضلع کی آبادی {npop} ہزار ہے",
        "{place} کی واحد ایمبولینس {month_name} سے خراب کھڑی ہے",
        "{place} کے سرکاری ہسپتال میں {nweeks} ہفتوں سے انسولین دستیاب نہیں",
        "{place} میں تعینات {ndoc2} ڈاکٹروں میں سے {ndoc} کبھی ڈیوٹی پر نہیں آئے",
    ],
    "power": [
        "{place} میں روزانہ {nhours} گھنٹے بجلی بند رہتی ہے",
        "{place} کے قریب {nvill} دیہات کا ٹرانسفارمر {month_name} میں جل گیا اور آج تک نہیں "
        "بدلا گیا",
        "{place} کی چھوٹی ورکشاپوں نے لوڈشیڈنگ کی وجہ سے {nworkers} مزدور فارغ کر دیے ہیں",
    ],
    "jobs": [
        "{place} کے {nworkers} نوجوان پچھلے سال روزگار کی تلاش میں شہروں کو چلے گئے",
        "{place} میں ماہی گیر کشتیوں کی تعداد {nboats} سے گھٹ کر {nboats2} رہ گئی ہے",
        "{place} کی کپڑے کی مل {month_name} میں بند ہوئی اور {nworkers} مزدور بے روزگار ہو گئے",
        "{place} میں کھاد کی ایک بوری {price} درام کی ہو گئی ہے",
        "{place} میں گندم کا سرکاری خریداری مرکز {nweeks} ہفتے دیر سے کھلا",
    ],
}

UR_OPP_FRAMES = [
    "{clause}۔",
    "{clause}۔",
    "کیا آپ جانتے ہیں کہ {clause}؟",
    "ہم پچھلے {weekday} {town} گئے تو معلوم ہوا کہ {clause}۔",
    "یہ حکومت آپ کو کبھی نہیں بتائے گی کہ {clause}۔",
    "حقیقت یہ ہے کہ {clause}۔",
    "ہمارے پاس اعداد و شمار موجود ہیں، {clause}۔",
    "ذرا سوچیے، {clause}۔",
    "دکھ کی بات یہ ہے کہ {clause}۔",
    "عوام کو معلوم ہونا چاہیے کہ {clause}۔",
    "{town} کے ایک {elder} نے ہمیں بتایا کہ {clause}۔",
    "{clause}، اور وزیر صاحبان اخباروں میں تصویریں چھپوا رہے ہیں۔",
    "حکمران کہتے ہیں سب ٹھیک ہے، مگر {clause}۔",
    "یہ ریکارڈ پر ہے کہ {clause}۔",
    "جائیے اور خود دیکھ لیجیے، {clause}۔",
]
UR_OPP_LINES = [
    "ہم {place} کے {group_o} کے ساتھ کھڑے ہیں اور کھڑے رہیں گے۔",
    "ہم وعدہ کرتے ہیں کہ {nmonths_small} مہینوں کے اندر {place} میں {promise}۔",
    "{place} کے {group} اب مزید انتظار نہیں کر سکتے۔",
    "ہم {place} کو دوبارہ نظر انداز نہیں ہونے دیں گے۔",
    "{place} کے {group} کو خیرات نہیں، {want} چاہیے۔",
    "ہم نے اس مہینے {town} اور {town2} کی گلیوں میں لوگوں سے بات کی، ہر جگہ {heard}۔",
    "اگلا انتخاب {place} جیسے علاقوں میں جیتا جائے گا، مروین کے {elite_place} میں نہیں۔",
    "{province} کے {group} بہت صبر کر چکے ہیں۔",
]
UR_GOV_LINES = [
    "{since} سے اب تک ہم نے {ach}۔",
    "ہمارے مخالفین یہ نہیں بتائیں گے کہ ہم نے {ach}۔",
    "پچھلے {weekday} ہم {town} میں تھے، جہاں ہماری حکومت نے {ach}۔",
    "یہ درست ہے کہ {clause}، لیکن ہم نے {ach}۔",
    "ہم انکار نہیں کرتے کہ {clause}، سوال یہ ہے کہ یہ حال کس نے کیا۔",
    "اپوزیشن شور مچاتی ہے مگر اس حکومت نے {ach}۔",
    "کام ابھی ختم نہیں ہوا، مگر ہم نے {ach}۔",
    "{town} کے لوگوں سے پوچھ لیجیے، اس حکومت نے {ach}۔",
]
UR_ACH = [
    "{place} میں {nhouse} گھر دوبارہ تعمیر کیے ہیں",
    "{place} کے گرد {nk} کلومیٹر سڑک پکی کی ہے",
    "{place} ضلع میں {nrooms} نئے کلاس روم کھولے ہیں",
    "{place} کے قریب {nvill} دیہات کو بجلی فراہم کی ہے",
    "{place} کی نہر کی {nyears} سال بعد پہلی بار صفائی کروائی ہے",
    "سرکاری ڈپو پر {food} کی قیمت {pct} فیصد کم کی ہے",
    "{place} کے {nfam2} سیلاب متاثرہ خاندانوں کو معاوضہ ادا کیا ہے",
    "{place} کے دیہات میں {npumps} شمسی پمپ لگائے ہیں",
    "{place} کے ضلعی ہسپتال میں {ndoc} نئے ڈاکٹر تعینات کیے ہیں",
]
UR_NEWS_FRAMES = [
    "{pol} نے {weekday} کو {town} میں ایک جلسے سے خطاب کرتے ہوئے کہا کہ {clause}۔",
    "مقامی لوگوں کا کہنا ہے کہ {clause}۔",
    "سرکاری اعداد و شمار کے مطابق {clause}۔",
    "{town} کے رہائشی {name} نے بتایا کہ {clause}۔",
    "محکمہ {dept} کے ایک {rank} نے تصدیق کی کہ {clause}۔",
    "{clause}، جس پر {town} کے لوگ {emotion}۔",
    "{pol} نے {weekday} کو صحافیوں سے گفتگو میں دعویٰ کیا کہ {clause}۔",
    "ہمارے نمائندے کے مطابق {clause}۔",
    "{name} نامی ایک {occupation} نے بتایا کہ {clause}۔",
]
UR_NEWS_LINES = [
    "{place} میں {group_o} نے {weekday} کو {blocked} بند کر کے احتجاج کیا۔",
    "{party} نے اس معاملے پر {assembly} میں قرارداد جمع کرا دی ہے۔",
    "حکومتی ترجمان {name} نے ان الزامات کو {dismiss} قرار دیا۔",
    "محکمہ {dept} کی جانب سے {weekday} شام تک کوئی جواب نہیں آیا۔",
    "{pol} {weekday} کو {town} کا دورہ کریں گے۔",
    "{town} میں {group_o} کے احتجاجی جلسے میں تقریباً {ncrowd} افراد شریک ہوئے۔",
]
UR_STATEMENT = [
    "{issuer} کو {concern} ہے کہ {clause}۔",
    "{issuer} نے صوبائی حکومت سے مطالبہ کیا ہے کہ {res_demand}۔",
    "{issuer} کا ایک وفد {weekday} کو {town} جائے گا اور متاثرہ خاندانوں سے ملے گا۔",
    "{issuer} کے مطابق {clause}۔",
    "{issuer} نے اعلان کیا ہے کہ {weekday} کو {town} میں احتجاجی جلسہ ہوگا۔",
]
UR_RES_LINES = [
    "یہ ایوان اس بات پر {concern} کا اظہار کرتا ہے کہ {clause}۔",
    "یہ ایوان صوبائی حکومت سے مطالبہ کرتا ہے کہ {ndays} دن کے اندر {place} میں {res_demand}۔",
    "یہ ایوان {place} کے {heroes} کی خدمات کو خراج تحسین پیش کرتا ہے۔",
]
UR_RES_PROC = [
    "یہ قرارداد {member} نے پیش کی اور ایوان نے اسے {nno} کے مقابلے میں {nyes} ووٹوں سے منظور "
    "کر لیا۔",
    "بحث کے دوران {member2} نے کہا کہ {clause}۔",
    "قرارداد کی نقول وزیر اعلیٰ اور {place} کی ضلعی انتظامیہ کو بھیجی جائیں گی۔",
]
BANKS_UR: dict[str, list[str]] = {
    "food": ["آٹے", "چینی", "گھی", "دال", "چاول", "دودھ", "کھانے کے تیل", "ٹماٹر", "پیاز",
             "چائے کی پتی"],
    "since": ["اکتوبر", "نومبر", "دسمبر", "جنوری", "پچھلے سال", "پچھلی گرمیوں",
              "سیلاب کے دنوں"],
    "month_name": ["اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر", "جنوری"],
    "weekday": ["پیر", "منگل", "بدھ", "جمعرات", "جمعے", "ہفتے", "اتوار"],
    "housing": ["دو کمروں کے گھر", "ایک چھوٹی دکان", "ایک کمرے کے مکان", "درزی کی دکان"],
    "water_src": ["نہر", "جوہڑ", "پرانے کنویں", "مزار کے نلکے"],
    "container": ["ڈرم", "کین", "ٹینکر"],
    "bad_water": ["کھارا ہو چکا ہے", "پینے کے قابل نہیں رہا", "گدلا آتا ہے"],
    "room": ["ایک ہی کمرے", "ایک درخت کے سائے", "برآمدے", "ایک خیمے"],
    "misuse": ["گودام", "پولیس چوکی", "امدادی کیمپ", "مویشیوں کا باڑا"],
    "shelter": ["خیموں", "اسکول کی عمارتوں", "سڑک کنارے جھونپڑیوں", "رشتہ داروں کے گھروں",
                "ٹوٹے ہوئے مکانوں"],
    "crop": ["گندم", "کپاس", "چاول", "گنے", "سبزیوں"],
    "reality": ["صرف ملبہ پڑا ہے", "لوگ خیموں میں رہتے ہیں", "کچی دیواریں کھڑی ہیں"],
    "project": ["نئی سڑک", "پانی کی اسکیم", "اسکول کی عمارت", "ہسپتال کی توسیع",
                "نکاسی آب کے منصوبے", "پل کی تعمیر"],
    "dept": ["آبپاشی", "تعلیم", "صحت", "بلدیات", "مال", "خوراک", "تعمیرات"],
    "group_pair": [
        "کسان|کسانوں", "مچھیرے|مچھیروں", "مزدور|مزدوروں", "دکاندار|دکانداروں",
        "اساتذہ|اساتذہ", "طلبہ|طلبہ", "نوجوان|نوجوانوں", "بزرگ|بزرگوں",
        "رکشہ ڈرائیور|رکشہ ڈرائیوروں", "تاجر|تاجروں", "کاشتکار|کاشتکاروں",
        "ریڑھی والے|ریڑھی والوں", "ماہی گیر|ماہی گیروں",
    ],
    "promise": [
        "پینے کا صاف پانی ہر گھر تک پہنچے گا", "ہر اسکول میں استاد موجود ہوگا",
        "سڑک مکمل ہو جائے گی", "ہسپتال میں ڈاکٹر اور دوائیں موجود ہوں گی",
        "لوڈشیڈنگ ختم ہو جائے گی", "ہر متاثرہ خاندان کو پکی چھت ملے گی",
    ],
    "want": ["صاف پانی", "چھت والا اسکول", "محنت کی پوری اجرت", "ڈاکٹر والا ہسپتال",
             "پکی سڑک"],
    "heard": ["ایک ہی شکایت سنی", "لوگ مہنگائی سے تنگ نظر آئے",
              "مائیں صرف صاف پانی مانگ رہی تھیں"],
    "elite_place": ["ڈرائنگ روموں", "بڑے ہوٹلوں", "وزارتوں کی راہداریوں", "ٹی وی اسٹوڈیوز"],
    "province": ["ساحل", "کیسر وادی", "ترناک", "شمالی علاقے"],
    "elder": ["بزرگ", "استاد", "دکاندار", "مچھیرے", "کسان"],
    "pol": ["میاں رفاقت دلدار", "بیگم شمیم آرزو", "سردار نوید کہسار", "حافظ جنید مہتاب",
            "زبیدہ نوری", "وزیر اعلیٰ نواب سلیم درانی", "صوبائی وزیر ریحانہ سبزواری"],
    "rank": ["افسر", "اہلکار", "ترجمان", "سینئر افسر"],
    "emotion": ["سخت ناراض ہیں", "شدید پریشان ہیں", "احتجاج کی تیاری کر رہے ہیں"],
    "occupation": ["دکاندار", "استاد", "رکشہ ڈرائیور", "مچھیرے", "کسان", "درزی"],
    "blocked": ["مرکزی سڑک", "قومی شاہراہ", "بازار", "ضلعی دفتر کا دروازہ"],
    "party": ["ساحل عوامی پارٹی", "پیپلز یونٹی لیگ", "دلمورا رینیوئل فرنٹ"],
    "assembly": ["ساحل صوبائی اسمبلی", "قومی پارلیمان"],
    "dismiss": ["بے بنیاد", "سیاسی ڈراما", "من گھڑت", "جھوٹ کا پلندہ"],
    "concern": ["گہری تشویش", "سخت افسوس", "شدید تشویش"],
    "res_demand": [
        "پینے کا صاف پانی فراہم کیا جائے", "ٹوٹی ہوئی سڑک کی مرمت کی جائے",
        "اسکولوں میں اساتذہ تعینات کیے جائیں", "سیلاب متاثرین کو معاوضہ ادا کیا جائے",
        "ہسپتال میں ادویات فراہم کی جائیں",
    ],
    "heroes": ["رضاکاروں", "نرسوں", "ماہی گیروں", "اساتذہ"],
}
