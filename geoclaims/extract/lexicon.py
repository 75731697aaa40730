"""The words extraction reads, in English, Russian and Ukrainian: sides, actions, attacks, negations,
hedges, anaphors ("the village", "населенный пункт") and the words that make a name a district.

Everything here is a compiled pattern or a small table; the rules that use them live in
:mod:`geoclaims.extract.reader`. Patterns match whole words (``(?<!\\w)``/``(?!\\w)``, so Cyrillic
works too) and are case-insensitive unless they name a proper noun.
"""

from __future__ import annotations

import re

from geoclaims.extract.scanner import Scanner, w

__all__ = ["SIDES", "SIDE_SCAN", "TRIGGER_SCAN", "Scanner", "TRIGGERS", "ATTACK", "NEGATION", "INTENT", "DENIAL", "HEDGE", "ANAPHOR", "REGION_AFTER",
           "SLOT_BEFORE", "PRONOUN_SUBJECT", "MODAL_HEDGE", "PARTIAL", "w"]


# -- sides --------------------------------------------------------------------------------------------------
# (side, pattern); side 'ENEMY' is the opponent of whoever speaks, 'OUR' the speaker's own side
#: unit nouns a side word can govern through up to three words ("Ukraine's 110th Mechanized Brigade",
#: "Russian occupying forces", "российские штурмовые подразделения")
_UNIT_EN = (r"(?:forces|troops|army|units?|soldiers|military|defenders|fighters|brigades?|battalions?|regiments?|"
            r"corps|divisions?|marines|paratroopers|servicemen|infantry|assault\s+groups?|groups?)")
#: one to three words that are no verb of saying, side or conjunction
_BETWEEN = (r"(?:(?!(?:Russia|Ukrain|Moscow|Kyiv|said|says|told|report|claim|and|but|or|that|which|who|the|a|an|"
            r"has|have|had|is|are|was|were)\b)[\w-]+\s+){1,3}?")
_UA = (
    r"(?:Ukrainian|Ukraine(?:'s|’s))\s+" + _BETWEEN + _UNIT_EN + r"|украинц\w*|українц\w*|"
    r"(?:украинск|українськ)\w+\s+(?:\w+\s+){1,2}?(?:групп?\w*|подразделени\w*|підрозділ\w*|військ\w*|войск\w*|"
    r"бригад\w*|штурмовик\w*|десантник\w*|захисник\w*|бійц\w*|бойц\w*|армі[яїюй]|арми[яиюей])|"
    r"Ukrainian\s+(?:forces|troops|army|units?|soldiers|military|defenders|fighters|brigades?|marines|paratroopers|"
    r"assault\s+groups?|armed\s+forces|operators|infantry|special\s+forces|servicemen|defen[cs]e\s+forces)|"
    r"Ukraine(?:'s|’s)?\s+(?:forces|army|troops|military|armed\s+forces|defen[cs]e\s+forces)|Ukrainians|"
    r"(?:the\s+)?Ukrainian\s+side|(?:the\s+)?Ukrainian\s+army|"
    r"(?:Ukraine|Kyiv)(?:'s|’s)\s+(?:\w+\s+)?(?:incursion|offensive|counteroffensive|operation|advance|attack|assault)|"
    r"Kyiv(?:'s|’s)?\s+(?:forces|troops|army|military)|(?:the\s+)?(?:AFU|ZSU)|(?:the\s+)?Armed\s+Forces\s+of\s+Ukraine|"
    r"(?:the\s+)?Defen[cs]e\s+Forces(?:\s+of\s+Ukraine)?|Kalinouski\s+regiment|"
    r"украинск\w+\s+(?:войск\w*|сил\w*|военн\w*|подразделени\w*|бойц\w*|формировани\w*|армии|армия|солдат\w*|"
    r"десантник\w*|морпех\w*|боевик\w*)|ВСУ|ВС\s+Украины|ВФУ|Вооруж[её]нн\w+\s+сил\w*\s+Украины|"
    r"Сил\w*\s+обороны(?:\s+Украины)?|киевск\w+\s+(?:войск\w*|режим\w*|формировани\w*)|"
    r"українськ\w+\s+(?:військ\w*|сил\w*|військов\w*|захисник\w*|бійц\w*|бійці|підрозділ\w*|воїн\w*|десантник\w*|"
    r"армі\w*|солдат\w*|морпіх\w*)|ЗСУ|Збройн\w+\s+[Сс]ил\w*(?!\s+(?:рф|Росії|России))(?:\s+України)?|Сил\w*\s+оборони(?:\s+України)?|"
    # Russian formations that fight for Ukraine
    r"(?:the\s+)?Russian\s+Volunteer\s+Corps|(?:the\s+)?Freedom\s+of\s+Russia\s+Legion|РДК|RDK|"
    r"Российск\w+\s+добровольческ\w+\s+корпус\w*|Російськ\w+\s+добровольч\w+\s+корпус\w*|"
    r"Леги?о\w*\s+[«\"“]?Свобод[аи]\s+Росс?и[иї][»\"”]?|Легіон\w*\s+[«\"“]?Свобод[аи]\s+Росії[»\"”]?|"
    r"Сил\w*\s+безпеки\s+(?:і|та)\s+оборони|ГУР|Головн\w+\s+управлінн\w+\s+розвідки"
)
_RU = (
    r"(?:Russian|Russia(?:'s|’s))\s+" + _BETWEEN + _UNIT_EN + r"|россиян\w*|"
    r"(?:российск|російськ)\w+\s+(?:\w+\s+){1,2}?(?:групп?\w*|подразделени\w*|підрозділ\w*|військ\w*|войск\w*|"
    r"бригад\w*|штурмовик\w*|десантник\w*|окупант\w*|загарбник\w*|бойц\w*|армі[яїюй]|арми[яиюей])|"
    r"Russian\s+(?:forces|troops|army|units?|soldiers|military|assault\s+(?:groups?|infantry|units)|paratroopers|"
    r"marines|fighters|brigades?|armed\s+forces|servicemen|infantry|sabotage\s+groups?)|"
    r"Russia(?:'s|’s)?\s+(?:forces|army|troops|military|armed\s+forces)|Russians|Putin(?:'s|’s)\s+(?:forces|troops|army)|"
    r"(?:the\s+)?Russian\s+side|(?:the\s+)?Russian\s+army|"
    r"(?:Russia|Moscow)(?:'s|’s)\s+(?:\w+\s+)?(?:incursion|offensive|counteroffensive|operation|advance|attack|assault)|"
    r"Moscow(?:'s|’s)?\s+(?:forces|troops|army)|North\s+Korean\s+(?:soldiers|troops|forces|units)|"
    r"(?:the\s+)?Wagner(?:\s+(?:group|fighters|mercenaries|forces|PMC))?|(?:the\s+)?occupiers|"
    r"(?:units\s+of\s+)?(?:the\s+)?(?:battle\s*group|group(?:ing)?(?:\s+of\s+forces)?)\s+[\"“«‘']?(?:North|Sever|Center|Centre|"
    r"East|Vostok|West|Zapad|South|Yug|Dnepr|Dnipro)\b[\"”»’']?|"
    r"(?:units\s+of\s+)?(?:the\s+)?[\"“«‘']?(?:North|Sever|Center|Centre|Vostok|Zapad|Yug|Dnepr)[\"”»’']?\s+"
    r"(?:battle\s*)?group(?:ing)?(?:\s+of\s+forces)?|"
    r"российск\w+\s+(?:войск\w*|сил\w*|военн\w*|подразделени\w*|бойц\w*|армии|армия|солдат\w*|штурмовик\w*|"
    r"десантник\w*|морпех\w*)|ВС\s+РФ|ВС\s+России|армия\s+России|армии\s+России|российская\s+армия|"
    r"войск\w*\s+РФ|арми\w+\s+РФ|военн\w+\s+РФ|российск\w+\s+сторон\w+|"
    r"Вооруж[её]нн\w+\s+сил\w*\s+(?:России|РФ|Российской\s+Федерации)|военн\w+\s+России|войск\w*\s+России|"
    r"(?:подразделени\w+|бойц\w+|войск\w*|штурмов\w+\s+отряд\w*)\s+группировки\s+(?:войск\s+)?[«\"“]?\w+[»\"”]?|"
    r"группировк\w+\s+(?:войск\s+)?[«\"“][А-Я]\w+[»\"”]|"
    r"(?:бойц\w+|подразделени\w+|штурмовик\w+|военнослужащ\w+)\s+[«\"“]?(?:Севера|Центра|Востока|Запада|Юга|Днепра)[»\"”]?|"
    r"союзн\w+\s+(?:войск\w*|сил\w*)|(?:Народн\w+\s+)?милици\w+\s+(?:ЛНР|ДНР|республики)|"
    r"сил\w*\s+(?:России|РФ)(?:\s+и\s+(?:ЛНР|ДНР))?|ЧВК\s+[«\"“]?Вагнер[»\"”]?|вагнеровц\w*|оккупант\w*|рашист\w*|"
    r"російськ\w+\s+(?:військ\w*|сил\w*|окупант\w*|військов\w*|загарбник\w*|армі\w*|солдат\w*|штурмовик\w*|"
    r"окупаційн\w+\s+арм\w+|підрозділ\w*)|окупант\w*|окупаці\w+\s+військ\w*|росіян\w*|армі\w+\s+РФ|ЗС\s+РФ|"
    r"військ\w*\s+РФ|військов\w+\s+РФ|сил\w*\s+РФ|рашист\w*|орк\w*|загарбник\w*|Збройн\w+\s+сил\w*\s+(?:рф|Росії)"
)
_ENEMY = r"(?:the\s+)?enemy|the\s+adversary|противник\w*|враг\w*|ворог\w*|вражеск\w+|ворож\w+"
_OUR = (r"our\s+(?:forces|troops|units|defenders|soldiers|fighters|military|army)|(?:his|its|their)\s+(?:forces|troops)|"
        # "наши отбились", "наші звільнили": the bare pronoun as the subject of a past or present verb
        r"наши(?=\s+(?:(?:уже|также|тоже|снова|сначала|затем|успешно|практически)\s+)?[а-яё]+(?:ли|лись|ют|ут|ят|ат)(?![\w-]))|"
        r"наші(?=\s+(?:(?:вже|також|знову|спочатку|успішно|практично)\s+)?[а-яіїєґ']+(?:ли|лися|ють|уть|ять|ать)(?![\w-]))|"
        r"наш\w*\s+(?:войск\w*|подразделени\w*|бойц\w*|военн\w*|защитник\w*|сил\w*)|"
        r"наш\w*\s+(?:військ\w*|підрозділ\w*|бійц\w*|бійці|захисник\w*|військов\w*|воїн\w*|сил\w*)")
