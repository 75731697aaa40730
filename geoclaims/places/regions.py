"""Countries and first-level regions (oblasts) in any common spelling.

``"Kursk Oblast"``, ``"Kurskaya oblast"``, ``"Курская область"``, ``"Курська
область"`` and ``"Kursk region"`` all name one region.  The table is the
GeoNames admin1 list for Russia, Ukraine and Belarus with English, Russian and
Ukrainian names (``data/gazetteer/sources/admin1.csv``).

Examples
--------
>>> table = RegionTable.default()
>>> [r.name for r in table.resolve("Kurskaya oblast")]
['Kursk Oblast']
>>> [r.name for r in table.resolve("Харківська область")]
['Kharkiv Oblast']
>>> [r.name for r in table.resolve("Харківщина")], [r.name for r in table.resolve("Region Charkiw")]
(['Kharkiv Oblast'], ['Kharkiv Oblast'])
>>> resolve_country("Україна")
'UA'
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from geoclaims.errors import UnknownRegion
from geoclaims.places.names import fold, skeleton

__all__ = ["Region", "RegionTable", "resolve_country", "COUNTRIES"]

#: ISO code -> names a country goes by.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "RU": ("Russia", "Russian Federation", "RF", "RUS", "Россия", "Российская Федерация", "Росія"),
    "UA": ("Ukraine", "UKR", "Украина", "Україна"),
    "BY": ("Belarus", "BLR", "Byelorussia", "Беларусь", "Білорусь", "Белоруссия"),
}

_GENERIC = frozenset(
    """oblast oblasti obl region province krai kray territory republic respublika respublyka
    autonomous avtonomnyi avtonomnyy avtonomnaia avtonomnaya avtonomna avtonomnii avtonomnyi
    okrug ao city of the voblasts voblast misto gorod g m raion rayon
    obwod obwodu gebiet rajon region regiao regione oblasts kraj oblys de du"""
    # the words other languages' press puts around an oblast's name: "région (ukrainienne) de",
    # "región ucraniana de", "provincia de", "regione di", "w obwodzie", "im Gebiet", "regiunea",
    # "megye", Turkish "bölgesi" with its case endings ("Harkov bölgesindeki", "in the Kharkiv region") and
    # its plural ("Donetsk bölgelerinde"),
    # Georgian "olki" (ოლქი, through anyascii), Arabic and Persian "mntqh" (منطقة, منطقه) and "republic", "people's"
    # (جمهورية ... الشعبية, جمهوری خلق), and the
    # side and direction words that
    # come with them ("eastern", "orientale", "ostukrainischen")
    """
    in the of im w we v ve na da do del della dell di des la le l dans din
    provincia provincie provinz regiones regions regioni regiunea regiune regiunii oblastul obwodzie
    okregu rejonie megye megyei megyeben terulet teruleten bolgesi bolgesinde bolgesindeki bolgesinden
    bolgesine bolgesini bolgesinin bolgeleri bolgelerinde bolgelerindeki bolgelerinden oblastinda oblastindaki oblastindan oblastina oblasti oblastu oblastis olki olkshi olk
    regio regionis mntqh mntqt mntqa mantqa mantqh mqata astan ublast ablast aublast perifereia periferia
    jmhuri jmhuria jmhuriat jmhurie khlq alshbia alshbi
    ukrainian ukrainienne ukrainien ucraniana ucraniano ucraina ucraino ukrainischen ukrainische
    ukrainischer ostukrainischen ostukrainische ukrainskim ukrainskiego ukrajinske ucraineana
    russian russe rusa ruso russa russischen russische
    eastern western southern northern orientale oriental occidentale occidental meridionale
    septentrionale est ouest sud nord este oeste norte sur ost west
    nororiental noroccidental suroriental suroccidental nordorientale nordoccidentale sudorientale
    sudoccidentale nordeste noroeste sudeste sudoeste nordost nordwest sudost sudwest"""
    # Armenian "marz" (մարզ, province), "shrjan" (district), "People's Republic" (Ժողովրդական Հանրապետության),
    # Lithuanian "srityje" (in the region of, after a genitive: "Donecko srityje"), Belarusian "вобласці",
    # Azerbaijani and Uzbek "vilayəti", "viloyati", Estonian "oblastis", "oblastit", the Scandinavian
    # "-regionen", "-oblasten" after a hyphen
    """
    marz shrjan taratsashrjan zhoghovrdakan hanrapetutyan hanrapetutyun
    sritis srities srityje srityse voblastsi voblasti vilayet vilayeti vilayetinin vilayetinde vilayetine
    vilayetinden viloyati viloyatida oblastis oblastit oblastist oblastisse oblastile regionen regionens
    oblasten oblastens"""
    # Greek: "περιοχή του Ντονέτσκ", "στην περιφέρεια της", "Λαϊκή Δημοκρατία του"
    """
    periochi periochis toy tou tis stin sti sto ston eparchia eparchias nomos nomou laiki laikis dimokratia
    dimokratias"""
    # the cases of "republic" and the words of "People's Republic" in other languages (Донецкой
    # Народной Республики, República Popular de Donetsk), for the DPR and LPR names of two oblasts
    """
    respubliki respublike respubliku respublikoi respubliky respublitsi republica republique republik
    republiki republice republika ludowej ludowa
    popular populaire popolare people s narodnoi narodnaia narodnaya narodnoy narodnoyi narodna""".split()
)
# the three countries in the press's languages: never a region's guess ("Ukraina" is 0.7 of "Kurgan")
_COUNTRY_WORDS = frozenset(
    """ukraine ukraina ukrayina ukrajina ukrajna ucraina ucrania oukrania ukraini ukrainas ukrainy ukrainie ukrainu
    ukraajna ukrainan ukrainassa russia rossiya rossija russland rosja rusia russie rusko venemaa
    venaja oroszorszag rusya belarus bielorussia bielorrusia weissrussland bialorus""".split()
)
_GREEK = re.compile(r"[\u0370-\u03FF]")
# scripts whose press writes a region's name by sound (:mod:`geoclaims.places.transcriptions`): katakana,
# Hangul, Chinese characters, Devanagari and the other Brahmic scripts; and the region words that come with a name in them
# (Japanese 州 "oblast", 人民共和国 "people's republic", in simplified or traditional characters; Korean 주, 인민공화국; Hindi क्षेत्र, पीपुल्स रिपब्लिक;
# Bengali অঞ্চল; Telugu ప్రాంతం with its case endings)
_SOUND_SCRIPTS = re.compile(r"[\u3040-\u30FF\uAC00-\uD7A3\u0900-\u0D7F\u4E00-\u9FFF]")
_SOUND_SCRIPT_WORDS = re.compile(
    r"人民共和[国國]|自治共和[国國]|共和[国國]|州|地域|地方|方面|近郊|県|市|の|地[区區]|省|方向|附近|"
    r"[南北]?[東西]?部|[()（）]|"
    r"인민\s*공화국|공화국|지역|방면|(?<=[\uAC00-\uD7A3]{2})주(?=[\s(（]|$)|"
    r"पीपुल्स|रिपब्लिक|गणराज्य|जनवादी|गणतंत्र|क्षेत्र\S*|प्रांत\S*|प्रदेश\S*|ओब्लास्ट\S*|"
    r"অঞ্চল\S*|প্রদেশ\S*|ওব্লাস্ট\S*|প্রজাতন্ত্র\S*|গণপ্রজাতন্ত্র\S*|পিপলস|রিপাবলিক\S*|পূর্ব\S*|পশ্চিম\S*|উত্তর\S*|দক্ষিণ\S*|"
    r"ప్రాంత\S*|ఒబ్లాస్ట్\S*|ప్రావిన్స్\S*|மாகாண\S*|பகுதி\S*|ஒப்லாஸ்ட்\S*")
#: Most readings of a region's name in such a script tried before it is called unknown.
SOUND_READINGS = 400
#: How alike (rapidfuzz ratio, 0-1) a reading's letters must be to a region's name (Ukrainian и read as i:
#: "mikolaiv" is 0.88 of "mykolaiv"; "kharkiu" only 0.53 of "cherkasy", whose consonants it has).
SOUND_MIN_RATIO = 0.75
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
_GEORGIAN_CASE = re.compile(r"(?<=[\u10D0-\u10FF]{3})(?:ის|ში|ს)(?=\s|$)")
_ARMENIAN_SCRIPT = re.compile(r"[\u0531-\u058F]")
_ARMENIAN_CASE = re.compile(r"(?<=[\u0531-\u058F]{3})(?:ում|ից|ով|ին|ի)(?=\s|$)")
_POLISH_SHCHYNA = re.compile(r"[sc]zczy[zź]n(?:a|y|ie|ę|ą)\b", re.IGNORECASE)
# words a region's name is glued to (Norwegian and Swedish "Donetskregionen", Danish "Luhanskoblasten")
_GLUED = re.compile(r"(?<=[a-z]{3})(?:regionens|regionen|oblasten|oblastens)$")


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level division.

    Parameters
    ----------
    country : str
        ISO code.
    code : str
        GeoNames admin1 code (``"41"`` for Kursk Oblast).
    name : str
        English name used in :attr:`geoclaims.Place.admin1`.
    names : tuple of str
        Every spelling it is known by.
    """

    country: str
    code: str
    name: str
    names: tuple[str, ...]


