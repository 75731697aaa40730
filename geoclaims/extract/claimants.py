"""Who makes a claim, which side they speak for, and how much their word is worth.

:func:`find_claimant` names the claimant of a sentence: a known source (ISW, DeepState, the Russian
Defence Ministry, the Ukrainian General Staff, commanders, officials, military bloggers) or whoever
"said", "reported", "заявил", "повідомив" it, with the side they speak for and their default status.

Status conventions (the claims format's): ``assessed`` for ISW, DeepState and geolocated footage
(independent evidence); ``claimed`` for a party's statement, including officials and military bloggers
(Rybar, "Russian milbloggers"); ``unverified`` for rumour: unattributed reports ("стало известно",
"reportedly"), and any claim the passage says could not be verified (:data:`~geoclaims.extract.lexicon.HEDGE`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

__all__ = ["Claimant", "find_claimant", "carry_claimant", "KNOWN", "ATTRIBUTION"]


@dataclass(frozen=True, slots=True)
class Claimant:
    """A claimant named in the text."""

    name: str
    side: str            # UA | RU | neutral
    status: str          # default status of their claims
    start: int = -1      # where in the sentence (-1: not in it)
    end: int = -1
    explicit: bool = True  # named with a verb of saying ("said", "заявил") rather than only mentioned


def _k(pattern: str) -> re.Pattern:
    from geoclaims.extract.lexicon import w

    return w(pattern)


# (pattern, name, side, status): general knowledge of who speaks in this war, not of any one report
KNOWN: list[tuple[re.Pattern, str, str, str]] = [
    (_k(r"ISW|Institute\s+for\s+the\s+Study\s+of\s+War|Институт\w*\s+(?:по\s+)?изучени\w+\s+войны|"
        r"Інститут\w*\s+(?:з\s+)?вивчення\s+війни"), "ISW", "neutral", "assessed"),
    (_k(r"Deep\s?State(?:Map|UA)?|ДипСтейт|ДіпСтейт|Дип\s?Стейт|Діп\s?Стейт"), "DeepState", "UA", "assessed"),
    (_k(r"geolocat\w+\s+(?:footage|video|imagery|images|photos?)|(?:footage|video|imagery)\s+geolocated|"
        r"геолокац\w+"), "geolocated footage", "neutral", "assessed"),
    (_k(r"(?:the\s+)?Russian\s+(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e)|Russia(?:'s|’s)\s+"
        r"(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e)|Ministry\s+of\s+Defen[cs]e\s+of\s+Russia|Russian\s+MoD|"
        r"Минобороны(?:\s+(?:России|РФ))?|МО\s+РФ|Министерств\w+\s+обороны\s+(?:России|РФ|Российской\s+Федерации)|"
        r"Міноборони\s+(?:Росії|РФ)|Міністерств\w+\s+оборони\s+(?:Росії|РФ)|Konashenkov|Конашенков\w*"),
     "Russian MoD", "RU", "claimed"),
    (_k(r"(?:the\s+)?Russian\s+Volunteer\s+Corps|РДК|RDK|Российск\w+\s+добровольческ\w+\s+корпус\w*|"
        r"Російськ\w+\s+добровольч\w+\s+корпус\w*"), "Russian Volunteer Corps", "UA", "claimed"),
    (_k(r"(?:the\s+)?Freedom\s+of\s+Russia\s+Legion|Леги?о\w*\s+[«\"“]?Свобод[аи]\s+России[»\"”]?|"
        r"Легіон\w*\s+[«\"“]?Свобод[аи]\s+Росії[»\"”]?"), "Freedom of Russia Legion", "UA", "claimed"),
    (_k(r"(?:the\s+)?Russian\s+General\s+Staff|Russia(?:'s|’s)\s+General\s+Staff|General\s+Staff\s+of\s+(?:the\s+)?Russian|"
        r"Генштаб\w*\s+(?:ВС\s+)?(?:РФ|России|Росії|Вооруженных\s+сил\s+(?:РФ|России))|Генеральн\w+\s+штаб\w*\s+(?:ВС\s+)?"
        r"(?:РФ|России|Росії|Вооруженных\s+сил\s+(?:РФ|России)|Збройних\s+сил\s+РФ)"),
     "Russian General Staff", "RU", "claimed"),
    (_k(r"(?:Ukraine(?:'s|’s)\s+)?General\s+Staff(?:\s+of\s+(?:Ukraine(?:'s|’s)?|the\s+(?:Ukrainian\s+)?Armed\s+Forces"
        r"(?:\s+of\s+Ukraine)?))?|Генштаб\w*(?:\s+(?:ЗСУ|ВСУ))?|Генеральн\w+\s+штаб\w*(?:\s+(?:ЗСУ|ВСУ|Збройних\s+сил))?"),
     "Ukrainian General Staff", "UA", "claimed"),
    (_k(r"(?:the\s+)?Ukrainian\s+(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e)|Міноборони\s+України|"
        r"Минобороны\s+Украины"), "Ukrainian MoD", "UA", "claimed"),
    (_k(r"(?:Moscow|the\s+Kremlin|Russia|Москва|Кремль)\s+(?:said|says|claimed|claims|reported|announced|alleged|"
        r"заявил\w*|сообщил\w*|заявила|сообщила)"), "Russian government", "RU", "claimed"),
    (_k(r"(?:Kyiv|Ukraine|Київ|Киев)\s+(?:said|says|claimed|claims|reported|announced|alleged|заяви\w*|повідоми\w*)"),
     "Ukrainian government", "UA", "claimed"),
    (_k(r"Сил\w*\s+оборони\s+(?:[Пп]івдня|[Пп]івночі|[Сс]ходу|[Пп]івдні)|Сил\w*\s+обороны\s+(?:[Юю]га|[Сс]евера|"
        r"[Вв]остока)|(?:Southern|Northern)\s+Defen[cs]e\s+Forces|Defen[cs]e\s+Forces\s+of\s+the\s+South|"
        r"Joint\s+Press\s+Cent(?:re|er)|Оперативн\w+\s+командуванн\w+\s+[«\"]?(?:Південь|Північ|Схід|Захід)[»\"]?|"
        r"ОК\s+[«\"]?(?:Південь|Північ|Схід|Захід)[»\"]?"), "Ukrainian Southern/Northern Defence Forces", "UA",
     "claimed"),
    (_k(r"ОСУВ\s+[«\"]?\w+[»\"]?|оперативно-стратегічн\w+\s+угрупуванн?\w+\s+(?:військ\s+)?[«\"]?\w+[»\"]?|"
        r"Хортиц\w+|Khortyts\w+|Tavria|Таврі\w+|ОТУ\s+[«\"]?\w+[»\"]?|(?:the\s+)?\d+(?:st|nd|rd|th)\s+"
        r"(?:Separate\s+)?(?:Mechani[sz]ed|Assault|Marine|Airborne|Tank)\s+Brigade|"
        r"Ukraine(?:'s|’s)\s+(?:army|military)|Ukrainian\s+(?:officials|military\s+officials|authorities|command)"),
     "Ukrainian military", "UA", "claimed"),
    (_k(r"(?:у|в)\s+повідомленн?\w*\s+(?:окупантів|росіян|ворога|російськ\w+\s+\w+)|в\s+сообщени\w+\s+"
        r"(?:оккупантов|россиян|российск\w+\s+\w+)|Russian\s+(?:officials|authorities|command)|российск\w+\s+(?:командовани\w+|власт\w+)"),
     "Russian officials", "RU", "claimed"),
    (_k(r"Zelensk[yi]y?|Зеленск\w+|Зеленськ\w+"), "Volodymyr Zelensky", "UA", "claimed"),
    (_k(r"Syrsk[yi]i?|Сырск\w+|Сирськ\w+"), "Oleksandr Syrskyi", "UA", "claimed"),
    (_k(r"Zaluzhn[yi]i?|Залужн\w+"), "Valerii Zaluzhnyi", "UA", "claimed"),
    (_k(r"Maliar|Маляр"), "Hanna Maliar", "UA", "claimed"),
    (_k(r"Shtupun|Штупун\w*"), "Oleksandr Shtupun", "UA", "claimed"),
    (_k(r"Cherevat[yi]i?|Череват\w+"), "Serhii Cherevatyi", "UA", "claimed"),
    (_k(r"Voloshyn|Voloshin|Волошин\w*"), "Nazar Voloshyn", "UA", "claimed"),
    (_k(r"Trehubov|Трегубов\w*"), "Viktor Trehubov", "UA", "claimed"),
    (_k(r"Lykhov[yi]i?|Lyhovyi|Лихов\w+|Лиховой"), "Dmytro Lykhovyi", "UA", "claimed"),
    (_k(r"Kovalov|Ковальов\w*"), "Andrii Kovalov", "UA", "claimed"),
    (_k(r"Haidai|Gaidai|Гайда[йяюем]\w*"), "Serhiy Haidai", "UA", "claimed"),
    (_k(r"Budanov|Буданов\w*"), "Kyrylo Budanov", "UA", "claimed"),
    (_k(r"Syniehubov|Sinegubov|Синєгубов\w*|Синегубов\w*"), "Oleh Syniehubov", "UA", "claimed"),
    (_k(r"Tarnavsk[yi]i?|Тарнавськ\w+|Тарнавск\w+"), "Oleksandr Tarnavskyi", "UA", "claimed"),
    (_k(r"Butusov|Бутусов\w*"), "Yuriy Butusov", "UA", "claimed"),
    (_k(r"Pohorilyi|Погоріл\w+|Погорел\w+"), "DeepState", "UA", "assessed"),
    (_k(r"Mashovets|Машовец\w*|Машовець\w*"), "Kostyantyn Mashovets", "UA", "claimed"),
    (_k(r"Semenukha|Семенух\w+"), "Roman Semenukha", "UA", "claimed"),
    (_k(r"Yermak|Єрмак\w*|Ермак\w*"), "Andriy Yermak", "UA", "claimed"),
    (_k(r"Shoigu|Шойгу"), "Sergei Shoigu", "RU", "claimed"),
    (_k(r"Belousov|Белоусов\w*"), "Andrei Belousov", "RU", "claimed"),
    (_k(r"Gerasimov|Герасимов\w*"), "Valery Gerasimov", "RU", "claimed"),
    (_k(r"Putin|Путин\w*|Путін\w*"), "Vladimir Putin", "RU", "claimed"),
    (_k(r"Peskov|Песков\w*"), "Dmitry Peskov", "RU", "claimed"),
    (_k(r"Prigozhin|Пригожин\w*"), "Yevgeny Prigozhin", "RU", "claimed"),
    (_k(r"Kadyrov|Кадыров\w*|Кадиров\w*"), "Ramzan Kadyrov", "RU", "claimed"),
    (_k(r"Alaudinov|Алаудинов\w*"), "Apti Alaudinov", "RU", "claimed"),
    (_k(r"Pushilin|Пушилин\w*|Пушилін\w*"), "Denis Pushilin", "RU", "claimed"),
    (_k(r"Pasechnik|Пасечник\w*"), "Leonid Pasechnik", "RU", "claimed"),
    (_k(r"Surovikin|Суровикин\w*"), "Sergei Surovikin", "RU", "claimed"),
    (_k(r"Saldo|Сальдо"), "Vladimir Saldo", "RU", "claimed"),
    (_k(r"Balitsk[yi]i?|Балицк\w+"), "Yevgeny Balitsky", "RU", "claimed"),
    (_k(r"Rogov|Рогов\w*"), "Vladimir Rogov", "RU", "claimed"),
    (_k(r"Gladkov|Гладков\w*"), "Vyacheslav Gladkov", "RU", "claimed"),
    (_k(r"Khinshtein|Хинштейн\w*"), "Alexander Khinshtein", "RU", "claimed"),
    (_k(r"Podolyak?a|Подоляк[аи]"), "Yuri Podolyaka", "RU", "claimed"),
    (_k(r"Rybar|Rebar|Рыбар\w*|Рибар\w*"), "Rybar", "RU", "claimed"),
    (_k(r"Kotenok|Котен[ок]\w*"), "Yuri Kotenok", "RU", "claimed"),
    (_k(r"Rozhin|Colonelcassad|Рожин\w*"), "Boris Rozhin", "RU", "claimed"),
    (_k(r"Poddubn[yi]y?|Поддубн\w+"), "Yevgeny Poddubny", "RU", "claimed"),
    (_k(r"(?:Russian\s+)?(?:pro-war\s+|pro-Kremlin\s+)?(?:milbloggers?|military\s+bloggers?)|"
        r"(?:pro-war|pro-Kremlin|Russian)\s+Telegram\s+channels?|Russian\s+military\s+channels|"
        r"военкор\w*|воєнкор\w*|Z-канал\w*|Z-блогер\w*|мілблогер\w*|милблогер\w*|"
        r"российск\w+\s+(?:телеграм|Telegram)-?канал\w*|російськ\w+\s+(?:телеграм|Telegram)-?канал\w*"),
     "Russian milbloggers", "RU", "claimed"),
    (_k(r"Kyiv\s+Independent|Ukrainska\s+Pravda|Українськ\w+\s+правд\w+|Ukrinform|Укрінформ\w*|Укринформ\w*"),
     "Ukrainian media", "UA", "claimed"),
    (_k(r"TASS|ТАСС|RIA(?:\s+Novosti)?|РИА(?:\s+Новости)?|Interfax|Интерфакс"), "Russian state media", "RU", "claimed"),
]
for _rx, _n, _s, _st in KNOWN:
    assert _st in ("assessed", "claimed", "unverified") and _s in ("UA", "RU", "neutral"), _n

from geoclaims.extract.lexicon import Scanner  # noqa: E402

_KNOWN_SCAN = Scanner([rx for rx, *_ in KNOWN])

#: verbs and phrases of saying
ATTRIBUTION = re.compile(
    r"(?<!\w)(?:according\s+to|said|says|say|reported|reports|report|claimed|claims|alleged|alleges|stated|"
    r"announced|assessed|assesses|confirmed|added|noted|told|wrote|writes|indicated|shows?|showed|"
    r"по\s+данным|согласно|по\s+словам|по\s+информации|заявил[аио]?|сообщил[аио]?|сообщает|сообщают\s+в|утверждает|"
    r"доложил\w*|подтвердил\w*|отметил\w*|рассказал\w*|пишет|передает|говорится|"
    r"за\s+даними|за\s+словами|за\s+інформацією|повідомил[аио]?|повідомля\w+|заявив|заявила|заявили|стверджує|"
    r"розповів|розповіла|сказав|сказала|зазначив|зазначила|підтвердив|підтвердила|доповів|йдеться)(?!\w)", re.I)

_ROLE_UA = re.compile(r"Ukrain|украинск|українськ|ЗСУ|ВСУ|Сил\w*\s+оборон|ОВА|ОДА|обласн\w+\s+(?:військов|державн)|"
                      r"Генштаб|Хортиц|Таврі|Таври|ОТУ|ОСУВ|ОТГ|бригад|spokes\w+\s+for\s+the\s+\w+\s+(?:brigade|group)|"
                      r"Khortytsia|Tavria|Kharkiv\s+(?:governor|region\w*\s+(?:governor|head))|deputy\s+governor|"
                      r"народн\w+\s+депутат|депутат\w*\s+Верховн|Верховн\w+\s+Рад", re.I)
_ROLE_RU = re.compile(r"Russian|российск|російськ|ДНР|ЛНР|DPR|LPR|DNR|LNR|Wagner|Вагнер|Kremlin|Кремл|"
                      r"(?:Moscow|Russian)-(?:installed|appointed)|оккупац|окупаційн|военно-гражданск|"
                      r"губернатор\w*\s+(?:Курск|Белгород|Брянск)|Kursk\s+(?:governor|region)|глава\s+(?:ДНР|ЛНР|Чечни)|"
                      r"Chechen", re.I)
_NAME = r"(?P<who>[A-ZА-ЯЁІЇЄҐ][\w.&'’-]*(?:\s+(?:of\s+|de\s+)?[A-ZА-ЯЁІЇЄҐ][\w.&'’-]*){0,3})"
_GENERIC = [
    re.compile(r"(?<!\w)(?:according\s+to|по\s+словам|по\s+данным|за\s+словами|за\s+даними|цитує|передает)\s+"
               r"(?:(?:the\s+)?[a-zа-яіїєґ][\w-]*\s+){0,4}" + _NAME),
    re.compile(_NAME + r",?\s+(?:(?:a|the)\s+[\w\s,-]{0,60}?,\s+)?(?:said|says|reported|claimed|alleged|"
               r"stated|announced|wrote|told|added|noted|confirmed|заявил[аи]?|сообщил[аи]?|отметил[аи]?|"
               r"рассказал[аи]?|доложил[аи]?|написал[аи]?|повідомив|повідомила|заявив|заявила|розповів|розповіла|"
               r"сказав|сказала|зазначив|зазначила|доповів)(?!\w)"),
    re.compile(r"(?<!\w)(?:said|told|reported|announced|wrote|claimed|stated|noted|added|states|заявил[аи]?|сообщил[аи]?|отметил[аи]?|рассказал[аи]?|"
               r"доложил[аи]?|написал[аи]?|повідомив|повідомила|повідомили|заявив|заявила|розповів|розповіла|"
               r"сказав|сказала|зазначив|зазначила|доповів|написав|написала)\s+"
               r"(?:(?:[a-zа-яіїєґ«»\"][\w«»\"'’.-]*|[A-ZА-ЯІЇЄҐ]{2,}\w*)\s+){0,8}?" + _NAME),
]
_NOT_A_NAME = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                         r"May|June|July|August|September|October|November|December|"
                         r"The|This|That|It|He|She|They|We|In|On|At|According|Earlier|Об|Про|Это|Це|Как|Як|"
                         r"Он|Она|Они|Він|Вона|Вони|Мы|Ми|"
                         r"Ранее|Раніше|Также|Також|По|За|В|У|На|Russia|Ukraine|Kyiv|Moscow|Россия|Украина|Україна|"
                         r"Росія|Reuters|AP|AFP)$")


def _clean_name(who: str) -> str:
    who = who.strip(" .,")
    words = who.split()
    # "Deputy Defense Minister Hanna Maliar": keep the last two capitalised words as the person
    if len(words) > 2:
        words = words[-2:]
    return " ".join(words)


def find_claimant(sentence: str) -> Claimant | None:
    """The claimant a sentence names, or None.

    Examples
    --------
    >>> find_claimant("Russian forces captured Berdin, the Russian Defence Ministry said.").name
    'Russian MoD'
    >>> c = find_claimant("Про це повідомив голова Луганської ОВА Сергій Гайдай.")
    >>> (c.name, c.side)
    ('Serhiy Haidai', 'UA')

    Returns
    -------
    Claimant or None
    """
    hit = next(_KNOWN_SCAN.finditer(sentence), None)
    said = ATTRIBUTION.search(sentence)
    if hit is not None:
        k, m = hit
        _, name, side, status = KNOWN[k]
        return Claimant(name, side, status, m.start(), m.end(), bool(said))
    if said is None:
        return None
    for rx in _GENERIC:
        m = rx.search(sentence)
        if not m:
            continue
        who = _clean_name(m.group("who"))
        first = who.split()[0] if who else ""
        if not who or _NOT_A_NAME.match(first):
            continue
        from geoclaims.extract.lexicon import SIDES

        if any(rx2.match(who) for _, rx2 in SIDES) or re.search(
                r"канал|channel|telegram|телеграм", who, re.I):
            continue
        lo = max(0, m.start("who") - 80)
        cut = max(sentence.rfind(ch, lo, m.start("who")) for ch in ",.;:")
        window = sentence[max(lo, cut + 1):m.end() + 40]
        tight = sentence[max(lo, cut + 1):m.end()]  # "X, a Russian-installed official, confirmed Ukrainian advances"
        ua, ru = bool(_ROLE_UA.search(tight)), bool(_ROLE_RU.search(tight))
        if ua == ru:
            ua, ru = bool(_ROLE_UA.search(window)), bool(_ROLE_RU.search(window))
        side = "UA" if ua and not ru else "RU" if ru and not ua else "neutral"
        return Claimant(who, side, "claimed", m.start("who"), m.end("who"), True)
    return None


#: a sentence that goes on with what the paragraph before reported: a quote, "It added", "По его словам"
_CONTINUES = re.compile(r"^\s*(?:[\"“«„'‘]|(?-i:[a-zа-яіїєґ])|(?:It|He|She|They|The\s+(?:ministry|agency|report|statement))\s+"
                        r"(?:added|said|noted|reported|also)|(?:По\s+(?:его|ее|её|их)\s+словам|За\s+(?:його|її|їхніми)\s+"
                        r"словами|Также|Також|Кроме\s+того|Крім\s+того|Он|Она|Он\s+добавил|Він|Вона)\b)", re.I)
_ATTRIBUTION_ONLY = re.compile(r"^\s*(?:Об\s+этом|Про\s+це|Это|This\s+was|That\s+was|It\s+was\s+(?:reported|announced)|"
                               r"The\s+information\s+was|Как\s+сообщ|Як\s+повідом|Такі\s+дані|Такие\s+данные)", re.I)


def _para_start(text: str, pos: int) -> int:
    k = text.rfind("\n\n", 0, pos)
    return 0 if k < 0 else k + 2


def carry_claimant(text: str, sents: list, k: int) -> None:
    """A sentence that names no claimant takes the next sentence's ("Об этом сообщил X") or the last one's."""
    s = sents[k]
    if s.claimant is not None:
        return
    for later in sents[k + 1:k + 4]:  # '"... We have entered X," Syniehubov said.'
        if later.paragraph != s.paragraph:
            break
        if later.claimant is not None and later.claimant.start >= 0 and re.search(
                r"[\"”»]", text[s.start:later.start + later.claimant.start]) and re.match(
                r"^\s*[\"“«„]", s.text if s.text.lstrip()[:1] in "\"“«„" else text[_para_start(text, s.start):s.start]):
            s.claimant = replace(later.claimant, start=-1, end=-1)
            return
    nxt = sents[k + 1] if k + 1 < len(sents) else None
    if nxt and nxt.claimant and nxt.paragraph == s.paragraph and (
            _ATTRIBUTION_ONLY.match(nxt.text) or not nxt.mentions and ATTRIBUTION.search(nxt.text)):
        s.claimant = replace(nxt.claimant, start=-1, end=-1)
        return
    for prev in reversed(sents[max(0, k - 3):k]):
        if prev.paragraph != s.paragraph and not _CONTINUES.match(s.text):
            return
        if prev.claimant is not None:
            s.claimant = replace(prev.claimant, start=-1, end=-1, explicit=False)
            return