SIDES: list[tuple[str, re.Pattern]] = [
    ("UA", w(_UA)),
    ("RU", w(_RU)),
    ("ENEMY", w(_ENEMY)),
    ("OUR", w(_OUR)),
    # a country or capital as an actor: only right before a verb-like word, so "in Ukraine" is no side
    ("UA", w(r"(?:Ukraine|Kyiv|Украина|Киев|Україна|Київ)(?=\s+(?:has|had|have|is|was|also|still|"
                      r"now|said|says|claims?|claimed|controls?|controlled|holds?|held|captured|took|retook|"
                      r"liberated|seized|advanced|withdrew|recaptured|regained|lost|контролиру\w+|контролю\w+|"
                      r"взял\w*|взяла|звільнил\w*|захопил\w*|потерял\w*|втратил\w*))", flags=0)),
    ("RU", w(r"(?:Russia|Moscow|Россия|Москва|Росія|Москва|РФ)(?=\s+(?:has|had|have|is|was|also|still|"
                      r"зайнял\w*|заняла|занял\w*|захопил\w*|окупувал\w*|атаку\w+|атаку[єю]|наступа\w+|"
                      r"now|said|says|claims?|claimed|controls?|controlled|holds?|held|captured|took|retook|"
                      r"liberated|seized|advanced|withdrew|recaptured|regained|lost|контролиру\w+|контролю\w+|"
                      r"взял\w*|взяла|захватил\w*|потерял\w*|втратил\w*))", flags=0)),
]
#: "They advanced", "Они вошли", "Вони просунулися": the subject carried from the previous sentence
PRONOUN_SUBJECT = w(r"they|the\s+troops|the\s+(?:units|forces|soldiers)|these\s+(?:forces|units|troops)|они|вони|"
                    r"частина\s+з\s+них|часть\s+из\s+них", re.I)

