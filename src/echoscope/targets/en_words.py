"""The English word lists the rules of :mod:`.english` and the mentions of :mod:`.en_mentions`
read by: the forms of each cue (accusing, condemning, demanding, name-calling), the wrongs a
claim may name, the titles, heads and links of names and descriptions, and the pattern
(:data:`CUE`) that finds the sentences worth reading. Constants only."""

from __future__ import annotations

from echoscope.targets.words import cue_pattern


def _forms(*stems: str) -> frozenset[str]:
    return frozenset(w for s in stems for w in s.split())


ACCUSE = _forms("accuse accused accuses accusing")
CHARGE_WITH = _forms("charged charging")
CRITICISE = _forms(
    "blame blamed blames blaming condemn condemned condemns condemning slam slammed slams "
    "slamming blast blasted blasts blasting criticise criticised criticises criticising "
    "criticize criticized criticizes criticizing lambast lambasted lambasts lambasting "
    "lambaste lambastes castigate castigated castigates castigating denounce denounced "
    "denounces denouncing censure censured censures censuring rebuke rebuked rebukes "
    "rebuking berate berated berates berating assail assailed assails assailing chide chided "
    "chides chiding ridicule ridiculed ridicules ridiculing vilify vilified vilifies "
    "vilifying malign maligned maligns maligning defame defamed defames defaming scold "
    "scolded scolds reprimand reprimanded reprimands excoriate excoriated excoriates decry "
    "decried decries deplore deplored deplores attack attacked attacks attacking targeted "
    "targeting grilled booked arrested nabbed fined indicted"
)
# multi-word cues: (words, preposition before the target)
PHRASES = (
    ("lash out at", "lashed out at", "lashes out at", "lashing out at"),
    ("hit out at", "hits out at", "hitting out at", "hit back at", "hits back at"),
    ("take a swipe at", "took a swipe at", "takes a swipe at", "taking a swipe at"),
    ("took a dig at", "taking a dig at", "took a jibe at", "taking a jibe at", "takes a dig at"),
    ("come down hard on", "came down hard on", "comes down hard on", "coming down hard on"),
    ("tore into", "tears into", "tear into", "tearing into"),
    ("took to task", "takes to task", "taking to task"),
    ("launched an attack on", "launched a scathing attack on", "launched a tirade against"),
    ("pointed fingers at", "pointed the finger at", "pointing fingers at"),
    ("held responsible", "holds responsible", "holding responsible"),
    ("questioned the role of", "questions the role of", "questioning the role of"),
    ("raised questions about", "raised questions over", "raising questions about"),
    ("took exception to", "took strong exception to", "takes exception to"),
    (
        "pointed an accusing finger at",
        "pointed accusing fingers at",
        "points an accusing finger at",
    ),
    ("sought an explanation from", "seeks an explanation from", "sought explanations from"),
    (
        "issued a notice to",
        "issued notices to",
        "issued a show-cause notice to",
        "served a notice on",
        "served a show-cause notice on",
    ),
)
PHRASE_WORDS = tuple(tuple(p.split()) for group in PHRASES for p in group)


def by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their first word, longest first: one lookup per word, not a scan of all."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(phrases, key=len, reverse=True):
        out.setdefault(words[0], []).append(words)
    return out