#: Letters a region's name needs before a one-letter slip in it is read as the region (see
#: :meth:`RegionTable.near_miss`): short names ("Sumy", "Orel") are one letter from other words.
NEAR_MISS_MIN_LETTERS = 6
#: Similarity (0-1: the mean of rapidfuzz ``ratio`` on the letters and on the consonant skeletons) a word of an
#: unknown region's text needs to one of a region's names before :meth:`RegionTable.guesses` offers that
#: region ("Sumyn alueella": "sumyn" is 0.85 of "sumy"; "east" 0.67 of "brest", "Atlantis" less of any).
GUESS_MIN_SCORE = 0.7
#: Regions within this much of the best guess are offered with it ("Chersonio srityje": Kherson 0.75,
#: Chernihiv 0.72).
GUESS_MARGIN = 0.1


def _bare_name(text: str) -> str:
    """A region name's letters without the region words around it: "Dosnetsk region" -> "dosnetsk"."""
    return "".join(w for w in fold(text).split() if w not in _GENERIC)


def _region_keys(text: str) -> set[str]:
    """Every key of a region name (for the index): :func:`_region_key_tiers` flattened."""
    return set().union(*_region_key_tiers(text))


def _region_key_tiers(text: str) -> tuple[set[str], set[str]]:
    """(keys of the name as written, keys of its derived forms).

    The derived forms drop the adjectival "-sk-" (Kharkivska -> Kharkiv) with any case ending
    after it (Polish "ługańskim", "charkowskiego"), the colloquial "-shchyna" (Харківщина,
    Kharkivshchyna -> Kharkiv), and read a German "ch" as "kh" (Charkiw), a German "z" as "ts"
    (Donezk) and a French "j" as "zh" (Zaporijjia).
    A query matches on its written form first, so "Kyivska" is the oblast, not also the city.
    """
    # Romanian ț is ts (regiunea Doneţk, with the cedilla or the comma); elsewhere the index folds it to t
    text = text.replace("ț", "ts").replace("ţ", "ts").replace("Ț", "Ts").replace("Ţ", "Ts")
    # Georgian case endings (კიევის რეგიონის "of the Kyiv region", ხერსონის ოლქში "in Kherson oblast")
    text = _GEORGIAN_CASE.sub("", text)
    if _ARMENIAN_SCRIPT.search(text):  # Armenian: its case endings (Խարկովի մարզի "of Kharkov province", Դոնեցկում
        from geoclaims.places.scripts import armenian_word  # "in Donetsk"), and its letters read as the press's (ու u)

        text = " ".join(armenian_word(w) if _ARMENIAN_SCRIPT.search(w) else w
                        for w in _ARMENIAN_CASE.sub("", text).split())
    # Polish -szczyzna, the colloquial -щина (Chersońszczyzny: Херсонщини), in any case
    text = _POLISH_SHCHYNA.sub(lambda m: "chchyna" if m.group(0)[0] in "cC" else "shchyna", text)
    words = [_GLUED.sub("", w) for w in fold(text).split()]
    words = [w for w in words if w and w not in _GENERIC]
    joined = " ".join(words)
    skel = skeleton(joined)
    first = {skel} if skel else set()
    derived: set[str] = set()
    variants = {skel}
    if "ch" in joined:  # German romanisation: Charkiw, Tschernihiw (tsch is already ch)
        variants.add(skeleton(re.sub(r"(?<![tsh])ch", "kh", joined)))
    if "j" in joined:  # Spanish j for х: Járkov, Jersón
        variants.add(skeleton(joined.replace("j", "kh")))
    if "x" in joined:  # Azerbaijani and Uzbek x for х: Xarkov
        variants.add(skeleton(joined.replace("x", "kh")))
    if re.search(r"[a-z]{4}o\b", joined):  # a Lithuanian genitive -o before "srityje": Donecko, Charkivo
        variants.add(skeleton(re.sub(r"(?<=[a-z]{4})o\b", "", joined)))
    if re.search(r"z(?!h)", joined):  # German z for ц: Donezk, Luhansk's Sewerodonezk
        variants.add(skeleton(re.sub(r"z(?!h)", "ts", joined)))
    if _GREEK.search(text):  # Greek writes ж as ζ (Ζαπορίζια), and д, б at a word's start as ντ, μπ (Ντονέτσκ)
        greek = re.sub(r"\bmp", "b", re.sub(r"\bnt", "d", joined))
        # ... and after a consonant (Ντονμπάς: Donbas)
        greek = re.sub(r"(?<=[^aeiouy\s])mp", "b", re.sub(r"(?<=[^aeiouy\s])nt", "d", greek))
        variants.update({skeleton(greek), skeleton(re.sub(r"(?<=\w)z", "zh", greek))})
    if _ARABIC_SCRIPT.search(text):  # Arabic writes п as ب and ж as ج (زابوريجيا): b may be p, j zh; and
        arabic = joined.replace("b", "p").replace("j", "zh")  # a final ه after ي is the vowel -е/-я (زابوروجيه)
        variants.update({skeleton(arabic), skeleton(re.sub(r"(?<=i)h\b", "", arabic))})
    if re.search(r"[csz]k(?:im|iego|iej|iemu|ich)\b", joined):  # a Polish adjective's case: w obwodzie donieckim
        variants.add(skeleton(re.sub(r"(?<=[csz]k)(?:im|iego|iej|iemu|ich)\b", "i", joined)))
    if "sz" in joined or "zs" in joined:  # Hungarian sz for с, zs for ж: Luhanszk, Zaporizzsja (Polish sz, ш,
        variants.add(skeleton(joined.replace("sz", "s").replace("zzs", "zh").replace("zs", "zh")))  # is in none)
    if "sch" in joined and joined.startswith("s"):  # German S for З before a vowel: Saporischschja
        variants.add(skeleton("z" + joined[1:]))
    if re.search(r"(?<![dz])j", joined):  # French j for ж: Zaporijjia, Jytomyr
        variants.add(skeleton(re.sub(r"(?<![dz])j", "zh", joined)))
    for v in variants:
        for suffix in ("Sn", "sk"):  # -shchyna / -щина, -ska / -ський
            if v.endswith(suffix) and len(v) > len(suffix) + 1:
                derived.add(v[: -len(suffix)])
        if v.endswith("Sk") and len(v) > 3:  # a Bulgarian adjective in -жка (Запорожка област)
            derived.add(v[:-1])
        if v.endswith("Cn") and len(v) > 3:  # -ччина after ц: Донеччина (Донецьк), Вінниччина (Вінниця)
            derived.update((v[:-2] + "Zk", v[:-2] + "Z"))
        # an adjective in a case ending (Polish "w obwodzie ługańskim", "obwodu charkowskiego",
        # Georgian "lugansk'is"): the name's skeleton before its -sk- and one to three more letters
        m = re.fullmatch(r"(.{2,}?)(?:sk[a-zA-Z]{1,3}|sks)", v)
        if m:
            derived.add(m.group(1))
        derived.add(v)
    derived.discard("")
    return first, derived - first