# -- actions ------------------------------------------------------------------------------------------------
# (action, voice, pattern): voice 'active' takes its subject before it, 'passive' its patient before it and
# its agent after ("by Russian forces", "российскими военными"), 'nominal' an agent after or the
# speaker's side, 'held' ("under Russian control") the side named with it.
_BE = r"(?:was|were|has\s+been|have\s+been|had\s+been|is|are|being|been)\s+(?:\w+ly\s+)?"
TRIGGERS: list[tuple[str, str, re.Pattern]] = [
    # repelled: longest phrases first, before the advance they negate
    ("repelled", "active", w(r"не\s+да(?:ють|ют|ли|вали|ет|є)\s+(?:противнику|врагу|ворогу|окупантам|им|їм)?\s*"
                             r"(?:продвинуться|просунутися|прорватися|прорваться|закрепиться|закріпитися)|"
                             r"не\s+дозволя\w+\s+(?:\w+\s+){0,2}(?:прорватися|просунутися)|"
                             r"трима\w+\s+оборону|держ\w+\s+оборону|"
                             r"did\s+not\s+allow\s+(?:\w+\s+){0,3}(?:to\s+)?(?:advance|break\s+through)")),
    ("repelled", "passive", w(r"failure\s+of\s+(?:the|their|its)\s+(?:\w+\s+)?(?:offensive|attack|assault)|"
                              r"провал\w*\s+(?:наступлени\w+|наступу|атак\w*|штурм\w*)|" + _BE + r"(?:repelled|repulsed|halted|stopped|thwarted|foiled|fended\s+off|beaten\s+back|"
                              r"pushed\s+back)|(?:отражен\w*|отбит\w*|сорван\w*|остановлен\w*|пресечен\w*|"
                              r"відбит\w*|зупинен\w*|зірван\w*|припинен[іо]|пресечен[ыо])|провалил\w+|failed|were\s+unsuccessful|"
                              r"не\s+увенчал\w+\s+успехом|невдал\w+|безуспешн\w+|unsuccessful")),
    ("repelled", "active", w(r"стримал\w*|сдержал\w*|held\s+back|"
                             r"зупинил\w*\s+(?=(?:\w+\s+){0,2}(?:наступ|просуван|атак|штурм|ворог|противник|окупант))|"
                             r"остановил\w*\s+(?=(?:\w+\s+){0,2}(?:наступлени|продвижени|атак|штурм|враг|противник))|"
                             r"repel(?:led|ling|s)?|repuls(?:ed|ing|es)|fend(?:ed|ing)?\s+off|fought\s+off|"
                             r"beat(?:ing)?\s+back|halt(?:ed|ing)|stopp(?:ed|ing)|thwart(?:ed|ing)|foil(?:ed|ing)|"
                             r"отразил\w*|отбил\w*|отбива\w+|сорвал\w*|остановил\w*|пресекл\w*|купировал\w*|"
                             r"отражени\w+|відбил\w*|відбива\w+|відбиття|зупинил\w*|зірвал\w*|відкинул\w*|"
                             r"відбив|зупинив|зірвав|відкинув|"
                             r"отбросил\w*|отража(?:ют|ет|ли|ла|л)|"
                             r"отражают(?=\s)")),
    # withdrawals
    ("withdraw", "active", w(r"withdr[ae]w|withdrawn|withdrawing|retreat(?:ed|ing|s)?|pulled\s+(?:back|out)|"
                             r"moved\s+away(?=\s+from)|отвел[аи]?|отвели|відвел[аи]?|відвів|"
                             r"moved\s+out(?=\s+of)|"
                             r"abandon(?:ed|ing)|left|leave|evacuated|pull(?:ing)?\s+(?:back|out)|(?:recogni[sz]ed|admitted|confirmed)\s+the\s+loss\s+of|"
                             r"lost(?:\s+control\s+of)?|fell\s+back|gave\s+up|ceded|отступ(?:ил|ают|ает|ать|ят|ит|или|ила)\w*|"
                             r"отойти|отходят|отходит|утратил\w*|утрат\w+\s+контрол\w+|потеря\w+\s+контрол\w+|"
                             r"відступ(?:ил|ають|ає|ати|лять)\w*|відходять|втрати\w*\s+контрол\w+|отош[её]л|отошл\w+|вышл\w+\s+из|вывел\w*|покинул\w*|"
                             r"оставил\w*|оставить|потерял\w*|отход\w*|відступил\w*|відійшл\w*|відійти|вийшл\w+\s+з|"
                             r"вивел\w*|залишил\w*|покинул\w*|втратил\w*|відходять|перегрупп?ир\w+|перегрупув\w+|"
                             r"відступив|залишив|покинув|втратив|вивів|"
                             r"no\s+longer\s+(?:control|hold)s?")),
    ("withdraw", "passive", w(_BE + r"(?:pulled\s+back|withdrawn|evacuated|forced\s+to\s+(?:withdraw|retreat|leave))|"
                              r"выведен\w*|отведен\w*|эвакуирован\w*|виведен\w*|відведен\w*")),
    ("withdraw", "nominal", w(r"withdrawal|retreat|pullout|pull-out|the\s+loss\s+of|отступлени\w+|отход\w*|отвод\w*|"
                              r"вывод\w*\s+(?:войск|подразделений)|вихід\w*|відхід\w*|відведенн\w+|виведенн\w+")),
    # captures
    ("capture", "passive", w(_BE + r"(?:captured|seized|taken(?!\s+part)|liberated|occupied|recaptured|retaken|"
                             r"cleared|overrun|freed)|fell|"
                             r"(?:полностью\s+)?(?:освобожд[её]нн?(?:ый|ая|ое|ые|ых|ом|ой|ым|ую|ого|ому|ыми|а|о|ы)?(?!\w)|взят[аоы]?|"
                             r"захвачен(?!и[еяюи]|ием)\w*|занят[аоы]?|зачищен(?!и[еяюи]|ием)\w*)|"
                             r"(?:повністю\s+)?(?:звільнен(?!ня|ням|ню|ні)\w*|звільнено|захоплен(?!ня|ням|ню|ні)\w*|окупован\w*|"
                             r"зачищен(?!ня|ням|ню|ні)\w*|взято)|"
                             r"перешл?\w*\s+в\s+руки|перейшл?\w*\s+(?:до\s+)?(?:в\s+)?рук\w*")),
    ("capture", "held", w(r"потрапи\w+\s+під\s+контроль|потрапля\w+\s+під\s+контроль|попа\w+\s+под\s+контроль|"
                          r"(?:fell|fallen|falls)\s+under\s+(?:the\s+)?(?:\w+\s+){0,2}control|"
                          r"(?:is|are|was|were|now|firmly|remains?)\s+in\s+(?:Russian|Ukrainian|enemy|Kyiv['’]s|Moscow['’]s)\s+"
                          r"hands|(?:в|у)\s+руках\s+(?:ВСУ|ЗСУ|россиян|росіян|российск\w+\s+\w+|російськ\w+\s+\w+|"
                          r"украинск\w+\s+\w+|українськ\w+\s+\w+|противника|ворога)|"
                          r"(?:came|come|comes|coming|returned|passed)\s+under\s+(?:[\w'’]+\s+){0,2}control|"
                          r"(?:is|are|remains?|now|firmly)\s+under\s+(?:[\w'’]+\s+){0,2}control|under\s+the\s+control\s+of|"
                          r"(?:are|is)\s+(?:now\s+)?(?:controlled|held)\s+by|controlled\s+by|контролиру\w+ся|"
                          r"контролю\w+ся|установлен\w*\s+(?:полный\s+)?контроль|встановлен\w*\s+(?:повний\s+)?контроль|"
                          r"под\s+(?:\w+\s+){0,2}контроль\s+(?:вернул\w*|перешл\w*|переш[её]л\w*)|"
                          r"під\s+(?:\w+\s+){0,2}контроль\s+(?:поверну\w*|перейшл\w*|поверта\w+)|"
                          r"поверта\w+\s+під\s+(?:\w+\s+){0,2}контроль|"
                          r"(?:remains?|remained|still)\s+under\s+(?:[\w'’]+\s+){0,2}control|"
                          r"(?:остается|остаётся|залишається|залишаються)\s+(?:\w+\s+){0,2}(?:под|під)\s+(?:\w+\s+){0,2}контролем|"
                          r"перош[её]л\w*\s+под\s+(?:\w+\s+){0,2}контроль|переш[её]л\w*\s+под\s+(?:\w+\s+){0,2}контроль|"
                          r"перешл\w+\s+под\s+(?:\w+\s+){0,2}контроль|вернул\w*\s+под\s+(?:\w+\s+){0,2}контроль|"
                          r"(?:находится|находятся|остается|остаются|теперь|полностью)\s+(?:\w+\s+){0,2}под\s+(?:\w+\s+){0,2}контролем|"
                          r"перейшл?\w*\s+під\s+(?:\w+\s+){0,2}контроль|поверну\w+\s+під\s+(?:\w+\s+){0,2}контроль|"
                          r"(?:перебува\w+|знаход\w+|залишається|тепер|повністю)\s+(?:\w+\s+){0,2}під\s+(?:\w+\s+){0,2}контролем")),
    ("capture", "control", w(r"controls?|controlling|holds|hold|контролиру(?:ют|ет|ем)|контролю(?:ють|є|ємо)|"
                             r"удержива(?:ют|ет)|утриму(?:ють|є)")),
    ("capture", "active", w(r"відновил\w*\s+контроль|восстановил\w*\s+контроль|(?:regained|restored|re-established)\s+"
                            r"control|"
                            r"captur(?:ed|ing|es?)|seiz(?:ed|ing|es?)|grabbed|"
                            r"t(?:ook|aken|aking)\s+(?:full\s+|complete\s+)?(?:control\s+(?:of|over)|over)|"
                            r"establish(?:ed|ing)?\s+[“\"]?(?:full\s+|complete\s+)?control[”\"]?\s+(?:of|over)|"
                            r"t(?:ook|aken)(?!\s+(?:part|advantage|place|positions?|up|to|by|a|an|the\s+(?:decision|lead)))|"
                            r"occup(?:ied|ying)(?!\s+(?:new\s+)?(?:areas|positions|parts?))|liberat(?:ed|ing|es?)|"
                            r"retook|retaken|recaptur(?:ed|ing|es?)|regain(?:ed|ing)|cleared|overran|overrun|took\s+back|"
                            r"деокупува\w+|деокупован\w*|"
                            r"(?:drove|driven|drive|forced|pushed|knocked|expelled|ousted)\s+(?:\w+\s+){0,4}?out\s+of|"
                            r"(?:drove|pushed|knocked|kicked|forced)\s+out\s+(?:\w+\s+){0,4}?from|"
                            r"expelled|flushed\s+out|"
                            r"захопити|захватить|взять|взяти|освободить|звільнити|занять|зайняти|оволодіти|овладеть|"
                            r"освободил\w*|освободив(?:ш\w+)?|звільнивши|захопивши|овладев|взявши|"
                            r"взял\w*(?:\s+под\s+(?:свой\s+)?контроль)?|захватил\w*|занял\w*|овладел\w*|"
                            r"зачистил\w*|установил\w*\s+(?:полный\s+)?контроль|вернул\w*\s+под\s+контроль|"
                            r"вытеснил\w*|выбил\w*|выбив(?:ши)?|вытеснив(?:ши)?|вибивши|витіснивши|"
                            r"звільнил\w*|захопил\w*|окупувал\w*|опанувал\w*|зайнял\w*|"
                            # the Ukrainian masculine past ("ворог окупував", "захопив", "звільнив"): -в, not -ли
                            r"звільнив|захопив|окупував|опанував|зайняв|витіснив|вибив|взяв(?=\s+(?:під\s+)?(?:свій\s+)?контроль)|"
                            r"взял\w*\s+під\s+(?:свій\s+)?контроль|повернул\w*\s+під\s+контроль|повернул\w*|"
                            r"встановил\w*\s+(?:повний\s+)?контроль|витіснил\w*|вибил\w*|"
                            r"завершил\w*\s+(?:\"|«)?пошук\s+і\s+знищення|завершено\s+(?:\"|«)?пошук\s+і\s+знищення|"
                            r"завершил\w*\s+(?:\"|«)?зачистк\w+|взято\s+(?:під\s+)?контроль|взято\s+контроль|"
                            # a flag raised over a place: "підняли над селищем український прапор", "raised the flag over X"
                            r"підняли(?=\s+(?:[\w'’-]+\s+){0,4}?прапор)|підняв(?=\s+(?:[\w'’-]+\s+){0,4}?прапор)|"
                            r"подняли(?=\s+(?:[\w'’-]+\s+){0,4}?флаг)|поднял(?=\s+(?:[\w'’-]+\s+){0,4}?флаг)|"
                            r"(?:raised|hoisted)(?=\s+(?:[\w'’-]+\s+){0,3}?flags?\s+(?:over|in|above))")),
    ("capture", "nominal", w(r"падінн[яюі]|падени[еяю]|(?:зачистк[уиае]|зачищенн\w+)(?=\s+(?:(?:центр\w*|окраин\w*|околиц\w*|частин\w*|"
                             r"част[иь]|район\w*)\s+)?(?:сел|населен|населён|поселк|посёлк|міст|город|селищ|"
                             r"[A-ZА-ЯЁІЇЄ]))|capture\s+of|seizure\s+of|liberation\s+of|occupation\s+of|takeover\s+of|fall\s+of|"
                             r"освобождени\w+|взяти[еияю]|захват[еау]?|овладени\w+|звільненн\w+|захопленн\w+|взятт[яюі]|оволодінн\w+|"
                             r"установлени\w+\s+(?:полного\s+)?контрол\w+|встановленн\w+\s+(?:повного\s+)?контрол\w+|"
                             r"окупаці[юїя]\s+(?=[A-ZА-ЯІЇЄ]|сел|міст|населен)|оккупаци[юи]\s+(?=[A-ZА-ЯЁ]|сел|город|населен)")),
    # advances
    ("advance", "active", w(r"advanc(?:ed|ing|es)|advance\s+(?:on|into|in)|"
                            r"(?:made|mak(?:e|es|ing))\s+(?:(?!no\b|not\b|little\b|few\b)\w+\s+){0,2}?(?:gains|advances|"
                            r"advancements|progress|headway)|"
                            r"gain(?:ed|ing)\s+ground|push(?:ed|ing)\s+(?:forward|into|deeper|through)|"
                            r"entered|enter(?:ing|s)?(?=\s+(?:the\s+)?(?:city|town|village|settlement|[A-Z]))|"
                            r"broke\s+(?:into|through)|broken\s+(?:into|through)|moved(?!\s+out)(?:\s+(?:into|in|to))?|"
                            r"reached|penetrat(?:ed|ing)|infiltrat(?:ed|ing)|operating|occupy\s+new|break(?:ing)?\s+through|"
                            r"gain(?:ed|ing)\s+(?:a\s+)?[\"“”'‘]?foothold|established\s+(?:a\s+)?[\"“”'‘]?foothold|approach(?:ed|ing)?|"
                            r"вышл\w+\s+(?:к|на)|вийшл\w+\s+(?:до|на)|подош\w+|подошл\w+|підійшл\w+|зайнял\w+\s+позици\w+|"
                            r"прорват\w+|прорвать|пробит\w+|пробиться|прорыв\w*|прорив\w*|"
                            r"продвинул\w+|продвигаются|продвигались|вошл\w+|вош[её]л|зашл\w+|зайти|войти(?=\s+(?:в|во)\s)|"
                            r"ворвал\w+|врывают\w+|увірвал\w+|вдерл\w+|burst\s+into|stormed\s+into|"
                            r"(?:smashed|fought|forced|pushed|battled|made|bulldozed)\s+(?:their|its|his)\s+way\s+into|"
                            # presence: "300 Russian soldiers were in Pokrovsk", "подразделения уже находятся в городе"
                            r"(?:(?<=soldiers\s)|(?<=troops\s)|(?<=forces\s)|(?<=units\s))(?:were|are)\s+(?:already\s+|now\s+)?"
                            r"(?:inside|in)(?=\s+(?:the\s+)?(?:city|town|village|[A-Z]))|"
                            r"(?:(?<=подразделения\s)|(?<=войска\s)|(?<=военные\s)|(?<=бойцы\s)|(?<=штурмовики\s))"
                            r"(?:уже\s+)?наход(?:ятся|ились)\s+(?:в|во)(?=\s)|"
                            r"(?:(?<=підрозділи\s)|(?<=війська\s)|(?<=військові\s)|(?<=бійці\s)|(?<=штурмовики\s))"
                            r"(?:вже\s+)?перебува(?:ють|ли)\s+(?:в|у)(?=\s)|"
                            r"вклинил\w+|прорвал\w*|достигл\w*|имел\w*\s+успех|закрепил\w+|наступа\w+\s+в|"
                            r"отброшен\w*|просунул\w+|просунув\w*|просунут\w+|продвинут\w+|продвинулся|просува\w+|увійшл\w+|увійти|зайшл\w+|"
                            r"вклинил\w+|прорвал\w*|просочил\w+|закріпил\w+|дійшл\w+|"
                            r"заход\w+\s+(?:частини|підрозділи|війська)|заш[её]л|зашли|вош[её]л|вошли|зайшов|увійшов|"
                            r"просоч\w+|просачива\w+|проник\w+|проника\w+|cross(?:ed|ing)|перетнул\w*|форсувал\w*|"
                            r"пересекл\w*|форсировал\w*|подход(?:ят|ит|или|ил|ила)|підход(?:ять|ить|или|ив|ила)|"
                            r"переход\w+\s+в\s+руки|переходить\s+(?:до\s+)?рук|progress(?:ed|ing)|"
                            r"заход(?:ят|ит|или|ил|ила|ять|ить)(?=\s+(?:на|в|у)\s)|"
                            r"інфільтру\w+|инфильтр\w+|обійти|обійшл\w+|обходять|обойти|обошл\w+|обходят|"
                            r"outflank(?:ed|ing)?|bypass(?:ed|ing)|incursions?\s+into|raid(?:ed)?\s+(?:into|on)|"
                            r"вторгл\w+|вторглись|вторжени\w+\s+в|"
                            r"расширил\w*\s+(?:\w+\s+)?зон\w+\s+контрол\w+|розширил\w*\s+(?:\w+\s+)?зон\w+\s+контрол\w+|"
                            r"(?:expanded|widened|extended)\s+(?:their|its|the)\s+(?:zone|area)\s+of\s+control")),
    ("advance", "active", w(r"to\s+advance(?=\s+(?:on|into|in|near|toward|towards|to|around|west|east|north|south|"
                            r"further|deeper|closer))|to\s+(?:push|break)\s+(?:forward|into|through)")),
    ("contest", "active", w(r"активн\w+\s+(?:бойов\w+\s+|наступальн\w+\s+|штурмов\w+\s+)?ді[їйя]\w*|"
                            r"активн\w+\s+(?:боев\w+\s+|наступательн\w+\s+|штурмов\w+\s+)?действи\w+")),
    ("contest", "active", w(r"to\s+(?:attack|storm|assault)(?=\s+(?:the\s+)?(?:[A-Z]|positions|city|town|village|"
                            r"settlement|near|in|on|toward|towards))")),
    ("advance", "active", w(r"улучши\w*\s+(?:свое\s+|своё\s+|свои\s+)?(?:тактическое\s+)?(?:положение|позиции)(?=\s+(?:"
                            r"на\s+территори|в\s+район|у\s+|возле|около|под|вблизи|на\s+подступах|[A-ZА-ЯЁ]|"
                            r"(?:с|со|в|на)\s+(?:[\w-]+\s+){0,3}?част\w+|(?:на|в)\s+(?:север|юг|запад|восток|окраин)))|покращи\w*\s+(?:своє\s+)?(?:тактичне\s+)?"
                            r"(?:становище|положення)(?=\s+(?:на\s+територі|в\s+район|у\s+район|біля|поблизу|неподалік|[A-ZА-ЯІЇЄ]))")),
    ("advance", "nominal", w(r"расширени\w+\s+зон\w+\s+контрол\w+|розширенн\w+\s+зон\w+\s+контрол\w+|"
                             r"advancements?|advances?\s+of|успіх\w*|успех\w*|продвижени\w+|просуванн\w+|"
                             # "о занятии российскими военными новых позиций в районе X": new positions taken near X
                             r"заняти[еияю]\w*(?=\s+(?:[\w-]+\s+){0,3}?позици)|зайнятт\w+(?=\s+(?:[\w-]+\s+){0,3}?позиці)")),
    # fighting with no outcome: contested
    ("contest", "active", w(r"fighting|fights|clashes|battles?|combat|contested|disputed|grey\s+zone|gray\s+zone|бій|"
                            r"(?:сложн\w+|напряженн\w+|напряжённ\w+|тяжел\w+|тяжёл\w+|складн\w+|напружен\w+|важк\w+)\s+"
                            r"(?:\w+\s+)?(?:обстановк\w+|ситуаци\w+|ситуаці\w+)|"
                            r"(?:difficult|tense|critical)\s+situation|"
                            # "оборона Мар’їнки триває", "the defence of X continues": fighting, no outcome
                            r"оборон[аи](?=\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+\s+(?:трива|продовжу|продолжа|ид[её]т))|"
                            r"defen[cs]e\s+of(?=\s+[A-Z][\w'’-]+\s+continu)|"
                            r"(?:continu\w+|conduct\w+|carr(?:y|ied|ying)\s+out)\s+(?:\w+\s+)?operations(?=\s+(?:to|in|near|"
                            r"around|against|on))|"
                            r"(?:search[-\s]and[-\s](?:strike|destroy)|counter-?sabotage|clearing)\s+(?:operations|measures|actions)|"
                            r"пошуково-ударн\w+\s+(?:ді\w+|заход\w+)|(?:контр|проти)диверсійн\w+\s+(?:(?:та|і)\s+[\w-]+\s+)?"
                            r"(?:заход\w+|ді\w+)|"
                            r"поисково-ударн\w+\s+действи\w+|контрдиверсионн\w+\s+(?:мер\w+|действи\w+)|"
                            r"(?:attacks?|assaults?|intensification\s+of\s+attacks|offensive\s+operations?|ground\s+attacks?)"
                            r"\s+(?:in|on|against|near|around|toward|towards|in\s+the\s+direction\s+of)|"
                            r"attack(?:ed|s)|counterattack(?:ed|ing|s)?|engagements?|firefights?|skirmish(?:es)?|"
                            r"атаковал\w*|штурмовал\w*|атакувал\w*|штурмувал\w*|контратаку\w+|контратакова\w+|"
                            r"атакував|штурмував|"
                            # an attempt told as a noun: "зробив спробу наступу", "предприняли попытку наступления"
                            r"(?:спроб\w*|попыт\w*)\s+(?:наступ\w*|прорив\w*|прорыв\w*|штурм\w*|атак\w*)|"
                            r"боев\w+\s+действи\w+|бойов\w+\s+ді(?:ї|й|ях)|боестолкновени\w+|тиснуть|давят|"
                            r"атак\w*\s+(?:у|в)\s+район\w*|атак\w*\s+(?:біля|поблизу|около|возле|под|під)|"
                            r"атак\w*\s+(?:в\s+направлении|у\s+напрямку|в\s+напрямку)|"
                            r"штурмов\w+\s+(?:ді(?:ї|й|ях)|действи\w+)|наступальн\w+\s+ді(?:ї|й|ях)|наступательн\w+\s+действи\w+|"
                            r"атак\w*\s+на|штурм\w*\s+(?:на|позиц)|"
                            r"attacking|storm(?:ed|ing)|assault(?:ed|ing)|pressed\s+(?:their|its)\s+attack|"
                            r"бо[ийя]|боях|бо[её]в|боїв|боестолкновени\w+|сражени\w+|штурму\w+|атаку\w+|сер(?:ой|ая|ую)\s+зон\w+|"
                            r"бо[їяю]|боях|боєзіткненн\w+|штурму\w+|атаку\w+|сір(?:ій|а|у)\s+зон\w+|"
                            r"стримува\w+|сдержива\w+|тримають\s+позиції|держат\s+позиции|ведуть\s+бої|ведут\s+бой|"
                            r"штурмовать|штурмувати|атаковать|атакувати|штурмуют|штурмують|атакуют|атакують|"
                            r"боротьб\w+\s+(?:з|за|із)|борьб\w+\s+(?:с|за)|(?:under|під|под)\s+(?:\w+\s+)?(?:attack|assault|"
                            r"атакою|атакой|штурмом)|(?:offensive|assault|ground)\s+(?:operations|actions)|"
                            r"боєзіткнен\w*|боестолкновен\w*|зіткнен\w*|столкновени\w*|"
                            r"оборонн\w+\s+(?:операці\w+|ді[їйя]\w*|бо[їяю]\w*|действи\w+)|"
                            r"defensive\s+(?:operations|battles)|обороняют\w*|обороняють\w*")),
]