_PHRASES_BY_FIRST = by_first_word(PHRASE_WORDS)
NAME_CALL = _forms(
    "termed terms terming called calls calling branded brands branding dubbed dubs dubbing "
    "labelled labeled labels labelling labeling declared declares described describes"
)
SLURS = _forms(
    "traitor traitors thief thieves agent agents liar liars puppet puppets criminal "
    "criminals terrorist terrorists fascist fascists dictator dictators corrupt looter "
    "looters plunderer plunderers mafia enemy enemies fraud fraudster fraudsters crook "
    "crooks dacoit dacoits stooge stooges hypocrite hypocrites coward cowards incompetent "
    "facilitator facilitators mercenary mercenaries murderer murderers killer killers "
    "extremist extremists risk anti-state anti-national anti-pakistan anti-people "
    "foreign-funded threat sellout sell-out rigger riggers robber robbers usurper usurpers "
    "pawn pawns spy spies collaborator collaborators accomplice accomplices"
)
CRIMES = _forms(
    "corruption corrupt terror terrorism laundering rigging kickbacks kickback smuggling "
    "fraud embezzlement treason murder murders killing killings violence conspiracy "
    "conspiracies sabotage looting plunder bribery bribe bribes scam scams graft nepotism "
    "theft extortion illegal anti-state horse-trading sedition blasphemy espionage "
    "mismanagement misuse abuse loot"
)
CRIME_VERBS = _forms(
    "looted plundered rigged stole betrayed laundered embezzled misappropriated sabotaged usurped"
)
DEMAND = _forms(
    "demand demanded demanding demands sought seek seeking seeks urged urge urging urges "
    "called calling calls asked asking filed filing file lodged lodging moved initiated "
    "registered registering register booked "
    "launched ordered sought"
)
# what a demand asks for: "action against Y", "the arrest of Y"
ACTION_AGAINST = _forms(
    "action actions inquiry inquiries enquiry probe probes investigation investigations case "
    "cases reference references proceedings fir firs trial crackdown accountability "
    "complaint complaints petition motion ban chargesheet chargesheets charge-sheet"
)
ACTION_OF = _forms(
    "arrest resignation trial disqualification removal sacking dismissal punishment "
    "prosecution impeachment ouster expulsion suspension court-martial hanging"
)
ALLEGATIONS = _forms("allegations allegation accusations accusation charges")
CLAIMS = _forms("charge claim claims")  # an accusation only with its owner named
CRITICISM_NOUNS = _forms("criticism flak fire censure condemnation")
# wrongs that make a reported statement an accusation ("X said Y took kickbacks")
WRONGS = _forms(
    "corruption corrupt kickbacks kickback commissions bribes bribe bribery rigging rigged "
    "looted looting loot stole stolen stealing plundered plunder laundering laundered "
    "embezzled embezzlement misappropriated betrayed betraying surrendered surrendering "
    "conspiracy conspiring conspired harass harassing harassed harassment victimising "
    "victimizing victimised victimized vendetta biased illegal illegally unconstitutional "
    "fascist fascism murdered tortured abducted kidnapped lied lying misused misusing "
    "abusing abused shielding sponsoring sponsored engineering engineered manipulated "
    "manipulating destroyed ruined wrecked sabotaged treason traitor traitors puppet puppets "
    "agent agents dictation stooge mafia fraud fraudulent scam scams theft grabbed grabbing "
    "usurped created ordered protecting sold selling diverted diverting concealed concealing "
    "hiding hid inflating inflated fleecing muzzling silencing squandered misled misleading "
    "cheated cheating threatened threatening occupied demolished propaganda spy invents "
    "invented inventing smash smashed burned burnt forged forging tapped "
    # failures, abuses and cover-ups said of someone
    "failed neglected neglecting ignored ignoring deceived deceiving exploited exploiting "
    "intimidated intimidating persecuted persecuting suppressed suppressing hijacked "
    "hijacking blackmailed blackmailing bribed pocketed hoarded hoarding patronising "
    "patronizing colluded colluding whitewashing negligence negligent incompetence misrule "
    "victimisation victimization intimidation meddling betrayal dishonest dishonesty "
    "favouritism cronyism extortion siphoned siphoning defrauded swindled stuffed wasted "
    "shelled shelling bombed cheated lying lied lies beaten thugs goons benami "
    # what marks a claim's act as improper, whatever its verb: "had reopened the bridge
    # without a fitness certificate", "appointed teachers despite failing the test"
    "without despite bogus fake ghost non-existent substandard irregularities blacklisted "
    "nepotism cronies"
)
# wrongs of several words, matched at their first: "covered up", "looked the other way"
PHRASE_WRONGS = tuple(
    tuple(p.split())
    for p in (
        "covered up",
        "cover up",
        "covering up",
        "looked the other way",
        "looking the other way",
        "turned a blind eye",
        "turning a blind eye",
        "lost control",
        "ripped out",
        "took money",
        "taken money",
        "taking money",
        "did nothing",
        "done nothing",
        "do nothing",
        "doing nothing",
        "sat on",
        "sitting on",
        "sit on",
        "in ruins",
        "in violation",
        "instead of",
        "only to",
        "in return for",
        "on the orders of",
        "at the behest of",
        "for the benefit of",
        "under the nose",
        "to please",
    )
)
PHRASE_WRONGS_BY_FIRST = by_first_word(PHRASE_WRONGS)
FACED = _forms("faced faces facing face drew draws drawing came comes coming under attracted")
LEVELLED = _forms("levelled leveled levelling leveling made making hurled hurling raised")
ALLEGE = _forms("alleged alleges alleging charged claimed claims claiming")
NEGATIONS = _forms(
    "not never no n't didn't don't doesn't won't hasn't haven't hadn't wasn't weren't "
    "cannot can't nobody neither nor deny denied denies denying rejected rejects rejecting "
    "refuted refutes refuting dismissed dismisses dismissing"
)
BE = _forms("is are was were be been being got gets has have had")
MODALS = _forms("would could might may")
CONDITIONS = _forms("if unless whether")
SPEECH = _forms(
    "said says say added adds told alleged claimed stated maintained remarked asserted "
    "observed noted warned declared argued insisted"
)
# words a subject may stand apart from its verb by: "X on Tuesday also strongly condemned"
SUBJECT_GAP = _forms(
    "has have had also again once further strongly sharply bitterly openly publicly "
    "repeatedly severely harshly vehemently today yesterday tonight here there later earlier "
    "recently then on monday tuesday wednesday thursday friday saturday sunday separately "
    "jointly too even both all reportedly formally directly indirectly unanimously "
    "squarely categorically explicitly implicitly only already not had also"
)
CLAUSE_END = _forms(
    "saying adding while but whereas which who whom when after before during amid and said "
    "says although though because since"
)
TITLES = _forms(
    "mr mrs ms miss dr prof sir madam justice general gen lt col major maj brig capt captain "
    "senator chairman chairperson chairwoman chief minister ministers prime president vice "
    "deputy federal provincial former ex leader founder head spokesman spokesperson "
    "secretary governor speaker premier information interior foreign finance defence defense "
    "law home opposition party mna mpa mp acting caretaker supreme convener convenor "
    "coordinator member members adviser advisor special assistant patron-in-chief "
    "co-chairman co-chairperson emir ameer amir naib central senior general-secretary "
    "spokesmen chair incumbent then sitting ruling mayor commissioner officer inspector "
    "director administrator collector superintendent mla mlas mpa mpas mna mnas councillor "
    "nazim lawmaker legislator activist leader leaders chief-minister representative "
    "shri smt adv advocate barrister engr mohd begum maulana mufti haji sho dsp dpo ssp sp "
    "dig igp dc ceo md prosecutor"
)
# the head of a description that names an actor: "the federal government", "the DRF chief"
ACTOR_HEADS = _forms(
    "ministers officials authorities management lawmakers legislators rulers members "
    "officer officers commissioner superintendent inspector mayor secretary director staff "
    "authority corporation company firm contractor contractors centre administration "
    "government governments opposition party parties minister chief leader leaders chairman "
    "chairperson president spokesman spokesperson spokeswoman administration establishment "
    "regime "
    "cabinet agency agencies assembly house senate alliance coalition leadership rulers "
    "ruler premier founder governor council army military police judiciary court commission "
    "bureau ministry department cell wing justice judge forces speaker family guards forum "
    "association union front league federation committee board trust society unions "
    "ministries departments committees councils municipality regulator executive executives"
)
CONNECTORS = _forms("bin bint ul ud ur al el de da van von of e for")
# capitalised words that never start a name
NOT_NAMES = _forms(
    "the a an he she they we i it this that these those his her their our its in on at by "
    "for but and or however meanwhile earlier later according addressing speaking talking "
    "while when after before during also separately yesterday today monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december if as what why how who there then so "
    "mr. mrs. dr. my your speaking responding reacting commenting with from to of not no "
    "said both all last next several many some one two three rs rs. inr pkr usd "
    # participles that open a sentence: "Flanked by", "Winding up the debate"
    "flanked accompanied winding opening closing launching hearing passing asked replying "
    "chairing presiding referring expressing condemning accusing criticising criticizing "
    "rejecting denying alleging claiming briefing visiting inaugurating announcing "
    "answering defending explaining taking hitting lashing slamming blaming terming calling "
    "demanding lambasting"
)
PRONOUNS = _forms("he she him her his we i us our my")
_FUNCTION_WORDS = _forms(
    "of in on at to for from with by and or as than into over about against before after "
    "under through near outside inside"
)
FIRST_PERSON = _forms("we i us our my")
ARTICLES = _forms("the a an his her their its our this that")

