"""One sentence's cues: its actions, the sides it names, whose action each is, which action governs
each place.

- :func:`find_triggers`: the action words (:data:`~geoclaims.extract.lexicon.TRIGGERS`), each marked when
  it gives no claim: negated ("did not enter"), only intended ("trying to capture"), denied, hypothetical
  ("the loss of X would be..."), a standing state ("remains under Russian control"). An attempt to break
  through is fighting; an attempt that failed ("безуспішно намагався") is a repelled attack.
- :func:`find_sides`: "Russian forces", "ВСУ", "the enemy" (the speaker's opponent), "our units", "its
  forces" (of the country named before); sides named as objects ("в обороне ВСУ") are marked.
- :func:`side_for`: the subject of an active verb, the agent of a passive one ("by Russian forces",
  "российскими военными"), the side in "under Ukrainian control", the attacker of a repelled attack, the
  subject carried from the sentence before ("They"), else the speaker's side.
- :func:`attach`: a place goes to a passive action right after it ("X was captured"), to the action of a
  relative clause ("X, which Ukrainian forces took"), else to the nearest action before it in the same
  clause, else to the first one after it ("В Судже начались бои").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geoclaims.claims.claim import other_side
from geoclaims.extract import lexicon as lx
from geoclaims.extract.claimants import Claimant
from geoclaims.extract.dates import Date
from geoclaims.extract.places import Mention

__all__ = ["Trigger", "Sentence", "IT_AFTER", "UKRAINIAN", "find_triggers", "find_sides", "side_for", "attack_side", "attach", "country_side"]

UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_CYR = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_PASSIVE_LINK = re.compile(r"^(?:\s*(?:,|and|и|і|та|й|also|both|already|now|fully|completely|полностью|повністю|уже|"
                           r"вже|также|тоже|теж|ще|частково|частично|фактично|фактически|практично|практически|сейчас|зараз|"
                           r"which|that|who|который|которая|которые|яка|який|які|що|has|had|"
                           r"have|was|were|is|are|been|reportedly|officially|officially|finally|\w+ly)\s*)*$", re.I)
_AGENT = re.compile(r"^\s*(?:,\s*)?(?:by|силами|з\s+боку|со\s+стороны|руками)?\s*$", re.I)
_INSTRUMENTAL = re.compile(r"^\s*(?:российски\w+|российскими|украинскими|українськими|російськими|\w+ими|\w+ыми)\b",
                           re.I)
_COUNTRY = re.compile(r"(?<![\w-])(?P<c>Ukraine|Ukrainian|Kyiv|Украин\w+|Україн\w+|Russia|Russian|Moscow|Росси\w+|"
                      r"Росі\w+|Российск\w+|Російськ\w+)", re.I)
#: "captured it", "fighting there": a word for the place right after an action
IT_AFTER = re.compile(r"\s+(it|there|там|туди|туда|здесь|тут)(?!\w)", re.I)
_BREAK_THROUGH = re.compile(r"(?:прорват|прорвать|пробит|пробиться|прорыв|прорив|break)", re.I)
_LIBERATE = re.compile(r"(?:освобо|звільн|liberat|free)", re.I)
#: a side named right after these words is an object or attribute, not a subject: "в обороне ВСУ", "against Russian"
_OBJECT_BEFORE = re.compile(r"(?:натиск\w*|давлени\w+|тиск\w*|pressure\s+from|оборон\w*|позици\w*|позиці\w*|positions?|defen[cs]es?|lines?|атак\w*|штурм\w*|"
                            r"заграждени\w+|загородженн\w+|укреплени\w+|укріпленн\w+|barriers?|obstacles?|fortifications?|"
                            r"attacks?|assaults?|against|проти|против|from|of|by|з|від|от|из|стримувати|сдерживать|"
                            r"витіснити|вытеснить|витіснили|вытеснили|expel\w*|drove|driven|pushed|out|"
                            r"з\s+боку|со\s+стороны|push|подразделений|підрозділів|units\s+of)\s+(?:the\s+)?$", re.I)
_ATTACK_OR_ADVANCE = re.compile(r"(?:attack|assault|intensification|offensive|counterattack|advance|атак|штурм|наступ|"
                                r"контратак|боев|бойов|просуван|продвижен|попыт|спроб)", re.I)
_ATTACK_NOUN = re.compile(r"(?:attack|assault|intensification|offensive|counterattack|атак|штурм|наступ|контратак|боев|бойов)", re.I)
#: a subordinate clause between an action and a name: the name is not the action's place
_CLAUSE_BREAK = re.compile(r",\s+(?:водночас|одночасно|одновременно|тем\s+временем|тим\s+часом|meanwhile|at\s+the\s+same\s+time|"
                           r"made|hours|days|weeks|after|before|when|while|since|because|although|where|"
                           r"wearing|promising|saying|adding|after\s+which|після|после|когда|коли|хотя|хоча|де|где)\b",
                           re.I)
_FROM_SIDE = re.compile(r"(?<!\w)(?:від|от|from)\s+(?:the\s+)?$", re.I)
_RELATIVE = re.compile(r"^\s*,?\s*(?:which|that|whom|яку|який|яке|які|котру|которую|который|которое|которые|что|що)\s+"
                       r"(?:[\w'’-]+\s+){0,4}$", re.I)


def country_side(text: str) -> str | None:
    m = _COUNTRY.search(text)
    if not m:
        return None
    return "UA" if m.group("c").lower().startswith(("ukr", "kyiv", "укр", "укра", "україн")) else "RU"


@dataclass(slots=True)
class Trigger:
    """An action word in a sentence, and what was read about it."""

    action: str
    voice: str
    start: int
    end: int
    text: str
    blocked: str = ""      # why it gives no claim: negated | intent | denied | standing | hypothetical
    force_near: bool = False
    #: an attempt: a place it names as a goal ("to the villages of X") is no claim, only one it names as where
    goal_blocked: bool = False
    #: "не контролюють повністю": only part of the place
    partial: bool = False
    #: the sentence goes on to say it failed ("..., but without success", "успіху не мали")
    failed: bool = False
    side: str | None = None
    how: str = ""          # how the side was found


@dataclass(slots=True)
class Sentence:
    """One sentence and its cues."""

    start: int
    end: int
    paragraph: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    regions: list[tuple[int, int, str]] = field(default_factory=list)
    claimant: Claimant | None = None
    dates: list[Date] = field(default_factory=list)
    hedged: bool = False
    subject: str | None = None  # the side this sentence's actions are about (for "They" next)
    attacker: str | None = None  # the side whose attack this sentence says was repelled
    side_cues: list = field(default_factory=list)  # (k, match) of lexicon.SIDES
    triggers: list = field(default_factory=list)


#: a verb of going on right before an action noun: "продолжают освобождение X", "ведет освобождение X"
_GOES_ON_BEFORE = re.compile(r"(?<!\w)(?:продолжа\w+|продовжу\w+|continu\w+|вед[её]т|ведут|веде|ведуть|ведём|ведемо|"
                             r"приступил\w*\s+к|приступ\w+\s+до|розпочал\w*|начал\w*|began|started|begun)\s+"
                             r"(?:\w+\s+)?$", re.I)
#: a claim noun whose content follows: "claim that", "reports of", "заявами про", "утверждения о"
_CLAIM_OF = re.compile(r"(?<![\w'’])(?:claims?|reports?|allegations?|заяв\w*|заявлени\w*|утверждени\w*|твердженн\w*|"
                       r"повідомленн\w*|сообщени\w*|информаци\w*|інформаці\w*)\s+(?:that|of|about|про|о|об|що|что)\s+"
                       r"(?:(?!(?:but|але|но|однако)\b)[^.;:]){0,50}$", re.I)
#: said of a claim: it came too soon ("поспішив", "premature")
_PREMATURE = re.compile(r"(?<![\w'’])(?:поспіши\w*|поспішн\w*|поторопил\w*|поспеши\w*|поспешн\w*|premature\w*)", re.I)
#: the subject of a sentence is a report that the sentence goes on to deny: "Інформація про нібито просування ..."
_REPORT_SUBJECT = re.compile(r"\W*(?:інформаці\w+|информаци\w+|повідомлення|сообщени\w+|заяв\w+|чутки|слухи|"
                             r"(?:the\s+)?(?:claims?|reports?|information|rumou?rs?))\s", re.I)


def find_triggers(text: str, s: Sentence) -> list[Trigger]:
    """The actions of a sentence, each with why it gives no claim, if it does not (negated, intended, denied...)."""
    found: list[Trigger] = []
    for k, m in lx.TRIGGER_SCAN.finditer(s.text):
        action, voice = lx.TRIGGERS[k][:2]
        word = m.group(0)
        if action == "withdraw" and word.lower() in ("left", "leave") and not re.match(
                r"\s+(?:the\s+(?:city|town|village|settlement)|[A-ZА-Я])", s.text[m.end():]):
            continue
        if action == "withdraw" and word.lower() == "left" and re.match(r"\s+(?:bank|flank|side)", s.text[m.end():]):
            continue
        if action == "repelled" and word.lower().startswith(("відбил", "отбил")) and not word.lower().endswith(
                ("ся", "сь")) and not re.search(
                r"атак|штурм|наступ|спроб|попыт|контратак|attack|ворог|противник|враг|окупант|оккупант|загарбник|"
                r"росіян|россиян|штурмовик", s.text[m.end():m.end() + 60], re.I):
            found.append(Trigger("capture", "active", s.start + m.start(), s.start + m.end(), word))
            continue  # "відбили село": took it back
        if action == "contest" and _SUCCESS_IN.search(s.text, max(0, m.start() - 40), m.start()):
            continue  # "здобули тактичні успіхи в боях біля X": the success is the claim, the battles its setting
        if action == "contest" and _AFTER_FIGHT.search(s.text, max(0, m.start() - 30), m.start()):
            continue  # "После ожесточенных боев населенный пункт перешел под контроль": the fight led to an outcome
        if action == "capture" and voice == "active" and re.match(r"[-–]", s.text[m.start() - 1:m.start()]):
            continue  # "Russian-occupied"
        if action == "capture" and lx.NOT_TERRITORY_AFTER.match(s.text, m.end()):
            continue  # "повернули контроль над ситуацією": no place taken
        found.append(Trigger(action, voice, s.start + m.start(), s.start + m.end(), word))
    found.sort(key=lambda t: t.start)
    found = _repelled_objects(text, s, found)
    _failed_outcome(text, s, found)
    for t in found:
        head = text[max(s.start, t.start - 60):t.start]
        wish = None  # "хоче підійти ближче до X, інфільтруватись туди": an infinitive far from the wish it goes on
        if _INFINITIVE.search(t.text) and not lx.INTENT.search(head):
            far = _INTENT_WORD.search(text, max(s.start, t.start - 120), t.start)
            if far and not re.search(r"[.;:]", text[far.end():t.start]) and not any(
                    far.end() <= x.start < t.start and not _INFINITIVE.search(x.text) for x in found):
                wish = far.group(0)
        tail = text[t.end:min(s.end, t.end + 25)]
        rest = text[t.end:s.end]
        if t.voice == "held" and re.match(r"(?:remain|still|остается|остаётся|залишається|залишаються)", t.text, re.I):
            t.blocked = "standing"  # "which remains under Russian control": no change
        elif t.voice == "held" and _RELATIVE_BEFORE.search(head[-30:]):
            t.blocked = "standing"  # "the two largest cities, which are under Ukrainian control": a state described
        elif t.voice in ("held", "passive", "control") and lx.DURATION_AFTER.match(text, t.end, s.end):
            t.blocked = "standing"  # "controlled by Russian forces for months": no change
        elif t.action == "capture" and t.voice in ("passive", "active") and _attributive(text, s, t):
            t.blocked = "standing"  # "the occupied city of Izium", "у звільненому селі Гракове": a state, not an event
        elif t.action in ("contest", "advance") and t.voice == "active" and not lx.INTENT.search(head) and not wish and (
                lx.FAILED_ATTEMPT.search(head[-30:]) or t.failed and t.action == "contest"):
            t.action, t.voice = "repelled", "passive"  # "unsuccessfully attacked X", "безуспішно штурмували X"
        elif (lx.INTENT.search(head) or wish) and t.action != "repelled":
            attempt = bool(lx.ATTEMPT.search(head)) or bool(wish and re.match(r"(?:намага|пыта|стара)", wish, re.I))
            if attempt and (lx.FAILED_ATTEMPT.search(head + " " + rest) or t.failed):  # "безуспішно намагався просунутися в X"
                t.action, t.voice = "repelled", "passive"
            elif attempt and t.action in ("advance", "contest", "repelled") and not any(
                    x.action == "repelled" and x is not t for x in found):
                t.action, t.voice = "contest", "active"  # "намагаються прорватися через X", "tried to approach ... near X"
                t.force_near = True
                t.goal_blocked = True  # "trying to advance to the villages of X": X is a goal, no claim
            else:
                t.blocked = "intent"
        elif lx.NOT_FULLY.search(head[-40:] + t.text + " " + tail) and t.action == "capture":
            t.partial = True  # "не контролюють повністю": part of it, a contest
        elif lx.NEGATION.search(head[-25:]) and t.action != "repelled":
            t.blocked = "negated"
        elif (t.voice == "nominal" or re.search(r"(?<!\w)the\s+$", head)) and (lx.HYPOTHETICAL_AFTER.match(tail) or lx.HYPOTHETICAL_AFTER.match(
                _APPOSITIVE.sub(" ", rest[:160], count=1))):
            t.blocked = "hypothetical"  # "The loss of Toretsk would be another blow", "его взятие позволит"
        elif t.voice == "held" and (re.match(r"(?:coming|comes)\b", t.text, re.I) or re.search(
                r"(?:gradually|slowly|поступово|постепенно|потроху|понемногу)\s+$", head, re.I)):
            t.action = "advance"  # "is gradually coming under enemy control": not yet taken
        elif t.voice == "nominal" and t.action in ("capture", "advance") and (
                lx.CONTINUES.match(text, t.end, s.end) or _GOES_ON_BEFORE.search(head)):
            t.action, t.voice = "contest", "active"  # "Освобождение Гуляйполя продолжается": no outcome yet
        prev = [x for x in found if x.end <= t.start]
        if not t.blocked and prev and prev[-1].blocked == "intent" and (_INFINITIVE.search(t.text) or t.voice == "nominal") \
                and re.fullmatch(r"\s+(?:[\w'’-]+\s+){0,4}?(?:and|і|та|и|й)\s+", text[prev[-1].end:t.start]):
            t.blocked = "intent"  # "мають намір продовжити просування та зайняти висоти поблизу X"
        if not t.blocked and prev and prev[-1].blocked == "negated" and re.fullmatch(
                r"\s+(?:[\w'’-]+\s+){0,4}?(?:and|і|та|и|й|or|або|или|nor)\s+", text[prev[-1].end:t.start]):
            t.blocked = "negated"  # "did not enter X and hold it": the negation goes on
        if not t.blocked and t.action != "repelled" and _CANNOT_AND.search(head):
            t.blocked = "negated"  # "The Russians cannot go into the village and hold it"
        if t.action == "repelled" and _HOLD_DEFENCE.match(t.text) and _UNABLE.search(head[-45:]):
            t.blocked = "negated"  # "ВСУ не в состоянии долго держать оборону": no attack was repelled
        den = lx.DENIAL.search(text, s.start, t.start)
        if den and not re.search(r"(?<!\w)(?:but|and\s+said|saying|однако|но|але|проте|(?:and|і|та|и)\s+"
                                 r"(?:said|says|states|stated|reports|added|повідомля\w+|заяв\w+|сообща\w+|"
                                 r"наголош\w+|зазнача\w+|отмеча\w+|підкреслю\w+|подчеркива\w+))(?!\w)",
                                 text[den.end():t.start], re.I):
            t.blocked = "denied"
        elif _REPORT_SUBJECT.match(s.text) and lx.DENIAL.search(text, t.end, s.end):
            t.blocked = "denied"  # "Інформація про нібито просування ... не відповідає дійсності"
        elif _CLAIM_OF.search(text, max(s.start, t.start - 60), t.start) and (
                lx.DENIAL.search(text, t.end, s.end) or _PREMATURE.search(text, t.end, s.end)):
            t.blocked = "denied"  # "ISW's claim that X has been captured is inaccurate", "з заявами про захоплення
            #  міста противник явно поспішив"
    return found


#: a side word in an oblique case ("противника", "російських військ"): an object, not the subject
_OBLIQUE = re.compile(r"(?:их|ых|ого|ому|ої|ой|ника|ога|ага|нику|огу|агу|ів|ов|ам|ям|ами|ями)$", re.I)
#: past participles ("occupied", "освобождённом", "звільненому", "окупованих") and action nouns ("освобождением")
_PARTICIPLE = re.compile(r"(?:ed|en|(?:[еєё]н|ован|уван|ыван|иван)н?(?:ый|ий|ая|ое|ые|ых|ом|ой|ым|ую|ого|ому|ими|ыми|а|е|і|"
                         r"их|ій|им|у|ої|ою|ої|ого|ими)?)$")
_ACTION_NOUN_END = re.compile(r"(?:ни[еяюи]|нием|ниями|ниях|ння|нням|нню|нні)$")


#: an infinitive (Ukrainian, Russian): no event of its own unless a verb of wishing or trying, or "вдалося", governs it
_INFINITIVE = re.compile(r"(?:[аяиіуюоеє]ти(?:с[яь])?|[аяиуюое]ть(?:ся)?)$", re.I)
_INTENT_WORD = re.compile(r"(?<!\w)(?:намір\w*|хоч\w+|хоче|намага\w+|пыта\w+|стрем\w+|прагн\w+|планир\w+|планув\w+|"
                          r"намерен\w*|хотят|хотел\w*|стараю\w+|старает\w+)(?!\w)", re.I)
#: a contrast between two clauses ("проте", "but"), not "all but flattened"
_CONTRAST = re.compile(r"(?<!\ball\s)(?<!\banything\s)(?<!\bnothing\s)(?<![\w'’])(?:but|however|однако|но|але|проте|однак)"
                       r"(?![\w'’])", re.I)
#: holding the defence, and an inability before it
_HOLD_DEFENCE = re.compile(r"(?:трима\w+|держ\w+)\s+оборону", re.I)
_UNABLE = re.compile(r"(?<![\w'’])(?:не\s+в\s+состоянии|не\s+в\s+змозі|не\s+(?:мож|смож|змож|спромож)\w+|не\s+способн\w+|"
                     r"неспособн\w+|нездатн\w+|не\s+здатн\w+)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
#: an inability that governs a coordinated verb: "cannot go into the village and hold it"
_CANNOT_AND = re.compile(r"(?<![\w'’])(?:cannot|can['’]t|could\s+not|couldn['’]t|не\s+мож\w+|не\s+змо\w+|не\s+смо\w+|"
                         r"не\s+в\s+силах)\s+(?:[\w'’-]+\s+){1,7}?(?:and|і|та|и|й)\s+$", re.I)
_BUT = re.compile(r"(?<!\w)(?:but|yet|однако|но|але|проте|однак)(?!\w)", re.I)


def _failed_outcome(text: str, s: Sentence, found: list[Trigger]) -> None:
    """Attacks whose failure the same sentence goes on to tell: "attempted an assault near X and Y but were forced
    to retreat", "вели наступальні дії в районах X, Y, успіху не мали". The attack is marked ``failed`` (a
    repelled claim about the attacker); the retreat that tells the failure is no withdrawal of its own."""
    spans = [(s.start + m.start(), s.start + m.end()) for m in lx.FAILED_OUTCOME.finditer(s.text)]
    for r in found:  # "attempted to enter X on several occasions, but ... they were repelled"
        if r.action == "repelled" and r.voice == "passive" and _BUT.search(text, max(s.start, r.start - 80), r.start):
            spans.append((r.start, r.end))
    for r in found:  # "ВСУ контратаковали, наши отбились", "attacked near X, and Ukrainian troops repelled them"
        if r.action == "repelled" and r.voice == "active" and any(
                t.action == "contest" and t.voice == "active" and 0 <= r.start - t.end <= 40
                and _THEN_REPELLED.fullmatch(text, t.end, r.start) for t in found):
            spans.append((r.start, r.end))
    for at, end in sorted(spans):
        before = [t for t in found if t.end <= at]
        attacks = []
        for t in reversed(before):
            if t.action in ("capture", "advance", "withdraw") and not (t.voice == "active" and t.action == "advance"):
                break  # "captured X and attacked Y without success": the failure is the attack's
            if t.action in ("contest", "advance") and t.voice == "active" and not _DEFENSIVE.match(t.text):
                attacks.append(t)  # "проводять пошуково-ударні дії, відбивають атаки": the defender's operations
        if not attacks:
            continue
        for t in attacks:
            t.failed = True
        for t in found:
            if t.action in ("withdraw", "repelled") and at <= t.start < end:
                t.blocked = "failure"  # told as the attack's outcome: no claim of its own


#: a relative pronoun right before a state: "which are under Ukrainian control", "що перебувають під контролем"
_RELATIVE_BEFORE = re.compile(r"(?<![\w'’])(?:which|that|що|який|яка|яке|які|который|которая|которое|которые)\s+"
                              r"(?:(?:now|still|already|теперь|уже|вже)\s+)?$", re.I)
#: a name and the appositive after it, set off by commas: "Pokrovsk, called by Russian media "the gate", will"
_APPOSITIVE = re.compile(r"^\s*[\w'’-]+(?:\s+[\w'’-]+)?\s*,[^,.;]{1,80},")
#: "после (ожесточенных) боев", "після запеклих боїв", "after heavy fighting": fighting told as the way to an outcome
_AFTER_FIGHT = re.compile(r"(?<![\w'’])(?:после|після|after)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
#: operations a defender conducts (search-and-strike, counter-sabotage, clearing): no attack that can fail
_DEFENSIVE = re.compile(r"(?:search|counter-?sabotage|clearing|пошуково|поисково|контрдиверс|протидиверс)", re.I)
#: between an attack and the verb that repels it: a comma or "and", and at most two words (the defender)
_THEN_REPELLED = re.compile(r"\s*[,;–—-]?\s*(?:(?:и|і|та|й|а|но|але|проте|однако|and|but)\s+)?(?:[\w'’-]+\s+){0,2}",
                            re.I)


def _attributive(text: str, s: Sentence, t: Trigger) -> bool:
    """A participle used as an adjective: "the occupied city", "у звільненому селі", "оккупированных территорий"."""
    word = t.text.split()[-1].lower()
    if len(t.text.split()) > 1 or not _PARTICIPLE.search(word) or _ACTION_NOUN_END.search(word):
        return False
    if re.match(r"(?:was|were|is|are|been|has|have|had)\b", t.text, re.I):
        return False
    before = text[max(s.start, t.start - 25):t.start]
    return bool(lx.ATTRIBUTIVE_BEFORE.search(before)) and bool(lx.ATTRIBUTIVE_AFTER.match(text, t.end, s.end))


def _repelled_objects(text: str, s: Sentence, found: list[Trigger]) -> list[Trigger]:
    """An attack or advance that is the object of a repelled verb is that statement, not one of its own:
    "repelled 10 attacks against X", "зупинили просування російських загарбників", "attacks ... were repelled"."""
    rep = [t for t in found if t.action == "repelled"]
    if not rep:
        return found
    out = []
    for t in found:
        if t.action in ("contest", "advance") and t.voice in ("active", "nominal") and _ATTACK_OR_ADVANCE.match(t.text):
            governed = any(0 <= t.start - r.end <= 40 and not re.search(r"[;,.]", text[r.end:t.start])
                           for r in rep if r.voice != "passive")
            governed |= bool(re.search(r"(?<!\w)\d+\s+$", text[max(s.start, t.start - 6):t.start])) and any(
                r.end <= t.start for r in rep if r.voice != "passive")  # "відбили 4 атаки ..., на Лиманському – 5 атак"
            governed |= any(0 <= r.start - t.end <= 60 and r.voice == "passive" for r in rep)
            governed |= any(0 <= t.start - r.end <= 25 and r.voice == "passive" and re.fullmatch(
                r"\s*(?:[\d\w]+\s+){0,2}", text[r.end:t.start]) for r in rep)  # "Отражены (4) атаки в районах X"
            if governed:
                continue
        out.append(t)
    return out


def find_sides(text: str, s: Sentence, persp: str | None) -> list[tuple[int, int, str, bool]]:
    """(start, end, side, object-like) of every side named in the sentence."""
    out = []
    for k, m in s.side_cues:
        side = lx.SIDES[k][0]
        if True:
            a, b = s.start + m.start(), s.start + m.end()
            if s.claimant and s.claimant.start >= 0 and s.start + s.claimant.start <= a < s.start + s.claimant.end:
                continue
            if side == "ENEMY":
                side2 = other_side(persp) if persp else None
            elif side == "OUR" and re.match(r"(?:its|their|his)\b", m.group(0), re.I):
                country = None
                for c in _COUNTRY.finditer(s.text, 0, m.start()):
                    country = country_side(c.group(0))
                side2 = country or persp
            elif side == "OUR":
                side2 = persp
            else:
                side2 = side
            if side2:
                word = text[max(s.start, a - 30):a]
                out.append((a, b, side2, bool(_OBJECT_BEFORE.search(word))))
    out.sort()
    keep: list[tuple[int, int, str, bool]] = []
    for x in out:
        if keep and x[0] < keep[-1][1]:
            if x[1] - x[0] > keep[-1][1] - keep[-1][0]:
                keep[-1] = x
            continue
        keep.append(x)
    return keep


def side_for(text: str, t: Trigger, s: Sentence, sides, prev: Sentence | None, persp: str | None) -> None:
    """Set ``t.side`` and ``t.how``: whose action it is, and how that was read."""
    text = text
    flag = _FLAG.search(text, t.end, min(s.end, t.end + 80)) if _RAISED.match(t.text) else None
    if flag:  # "підняли над селищем український прапор": the flag says whose
        t.side, t.how = ("UA" if flag.group(1).lower().startswith(("укр", "ukr")) else "RU"), "agent"
        return
    in_trigger = [x for x in sides if t.start <= x[0] < t.end]
    after = [x for x in sides if x[0] >= t.end]
    before = [x for x in sides if x[1] <= t.start and ";" not in text[x[1]:t.start] and not x[3]]
    if t.voice == "held":
        adj = re.search(r"Russian|Ukrainian|российск|украинск|російськ|українськ|России|РФ|Украины|України|ЗСУ|ВСУ",
                        t.text, re.I)
        if adj:
            word = adj.group(0).lower()
            t.side, t.how = ("UA" if word.startswith(("ukr", "укр", "україн", "зсу", "всу")) else "RU"), "held"
            return
        if in_trigger:
            t.side, t.how = in_trigger[0][2], "held"
            return
        if after and after[0][0] - t.end < 40:
            t.side, t.how = after[0][2], "held"
            return
    adj = _SIDE_ADJ_BEFORE.search(text, max(s.start, t.start - 30), t.start)
    if adj:  # "confirmed Ukrainian advances in part of X", "российское продвижение у X": the adjective's side
        word = adj.group("adj").lower()
        side = ("UA" if word.startswith(("ukr", "укр", "укра")) else "RU" if word.startswith(("rus", "рос", "ро"))
                else other_side(persp) if persp else None)
        if side:
            t.side, t.how = side, "agent"
            return
    if t.voice in ("passive", "nominal", "held") and after and after[0][0] - t.end < 60 and not t.failed and (
            _AGENT.match(text[t.end:after[0][0]]) or _INSTRUMENTAL.match(text[after[0][0]:after[0][1]])
            or _FROM_SIDE.search(text[t.end:after[0][0]])
            or t.voice == "nominal" and after[0][0] - t.end < 40):
        side = after[0][2]
        if _FROM_SIDE.search(text[t.end:after[0][0]]):
            side = other_side(side)  # "звільнення Суджі від російських військових": freed from them
        agent = bool(re.search(r"\bby\b|силами", text[t.end:after[0][0]], re.I)) or (
            t.voice == "passive" and bool(_INSTRUMENTAL.match(text[after[0][0]:after[0][1]])))
        if t.action == "repelled" and agent:
            t.side, t.how = other_side(side), "attack"  # "були зупинені українськими захисниками": they defended
        elif t.action == "repelled":
            t.side, t.how = side, "attack"  # "отражены атаки ВСУ": the attacker
        else:
            t.side, t.how = side, "agent"
        return
    if t.action == "repelled" and t.failed and before:
        t.side, t.how = before[-1][2], "attack"  # "Russian forces ... attacked X but made no advances": the subject
        return
    if t.action == "repelled":
        attack = attack_side(text, t, s, sides, persp)
        if attack and t.voice == "active" and before and attack == before[-1][2]:
            attack = other_side(attack)  # "украинские войска отразили штурмовые действия противника": no side repels itself
        if attack:
            t.side, t.how = attack, "attack"
            return
    if before and t.action == "repelled" and t.voice == "passive":
        t.side, t.how = before[-1][2], "attack"  # "Russian forces attempted an assault, which failed"
        return
    if before and (t.voice in ("active", "held", "control", "nominal") or t.action == "withdraw"):
        side = before[-1][2]
        t.side, t.how = (other_side(side) if t.action == "repelled" else side), "subject"
        return
    pronoun = lx.PRONOUN_SUBJECT.search(text, s.start, t.start)
    neutral_voice = not s.claimant or s.claimant.start < 0 or s.claimant.status == "assessed"
    if t.voice in ("active", "control") and not before and after and after[0][0] - t.end < 25 and not after[0][3] and \
            _CYR.search(t.text) and not re.search(r"[,;:]", text[t.end:after[0][0]]) and \
            not _OBLIQUE.search(text[after[0][0]:after[0][1]].split()[0]):
        side = after[0][2]  # "куди зайшли російські війська", "просунулися українські підрозділи": verb, then subject
        t.side, t.how = (other_side(side) if t.action == "repelled" else side), "subject"
        return
    if t.action == "repelled" and t.voice == "passive" and persp and not [x for x in sides if not x[3]]:
        t.side, t.how = other_side(persp), "attack"  # "Three attacks were repelled", said the defender
        return
    if prev is not None and prev.subject and (pronoun or not [x for x in sides if not x[3]] and neutral_voice):
        side = prev.subject
        if t.action == "repelled" and t.voice == "passive":
            # "Russian troops attacked X. The attacks were repelled."; "Russian forces repelled four Ukrainian
            # attacks. «Attacks ... were repelled near X»": the attacker of the sentence before
            t.side, t.how = (prev.attacker or side), "carried"
        else:
            t.side, t.how = (other_side(side) if t.action == "repelled" else side), "carried"
        return
    if t.action in ("capture", "advance") and _LIBERATE.match(t.text):
        lang = "uk" if UKRAINIAN.search(s.text) else "ru" if _CYR.search(s.text) else "en"
        if lang in ("ru", "uk") and not persp:
            t.side, t.how = ("RU" if lang == "ru" else "UA"), "speaker"
            return
    if persp and t.action != "contest":
        t.side, t.how = (other_side(persp) if t.action == "repelled" else persp), "speaker"
        return
    t.side, t.how = None, ""


#: a side adjective right before an action noun: "Ukrainian advances", "российского продвижения", "ворожий наступ"
_SIDE_ADJ_BEFORE = re.compile(r"(?<![\w'’-])(?P<adj>Ukrainian|Russian|enemy|украинск\w+|российск\w+|українськ\w+|"
                              r"російськ\w+|вражеск\w+|ворож\w+)\s+(?:(?:new|further|recent|latest|successful|"
                              r"нов\w+|дальнейш\w+|подальш\w+|успешн\w+|успішн\w+)\s+)?$", re.I)


def attack_side(text: str, t: Trigger, s: Sentence, sides, persp: str | None) -> str | None:
    """The side whose attack failed: "Russian assaults", "атаки ВСУ", "enemy attacks", "the Ukrainian advance"."""
    lo, hi = max(s.start, t.start - 80), min(s.end, t.end + 120)
    for m in lx.ATTACK.finditer(text, lo, hi):
        adj = (m.group("adj") or "").lower()
        if adj:
            if adj.startswith(("ukr", "укр")):
                return "UA"
            if adj.startswith(("rus", "рос")):
                return "RU"
            if persp:
                return other_side(persp)
        near = [x for x in sides if m.end() <= x[0] <= m.end() + 60]
        if near and re.match(r"^[\s,]*(?:(?:of|by|from|\w+)[\s,]+){0,6}$", text[m.end():near[0][0]], re.I):
            return near[0][2]
    return None


#: "in the area of" before a participle of state: the place is where the sentence's action happened
_AREA_OF_STATE = re.compile(r"(?<!\w)(?:в\s+районе|в\s+районі|у\s+районі|в\s+окрестностях|на\s+околицах|"
                            r"в\s+околицях|около|возле|біля|поблизу|near|around|in\s+the\s+(?:area|vicinity)\s+of)\s+"
                            r"(?:(?:ранее|раніше|previously|recently|earlier|недавно|нещодавно|уже|вже|already|the)\s+)*$", re.I)
#: a flag raised ("підняли", "подняли", "raised", "hoisted"), and whose it is
_RAISED = re.compile(r"(?:підня|подня|raised|hoisted)", re.I)
_FLAG = re.compile(r"(?<![\w'’])(українськ\w+|украинск\w+|Ukrainian|російськ\w+|российск\w+|Russian)\s+(?:державн\w+\s+|"
                   r"государственн\w+\s+|national\s+)?(?:прапор\w*|флаг\w*|flags?)(?![\w'’])", re.I)
#: a success told as won in battles: "успіхи в боях", "successes in fighting"
_SUCCESS_IN = re.compile(r"(?<![\w'’])(?:успіх\w*|успех\w*|successe?s?|gains)\s+(?:в|у|во|in)\s+$", re.I)
#: a copula between a name and the state that follows it: "X remains contested", "X is still contested"
_COPULA = re.compile(r"\s+(?:(?:remains?|remained|is|are|was|were|stays?|stayed|still|now|being|been|has|have|had|"
                     r"остается|остаётся|залишається|лишається)\s+)+", re.I)


def _object_of(text: str, t: Trigger, m: Mention) -> bool:
    """Whether a name after a noun of action is still its object: not when a verb of consequence comes between
    ("Освобождение Звановки позволило осложнить положение гарнизона в Северске", "the capture of X opened the
    way to Y"): the noun is that verb's subject, and the names after the verb are its business."""
    return not _CONSEQUENCE.search(text, t.end, m.start)


#: verbs whose subject is an event and whose object is another: "позволило", "приближает", "opened the way"
_CONSEQUENCE = re.compile(r"(?<![\w'’])(?:позвол\w+|приближа\w+|приблизи\w+|осложни\w+|осложня\w+|облегчи\w+|облегча\w+|"
                          r"обеспечи\w+|открыл\w*|открывает|открыло|созда\w+|привел\w*|привело|приведет|приведёт|"
                          r"дозволи\w+|дозволя\w+|наближа\w+|наблизи\w+|ускладни\w+|ускладню\w+|полегши\w+|"
                          r"забезпечи\w+|відкри\w+|відкрива\w+|створи\w+|призве\w+|"
                          r"allow(?:s|ed)?|enabl(?:es|ed)|open(?:s|ed)\s+the\s+way|paved?\s+the\s+way|brings?|brought|"
                          r"complicat(?:es|ed)|threaten(?:s|ed)|put(?:s)?\s+(?:\w+\s+)?(?:pressure|at\s+risk))(?![\w'’])", re.I)


def attach(text: str, s: Sentence, mentions: list[Mention], triggers: list[Trigger]) -> dict[int, Trigger]:
    """mention start -> the trigger that governs it."""
    text = text
    out: dict[int, Trigger] = {}
    live = [t for t in triggers if t.blocked != "standing"]
    for m in mentions:
        if m.how == "topic":
            out[m.start] = next(t for t in live if t.start == m.start)
            continue
        state = [t for t in triggers if t.end <= m.start]
        if state and state[-1].blocked == "standing" and m.start - state[-1].end < 40 and not re.search(
                r"[,;:]", text[state[-1].end:m.start]) and not (_AREA_OF_STATE.search(
                text, max(s.start, state[-1].start - 40), state[-1].start) and [
                t for t in live if t.end <= state[-1].start]):  # "занятии позиций в районе ранее освобожденного
            #  села X": new positions near X, taken after it
            out[m.start] = state[-1]  # "опираясь на ранее освобождённые населённые пункты Волчье и Гай": a state
            continue
        after = [t for t in live if t.start >= m.end and ";" not in text[m.end:t.start]]
        before = [t for t in live if t.end <= m.start]
        while len(before) > 1 and before[-1].blocked == "intent":
            before.pop()  # "попытки противника прорвать оборону ... провалились": the failure governs
        if after and after[0].voice in ("passive", "held") and after[0].start - m.end < 80:
            gap = re.sub(r"\([^()]*\)", " ", text[m.end:after[0].start])
            for other in mentions:
                if m.end <= other.start and other.end <= after[0].start:
                    gap = gap.replace(other.text, "")
            if _PASSIVE_LINK.match(gap):
                out[m.start] = after[0]
                continue
        if after and after[0].action == "contest" and _COPULA.fullmatch(text, m.end, after[0].start):
            out[m.start] = after[0]  # "..., Kurakhove remains contested": the name is the subject of the state
            continue
        if after and after[0].start - m.end < 60 and _RELATIVE.match(text[m.end:after[0].start]):
            out[m.start] = after[0]  # "Андріївкою, яку українські війська опанували"
            continue
        if before and _CLAUSE_BREAK.search(text, before[-1].end, m.start):
            before = []  # "..., made hours after Putin visited commanders in Kursk": another clause
        if before and before[-1].voice == "nominal" and not _object_of(text, before[-1], m):
            before = []  # "Освобождение Звановки позволило осложнить положение гарнизона в Северске": the noun's
            #  object is Звановка, not the names after the verb it is the subject of
        if before and (";" not in text[before[-1].end:m.start] or not [
                t for t in after if ";" not in text[m.start:t.start]]):
            out[m.start] = before[-1]
        elif after and after[0].start - m.end < 150 and not re.search(r"[;:]", text[m.end:after[0].start]) and not (
                after[0].action != "repelled" and _CONTRAST.search(text, m.end, after[0].start)) and not (
                after[0].voice == "nominal" and not re.fullmatch(r"['’]s\s+(?:[\w-]+\s+)?", text[m.end:after[0].start])
                and any(0 <= x.start - after[0].end < 60 for x in mentions)):
            out[m.start] = after[0]  # but "established lines in Berdychi after the fall of X": a noun of action
            #  with a name of its own after it governs that one, not those before (unless "X's fall")
    return out