#: attacks whose failure or fighting is claimed: "Russian assaults", "атаки ВСУ", "штурмові дії окупантів"
ATTACK = w(r"(?P<adj>Russian|Ukrainian|enemy|украинск\w+|российск\w+|вражеск\w+|ворож\w+|російськ\w+|українськ\w+)?\s*"
           r"(?:ground\s+|armou?red\s+)?(?:assaults?|attacks?|offensives?|advances?|counteroffensive|counterattacks?|"
           r"counter-attacks?|attempts?|атак\w*|контратак\w*|штурм\w*|наступлени\w*|наступ\w*|попыт\w+|спроб\w+|"
           r"контрнаступ\w*)")

# -- modality -----------------------------------------------------------------------------------------------
#: right before a trigger: it did not happen
NEGATION = re.compile(r"(?<![\w'’])(?:(?:not|n[o']t|never|no|cannot|can['’]t|не|ни|ні|нет|немає|without|без)\s+"
                      r"(?!(?:припиня|прекраща|перестава|полиша|оставля|stop|cease)\w*\s)(?:\w+\s+){0,2}|"
                      r"(?:prevent|stop|keep|bar)(?:s|ed|ing|ped|ping)?\s+(?:\w+\s+){0,2}from\s+)$", re.I)
#: "не контролюють повністю", "not fully": a part is held, so the place is contested, not negated
NOT_FULLY = re.compile(r"(?<![\w'’])(?:not|не)\s+(?:\w+\s+){0,2}(?:fully|completely|entirely|entire|повністю|"
                       r"полностью|целиком|цілком|всю|всей|весь|усю|всю\s+територ\w+)(?![\w'’])", re.I)