# a demand is read at its noun ("action against", "the arrest of"), a name-call at its slur:
# the verbs of both are too common to search for
_CUE_WORDS = sorted(
    ACCUSE
    | CHARGE_WITH
    | CRITICISE
    | ACTION_AGAINST
    | ACTION_OF
    | ALLEGATIONS
    | CLAIMS
    | ALLEGE
    | CRIME_VERBS
    | SLURS
    | WRONGS
    | CRITICISM_NOUNS
    | {"held", "holds", "holding"}
    | {"involved", "responsible"}
    | {"nothing", "behind", "resign"}  # "“Y did nothing,” X said", "Y should resign"
    | {"prosecutor", "prosecutors", "prosecution", "police", "detectives", "investigators"}
)
_CUE_PHRASES = [" ".join(p) for p in PHRASE_WORDS + PHRASE_WRONGS]
#: where a text may hold an accusation: one scan per document, sentences read on a hit
CUE = cue_pattern(_CUE_PHRASES + _CUE_WORDS)
_PUNCT_END = frozenset(',.;:!?"\u201c\u201d()[]\u2014\u2013-')


# words that open a South Asian personal name (honorifics and clan titles written as part
# of it): where a name starts after a portfolio or a body's name
NAME_OPENERS = _forms(
    "mir syed syeda chaudhry chaudhary malik mian rana sardar khawaja raja pir makhdoom "
    "nawab sheikh shaikh haji begum bibi sahibzada nawabzada maulana mufti hafiz qazi "
    "agha mirza shri smt dr mr mrs ms"
)
# the word of a title that names the office, after which a person's name begins
_RANKS = _forms(
    "minister ministers secretary general spokesman spokesperson spokeswoman chairman "
    "chairperson chairwoman president leader chief governor senator mna mpa mla mp adviser "
    "advisor commissioner inspector superintendent director mayor speaker convener convenor "
    "coordinator ameer amir emir head founder justice officer councillor nazim mlas mnas mpas "
    "mps"
)


