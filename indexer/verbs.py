"""English verbs of recommendations: is a word a bare verb, and what is its lemma?

A recommendation's action is stored as the lemma of its first verb ("Ratify",
"ratifying", "ratification" -> "ratify"), with the particle of a phrasal verb
kept ("set up", "take note", "put in place"). The lexicon holds the verbs
that open recommendations in UN reports, so that an item's first word can be
recognised as an imperative without a part-of-speech tagger.
"""

from __future__ import annotations

import re

BASE_VERBS = frozenset(
    """
    abandon abide abolish abstain accede accelerate accept access accommodate accompany account
    achieve acknowledge act adapt add address adhere adjust administer adopt advance advise
    advocate affirm align allocate allow amend analyse analyze apologize apply appoint appraise
    appreciate approach appropriate approve arrange articulate ascertain ask assess assign assist
    assume assure attach attain attend attract audit authorize avail avoid award balance ban base
    become begin benefit bolster boost bridge bring broaden build calculate call campaign cancel
    capitalize capture carry cease centralize certify champion change channel charge check
    circulate clarify classify clean close codify collaborate collect combat combine commence
    commend deplore demand stress underline recall affirm regret decry denounce reject
    commission commit communicate compensate compile complete comply comprise conceive
    concentrate conclude condemn conduct confer confirm connect consider consolidate construct
    consult contact contemplate continue contribute control convene converge convert convey
    cooperate
    coordinate correct cost counter cover create criminalize criminalise curb cut deal decide
    declare decrease decriminalize dedicate deepen defend define delegate delete deliver demand
    demonstrate deploy deposit deregister describe design designate destroy detail detect
    determine develop devise devote differentiate digitize direct disaggregate disburse
    disclose discontinue discourage discuss disseminate distribute diversify do document draft
    draw drive earmark ease educate elaborate elect eliminate embark embed emphasize employ
    empower emulate enable enact encourage end endeavour endorse enforce engage enhance enlarge
    enrol enshrine ensure enter envisage equip eradicate establish evaluate examine exclude
    exercise expand expedite explain explore expose express extend facilitate finalize finance
    fix focus follow forbid formalize formulate fortify foster frame free fulfil fulfill fund
    gather generate give go grant guarantee guard guide halt handle harmonize harmonise have help
    hold identify illustrate implement improve incentivize include incorporate increase indicate
    inform initiate innovate inscribe institutionalize instruct integrate intensify interact
    introduce invest investigate invite involve issue join justify keep label launch lay lead
    learn legislate leverage lift limit link list listen lobby locate lower maintain make manage
    mandate map mark match maximize measure mediate meet mainstream minimize mitigate mobilize
    model modernize modify monitor motivate move name negotiate nominate notify note observe
    obtain offer open operate operationalize optimize organize outline oversee own participate
    pass pay perform permit persevere persist phase pilot place plan pledge pool post postpone
    prepare present preserve prevent prioritize proceed process procure produce progress
    prohibit promote promulgate propose prosecute protect provide publicize publish punish pursue
    put raise ratify reach reaffirm realize rebuild receive reclassify recognize recommend
    reconsider record recruit rectify redeploy redouble reduce reference refer refine reflect
    reform refrain regulate reinforce reinstate reintegrate reiterate reject release relocate
    remain remedy remove renew reopen reorganize repeal replace replenish report represent
    request require rescind reserve resolve resource respect respond restore restrict restructure
    retain rethink return review revise revisit revoke safeguard scale screen secure seek select
    send separate serve set settle share shift shorten show sign simplify specify speed stand
    standardize start stay step stipulate stop store streamline strengthen strive study submit
    subscribe substantiate supplement support suspend sustain systematize tackle tailor take
    target teach terminate test track train transfer transform translate treat trigger
    undertake unify update upgrade uphold urge use utilize validate verify vest view waive
    welcome widen withdraw work
    """.split()
)

IRREGULAR = {
    "made": "make", "making": "make", "took": "take", "taken": "take", "taking": "take",
    "gave": "give", "given": "give", "giving": "give", "held": "hold", "kept": "keep",
    "brought": "bring", "built": "build", "set": "set", "put": "put", "cut": "cut",
    "sought": "seek", "undertaken": "undertake", "undertook": "undertake", "drawn": "draw",
    "led": "lead", "laid": "lay", "met": "meet", "sent": "send", "chosen": "choose",
    "done": "do", "doing": "do", "did": "do", "begun": "begin", "became": "become",
    "known": "know", "shown": "show", "paid": "pay", "spent": "spend", "withdrawn": "withdraw",
    "withheld": "withhold", "upheld": "uphold", "overseen": "oversee", "forbidden": "forbid",
    "has": "have", "had": "have", "having": "have", "is": "be", "are": "be", "was": "be",
    "were": "be", "been": "be", "being": "be",
}