#: right before a trigger: it is only intended, feared or possible
INTENT = re.compile(r"(?<![\w'’])(?:try|tries|tried|trying|attempt(?:s|ed|ing)?|seek(?:s|ing)?|sought|aim(?:s|ed|ing)?|"
                    r"plan(?:s|ned|ning)?|intend(?:s|ed)?|want(?:s|ed)?|hop(?:e|es|ed|ing)|would|will|could|"
                    r"look(?:s|ing)?\s+to|prepar(?:e|es|ed|ing)|ability|capacity|able|threat(?:en(?:s|ed)?)?|order(?:s|ed)?|"
                    r"пыта\w+|попыт\w*|попытаться|намерен\w*|планир\w+|хотят|хотел\w*|стрем\w+|"
                    r"готов\w+|намага\w+|спроб\w*|старают\w*|старается|стараються|старається|старал\w+ся|старал\\w+сь|планув?\w+|хоч\w+|прагн\w+|має\s+намір|з\s+метою|"
                    r"с\s+целью|чтобы|щоб|угроз\w+|должн\w+|обязан\w*|нужно|надо|необходимо|треба|повинн\w+|"
                    r"мусить|мусять|must|should|need(?:s|ed)?\s+to|для\s+(?:дальнейш\w+|подальш\w+)|"
                    r"conditions[\"”]?\s+for|услови\w+\s+для|умов\w*\s+для|у\s+разі|в\s+случае|in\s+case\s+of|"
                    r"(?:зусилля|усилия|efforts?)\s+(?:\w+\s+)?(?:на|on|to)|(?:зосереджу\w+|сосредоточ\w+|focus\w*)\s+"
                    r"(?:\w+\s+){0,2}(?:на|on)|ма(?:є|ють|ли|в|ла)\s+намір\w*|намір\w*|"
                    r"(?<!успешную\s)(?<!успешной\s)(?<!успішну\s)(?<!успішної\s)(?<!successful\s)"
                    r"(?:операци\w+\s+по|операці\w+\s+(?:з|із|по)|operations?\s+to))\s+(?:\w+\s+){0,3}$", re.I)