ORG_HEADS = _forms(
    "authority commission industry industries corporation department ministry bureau agency "
    "council committee association board party front league movement federation union "
    "organisation organization institute university bank company limited assembly alliance "
    "forum society chamber foundation trust office"
)


# people a sentence may open with as one accuser: "Human rights groups", "Angry farmers"
GROUP_HEADS = _forms(
    "groups activists protesters demonstrators residents farmers traders lawyers students "
    "workers critics rivals villagers doctors teachers journalists families relatives "
    "councillors opponents supporters unions family families aides investigators officials "
    "mps lawmakers legislators senators "
    "employees colleagues witnesses victims police detectives prosecutors investigators "
    "campaigners auditors inspectors regulators"
)


_DATELINE_ENDS = frozenset((":", "-", "\u2014", "\u2013"))  # "MANILA (GPA) \u2014 A senator"


# the people a cue's object may be without a name: "booked a seminary teacher", "arrested
# a 34-year-old chartered accountant", "charged three gram panchayat members"
UNNAMED_PEOPLE = _forms(
    "man men woman women youth youths person persons teacher teachers official officials "
    "officer officers employee employees clerk clerks accountant accountants businessman "
    "businessmen trader traders contractor contractors doctor doctors engineer engineers "
    "lawyer lawyers student students cleric clerics worker workers driver drivers member "
    "members councillor councillors sarpanch sarpanches patwari patwaris tehsildar "
    "journalist journalists activist activists politician politicians lawmaker lawmakers "
    "executive executives manager managers director directors guard guards soldier soldiers "
    "policeman policemen constable constables suspect suspects landlord landlords builder "
    "builders dealer dealers banker bankers broker brokers farmer farmers shopkeeper "
    "shopkeepers headmaster principal nurse nurses vendor vendors supplier suppliers owner owners "
    "owners operator operators minister ministers governor mayor senator legislator "
    "commander commanders inspector inspectors agent agents cashier cashiers"
)


COURTS = _forms("court courts bench tribunal judge judges")
# a body's name said again in other words: "banned the QHT, accusing the group of"
_GROUP_NOUNS = _forms("group outfit organisation organization militia")
_GROUP_WORDS = frozenset("the " + noun for noun in _GROUP_NOUNS)


PLACE_PREPOSITIONS = _forms("in from near outside inside across")


_PERSON_HEADS = _forms(
    "officer commissioner superintendent inspector mayor secretary director minister chief "
    "leader chairman chairperson president spokesman spokesperson premier founder governor ruler"
)


# the wrongs an unattributed sentence must name to be an accusation in its own voice
STRONG_WRONGS = WRONGS - _forms(
    "sold selling created ordered protecting diverted diverting hiding hid concealed "
    "concealing inflating inflated occupied demolished threatened threatening engineering "
    "engineered agent agents burned burnt smash smashed without despite ghost blacklisted"
)


# the people a description's possessor stands for: "the chief minister's brother"
_RELATIONS = _forms(
    "brother brothers son sons daughter wife husband nephew relatives family cousin aides "
    "aide guards men supporters nominee"
)


_DAYS = _forms(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "morning evening night week month year"
)
