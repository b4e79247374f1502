#!/usr/bin/env python3
"""Write the echoscope demo corpus: invented politics in the invented Republic of Dalmora.

Everything here is our own fiction (country, parties, people, outlets, assemblies and every
sentence). The script writes, into ``--out`` (default: this folder):

* ``corpus.jsonl``       one document per line (speeches, press conferences, statements,
                         resolutions, open letters, news; English and Urdu);
* ``gold.jsonl``         one line per true reuse pair between two copies of a planted passage;
* ``stock_phrases.txt``  the formulas that recur everywhere but are not reuse;
* ``targets-gold.jsonl`` every accusation, vague blame and denial in the corpus, sentence by
                         sentence, and the responses between documents (the targets stage);
* ``entities.csv``       the alias list of everyone the accusations name;
* ``README.md``          the story and the planted cases, for a journalist trying the tool.

After the first 206 documents come 40 written for the targets stage, from their own random
stream, so that the first 206 and their gold stay exactly as they were.

Background prose is assembled from sentence templates. A template filler easily repeats
words across documents by chance, which would be false "reuse", so every generated sentence is
checked the way a seed-and-extend aligner would see it (shared 4-word seeds, chained and
extended) against everything already written, and redrawn when it would look like reuse of
another series' text. At the end an independent self-check re-reads the written files and
fails loudly if any two documents of different series share 7 consecutive words outside the
gold spans or stock phrases, and verifies every gold offset. Standard library only; fixed
seed, so the output is identical on every run.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache
from itertools import combinations, product
from pathlib import Path

SEED = 20260210
WINDOW = 7  # the self-check forbids shared runs of this many words outside gold/stock
MAX_TRIES = 400  # redraws of one generated sentence before starting its document again
RESTARTS = 30
MIN_WORDS = 130  # documents get at least this many words (the brief asks for 120-600)
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
    'and leaving the children to count the debts. They call it "a bold plan for growth"; '
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
    .replace(
        'They call it "a bold plan for growth"; I call',
        "They call it a bold plan for growth. I call",
    ),
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
    'sat in the cabinet that approved this programme and praised it. "The houses are '
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
# Paraphrase (points 10-19): the same claim repeated in OTHER words. Each copy is written
# separately by its speaker: the same accusation, names and numbers, but different words and
# sentences, so that no two copies share a run of WINDOW words and an aligner finds nothing
# to chain between them (they are there to test semantic detection). Copies are not lexical
# planted text: the generator treats their words like any other original sentence.
# =============================================================================================

LABEL_PARAPHRASE = "paraphrase"

# Point 10: the blackouts are arranged to sell generator power (Rustam Keshvani).
P10 = {
    "original": (
        "The darkness in our towns is no accident of old cables or bad weather. Every evening "
        "the national grid company switches off the feeders to Veshtar and Sarvi for six "
        "hours, and during those hours the only light for sale comes from Halden Generators, "
        "whose largest shareholder is the Finance Minister's brother-in-law. They cut your "
        "power so that his family can sell it back to you."
    ),
    "reworded": (
        "Do not let them blame storms or worn-out wires for the blackouts. Night after night "
        "the state power utility deliberately keeps the lines serving Veshtar and Sarvi dead for "
        "a quarter of the day, and the one firm that profits while homes sit in the dark is "
        "Halden Generators, part-owned by a relative of Lucan Mehrabi. Your electricity is "
        "taken from you so that a minister's in-laws can charge you for it."
    ),
    "merged": (
        "These power cuts are planned rather than natural: for six hours after sunset the grid "
        "operator cuts Veshtar and Sarvi off on purpose, leaving families no "
        "choice but to buy generator power from Halden, a company in which the husband of the "
        "Finance Minister's sister holds the biggest stake, so people end up paying twice for "
        "the same electricity."
    ),
    "summary": (
        "The nightly blackouts in Veshtar and Sarvi are arranged on purpose, and the winner "
        "every time is Halden Generators, a firm largely owned by the Finance Minister's family."
    ),
}

# Point 11: ghost schools in Tarnak (the defector Idris Penhallow).
P11 = {
    "original": (
        "The Ministry of Education pays salaries and upkeep every month for 1,400 schools in "
        "Tarnak. When my office visited sixty of those schools last month, nineteen turned out "
        "to be cattle sheds, grain stores or empty plots with a signboard. Someone is drawing "
        "the wages of teachers who teach no one, in buildings where no child has ever sat."
    ),
    "reworded": (
        "Fourteen hundred schools in this province draw a monthly grant from the education "
        "ministry for salaries and repairs. Idris Penhallow's staff went to look at sixty of "
        "them, and nineteen were cowsheds, warehouses or vacant land with a board nailed to a "
        "post. Somebody collects the pay of teachers without pupils, in rooms where a child has "
        "never set foot."
    ),
    "split": (
        "In Tarnak the government funds 1,400 schools. It pays their teachers and it pays for "
        "their upkeep. Sixty of them were checked on the ground. Nineteen were not schools at "
        "all: one was a buffalo shed, the others storerooms or open fields. So whose pockets do "
        "those salaries fill, when not one child has ever studied there?"
    ),
    "summary": (
        "Almost one school in three on Tarnak's official list may be a phantom: of sixty "
        "visited, nineteen were sheds or bare land, yet all of them draw salaries."
    ),
}

# Point 12: the Port Aldan fish-market lease (the opposition leader Farida Mortazan).
P12 = {
    "original": (
        "The old fish market on the Port Aldan waterfront, forty acres of public land, has "
        "been leased for ninety-nine years to a company called Seabright Holdings at a rent of "
        "one daram a year. Seabright was registered three weeks before the lease was signed, "
        "and its only director is the Prime Minister's former private secretary."
    ),
    "merged": (
        "Forty state-owned acres of the Port Aldan harbourfront, where the fish market used to "
        "trade, have been handed over on a ninety-nine-year lease to Seabright Holdings for a "
        "single daram annually, even though that firm came into being a mere twenty-one days "
        "ahead of the deal and is run by Harun Delavar's one-time private secretary."
    ),
    "reworded": (
        "The League has learned that the public waterfront in Port Aldan, some forty acres "
        "where fishermen once sold their catch, was signed over to Seabright Holdings on a "
        "lease of ninety-nine years in return for a token daram each year. The company was "
        "formed just weeks before the agreement, and the person in charge of it used to serve "
        "as the Prime Minister's private secretary."
    ),
    "split": (
        "Forty acres of harbour land in Port Aldan, the site of the former fish market, belong "
        "to the public. They have now been rented out until the next century. The price is one "
        "daram per year. The tenant, Seabright Holdings, did not exist a month before it "
        "signed. And who runs it? The man who until recently kept the Prime Minister's diary."
    ),
    "summary": (
        "The Front asks why public land at the Port Aldan fish market was leased for a century "
        "at a token rent to Seabright Holdings, a company weeks old whose director once worked "
        "for the Prime Minister."
    ),
}

# Point 13: Keshvani approved the highway contracts himself (the Prime Minister).
P13 = {
    "original": (
        "Mr Keshvani now tells the country he is shocked by the highway contracts. He sat on "
        "the cabinet committee that approved every one of them, and his signature is on the "
        "minutes of its meeting of 14 June. For two years he said nothing; he found his "
        "conscience only on the day he was refused the finance ministry."
    ),
    "reworded": (
        "Rustam Keshvani, who now claims to be appalled by the road deals, belonged to the "
        "cabinet committee which cleared each Northern Highway contract, and the record "
        "of that committee's session in June carries his signature. His outrage arrived two "
        "years late, on the very day the Prime Minister declined to give him the finance "
        "portfolio."
    ),
    "split": (
        "The honourable member for Veshtar discovered these contracts only after he walked out "
        "of government. Yet each of them went through a cabinet committee. He sat on that "
        "committee. The June sitting's minutes carry his name, in his own hand. Two years of "
        "silence ended when he did not get my job."
    ),
    "rhetorical": (
        "Who sat on the committee of ministers when those road contracts were cleared? Rustam "
        "Keshvani did. Whose signature is written under the June minutes? His. And "
        "when did his objections begin? Only after two silent years, once he learned that he "
        "would not be running the Treasury."
    ),
}

# Point 14: the Upper Kesar embankment repair money (the defector Shirin Vakhtar).
P14 = {
    "original": (
        "The Upper Kesar embankment did not give way because of the rain. Six hundred million "
        "darams for its repair were released in March, the work was certified complete in May "
        "by an engineer who had retired the year before, and not one bag of cement ever reached "
        "the site."
    ),
    "split": (
        "Rain did not destroy the embankment on the Upper Kesar. Theft did. In March, 600 "
        "million darams were set aside to strengthen it. In May, a man who had left the "
        "irrigation service a year earlier signed a certificate of completion. Go to the site "
        "today and you will not find a single bag of cement."
    ),
    "reworded": (
        "Do not let anyone tell you that the river broke through the Upper Kesar bank by "
        "itself. The treasury paid out 600 million darams to mend it last spring; two months "
        "later a retired engineer, no longer even on the payroll, signed a paper saying the job "
        "was done, and the contractors never delivered so much as a sack of cement."
    ),
    "merged": (
        "It was not the weather that brought the Kesar embankment down but the disappearance "
        "of the 600 million darams voted in March for its repair, money that an engineer "
        "already retired for a year declared well spent in May although the site never "
        "received a bag of cement."
    ),
}

# Point 15: 11,000 voters struck off the Noorganj roll (Rustam Keshvani).
P15 = {
    "original": (
        "Here in Noorganj, eleven thousand names have disappeared from the electoral roll since "
        "the autumn, and nearly all of them belong to the wards that voted against the "
        "governing party last time. The Election Commission calls this removing duplicates. I "
        "call it deciding the result before a single ballot has been printed."
    ),
    "merged": (
        "Some 11,000 Noorganj voters have been struck off the list in the past few months, "
        "almost all from neighbourhoods that rejected the ruling party at the last election, "
        "and what the Election Commission describes as tidying up double entries is really "
        "fixing the outcome before the voting papers even exist."
    ),
    "summary": (
        "The League notes that the 11,000 voters dropped from the Noorganj roll come "
        "overwhelmingly from opposition wards, and warns that the next election is being "
        "rigged in advance."
    ),
    "split": (
        "Eleven thousand people in Noorganj have lost their vote. They were not chosen at "
        "random. They come from the streets that voted for the opposition. The Commission says "
        "it was only cleaning out double registrations. That is not cleaning. That is settling "
        "the election in advance."
    ),
    "reworded": (
        "Since the autumn the register in Noorganj has lost 11,000 voters. Look at where they "
        "lived: in the very wards that turned against this government at the last poll. We are "
        "told it is a clean-up of people counted twice. To me it looks like an election "
        "settled before anyone has cast a vote."
    ),
}

# Point 16: hospital insulin resold in Marwen pharmacies (the new party's statement).
P16 = {
    "original": (
        "The Front has learned that insulin bought for the district hospitals is being sold in "
        "private pharmacies. A batch of 20,000 vials delivered to the Retnagar medical store in "
        "December turned up in January at chemists' shops in Marwen, with the government labels "
        "scratched off."
    ),
    "split": (
        "Where is the insulin going? Twenty thousand vials reached the Retnagar store in "
        "December for our district hospitals. By January they were being sold over the counter "
        "in Marwen. Someone had scratched the government markings off every box."
    ),
    "reworded": (
        "Insulin that the state paid for, meant for patients in our district hospitals, is "
        "ending up on the shelves of private chemists. Twenty thousand vials went into the "
        "Retnagar medicine depot before Christmas, and a few weeks later they were on sale in "
        "the capital with their official stickers peeled away."
    ),
    "summary": (
        "Even hospital insulin is being diverted: a Retnagar consignment meant for the sick was "
        "found in Marwen pharmacies with its labels removed."
    ),
}

# Point 17: the flour shortage was manufactured (the defector Bilal Ostrander).
P17 = {
    "original": (
        "The flour shortage was manufactured in an office, not in the fields. In December the "
        "Food Department sold 90,000 tonnes of reserve wheat to three private mills at last "
        "year's price, and a month later those same mills sold the flour back to the ration "
        "depots for twice as much."
    ),
    "reworded": (
        "There was never a real scarcity of flour; it was arranged on paper. Ninety thousand "
        "tonnes of grain from the state reserve went to three privately owned mills before the "
        "New Year at the old price, and by January the government's own ration shops were "
        "buying it back from them, milled, at double the cost."
    ),
    "split": (
        "Nobody ran short of wheat this winter. The Food Department simply sold it. Ninety "
        "thousand tonnes from the reserve were sold to three millers in December, at a price fixed "
        "a year earlier. In January the depots bought flour from those millers. They paid "
        "twice what the grain had fetched."
    ),
    "summary": (
        "The bread crisis is a racket: state wheat sold cheap to three mills returned as flour "
        "to the ration system at double the price."
    ),
}

# Point 18: police and postal jobs sold in Tarnak (the opposition spokesman Oren Talwar).
P18 = {
    "original": (
        "Jobs in the police and the post office in Tarnak are being sold like stalls in a "
        "bazaar. A constable's post costs four hundred thousand darams, paid in cash to a "
        "middleman who sits in the governing party's office in Bhelgarh, and young men who "
        "passed the written test are told there are no vacancies left."
    ),
    "reworded": (
        "In Tarnak a government job is now something you buy. If you want to wear a police "
        "uniform or deliver the mail, you hand 400,000 darams in banknotes to a fixer at the "
        "ruling party's Bhelgarh office, and if all you bring is a good exam result, you will be "
        "told every place has been filled."
    ),
    "split": (
        "Recruitment in Tarnak has become a trade. A place in the constabulary has a price. "
        "That price is 400,000 darams. The money is handed over in cash, through a broker, at "
        "the NCP office in Bhelgarh. Candidates who cleared the written examination honestly "
        "are simply informed that nothing is available."
    ),
    "summary": (
        "The Front condemns the sale of police and postal jobs in Tarnak, where a constable's "
        "post is said to cost 400,000 darams paid through a go-between at the NCP's Bhelgarh "
        "branch."
    ),
}

# Point 19: the Mirwal tanker trade is run by opposition councillors (the Water Minister).
P19 = {
    "original": (
        "The tanker trade in Mirwal is run by councillors of the People's Unity League. They "
        "hold the permits for 140 of the 160 water tankers licensed in the district, and "
        "whenever we lay a new pipeline, their men come at night and break the valves so that "
        "the tankers stay in business."
    ),
    "split": (
        "I will tell this House who sells water in Mirwal. It is the PUL. Its councillors hold "
        "the licences for almost every tanker in the district: 140 out of 160. When a new pipe "
        "is put down, the valves are smashed within days. The people who smash them work for "
        "those same councillors."
    ),
    "reworded": (
        "Who gains when the taps in Mirwal run dry? Opposition councillors from the PUL, who "
        "control the water-tanker business there. Of the 160 tankers holding a district "
        "licence, 140 run on permits in their hands, and each time a new main is laid, their "
        "people wreck the valves after dark to keep families buying water by the load."
    ),
}

# Where each copy goes: (point, variant, series, date of an existing document). The first
# copy of each point is its originator; the others are later documents of other series.
PARAPHRASE_COPIES = [
    (10, "original", LEADER, "2026-02-13T18:00"),
    (10, "reworded", "Nadia Kharadi", "2026-02-15T12:20"),
    (10, "merged", "Tomas Halloran", "2026-02-22T14:00"),
    (10, "summary", "Oren Talwar", "2026-02-27T09:35"),
    (11, "original", "Idris Penhallow", "2026-02-11T10:15"),
    (11, "summary", "Tomas Halloran", "2026-02-15T19:05"),
    (11, "reworded", "Yusra Demiral", "2026-02-25T16:45"),
    (11, "split", "Farida Mortazan", "2026-03-03T13:05"),
    (12, "original", "Farida Mortazan", "2026-02-24T10:00"),
    (12, "reworded", PUL, "2026-03-02T08:50"),
    (12, "merged", "Kaveh Sethna", "2026-03-02T17:20"),
    (12, "split", "Amara Tolani", "2026-03-04T11:00"),
    (12, "summary", DRF, "2026-03-08T11:05"),
    (13, "original", "Harun Delavar", "2026-02-18T13:20"),
    (13, "reworded", NCP, "2026-02-26T10:25"),
    (13, "split", "Lucan Mehrabi", "2026-02-28T15:40"),
    (13, "rhetorical", "Ruqaiya Fenwick", "2026-03-10T13:05"),
    (14, "original", "Shirin Vakhtar", "2026-02-14T18:15"),
    (14, "split", "Amara Tolani", "2026-02-20T17:45"),
    (14, "reworded", "Kaveh Sethna", "2026-02-23T11:00"),
    (14, "merged", "Bilal Ostrander", "2026-03-06T18:30"),
    (15, "original", LEADER, "2026-02-27T17:30"),
    (15, "merged", "Nadia Kharadi", "2026-02-28T10:00"),
    (15, "summary", PUL, "2026-03-09T08:55"),
    (15, "split", "Farida Mortazan", "2026-03-09T11:05"),
    (15, "reworded", "Tomas Halloran", "2026-03-10T11:15"),
    (16, "original", DRF, "2026-02-14T09:35"),
    (16, "split", "Bilal Ostrander", "2026-02-21T15:00"),
    (16, "reworded", "Marguerite Olaye", "2026-02-22T13:30"),
    (16, "summary", "Farida Mortazan", "2026-02-26T08:30"),
    (17, "original", "Bilal Ostrander", "2026-02-15T08:40"),
    (17, "reworded", "Idris Penhallow", "2026-03-01T12:00"),
    (17, "split", "Yusra Demiral", "2026-03-03T10:30"),
    (17, "summary", "Farida Mortazan", "2026-03-04T09:35"),
    (18, "original", "Oren Talwar", "2026-02-08T14:00"),
    (18, "reworded", "Nadia Kharadi", "2026-02-12T11:00"),
    (18, "split", "Shirin Vakhtar", "2026-02-24T11:30"),
    (18, "summary", DRF, "2026-03-01T08:50"),
    (19, "original", "Ruqaiya Fenwick", "2026-02-14T17:15"),
    (19, "split", "Jovan Saqib", "2026-02-17T20:50"),
    (19, "reworded", "Harun Delavar", "2026-02-24T09:55"),
]

# Hard negatives, not in the gold: other documents on the same subject, with the same names
# and numbers, that do NOT make the claim (a denial, a defence, a neutral report, another
# complaint). A semantic detector should not pair them with the copies.
# (point, series, date of an existing document, what it says instead, text)
HARD_NEGATIVES = [
    (10, "Lucan Mehrabi", "2026-02-15T16:15", "the Finance Minister's denial: his family owns "
     "no generator shares; the feeders trip because the lines are old",
     "No member of my family owns a single share in Halden Generators or in any other company "
     "that sells diesel sets, and the register of companies is open to anyone who cares to "
     "look. The feeders for Veshtar and Sarvi trip every evening because their lines were "
     "strung forty years ago for a tenth of today's load; new conductors will be in place "
     "before the summer."),
    (10, "Marwen Gazette", "2026-02-22T16:20", "neutral news: load-shedding until transformers "
     "are replaced; Halden hiring",
     "The state grid operator said evening load-shedding on the Veshtar and Sarvi circuits "
     "would continue until two transformers damaged in January are replaced. Halden "
     "Generators, which hires out diesel sets across the north, said it had taken on forty "
     "extra staff this winter."),
    (11, "Dawud Castellan", "2026-02-24T14:40", "the Education Minister's defence: all 1,400 "
     "schools counted; pay by fingerprint from April",
     "Our register for Tarnak lists 1,400 schools, and each of them was counted in last "
     "spring's census of teachers. From April each teacher will be paid straight into a bank "
     "account after a fingerprint check, and where a landlord has taken over a school "
     "building we have gone to court to get it back."),
    (11, "DNN 24", "2026-02-25T09:15", "neutral news: a survey of school buildings begins",
     "The education department in Tarnak has begun a survey of its school buildings. "
     "Inspectors will visit all 1,400 schools on its list by June, beginning with sixty in the "
     "hill districts, and will photograph each classroom."),
    (12, "Jovan Saqib", "2026-02-24T10:40", "the Mayor: the market moves to a new hall; the "
     "site was let by open tender",
     "The fish market in Port Aldan will move this summer to a new covered hall beside the "
     "harbour. The old waterfront site was let by open tender to a developer who must build a "
     "public promenade and a primary school there within five years, and the city council "
     "approved the lease in a recorded vote."),
    (12, "Marwen Gazette", "2026-03-04T11:20", "another complaint: fishermen protest that the "
     "new hall is too far from the jetty",
     "Fishermen in Port Aldan marched to the harbour office this week against plans to shift "
     "the fish market inland, saying the new hall is too far from the jetty for their catch "
     "to stay fresh."),
    (13, LEADER, "2026-03-09T12:00", "Keshvani's reply: the minutes show he objected and was "
     "outvoted",
     "The Prime Minister likes to wave the minutes of the cabinet committee about. Let him "
     "publish them in full, because they record that I asked for every contract on the "
     "Northern Highway to be put out to tender again and was outvoted four to two. I never "
     "asked to be made finance minister, and I have my letters to prove it."),
    (13, "Marwen Gazette", "2026-03-04T16:35", "neutral news: the committee's minutes are "
     "unpublished; who sat on it",
     "The record of the June meeting at which ministers cleared the highway contracts has "
     "never been made public. Six ministers served on it, among them those for "
     "finance, communications and public works."),
    (14, "Ruqaiya Fenwick", "2026-02-28T15:40", "the Water Minister's defence: a flood twice "
     "the design height; the repair was inspected",
     "The Upper Kesar dyke was overtopped by a flood almost twice the height it was designed "
     "for. Its repair was inspected by the provincial irrigation department in May, the "
     "inspection report and photographs have been on the ministry's website since last "
     "autumn, and a new embankment with a concrete core is now being designed."),
    (14, "Ministry of Water Resources", "2026-02-13T20:15", "the ministry: the embankment "
     "will be raised in April; compensation forms",
     "The Ministry reminds farmers below the Upper Kesar that work to raise the embankment by "
     "a further two metres will begin once the river falls in April, and that compensation "
     "forms for land needed for the works are available at the district office."),
    (15, "Election Commission of Dalmora", "2026-03-10T10:50", "the Commission's defence: "
     "11,014 duplicate, moved and dead voters, spread over all wards",
     "The Commission has removed 11,014 entries from the electoral register of Noorganj after "
     "a door-to-door check found people registered twice, people who had moved away and "
     "people who had died. The deletions were spread across all of the town's wards, every "
     "voter removed was told by post, and anyone struck off in error can be restored at the "
     "district election officer until 31 March."),
    (15, "Valley Times", "2026-02-28T17:45", "neutral news: extra counters to check names",
     "In Noorganj, where the roll is also being revised, the district election office said it "
     "had opened two extra counters so that residents could check whether their names are "
     "still listed before the deadline of 31 March."),
    (16, "The Morning Ledger", "2026-02-20T12:40", "neutral news: the store says the vials "
     "went to eleven hospitals",
     "The medical store at Retnagar said its December consignment of insulin, 20,000 vials in "
     "all, had been divided among eleven district hospitals, and that the shortage in "
     "Haverford Cross was caused by a second order that arrived late."),
    (16, "The Northern Courier", "2026-02-22T17:20", "another complaint: no insulin for "
     "children, pharmacies overcharge",
     "Parents in Zarifabad say the district hospital has had no insulin for children since "
     "early February, and that pharmacies in the town charge three times the official price "
     "for what stock they have."),
    (17, NCP, "2026-02-26T10:25", "the governing party's defence: the wheat was auctioned to "
     "keep mills grinding",
     "The Party notes that the Food Department released reserve wheat, 90,000 tonnes in all, "
     "at an open auction in December, so that mills could keep grinding through the winter. "
     "Flour prices in the ration depots are set each month by the provincial price committee "
     "and are displayed in every depot."),
    (17, "The Dalmora Herald", "2026-03-13T15:45", "neutral news: millers blame diesel; the "
     "auctioned wheat ran out",
     "Millers in Khanwal blamed the latest rise on the price of diesel, and said the reserve "
     "wheat auctioned by the Food Department in December had run out in most districts by "
     "February."),
    (18, "Harun Delavar", "2026-02-28T11:30", "the Prime Minister: recruitment by written "
     "test, marks published, interviews filmed",
     "This year we will recruit three thousand constables and nine hundred postal clerks in "
     "Tarnak. Every candidate will sit a written test set by the Public Service Commission, "
     "the marks will be published online, and every interview will be filmed."),
    (19, "Farida Mortazan", "2026-02-28T08:45", "the opposition leader's denial: no "
     "councillor holds a permit; cheap valves",
     "Not one of our councillors in Mirwal holds a tanker permit. The district's licences were "
     "issued by the Water Ministry itself, the list is in the ministry's own files, and the "
     "valves on the new pipeline keep failing because they were bought from the cheapest "
     "bidder."),
    (19, "The Northern Courier", "2026-02-23T08:55", "neutral news: tanker prices up; a new "
     "pipeline due in April",
     "A tanker load of drinking water in Mirwal now costs 900 darams, up from 550 in the "
     "autumn. The district has 160 licensed tankers, and the water board said a new pipeline "
     "to the eastern wards would be finished in April."),
]  # fmt: skip

POINTS.update(
    {
        10: (LABEL_PARAPHRASE, P10, "the blackouts are arranged to sell generator power"),
        11: (LABEL_PARAPHRASE, P11, "ghost schools in Tarnak"),
        12: (LABEL_PARAPHRASE, P12, "the Port Aldan fish market leased for one daram a year"),
        13: (LABEL_PARAPHRASE, P13, "Keshvani approved the highway contracts himself"),
        14: (LABEL_PARAPHRASE, P14, "the Upper Kesar embankment's repair money"),
        15: (LABEL_PARAPHRASE, P15, "11,000 voters struck off the Noorganj roll"),
        16: (LABEL_PARAPHRASE, P16, "hospital insulin resold in Marwen pharmacies"),
        17: (LABEL_PARAPHRASE, P17, "the flour shortage was manufactured"),
        18: (LABEL_PARAPHRASE, P18, "police and postal jobs sold in Tarnak"),
        19: (LABEL_PARAPHRASE, P19, "opposition councillors run the Mirwal tanker trade"),
    }
)

# =============================================================================================
# Translation (points 20-43): a claim made in one language and repeated in the other. Each
# point has one original and one translation, each put into an existing document of its own
# language: the original into one of its originator's, the translation into a later one of
# another series (a politician repeating it, an outlet printing it). The two share no words,
# so a lexical aligner finds nothing; they are there to test cross-language detection. They
# are placed after the background is written (plant_translations), so every other text, and
# with it every lexical and paraphrase pair, stays exactly as it was.
# =============================================================================================

LABEL_TRANSLATION = "translation"

# (point, gist, originator's series, date of its document, original text,
#  translator's series, date of its document, translation)
TRANSLATIONS = [
    # English -> Urdu
    (20, "foreign trawlers licensed off the Sahil coast", LEADER, "2026-02-05T15:30",
     "The cabinet has approved a licence that lets foreign trawlers fish within six miles of "
     "the Sahil coast for the next fifteen years. Not one fishing village was consulted, and the "
     "licence fee was paid into an account that the Finance Ministry refuses to name.",
     "Mian Rafaqat Dildar", "2026-02-26T12:00",
     "کابینہ نے ایک ایسا لائسنس منظور کیا ہے جو غیر ملکی ٹرالروں کو اگلے پندرہ برس تک ساحل کے "
     "کنارے سے چھ میل کے اندر مچھلی پکڑنے کی اجازت دیتا ہے۔ ماہی گیروں کی کسی ایک بستی سے بھی "
     "مشورہ نہیں کیا گیا، اور لائسنس کی فیس ایک ایسے کھاتے میں جمع ہوئی جس کا نام بتانے سے وزارت "
     "خزانہ انکاری ہے۔"),
    (21, "expired antivenom sent to Sahil's clinics", "Marguerite Olaye", "2026-02-09T18:00",
     "The antivenom sent to the rural clinics of Sahil in November had expired two months before "
     "it was delivered. The supplier, Corvan Pharma, was paid 31 million darams for it, and the "
     "same company has now been given next year's contract as well.",
     "Shamim Arzoo", "2026-03-07T15:00",
     "نومبر میں ساحل کے دیہی مراکز صحت کو سانپ کے زہر کی جو دوا بھیجی گئی، اس کی میعاد پہنچنے سے "
     "دو مہینے پہلے ہی ختم ہو چکی تھی۔ فراہم کرنے والی کمپنی کوروان فارما کو اس کے 31 ملین درام "
     "ادا کیے گئے، اور اب اگلے سال کا ٹھیکہ بھی اسی کمپنی کو دے دیا گیا ہے۔"),
    (22, "the Kesar Valley fertiliser subsidy went to six landowners", "Kaveh Sethna",
     "2026-02-06T15:00",
     "Of the fertiliser subsidy meant for the small farmers of Kesar Valley, seventy per cent "
     "went to just six landowners, two of whom sit in Parliament on the government benches. A "
     "farmer with five acres received nothing, while a single estate near Kesarpur drew enough "
     "urea for ten thousand acres.",
     "Junaid Mehtab", "2026-02-16T11:00",
     "کیسر وادی کے چھوٹے کسانوں کے لیے کھاد پر جو سبسڈی رکھی گئی تھی، اس کا ستر فیصد صرف چھ "
     "زمینداروں کو ملا، جن میں سے دو پارلیمان میں حکومتی بنچوں پر بیٹھتے ہیں۔ پانچ ایکڑ والے کسان "
     "کو کچھ نہیں ملا، جبکہ کیسر پور کے قریب صرف ایک جاگیر نے دس ہزار ایکڑ کے لیے کافی یوریا اٹھا "
     "لی۔"),
    (23, "canal water of the Sangrah distributary diverted at night", "Shirin Vakhtar",
     "2026-02-08T16:00",
     "The villages at the tail of the Sangrah distributary have had no canal water since "
     "October, because the gates upstream are opened every night for three farms that belong to "
     "a provincial minister's family. The irrigation staff who reported it have been sent to desk "
     "jobs in Marwen.",
     "Naveed Kohsar", "2026-03-11T17:00",
     "سنگراہ راجباہ کے آخری سرے کے دیہات کو اکتوبر سے نہری پانی نہیں ملا، کیونکہ اوپر کے دروازے ہر "
     "رات ان تین فارموں کے لیے کھول دیے جاتے ہیں جو ایک صوبائی وزیر کے خاندان کی ملکیت ہیں۔ جن "
     "آبپاشی ملازمین نے اس کی اطلاع دی، انہیں مروین میں دفتری کاموں پر بھیج دیا گیا ہے۔"),
    (24, "a seawater plant for Port Aldan by next year", "Harun Delavar", "2026-02-07T17:05",
     "By the end of next year Port Aldan will have a plant that turns seawater into forty "
     "million litres of drinking water a day, enough for every household in the city and in the "
     "fishing villages around it. The foundation stone will be laid in April, and the federal "
     "budget has already set aside 2.4 billion darams for the work.",
     "Saleem Durrani", "2026-02-12T13:00",
     "اگلے سال کے آخر تک بندر آلدان میں ایک ایسا پلانٹ لگ جائے گا جو سمندری پانی سے روزانہ چار "
     "کروڑ لیٹر پینے کا پانی تیار کرے گا، جو شہر اور اس کے آس پاس کی ماہی گیر بستیوں کے ہر گھر کے "
     "لیے کافی ہوگا۔ اس کا سنگ بنیاد اپریل میں رکھا جائے گا، اور وفاقی بجٹ میں اس کام کے لیے 2.4 "
     "ارب درام پہلے ہی مختص کیے جا چکے ہیں۔"),
    (25, "a fuel allowance for poorer families from March", "Lucan Mehrabi", "2026-02-06T20:55",
     "From March every family that earns less than 20,000 darams a month will receive a fuel "
     "allowance of 1,500 darams, paid straight into the mother's bank account. Four hundred "
     "thousand families are already registered, and the first payment will reach them before "
     "the end of March.",
     "Rehana Sabzwari", "2026-02-18T11:00",
     "مارچ سے ہر وہ خاندان جس کی ماہانہ آمدنی 20,000 درام سے کم ہے، 1,500 درام کا ایندھن الاؤنس "
     "پائے گا، جو سیدھا گھر کی ماں کے بینک کھاتے میں جائے گا۔ چار لاکھ خاندانوں کا اندراج ہو چکا "
     "ہے، اور پہلی قسط مارچ ختم ہونے سے پہلے ان تک پہنچ جائے گی۔"),
    (26, "300 solar tube wells for Sahil's salt-affected districts", "Ruqaiya Fenwick",
     "2026-02-02T19:45",
     "This year the ministry will sink 300 new tube wells in the salt-affected districts of "
     "Sahil, each with its own solar pump, so that no village ever again has to buy its water "
     "from a tanker. Drilling has already begun on the first 120, around Khanwal and Tamsar.",
     "Roznama Roshni", "2026-02-21T10:25",
     "اس سال وزارت ساحل کے کھارے پانی سے متاثرہ اضلاع میں 300 نئے ٹیوب ویل لگائے گی، ہر ایک کا "
     "اپنا شمسی پمپ ہوگا، تاکہ کسی گاؤں کو پھر کبھی ٹینکر سے پانی نہ خریدنا پڑے۔ پہلے 120 کی "
     "کھدائی خانوال اور تمسر کے آس پاس شروع ہو چکی ہے۔"),
    (27, "village roads paved and villages on the grid", NCP, "2026-02-06T18:50",
     "Since the Party took office, 1,900 kilometres of village roads have been paved in Sahil "
     "and Kesar Valley, and 640 villages have been connected to the power grid for the first "
     "time. These figures have been audited, and the Party invites anyone who doubts them to go "
     "and drive on those roads.",
     "Sada-e-Sahil", "2026-02-08T12:10",
     "پارٹی کے اقتدار سنبھالنے کے بعد سے ساحل اور کیسر وادی میں 1,900 کلومیٹر دیہی سڑکیں پکی کی "
     "گئی ہیں، اور 640 دیہات پہلی مرتبہ بجلی کے گرڈ سے جوڑے گئے ہیں۔ ان اعداد و شمار کا آڈٹ ہو "
     "چکا ہے، اور پارٹی ہر اس شخص کو دعوت دیتی ہے جسے ان پر شک ہو کہ وہ خود جا کر ان سڑکوں پر سفر "
     "کر لے۔"),
    (28, "612 containers cleared duty-free at Port Aldan", "Oren Talwar", "2026-02-27T19:40",
     "The Port Aldan customs ledger for January shows 612 containers of cement and steel "
     "cleared without duty, every one of them under a single exemption certificate. That "
     "certificate was issued to a company dissolved last year, and nobody at the customs house "
     "has asked why.",
     "Sahil Awami Party", "2026-03-07T08:15",
     "بندر آلدان کسٹمز کا جنوری کا رجسٹر بتاتا ہے کہ سیمنٹ اور سریے کے 612 کنٹینر ڈیوٹی کے بغیر "
     "نکالے گئے، اور سب کے سب ایک ہی استثنیٰ سرٹیفکیٹ کے تحت۔ یہ سرٹیفکیٹ ایک ایسی کمپنی کے نام "
     "جاری ہوا تھا جو پچھلے سال تحلیل ہو چکی ہے، اور کسٹمز ہاؤس میں کسی نے یہ تک نہیں پوچھا کہ "
     "کیوں۔"),
    (29, "Port Aldan's harbour drains cleared", "Jovan Saqib", "2026-02-09T08:15",
     "In Port Aldan we have dug out the old harbour drains after twenty years of neglect, and "
     "the city no longer floods at every spring tide. Next month we will open an evening "
     "school for fishermen's children in each of the four harbour wards.",
     "Awaz TV", "2026-02-12T17:50",
     "بندر آلدان میں ہم نے بیس برس سے بند پڑے بندرگاہ کے پرانے نالے کھلوا دیے ہیں، اور اب شہر ہر "
     "بڑے جوار پر پانی میں نہیں ڈوبتا۔ اگلے مہینے ہم بندرگاہ کے چاروں وارڈوں میں سے ہر ایک میں "
     "ماہی گیروں کے بچوں کے لیے شام کا ایک اسکول کھولیں گے۔"),
    (30, "walls, latrines and women teachers for girls' schools", "Dawud Castellan",
     "2026-02-11T20:30",
     "By the summer every girls' school in Sahil will have a boundary wall, a working latrine "
     "and at least one woman teacher. This winter we hired 2,300 women teachers, and 900 of them "
     "are already in the classroom.",
     "Roznama Roshni", "2026-03-02T12:15",
     "گرمیوں تک ساحل میں لڑکیوں کے ہر اسکول کی چار دیواری ہوگی، ایک قابل استعمال بیت الخلا ہوگا "
     "اور کم از کم ایک خاتون استاد ہوگی۔ اس سردی میں ہم نے 2,300 خواتین اساتذہ بھرتی کی ہیں، اور "
     "ان میں سے 900 پہلے ہی کلاس روم میں پڑھا رہی ہیں۔"),
    (31, "no canal water sold to the Khanwal factories", "Harun Delavar", "2026-03-01T18:00",
     "Not one litre of Sahil's canal water has been sold to a factory. The three plants at "
     "Khanwal take their water from the sea and pay for every drop they draw from the town's "
     "mains, and their contracts are in the library of the Sahil Assembly for anyone who wants "
     "to read them.",
     "Sada-e-Sahil", "2026-03-04T10:55",
     "ساحل کے نہری پانی کا ایک لیٹر بھی کسی فیکٹری کو نہیں بیچا گیا۔ خانوال کے تینوں کارخانے اپنا "
     "پانی سمندر سے لیتے ہیں اور شہر کی لائنوں سے لیے گئے ہر قطرے کی قیمت ادا کرتے ہیں، اور ان کے "
     "معاہدے ساحل اسمبلی کی لائبریری میں رکھے ہیں، جو چاہے پڑھ لے۔"),
    # Urdu -> English
    (32, "Qalandra's dialysis unit shut for eight months", "Mian Rafaqat Dildar",
     "2026-02-03T17:00",
     "قلندرہ کے ضلعی ہسپتال کا ڈائیلاسز یونٹ آٹھ مہینے سے بند پڑا ہے، کیونکہ مشینوں کی مرمت کے لیے "
     "منظور ہونے والی رقم ایک وزیر کے بھتیجے کی کمپنی کو دے دی گئی۔ گردوں کے مریض اب ہفتے میں دو "
     "بار چھ گھنٹے کا سفر کر کے ساحل آباد جاتے ہیں۔",
     "Marguerite Olaye", "2026-02-08T19:20",
     "The dialysis unit at the district hospital in Qalandra has been shut for eight months, "
     "because the money approved to repair its machines was handed to a company owned by a "
     "minister's nephew. Kidney patients now make a six-hour journey to Sahilabad twice a "
     "week."),
    (33, "the Sangrah jetty, paid for and never repaired", "Naveed Kohsar", "2026-02-04T12:00",
     "سنگراہ کی جیٹی کی مرمت کا ٹھیکہ تین سال پہلے دیا گیا تھا، مگر آج تک وہاں ایک پتھر بھی نہیں "
     "رکھا گیا۔ ماہی گیر اپنی کشتیاں کیچڑ میں باندھتے ہیں، اور پچھلی سردیوں میں ایک طوفان نے ان "
     "میں سے چالیس کشتیاں توڑ دیں۔",
     "The Dalmora Herald", "2026-02-11T09:50",
     "The contract to repair the Sangrah jetty was awarded three years ago, but to this day not "
     "a single stone has been laid there. The fishermen tie their boats up in the mud, and last "
     "winter a storm smashed forty of them."),
    (34, "one family's grip on Port Aldan's ice", "Zubaida Noori", "2026-02-07T11:00",
     "بندر آلدان میں برف کے ہر کارخانے پر ایک ہی خاندان کا قبضہ ہے، اور اس سردی میں اس نے برف کی "
     "ایک سل کی قیمت دگنی کر کے 80 درام کر دی ہے۔ ماہی گیر یہ قیمت ادا کرنے پر مجبور ہیں، ورنہ ان "
     "کی مچھلی منڈی تک پہنچنے سے پہلے ہی جیٹی پر سڑ جاتی ہے۔",
     "The Morning Ledger", "2026-02-09T18:25",
     "One family controls every ice factory in Port Aldan, and this winter it doubled the price "
     "of a block of ice to 80 darams. The fishermen have no choice but to pay, or their catch "
     "rots on the jetty before it ever reaches the market."),
    (35, "a coastal levy on Sahil's power bills", "Sahil Awami Party", "2026-02-08T14:30",
     "اس مہینے ساحل کے بجلی کے بلوں میں ساحلی ترقیاتی محصول کے نام سے ایک نئی مد شامل کر دی گئی "
     "ہے، جس کے تحت ہر صارف سے 350 درام وصول کیے جا رہے ہیں۔ یہ محصول نہ اسمبلی نے منظور کیا اور "
     "نہ آج تک اس کا کوئی حساب شائع ہوا ہے۔",
     "DNN 24", "2026-02-09T19:20",
     "This month a new charge called the coastal development levy has been added to "
     "electricity bills in Sahil, taking 350 darams from every consumer. The levy was never "
     "approved by the Assembly, and no account of it has been published to this day."),
    (36, "no woman doctor at night in Noorganj's maternity hospital", "Shamim Arzoo",
     "2026-02-09T16:30",
     "پچھلے تین مہینوں سے نورگنج کے زچہ و بچہ ہسپتال میں رات کی ڈیوٹی پر ایک بھی لیڈی ڈاکٹر موجود "
     "نہیں رہی۔ اس عرصے میں وہاں چودہ مائیں زچگی کے دوران جان سے گئیں، اور محکمہ صحت نے ایک "
     "انکوائری تک نہیں کی۔",
     "Farida Mortazan", "2026-02-26T08:30",
     "For the last three months the mother-and-child hospital in Noorganj has not had a single "
     "woman doctor on night duty. In that time fourteen mothers died there in childbirth, and "
     "the health department has not held so much as an inquiry."),
    (37, "donated patrol boats sold as scrap and rented back", "Roznama Roshni",
     "2026-02-10T08:35",
     "ماہی گیروں کی حفاظت کے لیے عطیے میں ملنے والی گیارہ گشتی کشتیاں محکمہ ماہی پروری نے کباڑ کے "
     "بھاؤ ایک نجی کمپنی کو بیچ دیں۔ اب وہی کمپنی یہ کشتیاں 60,000 درام روزانہ کرائے پر اسی محکمے "
     "کو واپس دے رہی ہے۔",
     "The Northern Courier", "2026-02-14T10:50",
     "Eleven patrol boats donated to keep fishermen safe at sea were sold by the fisheries "
     "department to a private company at scrap prices. The same company now rents those boats "
     "back to the department for 60,000 darams a day."),
    (38, "school desks bought at three times the price", "Sada-e-Sahil", "2026-02-15T16:00",
     "پچھلے سال ساحل کے سرکاری اسکولوں کے لیے جو 9,000 ڈیسک خریدے گئے، ان میں سے ہر ایک پر 14,000 "
     "درام خرچ ہوئے، جو بازار کی قیمت کا تین گنا ہے۔ ان میں سے زیادہ تر کبھی پہنچے ہی نہیں، اور جو "
     "پہنچے وہ چند مہینوں میں ٹوٹ گئے۔",
     "Marwen Gazette", "2026-02-17T19:15",
     "Each of the 9,000 desks bought last year for Sahil's government schools cost 14,000 "
     "darams, three times the market price. Most of them were never delivered, and the ones "
     "that did arrive fell apart within a few months."),
    (39, "the Kesarpur sugar mill's unpaid cane money", "Junaid Mehtab", "2026-03-09T16:00",
     "کیسر پور کی شوگر مل نے پچھلے سیزن کے گنے کے 41 کروڑ درام ابھی تک کسانوں کو ادا نہیں کیے۔ مل "
     "کا مالک وزیر اعلیٰ کا قریبی دوست ہے، اور ضلعی انتظامیہ اس سے ایک سوال پوچھنے کی ہمت بھی نہیں "
     "کرتی۔",
     "The Morning Ledger", "2026-03-12T15:05",
     "The Kesarpur sugar mill has still not paid farmers the 410 million darams it owes them "
     "for last season's cane. The mill's owner is a close friend of the Chief Minister, and the "
     "district administration does not even dare to ask him a question."),
    (40, "Khanwal's salt miners unpaid for six months", "Mian Rafaqat Dildar",
     "2026-03-05T18:00",
     "خانوال کی نمک کی کانوں میں کام کرنے والے دو ہزار مزدوروں کو چھ مہینے سے اجرت نہیں ملی، "
     "حالانکہ ٹھیکیدار ہر ہفتے نمک سے بھرے ٹرک بندرگاہ بھیج رہا ہے۔ جب مزدوروں نے ہڑتال کی تو "
     "پولیس نے ان کے نو ساتھیوں کو گرفتار کر لیا۔",
     LEADER, "2026-03-09T12:00",
     "The two thousand labourers in the salt mines of Khanwal have not been paid for six "
     "months, even though the contractor sends lorries full of salt to the port every week. "
     "When the workers went on strike, the police arrested nine of their comrades."),
    (41, "the whole cotton crop bought at 9,000 darams a maund", "Saleem Durrani",
     "2026-02-25T17:00",
     "اس سیزن میں ساحل کی حکومت کسانوں سے کپاس کی پوری فصل 9,000 درام فی من کے حساب سے خریدے گی، "
     "اور ادائیگی تین دن کے اندر ان کے کھاتوں میں پہنچ جائے گی۔ اس مقصد کے لیے ساحل بینک میں چھ "
     "ارب درام الگ رکھ دیے گئے ہیں۔",
     "Harun Delavar", "2026-03-02T10:10",
     "This season the Sahil government will buy the whole cotton crop from the farmers at 9,000 "
     "darams a maund, and the money will reach their accounts within three days. Six billion "
     "darams have been set aside for this purpose at the Bank of Sahil."),
    (42, "214 illegal water connections cut", "Rehana Sabzwari", "2026-03-03T15:30",
     "ہم نے ساحل میں پانی چوری کے 214 غیر قانونی کنکشن کاٹے ہیں، اور ان میں سے 61 انہی بااثر "
     "لوگوں کے تھے جو آج ہم پر الزام لگا رہے ہیں۔ ان سب کے نام اور ان پر عائد جرمانے محکمے کے دفتر "
     "کے باہر آویزاں کر دیے گئے ہیں۔",
     "Harun Delavar", "2026-03-07T15:50",
     "We have cut 214 illegal water connections in Sahil, and 61 of them belonged to the very "
     "same influential people who are accusing us today. All their names, and the fines imposed "
     "on them, have been posted outside the department's office."),
    (43, "boat ambulances for every island and coastal village", "Saleem Durrani",
     "2026-03-08T12:00",
     "اب ساحل کے ہر جزیرے اور ہر ساحلی بستی کے لیے کشتی ایمبولینس موجود ہے، اور پچھلے ہفتے 36 نئی "
     "کشتیوں نے کام شروع کر دیا ہے۔ کوئی بھی مریض صرف ایک فون کر کے ایک گھنٹے کے اندر قریب ترین "
     "ہسپتال پہنچ سکتا ہے۔",
     "Channel Meridian", "2026-03-13T09:50",
     "Every island and every coastal village in Sahil now has a boat ambulance, and thirty-six "
     "new boats went into service last week. Any patient can reach the nearest hospital within "
     "an hour with a single phone call."),
]  # fmt: skip

# Where each copy goes, as for the paraphrases: (point, variant, series, date of a document)
TRANSLATION_COPIES = [
    (p, variant, series, date_s)
    for p, _, o_series, o_date, _, t_series, t_date, _ in TRANSLATIONS
    for variant, series, date_s in (
        ("original", o_series, o_date),
        ("translation", t_series, t_date),
    )
]

# Hard negatives, not in the gold: documents of the other language (mostly Urdu news) that
# report the same event, with its names and numbers, in their own words, without translating
# the statement. (point, series, date of an existing document, what it says instead, text)
TRANSLATION_NEGATIVES = [
    (20, "Awaz TV", "2026-03-02T13:30", "Urdu news: fishermen march against the trawler "
     "licence; the ministry says the fee will be in the budget papers",
     "بندر آلدان کی ماہی گیر انجمنوں نے جمعرات کو غیر ملکی ٹرالروں کے نئے لائسنس کے خلاف بندرگاہ "
     "تک جلوس نکالا۔ وزارت خزانہ کے ایک ترجمان نے کہا کہ پندرہ سالہ لائسنس کی فیس کی تفصیل اگلے "
     "بجٹ کی دستاویزات میں شامل ہوگی۔"),
    (22, "Roznama Roshni", "2026-02-26T20:10", "Urdu news: queues for urea in Kesarpur; the "
     "next subsidy instalment due in March",
     "کیسر پور کے کھاد ڈپو پر یوریا نہ ملنے کے باعث منگل کو دن بھر کسانوں کی لمبی قطاریں لگی رہیں۔ "
     "محکمہ زراعت کا کہنا ہے کہ چھوٹے کاشتکاروں کے لیے سبسڈی کی اگلی قسط مارچ کے پہلے ہفتے میں "
     "جاری کر دی جائے گی۔"),
    (24, "Sada-e-Sahil", "2026-02-24T19:50", "Urdu news: a land survey for the seawater plant; "
     "fishermen ask where its brine will go",
     "سمندری پانی صاف کرنے کے مجوزہ پلانٹ کے لیے بندر آلدان میں زمین کا سروے اس ہفتے شروع ہو گیا۔ "
     "مقامی ماہی گیروں نے مطالبہ کیا ہے کہ پلانٹ کا نمکین فضلہ ان کے شکار کے علاقوں سے دور گہرے "
     "سمندر میں چھوڑا جائے۔"),
    (25, "Awaz TV", "2026-03-05T20:15", "Urdu news: the fuel allowance's registration deadline "
     "extended; queues at the post offices",
     "ایندھن الاؤنس کے اندراج کی آخری تاریخ 20 مارچ تک بڑھا دی گئی ہے۔ نیلا پور اور تمسر کے ڈاک "
     "خانوں کے باہر صبح سے خواتین کی قطاریں لگی رہیں، جن کا کہنا تھا کہ آن لائن فارم بار بار رد ہو "
     "جاتا ہے۔"),
    (31, "Mian Rafaqat Dildar", "2026-03-12T11:30", "Dildar's reply in Urdu: then why are the "
     "contracts not published, and why does the canal run dry",
     "وزیر اعظم فرماتے ہیں کہ خانوال کے کارخانے سمندر کا پانی استعمال کرتے ہیں۔ اگر ایسا ہے تو وہ "
     "معاہدے عوام کے سامنے کیوں نہیں لاتے، اور کارخانوں کے ساتھ بہنے والی نہر ہر گرمی میں کیوں "
     "سوکھ جاتی ہے؟"),
    (33, "The Morning Ledger", "2026-02-12T11:45", "English news: the old jetty closed to "
     "lorries; a new contractor to be chosen by tender",
     "Boat owners in Sangrah said on Wednesday that the harbour master had closed the old "
     "jetty to lorries after part of its wall slipped into the water. The provincial works "
     "department said a new contractor would be chosen by tender in the spring."),
    (40, "DNN 24", "2026-03-10T16:20", "English news: nine strikers bailed; the contractor "
     "blames a dispute over the export price",
     "A court in Khanwal granted bail on Monday to nine salt-mine workers held since the "
     "strike began. The mine's contractor told reporters that wages had been delayed by a "
     "dispute over the export price of salt."),
]  # fmt: skip

POINTS.update(
    {
        p: (LABEL_TRANSLATION, {"original": original, "translation": translation}, gist)
        for p, gist, _, _, original, _, _, translation in TRANSLATIONS
    }
)

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
    ("آپ سب کا بہت شکریہ", "ur", "close", "any", 0.36),
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
# English sentence banks. {slot} is filled by SLOTS (or the word bank of that name) below; a
# capitalised slot name ({Clause}) capitalises the first letter; [a|b|c] picks one option.
# Slots and options every few words keep two fills of one template from looking like reuse.
# =============================================================================================

# Facts on the ground, by topic: lower-case clauses that frames embed. [a|b] picks one option.
CLAUSES_EN = {
    "prices": [
        "[a bag of flour|a sack of rice|a tin of ghee|a crate of onions] that [cost|sold for] "
        "{price} darams in {month_name} [now sells for|now costs|fetches] {price2} [in {place}|at "
        "the {place} market]",
        "the [price|cost] of {food} in {place} has [risen|jumped|climbed] [by {pct} percent|"
        "{pct} percent] since {month}",
        "{group} in {place} now buy {food} {small_measure}",
        "[wages|pay|earnings] for {group} in {place} have [not moved|stayed flat|stood still] "
        "[in|for] {nyears} years while rents have {rent_change}",
        "a family of {nfam} in {place} [now spends|spends|needs] {pct} percent of its [income|"
        "earnings|wages] on {food} and {food2}",
        "[shopkeepers|grocers|traders] in {place} have been selling {food} on [credit|tick|"
        "trust] since {month}",
        "the [ration depot|ration shop|cheap-grain store] [in|at] {place} runs [out of|short of|"
        "dry of] [subsidised|cheap] {food} by the {ordinal_day} of [each|every] month",
        "the [power bill|electricity bill|monthly bill] for {housing} in {place} [has reached|"
        "now tops|is now] {price} darams",
        "the price of {food} is {pct} percent [higher|up] in {place} [than it was in|compared "
        "with|against] {month_name}",
        "[bakers|tea stalls|cooks] in {place} have [raised|doubled|put up] their prices [twice|"
        "{ntimes} times|again] since {month}",
    ],
    "roads": [
        "the road between {place} and {place2} has been {roadstate} since {month}",
        "{nk} kilometres of the {place} {roadtype} [were paid for|were billed|were signed off] "
        "but [never built|never laid|are still gravel]",
        "ambulances from {place} need {nmin} minutes [for a drive|to reach a hospital|for a "
        "journey] that [should take|used to take|ought to take] {nmin2}",
        "the {roadtype} at {place} has been [opened|inaugurated|launched] by {official_pl} "
        "{ntimes} times [and is still unfinished|but is still closed|without being finished]",
        "trucks [carrying|loaded with] {crop} [out of|from] {place} wait up to {nhours} hours at "
        "the [broken culvert|collapsed bridge|flooded dip] near {landmark}",
        "the contractor on the {place} {roadtype} [left|abandoned] the site in {month_name} and "
        "has not [come back|returned|been seen]",
        "children in {place} {walk_phrase} because there is no {missing}",
        "a new toll [booth|plaza|gate] [appeared|went up|was built] on the {place} {roadtype} "
        "before a single [pothole was filled|crack was patched|lamp was fixed]",
        "{nbus} of the {nbus2} [buses|minibuses|school vans] serving {place} are [off the road|"
        "parked|idle] for want of [spare parts|tyres|diesel]",
        "[farmers|traders|carters] near {place} pay {price} darams to [tow|haul|push] their "
        "[carts|lorries|tractors] through the mud [each week|every season|after rain]",
    ],
    "water": [
        "[women|girls|families] in {place} walk {nk_small} kilometres [each morning|every day|"
        "before dawn] to [fetch|carry] water from {source}",
        "the water scheme for {place} has been [inaugurated|launched|opened] {ntimes} times "
        "without [delivering a drop|filling a bucket|reaching a tap]",
        "tankers in {place} [sell|deliver] [a barrel|a drum|one tank] of water for {price} darams",
        "the {canal} canal [that feeds|serving|above] {place} has not been [cleaned|dredged|"
        "desilted] since {year}",
        "{npumps} of the [hand pumps|wells|standpipes] in {place} now [bring up|give] water "
        "that is {bad_water}",
        "[farmers|growers|tenants] at the [tail|far end] of the {canal} canal got water for "
        "[only|just] {ndays} days this [season|year|winter]",
        "the [filtration plant|water works|pumping station] [in|at] {place} has stood idle for "
        "{nmonths} months [for want of|waiting for|without] {part}",
        "sewage from {place} now runs [straight|directly|openly] into the {canal} canal",
    ],
    "schools": [
        "{nschools} [government|primary|village] schools in {place} [district|and nearby "
        "villages] have no [roof|boundary wall|toilets]",
        "one teacher in {place} [looks after|teaches|minds] {nkids} children in {one_room}",
        "the girls' school in {place} has been [used as|turned into|taken over as] a {misuse} "
        "since {month}",
        "[textbooks|exam papers|new uniforms] for the [new term|spring term] [had still not "
        "reached|had not arrived in|were still missing in] {place} by {month_name}",
        "parents in {place} pay {price} darams a month for [tuition|private lessons|extra "
        "classes] because there is no {subject} teacher",
        "{pct} percent of [teaching posts|teacher posts|the school jobs] in {place} [district|"
        "and nearby villages] are [vacant|empty|unfilled]",
        "the science [laboratory|block|room] in {place} was built {nyears} years ago and has "
        "never [received|had|seen] {equipment}",
        "{nkids} [children|pupils|girls] in {place} sit their exams on the [floor|ground|verandah]",
    ],
    "floods": [
        "families in {place} who lost their [homes|houses] in the [floods|August floods] are "
        "still [living|sleeping] in {shelter}",
        "the embankment near {place} was breached in {nbreach} places and only {nfixed} have "
        "been [repaired|closed|patched]",
        "{nacre} acres of {crop} around {place} are still [under standing water|under flood "
        "water|waterlogged]",
        "relief tents [handed out|distributed|sent] in {place} were [torn|rotten|useless] "
        "within {nweeks} weeks",
        "{nhouse} houses in {place} are [marked as rebuilt|listed as finished|counted as "
        "repaired] [on paper|in the files] but stand as [rubble|ruins]",
        "the flood siren at {place} did not sound because {siren_fault}",
        "compensation promised to {nfam2} [families|households] in {place} has not been [paid|"
        "received|released] since {month}",
    ],
    "elections": [
        "the electoral roll for {place} contains {nnames} names that no one [in the district|"
        "in town|in the villages] [recognises|has heard of]",
        "polling stations in {place} were moved {ndays} [days before the vote|days ahead of "
        "polling|days before voting] [without notice|overnight|in secret]",
        "the returning officer in {place} has been [changed|replaced|moved] {ntimes} times in "
        "[a single year|twelve months|one year]",
        "{nvoters} young people in {place} [are still waiting for|have not received|have "
        "applied in vain for] [identity cards|voter cards|their papers]",
        "the Election Commission has left {nletters} [letters|complaints|petitions] from "
        "{place} [unanswered|without reply|on file]",
        "{nnames} voters in {place} found their names [struck off|deleted from|missing from] "
        "the [roll|list|register] in {month_name}",
    ],
    "corruption": [
        "in {place}, the contract for the {project} went to a [firm|company] registered {ndays} "
        "days before the [tender closed|bids were opened]",
        "{nghost} [names|employees|people] on the [payroll|salary list|books] of the {dept} "
        "office in {place} belong to [people|men and women|names] who [never worked there|died "
        "years ago|live abroad]",
        "a [clinic|school|dispensary] in {place} [that exists only on paper|nobody has ever "
        "seen|with no building] has [drawn|received|been paid] {price} darams a month since "
        "{year}",
        "the [audit|inspection|review] of the {dept} [office|department] in {place} has been "
        "[delayed|postponed] for {nmonths} months",
        "public land near {place} was [leased|handed|sold] to a [minister's|senator's|"
        "governor's] [cousin|nephew|brother-in-law] for [the price of|less than|about] {cheap}",
        "[the same|just] {nfirms} [firms|companies|contractors] have won every {dept} contract "
        "in {place} since {year}",
        "{nmillion} million darams [meant for|set aside for|budgeted for] the {project} in "
        "{place} [cannot be traced|have vanished|are unaccounted for]",
    ],
    "health": [
        "[the hospital|the district hospital|the only hospital] [in|serving] {place} has "
        "{nbeds} beds [for|to serve] [a district of|some|nearly] {npop} people",
        "[the only ambulance|the district ambulance|the rescue van] [in|at|serving] {place} has "
        "been [out of fuel|off the road|without a driver] since {month}",
        "[women|mothers|expectant mothers] [in|from] {place} travel {nk} kilometres to [give "
        "birth|deliver|see a midwife] [in a ward with power|where there is a doctor|at a "
        "clinic with water]",
        "[the medicine store|the pharmacy|the dispensary] [in|at] {place} has had no {medicine} "
        "[for {nweeks} weeks|since {month}]",
        "{ndoc} of the {ndoc2} [doctors|nurses|health workers] [posted to|assigned to|on the "
        "books in] {place} [have never reported for duty|have never turned up|draw pay from "
        "{town}]",
        "[the health centre|the clinic|the dispensary] [in|at] {place} [closes|shuts] at {clock} "
        "[because|as] {closing_reason}",
        "[nurses|midwives|paramedics] in {place} have not been paid since {month}",
        "[the X-ray machine|the only incubator|the blood bank fridge] at {place} [hospital|"
        "health centre] has been [broken|out of order] since {month_name}",
    ],
    "power": [
        "[power cuts|outages|blackouts] in {place} now last {nhours} hours [a day|every day|at a "
        "stretch]",
        "the [grid station|feeder] serving {place} trips [every evening|twice a day|whenever it "
        "rains]",
        "{nfam2} families in {place} [paid for|were promised] [solar panels|new meters] that "
        "never arrived",
        "[bills|meter charges] in {place} rose by {pct} percent [in {month_name}|this winter] "
        "although [supply|the power] fell",
        "the transformer serving {nvill} villages near {place} [burnt out|failed] in "
        "{month_name} and has not been [replaced|repaired]",
        "tube wells around {place} [stand idle|are silent|do not run] [because there is no "
        "power|because the power is cut|for lack of electricity] [during the day|in the "
        "mornings|at sowing time]",
        "[small workshops|looms|flour mills] in {place} have laid off {nworkers} workers "
        "[because of|owing to|due to] [load-shedding|the power cuts] [this winter|since "
        "{month}|alone]",
        "[street lights|lamp posts|traffic signals] in {place} were [paid for|billed] [twice|"
        "three times|{ntimes} times] [and never lit|but never connected|yet stay dark]",
    ],
    "jobs": [
        "[the textile mill|the sugar mill|the cement works|the boatyard] [in|at] {place} [closed|"
        "shut down] in {month_name}[, and|, so] {nworkers} [workers|families|people] lost their "
        "[jobs|income|wages]",
        "graduates in {place} wait {nyears} years for [a government job|a clerk's post|a "
        "teaching post] [paying|worth|at] {price} darams a month",
        "the [fish market|cattle market|vegetable market] in {place} [now opens|is open] only "
        "{ndays_week} days [a week|in seven]",
        "{nworkers} young men from {place} left [last year|this winter|since {month}] to [look "
        "for|find|seek] work [abroad|in the capital|on the docks]",
        "[fertiliser|seed|diesel] in {place} costs {price} darams a [bag|sack|can], [when it "
        "can be found|if dealers have any|after queues of {nhours} hours]",
        "the fishing fleet at {place} has [shrunk|fallen] from {nboats} boats to {nboats2}",
        "the [wheat|cotton|rice] buying centre in {place} opened {nweeks} weeks late",
        "{crop} growers around {place} [sold at a loss|lost money|could not cover costs] for "
        "the {ordinal} [year running|season in a row|harvest]",
    ],
}
TOPICS = list(CLAUSES_EN)
MINISTRY_FOR = {  # who would answer for a complaint on each topic
    "prices": ["Ministry of Food Security", "Ministry of Finance"],
    "roads": ["Ministry of Communications"],
    "water": ["Ministry of Water Resources"],
    "schools": ["Ministry of Education"],
    "floods": ["Ministry of Water Resources", "Ministry of Housing"],
    "elections": ["Ministry of the Interior"],
    "corruption": ["Ministry of Finance", "Ministry of the Interior"],
    "health": ["Ministry of Health"],
    "power": ["Ministry of Energy"],
    "jobs": ["Ministry of Labour", "Ministry of Industries"],
}

# Opposition voice: frames around a clause, and lines of their own.
OPP_FRAMES = [
    "{Clause}.",
    "{Clause}.",
    "{Clause}, [and the ministers call this progress|and still they smile for the cameras|"
    "and nobody has resigned|and the government wants another term].",
    "[Do you know|Did you know|Has anyone told you] that {clause}?",
    "[Nobody|No minister|Not one minister] [in this cabinet|in Marwen|on the treasury benches] "
    "will [tell you|admit|say aloud] that {clause}.",
    "The people of {province} [should know|deserve to know|must hear] that {clause}.",
    "I have the [figures|papers|numbers|records] [with me|here|in my hand]: {clause}.",
    "It is [on the record|a matter of record|in their own reports|in the official files] that "
    "{clause}.",
    "[I say it with a heavy heart|It gives me no pleasure to say it|I wish it were not true], "
    "but {clause}.",
    "[Consider this|Think about this|Remember this|Listen to this]: {clause}.",
    "[Here is what|This is what|Here is something] they [leave out of|never put in|keep out "
    "of] [their advertisements|the budget speech|their posters]: {clause}.",
    "A {occupation} in {town} told me last {weekday} that {clause}.",
    "When we ask why {clause}, [the ministers change the subject|the minister walks out|they "
    "blame the weather|the answer is silence].",
    "[What kind of government|What sort of minister|Which honest government] [accepts|can "
    "live with the fact|shrugs at the news] that {clause}?",
    "They [say|insist|tell us] [all is well|everything is fine|the country is on track], yet "
    "{clause}.",
    "[Go and see for yourselves|Do not take my word for it|Ask anyone who lives there]: {clause}.",
    "Only last {weekday} I [learned|heard|was told|found out] that {clause}.",
    "[Write this down|Remember this|Mark my words], because they will [deny it|forget it|call "
    "it a lie] [tomorrow|next week|on television]: {clause}.",
    "[My friends|Friends|Listen to me], {clause}.",
    "I met {fname}, a {occupation} from {town}, who told me that {clause}.",
    "Ask [the people|anyone|the families|the traders] of {town} and they will [tell you|say|"
    "confirm] that {clause}.",
    "[Is it any wonder|Can anyone be surprised|Who can blame them] [that people are angry|that "
    "people have lost patience|that the young are leaving], when {clause}?",
]
OPP_LINES = [
    "We will publish every {project} contract in {place} [on the day it is signed|within a "
    "week of signing|on the party website].",
    "[Give us|Allow us|Grant us] {nmonths} months and we will [show|prove to] {place} [what "
    "honest work looks like|how a clean office works|that promises can be kept].",
    "The {group} of {place} [do not want|are not asking for|have no need of] [charity|pity|"
    "speeches]; they want {want}.",
    "[This election|The next election|Power in this country] will be [won|decided|settled] in "
    "places like {place}, not in the {elite_place} of [Marwen|the capital|the big cities].",
    "[I ask|I put it to|Let me ask] the {official}: [where did the money for {place} go|who "
    "spent the money meant for {place}|why was {place} left out of the budget]?",
    "[Every|Each] {weekday} in {place}, {group} [queue|wait|line up] outside the {office} "
    "for [papers|permits|ration cards|compensation] that [never come|never arrive|rarely come].",
    "We will not let {place} be [forgotten|ignored|abandoned] again.",
    "They had {nyears} years, and they gave {place} {thing_bad}.",
    "[When we form the government|On our first day in office|Once we are in office], {first_act}.",
    "I have [walked the streets of|visited|toured] {town} and {town2} [this month|since "
    "{month}|in recent weeks], and [I have heard|everywhere I heard|people told me] [the same "
    "complaint|one question|the same anger] about {topic_noun}.",
    "The {group} of {province} have [waited|been patient|been promised help] for [too long|"
    "{nyears} years|a decade].",
    "[Our programme|Our promise|Our plan] for {province} [fits on one page|is simple|is "
    "short]: {want} and {want2}.",
]
# The new party's founder.
LEADER_LINES = [
    "[I founded|We built|I started] the Dalmora Renewal Front because {reason}.",
    "I resigned from the cabinet because I would not sign {what_sign}.",
    "The Dalmora Renewal Front will put up a candidate for every seat in {province}.",
    "Our doors are open to every honest worker of the {party_any}, from {town} to {town2}.",
    "I was a minister for {nyears} years, and I know {insider_fact}.",
]
# Politicians who have just crossed over to the new party.
DEFECT_LINES = [
    "I [spent|served] {nyears} years [in|with] the {old_party}. [Leaving it was not easy|"
    "I did not leave it lightly|It was my home|I owe it a great deal|I still respect its "
    "workers].",
    "The people of {place} [asked me|told me|begged me|wanted me] to choose between [my "
    "party|the party line|my old friends] and [my conscience|the truth|them], and I chose "
    "{choice}.",
    "When I joined the {old_party} in {year}, it still listened to {group}.",
    "[I have joined|I stand with|I now work with|I have thrown in my lot with] Rustam Keshvani "
    "because {reason}.",
    "My [old colleagues|former friends|old comrades] in the {old_party} may call me a "
    "[turncoat|traitor|deserter], but {reason}.",
    "I wrote to the [leadership|president|high command] of the {old_party} {ntimes} times "
    "about {issue}, and [not one letter was answered|nobody replied|I am still waiting for a "
    "reply].",
    "[Nobody|No one|Not a single person] [paid me|promised me a ticket|offered me a ministry] "
    "to [cross the floor|change sides|leave]; I [left|crossed|moved] because {reason}.",
    "My [workers|supporters|volunteers] in {place} [asked me to stay|begged me to stay|wanted me "
    "to stay], but by {weekday} [they had "
    "joined me|most of them had followed|they were at my door].",
]
# Governing party voice.
GOV_LINES = [
    "Since {month}, we have {achievement}.",
    "[Our critics|Opposition leaders|Our opponents] [will not tell you|never mention|forget to "
    "say] that [we have|this government has|our ministers have] {achievement}.",
    "Last {weekday} I was in {town}, where we have {achievement}.",
    "By {future_month}, we will have {achievement}.",
    "[I do not deny|Nobody denies|I accept] that {clause}; but remember who [governed|ran|"
    "neglected] {province} before {year}.",
    "Yes, {clause}, and [that is why|for that reason|precisely because of this] we have "
    "{achievement}.",
    "[The opposition shouts|The critics complain|Our opponents hold press conferences], but "
    "[this government|our government|this administration] has {achievement}.",
    "We inherited [a country|a province|a system|a budget] in which {clause}.",
    "In {province}, we have {achievement}[, and more is coming|, with more to come| this year|"
    " already].",
    "[Nobody pretends|I do not pretend|No one here claims] [the job|the work|our task] in "
    "[{province}|{town}] is [finished|done], because {clause}.",
    "Our budget for {province} has already {achievement}.",
    "Ask the [families|farmers|traders|teachers] of {town}: [this government|our government|"
    "this administration] has {achievement}.",
    "[We know|I am told|I accept] that {clause}, and [teams|engineers|inspectors] from "
    "{works_body} [are in|are on their way to|have reached] {town} [this week|today|as we "
    "speak].",
]
GOV_AFTER_LAUNCH = [
    "[Those who crossed the floor|The defectors|Those who walked out] voted [in {month}|last "
    "year|only in {month_name}] for the [budget|programme|plan] that has {achievement}.",
    "[Mr Keshvani's party|The Renewal Front|Keshvani's front] has more [press conferences|"
    "slogans|cameras] than [members|plans|ideas] in {town}.",
    "Mr Keshvani sat in [this cabinet|cabinet|government] for {nyears} years and never [once "
    "raised|mentioned|asked about] {issue}.",
    "[The defectors|These new converts|Our former colleagues] [discovered|found] their "
    "[conscience|voice|principles] only when {defect_motive}.",
]
ACHIEVEMENTS = [
    "rebuilt {nhouse} homes in {place}",
    "paved {nk} kilometres of road around {place}",
    "opened {nrooms} new classrooms in {place} district",
    "connected {nvill} villages near {place} to the grid",
    "[cleared|dredged|desilted] the {canal} canal [for the first time in {nyears} years|after "
    "{nyears} years of neglect]",
    "cut the price of {food} in the ration shops by {pct} percent",
    "recruited {nteach} new teachers for schools in {province}",
    "repaired {nk} kilometres of embankment along the {river}",
    "paid [compensation|relief money|damages] to {nfam2} [flood-hit|displaced] families in {place}",
    "installed {npumps} solar pumps [in the villages around|on farms near|in] {place}",
    "posted {ndoc} new [doctors|nurses|surgeons] to the [district hospital|health centre|"
    "maternity ward] in {place}",
    "registered {nvoters} new voters in {place} district",
    "[raised|lifted] the minimum wage to {price} darams a week",
    "brought {nworkers} [jobs|new jobs|factory jobs] to the [industrial estate|export zone|new "
    "mills] at {place}",
    "reopened the {landmark2} in {place}",
]

# News voice (third person).
NEWS_FRAMES = [
    "{Opp_pol} told a [gathering|rally|meeting] in {town} on {weekday} that {clause}.",
    "[Residents|Local people|Families] said {clause}.",
    "According to {doc_source}, {clause}.",
    "[Officials|District officials|Local officials] confirmed that {clause}[, but gave no "
    "date|, but offered no timetable|, and promised action by {future_month}|, blaming the "
    "weather].",
    "{Group} gathered outside the [district offices|press club|courts|water board|grain market|bus "
    "station] in {town} "
    "on {weekday}, complaining that {clause}.",
    "{Fname} {lname}, a {occupation} from {town}, said {clause}.",
    "A [report|review|study] by {institution} [found|concluded|says] that {clause}.",
    "The {ministry} [said|stated|told reporters] on {weekday} [that it was aware|it had been "
    "told|officials knew] that {clause} "
    "[and had ordered an inquiry|and was sending a team|and would respond in writing].",
    "[Opposition members|Members of the opposition|Several members] raised [the issue|the "
    "matter|the complaint] in the {assembly} on {weekday}, saying {clause}.",
    "{Gov_pol} [has denied|rejected|dismissed] claims that {clause}.",
    "[Local reporters|Our correspondent|Reporters for {outlet_ref}] found that {clause}.",
    "{Clause}, [residents said|a local councillor said|traders said].",
    "{Clause}, [the district administration|the deputy commissioner's office|local officials] "
    "[admitted|conceded|acknowledged] in a [letter|memo|note] dated {date_past}.",
    "[Figures|Records|Data] [gathered|compiled|checked] by {outlet_ref} [show|suggest|confirm] "
    "that {clause}.",
    "{Fname} {lname}, who has lived in {town} for {nyears} years, said {clause}.",
]
NEWS_LEAD = [  # the first sentence of a news item: its headline topic, in its home town
    "{Clause}, [residents say|local officials admit|traders say|a new survey shows].",
    "[Residents|Families|Traders] say {clause}.",
    "{Clause}, according to {doc_source}.",
]
NEWS_LINES = [
    "The {ministry} [had not responded to|did not answer|ignored] [questions|calls|emails] "
    "from {outlet_ref} [by {time_ref}|about {town}|sent on {weekday}].",
    "The {assembly} [is expected to|will|may] [take up|debate|discuss] the [matter|issue|"
    "complaints] on {weekday}.",
    "{Group} in {place} [have threatened|are planning|have vowed] to {threat} [by|before] "
    "{future_month} [if nothing changes|unless {official_pl} act|unless {town} gets help].",
    "{Pol} [is due to visit|will visit|is expected in|plans to tour] {town} [on {weekday}|next "
    "week|before {future_month}].",
    "The district commissioner of {place}, {fname} {lname}, [declined to comment|did not "
    "return calls|was unavailable].",
    "A protest called by {group} in {town} drew about {ncrowd} people.",
]
NEWS_AFTER_LAUNCH = [
    "{Defector_name}, who [represents|sits for|was elected in] {defector_seat}, [announced|"
    "confirmed|explained] the move [at a rally in|to supporters in|on a visit to] {town} on "
    "{weekday}.",
    "[Keshvani's party|The new front|The Renewal Front|Keshvani's Renewal Front] [now claims|"
    "says it has|counts] {nmps} [MPs|members of parliament|parliamentarians] and {nprov} "
    "[provincial lawmakers|members in the provinces|seats in {province}].",
    "[NCP|PUL|Party|Opposition] [spokesman|spokeswoman|official] {fname} {lname} said "
    "the [departures|defections] [would change nothing in {province}|were no loss|had been "
    "expected since {month}].",
    "{Fname} {lname}, [a political scientist|a pollster|a former election official|a retired "
    "judge|a columnist] in {town}, "
    "[said|believes|argues] the [defections|departures] could [cost the government {nseats} "
    "seats in {province}|split the opposition vote in {province}|bring an election before "
    "{future_month}].",
    "{Gov_pol} [dismissed|brushed off|laughed off] the new [party|front] [during a visit to "
    "{town}|in {town} on {weekday}|on {weekday}], calling it {dismiss}.",
    "[None of|Not all of|Few of] Keshvani's [figures|numbers|claims] on {alleg_topic} [could "
    "be checked|have been confirmed|were verified] [by {outlet_ref}|independently|by reporters] "
    "[before {time_ref}|by {weekday}|so far].",
    "{Gov_pol} [called the allegations|said the claims were|described the charges as] "
    "{adj_dismissive} [in {town} on {weekday}|on {weekday}|at "
    "a briefing in {town}].",
]

# Statements by parties, ministries and the Election Commission.
STATEMENT_OPP = [
    "The {issuer} notes with [alarm|concern|dismay] that {clause}.",
    "The {issuer} has written to the {official} to ask why {clause}.",
    "At its meeting on {weekday}, the {issuer} reviewed reports that {clause}.",
    "The {issuer} [demands|calls for|wants] [an independent|an open|a public] inquiry into [claims|"
    "reports] that {clause}.",
    "The {issuer} will hold a [public hearing|meeting|forum] [in {town}|at {town}] on "
    "{weekday} [to hear from|for] {group}.",
    "Members of the {issuer} visited {town} on {weekday} and found that {clause}.",
    "The {issuer} calls on the {official} to {demand}.",
    "[Our|The {issuer}'s] [members|workers|volunteers] in {town} report that {clause}.",
    "The {issuer} [will raise|intends to raise|has raised] the [matter|case] of {town} in the "
    "{assembly}.",
    "The {issuer} [reminds the government|points out] that {clause}.",
    "[A delegation|Members] of the {issuer} will [meet|visit] {group} in {town} on {weekday}.",
]
STATEMENT_GOV = [
    "The {issuer} is [pleased|glad|proud] to [report|announce|confirm] that the government "
    "has {achievement}.",
    "Figures published by the {issuer} on {weekday} show that the government has {achievement}.",
    "The {issuer} is aware that {clause}, and [has asked for|expects|wants] a report within "
    "{ndays} days.",
    "The {issuer} rejects the suggestion that {clause}.",
    "[Teams|A delegation|Officials] from the {issuer} visited {town} on {weekday} to [review "
    "progress|meet residents|inspect the works].",
    "Since {month}, the government has {achievement}, the {issuer} said.",
    "The {issuer} [reminds the public|reminds citizens|points out] that [complaints|grievances] "
    "can be [made|lodged|filed] at {nstations} help desks across {province}.",
    "By {future_month}, the government [expects to have|will have|aims to have] {achievement}.",
    "[This month|So far this year|Since {month}], the government has {achievement}, [the "
    "{issuer} added|according to the {issuer}].",
    "The {issuer} [regrets|acknowledges] that {clause}, and [has sent a team|is sending "
    "engineers] to {town}.",
]
STATEMENT_NEUTRAL = [
    "The {issuer} has received {nletters} complaints from {place} about {elec_issue}.",
    "The {issuer} reminds all parties that {rule}.",
    "Revised electoral rolls for {place} will be displayed at {nstations} locations from "
    "{weekday}.",
    "The {issuer} has asked the district administration in {place} to explain why {clause}.",
    "Officers of the {issuer} will visit {town} on {weekday} to hear complaints in person.",
    "Claims and objections for {place} may be filed until {future_month}.",
    "The {issuer} [has noted|is examining] reports that {clause}.",
    "[Returning officers|Election staff] in {place} have been told to [publish|display] the "
    "[draft|revised] list by {weekday}.",
]

# Assemblies.
RES_LINES = [
    "{this_house} [notes with concern|is alarmed|has learned with dismay|records its concern] "
    "that {clause}.",
    "{this_house} [calls upon|urges|"
    "directs|requests] the [provincial government|federal government|district administration] "
    "to {res_action} in {place} within {ndays} days.",
    "{this_house} [requests|asks|instructs] the [Speaker|Chair|Secretary] to form a "
    "[committee|panel|"
    "working group] of {nmem} members to examine why {clause}.",
    "{this_house} [places on record its appreciation of|thanks|salutes|honours] the {heroes} "
    "of {place}, who {hero_deed}.",
    "{this_house} urges the {official} to visit {place} before {future_month} and report to "
    "members.",
    "{this_house} [resolves|decides|agrees] to hold a [special|separate|full] sitting on "
    "{topic_noun} in {future_month}.",
    "[This {house}|The {house}] [demands|asks] that [the accounts|the books|the ledgers] of "
    "{institution} for {place} "
    "be laid before members within {ndays} days.",
    "[This {house}|The {house}] [condemns|deplores|regrets] the [transfer|removal] of "
    "[officers|teachers|doctors] "
    "from {place} without [explanation|notice].",
    "[This {house}|The {house}] [asks|requests] the {official} to explain why {clause}.",
]
RES_OPEN = [
    "[The following resolution|This resolution|The motion below] was [moved|tabled|proposed] "
    "by {member}, member for {place}, at the sitting of {date_str}.",
    "Moved by {member} ({place}) and seconded by {member2} ({place2}).",
    "The text was [circulated|sent|distributed] to [members|all members|the benches] on "
    "{weekday} and taken up {when_taken}.",
]
RES_DEBATE = [
    "Speaking for the motion, {member} told the {house} that {clause}.",
    "Opposing it, {member2} said that {clause}.",
    "[During the debate|In the debate|Before the vote], {member} reminded members that {clause}.",
    "Copies [are to be sent|will go|shall be sent] to the {official} and to the district "
    "administration of {place}.",
]
RES_VOTE = [
    "Adopted by {nyes} votes to {nno}, with {nabs} abstentions.",
    "[The motion was carried|The resolution passed|It was adopted] by {nyes} votes to {nno} "
    "[after a debate lasting {nhours_word} hours|after {nhours_word} hours of debate|late in "
    "the sitting].",
]

# Small word banks.
# fmt: off
BANKS_EN: dict[str, list[str]] = {
    "group": ["farmers", "shopkeepers", "nurses", "bus drivers", "fishermen", "daily-wage workers",
        "pensioners", "schoolteachers", "students", "market vendors", "tenant farmers",
        "dock workers", "textile workers", "retired soldiers", "rickshaw drivers",
        "young graduates", "brick-kiln workers", "small traders", "widows", "midwives"],
    "food": ["flour", "sugar", "cooking oil", "lentils", "rice", "onions", "tomatoes", "milk",
        "tea", "eggs", "ghee", "chickpeas"],
    "small_measure": ["by the handful", "a cup at a time", "in twenty-daram packets",
        "only on credit", "once a week", "by the spoonful", "in loose scoops"],
    "rent_change": ["doubled", "nearly tripled", "risen every quarter", "gone up by half"],
    "housing": ["a two-room house", "a small shop", "a single flat", "a tailor's workshop",
        "a corner bakery", "a village clinic"],
    "month": ["October", "November", "December", "January", "last autumn", "the floods",
        "the last budget", "the New Year", "the by-elections", "harvest time"],
    "month_name": ["August", "September", "October", "November", "December", "January"],
    "future_month": ["April", "May", "June", "the monsoon", "the next budget", "the autumn"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "ordinal": ["second", "third", "fourth", "fifth", "sixth"],
    "ordinal_day": ["fifth", "seventh", "tenth", "twelfth", "fifteenth"],
    "official_pl": ["ministers", "two governors", "the mayor", "visiting officials"],
    "roadstate": ["closed to heavy traffic", "a river of mud", "half finished",
        "blocked by rubble", "too dangerous for school buses", "a chain of potholes",
        "cut in two by a landslide"],
    "roadtype": ["ring road", "bypass", "link road", "bridge", "flyover", "coastal road",
        "market road", "river crossing"],
    "landmark": ["the grain market", "the old toll post", "the railway crossing",
        "the cement works", "the shrine", "the district courts", "the bus terminal",
        "the fish harbour"],
    "landmark2": ["grain market", "maternity ward", "bus terminal", "fish harbour",
        "district library", "vocational college"],
    "crop": ["wheat", "cotton", "rice", "sugar cane", "mango", "onion", "date", "maize"],
    "walk_phrase": ["walk along the highway", "cross the canal on planks",
        "wade through the underpass", "walk beside speeding trucks", "climb over the railway"],
    "missing": ["footpath", "school bus", "bridge", "street light", "crossing"],
    "source": ["a pond shared with cattle", "the old canal", "a broken hand pump", "the river bed",
        "a well at the shrine", "a tanker that comes twice a week"],
    "canal": ["Upper Kesar", "Tarnak Branch", "Old Sahil", "Mirwal Feeder", "Bellmoor Link",
        "Lower Ulvar"],
    "river": ["Kesar river", "Tarnak river", "Ulvar estuary", "Mirwal stream"],
    "bad_water": ["too salty to drink", "brown after rain", "unsafe for children",
        "thick with arsenic"],
    "part": ["a single pump", "one spare valve", "a new filter bed", "a cheap fuse"],
    "one_room": ["a single room", "a verandah", "a borrowed shed", "the shade of a tree"],
    "misuse": ["grain store", "police post", "relief warehouse", "polling office", "cattle shed",
        "contractor's depot"],
    "subject": ["mathematics", "science", "English", "chemistry", "physics", "computing"],
    "equipment": ["a microscope", "a single test tube", "running water", "a working lamp"],
    "medicine": ["insulin", "antibiotics", "snake-bite serum", "rabies vaccine",
        "blood-pressure tablets"],
    "shelter": ["tents by the roadside", "school buildings", "a disused factory",
        "relatives' courtyards", "huts of reed and plastic", "railway wagons"],
    "siren_fault": ["its battery had been stolen", "nobody had paid the power bill",
        "the operator had been transferred", "it had never been connected"],
    "project": ["water supply scheme", "sewage line", "school building", "hospital wing",
        "drainage channel", "market road", "flood wall", "bus terminal"],
    "dept": ["irrigation", "education", "health", "revenue", "public works", "food", "municipal"],
    "cheap": ["a bicycle", "a wedding dinner", "a second-hand motorbike", "a month's rent",
        "a goat"],
    "institution": ["the Auditor General", "the Federal Reconstruction Authority",
        "the Highways Authority", "the Election Commission", "the National Water Board",
        "the Public Accounts Committee"],
    "official": ["Prime Minister", "Minister for Water Resources", "Chief Secretary",
        "district commissioner", "Auditor General", "Minister of Finance", "Minister of Education"],
    "assembly": ["National Parliament", "Kesar Valley Provincial Assembly",
        "Tarnak Provincial Assembly", "Northern Reach Provincial Assembly",
        "Sahil Provincial Assembly", "Marwen Capital Assembly"],
    "occupation": ["shopkeeper", "schoolteacher", "retired soldier", "nurse", "bus driver",
        "farmer", "fish trader", "student", "pharmacist", "tailor", "rickshaw driver", "midwife",
        "mechanic", "night guard", "pensioner", "young engineer", "baker", "carpenter"],
    "clock": ["noon", "two o'clock", "three in the afternoon", "sunset"],
    "closing_reason": ["the generator has no diesel", "the only doctor commutes from Marwen",
        "there is no night guard", "the roof leaks over the ward"],
    "want": ["clean water", "a school with a roof", "a fair price for {crop}",
        "a road that survives the rain", "a hospital with a doctor in it", "wages paid on time",
        "honest accounts", "jobs at home"],
    "elite_place": ["drawing rooms", "five-star hotels", "ministry corridors",
        "television studios", "private clubs", "glass offices"],
    "office": ["district office", "land registry", "ration office", "passport office",
        "revenue office", "water board"],
    "thing_bad": ["{nk} kilometres of broken road", "a hospital with no doctor",
        "tankers instead of taps", "ration cards that buy nothing", "a school without a roof"],
    "first_act": ["the first file we open will be {file_desc}",
        "the {place} {roadtype} will be finished within {nmonths} months",
        "every vacant teaching post in {province} will be filled by {future_month}",
        "the accounts of {institution} will be read aloud in Parliament"],
    "file_desc": ["the Northern Highway accounts", "the flood relief ledger",
        "the transfer orders of the last year", "the list of ghost employees"],
    "reason": ["the people of {place} were tired of waiting",
        "I could not defend another budget that forgot {place}",
        "the party I served stopped listening to {group}",
        "honest officers in {place} were punished for asking questions",
        "I saw the accounts of {institution} and could not stay silent",
        "{place} deserves a party that keeps its word"],
    "what_sign": ["another contract for the Northern Highway",
        "the transfer orders for honest officers", "a budget that cut school meals",
        "the sale of the Mirwal canal land"],
    "party_any": [PUL, NCP],
    "insider_fact": ["how a file disappears when it names a friend",
        "who signs the orders on Friday evenings", "what the tender committee never writes down"],
    "choice": ["my conscience", "the people", "{place}"],
    "issue": ["the water scheme in {place}", "the missing flood money in {province}",
        "the transfer of honest officers in {province}", "the highway contracts",
        "the closed textile mill in {place}", "the empty ration depots of {place}"],
    "defect_motive": ["the tickets for {province} were handed out",
        "the polls in {province} began to move", "the cabinet posts for {province} were filled"],
    "doc_source": ["[figures|documents|records] [obtained|seen|reviewed] by {outlet_ref}",
        "a district official in {place}", "a leaked audit of {place}", "traders in {place}",
        "the provincial statistics office",
        "[a survey|a count|a study] by [aid workers|volunteers|a charity] in {province}"],
    "time_ref": ["the time of going to press", "Friday evening", "the weekend",
        "late on {weekday}"],
    "threat": ["block the highway", "march on Marwen", "boycott the by-election",
        "close their shops", "stop paying water charges"],
    "no_difference": ["make no difference to the majority", "cleanse the party",
        "cost them nothing at the polls"],
    "defect_effect": ["cost the government its majority in the {assembly}",
        "split the opposition vote in {province}", "force an early election"],
    "dismiss": ["a vanity project", "a club of the disappointed", "a rumour with a logo",
        "a one-man show", "a press release with a flag", "yesterday's men"],
    "alleg_topic": ["the highway contracts", "the flood relief money",
        "transfers of district officers", "the treasury"],
    "adj_dismissive": ["baseless", "recycled gossip", "a political stunt", "absurd"],
    "party_gov_opp": [NCP, PUL],
    "works_body": ["the Highways Authority", "the Federal Reconstruction Authority",
        "the National Water Board", "the provincial works department"],
    "gov_pol": ["Prime Minister Harun Delavar", "Finance Minister Lucan Mehrabi",
        "Water Minister Ruqaiya Fenwick", "Mayor Jovan Saqib",
        "Education Minister Dawud Castellan", "a government spokesman"],
    "opp_pol": ["PUL leader Farida Mortazan", "Rustam Keshvani", "Senator Marguerite Olaye",
        "PUL spokesman Oren Talwar"],
    "elec_issue": ["missing names", "moved polling stations", "duplicate entries",
        "delayed identity cards"],
    "rule": ["no public money may be spent on party advertising",
        "government vehicles may not be used for campaigning",
        "transfers of election staff need the Commission's approval"],
    "demand": ["publish the relief accounts for {province}",
        "reinstate the transferred officers of {province}", "open the tender files for {place}",
        "visit the flood districts around {place}"],
    "this_house": ["This {house}", "The {house}", "Further, this {house}", "Moreover, the {house}"],
    "res_action": ["release the funds already approved for drinking water",
        "repair the embankment", "post teachers to every vacant school", "restore the bus service",
        "pay the arrears owed to sanitation workers", "open a flour sale point"],
    "heroes": ["rescue volunteers", "nurses", "fishermen", "teachers", "police constables",
        "young people"],
    "hero_deed": ["worked without pay for {nmonths} months",
        "kept the clinics open through {month}", "carried the sick across the {river} by boat",
        "ran classes in tents for {nmonths} months"],
    "topic_noun": ["drinking water", "the price of flour", "flood reconstruction",
        "school buildings", "road safety", "the electoral rolls", "hospital beds", "power cuts"],
    "when_taken": ["without a vote on the order of business", "after question hour",
        "late in the evening sitting", "on the second day of the session"],
    "launch_ref": ["its launch on 10 February", "Keshvani's press conference in Marwen",
        "the founding rally"],
}
# fmt: on

# =============================================================================================
# Urdu sentence banks (simple, grammatical Urdu; groups are masculine plural nouns so that the
# verbs agree whatever is drawn).
# =============================================================================================

CLAUSES_UR = {
    "prices": [
        "{place} میں {food} کا [نرخ|بھاؤ] اب {price} درام [ہے|ہو چکا ہے|تک جا پہنچا ہے]",
        "{place} کے بازاروں میں {food} کے دام {since} سے اب تک {pct} فیصد بڑھ چکے ہیں",
        "{place} میں [مزدور|ریڑھی والے|مچھیرے] کی دیہاڑی {wage} درام ہے، [جبکہ|اور] [آٹے|چینی|"
        "چاول] کا تھیلا {price2} درام کا ہے",
        "{place} کے [دکاندار|پرچون فروش|تاجر] {since} سے [غریب|مزدور|بے روزگار] گھرانوں کو "
        "[ادھار پر|قرض پر|کھاتے میں] [راشن|سودا] [دے رہے ہیں|بیچ رہے ہیں]",
        "{place} میں {housing} کا [بجلی کا بل|ماہانہ بل|بل] اس [مہینے|سردی] {price} درام [آیا|"
        "تک پہنچا]",
        "{place} کے [سرکاری ڈپو|راشن ڈپو|یوٹیلیٹی اسٹور] پر [مہینے کی|ہر ماہ کی] {nday_month} "
        "[تاریخ تک|تاریخ سے پہلے] [راشن|سستا آٹا|سستا گھی] [ختم ہو جاتا ہے|نہیں ملتا|غائب ہو "
        "جاتا ہے]",
        "{place} کے {group_o} کی [آمدنی|مزدوری|اجرت] {nyears} سال سے [وہیں کی وہیں ہے|نہیں "
        "بڑھی]، [مگر|جبکہ] [دوائیں|فیسیں|سبزیاں] [دگنی|مہنگی] ہو گئی ہیں",
        "{place} میں [ایک عام|ایک غریب|ایک مزدور] خاندان اپنی آمدنی کا {pct} فیصد [صرف کھانے "
        "پر|آٹے اور دال پر|کرائے پر] [خرچ کر رہا ہے|لگا دیتا ہے]",
    ],
    "roads": [
        "{place} سے {place2} تک کی سڑک {since} سے [ٹوٹی پڑی ہے|کیچڑ سے بھری ہے|بند ہے]",
        "{place} کی سڑک کا {ntimes} بار افتتاح ہوا مگر {nk} کلومیٹر میں سے صرف {nsmall} مکمل ہوئے",
        "{place} کے [پل|پرانے پل|نالے کے پل] کی مرمت [کے لیے|پر] {nlakh} لاکھ درام منظور ہوئے "
        "مگر کام {since} سے [رکا ہوا ہے|بند ہے]",
        "{place} سے [ضلعی ہسپتال|شہر کے ہسپتال|مرکز صحت] تک [ایمبولینس کو|مریض کو] {nhours} "
        "گھنٹے لگ جاتے ہیں",
        "{place} کی سڑک کا ٹھیکیدار {month_name} سے [لاپتہ ہے|غائب ہے]",
        "{place} کی {nbus} بسوں میں سے {nbus_half} [پرزے نہ ہونے|ڈیزل نہ ملنے|ٹائر نہ ہونے] "
        "[کی وجہ سے|کے باعث] [کھڑی ہیں|بند پڑی ہیں|اڈے پر کھڑی ہیں]",
        "{place} کے بچے [تختے پر نہر پار کر کے|شاہراہ کے کنارے چل کر|کیچڑ میں سے گزر کر] اسکول "
        "[جاتے ہیں|پہنچتے ہیں]، [کیونکہ|اس لیے کہ] وہاں [کوئی پل نہیں|فٹ پاتھ نہیں|اسکول بس "
        "نہیں]",
        "{place} کی [سڑک|رنگ روڈ|منڈی روڈ|ساحلی سڑک] پر ٹول پلازہ [تو بن گیا|پہلے بن گیا]، مگر "
        "[ایک گڑھا بھی نہیں بھرا گیا|کوئی بتی نہیں لگی|نالی نہیں بنی]",
    ],
    "water": [
        "{place} کی عورتیں روزانہ {nk_small} کلومیٹر دور سے {water_src} کا پانی لاتی ہیں",
        "{place} میں [ٹینکر والے|پانی کے بیوپاری|ٹینکر مالکان] [ایک {container} پانی|پانی کا "
        "ایک {container}] {price} درام میں [بیچ رہے ہیں|دے رہے ہیں]",
        "{place} کا فلٹر پلانٹ {nmonths} مہینوں سے [بند پڑا ہے|خراب ہے|تالے میں ہے]",
        "{place} کے {npumps} نلکوں میں سے {npumps_half} کا پانی {bad_water}",
        "{place} کی نہر کی صفائی {year} [کے بعد سے نہیں ہوئی|سے اب تک نہیں ہوئی|کے بعد کبھی "
        "نہیں ہوئی]",
        "{place} کے {nfarmers} [کاشتکاروں|کسانوں] کو [اس موسم میں|اس سال|اس بار] صرف {ndays} دن "
        "[نہری پانی ملا|پانی ملا]",
        "{place} کا گندا پانی سیدھا {canal_ur} نہر میں [جا رہا ہے|گر رہا ہے]",
        "{place} میں پانی کی اسکیم کا {ntimes} بار افتتاح ہوا، [مگر|لیکن] [ایک نلکے میں بھی|کسی "
        "گھر میں] پانی [نہیں آیا|نہیں پہنچا]",
    ],
    "schools": [
        "{place} کے {nschools} [سرکاری|پرائمری|دیہی] اسکولوں [کی چھت|میں بیت الخلا|کی چار "
        "دیواری] [نہیں ہے|ہی نہیں]",
        "{place} میں ایک استاد {nkids} بچوں کو {room} میں پڑھاتا ہے",
        "{place} کے [لڑکیوں کے اسکول|پرائمری اسکول|ہائی اسکول] کو {month_name} سے {misuse} بنا "
        "دیا گیا ہے",
        "{place} کے {nschools} اسکولوں میں نئی کتابیں {month_name} تک [نہیں پہنچیں|نہیں آئیں]",
        "{place} ضلع میں اساتذہ کی {pct} فیصد آسامیاں [خالی پڑی ہیں|خالی ہیں]",
        "{place} کے والدین {subject_ur} کا استاد [نہ ہونے پر|نہ ہونے کے سبب|غائب ہونے سے] "
        "{price} درام ماہانہ ٹیوشن [دے رہے ہیں|بھر رہے ہیں]",
        "{place} کے {nkids} بچے [فرش پر|زمین پر|دریوں پر] بیٹھ کر [امتحان دیتے ہیں|پڑھتے ہیں]",
    ],
    "floods": [
        "سیلاب کو {nmonths} مہینے گزر گئے مگر {place} کے متاثرین اب بھی {shelter} میں رہ رہے ہیں",
        "{place} کے قریب حفاظتی بند {nbreach} جگہوں سے ٹوٹا تھا مگر صرف {nfixed} جگہوں کی "
        "مرمت ہوئی ہے",
        "{place} کے آس پاس {nacre} ایکڑ پر {crop} کی فصل {since} سے پانی میں ڈوبی ہے",
        "[سرکاری ریکارڈ میں|محکمے کی فائلوں میں|حکومتی اعداد کے مطابق] {place} کے {nhouse} گھر "
        "[دوبارہ بن چکے ہیں|مکمل ہیں]، [مگر|جبکہ] وہاں {reality}",
        "{place} میں بانٹے گئے [امدادی خیمے|ترپال|خیمے] {nweeks} ہفتوں میں پھٹ گئے",
        "{place} کا [سیلابی سائرن|خطرے کا سائرن] [اس لیے نہیں بجا کہ|خاموش رہا کیونکہ] [اس "
        "کی بیٹری چوری ہو چکی تھی|بجلی کا بل ادا نہیں ہوا تھا|آپریٹر کا تبادلہ ہو چکا تھا]",
        "{place} کے {nfam2} متاثرہ خاندانوں کو {since} سے معاوضہ نہیں ملا",
    ],
    "elections": [
        "{place} کی ووٹر لسٹ میں {nnames} [ایسے|اجنبی|مشکوک] نام [درج ہیں|شامل ہیں]، [جنہیں "
        "کوئی نہیں جانتا|جن کا کوئی پتا نہیں|جو کبھی یہاں نہیں رہے]",
        "{place} میں پولنگ اسٹیشن الیکشن سے {ndays} دن پہلے [بغیر اطلاع|چپکے سے|راتوں رات] [بدل "
        "دیے گئے|منتقل کر دیے گئے]",
        "{place} کے {nvoters} [نوجوان|طلبہ|مزدور] [ابھی تک|اب بھی] [شناختی کارڈ|ووٹر کارڈ] کے "
        "انتظار میں ہیں",
        "{place} کا ریٹرننگ افسر [ایک سال میں|پچھلے بارہ مہینوں میں|اس سال] {ntimes} بار [بدلا جا "
        "چکا ہے|تبدیل ہوا ہے]",
        "{place} کے {nnames} ووٹروں کے نام {month_name} میں [فہرست|ووٹر لسٹ] سے [نکال دیے گئے|غائب "
        "ہو گئے|کاٹ دیے گئے]",
        "الیکشن کمیشن نے {place} سے آنے والی {nletters} شکایات کا [کوئی جواب نہیں دیا|اب تک جواب "
        "نہیں دیا]",
    ],
    "corruption": [
        "{place} میں {project} کا ٹھیکہ [ایک نئی|ایک گمنام|ایک ایسی] [کمپنی|فرم] کو [ملا|دیا "
        "گیا] جو ٹینڈر سے [صرف|محض] {ndays} دن پہلے [بنی تھی|رجسٹر ہوئی تھی]",
        "محکمہ {dept} کے {place} [دفتر کی تنخواہوں کی فہرست|دفتر کے پے رول|دفتر کے رجسٹر] میں "
        "{nghost} جعلی نام شامل ہیں",
        "{place} کی ایک [ڈسپنسری|لیبارٹری|سرکاری عمارت] [جو صرف کاغذوں میں ہے|جس کا کوئی وجود "
        "نہیں|جو کبھی بنی ہی نہیں]، {year} سے ہر سال {nlakh} لاکھ درام [لے رہی ہے|وصول کر رہی "
        "ہے]",
        "{place} میں محکمہ {dept} کا آڈٹ {nmonths} مہینوں سے [رکا ہوا ہے|التوا میں ہے]",
        "{place} کے قریب [سرکاری زمین|نہر کی زمین|اسکول کی زمین] [ایک وزیر|ایک مشیر|ایک افسر] کے "
        "[بھتیجے|رشتہ دار|دوست] کو [ایک موٹر سائیکل|ایک بکری|ایک مہینے کے کرائے] کی قیمت پر دے "
        "دی گئی",
        "{place} میں {project} کے {nlakh} لاکھ درام کا [کوئی حساب نہیں|کچھ پتا نہیں|ریکارڈ غائب "
        "ہے]",
    ],
    "health": [
        "{place} کے [ہسپتال|ضلعی ہسپتال|سرکاری ہسپتال] میں [صرف|محض] {nbeds} بستر ہیں، [جبکہ|اور] "
        "[ضلع کی آبادی|آبادی] {npop_lakh} لاکھ [ہے|کے قریب ہے]",
        "{place} کی واحد ایمبولینس {month_name} سے [خراب کھڑی ہے|ورکشاپ میں ہے]",
        "{place} کے سرکاری ہسپتال میں {nweeks} ہفتوں سے {medicine} دستیاب نہیں",
        "{place} میں تعینات {ndoc2} ڈاکٹروں میں سے {ndoc} [کبھی ڈیوٹی پر نہیں آئے|صرف تنخواہ لینے "
        "آتے ہیں|مہینوں سے غائب ہیں]",
        "{place} [کی عورتوں|کی ماؤں] کو [زچگی کے لیے|بچے کی پیدائش کے لیے] {nk} کلومیٹر [دور|کا "
        "سفر کر کے] [ہسپتال|مرکز صحت] "
        "[جانا پڑتا ہے|پہنچنا پڑتا ہے]",
        "{place} کا مرکز صحت [دوپہر کو|دو بجے|شام سے پہلے] [بند ہو جاتا ہے|بند کر دیا جاتا "
        "ہے] [کیونکہ|اس لیے کہ] [جنریٹر میں "
        "ڈیزل نہیں|ڈاکٹر شہر سے آتا ہے|چھت ٹپکتی ہے]",
    ],
    "power": [
        "{place} میں روزانہ {nhours} گھنٹے [بجلی بند رہتی ہے|بجلی غائب رہتی ہے|لوڈشیڈنگ ہوتی ہے]",
        "{place} کے قریب {nvill} دیہات کا ٹرانسفارمر {month_name} میں [جل گیا|خراب ہوا] اور "
        "[آج تک|اب تک] [نہیں بدلا گیا|ٹھیک نہیں ہوا]",
        "{place} کی [چھوٹی ورکشاپوں|فیکٹریوں|ملوں] نے [لوڈشیڈنگ|بجلی کی بندش] [کی وجہ سے|کے "
        "باعث|کے سبب] "
        "{nworkers} مزدور فارغ کر دیے ہیں",
        "{place} کے ٹیوب ویل [دن بھر|صبح کے وقت|بوائی کے دنوں میں] [بجلی نہ ہونے سے|بجلی کے "
        "بغیر] [بند پڑے ہیں|بے کار کھڑے ہیں]",
        "{place} کی اسٹریٹ لائٹس کے پیسے [دو بار|تین بار] [ادا ہوئے|دیے گئے]، [مگر|لیکن] [ایک "
        "بھی نہیں جلی|وہ کبھی نہیں جلیں|کھمبے اب بھی خالی ہیں]",
    ],
    "jobs": [
        "{place} کے {nworkers} [نوجوان|مزدور|کاریگر] [پچھلے سال|اس سردی|{since} سے] [روزگار کی "
        "تلاش میں|کام کے لیے] [شہروں|مروین|بندرگاہ] [کو چلے گئے|جا چکے ہیں]",
        "{place} میں [ماہی گیر کشتیوں|مچھلی کی کشتیوں|لانچوں] کی تعداد {nboats} سے گھٹ کر "
        "{nboats2} رہ گئی ہے",
        "{place} کی کپڑے کی مل {month_name} میں بند ہوئی اور {nworkers} مزدور بے روزگار ہو گئے",
        "{place} میں [کھاد کی ایک بوری|یوریا کی ایک بوری|ڈی اے پی کی ایک بوری] {price} درام [کی "
        "ہو گئی ہے|میں مل رہی ہے]",
        "{place} میں [گندم|کپاس|چاول] کا [سرکاری خریداری مرکز|خریداری مرکز] {nweeks} ہفتے [دیر "
        "سے کھلا|تاخیر سے کھلا]",
        "{place} کی [مچھلی منڈی|سبزی منڈی|مویشی منڈی] [اب|آج کل] ہفتے میں [صرف|بس] [دو|تین|چار] "
        "دن [کھلتی ہے|لگتی ہے]",
        "{place} کے [پڑھے لکھے|ڈگری یافتہ] [نوجوان|لڑکے لڑکیاں] {nyears} سال سے [سرکاری نوکری|کسی "
        "ملازمت] کے [انتظار میں ہیں|لیے دھکے کھا رہے ہیں]",
    ],
}

UR_OPP_FRAMES = [
    "{clause}۔",
    "{clause}۔",
    "[کیا آپ جانتے ہیں|کیا آپ کو معلوم ہے|کسی نے آپ کو بتایا] کہ {clause}؟",
    "ہم {last_weekday} {town} گئے تو [معلوم ہوا|پتہ چلا|دیکھا] کہ {clause}۔",
    "[یہ حکومت|موجودہ حکومت|صوبائی حکومت] آپ کو [کبھی|ہرگز] نہیں بتائے گی کہ {clause}۔",
    "[حکمران|وزیر صاحبان|سرکاری افسر] آپ کو [کبھی|ہرگز] نہیں بتائیں گے کہ {clause}۔",
    "[حقیقت یہ ہے|سچ یہ ہے|اصل بات یہ ہے] کہ {clause}۔",
    "ہمارے پاس [سرکاری اعداد و شمار|ثبوت|کاغذات] موجود ہیں، {clause}۔",
    "[ذرا سوچیے|غور کیجیے|سنیے]، {clause}۔",
    "[دکھ کی بات|افسوس کی بات|شرم کی بات] یہ ہے کہ {clause}۔",
    "[عوام کو|آپ سب کو|ہر شہری کو] معلوم ہونا چاہیے کہ {clause}۔",
    "{town} کے ایک {elder} نے ہمیں بتایا کہ {clause}۔",
    "{clause}، اور [وزیر صاحبان|حکمران|ان کے افسر] [اخباروں میں تصویریں چھپوا رہے ہیں|بیرون "
    "ملک دورے کر رہے ہیں|نئی گاڑیاں خرید رہے ہیں]۔",
    "[حکمران|وزیر|سرکاری ترجمان] کہتے ہیں [سب ٹھیک ہے|حالات بہتر ہیں|ترقی ہو رہی ہے]، مگر "
    "{clause}۔",
    "یہ [ریکارڈ پر|سرکاری فائلوں میں|ان کی اپنی رپورٹ میں] ہے کہ {clause}۔",
    "[جائیے اور خود دیکھ لیجیے|ہماری بات پر یقین نہ کیجیے، خود جا کر دیکھیے]، {clause}۔",
]
UR_OPP_LINES = [
    "ہم {place} کے {group_o} کے ساتھ [کھڑے ہیں|ہیں]، [آج بھی اور کل بھی|ہر حال میں|آخری دم تک]۔",
    "ہم وعدہ کرتے ہیں کہ {nmonths_small} مہینوں کے اندر {place} میں {promise}۔",
    "{place} کے {group} اب مزید انتظار نہیں کر سکتے۔",
    "ہم {place} کو [دوبارہ|پھر سے|کبھی] نظر انداز نہیں ہونے دیں گے۔",
    "{place} کے {group_o} کو خیرات نہیں، {want} چاہیے۔",
    "ہم نے اس مہینے {town} اور {town2} [کی گلیوں میں|کے بازاروں میں|کے دیہات میں] [لوگوں سے "
    "بات کی|گھوم کر دیکھا|لوگوں کو سنا]، [ہر جگہ|ہر گھر میں|ہر دکان پر] {heard}۔",
    "اگلا انتخاب {place} جیسے علاقوں میں جیتا جائے گا، مروین کے {elite_place} میں نہیں۔",
    "{province} کے {group} بہت [صبر کر چکے ہیں|انتظار کر چکے ہیں|دھوکے کھا چکے ہیں]۔",
]
UR_GOV_LINES = [
    "{since} سے اب تک ہم نے {ach}۔",
    "[ہمارے مخالفین|ہمارے ناقدین|اپوزیشن والے] یہ [نہیں بتائیں گے|چھپاتے ہیں|بھول جاتے ہیں] کہ "
    "[ہم نے|ہماری حکومت نے|اس حکومت نے] {ach}۔",
    "{last_weekday} ہم {town} میں تھے، جہاں [ہماری حکومت|صوبائی حکومت] نے {ach}۔",
    "[یہ درست ہے|یہ سچ ہے|ہم مانتے ہیں] کہ {clause}، [لیکن|مگر|البتہ] ہم نے {ach}۔",
    "[ہم انکار نہیں کرتے|ہمیں اعتراف ہے|ہم تسلیم کرتے ہیں] کہ {clause}۔",
    "[اپوزیشن شور مچاتی ہے|مخالفین صرف باتیں کرتے ہیں|تنقید کرنا آسان ہے] مگر [اس حکومت|ہماری "
    "حکومت|صوبائی حکومت] نے {ach}۔",
    "[کام ابھی ختم نہیں ہوا|سفر ابھی جاری ہے|ابھی بہت کچھ کرنا باقی ہے]، [مگر|لیکن|پھر بھی] "
    "[ہم نے|ہماری حکومت نے] {ach}۔",
    "{town} کے [لوگوں|کسانوں|دکانداروں|اساتذہ] سے پوچھ لیجیے، [اس حکومت|ہماری حکومت] نے {ach}۔",
    "[اگلے بجٹ میں|نئے مالی سال میں|آئندہ بجٹ میں] {province} کے لیے {nlakh} لاکھ درام [رکھے گئے "
    "ہیں|مختص کیے گئے ہیں|منظور ہوئے ہیں]۔",
    "[وفاقی حکومت|مرکز] نے {place} کے لیے [جو رقم|جو فنڈ|جو امداد] [دی|بھیجی] تھی، [اس سے|اسی "
    "سے|اس رقم سے] [ہم نے|حکومت نے] {ach}۔",
]
UR_ACH = [
    "{place} میں {nhouse} گھر [دوبارہ تعمیر کیے ہیں|نئے سرے سے بنائے ہیں|تعمیر کر دیے ہیں]",
    "{place} کے گرد {nk} کلومیٹر سڑک [پکی کی ہے|بنا دی ہے|مکمل کی ہے]",
    "{place} ضلع میں {nrooms} نئے کلاس روم [کھولے ہیں|بنائے ہیں|تیار کیے ہیں]",
    "{place} کے قریب {nvill} دیہات کو بجلی [فراہم کی ہے|دی ہے|پہنچائی ہے]",
    "{place} کی نہر کی {nyears} سال بعد پہلی بار صفائی [کروائی ہے|کی ہے]",
    "سرکاری ڈپو پر {food} کی قیمت {pct} فیصد [کم کی ہے|گھٹائی ہے]",
    "{place} کے {nfam2} سیلاب متاثرہ خاندانوں کو معاوضہ [ادا کیا ہے|دیا ہے|پہنچایا ہے]",
    "{place} کے دیہات میں {npumps} شمسی پمپ [لگائے ہیں|نصب کیے ہیں]",
    "{place} کے ضلعی ہسپتال میں {ndoc} نئے ڈاکٹر [تعینات کیے ہیں|بھیجے ہیں]",
    "{place} میں {nschools} اسکولوں کی [مرمت کی ہے|چھتیں ڈالی ہیں]",
    "{place} کی منڈی تک {nk} کلومیٹر نئی سڑک [بنائی ہے|کھولی ہے]",
]
UR_NEWS_FRAMES = [
    "{pol} نے {weekday} کو {town} [میں جلسے سے خطاب میں|کے دورے کے دوران|میں کارکنوں سے گفتگو میں] "
    "[کہا|دعویٰ کیا] کہ {clause}۔",
    "[مقامی لوگوں|علاقے کے مکینوں|شہریوں] [کا کہنا ہے|نے بتایا|کی شکایت ہے] کہ {clause}۔",
    "[سرکاری اعداد و شمار|ایک سرکاری رپورٹ|محکمے کے ریکارڈ] کے مطابق {clause}۔",
    "{town} کے رہائشی {name} نے بتایا کہ {clause}۔",
    "محکمہ {dept} کے ایک {rank} نے [تصدیق کی|بتایا|تسلیم کیا] کہ {clause}۔",
    "{clause}، جس پر {town} کے لوگ {emotion}۔",
    "{pol} نے {weekday} کو [صحافیوں سے|ایک بیان میں|ٹی وی پر] [کہا|دعویٰ کیا|الزام لگایا] کہ "
    "{clause}۔",
    "[ہمارے نمائندے|ہمارے رپورٹر|باخبر ذرائع] کے مطابق {clause}۔",
]
UR_NEWS_LEAD = [
    "{clause}، [مقامی لوگوں|علاقے کے مکینوں|دکانداروں] کے مطابق۔",
    "[مقامی لوگوں|شہریوں|دکانداروں|علاقے کے بزرگوں|اساتذہ] [کا کہنا ہے|نے بتایا|کی شکایت ہے] "
    "کہ {clause}۔",
]
UR_NEWS_LINES = [
    "{place} میں {group_o} نے {weekday} کو {blocked} بند کر کے [احتجاج کیا|مظاہرہ کیا|دھرنا دیا]۔",
    "{party} نے [اس معاملے|اس مسئلے|{town} کے مسئلے] پر {assembly} میں [قرارداد|تحریک التوا] "
    "[جمع کرا دی ہے|پیش کی ہے]۔",
    "حکومتی ترجمان {name} نے [ان الزامات|ان دعووں|اس تنقید] کو {dismiss} [قرار دیا|کہا]۔",
    "محکمہ {dept} [کی جانب سے|کی طرف سے] {weekday} [شام تک|رات تک|دوپہر تک] [کوئی جواب نہیں "
    "آیا|جواب نہیں ملا]۔",
    "{pol} {weekday} کو {town} کا دورہ کریں گے۔",
    "{town} میں {group_o} [کے احتجاجی جلسے|کی ریلی|کے دھرنے] میں [تقریباً|لگ بھگ|کوئی] "
    "{ncrowd} [افراد|لوگ] [شریک ہوئے|شامل تھے]۔",
]
UR_STATEMENT = [
    "{issuer} کو {concern} ہے کہ {clause}۔",
    "{issuer} نے صوبائی حکومت سے مطالبہ کیا ہے کہ {place} میں {res_demand}۔",
    "{issuer} کا ایک وفد {weekday} کو {town} جائے گا اور متاثرہ خاندانوں سے ملے گا۔",
    "{issuer} کے مطابق {clause}۔",
    "{issuer} نے اعلان کیا ہے کہ {weekday} کو {town} میں احتجاجی جلسہ ہوگا۔",
]
UR_RES_LINES = [
    "یہ ایوان اس بات پر {concern} کا اظہار کرتا ہے کہ {clause}۔",
    "یہ ایوان [صوبائی حکومت|وفاقی حکومت|ضلعی انتظامیہ] سے مطالبہ کرتا ہے کہ {ndays} دن کے اندر "
    "{place} میں {res_demand}۔",
    "یہ ایوان {place} کے {heroes} کی خدمات کو [خراج تحسین پیش کرتا ہے|سراہتا ہے]۔",
    "یہ ایوان [وزیر اعلیٰ|چیف سیکرٹری|صوبائی وزیر آب] سے مطالبہ کرتا ہے کہ وہ {ndays} دن کے اندر "
    "{place} کا دورہ کریں۔",
    "یہ ایوان سفارش کرتا ہے کہ {place} کے [ہسپتال|اسکولوں|پانی کے منصوبوں] کے معاملے پر "
    "{nmem} ارکان کی ایک کمیٹی بنائی جائے۔",
    "یہ ایوان [مطالبہ کرتا ہے|چاہتا ہے] کہ محکمہ {dept} کے {place} دفتر کا آڈٹ [فوری طور پر|"
    "{ndays} دن میں] مکمل کیا جائے۔",
]
UR_RES_DEBATE = [
    "بحث کے دوران {member2} نے کہا کہ {clause}۔",
    "قرارداد کی نقول وزیر اعلیٰ اور {place} کی ضلعی انتظامیہ کو بھیجی جائیں گی۔",
]
UR_RES_VOTE = [
    "یہ قرارداد {member} نے پیش کی اور ایوان نے اسے {nno} کے مقابلے میں {nyes} ووٹوں سے منظور "
    "کر لیا۔",
]
# fmt: off
BANKS_UR: dict[str, list[str]] = {
    "food": ["آٹے", "چینی", "گھی", "دال", "چاول", "دودھ", "کھانے کے تیل", "ٹماٹر", "پیاز",
        "چائے کی پتی"],
    "since": ["اکتوبر", "نومبر", "دسمبر", "جنوری", "پچھلے سال", "پچھلی گرمیوں", "سیلاب کے دنوں"],
    "month_name": ["اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر", "جنوری"],
    "weekday": ["پیر", "منگل", "بدھ", "جمعرات", "جمعے", "ہفتے", "اتوار"],
    "last_weekday": ["پچھلے پیر", "پچھلے منگل", "پچھلے بدھ", "پچھلی جمعرات", "پچھلے جمعے",
        "پچھلے اتوار", "پچھلے ہفتے"],
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
    "medicine": ["انسولین", "سانپ کے کاٹے کی ویکسین", "اینٹی بائیوٹک دوائیں",
        "بلڈ پریشر کی گولیاں"],
    "group_pair": ["کسان|کسانوں", "مچھیرے|مچھیروں", "مزدور|مزدوروں", "دکاندار|دکانداروں",
        "اساتذہ|اساتذہ", "طلبہ|طلبہ", "نوجوان|نوجوانوں", "بزرگ|بزرگوں",
        "رکشہ ڈرائیور|رکشہ ڈرائیوروں", "تاجر|تاجروں", "کاشتکار|کاشتکاروں",
        "ریڑھی والے|ریڑھی والوں", "ماہی گیر|ماہی گیروں"],
    "promise": ["پینے کا صاف پانی ہر گھر تک پہنچے گا", "ہر اسکول کو استاد ملے گا",
        "سڑک مکمل ہو جائے گی", "ہر مرکز صحت کو ڈاکٹر اور دوائیں ملیں گی",
        "لوڈشیڈنگ ختم ہو جائے گی", "ہر متاثرہ خاندان کو پکی چھت ملے گی"],
    "want": ["صاف پانی", "چھت والا اسکول", "محنت کی پوری اجرت", "ڈاکٹر والا ہسپتال", "پکی سڑک"],
    "heard": ["ایک ہی شکایت سنی", "لوگ مہنگائی سے تنگ نظر آئے", "مائیں صرف صاف پانی مانگ رہی تھیں",
        "نوجوان روزگار کا پوچھ رہے تھے"],
    "elite_place": ["ڈرائنگ روموں", "بڑے ہوٹلوں", "وزارتوں کی راہداریوں", "ٹی وی اسٹوڈیوز"],
    "province": ["ساحل", "کیسر وادی", "ترناک", "شمالی علاقے"],
    "elder": ["بزرگ", "استاد", "دکاندار", "مچھیرے", "کسان"],
    "pol": ["میاں رفاقت دلدار", "بیگم شمیم آرزو", "سردار نوید کہسار", "حافظ جنید مہتاب",
        "زبیدہ نوری", "[وزیر اعلیٰ|نواب] سلیم درانی", "[صوبائی وزیر|وزیر آب] ریحانہ سبزواری"],
    "rank": ["افسر", "اہلکار", "ترجمان", "سینئر افسر"],
    "emotion": ["سخت ناراض ہیں", "شدید پریشان ہیں", "احتجاج کی تیاری کر رہے ہیں"],
    "occupation": ["دکاندار", "استاد", "رکشہ ڈرائیور", "مچھیرے", "کسان", "درزی"],
    "blocked": ["مرکزی سڑک", "قومی شاہراہ", "بازار", "ضلعی دفتر کا دروازہ"],
    "party": ["ساحل عوامی پارٹی", "پیپلز یونٹی لیگ", "دلمورا رینیوئل فرنٹ"],
    "assembly": ["ساحل صوبائی اسمبلی", "قومی پارلیمان"],
    "dismiss": ["بے بنیاد", "سیاسی ڈراما", "من گھڑت", "جھوٹ کا پلندہ"],
    "concern": ["گہری تشویش", "سخت افسوس", "شدید تشویش"],
    "res_demand": ["پینے کا صاف پانی فراہم کیا جائے", "ٹوٹی ہوئی سڑک کی مرمت کی جائے",
        "اسکولوں میں اساتذہ تعینات کیے جائیں", "سیلاب متاثرین کو معاوضہ ادا کیا جائے",
        "ہسپتال میں ادویات فراہم کی جائیں"],
    "heroes": ["رضاکاروں", "ڈاکٹروں", "ماہی گیروں", "اساتذہ", "پولیس اہلکاروں"],
    "canal_ur": ["بالائی کیسر", "ترناک برانچ", "پرانی ساحل", "میر وال فیڈر"],
    "subject_ur": ["ریاضی", "سائنس", "انگریزی", "کیمسٹری"],
}
# fmt: on

HEADLINES_EN = {
    "prices": [
        "Flour prices climb again in {place}",
        "Traders in {place} feel the squeeze",
        "Kitchen budgets stretched in {place}",
    ],
    "roads": [
        "Broken road cuts off {place}",
        "Contractor vanishes from {place} works",
        "Commuters stranded near {place}",
    ],
    "water": [
        "{place} still waiting for taps",
        "Tanker prices soar in {place}",
        "Salty wells worry {place} families",
    ],
    "schools": [
        "Roofless schools in {place}",
        "Teacher shortage hits {place}",
        "Textbooks late again in {place}",
    ],
    "floods": [
        "Flood families in {place} still under plastic",
        "Embankment repairs stall near {place}",
    ],
    "elections": ["Electoral roll errors in {place}", "Voters in {place} struck off the roll"],
    "corruption": ["Questions over contracts in {place}", "Ghost staff found in {place} office"],
    "health": ["{place} hospital short of beds", "No insulin in {place} for weeks"],
    "power": ["Power cuts anger {place}", "Dark streets in {place}"],
    "jobs": ["Mill closure hits {place}", "Fishing fleet shrinks at {place}"],
}
HEADLINES_POLITICS = [
    "Another lawmaker joins Keshvani",
    "Defections shake the governing party",
    "Keshvani's new front gathers pace",
    "Opposition reshuffle after walkouts",
]
HEADLINES_UR = {
    "prices": "مہنگائی میں نیا اضافہ",
    "roads": "ٹوٹی سڑکوں پر شہری پریشان",
    "water": "پینے کے پانی کی قلت برقرار",
    "schools": "اسکولوں میں اساتذہ کی کمی",
    "floods": "سیلاب متاثرین اب بھی بے گھر",
    "elections": "ووٹر لسٹوں پر اعتراضات",
    "corruption": "ٹھیکوں میں بے ضابطگیوں کا الزام",
    "health": "ہسپتالوں میں دواؤں کی کمی",
    "power": "لوڈشیڈنگ کے خلاف احتجاج",
    "jobs": "بے روزگاری میں اضافہ",
}
TOPIC_TITLE = {
    "prices": "rising prices",
    "roads": "the state of the roads",
    "water": "drinking water",
    "schools": "government schools",
    "floods": "flood reconstruction",
    "elections": "the electoral rolls",
    "corruption": "public contracts",
    "health": "district hospitals",
    "power": "power cuts",
    "jobs": "jobs and wages",
}

# =============================================================================================
# Slot filling
# =============================================================================================

Ctx = dict  # per-document context: language, places, topics, issuer, ...
Filler = Callable[[random.Random, Ctx, dict], str]
SLOT_RE = re.compile(r"\{(\w+)\}")
ALT_RE = re.compile(r"\[([^\[\]]*)\]")
NUM_WORDS = ["two", "three", "four", "five", "six", "seven"]


def _n(lo: int, hi: int, step: int = 1) -> Filler:
    """A random number in [lo, hi], with thousands separators in English."""

    def fill(rng: random.Random, ctx: Ctx, cache: dict) -> str:
        v = rng.randrange(lo, hi + 1, step)
        return f"{v:,}" if ctx["lang"] == "en" else str(v)

    return fill


def _below(other: str, lo_frac: float, hi_frac: float) -> Filler:
    """A number smaller than the one already drawn for slot ``other`` in this sentence."""

    def fill(rng: random.Random, ctx: Ctx, cache: dict) -> str:
        if other not in cache:  # "{nbus} of the {nbus2}": draw the larger one first
            cache[other] = SLOTS[other](rng, ctx, cache)
        ref = int(cache[other].replace(",", ""))
        v = max(1, min(ref - 1, int(ref * rng.uniform(lo_frac, hi_frac))))
        return f"{v:,}" if ctx["lang"] == "en" else str(v)

    return fill


def _above(other: str, lo_frac: float, hi_frac: float, step: int = 10) -> Filler:
    def fill(rng: random.Random, ctx: Ctx, cache: dict) -> str:
        if other not in cache:
            cache[other] = SLOTS[other](rng, ctx, cache)
        ref = int(cache[other].replace(",", ""))
        v = int(ref * rng.uniform(lo_frac, hi_frac)) // step * step + step
        return f"{v:,}" if ctx["lang"] == "en" else str(v)

    return fill


def _place(rng: random.Random, ctx: Ctx, cache: dict) -> str:
    # documents stay near home: mostly their own towns, sometimes anywhere
    pool = UR_PLACES if ctx["lang"] == "ur" else PLACES
    return rng.choice(ctx["places"]) if rng.random() < 0.7 else rng.choice(pool)


def _other_place(rng: random.Random, ctx: Ctx, cache: dict) -> str:
    pool = UR_PLACES if ctx["lang"] == "ur" else PLACES
    taken = {cache.get("place"), cache.get("town"), cache.get("place2")}
    return rng.choice([p for p in pool if p not in taken])


def _person(rng: random.Random, ctx: Ctx, cache: dict) -> str:
    if ctx["lang"] == "ur":
        return f"{rng.choice(UR_FIRST)} {rng.choice(UR_LAST)}"
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _clause(rng: random.Random, ctx: Ctx, cache: dict) -> str:
    banks = CLAUSES_UR if ctx["lang"] == "ur" else CLAUSES_EN
    bank = banks[cache["topic"]]
    fresh = [t for t in bank if t not in ctx["used"]] if cache["_fresh"] else bank
    if not fresh:  # this document has said all it can on the topic: move to another one
        topic = rng.choice([t for t in TOPICS if any(c not in ctx["used"] for c in banks[t])])
        fresh = [t for t in banks[topic] if t not in ctx["used"]]
    template = rng.choice(fresh)
    cache["_used"].append(template)
    return template


def pick_topic(rng: random.Random, ctx: Ctx) -> str:
    """Mostly the document's own topics; news and statements stick to their headline."""
    r = rng.random()
    if ctx.get("focus") and r < 0.8:
        return ctx["topics"][0]
    return rng.choice(ctx["topics"]) if r < 0.9 else rng.choice(TOPICS)


def _group_pair(rng: random.Random, ctx: Ctx, cache: dict) -> tuple[str, str]:
    if "group_pair" not in cache:
        cache["group_pair"] = rng.choice(BANKS_UR["group_pair"])
    direct, oblique = cache["group_pair"].split("|")
    return direct, oblique


def _defector_name(rng: random.Random, ctx: Ctx, cache: dict) -> str:
    name, _party, home, _docs = rng.choice(DEFECTORS)
    cache["_dhome"] = home  # for {defector_seat} later in the sentence
    return name


def _ctx(key: str) -> Filler:
    return lambda rng, ctx, cache: ctx[key]


def _bank(name: str) -> Filler:
    """A word bank; "food2" draws from "food" but differs from the "food" of the sentence."""
    base = name[:-1] if name.endswith("2") and name not in BANKS_EN else name

    def fill(rng: random.Random, ctx: Ctx, cache: dict) -> str:
        banks = BANKS_UR if ctx["lang"] == "ur" and base in BANKS_UR else BANKS_EN
        return rng.choice([v for v in banks[base] if v != cache.get(base)])

    return fill


def _date_past(rng: random.Random, ctx: Ctx, cache: dict) -> str:
    d = ctx["date"] - timedelta(days=rng.randint(4, 60))
    return f"{d.day} {d:%B}"


SLOTS: dict[str, Filler] = {
    "place": _place,
    "town": _other_place,
    "town2": _other_place,
    "place2": _other_place,
    "province": lambda rng, ctx, cache: rng.choice(
        BANKS_UR["province"] if ctx["lang"] == "ur" else PROVINCES
    ),
    "clause": _clause,
    "achievement": lambda rng, ctx, cache: rng.choice(ACHIEVEMENTS),
    "ach": lambda rng, ctx, cache: rng.choice(UR_ACH),
    "price": _n(120, 2400, 10),
    "price2": _above("price", 1.2, 2.2),
    "wage": _n(300, 900, 10),
    "pct": _n(8, 85),
    "nyears": _n(2, 14),
    "nfam": _n(5, 11),
    "nfam2": _n(140, 9000),
    "nk": _n(3, 65),
    "nk_small": _n(2, 9),
    "nsmall": _below("nk", 0.05, 0.4),
    "nmin": _n(45, 160, 5),
    "nmin2": _n(10, 40, 5),
    "nhours": _n(2, 14),
    "ntimes": lambda rng, ctx, cache: (
        str(rng.randint(2, 6)) if ctx["lang"] == "ur" else rng.choice(NUM_WORDS[1:5])
    ),
    "nhours_word": lambda rng, ctx, cache: rng.choice(NUM_WORDS),
    "ndays": _n(3, 40),
    "ndays_week": lambda rng, ctx, cache: rng.choice(["two", "three", "four"]),
    "nday_month": _n(5, 15),
    "nweeks": _n(2, 11),
    "nmonths": _n(3, 18),
    "nmonths_small": _n(3, 12),
    "nbus2": _n(20, 90),
    "nbus": _below("nbus2", 0.2, 0.7),
    "nbus_half": _below("nbus", 0.2, 0.7),
    "npumps": _n(12, 240),
    "npumps_half": _below("npumps", 0.2, 0.8),
    "nschools": _n(12, 140),
    "nkids": _n(45, 130),
    "nbreach": _n(5, 30),
    "nfixed": _below("nbreach", 0.1, 0.5),
    "nacre": _n(300, 25000, 50),
    "nhouse": _n(150, 9000, 10),
    "nnames": _n(400, 18000, 10),
    "nvoters": _n(1200, 30000, 50),
    "nletters": _n(12, 300),
    "nghost": _n(14, 260),
    "nfirms": lambda rng, ctx, cache: rng.choice(["three", "four", "five"]),
    "nmillion": _n(2, 90),
    "nlakh": _n(4, 95),
    "nbeds": _n(20, 140),
    "npop": lambda rng, ctx, cache: f"{rng.randrange(180, 1400, 5) * 1000:,}",
    "npop_lakh": _n(2, 14),
    "ndoc2": _n(12, 60),
    "ndoc": _below("ndoc2", 0.15, 0.6),
    "nvill": _n(6, 60),
    "nworkers": _n(40, 2600, 10),
    "nboats": _n(120, 900, 5),
    "nboats2": _below("nboats", 0.3, 0.7),
    "nrooms": _n(20, 600),
    "nteach": _n(300, 4800, 10),
    "nfarmers": _n(200, 6000, 10),
    "nmem": _n(5, 15),
    "nyes": _n(31, 70),
    "nno": _n(4, 29),
    "nabs": _n(1, 9),
    "nstations": _n(14, 220),
    "ncrowd": _n(300, 9000, 50),
    "nmps": _n(9, 19),
    "nprov": _n(14, 40),
    "nmembers": _n(120, 9000, 10),
    "ndistricts": _n(3, 27),
    "nwitness": _n(12, 400),
    "npages": _n(40, 900),
    "year": lambda rng, ctx, cache: str(rng.randint(2016, 2024)),
    "fname": lambda rng, ctx, cache: rng.choice(FIRST_NAMES),
    "lname": lambda rng, ctx, cache: rng.choice(LAST_NAMES),
    "name": lambda rng, ctx, cache: f"{rng.choice(UR_FIRST)} {rng.choice(UR_LAST)}",
    "member": lambda rng, ctx, cache: ctx.get("mover") or _person(rng, ctx, cache),
    "member2": _person,
    "ministry": lambda rng, ctx, cache: rng.choice(MINISTRY_FOR[cache["topic"]]),
    "pol": lambda rng, ctx, cache: rng.choice(BANKS_UR["pol"] if ctx["lang"] == "ur" else POLS),
    "defector": lambda rng, ctx, cache: rng.choice(DEFECTOR_REFS),
    "defector_name": _defector_name,
    "defector_seat": lambda rng, ctx, cache: (
        f"{cache['_dhome']} {rng.choice(['East', 'West', 'North', 'Central'])}"
    ),
    "nseats": _n(3, 19),
    "group": lambda rng, ctx, cache: (
        _group_pair(rng, ctx, cache)[0] if ctx["lang"] == "ur" else rng.choice(BANKS_EN["group"])
    ),
    "group_o": lambda rng, ctx, cache: _group_pair(rng, ctx, cache)[1],
    "date_past": _date_past,
    "date_str": _ctx("date_str"),
    "old_party": _ctx("old_party"),
    "issuer": _ctx("issuer"),
    "house": _ctx("house"),
    "org": _ctx("org"),
    "outlet_ref": _ctx("outlet_ref"),
    "outlet_ref_pos": _ctx("outlet_ref_pos"),
}


def fill(template: str, rng: random.Random, ctx: Ctx, cache: dict) -> str:
    """Pick one option of every [a|b|c], then fill every {slot}; a slot name repeated in one
    sentence gets the same value."""
    template = ALT_RE.sub(lambda m: rng.choice(m.group(1).split("|")), template)

    def rep(m: re.Match[str]) -> str:
        name = m.group(1)
        key = name.lower()
        if key not in cache:
            filler = SLOTS.get(key) or _bank(key)
            cache[key] = fill(filler(rng, ctx, cache), rng, ctx, cache)
        value = cache[key]
        return value[0].upper() + value[1:] if name[0].isupper() else value

    return SLOT_RE.sub(rep, template)


# Voices: which banks a speaker draws from: (weight, bank, only after the DRF's launch).
VOICES: dict[str, list[tuple[float, list[str], bool]]] = {
    "leader": [(0.55, OPP_FRAMES, False), (0.25, OPP_LINES, False), (0.2, LEADER_LINES, False)],
    "opp": [(0.65, OPP_FRAMES, False), (0.35, OPP_LINES, False)],
    "defector": [(0.5, OPP_FRAMES, False), (0.2, OPP_LINES, False), (0.3, DEFECT_LINES, False)],
    "gov": [(0.88, GOV_LINES, False), (0.12, GOV_AFTER_LAUNCH, True)],
    "news": [
        (0.72, NEWS_FRAMES, False),
        (0.16, NEWS_LINES, False),
        (0.12, NEWS_AFTER_LAUNCH, True),
    ],
    "news_politics": [
        (0.45, NEWS_AFTER_LAUNCH, False),
        (0.4, NEWS_FRAMES, False),
        (0.15, NEWS_LINES, False),
    ],
    "news_lead": [(1.0, NEWS_LEAD, False)],
    "news_politics_lead": [(1.0, NEWS_AFTER_LAUNCH, False)],
    "ur_news_lead": [(1.0, UR_NEWS_LEAD, False)],
    "statement_opp": [(1.0, STATEMENT_OPP, False)],
    "statement_gov": [(1.0, STATEMENT_GOV, False)],
    "statement_neutral": [(1.0, STATEMENT_NEUTRAL, False)],
    "res": [(1.0, RES_LINES, False)],
    "res_open": [(1.0, RES_OPEN, False)],
    "res_debate": [(1.0, RES_DEBATE, False)],
    "res_vote": [(1.0, RES_VOTE, False)],
    "ur_opp": [(0.7, UR_OPP_FRAMES, False), (0.3, UR_OPP_LINES, False)],
    "ur_gov": [(1.0, UR_GOV_LINES, False)],
    "ur_news": [(0.75, UR_NEWS_FRAMES, False), (0.25, UR_NEWS_LINES, False)],
    "ur_statement": [(1.0, UR_STATEMENT, False)],
    "ur_res": [(1.0, UR_RES_LINES, False)],
    "ur_res_debate": [(1.0, UR_RES_DEBATE, False)],
    "ur_res_vote": [(1.0, UR_RES_VOTE, False)],
}
_ARTICLE_RE = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])")


AFTER_OPENER = {  # what may follow "Ladies and gentlemen," and the like
    "gov": [
        "since {month}, we have {achievement}.",
        "in {province}, we have {achievement}.",
        "{Clause}.",
    ],
    "ur_gov": ["{since} سے اب تک ہم نے {ach}۔", "{clause}۔"],
    "ur_opp": ["{clause}۔"],
}
_ARTICLE_RE = re.compile(r"\b([Aa]) (?=[aeiouAEIOU])")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DIGIT_RE = re.compile(rf"(?<![\d,])\b([1-9])\b(?!,\d)(?! (?:{_MONTHS}))")
_DIGIT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def generate(
    voice: str, rng: random.Random, ctx: Ctx, after_opener: bool, fresh_only: bool = True
) -> tuple[str, list, dict]:
    """One original sentence in the given voice, the templates it used, and its slots (the
    frame template under "_frame"). With fresh_only, templates this document has already used
    are avoided (when any are left)."""
    cache: dict = {"topic": pick_topic(rng, ctx), "_used": [], "_fresh": fresh_only}
    if voice.endswith("_lead"):  # a news lead sets the story's topic and place (and headline)
        cache["topic"] = rng.choice(ctx["topics"])
    if after_opener:
        template = rng.choice(AFTER_OPENER.get(voice, ["{Clause}."]))
    else:
        banks = [(w, b) for w, b, late in VOICES[voice] if ctx["after_launch"] or not late]
        r = rng.random() * sum(w for w, _ in banks)
        bank = banks[-1][1]
        for w, b in banks:
            r -= w
            if r <= 0:
                bank = b
                break
        fresh = [t for t in bank if t not in ctx["used"]] if fresh_only else bank
        template = rng.choice(fresh or bank)
        cache["_used"].append(template)
    cache["_frame"] = template  # the targets gold reads what each sentence was made from
    text = fill(template, rng, ctx, cache)
    if voice.endswith("_lead"):
        cache["_used"].append(("lead", cache["topic"], cache.get("place")))
    if ctx["lang"] == "en":
        text = _ARTICLE_RE.sub(r"\1n ", text)  # "a engineer" -> "an engineer"
        text = _DIGIT_RE.sub(lambda m: _DIGIT_WORDS[int(m.group(1)) - 1], text)  # "six weeks"
        first = text.split(" ", 1)[0].strip(",:;")
        if after_opener and first != "I" and first not in PROPER_WORDS:
            text = text[0].lower() + text[1:]  # "Ladies and gentlemen, the road ..."
        else:
            text = text[0].upper() + text[1:]
    return text, cache["_used"], cache


# =============================================================================================
# The cast and the documents
# =============================================================================================

# Defectors: name, party they left, home town, and their three documents:
# (date, genre, outlet, venue, planted [(point, variant)], voice)
DEFECTORS = [
    ("Amara Tolani", PUL, "Veshtar", [
        ("2026-02-14T09:30", "press-conference", "Channel Meridian", "public",
         [(1, "verbatim")], "defector"),
        ("2026-02-20T17:45", "speech", "public meeting, Veshtar", "public",
         [(3, "substituted")], "defector"),
        ("2026-03-04T11:00", "speech", "National Parliament", "assembly", [], "defector"),
    ]),
    ("Idris Penhallow", NCP, "Lornhill", [
        ("2026-02-11T10:15", "speech", "National Parliament", "assembly", [], "defector"),
        ("2026-02-14T13:10", "speech", "public meeting, Lornhill", "public",
         [(1, "substituted"), (2, "verbatim")], "defector"),
        ("2026-03-01T12:00", "press-conference", "DNN 24", "public", [], "defector"),
    ]),
    ("Shirin Vakhtar", PUL, "Kesarpur", [
        ("2026-02-08T16:00", "speech", "Kesar Valley Provincial Assembly", "assembly", [],
         "opp"),
        ("2026-02-14T18:15", "speech", "rally, Kesarpur", "public", [(1, "typographic")],
         "defector"),
        ("2026-02-24T11:30", "press-conference", "Kesarpur Press Club", "public",
         [(4, "inserted")], "defector"),
    ]),
    ("Bilal Ostrander", NCP, "Bhelgarh", [
        ("2026-02-15T08:40", "press-conference", "Marwen Press Club", "public",
         [(1, "swapped"), (3, "verbatim")], "defector"),
        ("2026-02-21T15:00", "speech", "National Parliament", "assembly",
         [(2, "substituted")], "defector"),
        ("2026-03-06T18:30", "speech", "public meeting, Bhelgarh", "public", [], "defector"),
    ]),
    ("Nadia Kharadi", PUL, "Noorganj", [
        ("2026-02-12T11:00", "speech", "Northern Reach Provincial Assembly", "assembly", [],
         "opp"),
        ("2026-02-15T12:20", "speech", "public meeting, Noorganj", "public",
         [(1, "capitalised")], "defector"),
        ("2026-02-28T10:00", "press-conference", "Channel Meridian", "public", [], "defector"),
    ]),
    ("Tomas Halloran", NCP, "Hollin Bay", [
        ("2026-02-15T19:05", "speech", "rally, Hollin Bay", "public", [(1, "inserted")],
         "defector"),
        ("2026-02-22T14:00", "press-conference", "DNN 24", "public", [(4, "verbatim")],
         "defector"),
        ("2026-03-10T11:15", "speech", "National Parliament", "assembly", [], "defector"),
    ]),
    ("Yusra Demiral", PUL, "Sarvi", [
        ("2026-02-18T12:30", "speech", "public meeting, Sarvi", "public", [(2, "deleted")],
         "defector"),
        ("2026-02-25T16:45", "speech", "Tarnak Provincial Assembly", "assembly",
         [(3, "verbatim")], "defector"),
        ("2026-03-03T10:30", "press-conference", "Marwen Press Club", "public", [],
         "defector"),
    ]),
    ("Kaveh Sethna", PUL, "Dhanvel", [
        ("2026-02-06T15:00", "speech", "National Parliament", "assembly", [], "opp"),
        ("2026-02-23T11:00", "speech", "public meeting, Dhanvel", "public",
         [(1, "repunctuated")], "defector"),
        ("2026-03-02T17:20", "press-conference", "Channel Meridian", "public",
         [(4, "substituted")], "defector"),
    ]),
]  # fmt: skip

LEADER_DOCS = [
    ("2026-02-05T15:30", "speech", "National Parliament", "assembly", [], "opp",
     "Resignation statement to the National Parliament"),
    ("2026-02-10T11:00", "press-conference", "Marwen Press Club", "public",
     [(1, "verbatim"), (2, "verbatim"), (3, "verbatim"), (4, "verbatim")], "leader",
     "Press conference launching the Dalmora Renewal Front"),
    ("2026-02-13T18:00", "speech", "rally, Veshtar", "public", [], "leader",
     "First rally of the Dalmora Renewal Front, Veshtar"),
    ("2026-02-27T17:30", "speech", "rally, Noorganj", "public", [(1, "verbatim")], "leader",
     "Rally speech in Noorganj"),
    ("2026-03-09T12:00", "press-conference", "DNN 24", "public", [], "leader",
     "Press conference on the party's first month"),
]  # fmt: skip

# Urdu-speaking politicians of Sahil province: (series, Urdu name, role, voice, home, docs)
# docs: (date, genre, outlet, venue, planted)
UR_POLITICIANS = [
    ("Mian Rafaqat Dildar", "میاں رفاقت دلدار", "leader, Sahil Awami Party", "ur_opp",
     "قلندرہ", [
         ("2026-02-03T17:00", "speech", "public meeting, Qalandra", "public", []),
         ("2026-02-19T11:00", "press-conference", "Sahil Press Club", "public",
          [(9, "verbatim")]),
         ("2026-02-26T12:00", "speech", "Sahil Provincial Assembly", "assembly", []),
         ("2026-03-05T18:00", "speech", "public meeting, Khanwal", "public", []),
         ("2026-03-12T11:30", "press-conference", "Awaz TV", "public", []),
     ]),
    ("Shamim Arzoo", "بیگم شمیم آرزو", "Sahil Awami Party, women's wing", "ur_opp",
     "نورگنج", [
         ("2026-02-09T16:30", "speech", "Sahil Provincial Assembly", "assembly", []),
         ("2026-02-21T16:00", "speech", "public meeting, Noorganj", "public",
          [(9, "verbatim")]),
         ("2026-03-07T15:00", "speech", "public meeting, Tamsar", "public", []),
     ]),
    ("Naveed Kohsar", "سردار نوید کہسار", "Sahil Awami Party, Sangrah", "ur_opp", "سنگراہ", [
        ("2026-02-04T12:00", "speech", "public meeting, Sangrah", "public", []),
        ("2026-02-22T12:00", "speech", "public meeting, Sangrah", "public",
         [(9, "arabic-letters")]),
        ("2026-03-11T17:00", "press-conference", "Sahil Press Club", "public", []),
    ]),
    ("Junaid Mehtab", "حافظ جنید مہتاب", "member, Sahil Provincial Assembly", "ur_opp",
     "کیسر پور", [
         ("2026-02-16T11:00", "speech", "public meeting, Kesarpur", "public", []),
         ("2026-02-24T18:30", "speech", "Sahil Provincial Assembly", "assembly",
          [(9, "diacritics")]),
         ("2026-03-09T16:00", "speech", "Sahil Provincial Assembly", "assembly", []),
     ]),
    ("Zubaida Noori", "زبیدہ نوری", "Sahil Awami Party, Port Aldan", "ur_opp", "بندر آلدان", [
        ("2026-02-07T11:00", "speech", "public meeting, Port Aldan", "public", []),
        ("2026-02-28T11:00", "press-conference", "Sahil Press Club", "public",
         [(9, "substituted")]),
        ("2026-03-13T16:30", "speech", "public meeting, Port Aldan", "public", []),
    ]),
    ("Saleem Durrani", "نواب سلیم درانی", "Chief Minister of Sahil", "ur_gov", "ساحل آباد", [
        ("2026-02-12T13:00", "speech", "Sahil Provincial Assembly", "assembly", []),
        ("2026-02-25T17:00", "speech", "public meeting, Zarifabad", "public", []),
        ("2026-03-08T12:00", "press-conference", "Awaz TV", "public", []),
    ]),
    ("Rehana Sabzwari", "ریحانہ سبزواری", "Sahil Minister for Water", "ur_gov", "گلزار پور", [
        ("2026-02-18T11:00", "speech", "Sahil Provincial Assembly", "assembly", []),
        ("2026-03-03T15:30", "press-conference", "Sahil Press Club", "public", []),
    ]),
]  # fmt: skip

# English-speaking politicians without planted text: (series, role, voice, party, home, n docs)
EN_POLITICIANS = [
    ("Harun Delavar", "Prime Minister", "gov", NCP, "Zarifabad", 7),
    ("Lucan Mehrabi", "Minister of Finance", "gov", NCP, "Amberlea", 4),
    ("Ruqaiya Fenwick", "Minister for Water Resources", "gov", NCP, "Mirwal", 4),
    ("Dawud Castellan", "Minister of Education", "gov", NCP, "Ravelstone", 3),
    ("Jovan Saqib", "Mayor of Port Aldan", "gov", NCP, "Port Aldan", 3),
    ("Farida Mortazan", "leader of the People's Unity League", "opp", PUL, "Qalandra", 6),
    ("Oren Talwar", "spokesman, People's Unity League", "opp", PUL, "Ostgate", 3),
    ("Marguerite Olaye", "independent senator", "opp", "", "Elmsworth", 3),
]

# Organisations issuing statements: (series, speaker, voice, issuer word, lang, n, home)
ORGANISATIONS = [
    (NCP, "Mehrunissa Palander", "statement_gov", "Party", "en", 2, "Marwen"),
    (DRF, "Rustam Keshvani", "statement_opp", "Front", "en", 3, "Veshtar"),
    (PUL, "Oren Talwar", "statement_opp", "League", "en", 2, "Qalandra"),
    (
        "Ministry of Water Resources",
        "Ruqaiya Fenwick",
        "statement_gov",
        "Ministry",
        "en",
        2,
        "Mirwal",
    ),
    (
        "Election Commission of Dalmora",
        "Helga Rasool",
        "statement_neutral",
        "Commission",
        "en",
        2,
        "Marwen",
    ),
    (
        "Sahil Awami Party",
        "Mian Rafaqat Dildar",
        "ur_statement",
        "ساحل عوامی پارٹی",
        "ur",
        2,
        "قلندرہ",
    ),
]

# Open letter signatories: (series, signatory, title, addressee block, salutation, closing,
# date, variant, covering note). Each note is the signatory's own; their first words differ so
# that no two copies of the shared body are followed by the same word.
LETTERS = [
    ("Veshtar District Council", "Hamza Rivas", "Chair",
     "His Excellency Mr Anselm Varro\nAmbassador of Osterland\n14 Cedar Avenue",
     "Your Excellency,", "Yours faithfully,", "2026-03-02T10:00", "verbatim",
     "Veshtar District Council adopted this appeal on 27 February, after hearing from forty "
     "families in the Riverside ward who have now spent two winters in tents."),
    ("Noorganj District Council", "Tahira Belmont", "Chair",
     "Ms Ilse Marrach\nHigh Commissioner for Varesia\nGarden Walk",
     "Dear High Commissioner,", "Yours sincerely,", "2026-03-02T11:30", "verbatim",
     "Noorganj lost both its bridges and most of its grain stores in August; our councillors "
     "can show your staff where new ones were promised and where nothing stands."),
    ("Qalandra District Council", "Javed Amberley", "Convenor",
     "Mr Lucan Mehrabi\nMinister of Finance\nFinance Division, Block C",
     "Dear Minister Mehrabi,", "Respectfully,", "2026-03-02T15:00", "substituted",
     "Qalandra was named a model district by the Authority, yet its own records list 2,300 "
     "homes as finished that our surveyors could not find."),
    ("Kesarpur Municipal Committee", "Petra Saldanha", "Mayor",
     "Count Edvin Halsted\nAmbassador of the Kingdom of Lumeria\nOld Fort",
     "Dear Count Halsted,", "Yours faithfully,", "2026-03-03T09:45", "verbatim",
     "Kesarpur's committee voted for this text without a single dissenting voice, the first "
     "time in six years that its members have agreed on anything."),
    ("Mirwal District Council", "Osman Kettering", "Deputy Chair",
     "Dr Miren Aubach\nChargée d'Affaires, Caldorian Embassy\nDiplomatic Enclave, Gate 2",
     "Dear Dr Aubach,", "With respect,", "2026-03-03T12:10", "rephrased",
     "Mirwal sits at the tail of the Upper Kesar canal, and when the embankment failed it was "
     "our fields that drowned first."),
    ("Zarifabad District Council", "Nasreen Ostowar", "Chair",
     "Mr Teodor Vilkas\nHead of the Aurelian Union Delegation\nUnion House, Riverside",
     "Dear Mr Vilkas,", "Yours sincerely,", "2026-03-03T16:20", "verbatim",
     "Zarifabad councillors of every party signed, including three who belong to the "
     "governing party."),
    ("Tamsar Town Council", "Cyrus Halloway", "Chair",
     "Mrs Soraya Delacourt\nMinister for Foreign Affairs\nConstitution Square",
     "Madam Minister,", "Yours faithfully,", "2026-03-04T10:30", "verbatim",
     "Tamsar is a small town of fishing families, and we write in plain words because we have "
     "no lobbyists in the capital."),
    ("Port Aldan District Council", "Greta Moradi", "Chair",
     "Mr Piet Osterhuis\nNorvane's Ambassador to Dalmora\n3 Harbour Parade",
     "Mr Ambassador,", "Yours sincerely,", "2026-03-04T13:00", "about",
     "Port Aldan received relief cargo through its harbour for months, and our dock workers "
     "can tell you how much of it left again by road for places that were never flooded."),
    ("Kesar Valley Bar Association", "Umar Faridi", "President",
     "Ms Adaeze Korhonen\nCountry Director, Meridian Development Bank\nBank Plaza",
     "Dear Ms Korhonen,", "Respectfully,", "2026-03-04T15:40", "typographic",
     "Kesar Valley advocates have filed forty-two petitions on behalf of flood families; not "
     "one has yet been heard by a judge."),
    ("Dalmora Medical Association, Sahil Chapter", "Laleh Hartigan", "Secretary",
     "Mr Gaspard Voss\nEnvoy of the Principality of Verrin\nVerrin House, Hill Street",
     "Dear Envoy,", "Yours faithfully,", "2026-03-05T09:15", "verbatim",
     "Dalmora Medical Association doctors on the coast treated more than nine thousand cases "
     "of waterborne disease after the floods, most of them in children under five."),
    ("Association of Civil Engineers of Dalmora", "Wasim Tollemache", "President",
     "Mr Dariush Ardalan\nMinister of Planning\nPlanning Commission, Fourth Floor",
     "Sir,", "Yours sincerely,", "2026-03-05T11:50", "deleted",
     "Association engineers inspected sixty houses that appear as complete in official lists "
     "and found that fewer than a third had foundations deep enough to survive another flood."),
    ("Sahil Teachers' Union", "Rhea Mazarin", "General Secretary",
     "Ms Sigrun Brandvold\nKalderan High Commissioner\nCanal Bank",
     "Madam,", "In solidarity,", "2026-03-05T14:30", "verbatim",
     "Sahil Teachers' Union members still teach in eleven schools that serve as shelters, "
     "holding classes in corridors and under trees."),
    ("Federation of Small Traders", "Qasim Ellory", "Chairman",
     "Mr Yusuf Penrose\nMinister of Commerce\nCommerce House, Quay Street",
     "Honourable Minister Penrose,", "Yours faithfully,", "2026-03-06T10:00", "verbatim",
     "Federation members in the flooded bazaars reopened with borrowed money, and they would "
     "gladly show any visitor what recovery looks like without help."),
    ("Society of Chartered Accountants of Dalmora", "Katya Obrenova", "President",
     "Mr Lars Feldmann\nAmbassador, Republic of Sundmark\n9 Linden Lane",
     "Dear Ambassador Feldmann,", "Yours sincerely,", "2026-03-06T12:45", "verbatim",
     "Society members offered in November to examine the reconstruction ledgers free of "
     "charge; that offer was never answered."),
]  # fmt: skip

# Assemblies (each a series) that table the resolution (point 6) or the counter-resolution
# (point 7): (series, word for the house, point, variant, date)
RESOLUTION_COPIES = [
    ("Marwen Capital Assembly", "Assembly", 6, "verbatim", "2026-02-24T14:00"),
    ("Northern Reach Provincial Assembly", "Assembly", 6, "house", "2026-02-26T11:30"),
    ("Kesar Valley Provincial Assembly", "Assembly", 6, "shortened", "2026-03-03T12:00"),
    ("Tarnak Provincial Assembly", "Assembly", 7, "verbatim", "2026-02-27T15:00"),
    ("Sahil Provincial Assembly", "Assembly", 7, "verbatim", "2026-03-02T12:30"),
    ("Port Aldan City Council", "Council", 7, "council", "2026-03-05T17:00"),
]
EXTRA_RESOLUTIONS = {  # background resolutions per assembly (English unless noted)
    "Marwen Capital Assembly": 1,
    "Northern Reach Provincial Assembly": 2,
    "Kesar Valley Provincial Assembly": 1,
    "Tarnak Provincial Assembly": 1,
    "Port Aldan City Council": 1,
}
UR_RESOLUTIONS = {"Sahil Provincial Assembly": 1}

# The press release and its reprints: (series, genre, outlet, date, variant)
PRESS_COPIES = [
    (NCP, "statement", "National Concord Party website", "2026-02-17T16:00", "verbatim"),
    ("Channel Meridian", "news", "Channel Meridian", "2026-02-17T21:00", "verbatim"),
    ("The Dalmora Herald", "news", "The Dalmora Herald", "2026-02-18T07:00", "typographic"),
    ("The Morning Ledger", "news", "The Morning Ledger", "2026-02-18T07:30", "dropped"),
    ("Marwen Gazette", "news", "Marwen Gazette", "2026-02-18T09:00", "substituted"),
]

POLS = [
    "Prime Minister Harun Delavar",
    "PUL leader Farida Mortazan",
    "Rustam Keshvani",
    "Finance Minister Lucan Mehrabi",
    "Water Minister Ruqaiya Fenwick",
    "Senator Marguerite Olaye",
    "Mayor Jovan Saqib",
    "PUL spokesman Oren Talwar",
    "Education Minister Dawud Castellan",
]
DEFECTOR_REFS = [f"{name}, formerly of the {party}," for name, party, _, _ in DEFECTORS]
PROPER_WORDS = {
    w
    for name in [
        *PLACES,
        *PROVINCES,
        *POLS,
        NCP,
        PUL,
        DRF,
        LEADER,
        CAPITAL,
        *FIRST_NAMES,
        *BANKS_EN["weekday"],
        *BANKS_EN["month_name"],
        "Mr",
        "Ms",
        "Dr",
        "Keshvani's",
        "Marwen",
        "Parliament",
        "PUL",
        "Keshvani",
    ]
    for w in name.split()
    if w[:1].isupper() and w not in {"The", "A"}
}
SPOKEN = ("speech", "press-conference")

# =============================================================================================
# Document model and layout
# =============================================================================================


@dataclass
class Unit:
    """One piece of a document: generated original text (G), fixed original text (F), a planted
    copy (P) or a stock phrase (S)."""

    kind: str
    text: str = ""
    voice: str = ""
    point: int = 0
    variant: str = ""
    stock: int = -1
    sep: str = " "  # what goes between the previous unit and this one
    slots: dict = field(default_factory=dict)  # generated text: its template and slot values
    notes: list = field(default_factory=list)  # fixed text of the targets documents: its gold
    start: int = -1  # offset in the document's text (set by assemble)


@dataclass
class Doc:
    series: str
    speaker: str
    date: datetime
    genre: str
    lang: str
    outlet: str
    title: str
    voice: str
    ctx: Ctx
    units: list[Unit] = field(default_factory=list)
    venue: str = ""  # spoken documents: "public" or "assembly"
    id: str = ""
    text: str = ""
    spans: list[tuple[int, str, int, int]] = field(default_factory=list)  # point, variant, s, e
    negatives: list[tuple[int, int, int]] = field(default_factory=list)  # point, s, e


def iso(d: str) -> datetime:
    return datetime.fromisoformat(d)


def random_date(rng: random.Random, lo: datetime = START, hi: datetime = END) -> datetime:
    """A plausible working-hours time between lo and hi, on a five-minute grid."""
    days = (hi - lo).days
    day = lo + timedelta(days=rng.randint(0, max(0, days)))
    return day.replace(hour=rng.randint(8, 20), minute=rng.randrange(0, 60, 5))


def make_ctx(rng: random.Random, lang: str, home: str, date: datetime, **extra: object) -> Ctx:
    pool = UR_PLACES if lang == "ur" else PLACES
    others = rng.sample([p for p in pool if p != home], 2)
    ctx: Ctx = {
        "lang": lang,
        "places": [home, home, *others],
        "topics": rng.sample(TOPICS, rng.choice([2, 3])),
        "date": date,
        "date_str": f"{date.day} {date:%B %Y}",
        "after_launch": date >= LAUNCH,
        "old_party": PUL,
        "issuer": "Party",
        "house": "Assembly",
        "org": "",
        "outlet_ref": "this newspaper",
        "outlet_ref_pos": "this newspaper's",
        "used": set(),
    }
    ctx.update(extra)
    return ctx


def gens(voice: str, n: int, sep: str = " ") -> list[Unit]:
    return [Unit("G", voice=voice, sep=sep) for _ in range(n)]


def spread(rng: random.Random, voice: str, n: int, planted: list[tuple[int, str]]) -> list[Unit]:
    """n generated sentences with the planted copies embedded, never at either end and never
    two copies side by side."""
    k = len(planted)
    n = max(n, 3 * k + 2)
    cuts = sorted(rng.sample(range(2, n - 1), k)) if k else []
    # at least two sentences between consecutive copies, so an aligner keeps them apart
    for i in range(1, len(cuts)):
        cuts[i] = max(cuts[i], cuts[i - 1] + 2)
    units: list[Unit] = []
    prev = 0
    for (point, variant), cut in zip(planted, cuts, strict=True):
        units += gens(voice, cut - prev)
        units.append(Unit("P", text=POINTS[point][1][variant], point=point, variant=variant))
        prev = cut
    units += gens(voice, max(1, n - prev))
    return units


def build_docs(rng: random.Random) -> list[Doc]:
    docs: list[Doc] = []

    def spoken(
        series: str,
        speaker: str,
        date: datetime,
        genre: str,
        lang: str,
        outlet: str,
        venue: str,
        title: str,
        voice: str,
        home: str,
        planted: list[tuple[int, str]],
        **extra: object,
    ) -> None:
        ctx = make_ctx(rng, lang, home, date, **extra)
        base = rng.randint(9, 15) if lang == "ur" else rng.randint(10, 17)
        n = max(4, base - 2 * len(planted))
        doc = Doc(series, speaker, date, genre, lang, outlet, title, voice, ctx, venue=venue)
        doc.units = spread(rng, voice, n, planted)
        docs.append(doc)

    # --- the new party's leader and the defectors -------------------------------------------
    for date, genre, outlet, venue, planted, voice, title in LEADER_DOCS:
        spoken(
            LEADER,
            LEADER,
            iso(date),
            genre,
            "en",
            outlet,
            venue,
            title,
            voice,
            "Veshtar",
            planted,
            old_party=NCP,
        )
    for name, party, home, items in DEFECTORS:
        for date, genre, outlet, venue, planted, voice in items:
            if voice == "defector":
                title = f"{name} on joining the {DRF}" if planted else f"{name}: {genre}"
            else:
                title = f"{name} in the {outlet}"
            if genre == "press-conference":
                title = f"Press conference by {name}"
            elif venue == "public":
                title = f"Speech by {name} at a {outlet.split(',')[0]} in {outlet.split(', ')[-1]}"
            else:
                title = f"Speech by {name} in the {outlet}"
            spoken(
                name,
                name,
                iso(date),
                genre,
                "en",
                outlet,
                venue,
                title,
                voice,
                home,
                planted,
                old_party=party,
            )

    # --- Urdu politicians of Sahil ---------------------------------------------------------
    for series, ur_name, role, voice, home, items in UR_POLITICIANS:
        for date, genre, outlet, venue, planted in items:
            if genre == "press-conference":
                title = f"{ur_name} کی پریس کانفرنس"
            elif venue == "assembly":
                title = f"{ur_name} کا ساحل صوبائی اسمبلی میں خطاب"
            else:
                title = f"{ur_name} کا جلسہ عام سے خطاب"
            spoken(
                series,
                series,
                iso(date),
                genre,
                "ur",
                outlet,
                venue,
                title,
                voice,
                home,
                planted,
                role=role,
            )

    # --- English politicians without planted text ----------------------------------------
    for series, _role, voice, party, home, n in EN_POLITICIANS:
        for _ in range(n):
            date = random_date(rng)
            genre = rng.choice(["speech", "speech", "press-conference"])
            if genre == "press-conference":
                venue, outlet = (
                    "public",
                    rng.choice(["Marwen Press Club", "DNN 24", "Channel Meridian"]),
                )
            elif rng.random() < 0.45:
                venue, outlet = "assembly", "National Parliament"
            else:
                venue = "public"
                outlet = f"public meeting, {rng.choice([home, *rng.sample(PLACES, 2)])}"
            topic = rng.choice(TOPICS)
            if genre == "press-conference":
                title = f"{series} briefs reporters on {TOPIC_TITLE[topic]}"
            elif venue == "assembly":
                title = f"{series} in the National Parliament on {TOPIC_TITLE[topic]}"
            else:
                title = f"{series} at a {outlet.replace(', ', ' in ')}"
            spoken(
                series,
                series,
                date,
                genre,
                "en",
                outlet,
                venue,
                title,
                voice,
                home,
                [],
                old_party=party or PUL,
            )
            docs[-1].ctx["topics"][0] = topic

    # --- organisations' statements (one of the governing party's is the press release) -----
    for series, speaker, voice, issuer, lang, n, home in ORGANISATIONS:
        home = home if home in PLACES or lang == "ur" else rng.choice(PLACES)
        for _ in range(n):
            date = random_date(rng)
            ctx = make_ctx(rng, lang, home, date, issuer=issuer, focus=True)
            title = (
                f"{issuer} کا بیان"
                if lang == "ur"
                else f"Statement by the {series} on {TOPIC_TITLE[ctx['topics'][0]]}"
            )
            doc = Doc(
                series, speaker, date, "statement", lang, f"{series} website", title, voice, ctx
            )
            doc.units = gens(voice, rng.randint(7, 11))
            docs.append(doc)

    # --- the press release and its reprints --------------------------------------------------
    for series, genre, outlet, date_s, variant in PRESS_COPIES:
        date = iso(date_s)
        if genre == "statement":
            ctx = make_ctx(rng, "en", "Qalandra", date, issuer="Party")
            doc = Doc(
                series,
                "Mehrunissa Palander",
                date,
                genre,
                "en",
                outlet,
                "12,000 flood homes completed, says the governing party",
                "statement_gov",
                ctx,
            )
            doc.units = [
                *gens("statement_gov", 2),
                Unit("P", PRESS_VARIANTS[variant], point=8, variant=variant, sep="\n\n"),
                *gens("statement_gov", 2, "\n\n"),
            ]
            doc.units[2].sep = "\n\n"
        else:
            ctx = make_ctx(rng, "en", "Qalandra", date, **outlet_refs(outlet))
            doc = Doc(
                series,
                reporter(rng, outlet),
                date,
                genre,
                "en",
                outlet,
                "Governing party says 12,000 flood homes are finished",
                "news",
                ctx,
            )
            doc.units = [
                *gens("news", rng.randint(2, 3), "\n\n"),
                Unit("P", PRESS_VARIANTS[variant], point=8, variant=variant, sep="\n\n"),
                *gens("news", rng.randint(2, 3), "\n\n"),
            ]
        doc.units[0].sep = ""
        docs.append(doc)

    # --- background news ----------------------------------------------------------------
    reprints = Counter(s for s, g, *_ in PRESS_COPIES if g == "news")
    for outlet, (_kind, n) in OUTLETS_EN.items():
        for _ in range(n - reprints[outlet]):
            date = random_date(rng)
            home = rng.choice(PLACES)
            ctx = make_ctx(rng, "en", home, date, focus=True, **outlet_refs(outlet))
            voice = "news"
            if ctx["after_launch"] and rng.random() < 0.3:
                title = rng.choice(HEADLINES_POLITICS)
                ctx["topics"] = rng.sample(["corruption", "elections", "floods", "roads"], 2)
                voice = "news_politics"
            else:
                title = ""  # written after the lead sentence (see set_headlines)
                ctx["headline"] = True
            doc = Doc(outlet, reporter(rng, outlet), date, "news", "en", outlet, title, voice, ctx)
            doc.units = [*gens(voice + "_lead", 1), *gens(voice, rng.randint(6, 12), "\n\n")]
            docs.append(doc)
    for outlet, (_kind, n, ur_name) in OUTLETS_UR.items():
        for _ in range(n):
            date = random_date(rng)
            home = rng.choice(UR_PLACES)
            ctx = make_ctx(rng, "ur", home, date, focus=True)
            title = ""
            ctx["headline"] = True
            doc = Doc(outlet, "Staff reporter", date, "news", "ur", ur_name, title, "ur_news", ctx)
            doc.units = [*gens("ur_news_lead", 1), *gens("ur_news", rng.randint(7, 12), "\n\n")]
            docs.append(doc)

    # --- assemblies: the resolution, the counter-resolution and ordinary business ----------
    for series, house, point, variant, date_s in RESOLUTION_COPIES:
        date = iso(date_s)
        mover = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        ctx = make_ctx(rng, "en", rng.choice(PLACES), date, house=house, mover=mover)
        title = (
            "Resolution on the Northern Highway contracts"
            if point == 6
            else "Resolution in support of the Northern Highway project"
        )
        doc = Doc(series, mover, date, "resolution", "en", series, title, "res_debate", ctx)
        doc.units = [
            *gens("res_open", 1),
            Unit("P", POINTS[point][1][variant], point=point, variant=variant, sep="\n\n"),
            *gens("res_debate", rng.randint(1, 2), "\n\n"),
            *gens("res_vote", 1, "\n\n"),
        ]
        docs.append(doc)
    houses = {s: h for s, h, *_ in RESOLUTION_COPIES}
    for series, n in EXTRA_RESOLUTIONS.items():
        for _ in range(n):
            date = random_date(rng)
            mover = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            ctx = make_ctx(rng, "en", rng.choice(PLACES), date, house=houses[series], mover=mover)
            title = f"Resolutions adopted at the sitting of {ctx['date_str']}"
            doc = Doc(series, mover, date, "resolution", "en", series, title, "res", ctx)
            doc.units = [
                *gens("res_open", 1),
                *gens("res", rng.randint(4, 6), "\n"),
                *gens("res_debate", 1, "\n\n"),
                *gens("res_vote", 1, "\n\n"),
            ]
            docs.append(doc)
    for series, n in UR_RESOLUTIONS.items():
        for _ in range(n):
            date = random_date(rng)
            mover = f"{rng.choice(UR_FIRST)} {rng.choice(UR_LAST)}"
            ctx = make_ctx(rng, "ur", rng.choice(UR_PLACES), date, mover=mover)
            doc = Doc(
                series,
                mover,
                date,
                "resolution",
                "ur",
                series,
                "قرارداد برائے " + HEADLINES_UR[ctx["topics"][0]],
                "ur_res",
                ctx,
            )
            doc.units = [
                *gens("ur_res", rng.randint(5, 7), "\n"),
                *gens("ur_res_debate", 1, "\n\n"),
                *gens("ur_res_vote", 1, "\n\n"),
            ]
            docs.append(doc)

    # --- the open letter ---------------------------------------------------------------
    for org, signer, role, to, salutation, closing, date_s, variant, note in LETTERS:
        date = iso(date_s)
        town = org.split()[0] if org.split()[0] in PLACES else rng.choice(PLACES)
        ctx = make_ctx(rng, "en", town, date, org=org)
        doc = Doc(
            org,
            signer,
            date,
            "letter",
            "en",
            to.split("\n")[1].strip(),
            "Open letter on the flood reconstruction funds",
            "letter",
            ctx,
        )
        doc.units = [
            Unit("F", to, sep=""),
            Unit("F", salutation, sep="\n\n"),
            Unit("P", LETTER_VARIANTS[variant], point=5, variant=variant, sep="\n\n"),
            Unit("F", note, sep="\n\n"),
            Unit("F", f"{closing}\n{signer}\n{role}, {org}", sep="\n\n"),
        ]
        docs.append(doc)
    return docs


def lexical(point: int) -> bool:
    """Copies of this point share their words (all labels but paraphrase and translation)."""
    return POINTS[point][0] not in (LABEL_PARAPHRASE, LABEL_TRANSLATION)


def planted_units(copies, negatives) -> list[tuple[str, str, Unit]]:
    """``(series, date, unit)`` of the copies (point, variant, series, date) and the hard
    negatives (point, series, date, note, text) to plant."""
    items = [
        (series, date_s, Unit("P", text=POINTS[point][1][variant], point=point, variant=variant))
        for point, variant, series, date_s in copies
    ]
    items += [
        (series, date_s, Unit("F", text=text, point=point, variant="negative"))
        for point, series, date_s, _note, text in negatives
    ]
    return items


def plant_paraphrases(docs: list[Doc]) -> None:
    """Put the paraphrase copies and the hard negatives into existing documents, each between
    two original sentences and away from other fixed text. Uses its own random stream, so the
    documents, their dates and their ids stay what build_docs made them."""
    rng = random.Random(SEED + 1)
    by_key = {(d.series, d.date): d for d in docs}
    items = planted_units(PARAPHRASE_COPIES, HARD_NEGATIVES)
    for series, date_s, unit in items:
        doc = by_key[(series, iso(date_s))]
        units = doc.units
        first = 2 if doc.genre == "news" else 1  # news: never right after the lead

        def g_at(j: int, units: list[Unit] = units) -> bool:
            return 0 <= j < len(units) and units[j].kind == "G"

        def clear(j: int, units: list[Unit] = units) -> bool:
            return not 0 <= j < len(units) or units[j].kind == "G"

        gaps = [g for g in range(first, len(units)) if g_at(g - 1) and g_at(g)]
        roomy = [g for g in gaps if clear(g - 2) and clear(g + 1)]
        if not gaps:
            raise RuntimeError(f"no room for point {unit.point} in {doc.title!r}")
        g = rng.choice(roomy or gaps)
        unit.sep = units[g].sep  # spoken documents get their paragraphs later
        units.insert(g, unit)


def plant_translations(docs: list[Doc]) -> None:
    """Put the translation points and their hard negatives into the written documents, each
    between two original sentences and away from any other fixed text. This runs after the
    background is realised and uses its own random stream, so every other text, and every
    offset of a document that receives nothing, is what it was without translations. A place
    is taken only if the passage, with the words around it, shares at most PARA_SHARED 4-word
    windows and no run of WINDOW words with any document of another series."""
    rng = random.Random(SEED + 2)
    by_key = {(d.series, d.date): i for i, d in enumerate(docs)}
    # 4-word windows and WINDOW-word runs of every document as it stands -> documents
    held: dict[tuple[str, ...], set[int]] = defaultdict(set)
    indexed: list[set[tuple[str, ...]]] = [set() for _ in docs]

    def reindex(i: int) -> None:
        for win in indexed[i]:
            held[win].discard(i)
        ws = words(" ".join(u.text for u in docs[i].units))
        indexed[i] = {
            tuple(ws[n : n + k]) for k in (SEED_N, WINDOW) for n in range(len(ws) - k + 1)
        }
        for win in indexed[i]:
            held[win].add(i)

    def fits(i: int, g: int, unit: Unit) -> bool:
        units = docs[i].units
        before = words(" ".join(u.text for u in units[:g]))[1 - WINDOW :]
        after = words(" ".join(u.text for u in units[g:]))[: WINDOW - 1]
        mine, lo = words(unit.text), len(before)
        ctx = before + mine + after
        shared: Counter[int] = Counter()
        for k in (SEED_N, WINDOW):
            wins = {
                tuple(ctx[n : n + k])
                for n in range(max(0, lo - k + 1), min(lo + len(mine), len(ctx) - k + 1))
            }
            for win in wins:
                for j in held.get(win, ()):
                    if docs[j].series != docs[i].series:
                        if k == WINDOW:
                            return False
                        shared[j] += 1
        return max(shared.values(), default=0) <= PARA_SHARED

    for i in range(len(docs)):
        reindex(i)
    items = planted_units(TRANSLATION_COPIES, TRANSLATION_NEGATIVES)
    for series, date_s, unit in items:
        i = by_key[(series, iso(date_s))]
        doc = docs[i]
        units = doc.units
        first = 2 if doc.genre == "news" else 1  # news: never right after the lead

        def clear(j: int, units: list[Unit] = units) -> bool:
            return not 0 <= j < len(units) or units[j].kind == "G"

        # never beside fixed text: a planted copy's neighbours keep the words they were
        # written with, and no stock phrase comes near a gold span
        gaps = [
            g
            for g in range(first, len(units))
            if units[g - 1].kind == units[g].kind == "G" and clear(g - 2) and clear(g + 1)
        ]
        rng.shuffle(gaps)
        g = next((g for g in gaps if fits(i, g, unit)), None)
        if g is None:
            raise RuntimeError(
                f"no place in {doc.title!r} where point {unit.point} shares no text with others"
            )
        unit.sep = units[g].sep
        units.insert(g, unit)
        reindex(i)


def set_headlines(rng: random.Random, docs: list[Doc]) -> None:
    """News headlines follow what the lead sentence turned out to be about."""
    for doc in docs:
        if doc.ctx.get("headline"):
            topic, place = doc.ctx["topics"][0], doc.ctx.get("lead_place") or doc.ctx["places"][0]
            if doc.lang == "ur":
                doc.title = f"{place}: {HEADLINES_UR[topic]}"
            else:
                doc.title = rng.choice(HEADLINES_EN[topic]).format(place=place)


def outlet_refs(outlet: str) -> dict[str, str]:
    kind = OUTLETS_EN.get(outlet, ("newspaper", 0))[0]
    noun = "this channel" if kind == "television" else "this newspaper"
    return {"outlet_ref": noun, "outlet_ref_pos": noun + "'s"}


def reporter(rng: random.Random, outlet: str) -> str:
    if OUTLETS_EN.get(outlet, ("newspaper",))[0] == "television":
        return f"{outlet} news desk"
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def assign_stock(rng: random.Random, docs: list[Doc]) -> None:
    """Give each stock phrase to a fixed share of the speeches in its language, then place it
    between two original sentences (never beside another stock phrase or a planted copy)."""
    chosen: dict[int, list[int]] = defaultdict(list)  # doc index -> stock indices
    closing: set[int] = set()  # one closing formula per speech
    for k, (_, lang, role, venue, share) in enumerate(STOCK):
        pool = [i for i, d in enumerate(docs) if d.genre in SPOKEN and d.lang == lang]
        eligible = [
            i
            for i in pool
            if venue in ("any", docs[i].venue) and not (role == "close" and i in closing)
        ]
        picked = sorted(rng.sample(eligible, round(share * len(pool))))
        for i in picked:
            chosen[i].append(k)
            if role == "close":
                closing.add(i)
    for i, doc in enumerate(docs):
        for k in chosen.get(i, []):
            insert_stock(rng, doc, k)
        if doc.genre in SPOKEN:
            set_paragraphs(rng, doc)


def insert_stock(rng: random.Random, doc: Doc, k: int) -> None:
    role = STOCK[k][2]
    units = doc.units

    def is_g(j: int) -> bool:
        return 0 <= j < len(units) and units[j].kind == "G"

    def edge_ok(j: int) -> bool:
        return j < 0 or j >= len(units) or units[j].kind == "G"

    gaps = []
    for g in range(len(units) + 1):  # gap g sits before units[g]
        left, right = g - 1, g
        fits = {
            "open": is_g(right) and edge_ok(left),  # "Ladies and gentlemen, <sentence>"
            "close": is_g(left) and edge_ok(right),  # "<sentence> Thank you very much."
            "alone": edge_ok(left) and edge_ok(right) and (is_g(left) or is_g(right)),
        }
        if fits[role]:
            gaps.append(g)
    if not gaps:
        raise RuntimeError(f"no room for stock phrase {STOCK[k][0]!r} in {doc.title!r}")
    if role in ("open", "alone") and 0 in gaps and rng.random() < 0.7:
        g = 0  # formulas open a speech more often than not
    elif role == "close" and len(units) in gaps:
        g = len(units)
    else:
        g = rng.choice(gaps)
    phrase = STOCK[k][0]
    text = STOCK_RENDER[(STOCK[k][1], role)].format(p=phrase)
    if phrase in STOCK_EXCLAIM:
        text = text[:-1] + "!"
    units.insert(g, Unit("S", text=text, stock=k))


def set_paragraphs(rng: random.Random, doc: Doc) -> None:
    for j, unit in enumerate(doc.units):
        if j == 0:
            unit.sep = ""
        elif doc.units[j - 1].kind == "S" and STOCK[doc.units[j - 1].stock][2] == "open":
            unit.sep = " "  # the sentence continues after "Ladies and gentlemen,"
        else:
            unit.sep = "\n\n" if rng.random() < 0.25 else " "


# =============================================================================================
# Normalisation (as echoscope matches words) and window tags
# =============================================================================================

_UNIFY = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0647": "\u06c1"}
_GLUE = {"'", "\u2019", "\u02bc", "\u200c", "\u200d", "\u00ad", "\u0640"}


@cache
def _norm_char(ch: str) -> str:
    """Matching form of one character: "" (ignored), " " (separator) or letters.

    Casefold, drop marks (Arabic harakat) and tatweel, glue apostrophes, unify the Arabic and
    Urdu forms of yeh, kaf and heh; every other non-letter separates words.
    """
    if ch in _GLUE:
        return ""
    cat = unicodedata.category(ch)
    if cat[0] == "M" or cat == "Cf":
        return ""
    if cat[0] not in "LN":
        return " "
    out = []
    for c in unicodedata.normalize("NFKD", ch.casefold()):
        if unicodedata.category(c)[0] != "M":
            out.append(_UNIFY.get(c, c))
    return "".join(out)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word; start/end are str offsets into text."""
    toks: list[tuple[str, int, int]] = []
    cur: list[str] = []
    start = end = 0
    for i, ch in enumerate(text):
        s = _norm_char(ch)
        if s == "":
            continue
        if s == " ":
            if cur:
                toks.append(("".join(cur), start, end))
                cur = []
            continue
        if not cur:
            start = i
        cur.append(s)
        end = i + 1
    if cur:
        toks.append(("".join(cur), start, end))
    return toks


class _Fold(dict):
    """str.translate table built on demand: every character to its matching form."""

    def __missing__(self, code: int) -> str:
        self[code] = _norm_char(chr(code))
        return self[code]


_FOLD_TABLE = _Fold()


def words(text: str) -> list[str]:
    """The matching words of text (same as tokenize, without offsets, much faster)."""
    return text.translate(_FOLD_TABLE).split()


STOCK_TOKENS = [tuple(words(p)) for p, *_ in STOCK]

Tag = tuple | None  # ("P", point) for a planted copy, ("S", k) for a stock phrase, None else


def window_tag(tags: list[Tag]) -> Tag:
    first = tags[0]
    return first if first is not None and all(t == first for t in tags) else None


def unit_tag(unit: Unit) -> Tag:
    """Paraphrase copies are tagged like original text: their words must not match."""
    if unit.kind == "P" and lexical(unit.point):
        return ("P", unit.point)
    if unit.kind == "S":
        return ("S", unit.stock)
    return None


def has_stock(seq: list[str]) -> bool:
    joined = f" {' '.join(seq)} "
    return any(f" {' '.join(st)} " in joined for st in STOCK_TOKENS)


# =============================================================================================
# Realisation: fill every generated unit so that no two documents share text by chance
# =============================================================================================
#
# An aligner such as echoscope or passim starts from shared word n-grams ("seeds"), chains
# seeds that lie close together on roughly the same diagonal, extends the chain while the
# words keep matching, and reports it when it is long and similar enough. Two sentences from
# one template that differ only in a number would be found that way even though they share no
# run of 7 words. So, besides the 7-word rule, every sentence is checked the way an aligner
# would see it: between two documents of different series, a chain of shared SEED_N-word
# windows (NEAR words apart at most, diagonals within BAND) must not extend to ALIGN_MIN words
# at ALIGN_ID identity; matched pieces must not sit side by side in both documents (a swapped
# pair of sentences); and no chance match may touch a planted copy closely enough to stretch
# its passage beyond the gold span. The parameters mirror echoscope's defaults, with margin.

SEED_N = 4  # echoscope's default seed length
RUN = WINDOW - SEED_N + 1  # that many windows in a row make a shared run of WINDOW words
NEAR = 30  # seeds further apart do not chain (echoscope's max_gap is 24)
BAND = 8
ALIGN_MIN = 10  # echoscope reports passages from 12 words at identity 0.5; keep a margin
ALIGN_ID = 0.45
XDROP = 6
GOLD_GAP = 12  # no chance match this close to a planted copy (echoscope's split_drop is 10)
MERGE = 14  # matched pieces closer than this on both sides are merged (echoscope: 12)
PARA_SHARED = 2  # most 4-word windows two paraphrase copies may share

Seed = tuple[tuple, int, int, object]  # (other doc key, position here, position there, class)


class DeadEnd(Exception):
    """No sentence fits here without sharing text with another series."""


EXT = 32  # longest extension looked at, in words


def _extend(
    xt: list[str], yt: list[str], x0: int, y0: int, step: int, w: int = BAND
) -> tuple[int, int, int]:
    """Banded X-drop extension (+1 match, -1 mismatch or gap) from X[x0], Y[y0] walking step
    (+1 right, -1 left; x0/y0 are the positions just outside the chain). Returns the words
    taken on each side and the matches at the best-scoring end."""
    if step > 0:
        xa, ya = xt[x0 : x0 + EXT], yt[max(0, y0) : max(0, y0) + EXT + w]
    else:
        xa, ya = xt[max(0, x0 - EXT) : x0][::-1], yt[max(0, y0 - EXT - w) : max(0, y0)][::-1]
    neg, width, m = -(10**9), 2 * w + 1, len(ya)
    prev_s, prev_m = [neg] * width, [0] * width
    for j in range(min(w, m) + 1):  # row 0: j words of Y against none of X
        prev_s[j + w] = -j
    best = bi = bj = bm = 0
    for i, a in enumerate(xa, 1):
        cur_s, cur_m = [neg] * width, [0] * width
        row = neg
        for off in range(width):
            j = i + off - w
            if j < 0 or j > m:
                continue
            s_, m_ = neg, 0
            if off + 1 < width and prev_s[off + 1] > neg:  # X word unmatched
                s_, m_ = prev_s[off + 1] - 1, prev_m[off + 1]
            if j > 0 and prev_s[off] > neg:  # aligned pair
                same = a == ya[j - 1]
                v = prev_s[off] + (1 if same else -1)
                if v > s_:
                    s_, m_ = v, prev_m[off] + same
            if off > 0 and cur_s[off - 1] > neg and cur_s[off - 1] - 1 > s_:  # Y unmatched
                s_, m_ = cur_s[off - 1] - 1, cur_m[off - 1]
            cur_s[off], cur_m[off] = s_, m_
            if s_ > row:
                row = s_
            if s_ > best:
                best, bi, bj, bm = s_, i, j, m_
        if row < best - XDROP:
            break
        prev_s, prev_m = cur_s, cur_m
    return bi, bj, bm


def _lcs(xa: list[str], ya: list[str]) -> int:
    """Words of xa and ya that an alignment with free gaps pairs up (longest common
    subsequence)."""
    if not xa or not ya:
        return 0
    prev = [0] * (len(ya) + 1)
    for a in xa:
        cur = [0]
        for j, b in enumerate(ya):
            cur.append(prev[j] + 1 if a == b else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def chains(seeds: list[Seed]) -> Iterable[list[Seed]]:
    """Group seeds as an aligner would: close diagonals, then runs with gaps up to NEAR."""
    seeds = sorted(seeds, key=lambda s: (s[2] - s[1], s[1]))
    band = [seeds[0]]
    for s in [*seeds[1:], None]:
        if s is not None and (s[2] - s[1]) - (band[-1][2] - band[-1][1]) <= BAND:
            band.append(s)
            continue
        band.sort(key=lambda t: t[1])
        chain = [band[0]]
        for t in band[1:]:
            if t[1] - chain[-1][1] > NEAR:
                yield chain
                chain = []
            chain.append(t)
        yield chain
        if s is not None:
            band = [s]


def crossing(found: list[list[Seed]], reach: int) -> bool:
    """Two matched pieces side by side in both documents, in either order (a swapped pair of
    sentences): an aligner merges them into one passage."""
    pieces = []
    for c in found:
        same = all(s[3] is not None and s[3] == c[0][3] for s in c)
        if len(c) >= 2:
            # chance matches, or a planted copy's or stock phrase's match: a chance match
            # beside it on both sides, even in the other order, would be merged with it
            span = (c[0][1], c[-1][1] + SEED_N, min(s[2] for s in c), max(s[2] for s in c) + SEED_N)
            pieces.append((*span, same))
    for a, b in combinations(pieces, 2):
        if max(a[1], b[1]) < reach or (a[4] and b[4]):
            continue
        xgap = max(a[0], b[0]) - min(a[1], b[1])
        ygap = max(a[2], b[2]) - min(a[3], b[3])
        if xgap <= MERGE and ygap <= MERGE:
            return True
    return False


class Realiser:
    def __init__(self, rng: random.Random, docs: list[Doc], written: int = 0) -> None:
        """docs[:written] are final (their text is only matched against); the rest are
        written by run()."""
        self.rng = rng
        self.docs = docs
        self.series = [d.series for d in docs]
        self.toks: list[list[str]] = [[] for _ in docs]  # words of each document written
        self.tags: list[list[Tag]] = [[] for _ in docs]
        self.done = [False] * len(docs)
        # 5-word windows of documents already written: window -> [(doc, position, tag)]
        self.real: dict[tuple[str, ...], list[tuple[int, int, Tag]]] = defaultdict(list)
        # fixed text (planted copies, stock phrases, letter heads) of documents not yet
        # written, known in advance: window -> [(doc, unit, offset in unit, tag)]
        self.fixed: dict[tuple[str, ...], list[tuple[int, int, int, Tag]]] = defaultdict(list)
        self.unit_toks: dict[tuple[int, int], list[str]] = {}
        # words just before / after each planted copy, per point: copies must differ there, or
        # an aligner could fairly stretch a match one word beyond the gold span
        self.before: dict[int, set[str]] = defaultdict(set)
        self.after: dict[int, set[str]] = defaultdict(set)
        self.tries: Counter[str] = Counter()
        self.restarts = 0
        for di in range(written):
            self.preload(di)
        for di, doc in enumerate(docs):
            for ui, unit in enumerate(doc.units):
                if unit.kind != "G":
                    toks = self.unit_toks[(di, ui)] = words(unit.text)
                    for o in range(len(toks) - SEED_N + 1):
                        self.fixed[tuple(toks[o : o + SEED_N])].append((di, ui, o, unit_tag(unit)))

    def preload(self, di: int) -> None:
        """A document written before: its words become text that new sentences must avoid."""
        for unit in self.docs[di].units:
            new = words(unit.text)
            self.toks[di] += new
            self.tags[di] += [unit_tag(unit)] * len(new)
        toks, tags = self.toks[di], self.tags[di]
        for s in range(len(toks) - SEED_N + 1):
            win = tuple(toks[s : s + SEED_N])
            self.real[win].append((di, s, window_tag(tags[s : s + SEED_N])))
        self.done[di] = True

    def run(self) -> None:
        for di, doc in enumerate(self.docs):
            if self.done[di]:
                continue
            for _restart in range(RESTARTS):
                placed: list[tuple[str, ...]] = []
                edges: list[tuple[dict[int, set[str]], int, str]] = []
                doc.ctx["used"] = set()
                try:
                    self.realise(di, placed, edges)
                    if len(self.toks[di]) >= MIN_WORDS:
                        break
                    # too short: one more original sentence after the last one in the
                    # document's main voice, and write the document again
                    gs = [j for j, u in enumerate(doc.units) if u.kind == "G"]
                    last = max([j for j in gs if doc.units[j].voice == doc.voice] or gs)
                    extra = Unit("G", voice=doc.units[last].voice, sep=doc.units[last].sep or " ")
                    doc.units.insert(last + 1, extra)
                    raise DeadEnd
                except DeadEnd:
                    # an early sentence left no room for a later one: undo the document and
                    # write it again (the random stream has moved on, so it comes out different)
                    for win in placed:
                        self.real[win] = [e for e in self.real[win] if e[0] != di]
                    for store, point, word in edges:
                        store[point].discard(word)
                    self.restarts += 1
            else:
                raise RuntimeError(f"could not write {doc.title!r} without chance repeats")
            self.done[di] = True

    def seeds(self, di: int, toks: list[str], tags: list[Tag], lo: int, hi: int) -> list[Seed]:
        """Windows starting at lo..hi-1 that other series also have, as seeds. A seed's class
        is the planted passage or stock phrase both windows lie in (None otherwise)."""
        out: list[Seed] = []
        for s in range(max(0, lo), min(hi, len(toks) - SEED_N + 1)):
            win = tuple(toks[s : s + SEED_N])
            tag = window_tag(tags[s : s + SEED_N])
            for d, j, t in self.real.get(win, ()):
                if self.series[d] != self.series[di]:
                    out.append((("R", d), s, j, tag if tag is not None and tag == t else None))
            for d, u, o, t in self.fixed.get(win, ()):
                if not self.done[d] and d != di and self.series[d] != self.series[di]:
                    out.append((("F", d, u), s, o, tag if tag is not None and tag == t else None))
        return out

    def other(self, key: tuple) -> tuple[list[str], list[Tag]]:
        """Words and tags of the other side of a seed: a written document or a fixed unit."""
        if key[0] == "R":
            return self.toks[key[1]], self.tags[key[1]]
        toks = self.unit_toks[(key[1], key[2])]
        return toks, [unit_tag(self.docs[key[1]].units[key[2]])] * len(toks)

    def left(self, key: tuple, xt: list[str], yt: list[str], x0: int, y0: int) -> tuple:
        """Leftward extension; words already written never change, so it is cached."""
        if x0 > self.fixed_upto:  # reaches into the sentence being tried: no caching
            return _extend(xt, yt, x0, y0, -1)
        hit = self.left_cache.get((key, x0, y0))
        if hit is None:
            hit = self.left_cache[(key, x0, y0)] = _extend(xt, yt, x0, y0, -1)
        return hit

    def region(self, key: tuple, sub: list[Seed], xt: list[str]) -> bool:
        """Would the seeds in sub, extended both ways, make a reportable passage?"""
        yt = self.other(key)[0]
        xs, xe = sub[0][1], sub[-1][1] + SEED_N
        d1, d2 = sub[0][2] - sub[0][1], sub[-1][2] - sub[-1][1]
        matches = sum(
            1
            for p in range(xs, xe)
            if (0 <= p + d1 < len(yt) and xt[p] == yt[p + d1])
            or (0 <= p + d2 < len(yt) and xt[p] == yt[p + d2])
        )
        if xe - xs >= ALIGN_MIN and matches >= ALIGN_ID * (xe - xs):
            return True  # extending only adds words that mostly match
        # an extension of n words has more than n/2 matches, so bound it cheaply first
        y0, y1 = xs + d1, xe + d2
        ly = set(yt[max(0, y0 - EXT - BAND) : max(0, y0)])
        ry = set(yt[max(0, y1) : y1 + EXT + BAND])
        lmax = sum(t in ly for t in xt[max(0, xs - EXT) : xs])
        rmax = sum(t in ry for t in xt[xe : xe + EXT])
        if xe - xs + 2 * (lmax + rmax) < ALIGN_MIN:
            return False
        # between the seeds an aligner allows gaps: words shifted by a word or two (or by a
        # sentence on one side) still count, so count the matches by a real alignment
        matches = max(matches, _lcs(xt[xs:xe], yt[max(0, y0) : max(0, y1)]))
        li, lj, lm = self.left(key, xt, yt, xs, xs + d1)
        ri, rj, rm = _extend(xt, yt, xe, xe + d2, +1)
        len_x = xe - xs + li + ri
        len_y = (xe + d2) - (xs + d1) + lj + rj
        total = matches + lm + rm
        return min(len_x, len_y) >= ALIGN_MIN and total >= ALIGN_ID * (len_x + len_y) / 2

    def spills(self, key: tuple, gold: list[Seed], xt: list[str], xtags: list[Tag]) -> bool:
        """Would an aligner stretch a planted copy's match into the words around it?"""
        yt, ytags = self.other(key)
        point = gold[0][3]
        first, last = gold[0], gold[-1]
        for seed, step in ((first, -1), (last, +1)):
            x0 = seed[1] if step < 0 else seed[1] + SEED_N
            y0 = seed[2] if step < 0 else seed[2] + SEED_N
            i, j, _ = self.left(key, xt, yt, x0, y0) if step < 0 else _extend(xt, yt, x0, y0, 1)
            xr = range(x0 - i, x0) if step < 0 else range(x0, x0 + i)
            yr = range(y0 - j, y0) if step < 0 else range(y0, y0 + j)
            if any(xtags[p] != point for p in xr) or any(ytags[q] != point for q in yr):
                return True
        return False

    def alignable(
        self, key: tuple, chain: list[Seed], xt: list[str], xtags: list[Tag], since: int
    ) -> bool:
        """Would an aligner report text around this chain of seeds outside the gold, or does
        it repeat 7 words? Stretches that end too far before since cannot have changed."""
        reach = since - SEED_N - EXT
        cls = {(s[1], s[2]): s[3] for s in chain}
        for i, j, c in ((s[1], s[2], s[3]) for s in chain if s[3] is None or s[3][0] == "S"):
            # RUN windows in a row on one diagonal: 7 shared words in a row
            for d in range(1 - RUN, 1):
                run = [cls.get((i + d + k, j + d + k), 0) for k in range(RUN)]
                if 0 not in run and not (c is not None and run.count(c) == RUN):
                    return True
        planted = {s[3] for s in chain if s[3] is not None and s[3][0] == "P"}
        rest = [s for s in chain if s[3] not in planted]
        for point in planted:
            gold = [s for s in chain if s[3] == point]
            if gold[-1][1] >= reach and self.spills(key, gold, xt, xtags):
                return True
            # a chance match this close to a planted copy would be pulled into its passage
            lo, hi = gold[0][1], gold[-1][1] + SEED_N
            for s in rest:
                gap = lo - s[1] - SEED_N if s[1] < lo else s[1] - hi
                if gap <= GOLD_GAP and s[1] >= reach - GOLD_GAP:
                    return True
        # every stretch of nearby chance matches
        n = len(rest)
        for k in range(n - 1):
            for e in range(k + 1, min(n, k + 9)):
                if rest[e][1] - rest[k][1] > 2 * NEAR:
                    break
                if rest[e][1] >= reach and self.region(key, rest[k : e + 1], xt):
                    return True
        return False

    def too_similar(
        self,
        old: dict[tuple, list[Seed]],
        new: list[Seed],
        xt: list[str],
        xtags: list[Tag],
        since: int,
    ) -> bool:
        """Check the chains that the new seeds (or the new words after since) can touch."""
        self.fixed_upto = since
        keys = {s[0] for s in new}
        head = set(xt[since : since + SEED_N])
        for k, v in old.items():
            # a match that ends just before the new words can only grow into them if the
            # other document continues with some of the same words
            if k not in keys and v and v[-1][1] >= since - NEAR:
                y = v[-1][2] + since - v[-1][1]
                if head & set(self.other(k)[0][max(0, y - 4) : y + 8]):
                    keys.add(k)
        for key in keys:
            pool = [s for s in old.get(key, ()) if s[1] >= since - 2 * NEAR]
            pool += [s for s in new if s[0] == key]
            if not pool:
                continue
            found = list(chains(pool))
            if any(self.alignable(key, c, xt, xtags, since) for c in found):
                return True
            if crossing(found, since - SEED_N - EXT):
                return True
        return False

    def realise(self, di: int, placed: list, edges: list) -> None:
        doc = self.docs[di]
        toks = self.toks[di] = []
        tags = self.tags[di] = []
        self.left_cache: dict[tuple, tuple[int, int, int]] = {}
        seeds: dict[tuple, list[Seed]] = defaultdict(list)
        units = doc.units
        for j, unit in enumerate(units):
            prev = units[j - 1] if j else None
            nxt = units[j + 1] if j + 1 < len(units) else None
            if unit.kind == "G":
                unit.text = self.draw(di, unit, prev, nxt, toks, tags, seeds)
            new = words(unit.text)
            if prev is not None and prev.kind == "P" and unit.kind != "P" and lexical(prev.point):
                edges.append(self.note_edge(self.after, prev.point, new[0]))
            if unit.kind == "P" and lexical(unit.point):
                edges.append(self.note_edge(self.before, unit.point, toks[-1]))
            n0 = len(toks)
            toks += new
            tags += [unit_tag(unit)] * len(new)
            found = self.seeds(di, toks, tags, n0 - SEED_N + 1, len(toks))
            if unit.kind != "G" and self.too_similar(seeds, found, toks, tags, n0):
                raise DeadEnd  # fixed text meets its neighbours badly: write the document again
            for seed in found:
                seeds[seed[0]].append(seed)
            for s in range(max(0, n0 - SEED_N + 1), len(toks) - SEED_N + 1):
                win = tuple(toks[s : s + SEED_N])
                self.real[win].append((di, s, window_tag(tags[s : s + SEED_N])))
                placed.append(win)

    @staticmethod
    def note_edge(
        edges: dict[int, set[str]], point: int, word: str
    ) -> tuple[dict[int, set[str]], int, str]:
        if word in edges[point]:
            raise DeadEnd
        edges[point].add(word)
        return edges, point, word

    def draw(
        self,
        di: int,
        unit: Unit,
        prev: Unit | None,
        nxt: Unit | None,
        toks: list[str],
        tags: list[Tag],
        seeds: dict[tuple, list[Seed]],
    ) -> str:
        doc = self.docs[di]
        after_opener = prev is not None and prev.kind == "S" and STOCK[prev.stock][2] == "open"
        ahead: list[str] = []
        ahead_tags: list[Tag] = []
        if nxt is not None and nxt.kind != "G":  # fixed text follows: look into it
            ahead = words(nxt.text)[: NEAR + SEED_N]
            ahead_tags = [unit_tag(nxt)] * len(ahead)
        for attempt in range(MAX_TRIES):
            text, used, slots = generate(
                unit.voice, self.rng, doc.ctx, after_opener, fresh_only=attempt < MAX_TRIES // 2
            )
            cand = words(text)
            if has_stock(cand):
                continue
            if prev is not None and prev.kind == "P" and cand[0] in self.after[prev.point]:
                continue
            if nxt is not None and nxt.kind == "P" and cand[-1] in self.before[nxt.point]:
                continue
            all_toks = toks + cand + ahead
            all_tags = tags + [None] * len(cand) + ahead_tags
            found = self.seeds(di, all_toks, all_tags, len(toks) - SEED_N + 1, len(all_toks))
            if self.too_similar(seeds, found, all_toks, all_tags, len(toks)):
                continue
            self.tries[unit.voice] += attempt
            unit.slots = slots
            doc.ctx["used"].update(used)
            for item in used:
                if isinstance(item, tuple) and item[0] == "lead":  # headline follows the lead
                    topics = doc.ctx["topics"]
                    topics.insert(0, topics.pop(topics.index(item[1])))
                    doc.ctx["lead_place"] = item[2]
            return text
        raise DeadEnd


# =============================================================================================
# Assembly: ids, texts, offsets, gold pairs
# =============================================================================================

ID_PREFIX = {
    "speech": "sp",
    "press-conference": "pc",
    "statement": "st",
    "resolution": "rs",
    "letter": "lt",
    "news": "nw",
}


def assemble(docs: list[Doc], first: int = 1) -> list[Doc]:
    """Sort by date, number from first, and join each document's units into its text."""
    docs = sorted(docs, key=lambda d: (d.date, d.series, d.title))
    for i, doc in enumerate(docs, first):
        doc.id = f"{ID_PREFIX[doc.genre]}-{i:04d}"
        parts: list[str] = []
        pos = 0
        for j, unit in enumerate(doc.units):
            sep = unit.sep if j else ""
            parts.append(sep)
            pos += len(sep)
            unit.start = pos
            if unit.kind == "P":
                doc.spans.append((unit.point, unit.variant, pos, pos + len(unit.text)))
            elif unit.kind == "F" and unit.point:
                doc.negatives.append((unit.point, pos, pos + len(unit.text)))
            parts.append(unit.text)
            pos += len(unit.text)
        doc.text = "".join(parts)
    return docs


def gold_pairs(docs: list[Doc]) -> list[dict]:
    copies: dict[int, list[tuple[Doc, str, int, int]]] = defaultdict(list)
    for doc in docs:
        for point, variant, s, e in doc.spans:
            copies[point].append((doc, variant, s, e))
    out = []
    for point in sorted(copies):
        for a, b in combinations(copies[point], 2):
            if a[0].series == b[0].series:
                continue  # passim never compares documents of one series
            if b[0].id < a[0].id:
                a, b = b, a
            same = words(POINTS[point][1][a[1]]) == words(POINTS[point][1][b[1]])
            edit = ("verbatim" if same else "edited") if lexical(point) else POINTS[point][0]
            out.append(
                {
                    "doc_a": a[0].id,
                    "start_a": a[2],
                    "end_a": a[3],
                    "doc_b": b[0].id,
                    "start_b": b[2],
                    "end_b": b[3],
                    "label": POINTS[point][0],
                    "point": point,
                    "edit": edit,
                }
            )
    out.sort(key=lambda g: (g["point"], g["doc_a"], g["doc_b"]))
    return out


def doc_record(doc: Doc) -> dict:
    return {
        "id": doc.id,
        "series": doc.series,
        "date": doc.date.strftime("%Y-%m-%dT%H:%M"),
        "speaker": doc.speaker,
        "outlet": doc.outlet,
        "title": doc.title,
        "lang": doc.lang,
        "genre": doc.genre,
        "text": doc.text,
    }


# =============================================================================================
# Self-check: re-read the written files and verify every promise the corpus makes
# =============================================================================================


def self_check(out: Path, docs: list[Doc]) -> list[str]:
    """Return a list of problems (empty when the corpus is sound)."""
    problems: list[str] = []
    recs = [json.loads(line) for line in (out / "corpus.jsonl").read_text("utf-8").splitlines()]
    gold = [json.loads(line) for line in (out / "gold.jsonl").read_text("utf-8").splitlines()]
    by_id = {r["id"]: r for r in recs}
    if len(by_id) != len(recs):
        problems.append("duplicate ids")
    if not 150 <= len(recs) <= 300:
        problems.append(f"{len(recs)} documents, want 150-300")
    share_ur = sum(r["lang"] == "ur" for r in recs) / len(recs)
    if not 0.15 <= share_ur <= 0.25:
        problems.append(f"Urdu share {share_ur:.2f}, want 0.15-0.25")
    toks = {r["id"]: tokenize(r["text"]) for r in recs}
    for r in recs:
        n = len(toks[r["id"]])
        if not 120 <= n <= 600:
            problems.append(f"{r['id']} has {n} words, want 120-600")
        if not START <= iso(r["date"]) <= END:
            problems.append(f"{r['id']} dated {r['date']} outside the corpus window")

    # gold offsets: each span is exactly the planted text of that copy, at word boundaries
    planted = {(d.id, p): (v, s, e) for d in docs for p, v, s, e in d.spans}
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # doc -> (point, s, e)
    pairs: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for g in gold:
        pairs[g["point"]].add((g["doc_a"], g["doc_b"]))
        if by_id[g["doc_a"]]["series"] == by_id[g["doc_b"]]["series"]:
            problems.append(f"gold pair {g['doc_a']} {g['doc_b']} within one series")
        for side in "ab":
            doc_id, s, e = g[f"doc_{side}"], g[f"start_{side}"], g[f"end_{side}"]
            variant, ps, pe = planted[(doc_id, g["point"])]
            text = by_id[doc_id]["text"]
            copy = POINTS[g["point"]][1][variant]
            if (s, e) != (ps, pe) or text[s:e] != copy or words(text[s:e]) != words(copy):
                problems.append(f"gold span {doc_id}[{s}:{e}] is not the planted text")
            if (s > 0 and _norm_char(text[s - 1]) not in ("", " ")) or (
                e < len(text) and _norm_char(text[e]) not in ("", " ")
            ):
                problems.append(f"gold span {doc_id}[{s}:{e}] cuts a word")
            if (g["point"], s, e) not in spans[doc_id]:
                spans[doc_id].append((g["point"], s, e))
    # every cross-series pair of copies of a point is in gold, exactly once
    for point in POINTS:
        holders = sorted({d for d, sp in spans.items() for p, _, _ in sp if p == point})
        want = {
            (a, b) for a, b in combinations(holders, 2) if by_id[a]["series"] != by_id[b]["series"]
        }
        if want != pairs[point]:
            problems.append(f"point {point}: gold pairs do not cover all copies")
    if sum(1 for g in gold) != len({(g["doc_a"], g["doc_b"], g["point"]) for g in gold}):
        problems.append("duplicate gold pairs")

    # stock phrases: where they occur (token positions), and their rules
    stock_at: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # doc -> (k, i, j)
    for r in recs:
        ws = [t for t, _, _ in toks[r["id"]]]
        for k, st in enumerate(STOCK_TOKENS):
            for i in range(len(ws) - len(st) + 1):
                if tuple(ws[i : i + len(st)]) == st:
                    stock_at[r["id"]].append((k, i, i + len(st)))
    for doc_id, occ in stock_at.items():
        tk = toks[doc_id]
        gold_tok = [(first_tok(tk, s), last_tok(tk, e)) for _, s, e in spans.get(doc_id, [])]
        for k, i, j in occ:
            # at least one original sentence (here: 4 words) between it and any gold span
            near = [(a, b) for a, b in gold_tok if a - j < 4 and i - b < 4]
            if near:
                problems.append(f"{doc_id}: stock phrase {STOCK[k][0]!r} in or beside a gold span")
            for k2, i2, _ in occ:
                if (k2, i2) != (k, i) and i2 >= i and i2 - j < 4:
                    problems.append(
                        f"{doc_id}: stock phrases {STOCK[k][0]!r} and {STOCK[k2][0]!r} are adjacent"
                    )
    for k, (phrase, lang, *_rest) in enumerate(STOCK):
        speeches = [r["id"] for r in recs if r["genre"] in SPOKEN and r["lang"] == lang]
        have = sum(any(o[0] == k for o in stock_at.get(i, [])) for i in speeches)
        if not 0.15 <= have / len(speeches) <= 0.60:
            problems.append(f"stock phrase {phrase!r} in {have}/{len(speeches)} speeches")

    # no run of 7 words shared across series except inside gold pairs of lexical copies or
    # stock phrases (paraphrase copies must not share one either)
    exempt_gold = {(g["doc_a"], g["doc_b"], g["point"]) for g in gold if lexical(g["point"])}
    tok_point: dict[str, list[set[int]]] = {}
    tok_stock: dict[str, list[int]] = {}
    for r in recs:
        tk = toks[r["id"]]
        tp: list[set[int]] = [set() for _ in tk]
        for p, s, e in spans.get(r["id"], []):
            for n, (_, ts, te) in enumerate(tk):
                if s <= ts and te <= e:
                    tp[n].add(p)
        ts_: list[int] = [-1] * len(tk)
        for occ_n, (_, i, j) in enumerate(stock_at.get(r["id"], [])):
            for n in range(i, j):
                ts_[n] = occ_n
        tok_point[r["id"]], tok_stock[r["id"]] = tp, ts_
    index: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for r in recs:
        ws = [t for t, _, _ in toks[r["id"]]]
        for i in range(len(ws) - WINDOW + 1):
            index[tuple(ws[i : i + WINDOW])].append((r["id"], i))
    reported: set[tuple[str, str]] = set()
    for win, occ in index.items():
        if len({by_id[d]["series"] for d, _ in occ}) < 2:
            continue
        for (da, ia), (db, ib) in combinations(occ, 2):
            if by_id[da]["series"] == by_id[db]["series"]:
                continue
            a, b = (da, ia), (db, ib)
            if db < da:
                a, b = b, a
            pa = set.intersection(*tok_point[a[0]][a[1] : a[1] + WINDOW])
            pb = set.intersection(*tok_point[b[0]][b[1] : b[1] + WINDOW])
            if any((a[0], b[0], p) in exempt_gold for p in pa & pb):
                continue
            sa = set(tok_stock[a[0]][a[1] : a[1] + WINDOW])
            sb = set(tok_stock[b[0]][b[1] : b[1] + WINDOW])
            if len(sa) == 1 and len(sb) == 1 and -1 not in sa | sb:
                continue
            if (a[0], b[0]) not in reported:
                reported.add((a[0], b[0]))
                problems.append(f"{a[0]} and {b[0]} share {' '.join(win)!r} outside gold")

    # the story's timing: a burst of at least 5 defectors within 36 hours, days after the leader
    a1 = sorted(
        (iso(by_id[d]["date"]), by_id[d]["series"])
        for d, sp in spans.items()
        for p, _, _ in sp
        if p == 1
    )
    first = min(t for t, s in a1 if s == LEADER)
    defect = [(t, s) for t, s in a1 if s != LEADER]
    best = max(
        len({s for t2, s in defect if t <= t2 <= t + timedelta(hours=36)}) for t, _ in defect
    )
    if best < 5:
        problems.append(f"burst has only {best} defectors within 36 hours")
    if min(t for t, _ in defect) - first < timedelta(days=2):
        problems.append("the burst starts too soon after the leader")

    # paraphrase and translation copies: the originator speaks first, and copies (and the hard
    # negatives of their point) share at most PARA_SHARED 4-word windows; the 7-word check
    # above already covers them, since their gold pairs are not exempt
    def grams(text: str) -> set[tuple[str, ...]]:
        ws = words(text)
        return {tuple(ws[i : i + SEED_N]) for i in range(len(ws) - SEED_N + 1)}

    negs = {(d.id, p): (s, e) for d in docs for p, s, e in d.negatives}
    for point, (label, variants, _) in POINTS.items():
        if label not in (LABEL_PARAPHRASE, LABEL_TRANSLATION):
            continue
        held = sorted(
            (iso(by_id[d]["date"]), d, v) for (d, p), (v, _, _) in planted.items() if p == point
        )
        if held[0][2] != "original":
            problems.append(f"point {point}: a copy precedes the original")
        texts = [(d, variants[v]) for _, d, v in held]
        texts += [(d, by_id[d]["text"][s:e]) for (d, p), (s, e) in negs.items() if p == point]
        for (da, ta), (db, tb) in combinations(texts, 2):
            shared = grams(ta) & grams(tb)
            if len(shared) > PARA_SHARED:
                problems.append(f"point {point}: {da} and {db} share {len(shared)} 4-word windows")
    for (doc_id, point), (s, e) in negs.items():
        if (doc_id, point) in planted or any(s < pe and ps < e for _, ps, pe in spans[doc_id]):
            problems.append(f"hard negative {doc_id}[{s}:{e}] overlaps a copy of its point")
        negatives = [n[-1] for n in HARD_NEGATIVES + TRANSLATION_NEGATIVES if n[0] == point]
        if by_id[doc_id]["text"][s:e] not in negatives:
            problems.append(f"hard negative {doc_id}[{s}:{e}] is not its text")

    # translations: one original and one translation, in documents of different languages,
    # each written in its document's script
    def script(text: str) -> str:
        arabic, latin = bool(re.search("[\u0600-\u06ff]", text)), bool(re.search("[A-Za-z]", text))
        return "ur" if arabic and not latin else "en" if latin and not arabic else "mixed"

    for point, (label, variants, _) in POINTS.items():
        if label != LABEL_TRANSLATION:
            continue
        held = {v: d for (d, p), (v, _, _) in planted.items() if p == point}
        if sorted(held) != ["original", "translation"]:
            problems.append(
                f"point {point}: copies {sorted(held)}, want an original and a translation"
            )
            continue
        langs = {v: by_id[d]["lang"] for v, d in held.items()}
        if langs["original"] == langs["translation"]:
            problems.append(f"point {point}: original and translation are both {langs['original']}")
        for v, d in held.items():
            if script(variants[v]) != langs[v]:
                problems.append(f"point {point}: the {v} in {d} is not in its document's script")
    # the translation points' passages were placed after the background was written: they must
    # share at most PARA_SHARED 4-word windows with any document of another series, so that an
    # aligner has nothing to chain (the background was checked against everything else)
    doc_grams = {r["id"]: grams(r["text"]) for r in recs}
    added = [(d, p, s, e) for d in docs for p, _, s, e in d.spans]
    added += [(d, p, s, e) for d in docs for p, s, e in d.negatives]
    for d, p, s, e in added:
        if POINTS[p][0] != LABEL_TRANSLATION:
            continue
        # the passage's windows, and those that reach across its edges into its neighbours
        tk = toks[d.id]
        ws, a, b = [t for t, _, _ in tk], first_tok(tk, s), last_tok(tk, e)
        mine = {tuple(ws[n : n + SEED_N]) for n in range(max(0, a - SEED_N + 1), b)}
        mine = {w for w in mine if len(w) == SEED_N}
        for r in recs:
            if r["series"] != d.series and len(mine & doc_grams[r["id"]]) > PARA_SHARED:
                n = len(mine & doc_grams[r["id"]])
                problems.append(
                    f"point {p}: {d.id}[{s}:{e}] shares {n} 4-word windows with {r['id']}"
                )

    # the Urdu spelling variants really differ in code points and really match when normalised
    ar = UR_VARIANTS["arabic-letters"]
    di = UR_VARIANTS["diacritics"]
    if not ("\u064a" in ar and "\u0643" in ar and "\u06cc" not in ar and "\u06a9" not in ar):
        problems.append("Arabic-letter copy does not use Arabic yeh/kaf")
    if not ("\u064e" in di and "\u0650" in di and "\u0640" in di):
        problems.append("diacritic copy lacks harakat or tatweel")
    for variants in (A1_VARIANTS, LETTER_VARIANTS, PRESS_VARIANTS, UR_VARIANTS):
        for name in ("typographic", "capitalised", "repunctuated", "arabic-letters", "diacritics"):
            if name in variants and words(variants[name]) != words(variants["verbatim"]):
                problems.append(f"{name} variant is not identical once normalised")
    return problems


def first_tok(tk: list[tuple[str, int, int]], s: int) -> int:
    return next(n for n, (_, ts, _) in enumerate(tk) if ts >= s)


def last_tok(tk: list[tuple[str, int, int]], e: int) -> int:
    return max(n for n, (_, _, te) in enumerate(tk) if te <= e) + 1


# =============================================================================================
# README: the story and the answer key, written from the generated documents
# =============================================================================================

README_INTRO = """\
# The Dalmora demo corpus

A small corpus for trying echoscope, **entirely invented**: the Republic of Dalmora, its
parties, politicians, assemblies, newspapers and TV channels do not exist, and every sentence
was written for this demo (`make_corpus.py` generates it; do not edit the `.jsonl` files by
hand). It is built so that the right answers are known: `gold.jsonl` lists every pair of
passages that really was reused, with exact character offsets.

## The story

Dalmora is governed by Prime Minister **Harun Delavar** and his **National Concord Party**
(NCP). The old opposition is the **People's Unity League** (PUL) of **Farida Mortazan**. On
5 February 2026 the communications minister **Rustam Keshvani** resigns from the cabinet, and on
**10 February** he launches a new party, the **Dalmora Renewal Front** (DRF), at a press
conference in Marwen, the capital. He makes four allegations against the government. Over the
next weeks eight politicians cross over to him from the PUL and the NCP, and his allegations
start turning up, word for word or nearly, in their speeches.

Meanwhile, in the coastal province of Sahil, where politics is conducted in Urdu, **Mian
Rafaqat Dildar** of the Sahil Awami Party accuses the government of selling the province's
water; party colleagues repeat him. District councils and professional bodies send the same
open letter about flood reconstruction money to a dozen embassies and ministries. Provincial
assemblies table a resolution on the Northern Highway contracts, and others table a
counter-resolution. The governing party's press release on flood housing is reprinted by the
papers.

Not every repetition is a copy. Ten more claims travel through the campaign **in other words**
(points 10-19): Keshvani says the blackouts are arranged so that a minister's in-laws can sell
generator power, a defector finds ghost schools in Tarnak, the opposition leader exposes a
one-daram lease of the Port Aldan fish market, and the Prime Minister answers that Keshvani
approved the highway contracts himself. Each claim is taken up by two to four speakers of
other series, and each rewords it: the same accusation, names and numbers, in different words
and sentences. No two copies share a run of {window} words, so a word-matching aligner does not
see them; they are there to test semantic (paraphrase) detection. Denials, defences and neutral
news reports on the same subjects are the hard negatives that such a detector must not report.

Some claims also **cross languages** (points 20-43): {n_tr_en_ur} made in English are repeated
in Urdu (Keshvani's charge about foreign trawlers off the Sahil coast, taken up by Mian Rafaqat
Dildar; the Prime Minister's promise of a seawater plant for Port Aldan, repeated by Sahil's
Chief Minister; government statements printed in Urdu by the Urdu papers), and {n_tr_ur_en}
made in Urdu are repeated in English (Sahil politicians' press conferences reported by the
English papers, or taken up by English-speaking politicians). Each is a translation of two or
three sentences, with the same names and numbers, by a speaker of another series, later than
the original. Documents in the other language, mostly Urdu news, that report the same events
in their own words without translating the statement are the hard negatives.

Around all this is ordinary political talk about flour prices, broken roads, water, schools,
floods, hospitals, power cuts, jobs and the electoral rolls: {n_docs} documents from
{start} to {end}, {n_en} in English and {n_ur} in Urdu, in {n_series} series (a series is the
person or body that issued a document; for news, the outlet). Documents in the same series are
never compared, as in passim.

## Files

* `corpus.jsonl`: one document per line: `id`, `series`, `date`, `speaker`, `outlet` (where
  it was delivered or published), `title`, `lang` (`en`/`ur`), `genre` (speech,
  press-conference, statement, resolution, letter, news) and `text`.
* `gold.jsonl`: one line per true reuse pair: `doc_a`, `start_a`, `end_a`, `doc_b`,
  `start_b`, `end_b` (character offsets into `text`, end exclusive, `doc_a < doc_b`), `label`
  (the case), `point` (all copies of one planted passage share it) and `edit` (`verbatim` when
  the two copies are identical once case, punctuation, Urdu letter forms and diacritics are
  normalised; `edited` for a lexical copy with edits; `paraphrase` for the same claim in other
  words; `translation` for the same passage in the other language).
* `stock_phrases.txt`: formulas that appear in many speeches ("Ladies and gentlemen", "Thank
  you very much", their Urdu equivalents...). They are **not** reuse and are not in the gold:
  a good tool should not report them.

Try it:

```
echoscope ingest demo/corpus.jsonl --db demo.db
echoscope detect --db demo.db
echoscope pairs --db demo.db --top 10
echoscope eval --db demo.db --gold demo/gold.jsonl
```

Apart from the planted lexical passages and the stock phrases, no two documents of different
series share a run of {window} words (`make_corpus.py` checks this on every run), and the background
prose is generated so that a seed-and-extend aligner finds nothing to chain between
documents: no two sentences of different series share two 4-word windows close enough to
extend into a 10-word passage of 45% identity.
"""

CASE_NOTES = {
    LABEL_ALLEGATION: (
        "Rustam Keshvani's launch press conference makes four allegations (points 1-4). "
        "Defectors repeat them over the following weeks, each in their own words around them; "
        "some copies are verbatim, some lightly edited. Point 1 is the main allegation: "
        "**{burst_n} defectors repeat it within {burst_h} hours**, from {burst_start} to "
        "{burst_end}, four days after the launch; Keshvani repeats it himself at a rally on "
        "27 February."
    ),
    "urdu-allegation": (
        "Mian Rafaqat Dildar's allegation (point 9) is repeated by four colleagues. One copy is "
        "typed with Arabic yeh (U+064A) and Arabic kaf (U+0643) instead of the Urdu letters "
        "(U+06CC, U+06A9); one carries harakat (zabar, zer, pesh) and a tatweel. Both count as "
        "the same text."
    ),
    "letter": (
        "One open letter (point 5), sent by 14 councils and associations to different "
        "embassies and ministries. Each copy has its own address, salutation, covering "
        "sentences and signature; the body is verbatim or has a tiny edit."
    ),
    "resolution": (
        "The same resolution on the Northern Highway contracts (point 6) tabled in three "
        'assemblies, lightly edited ("This House" for "This Assembly"; sixty days for '
        "ninety)."
    ),
    "counter-resolution": (
        "A counter-resolution rejecting the highway allegations (point 7), tabled in three "
        'other assemblies; the city council\'s copy says "Council" and "city".'
    ),
    LABEL_PARAPHRASE: (
        "Ten claims (points 10-19) repeated in other words. Each is made first by its "
        "originator (Keshvani, a defector, the opposition, or the governing party) and then "
        "taken up by two to four speakers of other series, who reword it: the same accusation "
        "with the same names and numbers, in the same order, but in different vocabulary and "
        "syntax. Some copies split the sentences or merge them, some are shorter summaries, one "
        "turns the claims into rhetorical questions. Copies share no run of {window} words and "
        "no 4-word window (`make_corpus.py` allows at most {para_shared}), so a lexical aligner "
        "finds none of these pairs. Gold spans run from the first character of a copy's first "
        "sentence to the end of its last. Point 44, the Prime Minister's charge that Keshvani "
        "has links to a foreign agency, taken up by three speakers of his side, came with the "
        "documents of the targets stage (see Targets and charges)."
    ),
    LABEL_TRANSLATION: (
        "Twenty-four passages (points 20-43) repeated in the other language: points 20-31 are "
        "English statements translated into Urdu, points 32-43 Urdu statements translated into "
        "English. Each has one original, placed in a document of its originator, and one "
        "translation, in a later document of another series: a politician repeating the claim "
        "or an outlet printing it. The translation keeps the names, the numbers and the order "
        "of the sentences. The two sides share no word, so a lexical aligner finds none of "
        "these pairs. Gold spans run from the first character of a passage's first sentence to "
        "the end of its last."
    ),
    "press-release": (
        "The governing party's press release on flood housing (point 8) and four reprints, "
        "each inside the outlet's own introduction and closing paragraphs: one verbatim, one "
        "with curly quotes, one with a sentence dropped, one with a word changed."
    ),
}
VARIANT_NOTES = {
    "verbatim": "verbatim",
    "substituted": "a few words substituted",
    "typographic": "typographic only: curly apostrophes",
    "swapped": "two adjacent clauses swapped",
    "capitalised": "capitalisation changed only",
    "inserted": "words inserted",
    "repunctuated": "punctuation changed only",
    "deleted": "words deleted",
    "rephrased": "two words rephrased",
    "about": "one word changed",
    "house": '"House" for "Assembly"',
    "shortened": "deadline changed, a phrase shortened",
    "council": '"Council" for "Assembly", "city" for "province"',
    "dropped": "one sentence dropped",
    # notes that depend on the passage
    (1, "typographic"): "typographic only: curly quotes and apostrophe, em dash for the hyphen",
    (8, "typographic"): "typographic only: curly quotes and apostrophes",
    "arabic-letters": "Arabic yeh and kaf instead of Urdu letters",
    "diacritics": "harakat and a tatweel added",
    # paraphrase copies
    "original": "original wording",
    "reworded": "reworded",
    "split": "reworded, split into shorter sentences",
    "merged": "reworded, merged into one sentence",
    "summary": "summary (shorter)",
    "rhetorical": "reworded as rhetorical questions",
    # translation copies (the README adds the language)
    "translation": "translation",
}
LANGUAGE = {"en": "English", "ur": "Urdu"}
NUM_NAMES = dict(enumerate(["no", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"]))  # fmt: skip
NEGATIVES_NOTE = {
    LABEL_PARAPHRASE: (
        "Hard negatives (not in the gold): documents of other series on the same "
        "subject, with the same names and numbers, that do not make the claim. A "
        "semantic detector should not pair them with the copies. Character offsets "
        "are those of the passage in `text`, end exclusive.\n"
    ),
    LABEL_TRANSLATION: (
        "Hard negatives (not in the gold): documents in the other language that report the "
        "same event, with its names and numbers, in their own words, without translating the "
        "statement (mostly Urdu news on an English statement). A cross-language detector should "
        "not pair them with the original. Character offsets are those of the passage in "
        "`text`, end exclusive.\n"
    ),
}


def readme(docs: list[Doc], gold: list[dict]) -> str:
    recs = [doc_record(d) for d in docs]
    n_ur = sum(r["lang"] == "ur" for r in recs)
    translated = Counter(d.lang for d in docs for _, v, _, _ in d.spans if v == "translation")
    lines = [
        README_INTRO.format(
            n_tr_en_ur=NUM_NAMES[translated["ur"]],
            n_tr_ur_en=NUM_NAMES[translated["en"]],
            n_docs=len(recs),
            n_en=len(recs) - n_ur,
            n_ur=n_ur,
            n_series=len({r["series"] for r in recs}),
            window=WINDOW,
            start=min(r["date"] for r in recs)[:10],
            end=max(r["date"] for r in recs)[:10],
        )
    ]
    burst = burst_window(docs)
    lines.append("## The planted cases\n")
    lines.append(
        "| label | docs | gold pairs (verbatim / edited / paraphrase / translation) |\n"
        "|---|---|---|"
    )
    for label in dict.fromkeys(v[0] for v in POINTS.values()):
        pts = [p for p, v in POINTS.items() if v[0] == label]
        n_docs = len({d.id for d in docs for p, *_ in d.spans if p in pts})
        gl = [g for g in gold if g["label"] == label]
        n = Counter(g["edit"] for g in gl)
        lines.append(
            f"| `{label}` | {n_docs} | {len(gl)} "
            f"({n['verbatim']} / {n['edited']} / {n['paraphrase']} / {n['translation']}) |"
        )
    lines.append("")
    for label in dict.fromkeys(v[0] for v in POINTS.values()):
        lines.append(f"### `{label}`\n")
        lines.append(
            CASE_NOTES[label].format(**burst, window=WINDOW, para_shared=PARA_SHARED) + "\n"
        )
        for point, (lab, _, gist) in POINTS.items():
            if lab != label:
                continue
            lines.append(f"Point {point}, {gist}:\n")
            lines.append("| date | doc | series | outlet | copy |\n|---|---|---|---|---|")
            for d in docs:
                for p, variant, _, _ in d.spans:
                    if p == point:
                        note = VARIANT_NOTES.get((p, variant), VARIANT_NOTES[variant])
                        if label == LABEL_TRANSLATION:
                            note = f"{note} ({LANGUAGE[d.lang]})"
                        lines.append(
                            f"| {d.date:%Y-%m-%d %H:%M} | `{d.id}` | {d.series} | "
                            f"{d.outlet} | {note} |"
                        )
            lines.append("")
        if label in (LABEL_PARAPHRASE, LABEL_TRANSLATION):
            lines.append(NEGATIVES_NOTE[label])
            notes = {(n[0], n[1], n[2]): n[3] for n in HARD_NEGATIVES + TRANSLATION_NEGATIVES}
            rows = sorted(
                (p, d.date, d.id, d.series, s, e, notes[(p, d.series, f"{d.date:%Y-%m-%dT%H:%M}")])
                for d in docs
                for p, s, e in d.negatives
                if POINTS[p][0] == label
            )
            for p, _, doc_id, series, s, e, note in rows:
                lines.append(f"* point {p}, `{doc_id}` [{s}:{e}] ({series}): {note}")
            lines.append("")
    lines.append("### Stock phrases (not reuse)\n")
    for phrase, lang, _, _, _ in STOCK:
        n = sum(phrase in d.text for d in docs)
        lines.append(f"* {phrase} ({lang}, {n} speeches)")
    lines.append("")
    return "\n".join(lines)


def burst_window(docs: list[Doc]) -> dict[str, str]:
    copies = sorted(
        (d.date, d.series) for d in docs for p, *_ in d.spans if p == 1 and d.series != LEADER
    )
    best = (0, copies[0][0], copies[0][0])
    for t, _ in copies:
        inside = [(t2, s) for t2, s in copies if t <= t2 <= t + timedelta(hours=36)]
        if len({s for _, s in inside}) > best[0]:
            best = (len({s for _, s in inside}), t, max(t2 for t2, _ in inside))
    n, lo, hi = best
    hours = (hi - lo).total_seconds() / 3600
    return {
        "burst_n": str(n),
        "burst_h": f"{hours:.1f}".rstrip("0").rstrip("."),
        "burst_start": f"{lo:%d %B %H:%M}",
        "burst_end": f"{hi:%d %B %H:%M}",
    }


# =============================================================================================
# Targets: who accuses whom of what (the targets stage). The alias list, the gold of every
# accusation in the corpus, and the documents written for this stage
# =============================================================================================
#
# The gold is complete over the whole corpus: the sentences of the first 206 documents are
# marked from what made them (each planted or fixed text has its notes below, each generated
# sentence is judged by its template), and the documents written for this stage carry their
# notes with their text. The rule, as the README states it:
#
# * an accusation (scored): the sentence charges an identified target with wrongdoing: the
#   target is the one the sentence says did wrong (its agent, or the object of an accusation
#   cue: accuse, blame, condemn, demand action against, call someone a traitor), or the subject
#   of a derogatory characterisation ("This government fears an honest clerk the way a thief
#   fears a barking dog"). Identified: named, a title that means one entity (the Prime
#   Minister, the DRF chief), "this government", or a pronoun whose antecedent is one of those;
# * vague (neither rewarded nor penalised): blame whose wrongdoer is not identified (a passive,
#   "officials", "the contractor", "someone", "a minister's nephew", "they" without an
#   antecedent), or blame of an identified target that is only implied (a rhetorical question,
#   irony, a request to explain, "I call it ...", a complaint about conditions that names the
#   body responsible). When in doubt, vague;
# * a denial: the sentence denies or rejects a charge (the target denying it, "we never said",
#   a spokesman rejecting allegations as baseless, a defence that rebuts the facts). Its
#   accuser is the denier, who must not be reported as accusing anyone there;
# * nothing: reports of conditions that blame no one, promises, praise, neutral news.

TARGETS_SEED = SEED + 3  # the targets documents' own random stream
RESPONSE_DAYS = 14  # a response comes within this many days of what it answers
GOV = "Government of Dalmora"
SAHIL_GOV = "Government of Sahil"
SAP = "Sahil Awami Party"
EC = "Election Commission of Dalmora"
FISHERIES = "Fisheries Department"

# (canonical name, kind, member_of, aliases). Canonical names are the corpus's speaker or
# series values where the entity speaks. member_of is the entity's party; for an assembly, the
# party that holds its majority.
ENTITIES = [
    ("Harun Delavar", "person", NCP, [
        "Prime Minister Harun Delavar", "Prime Minister Delavar", "Mr Delavar", "Delavar",
        "the Prime Minister", "ہارون دلاور", "وزیر اعظم ہارون دلاور", "وزیر اعظم", "دلاور"]),
    ("Lucan Mehrabi", "person", NCP, [
        "Finance Minister Lucan Mehrabi", "Mr Mehrabi", "Mehrabi", "the Finance Minister",
        "the Minister of Finance", "Minister of Finance", "لوکن مہرابی", "وزیر خزانہ"]),
    ("Ruqaiya Fenwick", "person", NCP, [
        "Water Minister Ruqaiya Fenwick", "Ms Fenwick", "Fenwick", "the Water Minister",
        "the Minister for Water Resources", "Minister for Water Resources", "رقیہ فینوک"]),
    ("Dawud Castellan", "person", NCP, [
        "Education Minister Dawud Castellan", "Castellan", "the Education Minister",
        "the Minister of Education", "Minister of Education"]),
    ("Jovan Saqib", "person", NCP, [
        "Mayor Jovan Saqib", "Mr Saqib", "Saqib", "the Mayor of Port Aldan", "جووان ثاقب",
        "میئر جووان ثاقب", "بندر آلدان کے میئر", "میئر کے دفتر", "ثاقب"]),
    ("Mehrunissa Palander", "person", NCP, ["Palander", "the Party's information secretary"]),
    (LEADER, "person", DRF, [
        "Mr Keshvani", "Keshvani", "Rustam Keshwani", "Keshwani", "the DRF chief",
        "the DRF leader", "the Renewal Front's chief", "the honourable member for Veshtar",
        "رستم کیشوانی", "کیشوانی"]),
    ("Amara Tolani", "person", DRF, ["Ms Tolani", "Tolani"]),
    ("Idris Penhallow", "person", DRF, ["Mr Penhallow", "Penhallow"]),
    ("Shirin Vakhtar", "person", DRF, ["Ms Vakhtar", "Vakhtar"]),
    ("Bilal Ostrander", "person", DRF, ["Mr Ostrander", "Ostrander"]),
    ("Nadia Kharadi", "person", DRF, ["Ms Kharadi", "Kharadi"]),
    ("Tomas Halloran", "person", DRF, ["Mr Halloran", "Halloran"]),
    ("Yusra Demiral", "person", DRF, ["Ms Demiral", "Demiral"]),
    ("Kaveh Sethna", "person", DRF, ["Mr Sethna", "Sethna"]),
    ("Farida Mortazan", "person", PUL, [
        "PUL leader Farida Mortazan", "Ms Mortazan", "Mortazan", "the PUL leader",
        "the opposition leader", "the League's leader", "فریدہ مرتضان"]),
    ("Oren Talwar", "person", PUL, [
        "PUL spokesman Oren Talwar", "Mr Talwar", "Talwar", "the League's spokesman",
        "the PUL spokesman"]),
    ("Marguerite Olaye", "person", "", [
        "Senator Marguerite Olaye", "Senator Olaye", "Olaye"]),
    ("Helga Rasool", "person", "", ["Ms Rasool", "Rasool"]),
    ("Mian Rafaqat Dildar", "person", SAP, [
        "میاں رفاقت دلدار", "رفاقت دلدار", "دلدار", "Rafaqat Dildar", "Dildar",
        "Mian Rafaqat Dildaar", "Dildaar"]),
    ("Shamim Arzoo", "person", SAP, ["بیگم شمیم آرزو", "شمیم آرزو", "بیگم آرزو", "Shamim Arzoo"]),
    ("Naveed Kohsar", "person", SAP, ["سردار نوید کہسار", "نوید کہسار", "سردار کہسار", "کہسار"]),
    ("Junaid Mehtab", "person", SAP, ["حافظ جنید مہتاب", "جنید مہتاب", "مہتاب"]),
    ("Zubaida Noori", "person", SAP, ["زبیدہ نوری", "نوری"]),
    ("Saleem Durrani", "person", NCP, [
        "نواب سلیم درانی", "وزیر اعلیٰ سلیم درانی", "سلیم درانی", "وزیر اعلیٰ", "درانی",
        "Chief Minister Saleem Durrani", "Saleem Durrani", "Durrani", "Sahil's Chief Minister"]),
    ("Rehana Sabzwari", "person", NCP, [
        "صوبائی وزیر آب ریحانہ سبزواری", "وزیر آب ریحانہ سبزواری", "ریحانہ سبزواری",
        "صوبائی وزیر آب", "وزیر آب", "سبزواری", "Rehana Sabzwari", "Sabzwari",
        "صوبائی وزیر ریحانہ سبزواری"]),
    (NCP, "party", "", [
        "NCP", "the governing party", "the ruling party", "نیشنل کنکورڈ پارٹی", "حکمران جماعت"]),
    (PUL, "party", "", ["PUL", "the League", "پیپلز یونٹی لیگ"]),
    (DRF, "party", "", [
        "DRF", "the Renewal Front", "Renewal Front", "the Front", "Keshvani's party",
        "Mr Keshvani's party", "Keshvani's front", "Keshvani's Renewal Front", "the new front",
        "دلمورا رینیوئل فرنٹ", "رینیوئل فرنٹ", "کیشوانی کے فرنٹ"]),
    (SAP, "party", "", ["SAP", "ساحل عوامی پارٹی", "مرکزی مجلس عاملہ", "مجلس عاملہ"]),
    (GOV, "organisation", NCP, [
        "this government", "the government", "the federal government", "the cabinet",
        "this cabinet", "یہ حکومت", "وفاقی حکومت", "موجودہ حکومت", "مرکزی حکومت"]),
    (SAHIL_GOV, "organisation", NCP, ["the Sahil government", "صوبائی حکومت", "ساحل کی حکومت"]),
    (EC, "organisation", "", ["the Election Commission", "Election Commission", "the Commission",
        "الیکشن کمیشن"]),
    ("Ministry of Health", "organisation", "", ["the health ministry", "the Ministry of Health"]),
    ("Ministry of Water Resources", "organisation", "", ["the Water Ministry"]),
    ("Food Department", "organisation", "", ["the Food Department", "محکمہ خوراک"]),
    (FISHERIES, "organisation", "", ["the fisheries department", "محکمہ ماہی پروری"]),
    ("Federal Reconstruction Authority", "organisation", "", [
        "the Federal Reconstruction Authority", "the Authority"]),
    ("Corvan Pharma", "organisation", "", ["Corvan", "کوروان فارما"]),
    ("Halden Generators", "organisation", "", ["Halden"]),
    ("Seabright Holdings", "organisation", "", ["Seabright"]),
    ("National Parliament", "assembly", "", ["Parliament", "the National Parliament",
        "قومی پارلیمان"]),
    ("Sahil Provincial Assembly", "assembly", NCP, [
        "ساحل صوبائی اسمبلی", "ساحل اسمبلی", "صوبائی اسمبلی", "the Sahil Assembly"]),
    ("Tarnak Provincial Assembly", "assembly", NCP, ["the Tarnak Assembly"]),
    ("Port Aldan City Council", "assembly", NCP, []),
    ("Marwen Capital Assembly", "assembly", "", []),
    ("Northern Reach Provincial Assembly", "assembly", "", []),
    ("Kesar Valley Provincial Assembly", "assembly", "", []),
]  # fmt: skip
ENTITY = {name: (kind, party) for name, kind, party, _ in ENTITIES}


def _alias_key(name: str) -> str:
    return " ".join(words(name))


ALIASES: dict[str, str] = {}  # matching form of every name and alias -> canonical name
for _name, _kind, _party, _aliases in ENTITIES:
    for _alias in [_name, *_aliases]:
        ALIASES.setdefault(_alias_key(_alias), _name)


def canonical(mention: str) -> str | None:
    """The entity a whole mention names, if any. (Never by a part: the background's people
    share surnames with the cast, and "راشد مہتاب" is not Junaid Mehtab.)"""
    return ALIASES.get(_alias_key(mention))


def party_of(name: str) -> str:
    kind, party = ENTITY.get(name, ("", ""))
    return name if kind == "party" else party


def side(name: str) -> set[str]:
    """The entity and everyone of its party (its party included)."""
    party = party_of(name)
    return {n for n in ENTITY if party_of(n) == party} if party else {name}


@dataclass(frozen=True)
class Note:
    """One gold item in a piece of text: the sentence holding ``anchor`` (a pattern; the charge
    pattern when there is no anchor) accuses (A), blames vaguely (V) or denies (D)."""

    kind: str  # "accusation", "vague" or "denial"
    target: str = ""
    charge: str = ""  # pattern of the charge as the sentence words it ("" for none)
    anchor: str = ""
    accuser: str | None = None  # None: the document's own voice (speaker, or issuing body)
    form: str = ""  # how the accusation is put, for the planted ones
    rx: bool = False  # anchor and charge are regular expressions (else literal text)

    def pattern(self, which: str) -> re.Pattern[str]:
        text = getattr(self, which)
        return _rx(text if self.rx else re.escape(text))


def A(
    target: str,
    charge: str,
    anchor: str = "",
    accuser: str | None = None,
    form: str = "",
    rx: bool = False,
) -> Note:
    return Note("accusation", target, charge, anchor or charge, accuser, form, rx)


def V(anchor: str, target: str = "", accuser: str | None = None, rx: bool = False) -> Note:
    return Note("vague", target, "", anchor, accuser, "", rx)


def D(
    anchor: str, accuser: str | None = None, target: str = "", form: str = "", rx: bool = False
) -> Note:
    return Note("denial", target, "", anchor, accuser, form, rx)


@cache
def _rx(pattern: str) -> re.Pattern[str]:
    # Urdu typed on an Arabic keyboard still matches: either form of yeh and kaf
    pattern = pattern.replace("\u06cc", "[\u06cc\u064a]").replace("\u06a9", "[\u06a9\u0643]")
    return re.compile(pattern, re.IGNORECASE)


# --- notes on the planted passages and fixed texts of the first 206 documents ----------------
# Keyed by point (every variant) or (point, variant).
POINT_NOTES: dict[int | tuple[int, str], list[Note]] = {
    # the gambler and the thief are similes: no wrong is stated (vague, like "I call it ...")
    1: [V(r"treats the (?:national treasury|public purse) the way a gambler", GOV, rx=True),
        V("I call it a bet placed", GOV)],
    2: [V("twenty-nine went to"), V("Those firms did not lay")],
    3: [V("moved through the ministry like water")],
    4: [V("he is transferred within a week"), V("moved out of their posts since October"),
        V("fears an honest clerk the way a thief fears a barking dog", GOV)],
    5: [V("channelled through the Federal Reconstruction Authority",
          "Federal Reconstruction Authority"),
        V("Tenders were issued without notice", "Federal Reconstruction Authority")],
    6: [V("noting with grave concern the reports", GOV),
        V("calls upon the Federal Government to suspend", GOV),
        V("requests the Auditor General to examine every contract"),
        V("names of the directors and owners of every contracting firm")],
    7: [D(r"This (?:Assembly|Council) rejects the campaign of unfounded allegations", rx=True),
        V("deplores the use of provincial and municipal forums"),
        V("calls upon all members to refrain from statements")],
    8: [D(r"The Party (?:rejects|dismisses) the claims", accuser=NCP, target=NCP, rx=True)],
    9: [A(GOV, "ساحل کا پانی اس طرح بیچ رہی ہے"), V("دیہات کا پانی کاٹ کر")],
    (10, "original"): [V("no accident of old cables"),
                       V("switches off the feeders", "Lucan Mehrabi"),
                       V("They cut your power", "Lucan Mehrabi")],
    (10, "reworded"): [V("Do not let them blame"),
                       V("deliberately keeps the lines", "Lucan Mehrabi"),
                       V("a minister's in-laws can charge you")],
    (10, "merged"): [V("These power cuts are planned", "Lucan Mehrabi")],
    (10, "summary"): [V("arranged on purpose", "Lucan Mehrabi")],
    (11, "original"): [V("Someone is drawing the wages")],
    (11, "reworded"): [V("Somebody collects the pay")],
    (11, "split"): [V("So whose pockets do those salaries fill")],
    (11, "summary"): [V("may be a phantom")],
    (12, "original"): [V("has been leased for ninety-nine years", "Harun Delavar"),
                       V("its only director is the Prime Minister's", "Harun Delavar")],
    (12, "merged"): [V("handed over on a ninety-nine-year lease", "Harun Delavar")],
    (12, "reworded"): [V("was signed over to Seabright Holdings", "Harun Delavar"),
                       V("used to serve as the Prime Minister's private secretary",
                         "Harun Delavar")],
    (12, "split"): [V("did not exist a month before it signed"),
                    V("kept the Prime Minister's diary", "Harun Delavar")],
    (12, "summary"): [V("The Front asks why public land", "Harun Delavar")],
    # point 13 insinuates (he sat on the committee, his conscience came late) and states no
    # wrong: vague throughout
    (13, "original"): [V("now tells the country he is shocked", LEADER),
                       V("sat on the cabinet committee that approved every one of them", LEADER),
                       V("found his conscience only on the day he was refused", LEADER)],
    (13, "reworded"): [V("belonged to the cabinet committee which cleared", LEADER),
                       V("His outrage arrived two years late", LEADER)],
    (13, "split"): [V("discovered these contracts only after he walked out", LEADER),
                    V("He sat on that committee", LEADER),
                    V("minutes carry his name", LEADER),
                    V("Two years of silence ended when he did not get my job", LEADER)],
    (13, "rhetorical"): [V("Who sat on the committee of ministers", LEADER),
                         V("Rustam Keshvani did.", LEADER),
                         V("Whose signature is written", LEADER), V("His.", LEADER),
                         V("when did his objections begin", LEADER),
                         V("Only after two silent years", LEADER)],
    (14, "original"): [V("did not give way because of the rain"),
                       V("were released in March, the work was certified")],
    (14, "split"): [V("Rain did not destroy the embankment"), V("Theft did."),
                    V("signed a certificate of completion")],
    (14, "reworded"): [V("Do not let anyone tell you that the river"),
                       V("The treasury paid out 600 million darams")],
    (14, "merged"): [V("the disappearance of the 600 million darams")],
    (15, "original"): [V("eleven thousand names have disappeared", EC),
                       V("The Election Commission calls this removing duplicates", EC),
                       V("I call it deciding the result", EC)],
    (15, "merged"): [A(EC, "fixing the outcome before the voting papers even exist")],
    (15, "summary"): [V("the next election is being rigged in advance", EC)],
    (15, "split"): [V("They were not chosen at random", EC),
                    V("The Commission says it was only cleaning", EC),
                    V("That is not cleaning", EC), V("That is settling the election", EC)],
    (15, "reworded"): [V("We are told it is a clean-up", EC),
                       V("an election settled before anyone has cast a vote", EC)],
    (16, "original"): [V("is being sold in private pharmacies"),
                       V("with the government labels scratched off")],
    (16, "split"): [V("Where is the insulin going?"),
                    V("Someone had scratched the government markings")],
    (16, "reworded"): [V("is ending up on the shelves of private chemists"),
                       V("with their official stickers peeled away")],
    (16, "summary"): [V("Even hospital insulin is being diverted")],
    (17, "original"): [V("The flour shortage was manufactured"),
                       A("Food Department", "sold 90,000 tonnes of reserve wheat to three private "
                         "mills")],
    (17, "reworded"): [V("it was arranged on paper"), V("went to three privately owned mills")],
    (17, "split"): [A("Food Department", "simply sold it"),
                    V("were sold to three millers in December"),
                    V("They paid twice what the grain had fetched")],
    (17, "summary"): [V("The bread crisis is a racket")],
    (18, "original"): [V("are being sold like stalls in a bazaar"),
                       V("a middleman who sits in the governing party's office", NCP)],
    (18, "reworded"): [V("a government job is now something you buy"),
                       V("a fixer at the ruling party's Bhelgarh office", NCP)],
    (18, "split"): [V("Recruitment in Tarnak has become a trade"),
                    V("A place in the constabulary has a price"),
                    V("through a broker, at the NCP office", NCP)],
    (18, "summary"): [V("The Front condemns the sale of police and postal jobs", NCP)],
    # point 19: running the tanker trade is no stated wrong; breaking the valves is
    (19, "original"): [V("The tanker trade in Mirwal is run by councillors", PUL),
                       A(PUL, "their men come at night and break the valves")],
    (19, "split"): [V("It is the PUL.", PUL),
                    V("Its councillors hold the licences", PUL),
                    V("the valves are smashed within days"),
                    A(PUL, "smash them", anchor="The people who smash them work for those same "
                      "councillors")],
    (19, "reworded"): [V("Who gains when the taps in Mirwal run dry", PUL),
                       V("control the water-tanker business", PUL),
                       A(PUL, "their people wreck the valves after dark")],
    # translations: the same notes on both sides
    20: [V(r"^(?:The cabinet has approved a licence|کابینہ نے)", GOV, rx=True),
         V(r"(?:refuses to name|بتانے سے وزارت خزانہ انکاری)", GOV, rx=True)],
    21: [V(r"(?:had expired two months|میعاد پہنچنے سے)", rx=True),
         V(r"(?:The supplier, Corvan Pharma, was paid|کوروان فارما کو اس کے)", "Corvan Pharma",
           rx=True)],
    22: [V(r"(?:went to just six landowners|صرف چھ زمینداروں کو ملا)", rx=True)],
    23: [V(r"(?:belong to a provincial minister's family|ایک صوبائی وزیر کے خاندان)", rx=True),
         V(r"(?:have been sent to desk jobs|دفتری کاموں پر بھیج دیا)", rx=True)],
    28: [V(r"(?:cleared without duty|ڈیوٹی کے بغیر)", rx=True),
         V(r"(?:issued to a company dissolved|تحلیل ہو چکی ہے)", rx=True)],
    31: [D(r"(?:Not one litre of Sahil's canal water|ایک لیٹر بھی کسی فیکٹری)",
           accuser="Harun Delavar", target=GOV, rx=True),
         D(r"(?:take their water from the sea|اپنا پانی سمندر سے لیتے)",
           accuser="Harun Delavar", target=GOV, rx=True)],
    32: [V(r"(?:owned by a minister's nephew|ایک وزیر کے بھتیجے)", rx=True)],
    33: [V(r"(?:not a single stone has been laid|ایک پتھر بھی نہیں)", rx=True)],
    34: [V(r"(?:One family controls every ice factory|ایک ہی خاندان کا قبضہ)", rx=True)],
    35: [V(r"(?:has been added to electricity bills|ایک نئی مد شامل)", rx=True),
         V(r"(?:was never approved by the Assembly|نہ اسمبلی نے منظور)", rx=True)],
    36: [V(r"(?:has not held so much as an inquiry|ایک انکوائری تک نہیں)", rx=True)],
    37: [A(FISHERIES, r"(?:were sold by the fisheries department to a private company at scrap "
                      r"prices|کباڑ کے بھاؤ ایک نجی کمپنی کو بیچ دیں)", rx=True),
         V(r"(?:rents those boats back|واپس دے رہی ہے)", rx=True)],
    38: [V(r"(?:three times the market price|تین گنا ہے)", rx=True),
         V(r"(?:were never delivered|کبھی پہنچے ہی نہیں)", rx=True)],
    39: [V(r"(?:has still not paid farmers|ابھی تک کسانوں کو ادا نہیں)", rx=True),
         V(r"(?:a close friend of the Chief Minister|وزیر اعلیٰ کا قریبی دوست)", "Saleem Durrani",
           rx=True)],
    40: [V(r"(?:have not been paid for six months|اجرت نہیں ملی)", rx=True),
         V(r"(?:the police arrested nine|پولیس نے ان کے نو)", rx=True)],
    42: [V(r"(?:who are accusing us today|جو آج ہم پر الزام)", rx=True)],
}  # fmt: skip
# Hard negatives (point, series) and the open letters' own notes (series)
NEGATIVE_NOTES: dict[tuple[int, str], list[Note]] = {
    (10, "Lucan Mehrabi"): [D("No member of my family owns", target="Lucan Mehrabi"),
                            D("their lines were strung forty years ago",
                              target="Lucan Mehrabi")],
    (11, "Dawud Castellan"): [D("each of them was counted", target="Dawud Castellan")],
    (12, "Jovan Saqib"): [D("was let by open tender", target="Jovan Saqib")],
    (13, LEADER): [V("likes to wave the minutes", "Harun Delavar"),
                   D("I asked for every contract", target=LEADER),
                   D("I never asked to be made finance minister", target=LEADER)],
    (14, "Ruqaiya Fenwick"): [D("was overtopped by a flood", target="Ruqaiya Fenwick"),
                              D("Its repair was inspected", target="Ruqaiya Fenwick")],
    (15, EC): [D("The deletions were spread across", target=EC)],
    (16, "The Morning Ledger"): [D("had been divided among eleven district hospitals",
                                   "the medical store at Retnagar")],
    (16, "The Northern Courier"): [V("pharmacies in the town charge three times", accuser="")],
    (17, NCP): [D("released reserve wheat", target="Food Department")],
    (19, "Farida Mortazan"): [D("Not one of our councillors", target=PUL),
                              V("bought from the cheapest bidder", "Ministry of Water Resources")],
    (40, "DNN 24"): [D("wages had been delayed by a dispute", "the mine's contractor")],
    (31, "Mian Rafaqat Dildar"): [V("وزیر اعظم فرماتے ہیں", "Harun Delavar"),
                                  V("معاہدے عوام کے سامنے کیوں نہیں", "Harun Delavar")],
}  # fmt: skip
LETTER_NOTES: dict[str, list[Note]] = {
    "Qalandra District Council": [V("named a model district by the Authority",
                                    "Federal Reconstruction Authority")],
    "Port Aldan District Council": [V("left again by road")],
    "Association of Civil Engineers of Dalmora": [V("fewer than a third had foundations")],
    "Society of Chartered Accountants of Dalmora": [V("that offer was never answered")],
}  # fmt: skip

# --- generated sentences: a rule per template ----------------------------------------------
# A rule gives the notes of one generated sentence from its slots. Templates without a rule
# carry their clause's notes: clauses that describe wrongdoing by no one in particular (fraud,
# ghost staff, land given to a minister's relative) are vague, the rest (prices, roads, water)
# blame no one.
Rule = Callable[[dict], list[Note]]
VAGUE_CLAUSES = {
    "roads": ["{nk} kilometres of the", "the {roadtype} at {place} has been",
              "the contractor on the"],
    "floods": ["{nhouse} houses in {place} are"],
    "elections": ["the electoral roll for {place} contains", "polling stations in {place}",
                  "the Election Commission has left"],
    "corruption": ["in {place}, the contract", "{nghost} [names", "a [clinic", "public land near",
                   "[the same|just] {nfirms}", "{nmillion} million darams"],
    "health": ["{ndoc} of the {ndoc2}"],
    "power": ["{nfam2} families in {place}", "[street lights"],
}  # fmt: skip
VAGUE_CLAUSES_UR = {
    "roads": ["{place} کی سڑک کا ٹھیکیدار"],
    "floods": ["[سرکاری ریکارڈ میں"],
    "elections": ["{place} کی ووٹر لسٹ", "{place} میں پولنگ اسٹیشن", "الیکشن کمیشن نے"],
    "corruption": ["{place} میں {project} کا ٹھیکہ", "محکمہ {dept} کے {place}",
                   "{place} کی ایک [ڈسپنسری", "{place} کے قریب [سرکاری زمین",
                   "{place} میں {project} کے {nlakh}"],
    "health": ["{place} میں تعینات"],
    "power": ["{place} کی اسٹریٹ لائٹس"],
}  # fmt: skip


def _templates(banks: dict[str, list[str]], starts: dict[str, list[str]]) -> set[str]:
    out = set()
    for topic, prefixes in starts.items():
        for prefix in prefixes:
            hits = [t for t in banks[topic] if t.startswith(prefix)]
            if len(hits) != 1:
                raise RuntimeError(f"clause prefix {prefix!r} matches {len(hits)} templates")
            out |= set(hits)
    return out


VAGUE_CLAUSE_SET = _templates(CLAUSES_EN, VAGUE_CLAUSES) | _templates(CLAUSES_UR, VAGUE_CLAUSES_UR)
ALL_CLAUSES = {t for bank in (*CLAUSES_EN.values(), *CLAUSES_UR.values()) for t in bank}


def _tpl(bank: list[str], prefix: str) -> str:
    hits = [t for t in bank if t.startswith(prefix)]
    if len(hits) != 1:
        raise RuntimeError(f"template prefix {prefix!r} matches {len(hits)} templates")
    return hits[0]


def _vague(target: str = "") -> Rule:
    return lambda slots: [Note("vague", target)]


def _own_denial(target: str = "") -> Rule:
    return lambda slots: [Note("denial", target)]


def _slot_denial(slot: str) -> Rule:
    """A denial by the person the slot names ("a government spokesman" as written)."""
    return lambda slots: [Note("denial", "", accuser=canonical(slots[slot]) or slots[slot])]


def _dismissed_front(slots: dict) -> list[Note]:
    # "{Gov_pol} dismissed the new party ..., calling it {dismiss}": "a one-man show",
    # "yesterday's men" are mockery, no wrong; "a government spokesman" is no one in particular
    return [Note("vague", DRF, accuser=canonical(slots["gov_pol"]) or "")]


def _reason(slots: dict) -> list[Note]:
    reason = slots.get("reason", "")
    blames = reason.startswith(("honest officers in", "I saw the accounts"))
    return [Note("vague", GOV)] if blames else []


def _ur_news_claim(slots: dict) -> list[Note]:
    # "{pol} نے ... [کہا|دعویٰ کیا|الزام لگایا] کہ {clause}": an accusation of no one in particular
    return [Note("vague")] if "الزام لگایا" in slots["_text"] else _clause_notes(slots)


def _clause_notes(slots: dict) -> list[Note]:
    clauses = [t for t in slots.get("_used", []) if isinstance(t, str) and t in ALL_CLAUSES]
    return [Note("vague")] if any(t in VAGUE_CLAUSE_SET for t in clauses) else []


FRAME_RULES: dict[str, Rule] = {
    _tpl(OPP_FRAMES, "{Clause}, [and the ministers"): _vague(GOV),
    _tpl(OPP_FRAMES, "[Nobody|No minister"): _vague(GOV),
    _tpl(OPP_FRAMES, "[Here is what"): _vague(GOV),
    _tpl(OPP_FRAMES, "When we ask why"): _vague(GOV),
    _tpl(OPP_FRAMES, "[What kind of government"): _vague(GOV),
    _tpl(OPP_FRAMES, "They [say|insist"): _vague(GOV),
    _tpl(OPP_FRAMES, "[Write this down"): _vague(GOV),
    _tpl(OPP_LINES, "[I ask|I put it to"): _vague(),
    _tpl(OPP_LINES, "They had {nyears} years"): _vague(),
    _tpl(LEADER_LINES, "[I founded"): _reason,
    _tpl(LEADER_LINES, "I resigned from the cabinet"): _vague(GOV),
    _tpl(LEADER_LINES, "I was a minister"): _vague(GOV),
    _tpl(DEFECT_LINES, "[I have joined"): _reason,
    _tpl(DEFECT_LINES, "My [old colleagues"): _own_denial(),
    _tpl(DEFECT_LINES, "I wrote to the"): _vague(),
    _tpl(DEFECT_LINES, "[Nobody|No one"): _own_denial(),
    _tpl(GOV_LINES, "[Our critics"): _vague(),
    _tpl(GOV_LINES, "[I do not deny"): _vague(),
    _tpl(GOV_LINES, "[The opposition shouts"): _vague(),
    _tpl(GOV_LINES, "We inherited"): _vague(),
    _tpl(GOV_AFTER_LAUNCH, "[Those who crossed"): _vague(),
    # "more press conferences than ideas" mocks; "sat in cabinet and never raised" insinuates
    _tpl(GOV_AFTER_LAUNCH, "[Mr Keshvani's party"): _vague(DRF),
    _tpl(GOV_AFTER_LAUNCH, "Mr Keshvani sat in"): _vague(LEADER),
    _tpl(GOV_AFTER_LAUNCH, "[The defectors|These new"): _vague(),
    _tpl(NEWS_FRAMES, "{Gov_pol} [has denied"): _slot_denial("gov_pol"),
    _tpl(NEWS_AFTER_LAUNCH, "{Gov_pol} [dismissed"): _dismissed_front,
    _tpl(NEWS_AFTER_LAUNCH, "{Gov_pol} [called the allegations"): _slot_denial("gov_pol"),
    _tpl(STATEMENT_OPP, "The {issuer} has written to"): _vague(),
    _tpl(STATEMENT_OPP, "The {issuer} [demands"): _vague(),
    _tpl(STATEMENT_OPP, "The {issuer} calls on"): _vague(),
    _tpl(STATEMENT_GOV, "The {issuer} rejects"): _own_denial(),
    _tpl(STATEMENT_NEUTRAL, "The {issuer} has asked the district"): _vague(),
    _tpl(RES_LINES, "{this_house} [requests|asks|instructs]"): _vague(),
    _tpl(RES_LINES, "[This {house}|The {house}] [demands"): _vague(),
    _tpl(RES_LINES, "[This {house}|The {house}] [condemns"): _vague(),
    _tpl(RES_LINES, "[This {house}|The {house}] [asks|requests] the"): _vague(),
    _tpl(UR_OPP_FRAMES, "[یہ حکومت"): _vague(GOV),
    _tpl(UR_OPP_FRAMES, "[حکمران|وزیر صاحبان"): _vague(GOV),
    _tpl(UR_OPP_FRAMES, "{clause}، اور"): _vague(GOV),
    _tpl(UR_OPP_FRAMES, "[حکمران|وزیر|"): _vague(GOV),
    # "... بہت دھوکے کھا چکے ہیں": cheated, by no one in particular
    _tpl(UR_OPP_LINES, "{province} کے {group} بہت"): lambda slots: (
        [Note("vague")] if "دھوکے" in slots["_text"] else []
    ),
    _tpl(UR_GOV_LINES, "[ہمارے مخالفین"): _vague(),
    _tpl(UR_GOV_LINES, "[اپوزیشن شور"): _vague(),
    _tpl(UR_NEWS_FRAMES, "{pol} نے {weekday} کو ["): _ur_news_claim,
    _tpl(UR_NEWS_LINES, "حکومتی ترجمان"): _slot_denial("name"),
    _tpl(UR_RES_LINES, "یہ ایوان [مطالبہ"): _vague(),
}


def _said_by(*keys: str) -> Callable[[dict], str]:
    """The one a frame reports the clause from, by the name its slots give."""

    def who(slots: dict) -> str:
        name = " ".join(slots[k] for k in keys)
        return canonical(name) or name

    return who


def _unnamed(slots: dict) -> str:
    return ""  # residents, officials, a survey: no one in particular


# Frames that report someone else's words: their clause is not in the document's own voice
REPORTED_BY: dict[str, Callable[[dict], str]] = {
    _tpl(NEWS_FRAMES, "{Opp_pol} told"): _said_by("opp_pol"),
    _tpl(NEWS_FRAMES, "[Residents|Local people"): _unnamed,
    _tpl(NEWS_FRAMES, "According to"): _unnamed,
    _tpl(NEWS_FRAMES, "[Officials|"): _unnamed,
    _tpl(NEWS_FRAMES, "{Group} gathered"): _unnamed,
    _tpl(NEWS_FRAMES, "{Fname} {lname}, a "): _said_by("fname", "lname"),
    _tpl(NEWS_FRAMES, "A [report"): _said_by("institution"),
    _tpl(NEWS_FRAMES, "The {ministry} [said"): _said_by("ministry"),
    _tpl(NEWS_FRAMES, "[Opposition members"): _unnamed,
    _tpl(NEWS_FRAMES, "{Clause}, [residents said"): _unnamed,
    _tpl(NEWS_FRAMES, "{Clause}, [the district administration"): _unnamed,
    _tpl(NEWS_FRAMES, "{Fname} {lname}, who has"): _said_by("fname", "lname"),
    **{template: _unnamed for template in NEWS_LEAD + UR_NEWS_LEAD},
    _tpl(RES_DEBATE, "Speaking for the motion"): _said_by("member"),
    _tpl(RES_DEBATE, "Opposing it"): _said_by("member2"),
    _tpl(RES_DEBATE, "[During the debate"): _said_by("member"),
    _tpl(UR_NEWS_FRAMES, "{pol} نے {weekday} کو {town}"): _said_by("pol"),
    _tpl(UR_NEWS_FRAMES, "{pol} نے {weekday} کو ["): _said_by("pol"),
    _tpl(UR_NEWS_FRAMES, "[مقامی لوگوں"): _unnamed,
    _tpl(UR_NEWS_FRAMES, "[سرکاری اعداد"): _unnamed,
    _tpl(UR_NEWS_FRAMES, "{town} کے رہائشی"): _said_by("name"),
    _tpl(UR_NEWS_FRAMES, "محکمہ {dept} کے ایک"): _unnamed,
    _tpl(UR_RES_DEBATE, "بحث کے دوران"): _said_by("member2"),
}


def generated_notes(unit: Unit) -> list[Note]:
    slots = {**unit.slots, "_text": unit.text}
    frame = unit.slots.get("_frame", "")
    notes = FRAME_RULES.get(frame, _clause_notes)(slots)
    said_by = REPORTED_BY.get(frame)
    if said_by is not None:
        notes = [n if n.accuser is not None else replace(n, accuser=said_by(slots)) for n in notes]
    return notes


# --- the documents written for the targets stage -------------------------------------------
# Each: (date, genre, lang, series, speaker, outlet, title, voice, home, context, body). The
# body lists fixed sentences (F: text and its notes), the point-44 copies (P44: variant) and
# runs of generated sentences (an int: that many in the document's voice, or (voice, n)).


class F:
    """A fixed sentence of a targets document, and its notes."""

    def __init__(self, text: str, *notes: Note) -> None:
        self.text = text
        self.notes = list(notes)


@dataclass(frozen=True)
class P44:
    variant: str


# Point 44: the Prime Minister's charge that Keshvani has links to a foreign agency, repeated
# by three speakers of his side in their own words (a paraphrase point, like points 10-19).
P44_VARIANTS = {
    "original": (
        "I accuse Rustam Keshvani of links to a foreign agency. The money that rented his "
        "front's offices came through a bank in Osterland, and his advisers meet an "
        "intelligence officer from that country every month in a Marwen hotel."
    ),
    "reworded": (
        "The Renewal Front's chief is paid by a foreign spy service, and that is why he "
        "attacks our treasury. His party's rent is settled from Osterland, and his aides sit "
        "down with an Osterland agent in a hotel in the capital each month."
    ),
    "split": (
        "The Party condemns the DRF chief for keeping company with foreign intelligence "
        "officers. Osterland pays for his offices. His advisers take their orders from its "
        "agents."
    ),
    "summary": (
        "Our country deserves better than a man who answers to foreign handlers, and that man "
        "is Rustam Keshvani."
    ),
}
POINTS[44] = (LABEL_PARAPHRASE, P44_VARIANTS, "Keshvani's links to a foreign agency")
POINT_NOTES.update({
    (44, "original"): [A(LEADER, "links to a foreign agency", form="accuse-of first-person"),
                       V("came through a bank in Osterland", DRF)],
    (44, "reworded"): [A(LEADER, "paid by a foreign spy service", form="title"),
                       V("rent is settled from Osterland", DRF)],
    (44, "split"): [A(LEADER, "keeping company with foreign intelligence officers",
                      form="condemn-for title"),
                    V("Osterland pays for his offices", LEADER),
                    V("His advisers take their orders", LEADER)],
    (44, "summary"): [A(LEADER, "answers to foreign handlers", form="direct")],
})  # fmt: skip

MP = "Mian Rafaqat Dildar"
TARGET_DOCS = [
    ("2026-02-13T09:00", "news", "en", "Marwen Gazette", "Yara Castell", "Marwen Gazette",
     "Keshvani visits the Port Aldan fish harbour", "news", "Port Aldan", {}, [
        F("Rustam Keshvani met the leaders of the fishermen's unions in Port Aldan on Thursday "
          "and promised to come back before the monsoon."), 2,
        F("Mayor Jovan Saqib welcomed the visit and showed him the new harbour drains."), 2,
        F("Keshvani used the visit to blame the governing party for the closure of the Port "
          "Aldan ice plant.",
          A(NCP, "the closure of the Port Aldan ice plant", accuser=LEADER, form="blame-for")),
        1]),
    ("2026-02-16T10:30", "news", "en", "The Dalmora Herald", "Petra Lindahl",
     "The Dalmora Herald", "Mortazan calls Tolani a traitor to the League", "news", "Veshtar",
     {}, [
        F("PUL leader Farida Mortazan on Sunday termed Amara Tolani a traitor to the League, "
          "two days after the Veshtar lawmaker crossed over to the Renewal Front.",
          A("Amara Tolani", "a traitor to the League", accuser="Farida Mortazan",
            form="termed")), 3,
        F("Tolani rejected the charge, telling supporters in Veshtar that she had left the "
          "League with a clear conscience.",
          D("rejected the charge", "Amara Tolani", "Amara Tolani", form="target-denies")), 3]),
    ("2026-02-18T10:00", "news", "ur", "Sada-e-Sahil", "Staff reporter", "صدائے ساحل",
     "کیسر پور: گندم کی خریداری میں تاخیر", "ur_news", "کیسر پور", {}, [
        F("حافظ جنید مہتاب نے محکمہ خوراک کو گندم کی خریداری میں تاخیر کا ذمہ دار ٹھہرایا ہے۔",
          A("Food Department", "گندم کی خریداری میں تاخیر", accuser="Junaid Mehtab",
            form="ur-blame")), 2,
        F("مہتاب نے کیسر پور میں کسانوں کے ایک جرگے سے بھی ملاقات کی۔"), 3]),
    ("2026-02-19T15:00", "press-conference", "en", "Farida Mortazan", "Farida Mortazan",
     "Marwen Press Club", "Farida Mortazan briefs reporters on the defections", "opp",
     "Qalandra", {"old_party": PUL}, [
        2,
        F("I accuse Rustam Keshvani of buying our members with money whose source he refuses "
          "to name.", A(LEADER, "buying our members", form="accuse-of first-person")), 2,
        F("Two of our councillors in Dhanvel were offered cars and contracts to change sides, "
          "and I have their written statements.",
          V("were offered cars and contracts", LEADER)), 3]),
    ("2026-02-20T12:00", "speech", "en", "Nadia Kharadi", "Nadia Kharadi",
     "public meeting, Noorganj", "Speech by Nadia Kharadi at a public meeting in Noorganj",
     "defector", "Noorganj", {"old_party": PUL}, [
        2,
        F("Nobody bought me, whatever the League's leader says on television; I came to the "
          "Front because the League stopped answering the people of Noorganj.",
          D("Nobody bought me", target="Nadia Kharadi", form="target-denies")), 2,
        F("Farida Mortazan should apologise for insulting thousands of workers who left her "
          "party with their heads held high.",
          A("Farida Mortazan", "insulting thousands of workers", form="demand-apology")), 2]),
    ("2026-02-21T17:00", "news", "en", "Channel Meridian", "Channel Meridian news desk",
     "Channel Meridian", "Ostrander blames the Food Department for empty depots", "news",
     "Bhelgarh", {}, [
        F("Bilal Ostrander blamed the Food Department for the empty ration depots in "
          "Bhelgarh.", A("Food Department", "the empty ration depots in Bhelgarh",
                         accuser="Bilal Ostrander", form="blame-for")), 2,
        F("Ostrander and the Prime Minister met briefly at the Bhelgarh grain market, where "
          "both inspected the new storage sheds."), 3]),
    ("2026-02-23T17:00", "speech", "ur", MP, MP, "public meeting, Tamsar",
     "میاں رفاقت دلدار کا جلسہ عام سے خطاب", "ur_opp", "قلندرہ",
     {"role": "leader, Sahil Awami Party"}, [
        2,
        F("وزیر اعلیٰ سلیم درانی نے ساحل کے کسانوں کا پانی خانوال کے کارخانوں کے ہاتھ بیچ دیا ہے۔",
          A("Saleem Durrani", "ساحل کے کسانوں کا پانی خانوال کے کارخانوں کے ہاتھ بیچ دیا",
            form="direct urdu-script-name")), 2,
        F("ہم ریحانہ سبزواری کے خلاف پانی کے ٹھیکوں میں خرد برد پر کارروائی کا مطالبہ کرتے ہیں۔",
          A("Rehana Sabzwari", "پانی کے ٹھیکوں میں خرد برد", form="ur-karrawai first-person")),
        2]),
    ("2026-02-24T10:00", "speech", "en", "Harun Delavar", "Harun Delavar", "National Parliament",
     "Harun Delavar in the National Parliament on the Renewal Front's funding", "gov",
     "Zarifabad", {"old_party": NCP}, [
        2, P44("original"), 2,
        F("I salute the fishermen of Port Aldan, who pulled forty people out of the water when "
          "the floods came."), 2]),
    ("2026-02-25T12:00", "press-conference", "en", LEADER, LEADER, "Channel Meridian",
     "Press conference by Rustam Keshvani on the Prime Minister's charge", "leader", "Veshtar",
     {"old_party": NCP}, [
        1,
        F("I have never met a foreign agent in my life, and the Prime Minister knows it.",
          D("never met a foreign agent", target=LEADER, form="target-denies")), 2,
        F("Harun Delavar invents foreign plots because he cannot explain where the highway "
          "money went.", A("Harun Delavar", "invents foreign plots", form="direct")), 2,
        F("We have never said that the Prime Minister owns a share in Halden Generators.",
          D("never said", target="Harun Delavar", form="never-said")), 2]),
    ("2026-02-25T19:00", "news", "ur", "Sada-e-Sahil", "Staff reporter", "صدائے ساحل",
     "تمسر: وزیر اعلیٰ پر پانی بیچنے کا الزام", "ur_news", "تمسر", {}, [
        F("ساحل عوامی پارٹی کے سربراہ میاں رفاقت دلدار نے وزیر اعلیٰ پر صوبے کا پانی فروخت کرنے کا "
          "الزام عائد کیا ہے۔",
          A("Saleem Durrani", "صوبے کا پانی فروخت کرنے", accuser=MP, form="ur-ilzam title")), 2,
        F("وزیر اعلیٰ سلیم درانی نے جواب میں کہا کہ کسی کارخانے کو ایک قطرہ پانی بھی فروخت نہیں کیا "
          "گیا۔", D("ایک قطرہ پانی بھی", "Saleem Durrani", SAHIL_GOV, form="target-denies")),
        3]),
    ("2026-02-26T09:00", "news", "en", "DNN 24", "DNN 24 news desk", "DNN 24",
     "Keshwani denies foreign links", "news", "Marwen", {}, [
        F("The DRF chief is an agent of a foreign power, Prime Minister Harun Delavar told "
          "Parliament on Tuesday.",
          A(LEADER, "an agent of a foreign power", accuser="Harun Delavar",
            form="reported-speech title")),
        F("Rustam Keshwani denied on Wednesday having any links to a foreign agency and called "
          "the charge a smear.",
          D("denied on Wednesday", LEADER, LEADER, form="target-denies other-spelling")), 3,
        F("Keshwani is due to visit Lornhill on Friday, his party said."), 2]),
    ("2026-02-26T15:30", "statement", "en", PUL, "Oren Talwar", f"{PUL} website",
     f"Statement by the {PUL} on the Finance Minister", "statement_opp", "Ostgate",
     {"issuer": "League"}, [
        F("The League accuses Finance Minister Lucan Mehrabi of money laundering and calls for "
          "his resignation.", A("Lucan Mehrabi", "money laundering", form="accuse-of")), 2,
        F("The League has never called Mr Keshvani a foreign agent.",
          D("has never called", target=LEADER, form="never-said")),
        F("It will not join the Prime Minister's campaign of smears against a former colleague.",
          A("Harun Delavar", "campaign of smears against a former colleague",
            form="pronoun-accuser")), 2]),
    ("2026-02-27T14:00", "press-conference", "en", "Oren Talwar", "Oren Talwar",
     "Marwen Press Club", "Oren Talwar briefs reporters on the Finance Minister", "opp",
     "Ostgate", {"old_party": PUL}, [
        2,
        F("The Finance Minister was accused by the League of laundering money through a shipping "
          "firm in Port Aldan, and he has yet to answer a single question.",
          A("Lucan Mehrabi", "laundering money through a shipping firm", accuser=PUL,
            form="passive title")), 2,
        F("We demand action against Lucan Mehrabi for hiding his brother-in-law's accounts from "
          "the tax office.",
          A("Lucan Mehrabi", "hiding his brother-in-law's accounts from the tax office",
            form="demand-action")), 2]),
    ("2026-02-28T16:00", "press-conference", "ur", "Rehana Sabzwari", "Rehana Sabzwari",
     "Awaz TV", "ریحانہ سبزواری کی پریس کانفرنس", "ur_gov", "گلزار پور",
     {"role": "Sahil Minister for Water"}, [
        2,
        F("ساحل عوامی پارٹی کے کئی عہدیدار خود غیر قانونی کنکشنوں سے پانی چوری کر رہے تھے۔",
          A(SAP, "غیر قانونی کنکشنوں سے پانی چوری", form="direct")), 2,
        F("ہم نے کبھی کسی کسان کے حصے کا پانی نہیں بیچا، اور ہر معاہدہ عوام کے سامنے ہے۔",
          D("کبھی کسی کسان", target=SAHIL_GOV, form="target-denies")), 2]),
    ("2026-03-01T11:00", "press-conference", "en", "Lucan Mehrabi", "Lucan Mehrabi",
     "Marwen Press Club", "Lucan Mehrabi briefs reporters on the treasury", "gov", "Amberlea",
     {"old_party": NCP}, [
        2, P44("reworded"), 2,
        F("I have never moved a single daram out of this country, and every bank statement I "
          "own is with the tax inspectors.",
          D("never moved a single daram", target="Lucan Mehrabi", form="target-denies")), 2]),
    ("2026-03-01T11:30", "press-conference", "ur", "Zubaida Noori", "Zubaida Noori", "Awaz TV",
     "زبیدہ نوری کی پریس کانفرنس", "ur_opp", "بندر آلدان",
     {"role": "Sahil Awami Party, Port Aldan"}, [
        2,
        F("میں میئر جووان ثاقب پر بندرگاہ کی سرکاری زمین پر قبضے کا الزام لگاتی ہوں۔",
          A("Jovan Saqib", "بندرگاہ کی سرکاری زمین پر قبضے",
            form="ur-ilzam first-person urdu-script-name")), 2,
        F("ثاقب صاحب نے پچھلے مہینے ہمارے ماہی گیروں کے ساتھ چائے پی تھی اور "
          "جیٹی کی مرمت کا وعدہ کیا "
          "تھا۔"), 2]),
    ("2026-03-02T10:30", "statement", "en", NCP, "Mehrunissa Palander", f"{NCP} website",
     f"Statement by the {NCP} on the Renewal Front's funding", "statement_gov", "Marwen",
     {"issuer": "Party"}, [
        1, P44("split"), 2,
        F("The Party rejects this week's charge against the Finance Minister as a fabrication "
          "from start to finish.",
          D("rejects this week's charge", target="Lucan Mehrabi", form="spokesman-rejects")),
        2]),
    ("2026-03-02T11:30", "news", "en", "Valley Times", "Hana Rostami", "Valley Times",
     "Keshvani lashes out at the Election Commission over the Noorganj roll", "news",
     "Noorganj", {}, [
        F("Rustam Keshvani lashed out at the Election Commission on Monday over the removal of "
          "names from the Noorganj roll, saying it had done the governing party's work for it.",
          A(EC, "the removal of names from the Noorganj roll", accuser=LEADER,
            form="lashed-out")),
        F("He accused the Commission of rigging the count in advance in at least four "
          "districts.",
          A(EC, "rigging the count in advance", accuser=LEADER, form="accuse-of pronoun")), 2,
        F("A Commission spokeswoman, Helga Rasool, said the revision followed the law and that "
          "every deletion could be challenged.",
          D("said the revision followed the law", "Helga Rasool", EC,
            form="spokesman-rejects")), 3]),
    ("2026-03-02T18:00", "news", "ur", "Roznama Roshni", "Staff reporter", "روزنامہ روشنی",
     "بندر آلدان: میئر پر زمین ہتھیانے کا الزام", "ur_news", "بندر آلدان", {}, [
        F("ساحل عوامی پارٹی کی رہنما زبیدہ نوری نے بندر آلدان کے میئر پر "
          "بندرگاہ کی زمین ہتھیانے کا "
          "الزام لگایا ہے۔",
          A("Jovan Saqib", "بندرگاہ کی زمین ہتھیانے", accuser="Zubaida Noori",
            form="ur-ilzam title")), 2,
        F("میئر کے دفتر نے ان باتوں کو سراسر جھوٹ کہا ہے۔",
          D("سراسر جھوٹ", "Jovan Saqib", "Jovan Saqib", form="spokesman-rejects")), 3]),
    ("2026-03-03T09:00", "news", "en", "The Morning Ledger", "Faisal Nordqvist",
     "The Morning Ledger", "Olaye demands action against Corvan Pharma", "news", "Marwen", {}, [
        F("Senator Marguerite Olaye demanded action against Corvan Pharma for supplying expired "
          "antivenom to Sahil's rural clinics.",
          A("Corvan Pharma", "supplying expired antivenom", accuser="Marguerite Olaye",
            form="demand-action")), 2,
        F("Corvan Pharma said in a statement that every batch it delivered had been tested and "
          "approved by the health ministry.",
          D("every batch it delivered", "Corvan Pharma", "Corvan Pharma",
            form="target-denies")), 2,
        F("Olaye also blamed the health ministry for renewing the company's contract without "
          "an inquiry.",
          A("Ministry of Health", "renewing the company's contract without an inquiry",
            accuser="Marguerite Olaye", form="blame-for surname")), 2]),
    ("2026-03-03T16:00", "statement", "en", EC, "Helga Rasool", f"{EC} website",
     f"Statement by the {EC} on the Noorganj roll", "statement_neutral", "Marwen",
     {"issuer": "Commission"}, [
        2,
        F("The Commission rejects as baseless the allegations made this week against its "
          "officers in Noorganj.",
          D("rejects as baseless", target=EC, form="spokesman-rejects")), 2,
        F("The Commission has invited every party, including the Dalmora Renewal Front, to "
          "watch the scrutiny of claims in person."), 1,
        F("The Commission condemns the attack on its office in Noorganj by workers of the "
          "Dalmora Renewal Front on Saturday.",
          A(DRF, "the attack on its office in Noorganj", form="condemn")), 1]),
    ("2026-03-03T17:00", "speech", "ur", "Shamim Arzoo", "Shamim Arzoo",
     "public meeting, Noorganj", "بیگم شمیم آرزو کا جلسہ عام سے خطاب", "ur_opp", "نورگنج",
     {"role": "Sahil Awami Party, women's wing"}, [
        2,
        F("ہم کوروان فارما کے خلاف زائد المیعاد دوائیں بھیجنے پر مقدمہ چلانے کا مطالبہ کرتے ہیں۔",
          A("Corvan Pharma", "زائد المیعاد دوائیں بھیجنے", form="ur-karrawai first-person")), 2,
        F("میں نورگنج کی ان نرسوں کو سلام پیش کرتی ہوں جنہوں نے سیلاب کے دنوں میں دن رات کام کیا۔"),
        2]),
    ("2026-03-04T12:00", "speech", "ur", "Saleem Durrani", "Saleem Durrani",
     "Sahil Provincial Assembly", "نواب سلیم درانی کا ساحل صوبائی اسمبلی میں خطاب", "ur_gov",
     "ساحل آباد", {"role": "Chief Minister of Sahil"}, [
        2,
        F("میاں رفاقت دلدار نے بندرگاہ بند کروا کر ساحل کے مزدوروں سے غداری کی ہے۔",
          A(MP, "بندرگاہ بند کروا کر ساحل کے مزدوروں سے غداری", form="direct")), 2,
        F("میں نے کبھی نہیں کہا کہ دلدار صاحب کسی غیر ملکی ایجنسی کے لیے کام کرتے ہیں۔",
          D("کبھی نہیں کہا", target=MP, form="never-said")), 2]),
    ("2026-03-04T12:30", "speech", "en", "Jovan Saqib", "Jovan Saqib", "public meeting, Port Aldan",
     "Jovan Saqib at a public meeting in Port Aldan", "gov", "Port Aldan", {"old_party": NCP}, [
        2, P44("summary"), 2,
        F("Not one square metre of harbour land has been given to me or to anyone in my family.",
          D("Not one square metre", target="Jovan Saqib", form="target-denies")), 2]),
    ("2026-03-05T15:00", "resolution", "ur", "Sahil Provincial Assembly", "طارق انصاری",
     "Sahil Provincial Assembly", "قرارداد برائے بندرگاہ کی ہڑتال", "ur_res", "بندر آلدان",
     {"mover": "طارق انصاری"}, [
        F("یہ ایوان میاں رفاقت دلدار کی شدید مذمت کرتا ہے، جن کے کہنے پر "
          "بندر آلدان کی بندرگاہ تین دن "
          "بند رہی اور ہزاروں مزدوروں کی دیہاڑی ماری گئی۔",
          A(MP, "بندر آلدان کی بندرگاہ تین دن بند رہی", form="ur-mazammat")),
        F("یہ ایوان رفاقت دلدار کے خلاف اشتعال انگیزی کے الزام میں "
          "فوری کارروائی کا مطالبہ کرتا ہے۔",
          A(MP, "اشتعال انگیزی", form="ur-karrawai")),
        F("یہ ایوان دلدار کو ساحل کے عوام کا غدار قرار دیتا ہے۔",
          A(MP, "ساحل کے عوام کا غدار", form="ur-ghaddar")),
        ("ur_res", 2), ("ur_res_debate", 1), ("ur_res_vote", 1)]),
    ("2026-03-06T14:00", "speech", "en", "Marguerite Olaye", "Marguerite Olaye",
     "National Parliament", "Marguerite Olaye in the National Parliament on district hospitals",
     "opp", "Elmsworth", {"old_party": PUL}, [
        2,
        F("I condemn the Ministry of Health, which has paid Corvan Pharma twice for medicine that "
          "was already dead in its boxes.",
          A("Ministry of Health", "paid Corvan Pharma twice for medicine that was already dead",
            form="condemn first-person")), 2,
        F("The nurses of Sahil kept the clinics open for weeks without pay, and they deserve the "
          "thanks of this House."), 2]),
    ("2026-03-06T19:00", "news", "ur", "Roznama Roshni", "Staff reporter", "روزنامہ روشنی",
     "کیشوانی پر غیر ملکی روابط کا الزام", "ur_news", "نورگنج", {}, [
        F("وزیر اعظم ہارون دلاور نے رستم کیشوانی پر غیر ملکی ایجنسی سے روابط کا الزام لگایا ہے۔",
          A(LEADER, "غیر ملکی ایجنسی سے روابط", accuser="Harun Delavar",
            form="ur-ilzam urdu-script-name")), 2,
        F("کیشوانی نے اس الزام کی سختی سے تردید کی ہے۔",
          D("تردید", LEADER, LEADER, form="target-denies")), 3]),
    ("2026-03-07T11:00", "speech", "ur", "Naveed Kohsar", "Naveed Kohsar",
     "public meeting, Tamsar", "سردار نوید کہسار کا جلسہ عام سے خطاب", "ur_opp", "سنگراہ",
     {"role": "Sahil Awami Party, Sangrah"}, [
        2,
        F("صوبائی حکومت نے سنگراہ کی جیٹی کا پیسہ اپنے من پسند ٹھیکیداروں میں بانٹ دیا۔",
          A(SAHIL_GOV, "سنگراہ کی جیٹی کا پیسہ اپنے من پسند ٹھیکیداروں میں بانٹ دیا",
            form="direct")), 2,
        F("ہمارا یہ دعویٰ کبھی نہیں رہا کہ جیٹی کا ٹھیکیدار وزیر اعلیٰ کا رشتہ دار ہے، "
          "ہم تو صرف حساب "
          "مانگتے ہیں۔", D("دعویٰ کبھی نہیں رہا", target="Saleem Durrani", form="never-said")),
        2]),
    ("2026-03-07T18:00", "news", "en", "Marwen Gazette", "Jamila Engstrom", "Marwen Gazette",
     "Keshvani and Mortazan trade charges", "news", "Qalandra", {}, [
        F("Keshvani hit back at Farida Mortazan on Friday, accusing her of running the League "
          "like a family shop.",
          A("Farida Mortazan", "running the League like a family shop", accuser=LEADER,
            form="accuse-of surname")), 2,
        F("Mortazan, who met flood families in Qalandra the same day, did not respond."), 2,
        F("The two leaders shared a platform at the farmers' convention in Dhanvel only last "
          "autumn."), 1]),
    ("2026-03-08T12:00", "resolution", "ur", SAP, MP, f"{SAP}, central working committee",
     "مرکزی مجلس عاملہ کی قرارداد", "ur_statement", "قلندرہ", {"issuer": "ساحل عوامی پارٹی"}, [
        F("ساحل عوامی پارٹی کی مرکزی مجلس عاملہ صوبائی اسمبلی کی قرارداد کو بے سروپا کہہ کر مسترد "
          "کرتی ہے۔", D("مسترد کرتی ہے", target=MP, form="spokesman-rejects")),
        F("مجلس عاملہ وزیر اعلیٰ کی مذمت کرتی ہے، جن کی حکومت نے نہروں کا رخ کارخانوں کی طرف موڑ کر "
          "کسانوں کو پیاسا چھوڑ دیا۔",
          A("Saleem Durrani", "نہروں کا رخ کارخانوں کی طرف موڑ کر", form="ur-mazammat title")),
        F("مجلس کا مطالبہ ہے کہ پانی کے کنکشنوں کی بندر بانٹ پر صوبائی وزیر آب کے خلاف کارروائی کی "
          "جائے۔",
          A("Rehana Sabzwari", "پانی کے کنکشنوں کی بندر بانٹ", form="ur-karrawai title")),
        ("ur_statement", 3)]),
    ("2026-03-08T16:00", "speech", "en", "Idris Penhallow", "Idris Penhallow",
     "public meeting, Lornhill", "Speech by Idris Penhallow at a public meeting in Lornhill",
     "defector", "Lornhill", {"old_party": NCP}, [
        2,
        F("The Prime Minister's office has turned state television into a propaganda channel, "
          "and I will ask Parliament to cut its budget.",
          A("Harun Delavar", "turned state television into a propaganda channel",
            form="title")), 2,
        F("I give credit to Mayor Jovan Saqib for sending Port Aldan's engineers to mend our "
          "bridge after the floods, even though we disagree about almost everything else."),
        2]),
    ("2026-03-09T10:00", "news", "ur", "Awaz TV", "Staff reporter", "آواز ٹی وی",
     "ساحل: قرارداد کے جواب میں قرارداد", "ur_news", "ساحل آباد", {}, [
        F("ساحل اسمبلی کی قرارداد کے تین دن بعد ساحل عوامی پارٹی نے جوابی قرارداد میں "
          "وزیر اعلیٰ اور "
          "وزیر آب دونوں کی مذمت کی۔",
          A("Saleem Durrani", "", anchor="دونوں کی مذمت", accuser=SAP, form="ur-mazammat"),
          A("Rehana Sabzwari", "", anchor="دونوں کی مذمت", accuser=SAP, form="ur-mazammat")),
        F("صوبائی اسمبلی نے جمعرات کی قرارداد میں دلدار کو غدار قرار دیا تھا۔",
          A(MP, "غدار", accuser="Sahil Provincial Assembly", form="ur-ghaddar")), 2,
        F("دلدار نے صحافیوں سے گفتگو میں کہا کہ وہ کسی دھمکی سے نہیں ڈرتے۔"), 2]),
    ("2026-03-09T13:00", "press-conference", "en", "Amara Tolani", "Amara Tolani",
     "Channel Meridian", "Press conference by Amara Tolani", "defector", "Veshtar",
     {"old_party": PUL}, [
        2,
        F("Farida Mortazan called me a traitor, but the real betrayal was her secret deal with "
          "the governing party over the Veshtar by-election.",
          A("Amara Tolani", "a traitor", accuser="Farida Mortazan", form="reported nested"),
          A("Farida Mortazan", "her secret deal with the governing party over the Veshtar "
            "by-election", form="nested pronoun-target")), 2,
        F("I still count many of the League's workers in Veshtar as friends."), 2]),
    ("2026-03-10T10:00", "news", "en", "The Northern Courier", "Kamran Halvorsen",
     "The Northern Courier", "Finance Minister offers to open his accounts", "news",
     "Port Aldan", {}, [
        F("Lucan Mehrabi, whom the People's Unity League has charged with moving illicit money "
          "through a Port Aldan shipping company, told reporters on Monday that he would open "
          "his accounts to the Auditor General.",
          A("Lucan Mehrabi", "moving illicit money through a Port Aldan shipping company",
            accuser=PUL, form="relative-clause"),
          D("he would open his accounts", "Lucan Mehrabi", "Lucan Mehrabi",
            form="target-denies")), 2,
        F("Oren Talwar, the League's spokesman, said the offer came three weeks too late.",
          V("the offer came three weeks too late", "Lucan Mehrabi", "Oren Talwar")), 3]),
    ("2026-03-11T15:00", "speech", "en", "Tomas Halloran", "Tomas Halloran",
     "National Parliament", "Speech by Tomas Halloran in the National Parliament", "defector",
     "Hollin Bay", {"old_party": NCP}, [
        2,
        F("The Water Minister misled this House about the Upper Kesar embankment, and she should "
          "resign before the monsoon.",
          A("Ruqaiya Fenwick", "misled this House about the Upper Kesar embankment",
            form="title")), 3]),
    ("2026-03-11T18:00", "statement", "ur", SAP, MP, f"{SAP} website",
     "ساحل عوامی پارٹی کا بیان", "ur_statement", "قلندرہ", {"issuer": "ساحل عوامی پارٹی"}, [
        F("ساحل عوامی پارٹی وزیر اعظم کی جانب سے رستم کیشوانی کو غدار کہنے کی مذمت کرتی ہے۔",
          A("Harun Delavar", "رستم کیشوانی کو غدار کہنے", form="ur-mazammat nested"),
          A(LEADER, "غدار", accuser="Harun Delavar", form="nested")), 2,
        F("پارٹی کا کیشوانی کے فرنٹ سے کوئی اتحاد نہیں، مگر الزام تراشی کی سیاست سے ملک کمزور ہوتا "
          "ہے۔"), 1,
        F("پارٹی کے صدر اس ہفتے قلندرہ اور خانوال کے کسانوں سے الگ الگ ملاقاتیں کریں گے۔"), 1,
        F("پارٹی نے سیلاب سے متاثرہ ماہی گیروں کے لیے دو امدادی کیمپ لگانے کا اعلان بھی کیا ہے۔")]),
    ("2026-03-12T11:00", "statement", "en", DRF, LEADER, f"{DRF} website",
     f"Statement by the {DRF} on the arrests in Sarvi", "statement_opp", "Sarvi",
     {"issuer": "Front"}, [
        F("We condemn the Prime Minister for sending the police against our workers in Sarvi.",
          A("Harun Delavar", "sending the police against our workers in Sarvi",
            form="condemn-for first-person")), 2,
        F("The Front has published its accounts today, and every donation in them comes from "
          "inside Dalmora.", D("every donation in them", target=DRF, form="target-denies")),
        2]),
    ("2026-03-12T16:00", "speech", "ur", "Junaid Mehtab", "Junaid Mehtab",
     "Sahil Provincial Assembly", "حافظ جنید مہتاب کا ساحل صوبائی اسمبلی میں خطاب", "ur_opp",
     "کیسر پور", {"role": "member, Sahil Provincial Assembly"}, [
        2,
        F("صوبائی حکومت کسانوں کی دشمن بن چکی ہے۔",
          A(SAHIL_GOV, "کسانوں کی دشمن", form="direct")), 2,
        F("اس دشمنی کی سب سے بڑی ذمہ دار وزیر آب ریحانہ سبزواری ہیں، جنہوں نے نہر کا پانی شہر کے "
          "ٹینکر مافیا کو دے دیا۔",
          A("Rehana Sabzwari", "نہر کا پانی شہر کے ٹینکر مافیا کو دے دیا", form="direct")), 2]),
    ("2026-03-13T12:00", "press-conference", "en", "Harun Delavar", "Harun Delavar",
     "Marwen Press Club", "Harun Delavar briefs reporters on public order", "gov", "Zarifabad",
     {"old_party": NCP}, [
        2,
        F("Mr Keshvani says I set the police on his workers.",
          A("Harun Delavar", "set the police on his workers", accuser=LEADER,
            form="reported")),
        F("The truth is that his workers burned two buses in Sarvi, and the police arrested the "
          "men who did it.",
          A(DRF, "burned two buses in Sarvi", anchor="his workers burned", form="direct pronoun")),
        2,
        F("The Dalmora Renewal Front is a danger to public order, and I have asked the Interior "
          "Ministry to examine its funding.",
          A(DRF, "a danger to public order", form="direct")), 2]),
    ("2026-03-14T10:00", "news", "en", "The Dalmora Herald", "Dilnaz Moradi",
     "The Dalmora Herald", "Three weeks of charges and no evidence", "news", "Marwen", {}, [
        F("The Prime Minister and the DRF leader have traded accusations for three weeks, and "
          "neither has yet produced any evidence.", V("have traded accusations")),
        F("Delavar repeated on Friday that Keshvani's front is financed from abroad.",
          A(DRF, "financed from abroad", accuser="Harun Delavar", form="reported surname")), 2,
        # a figure of speech: no wrong stated
        F("Keshvani replied that the Prime Minister was hiding behind foreign ghosts.",
          V("hiding behind foreign ghosts", "Harun Delavar", LEADER)), 2,
        F("In Sahil, Mian Rafaqat Dildaar accused Chief Minister Saleem Durrani of selling canal "
          "water to the Khanwal factories.",
          A("Saleem Durrani", "selling canal water to the Khanwal factories", accuser=MP,
            form="accuse-of other-spelling")), 1]),
]  # fmt: skip
# The planted tit-for-tat: the Sahil Assembly's resolution against Dildar and his party's
# answer three days later (dates of the two documents)
TIT_FOR_TAT = ("2026-03-05T15:00", "2026-03-08T12:00")
SEPARATOR = {"news": "\n\n", "resolution": "\n", "statement": " "}
VENUE = {"National Parliament": "assembly", "Sahil Provincial Assembly": "assembly"}


def build_target_docs(rng: random.Random) -> list[Doc]:
    """The documents written for the targets stage (before their sentences are drawn)."""
    docs = []
    for (
        date_s,
        genre,
        lang,
        series,
        speaker,
        outlet,
        title,
        voice,
        home,
        extra,
        body,
    ) in TARGET_DOCS:
        date = iso(date_s)
        refs = outlet_refs(series) if genre == "news" and lang == "en" else {}
        ctx = make_ctx(rng, lang, home, date, focus=genre in ("news", "statement"), **refs, **extra)
        venue = VENUE.get(outlet, "public") if genre in SPOKEN else ""
        doc = Doc(series, speaker, date, genre, lang, outlet, title, voice, ctx, venue=venue)
        sep = SEPARATOR.get(genre, " ")
        for item in body:
            if isinstance(item, F):
                doc.units.append(Unit("F", text=item.text, notes=item.notes, sep=sep))
            elif isinstance(item, P44):
                text = P44_VARIANTS[item.variant]
                doc.units.append(Unit("P", text=text, point=44, variant=item.variant, sep=sep))
            else:
                v, n = item if isinstance(item, tuple) else (voice, item)
                gsep = "\n\n" if v.endswith(("_debate", "_vote")) else sep
                doc.units += gens(v, n, gsep)
        doc.units[0].sep = ""
        docs.append(doc)
    return docs


# --- the gold ------------------------------------------------------------------------------

_TERMINATORS = ".!?\u2026\u06d4\u061f"
_CLOSERS = "\"'\u2019\u201d\u00bb)]"
_SENTENCE_END = re.compile(
    rf"[{re.escape(_TERMINATORS)}]+[{re.escape(_CLOSERS)}]*(?=\s|$)|\n\s*",
)
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof st sr jr mt no nos vs etc e.g i.e gen col lt sgt capt gov rev hon approx "
    "dept est fig jan feb mar apr jun jul aug sep sept oct nov dec"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences as echoscope cuts them (text/sentences.py): a terminator, closing quotes, then
    space, or a line break; "Mr." and initials do not end one. Trimmed (start, end) spans."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().endswith(".") and not m.group().startswith("\n"):
            word = re.search(
                r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$", text[max(0, m.end() - 12) : m.end()]
            )
            if word and (
                word.group(1).lower() in _ABBREVIATIONS
                or (
                    all(len(p) == 1 for p in word.group(1).split("."))
                    and word.group(1)[0].isupper()
                )
            ):
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        if piece.strip():
            s += len(piece) - len(piece.lstrip())
            out.append((s, s + len(piece.strip())))
    return out


def split_of(doc_id: str) -> str:
    """Half the documents tune a method, the other half test it: a stable hash of the id."""
    return "tune" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "test"


def own_accuser(doc: Doc) -> str:
    """Who speaks in a document's own voice ("we", "this House", "the Front", no named
    subject): its series when that is not the speaker (the party, assembly or body issuing a
    statement, resolution or letter, the outlet of a news item), else the speaker."""
    return doc.series or doc.speaker


def unit_notes(doc: Doc, unit: Unit, translators: dict[int, str]) -> list[Note]:
    if unit.kind == "G":
        return generated_notes(unit)
    if unit.notes:
        return unit.notes
    if unit.kind == "P":
        notes = POINT_NOTES.get((unit.point, unit.variant)) or POINT_NOTES.get(unit.point, [])
        if POINTS[unit.point][0] == LABEL_TRANSLATION and doc.genre == "news":
            # an outlet printing a statement: the accuser is the one who made it
            NOTES_USED.update(id(n) for n in notes)
            notes = [replace(n, accuser=n.accuser or translators[unit.point]) for n in notes]
        return notes
    if unit.kind == "F" and unit.point:
        return NEGATIVE_NOTES.get((unit.point, doc.series), [])
    if unit.kind == "F" and doc.genre == "letter":  # the signatory's own covering note
        return [n for n in LETTER_NOTES.get(doc.series, []) if n.anchor in unit.text]
    return []


NOTES_USED: set[int] = set()  # notes that found their text (a note never used is a typo)


def target_gold(docs: list[Doc]) -> list[dict]:
    """One line per gold item of every document, in document order."""
    translators = {p: o_series for p, _, o_series, *_ in TRANSLATIONS}
    lines = []
    for doc in docs:
        sentences = sentence_spans(doc.text)
        for unit in doc.units:
            for note in unit_notes(doc, unit, translators):
                lines.append(gold_line(doc, unit, note, sentences))
                NOTES_USED.add(id(note))
    seen, out = set(), []
    for g in lines:
        key = (g["doc"], g["sentence_start"], g["accuser"], g["target"], g.get("denial"),
               g.get("vague"))  # fmt: skip
        if key not in seen:
            seen.add(key)
            out.append(g)
    return out


def gold_line(doc: Doc, unit: Unit, note: Note, sentences: list[tuple[int, int]]) -> dict:
    if note.anchor:
        m = note.pattern("anchor").search(unit.text)
        if m is None:
            raise RuntimeError(f"{doc.id}: no {note.anchor!r} in {unit.text[:60]!r}")
        at = unit.start + m.start()
    else:
        at = unit.start  # a generated sentence: the whole unit
    s, e = next((s, e) for s, e in sentences if e > at)
    charge = ""
    if note.charge:
        m = note.pattern("charge").search(doc.text, s, e)
        if m is None:
            raise RuntimeError(f"{doc.id}: no charge {note.charge!r} in {doc.text[s:e]!r}")
        charge = m.group("c") if "c" in m.re.groupindex else m.group()
    accuser = note.accuser if note.accuser is not None else own_accuser(doc)
    line = {
        "type": "accusation",
        "doc": doc.id,
        "sentence_start": s,
        "sentence_end": e,
        "accuser": accuser,
        "target": note.target,
        "charge": charge,
        "lang": doc.lang,
        "split": split_of(doc.id),
    }
    if note.kind == "denial":
        line["denial"] = True
    elif note.kind == "vague":
        line["vague"] = True
    if note.form:
        line["form"] = note.form
    return line


def scored(g: dict) -> bool:
    return g["type"] == "accusation" and not g.get("denial") and not g.get("vague")


def response_gold(lines: list[dict], docs: list[Doc]) -> list[dict]:
    """Document B answers A when B comes later, within RESPONSE_DAYS, B accuses A's accuser
    or someone of the same party, and A accused B's accuser's side."""
    date = {d.id: d.date for d in docs}
    said: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for g in lines:
        if scored(g):
            said[g["doc"]].add((g["accuser"], g["target"]))
    planted = {d.id for d in docs if f"{d.date:%Y-%m-%dT%H:%M}" in TIT_FOR_TAT and d.lang == "ur"
               and d.genre == "resolution"}  # fmt: skip
    out = []
    for b, a in product(sorted(said), sorted(said)):
        if not date[a] < date[b] <= date[a] + timedelta(days=RESPONSE_DAYS):
            continue
        if any(tb in side(aa) and ta in side(ab) for aa, ta in said[a] for ab, tb in said[b]):
            line = {"type": "response", "doc": b, "answers": a, "split": split_of(b)}
            if {a, b} <= planted:
                line["planted"] = True
            out.append(line)
    return out


def write_entities(path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["entity", "alias", "kind", "member_of"])
        for name, kind, party, aliases in ENTITIES:
            for alias in [name, *aliases]:
                w.writerow([name, alias, kind, party])


def target_problems(
    docs: list[Doc], lines: list[dict], responses: list[dict], n_old: int
) -> list[str]:
    """What the targets gold promises: offsets, names, the planted documents' make-up."""
    problems: list[str] = []
    by_id = {d.id: d for d in docs}
    names = set(ENTITY) | {d.speaker for d in docs} | {d.series for d in docs}
    for g in lines:
        doc = by_id[g["doc"]]
        s, e = g["sentence_start"], g["sentence_end"]
        if (s, e) not in sentence_spans(doc.text):
            problems.append(f"{g['doc']}[{s}:{e}] is not a sentence")
        if g["charge"] and g["charge"] not in doc.text[s:e]:
            problems.append(f"{g['doc']}[{s}:{e}]: charge {g['charge']!r} not in the sentence")
        if scored(g):
            if g["accuser"] not in names or g["target"] not in names:
                problems.append(f"{g['doc']}[{s}:{e}]: {g['accuser']!r} or {g['target']!r} "
                                "is no entity")  # fmt: skip
            if g["accuser"] == g["target"]:
                problems.append(f"{g['doc']}[{s}:{e}]: {g['accuser']!r} accuses itself")
        elif g.get("denial") and not g["accuser"]:
            problems.append(f"{g['doc']}[{s}:{e}]: a denial by no one")
    for table in (POINT_NOTES, NEGATIVE_NOTES, LETTER_NOTES):
        for key, notes in table.items():
            if any(id(n) not in NOTES_USED for n in notes):
                problems.append(f"notes for {key!r} were never used")
    planted = docs[n_old:]
    n_ur = sum(d.lang == "ur" for d in planted)
    if len(planted) != len(TARGET_DOCS) or n_ur < 15:
        problems.append(f"{len(planted)} targets documents ({n_ur} in Urdu), want 40 (15 Urdu)")
    for d in planted:
        own = sum(
            1 for u in d.units if u.kind != "G" for n in u.notes or POINT_NOTES.get(
                (u.point, u.variant), []) if n.kind == "accusation"
        )  # fmt: skip
        if not 1 <= own <= 3:
            problems.append(f"{d.id} plants {own} accusations, want 1-3")
    if not any(r.get("planted") for r in responses):
        problems.append("the planted tit-for-tat is not a response")
    split = Counter(split_of(d.id) for d in docs)
    if not 0.4 <= split["test"] / len(docs) <= 0.6:
        problems.append(f"split {dict(split)} is not about half and half")
    return problems


TARGETS_README = """\
## Targets and charges

For echoscope's targets stage (who accuses whom of what), `targets-gold.jsonl` marks every
sentence of the corpus that explicitly accuses, blames, condemns or demands action against
someone (and the ones that only insinuate, or deny), and `entities.csv` is the alias list to
run the stage with:

```
echoscope ingest demo/corpus.jsonl --db demo.db
echoscope detect --db demo.db --entities demo/entities.csv
echoscope export targets --db demo.db --format jsonl --out targets.jsonl
echoscope export responses --db demo.db --format jsonl --out responses.jsonl
python benchmarks/targets_demo.py --pred targets.jsonl --gold demo/targets-gold.jsonl \\
    --split test --responses responses.jsonl
```

### What is planted

The {n_new} documents numbered {first} to {last} ({n_new_en} in English, {n_new_ur} in Urdu) were
written for this stage. They come after the first {n_old} and are generated with their own
random stream, so that those stay exactly as they were. In them the Prime Minister accuses Rustam
Keshvani of links to a foreign agency and three speakers of his side repeat the charge in
their own words (point 44, a paraphrase point like 10-19; news reports of the charge are not
copies); the People's Unity League accuses the Finance Minister of money laundering; Farida
Mortazan calls a defector a traitor and Keshvani calls her party a family shop; Keshvani lashes
out at the Election Commission; Senator Olaye demands action against Corvan Pharma; and in
Sahil, in Urdu, Mian Rafaqat Dildar and the Sahil Awami Party trade charges over canal water
and the port strike with the Chief Minister and the Water Minister. Each document makes one to
three accusations (the sentences generated around them may add more, and those are in the gold
too), in these forms:

| form | example | lines |
|---|---|---|
{form_rows}

Denials sit beside them: the target denying the charge, a speaker saying "we never said ...",
a spokesman rejecting allegations as baseless. So do neutral sentences about the same people
(a visit, a meeting, praise for an opponent). One exchange is a tit-for-tat: on {tit_a_date}
the Sahil Provincial Assembly condemns Mian Rafaqat Dildar, demands action against him and
calls him a traitor (`{tit_a}`); on {tit_b_date} the Sahil Awami Party's central working
committee rejects that resolution and condemns the Chief Minister and the Water Minister
(`{tit_b}`).

### The gold rule

echoscope's targets stage reports only *explicit* accusations, each with a cue a reader can
point to, and the gold follows the same rule. Every sentence of all {n_docs} documents was
judged by it, the background's sentences by the template that made them (each template decided
once, so the rule holds wherever a template was used):

* **an accusation** (scored) when the sentence explicitly
  - says someone accuses, blames, condemns, criticises, attacks, lashes out at or denounces
    the target, demands action or an inquiry against it, its arrest, resignation or apology,
    levels allegations or files a case against it ("The League accuses Finance Minister
    Lucan Mehrabi of money laundering", "یہ ایوان میاں رفاقت دلدار کی شدید مذمت کرتا ہے");
  - calls the target a traitor, a thief, an agent, corrupt, a liar or the like ("The DRF
    chief is an agent of a foreign power", "دلدار کو ساحل کے عوام کا غدار قرار دیتا ہے"), or says
    it is responsible for or involved in a wrong; or
  - states that the target committed a specific wrong, in the speaker's own voice or
    attributed to someone: stole, rigged, took bribes, sold the province's water, laundered
    money, betrayed, misled the House, was paid by a foreign spy service, sent the police
    against workers, broke the valves, sold donated boats at scrap prices.

  The target must be identified: named, a title that means one entity ("the Prime Minister",
  "the DRF chief", "وزیر اعلیٰ"), "this government" (`{gov}`;
  the Urdu "صوبائی حکومت" is `{sahil_gov}`), a pronoun whose antecedent is one of
  these, or the men, workers or officials of a named party ("their men come at night and
  break the valves"). Reported accusations count ("Farida Mortazan called me a traitor" is
  Mortazan accusing the speaker);
* **vague** (`"vague": true`, neither rewarded nor penalised) when the wrongdoer is not
  identified (a passive, "officials", "the contractor", "someone", "a minister's nephew",
  "they" with no antecedent), or when the sentence mocks, insinuates, compares or asks and
  states no wrong: a rhetorical question, irony, a simile, "I call it ...", a request to
  explain, a complaint about conditions that names the body responsible. When in doubt, vague.
  The highway resolution (point 6), whose wrongdoers are unnamed contracting firms, is vague,
  and so are these, which carry a charge but state no wrong:
  - point 1, "This government treats the national treasury the way a gambler treats his last
    night at the card table ...", and point 4, "This government fears an honest clerk the way
    a thief fears a barking dog": similes;
  - point 13, every copy ("He sat on the cabinet committee that approved every one of them",
    "he found his conscience only on the day he was refused the finance ministry", "His
    outrage arrived two years late", "Rustam Keshvani did."): insinuation, since sitting on a
    committee and objecting late are no wrongs;
  - point 19's "The tanker trade in Mirwal is run by councillors of the People's Unity League",
    "It is the PUL." and "... who control the water-tanker business": running a trade is no
    wrong (the sentences of the same point that say their men break the valves are scored);
  - point 44's evidence, "The money that rented his front's offices came through a bank in
    Osterland", "Osterland pays for his offices": the charge is in the sentence before;
  - the governing side's generated lines "Mr Keshvani's party has more press conferences than
    ideas in ...", "The defectors found their conscience only when ..." and "Mr Keshvani sat
    in cabinet for ... years and never once raised ...", and the news line "... dismissed the
    new party, calling it a one-man show" (or "yesterday's men", "a vanity project", "a rumour
    with a logo"): mockery and insinuation;
  - "Keshvani replied that the Prime Minister was hiding behind foreign ghosts": a figure of
    speech;
* **a denial** (`"denial": true`) when the sentence denies or rejects a charge, or rebuts its
  facts in defence; its `accuser` is the denier, who should not be reported as accusing anyone
  there (the counter-resolution, point 7, is one);
* nothing otherwise: conditions that blame no one, promises, praise, neutral news.

The accuser is the person or body the sentence gives (a reported speaker, a pronoun's
antecedent) or else the document's own voice ("we", "this House", "the Front", "our party", no
named subject): the document's `series` when that is not its speaker (the party of a statement,
the assembly of a resolution, the body that signs a letter, the outlet of a news item), else the
speaker of a speech or press conference. A news sentence that reports someone ("Residents said
...", "... told a rally that ...") has that someone as its accuser, or none when it names no one.
Names are the canonical names of `entities.csv`, which are the corpus's `speaker`/`series`
values wherever the entity speaks; a person no list knows keeps the name the text gives.

### Files

* `targets-gold.jsonl`: accusation lines `{{"type": "accusation", "doc", "sentence_start",
  "sentence_end", "accuser", "target", "charge", "lang", "split"}}` (offsets of the sentence,
  as echoscope's sentence splitter cuts it; `charge` the charge in the sentence's own words,
  `""` when it names none), with `"denial": true` or `"vague": true` where they apply and a
  `form` for the planted ones; and response lines `{{"type": "response", "doc", "answers",
  "split"}}`: document `doc` answers `answers` when it comes later, within {days} days, accuses
  the earlier one's accuser's side, and the earlier one accused its accuser's side, where an
  entity's side is itself and everyone of its `member_of` party (derived by that rule from the
  scored accusation lines only, not from vague lines or denials; the tit-for-tat has
  `"planted": true`).
* `entities.csv`: `entity,alias,kind,member_of`, one row per alias (English variants such as
  "Mr Keshvani" and "the DRF chief", other spellings, Urdu script). `member_of` is the party;
  for an assembly, the party that holds its majority.

| split | documents | accusations (scored) | vague | denials | responses (planted) |
|---|---|---|---|---|---|
{split_rows}

`split` halves the documents by a stable hash of the id (CRC-32 of the id, even: `tune`, odd:
`test`), so all of a document's lines are in one half: tune a method on `tune`, report `test`.

### Scoring

`benchmarks/targets_demo.py` (standard library only) matches a predicted line to the gold
lines of the same document whose sentence it overlaps, and prints precision and recall of
`(doc, accuser, target)` triples (names casefolded, white space collapsed; a prediction in a
vague sentence counts for nothing), the share of matched pairs whose charge is right (word
overlap F1 of at least 0.5 after stop words, English or Urdu), the denials reported as
accusations by the denier, and with `--responses` precision and recall of the response pairs,
then the same two on the planted tit-for-tat alone: recall of the `"planted"` pairs, and
precision of the responses predicted for their answering documents (the tit-for-tat's response
line is in the `{tit_split}` half).
"""


def targets_readme(docs: list[Doc], lines: list[dict], responses: list[dict], n_old: int) -> str:
    new = docs[n_old:]
    forms: dict[str, list[dict]] = defaultdict(list)
    for g in lines:
        for form in g.get("form", "").split():
            if scored(g) or g.get("denial"):
                forms[form].append(g)
    by_id = {d.id: d for d in docs}
    form_rows = []
    for form in sorted(forms):
        g = forms[form][0]
        text = by_id[g["doc"]].text[g["sentence_start"] : g["sentence_end"]]
        text = text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + " ..."
        form_rows.append(f"| {form} | `{g['doc']}`: {text} | {len(forms[form])} |")
    split_rows = []
    for half in ("tune", "test", "all"):
        gl = [g for g in lines if half in ("all", g["split"])]
        n_docs = sum(1 for d in docs if half in ("all", split_of(d.id)))
        resp = [r for r in responses if half in ("all", r["split"])]
        n_resp = f"{len(resp)} ({sum(bool(r.get('planted')) for r in resp)})"
        split_rows.append(
            f"| {half} | {n_docs} | {sum(map(scored, gl))} | "
            f"{sum(bool(g.get('vague')) for g in gl)} | {sum(bool(g.get('denial')) for g in gl)} "
            f"| {n_resp} |"
        )
    tit = next(r for r in responses if r.get("planted"))
    return TARGETS_README.format(
        n_new=len(new),
        first=new[0].id[3:],
        last=new[-1].id[3:],
        n_new_en=sum(d.lang == "en" for d in new),
        n_new_ur=sum(d.lang == "ur" for d in new),
        n_old=n_old,
        n_docs=len(docs),
        form_rows="\n".join(form_rows),
        tit_a=tit["answers"],
        tit_b=tit["doc"],
        tit_a_date=f"{by_id[tit['answers']].date:%d %B}".lstrip("0"),
        tit_b_date=f"{by_id[tit['doc']].date:%d %B}".lstrip("0"),
        tit_split=tit["split"],
        gov=GOV,
        sahil_gov=SAHIL_GOV,
        days=RESPONSE_DAYS,
        split_rows="\n".join(split_rows),
    )


# =============================================================================================
# Main
# =============================================================================================


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent,
        help="folder to write into (default: next to this script)",
    )
    ap.add_argument("--stats", action="store_true", help="print generation statistics")
    args = ap.parse_args(argv)

    rng = random.Random(SEED)
    docs = build_docs(rng)
    plant_paraphrases(docs)
    assign_stock(rng, docs)
    realiser = Realiser(rng, docs)
    realiser.run()
    set_headlines(rng, docs)
    plant_translations(docs)
    docs = assemble(docs)
    n_old = len(docs)
    # the targets documents come after, from their own random stream: the documents above,
    # their ids and their gold stay exactly what they were
    trng = random.Random(TARGETS_SEED)
    extra = build_target_docs(trng)
    assign_stock(trng, extra)
    Realiser(trng, docs + extra, written=n_old).run()
    docs += assemble(extra, first=n_old + 1)
    gold = gold_pairs(docs)
    accusations = target_gold(docs)
    responses = response_gold(accusations, docs)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for doc in docs:
            f.write(json.dumps(doc_record(doc), ensure_ascii=False) + "\n")
    with open(out / "gold.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    (out / "stock_phrases.txt").write_text(
        "".join(p + "\n" for p, *_ in STOCK), encoding="utf-8", newline="\n"
    )
    with open(out / "targets-gold.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for g in [*accusations, *responses]:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    write_entities(out / "entities.csv")
    text = readme(docs, gold) + "\n" + targets_readme(docs, accusations, responses, n_old)
    (out / "README.md").write_text(text, encoding="utf-8", newline="\n")

    if args.stats:
        print(
            "redraws per voice:",
            dict(realiser.tries),
            "restarts:",
            realiser.restarts,
            file=sys.stderr,
        )
    problems = self_check(out, docs) + target_problems(docs, accusations, responses, n_old)
    if problems:
        for p in problems[:40]:
            print("SELF-CHECK FAILED:", p, file=sys.stderr)
        print(f"{len(problems)} problems", file=sys.stderr)
        return 1
    labels = Counter(g["label"] for g in gold)
    print(
        f"wrote {len(docs)} documents and {len(gold)} gold pairs to {out} "
        f"({', '.join(f'{k}: {v}' for k, v in labels.items())}); self-check passed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