#: the intent words that are attempts (an attack that happened), not plans: "tried to break through near X"
ATTEMPT = re.compile(r"(?<![\w'’])(?:try|tries|tried|trying|attempt(?:s|ed|ing)?|sought|пыта\w+|попыт\w*|попытаться|"
                     r"намага\w+|спроб\w*|старают\w*|старается|стараються|старається|совершил\w*\s+попытк\w+|здійснил\w*\s+спроб\w+)\s+(?:\w+\s+){0,4}$", re.I)
#: a capture word whose object is no territory: "повернули контроль над ситуацією", "regained control of the situation"
NOT_TERRITORY_AFTER = re.compile(r"\s*(?:(?:контроль|контролю|control)\s+(?:над|of|over)\s+)?(?:the\s+)?"
                                 r"(?:ситуаці\w+|ситуаци\w+|situation|положенн\w+|обстановк\w+|initiative|ініціатив\w+|"
                                 r"инициатив\w+|пол[оі]женн?\w+)", re.I)
#: a state that has lasted: "have been controlled by Russian forces for months", "с 2014 года"
DURATION_AFTER = re.compile(r"\s*(?:\S+\s+){0,4}?(?:for\s+(?:months|years|weeks|decades|\d+\s+\w+)|since\s+(?:\d{4}|"
                            r"the\s+start|February|March|spring|early)|з\s+\d{4}|с\s+\d{4}|уже\s+(?:\w+\s+)?(?:месяц|"
                            r"лет|год|рок|місяц)\w*|вже\s+(?:\w+\s+)?(?:місяц|рок)\w*)", re.I)
#: a participle used as an adjective ("the occupied city of", "у звільненому селі", "оккупированных территориях"): a
#: state in the background, not an event
ATTRIBUTIVE_AFTER = re.compile(r"\s+(?:(?:city|town|village|settlement|territor\w*|areas?|regions?|part|parts|lands?|"
                               r"місто|міста|місті|село|селі|села|селище|селищі|населен\w+|територі\w+|город\w*|"
                               r"сел[оаеу]|поселк\w+|районах|районі|районе|населённ\w+)\b|[A-ZА-ЯЁІЇЄҐ])")
ATTRIBUTIVE_BEFORE = re.compile(r"(?:(?<![\w'’])(?:the|a|an|of|in|from|into|at|near|around|its|their|в|у|на|із|з|из|по|до|"
                                r"від|от|для|с|во|біля|поблизу|около|возле|под|під|за)\s+(?:\w+\s+)?(?:(?:ранее|раніше|previously|recently|earlier|недавно|"
                                r"нещодавно|уже|вже|already)\s+)?|[-–])$", re.I)
#: an action noun that goes on ("Освобождение X продолжается", "the fighting continues"): fighting, no outcome yet
CONTINUES = re.compile(r"\s*(?:\S+\s+){0,3}?(?:продолжа\w+|продовжу\w+|трива\w+|continu\w+|(?:is|are)\s+ongoing|"
                       r"(?:is|are)\s+(?:still\s+)?under\s+way|идет|идёт|йде|ведется|ведеться)(?![\w'’])", re.I)
#: what follows a noun of action when the outcome is only possible: "его взятие позволит", "the loss of X would"
HYPOTHETICAL_AFTER = re.compile(r"^\W*(?:[\w'’-]+\s+){0,3}?(?:would|could|will|may|might|позволит|позволят|позволило|"
                                r"дозволить|дозволять|дозволило|сможет|зможе|откроет|відкриє|даст|дасть|станет|стане)\b",
                                re.I)
#: an attempt that failed: "безуспішно намагався просунутися" is a repelled attack
FAILED_ATTEMPT = re.compile(r"(?<![\w'’])(?:unsuccessful(?:ly)?|in\s+vain|без\s+успіху|без\s+успеха|безуспішн\w*|"
                            r"безуспешн\w*|марно|марн\w+|тщетно|невдал\w*|неудачн\w*|achieved\s+nothing|without\s+success|"
                            r"(?:не|не\s+\w+)\s+смогл\w*|не\s+змогл\w*|не\s+змі[гн]\w*|could\s+not\s+(?:reach|advance|break|enter|take)|"
                            r"failed\s+to\s+(?:reach|advance|break|enter|take|capture)|"
                            r"(?:was|were|are|is|have\s+been|has\s+been)\s+unable\s+to|"
                            r"(?:did\s+not|didn['’]t|failed\s+to)\s+succeed|не\s+(?:досягли|добились|достигли)\s+успіх\w*|"
                            # "росіянам не вдається увійти у X", "им не удалось войти в X": the attempt failed
                            r"не\s+(?:вда(?:ється|ються|лося|лось|валося)|удает(?:ся)|удаются|удалось|удавалось)"
                            r"(?:\s+(?:поки\s+що|пока|досі|до\s+сих\s+пор|ще|еще|ещё))?)(?![\w'’])", re.I)