#: nouns of action -> their verb ("recommends the establishment of" -> establish)
NOMINALISATIONS = {
    "establishment": "establish", "adoption": "adopt", "ratification": "ratify",
    "accession": "accede", "creation": "create", "continuation": "continue",
    "implementation": "implement", "development": "develop", "elaboration": "elaborate",
    "strengthening": "strengthen", "provision": "provide", "introduction": "introduce",
    "approval": "approve", "consideration": "consider", "revision": "revise",
    "extension": "extend", "expansion": "expand", "reduction": "reduce", "abolition": "abolish",
    "abolishment": "abolish", "withdrawal": "withdraw", "inclusion": "include",
    "integration": "integrate", "allocation": "allocate", "appointment": "appoint",
    "preparation": "prepare", "submission": "submit", "endorsement": "endorse",
    "enactment": "enact", "amendment": "amend", "promotion": "promote", "protection": "protect",
    "application": "apply", "assessment": "assess", "evaluation": "evaluate",
    "designation": "designate", "conversion": "convert", "reclassification": "reclassify",
    "redeployment": "redeploy", "retention": "retain", "maintenance": "maintain",
    "enhancement": "enhance", "improvement": "improve", "removal": "remove",
    "harmonization": "harmonize", "alignment": "align", "acceptance": "accept",
    "repeal": "repeal", "review": "review", "use": "use", "conduct": "conduct",
    "organization": "organize", "publication": "publish", "dissemination": "disseminate",
    "investigation": "investigate", "prosecution": "prosecute", "prohibition": "prohibit",
    "elimination": "eliminate", "eradication": "eradicate", "collection": "collect",
    "identification": "identify", "clarification": "clarify", "modification": "modify",
    "simplification": "simplify", "consolidation": "consolidate", "reinforcement": "reinforce",
    "mobilization": "mobilize", "institutionalization": "institutionalize",
    "decriminalization": "decriminalize", "criminalization": "criminalize",
    "reform": "reform", "restructuring": "restructure", "support": "support",
    "regularization": "regularize", "abstention": "abstain", "cessation": "cease",
}

#: verb + particle kept together as one action ("take note"; "take steps" stays "take")
_JOINED = {"take": ("note",), "set": ("up",), "put": ("in place",), "phase": ("down", "out"),
           "call": ("for", "on"), "carry": ("out",), "scale": ("up",), "step": ("up",),
           "follow": ("up",), "draw": ("up",), "lay": ("down",), "roll": ("out",),
           "speed": ("up",)}
#: "review and adopt the following draft": the first verb only frames the one asked for
_FRAMING_VERBS = {"review", "consider", "examine"}
_FRAMED = re.compile(r"and[ ]+(?P<verb>adopt|approve|endorse)\b")

ADVERBS = frozenset(
    """also further furthermore moreover therefore thus again once still urgently promptly
    swiftly fully effectively publicly continuously systematically immediately expeditiously
    actively progressively gradually duly strongly respectfully accordingly hereby jointly
    consistently regularly periodically proactively seriously adequately properly genuinely
    meaningfully significantly substantially then likewise similarly equally finally""".split()
)


def is_base_verb(word: str) -> bool:
    """True for a verb in its bare form ("Ratify", "ensure"), from the lexicon."""
    return word.lower() in BASE_VERBS


def lemma(word: str) -> str:
    """The bare form of a verb form or action noun; the word itself when unknown."""
    w = word.lower().strip(".,;:()“”\"'")
    if w in BASE_VERBS:
        return w
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in NOMINALISATIONS:
        return NOMINALISATIONS[w]
    for suffix, replacements in (
        ("ies", ("y",)), ("ied", ("y",)), ("ying", ("y",)), ("ing", ("", "e")),
        ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",)),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            for extra in replacements:
                if stem + extra in BASE_VERBS:
                    return stem + extra
            if suffix in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]:
                if stem[:-1] in BASE_VERBS:  # setting -> set, committed -> commit
                    return stem[:-1]
    return w


def is_verb_form(word: str) -> bool:
    """True when ``word`` is a known verb in any inflection (recognised through ``lemma``)."""
    w = word.lower()
    return lemma(w) in BASE_VERBS and w not in NOMINALISATIONS


def phrasal(verb: str, following: str) -> str:
    """'take' + 'note of the report' -> 'take note'; 'take' + 'steps to' -> 'take'."""
    rest = following.lower().lstrip()
    if verb in _FRAMING_VERBS:
        framed = _FRAMED.match(rest)
        if framed:
            return framed.group("verb")
    if verb == "call" and re.match(r"upon\b", rest):
        return "call on"  # "Call upon the authorities to ...", as "Call on"
    for particle in _JOINED.get(verb, ()):
        if re.match(rf"{re.escape(particle)}\b", rest):
            return f"{verb} {particle}"
    return verb
