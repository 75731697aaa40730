"""From report text to candidate claims: :func:`extract_claims`.

Rules over the bundled gazetteer, no model. A report (text or HTML, English, Russian or Ukrainian) is
cleaned and split into sentences; each sentence is read for where (places in any spelling and
declension, and the words that stand for them: "the village", "населенный пункт"), what happened
(captured, advanced, withdrew, repelled, fighting), for which side, who says so and how sure they are,
when, and area figures, shares of a town and depths from the border. Every candidate keeps the text
span and sentence it came from and a calibrated confidence, for a person to review; the output is the
claims format (plus ``span``, ``quote``, ``confidence``, ``candidates``) that
:func:`geoclaims.read_claims` and ``geoclaims build`` accept.

Modules, in the order a report goes through them:

- :mod:`~geoclaims.extract.text`: HTML to text, sentences.
- :mod:`~geoclaims.extract.places`: place names (gazetteer names, case endings, unknown names in
  settlement positions, districts and directions that are not towns).
- :mod:`~geoclaims.extract.lexicon`, :mod:`~geoclaims.extract.claimants`,
  :mod:`~geoclaims.extract.qualifiers`, :mod:`~geoclaims.extract.figures`,
  :mod:`~geoclaims.extract.dates`: the words and patterns for sides, actions, claimants and status,
  qualifiers, areas and shares, dates.
- :mod:`~geoclaims.extract.sentence`: one sentence's actions, sides, and which action governs each place.
- :mod:`~geoclaims.extract.geography`: which places the names mean (oblasts and directions named,
  ambiguous names settled among the report's other places).
- :mod:`~geoclaims.extract.reader`: the claims, across sentences ("the village", "They", the claimant of
  a quote, "could not be verified").
- :mod:`~geoclaims.extract.confidence`: how sure each candidate is, calibrated on annotated sentences.
- :mod:`~geoclaims.extract.results`: :class:`CandidateClaim`, :class:`Extraction`.
- :mod:`~geoclaims.extract.evaluation`: precision and recall against annotated sentences.

This subpackage may import the gazetteer, names, regions, claims and geocoding layers; nothing below
it imports it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.extract.dates import find_dates, parse_published
from geoclaims.extract.reader import MAX_CANDIDATES, Reader
from geoclaims.extract.results import OUTPUT_COLUMNS, CandidateClaim, Extraction, UnknownName
from geoclaims.extract.text import MAX_SENTENCE_CHARS, clean_text, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["extract_claims", "Extraction", "CandidateClaim", "UnknownName", "clean_text", "split_sentences",
           "find_dates", "OUTPUT_COLUMNS", "MAX_SENTENCE_CHARS", "MAX_CANDIDATES"]


def extract_claims(
    text: str,
    *,
    published: "str | dt.date | None" = None,
    region: str | None = None,
    language: str | None = None,
    source_url: str = "",
    gazetteer: "Gazetteer | None" = None,
) -> Extraction:
    """Candidate claims in a report, for a person to review.

    Parameters
    ----------
    text : str
        The report: plain text or HTML (tags and scripts are removed), English, Russian or
        Ukrainian.
    published : str or date, optional
        When it was published: resolves "on Jan. 5", "on Sunday", "в субботу", "last month", "in
        early August", and dates claims that give no date. A ``date YYYY-MM-DD`` line at the top of
        the text is used when this is not given.
    region : str, optional
        Oblast or country the report is about: settles ambiguous place names and fills the claims'
        ``region``.
    language : {'en', 'ru', 'uk'}, optional
        Only a hint; every sentence is read with the English, Russian and Ukrainian rules.
    source_url : str
        Written into every claim's ``source_url``.
    gazetteer : Gazetteer, optional
        Default: the bundled one.

    Returns
    -------
    Extraction

    Examples
    --------
    >>> ex = extract_claims("On Jan. 6, ISW said that Ukrainian forces advanced in southern Berdin.",
    ...                     published="2025-01-07")
    >>> c = ex.claims[0]
    >>> (c.date, c.claimant, c.status, c.side, c.action, c.place, c.qualifier)
    ('2025-01-06', 'ISW', 'assessed', 'UA', 'advance', 'Berdin', 'southern')
    >>> ex = extract_claims("Snagost. Russian forces retook the village.", published="2024-09-12")
    >>> [(c.side, c.action, c.place) for c in ex.claims]
    [('RU', 'capture', 'Snagost')]
    """
    from geoclaims.places.gazetteer import Gazetteer

    if language not in (None, "en", "ru", "uk"):
        raise InvalidArgument(f"language={language!r} is not valid; valid: en, ru, uk (or None)")
    if not isinstance(text, str):
        raise InvalidArgumentType(f"text must be a str, got {type(text).__name__}")
    pub = parse_published(published)
    if pub is None:
        m = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\b", text)
        if m:
            pub = dt.date.fromisoformat(m.group(1))
    clean = clean_text(text)
    gaz = gazetteer or Gazetteer.default()
    if region:
        from geoclaims.errors import UnknownRegion
        from geoclaims.places.regions import RegionTable, resolve_country

        try:
            if not resolve_country(region):
                RegionTable.default().resolve(region)
        except UnknownRegion as e:
            raise InvalidArgument(f"region={region!r}: {e}") from None
    return Reader(clean, pub, region or "", source_url, gaz).run()