#: the name of a military formation, not a place: "Operational and Strategic Command East Khortytsia", "the
#: Khortytsya military unit", "ОСУВ Хортиця", "угруповання військ «Хортиця»", "группировки войск «Север»"
UNIT_BEFORE = re.compile(r"(?<![\w'’])(?i:operational(?:\s+and\s+strategic)?\s+(?:command|group(?:ing)?)(?:\s+of\s+(?:troops|forces))?|"
                         r"OSGT|OSUV|OTU|ОСУВ|ОСГВ|ОТУ|ОК|угрупован\w+(?:\s+військ)?|угрупуван\w+(?:\s+військ)?|"
                         r"группировк\w+(?:\s+войск)?|оперативн\w+\s+командуван\w+|оперативн\w+\s+командовани\w+)"
                         r"\s+(?:(?i:East|West|North|South|Схід|Восток|Північ|Південь|Юг|Север)\s+)?[«\"“'‘]?"
                         r"(?P<n>[A-ZА-ЯЁІЇЄҐ][\w'’-]+)")
UNIT_AFTER = re.compile(r"(?P<n>[A-ZА-ЯЁІЇЄҐ][\w'’-]+)[»\"”'’]?\s+(?i:military\s+(?:unit|group(?:ing)?)|"
                        r"(?:operational(?:\s+and\s+strategic|-strategic)?\s+)?"
                        r"group(?:ing)?\s+of\s+(?:troops|forces)|operational(?:\s+and\s+strategic|-strategic)?\s+group(?:ing)?|"
                        r"grouping|troops\s+grouping|forces\s+grouping)\b")
#: a name that is no place: one word in quotes ("«Южной» - Бондарное": a group of forces), a tract ("урочище
#: Маньковка"), a building or body named after a town ("the Novohrodivka City Council")
NOT_A_PLACE = re.compile(r"(?<![\w'’])[«\"“„](?P<n>[A-ZА-ЯЁІЇЄҐ][\w'’-]+)(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+){0,2}[»\"”“](?![\w'’])|"
                         r"(?i:урочищ\w*|уроч\.)\s+(?P<t>[A-ZА-ЯЁІЇЄҐ][\w'’-]+)")
SETTLEMENT_NOUN_BEFORE = re.compile(r"(?:village|town|city|settlement|сел[оаеу]|селищ\w*|поселк\w*|посёлк\w*|"
                                    r"город\w*|міст\w*|населенн?\w+\s+пункт\w*|населённ\w+\s+пункт\w*|н\.\s?п\.)"
                                    r"\s+(?:of\s+)?$", re.I)
#: the outcome clause of an attack told in the same sentence, saying it failed: "attacked near X and Y but were
#: forced to retreat", "вели наступальні дії в районах X, Y, успіху не мали", "launch assaults on X ... but without
#: success", "Однако ничего у россиян не получилось"
_FAILED_OUTCOME = (r"(?:but|yet)\s+(?:did\s+not|didn['’]t|failed\s+to)\s+succeed|"
                   r"(?:but|and)\s+(?:were|was|had\s+been)\s+(?:forced|made)\s+to\s+(?:retreat|withdraw|fall\s+back|"
                   r"pull\s+back)|(?:but|and|yet)\s+(?:have\s+|has\s+|had\s+)?(?:made|achieved|gained)\s+no\s+(?:\w+\s+)?"
                   r"(?:advances?|progress|gains|ground|headway|success)|(?:but\s+)?without\s+success|to\s+no\s+avail|(?:but|and)\s+(?:ultimately\s+)?failed|"
                   r"успіху\s+не\s+ма\w+|не\s+ма\w+\s+успіху|без\s+успіху|успеха\s+не\s+имел\w*|не\s+имел\w*\s+успеха|"
                   r"(?:але|проте|однак|но|однако|but)\s*,?\s*(?:зазнавши\s+(?:\w+\s+)?втрат\w*|понес\w*\s+(?:\w+\s+)?потер\w+|"
                   r"suffering\s+(?:\w+\s+)?losses)\s*,?\s*(?:відступи\w+|відійш\w+|отступи\w+|отош\w+|retreated|withdrew|"
                   r"fell\s+back)|(?:не\s+змог\w*|не\s+смог\w*)\s+(?:домогтися|досягти|добиться|достичь)\s+успіх\w*|"
                   r"(?:не\s+смог\w*)\s+(?:добиться|достичь)\s+успех\w*|"
                   r"без\s+успеха|(?:але|проте|однак|и|і|та|но|однако)\s+(?:\w+\s+)?(?:були|был[иа]?|було)?\s*"
                   r"(?:змушен\w+|вимушен\w+|вынужден\w+)\s+(?:\w+\s+)?(?:відступ\w+|відійти|отступ\w+|отойти)|"
                   r"(?:зазна\w+|потерпе\w+)\s+(?:\w+\s+)?(?:невдач\w+|неудач\w+|поразк\w+|поражени\w+)|"
                   r"нічого\s+(?:\w+\s+){0,2}не\s+(?:вийшло|вдалося|вдалось)|"
                   r"ничего\s+(?:\w+\s+){0,2}не\s+(?:получилось|вышло|удалось)")
FAILED_OUTCOME = re.compile(r"(?<![\w'’])(?:" + _FAILED_OUTCOME + r")(?![\w'’])", re.I)
#: a sentence that says the attacks just told of failed: "The enemy is not successful", "змусили їх тікати"
FAILED_AFTER = re.compile(r"(?<![\w'’])(?:" + _FAILED_OUTCOME + r"|блоку\w+\s+(?:\w+\s+)?просуванн\w+|"
                          r"блокиру\w+\s+(?:\w+\s+)?продвижени\w+|block(?:s|ed|ing)?\s+(?:the\s+|their\s+)?"
                          r"(?:\w+\s+)?advance|(?:is|was|were|are|have\s+been|has\s+been)\s+(?:not|un)\s*successful|"
                          r"achieved\s+nothing|to\s+no\s+avail|without\s+success|(?:attacks?|assaults?|attempts?|"
                          r"offensive)\s+(?:\w+\s+){0,3}failed|без\s+успіху|без\s+успеха|успіху\s+не\s+ма\w+|"
                          r"не\s+ма\w+\s+успіху|не\s+увенчал\w*\s+успехом|не\s+добил\w*\s+успіх\w*|"
                          r"не\s+добил\w*\s+успех\w*|(?:змусил\w*|змушу\w*)\s+(?:\w+\s+)?(?:тікати|відступ\w+)|"
                          r"(?:заставил\w*|вынудил\w*)\s+(?:\w+\s+)?(?:бежать|отступ\w+)|"
                          r"(?:вміло|успішно)\s+оборонял\w+|(?:умело|успешно)\s+оборонял\w+|"
                          r"жодного\s+успіху|никакого\s+успеха|no\s+success)(?![\w'’])", re.I)