@functools.lru_cache(maxsize=None)
def _country_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for code, names in COUNTRIES.items():
        keys[code.lower()] = code
        for n in names:
            keys[fold(n)] = code
    return keys


def resolve_country(text: str) -> str | None:
    """Return the ISO code for a country name or code, or None.

    Examples
    --------
    >>> resolve_country("russia"), resolve_country("RU"), resolve_country("Atlantis")
    ('RU', 'RU', None)
    """
    return _country_keys().get(fold(text))


class RegionTable:
    """The admin1 regions, searchable by any spelling.

    Parameters
    ----------
    regions : iterable of Region
        The table's rows.
    """

    def __init__(self, regions) -> None:
        self.regions: tuple[Region, ...] = tuple(regions)
        self._by_key: dict[str, list[Region]] = {}
        self._by_code: dict[tuple[str, str], Region] = {}
        for r in self.regions:
            self._by_code[(r.country, r.code)] = r
            for n in r.names:
                for k in _region_keys(n):
                    bucket = self._by_key.setdefault(k, [])
                    if r not in bucket:
                        bucket.append(r)

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "RegionTable":
        """The bundled table (Russia, Ukraine, Belarus), loaded once."""
        from geoclaims._resources import data_file

        return cls.from_csv(data_file("admin1.csv"))

    @classmethod
    def from_csv(cls, path: str | Path) -> "RegionTable":
        """Read a table with columns country, admin1, name, name_ru, name_uk, aliases."""
        rows = []
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names = [row["name"], row["name_ru"], row["name_uk"], *row["aliases"].split("|")]
                rows.append(
                    Region(row["country"], row["admin1"], row["name"], tuple(n for n in names if n))
                )
        return cls(rows)

    def by_code(self, country: str, code: str) -> Region | None:
        """The region with GeoNames admin1 `code` in `country`, or None."""
        return self._by_code.get((country, code))

    def near_miss(self, text: str, *, country: str | None = None) -> Region | None:
        """The one region whose name `text` misses by a single letter ("Dosnetsk region"), or None.

        A letter added, dropped, changed or two swapped, in a name of at least
        :data:`NEAR_MISS_MIN_LETTERS` letters (the region words around it aside), and no other region
        as close. It is a reading, not a match: callers say that they took it.

        Examples
        --------
        >>> RegionTable.default().near_miss("Dosnetsk region").name
        'Donetsk Oblast'
        >>> RegionTable.default().near_miss("Sumy region") is None  # a name that matches is no miss
        True
        """
        from rapidfuzz.distance import OSA

        key = _bare_name(text)
        if len(key) < NEAR_MISS_MIN_LETTERS or any(
                self._by_key.get(k) for tier in _region_key_tiers(text) for k in tier):
            return None
        close = {r for name_key, r in self._bare_names
                 if (country is None or r.country == country) and OSA.distance(key, name_key, score_cutoff=1) <= 1}
        return close.pop() if len(close) == 1 else None

    def guesses(self, text: str, *, country: str | None = None) -> list[Region]:
        """The regions an unknown region's text most likely names, best first; [] when none is close.

        Each word of `text` (region words aside, any script through its Latin letters) is compared with
        every name of every region; a region is offered when a word is at least :data:`GUESS_MIN_SCORE`
        similar to one of its names, and within :data:`GUESS_MARGIN` of the best region. A language's case
        endings and spellings the table does not know ("Sumyn alueella", Finnish "in Sumy region";
        Hungarian "donyecki régióban"; Armenian "Դոնեցկի") come out as their region. These are guesses:
        :func:`~geoclaims.read_claims` takes one only when the row's place is found in it.

        Examples
        --------
        >>> [r.name for r in RegionTable.default().guesses("Sumyn alueella")]
        ['Sumy Oblast']
        >>> RegionTable.default().guesses("Atlantis")
        []
        """
        from rapidfuzz import fuzz

        words = [w for w in fold(text).split() if w not in _GENERIC and w not in _COUNTRY_WORDS and len(w) >= 3]
        if not words:
            return []
        candidates = [(c, skeleton(c)) for c in set(words) | {"".join(words)}]
        best: dict[Region, float] = {}
        for bare, skel, r in self._bare_skeletons:
            if country is not None and r.country != country:
                continue
            # letters and consonant skeleton alike: "donyecki" is 0.67 of "donetsk" in letters, 1.0 in skeleton;
            # "east" 0.67 of "brest" in both
            score = max(fuzz.ratio(c, bare) + fuzz.ratio(k, skel) for c, k in candidates) / 200
            if score > best.get(r, 0.0):
                best[r] = score
        if not best:
            return []
        top = max(best.values())
        if top < GUESS_MIN_SCORE:
            return []
        return [r for r, s in sorted(best.items(), key=lambda kv: (-kv[1], kv[0].name))
                if s >= max(GUESS_MIN_SCORE, top - GUESS_MARGIN)]

    @functools.cached_property
    def _bare_skeletons(self) -> tuple[tuple[str, str, Region], ...]:
        """(bare name, its skeleton, region) for :meth:`guesses`."""
        return tuple((bare, skeleton(bare), r) for bare, r in self._bare_names)

    @functools.cached_property
    def _by_bare_name(self) -> dict[str, tuple[Region, ...]]:
        """bare name -> the regions that go by it (see :func:`_bare_name`)."""
        out: dict[str, tuple[Region, ...]] = {}
        for bare, r in sorted(self._bare_names, key=lambda t: (t[0], t[1].name)):
            out[bare] = (*out.get(bare, ()), r)
        return out

    @functools.cached_property
    def _bare_names_of(self) -> dict[Region, tuple[str, ...]]:
        """region -> its bare names (see :func:`_bare_name`)."""
        out: dict[Region, tuple[str, ...]] = {}
        for bare, r in sorted(self._bare_names, key=lambda t: (t[1].name, t[0])):
            out[r] = (*out.get(r, ()), bare)
        return out

    @functools.cached_property
    def _bare_names(self) -> tuple[tuple[str, Region], ...]:
        """(bare name, region) for every name of every region (see :func:`_bare_name`)."""
        return tuple({(_bare_name(n), r) for r in self.regions for n in r.names if _bare_name(n)})

    def _by_sound(self, text: str, country: str | None) -> list[Region]:
        """The regions a name in katakana, Hangul, Chinese or an Indian script names (ドネツク州, 도네츠크,
        顿涅茨克州, डोनेट्स्क पीपुल्स रिपब्लिक); [] when none is.

        The name's region words aside, its Cyrillic readings are tried, the likeliest first
        (:func:`~geoclaims.places.transcriptions.transcription_readings`); a reading names a region when it has
        the consonants of one of the region's names and its letters are at least :data:`SOUND_MIN_RATIO` alike
        (consonants alone would not do: among hundreds of readings one has some other region's).
        """
        from rapidfuzz import fuzz

        from geoclaims.places.transcriptions import transcription_readings

        bare = " ".join(_SOUND_SCRIPT_WORDS.sub(" ", text).split())
        tried = 0
        for tier in transcription_readings(bare) if bare else ():
            found: list[Region] = []
            for reading in tier:
                key = _bare_name(reading)
                for k in sorted(_region_key_tiers(reading)[0]):
                    for r in self._by_key.get(k, ()):
                        if r not in found and (country is None or r.country == country) and max(
                                (fuzz.ratio(key, b) for b in self._bare_names_of.get(r, ())),
                                default=0) >= SOUND_MIN_RATIO * 100:
                            found.append(r)
            tried += len(tier)
            if found or tried >= SOUND_READINGS:
                return found
        return []

    def resolve(self, text: str, *, country: str | None = None) -> list[Region]:
        """Regions that `text` names (several for "Moscow": city and oblast).

        Raises
        ------
        UnknownRegion
            When no region matches; the message lists the closest names.
        """
        found: list[Region] = []
        # a name in katakana, Hangul, Chinese or an Indian script is read by its sounds: its Latin letters (anyascii's
        # "harukiu" for ハルキウ) have the consonants of other regions' names (Cherkasy)
        sound = bool(_SOUND_SCRIPTS.search(text))
        for tier in () if sound else _region_key_tiers(text):
            for k in sorted(tier):
                for r in self._by_key.get(k, ()):
                    if r not in found and (country is None or r.country == country):
                        found.append(r)
            if found:
                break
        if sound:  # a name the table holds in that script (ডিপিআর, the DPR), else the name's readings
            found = [r for r in self._by_bare_name.get(_bare_name(text), ()) if country is None or r.country == country]
            found = found or self._by_sound(text, country)
        if not found:
            from rapidfuzz import fuzz, process

            names = [r.name for r in self.regions if country is None or r.country == country]
            close = [n for n, _, _ in process.extract(text, names, scorer=fuzz.WRatio, limit=3)]
            raise UnknownRegion(
                f"unknown region {text!r}; did you mean: {', '.join(close)}? "
                "(regions of Russia, Ukraine and Belarus in English, Russian or Ukrainian, "
                "e.g. 'Kursk Oblast', 'Курская область'; or a country: Russia, Ukraine, Belarus)"
            )
        return found
