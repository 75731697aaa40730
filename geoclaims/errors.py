"""Exceptions raised by geoclaims.

Every exception derives from :class:`GeoclaimsError` and also from the builtin
it resembles, as geopy and shapely do, so ``except LookupError`` keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

# candidates are geoclaims.places.place.Match objects (see the docstrings); errors is a base module and
# imports nothing of a higher stage, not even for type checking, so they are typed as Any here.

__all__ = [
    "GeoclaimsError",
    "InvalidArgument",
    "InvalidArgumentType",
    "UnknownPlaceId",
    "InputFileError",
    "InputFileNotFound",
    "OutputError",
    "InputEncodingError",
    "PlaceNotFound",
    "AmbiguousPlace",
    "UnknownRegion",
    "GazetteerDataError",
    "ClaimFormatError",
    "ClaimProblem",
    "AmbiguousPlaceWarning",
    "LedgerError",
    "LedgerNotFound",
    "UnknownClaim",
    "CorpusError",
    "DisplayBackendError",
]


class GeoclaimsError(Exception):
    """Root of every error geoclaims raises."""


class InvalidArgument(GeoclaimsError, ValueError):
    """An argument a function cannot use (an option, a date, a region...); the message lists what is valid."""


class InvalidArgumentType(GeoclaimsError, TypeError):
    """An argument of a type the function does not take; the message names the types it does."""


class UnknownPlaceId(GeoclaimsError, KeyError):
    """No place in the gazetteer has this id."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""


class InputFileError(GeoclaimsError, OSError):
    """An input file or folder is missing, unreadable, or not of a kind geoclaims reads.

    Also an :class:`OSError`, so ``except OSError`` keeps working.
    """

    def __str__(self) -> str:  # OSError's own formatting expects (errno, strerror)
        return str(self.args[0]) if self.args else ""


class InputEncodingError(GeoclaimsError, ValueError):
    """Input bytes that are not text in the expected encoding; the message says which encoding they look like."""


class InputFileNotFound(InputFileError, FileNotFoundError):
    """An input file or folder that does not exist (also a :class:`FileNotFoundError`)."""


class OutputError(GeoclaimsError, OSError):
    """An output path cannot be written (a folder where a file is expected, no permission, no space)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class PlaceNotFound(GeoclaimsError, LookupError):
    """No place in the gazetteer matches a name (within the given context).

    Attributes
    ----------
    query : str
        The name looked up.
    candidates : tuple of Match
        The closest places, for a "did you mean" (may be empty).
    """

    def __init__(self, message: str, *, query: str = "", candidates: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.query = query
        self.candidates = tuple(candidates)


class UncertainMatch(PlaceNotFound):
    """The only match for a name is a guess (a ``skeleton`` or ``fuzzy`` match), and a strict
    lookup asked for certainty: ``geocode(..., strict=True)``, ``GazetteerGeocoder(strict=True)``.

    ``candidates`` holds the guesses, best first.
    """


class AmbiguousPlace(GeoclaimsError, LookupError):
    """Several places match a name about equally well and lie far apart.

    Attributes
    ----------
    query : str
        The name looked up.
    candidates : tuple of Match
        The competing places, best first.
    """

    def __init__(self, message: str, *, query: str = "", candidates: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.query = query
        self.candidates = tuple(candidates)


class UnknownRegion(GeoclaimsError, ValueError):
    """A region or country name that the bundled tables do not know."""


class GazetteerDataError(GeoclaimsError, ValueError):
    """A gazetteer file is missing, malformed or built with other match keys."""


@dataclass(frozen=True, slots=True)
class ClaimProblem:
    """One bad value in a claims file: where it is, what it is, and what is valid.

    Parameters
    ----------
    source : str
        File name ('<DataFrame>' for frames).
    line : int or None
        CSV line (1 = header), JSON item or GeoJSON feature number, or frame row.
    column : str
        The field ('' for a problem with the whole row or file).
    value : str
        The offending value as written.
    message : str
        What is wrong and what would be valid.
    claim_id : str
        The row's claim id, when it has one.
    unit : str
        What `line` counts: ``"line"``, ``"item"``, ``"feature"`` or ``"row"``.
    """

    source: str
    line: int | None
    column: str
    value: str
    message: str
    claim_id: str = ""
    unit: str = "line"

    def __str__(self) -> str:
        where = self.source or "<claims>"
        if self.line is not None:
            where += f", {self.unit} {self.line}"
        if self.column:
            where += f", column {self.column!r}"
        value = f" (value {self.value!r})" if self.value else ""
        return f"{where}{value}: {self.message}"


class ClaimFormatError(GeoclaimsError, ValueError):
    """A claims file (or frame) has bad rows; ``.problems`` lists every one."""

    def __init__(self, problems: Sequence[ClaimProblem], *, good: int = 0) -> None:
        self.problems = tuple(problems)
        self.good = good
        if len(self.problems) == 1 and self.problems[0].line is None and not good:
            super().__init__(str(self.problems[0]))  # the file as a whole: one line
            return
        shown = "\n  ".join(str(p) for p in self.problems[:20])
        more = f"\n  ... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        hint = (f"\n({good} good rows; read_claims(..., on_error='collect') returns them with this report)"
                if good else "")
        super().__init__(f"{len(self.problems)} problem(s) in claims:\n  {shown}{more}{hint}")


class AmbiguousPlaceWarning(UserWarning):
    """Warned when an API that must return one place had to pick among several."""


class UncertainMatchWarning(UserWarning):
    """Warned when an API returns a place that matched its name only by a guess (``Match.uncertain``)."""


# -- the claims ledger (geoclaims.ledger) ------------------------------------------------------------------
class LedgerError(GeoclaimsError, OSError):
    """A ledger that cannot be opened, created or written (a database error, another schema, a driver missing)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class LedgerNotFound(LedgerError, FileNotFoundError):
    """No ledger at that path or in that database; the message says how to create one."""


class UnknownClaim(GeoclaimsError, KeyError):
    """A claim id the ledger does not hold (or, for a retraction, holds only as retracted)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


# -- corpora (geoclaims.extract.corpus) ---------------------------------------------------------------------------
class CorpusError(GeoclaimsError, ValueError):
    """Documents of a corpus that could not be read; ``.failures`` lists (doc, message), ``.result`` the
    claims of every other document (nothing done is lost)."""

    def __init__(self, failures, result=None) -> None:
        self.failures = list(failures)
        self.result = result
        shown = "\n  ".join(m for _, m in self.failures[:20])
        more = f"\n  ... and {len(self.failures) - 20} more" if len(self.failures) > 20 else ""
        super().__init__(f"{len(self.failures)} document(s) could not be read:\n  {shown}{more}\n(the claims of the "
                         "other documents are in this error's .result; on_error='collect' keeps them in the result "
                         "with an error row per failed document)")

    def __reduce__(self):  # picklable, for errors raised on Dask workers
        return (type(self), (self.failures, self.result))


# -- display (geoclaims.timeline.display) ---------------------------------------------------------------------------
class DisplayBackendError(GeoclaimsError, LookupError):
    """No display backend can draw a Timeline (none registered, an unknown name, or its module cannot be
    loaded); the message says which backends there are and how to register one."""