#: denial: "denied that ...", "опроверг", "спростував", "не соответствует действительности"
DENIAL = w(r"denied|denies|deny|rejected|refuted|dismissed|incorrect|inaccurate|misleading|untrue|false|"
           r"disinformation|дезинформаци\w*|дезінформаці\w*|отрица\w+|опровергл\w*|"
           # "В ISW не вважають, що ...", "does not assess that": the belief is negated
           r"не\s+вважа\w+,?\s+що|не\s+счита\w+,?\s+что|(?:does|do|did)\s+not\s+(?:assess|believe|think)\s+that|"
           r"(?:made|gave|offered)\s+no\s+(?:acknowledg\w+|confirmation|mention)|(?:did|has|have)\s+not\s+"
           r"(?:acknowledged?|confirmed?)\s+that|опроверг\w*|спростову\w*|"
           r"спростува\w*|заперечи\w*|заперечу\w*|заперечил\w*|некоректн\w+|неправдив\w+|фейк\w*|"
           r"не\s+соответству\w+\s+действительности|"
           r"не\s+соответству\w+\s+действительности|не\s+відповіда\w+\s+дійсності|неправда|not\s+true|fake|"
           r"(?:I|we)\s+(?:do\s+not|don['’]t|cannot|can['’]t)\s+confirm|не\s+підтверджу(?:ю|ємо)|не\s+подтвержда(?:ю|ем)")
#: a claim that may be false: unverified
HEDGE = w(r"could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif\w*|confirm\w*)|cannot\s+(?:be\s+)?(?:independently\s+)?verif\w*|"
          r"unable\s+to\s+(?:independently\s+)?(?:verify|confirm)|(?:has|have|had)\s+not\s+(?:been\s+)?(?:independently\s+)?"
          r"(?:verified|confirmed|observed\s+(?:visual\s+)?confirmation)|did\s+not\s+confirm|not\s+(?:yet\s+)?confirmed|"
          r"yet\s+to\s+be\s+(?:confirmed|verified)|unconfirmed|unverified|reportedly|rumou?rs?|"
          r"не\s+удалось\s+(?:проверить|подтвердить)|не\s+подтвержд\w+|неподтвержд\w+|предварительно|"
          r"предположительно|по\s+(?:некоторым|имеющимся|неподтвержденным|предварительным)\s+данным|якобы|"
          r"стало\s+известно|проходит\s+информация|в\s+сети\s+(?:сообщают|пишут)|сообщают\s+в\s+сети|"
          r"не\s+вдалося\s+(?:перевірити|підтвердити)|непідтверджен\w*|попередньо|за\s+попередніми\s+даними|"
          r"стало\s+відомо|з'явил\w+\s+(?:інформація|повідомлення|фото|відео)|з’явил\w+\s+(?:інформація|повідомлення|фото|відео)|"
          r"офіційн\w+\s+підтвердженн\w+\s+(?:\w+\s+){0,3}(?:немає|нема|не\s+було)|нібито|ймовірно")
#: the hedges that speak of what was said before ("We could not verify the claims."), not of one word's claim
#: ("...and reportedly retook half"): only these make the paragraph's claims unverified
DISCLAIMER = w(r"could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif\w*|confirm\w*)|cannot\s+(?:be\s+)?(?:independently\s+)?"
               r"verif\w*|unable\s+to\s+(?:independently\s+)?(?:verify|confirm)|(?:has|have|had)\s+not\s+(?:been\s+)?"
               r"(?:independently\s+)?(?:verified|confirmed)|not\s+(?:yet\s+)?(?:been\s+)?(?:confirmed|verified)|"
               r"yet\s+to\s+be\s+(?:confirmed|verified)|не\s+удалось\s+(?:проверить|подтвердить)|не\s+подтвержд\w+|"
               r"не\s+вдалося\s+(?:перевірити|підтвердити)|не\s+підтвердж\w+|"
               r"офіційн\w+\s+підтвердженн\w+\s+(?:\w+\s+){0,3}(?:немає|нема|не\s+було)")
#: may / might have: the speaker is not sure
MODAL_HEDGE = w(r"might\s+have|may\s+have|possibly|apparently|likely")
#: part of a place: contested rather than captured ("most of Vovchansk", "часть города")
PARTIAL = w(r"most\s+of|partially|partly|частично|частково|some\s+positions|деякі\s+позиції|некоторые\s+позиции|"
            r"(?:practically|almost|nearly|практически|почти|майже|практично)\s+(?:fully|completely|entirely|"
            r"полностью|повністю|целиком|цілком)|(?:major|large|small|significant)\s+parts?\s+of|parts?\s+of|half\s+of|"
            r"(?:большую|большей|значительную|небольшую|незначительную)\s+част\w+|част\w+\s+(?:города|села|поселка)|"
            r"половин\w+|(?:більшу|більшої|значну|невелику|незначну)\s+частин\w+|частин\w+\s+(?:міста|села|селища)")

# -- references to places -----------------------------------------------------------------------------------
#: singular nouns that stand for a place named before ("the village", "населенный пункт", "це місто")
ANAPHOR = w(r"the\s+(?:village|town|city|settlement|locality|community|hamlet)|"
            r"(?:этот\s+|этого\s+|этом\s+)?(?:населенн\w+|населённ\w+)\s+пункт(?:а|е|у|ом)?|"
            r"(?:цей\s+|цього\s+|цьому\s+)?населен\w+\s+пункт(?:а|і|у|ом)?|"
            r"(?:город|города|городе|городу|село|села|селе|селу|поселок|поселка|посёлок|посёлка|поселке|"
            r"місто|міста|місті|місту|містом|селі|селом|селище|селища|селищі|селищем|городом|поселком|посёлком|"
            r"це\s+місто|це\s+село)")
#: plural words for the places named just before: "these settlements", "ці населені пункти", "эти села"
PLURAL_ANAPHOR = w(r"(?:these|both)\s+(?:villages|towns|settlements|localities)|both\s+of\s+(?:which|them)|"
                   r"(?:эти|этих|ці|цих|обидва|оба)\s+(?:населенн\w+\s+пункт\w*|населён\w+\s+пункт\w*|"
                   r"населен\w+\s+пункт\w*|сел[аи]?|сёл|сіл|міст[аи]?|город[аов]*)|обидва|оба\s+села")
#: its/його/его before outskirts or a part: the place named before
POSSESSIVE_ANAPHOR = re.compile(r"(?<![\w'’-])(its|його|её|ее|її|его)(?=\s+(?:\w+\s+)?(?:outskirts|околиц\w*|"
                                r"окраин\w*|part|parts|частин\w*|част\w+)(?!\w))", re.I)
#: words after a name that make it a district, direction or region, not the town
REGION_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:district|raion|rayon|region|oblast|krai|province|direction|sector|axis|front|"
    r"municipality|community|hromada|area\s+of\s+responsibility|"
    r"район\w*|направлени\w+|област\w*|облас\w*|край|округ\w*|громад\w*|напрям\w*|"
    r"народн\w+\s+республик\w*|people['’]s\s+republic)(?![\w])", re.I)
#: nouns before a name that make it a settlement ("the village of X", "село X", "населенного пункта X")
SLOT_BEFORE = re.compile(
    r"(?:village|town|city|settlement|locality|hamlet|villages|towns|settlements|localities)\s+(?:of\s+)?$|"
    r"(?<![\w])(?:сел[оаеу]?|сёл|сел|деревн\w+|поселк\w+|посёлк\w+|посел\w+|пгт|н\.\s?п\.|населенн\w+\s+пункт\w*|"
    r"населённ\w+\s+пункт\w*|город[ауе]?|хутор\w*|селищ\w*|селах|населен\w+\s+пункт\w*|міст[аоі]?|смт|"
    r"сіл|селах|селами)\s+$", re.I)


#: every side pattern: :meth:`Scanner.finditer` gives (k, match), k indexing :data:`SIDES`
SIDE_SCAN = Scanner([rx for _, rx in SIDES])
#: every action pattern: k indexes :data:`TRIGGERS`
TRIGGER_SCAN = Scanner([rx for _, _, rx in TRIGGERS])
