"""Read claims files (CSV, JSON, GeoJSON) and frames: :func:`read_claims`.

Every bad value becomes a :class:`~geoclaims.errors.ClaimProblem` naming the
file, line, column and value and what would be valid. ``on_error=\"raise\"``
(default) raises one :class:`~geoclaims.errors.ClaimFormatError` listing all
of them; ``on_error=\"collect\"`` returns the good claims with the report. No
row is ever dropped silently: each one is a claim or a problem.

The rows come from :mod:`geoclaims.claims.formats` (one loader per format), are checked and resolved
to places by :mod:`geoclaims.claims.rows`, and their numbers parsed by :mod:`geoclaims.claims.values`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoclaims._input import decode
from geoclaims.claims.claimset import ClaimSet
from geoclaims.claims.columns import _FORMATS, OnError
from geoclaims.claims.formats import _check_columns, _csv_rows, _feature_rows, _frame_rows, _json, _kind
from geoclaims.claims.rows import _RowReader
from geoclaims.errors import ClaimFormatError, ClaimProblem, InputEncodingError, InvalidArgument, InvalidArgumentType

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["read_claims"]


# -- reading ---------------------------------------------------------------------
def read_claims(
    source: "str | os.PathLike[str] | pandas.DataFrame",
    *,
    on_error: OnError = "raise",
    gazetteer: "Gazetteer | None" = None,
    format: str | None = None,
    accept_fuzzy: bool = False,
    encoding: str = "auto",
) -> ClaimSet:
    """Read and validate claims from a CSV, JSON or GeoJSON file or a DataFrame.

    Parameters
    ----------
    source : path or DataFrame
        A ``.csv`` (UTF-8, header row), ``.json`` (a list of objects, or
        ``{"claims": [...]}``) or ``.geojson`` file (one Feature per claim, the
        columns as properties, an optional drawn geometry), or a (Geo)DataFrame
        with the same columns. See README, "The claims format".
    on_error : {'raise', 'collect'}
        ``"raise"``: raise :class:`ClaimFormatError` listing every problem.
        ``"collect"``: return the good claims; ``.problems`` lists the bad rows.
    gazetteer : Gazetteer, optional
        Where places are looked up; defaults to the bundled one. Pass
        ``Gazetteer.default().merge(Gazetteer.from_geonames(...))`` to map places
        the bundled gazetteer cannot locate.
    format : {'csv', 'json', 'geojson'}, optional
        Overrides the file extension.
    accept_fuzzy : bool, default False
        A place name that matches no stored name or romanisation, only a guess (a ``skeleton``
        or ``fuzzy`` match: "Robotyne" would become Rybotyn in Chernihiv Oblast), is a problem
        row naming the nearest spellings. True accepts such guesses (the claim's place then has
        ``Match.uncertain`` reasons in :attr:`Claim.place_match`).

    Returns
    -------
    ClaimSet

    Raises
    ------
    ClaimFormatError
        With ``on_error="raise"`` and any bad row; always for a file that is not a claims file
        (no required columns, duplicated columns, not JSON, another encoding, an unknown
        extension, nesting or numbers beyond the limits of README "Security").
    InputFileError
        The file is missing, a folder, or unreadable (also an ``OSError``).

    Notes
    -----
    Nothing is lost silently: every data row becomes one claim or at least one problem
    (``len(result) + len({p.line for p in result.problems}) == result.rows``). A CSV quote left
    open costs its own row; the lines it swallowed are read again.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame([{"claim_id": "S1", "date": "2025-01-06", "claimant": "ISW",
    ...     "claimant_side": "neutral", "side": "UA", "action": "advance", "place": "Berdin",
    ...     "region": "Kursk Oblast", "qualifier": "southern", "status": "assessed"}])
    >>> cs = read_claims(df)
    >>> cs[0].place.id, cs[0].qualifier
    ('theatre:berdin', 'southern')
    """
    if on_error not in ("raise", "collect"):
        raise InvalidArgument(f"on_error={on_error!r} is not valid; valid: 'raise', 'collect'")
    if format is not None and str(format).lower() not in _FORMATS:
        raise InvalidArgument(f"format={format!r} is not valid; valid: {', '.join(_FORMATS)}")
    from geoclaims.places.gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.default()
    name, unit, rows = _load_rows(source, format, encoding)
    reader = _RowReader(gaz, name, unit, accept_fuzzy=accept_fuzzy)
    claims, problems = reader.read(rows)
    result = ClaimSet(tuple(claims), tuple(problems), name, len(rows))
    if problems and on_error == "raise":
        raise ClaimFormatError(problems, good=len({c.line for c in claims}))
    return result


def _load_rows(source, format: str | None, encoding: str = "auto") -> tuple[str, str, list[tuple[int, dict[str, Any], Any]]]:
    """(source name, line unit, [(line, fields, geometry)])."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas comes with geopandas
        pd = None
    if pd is not None and isinstance(source, pd.DataFrame):
        return "<DataFrame>", "row", _frame_rows(source)
    if not isinstance(source, (str, os.PathLike)):
        raise InvalidArgumentType(f"read_claims takes a path or a DataFrame, not {type(source).__name__}")
    path = Path(os.fspath(source))
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in _FORMATS:
        raise ClaimFormatError([ClaimProblem(
            str(path), None, "", "", f"unknown claims format {fmt or '(no extension)'!r}; valid: .csv, .json, "
            ".geojson (or pass format='csv' / --format)")])
    from geoclaims._input import read_bytes

    data = read_bytes(path, what="claims file")
    try:
        text = decode(data, source=str(path), encoding=encoding)
    except InputEncodingError as e:
        raise ClaimFormatError([ClaimProblem(str(path), None, "", "", str(e).split(": ", 1)[-1])]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if fmt == "csv":
        return str(path), "line", _csv_rows(text, str(path))
    data = _json(text, str(path))
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return str(path), "feature", _feature_rows(data, str(path))
    items = data.get("claims") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ClaimFormatError([ClaimProblem(str(path), None, "", "", "expected a list of objects, "
                                             "{\"claims\": [...]} or a GeoJSON FeatureCollection")])
    rows = []
    for i, x in enumerate(items, start=1):
        if isinstance(x, dict):
            rows.append((i, {str(k): v for k, v in x.items()}, None))
        else:
            rows.append((i, {"__problem__": f"expected an object with the claim's fields, got {_kind(x)}"}, None))
    _check_columns(set().union(*(set(f) for _, f, _ in rows if "__problem__" not in f)) if rows else set(),
                   str(path), "keys of the claims")
    return str(path), "item", rows
