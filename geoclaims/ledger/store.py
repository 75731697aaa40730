"""The :class:`Ledger`: a shared store of claims with history, on a GeoPackage or PostGIS.

Every change is a new revision; nothing is updated or deleted. The current view is each claim id's
latest revision unless that revision retracts it, and any earlier view can be had again
(``as_of=``). Writers take one lock (a row of ``ledger_info``, or SQLite's write lock) for the few
milliseconds of a batch, so two people adding at once never lose a revision.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from geoclaims.claims.claim import Claim
from geoclaims.errors import InvalidArgument, InvalidArgumentType, LedgerError, UnknownClaim
from geoclaims.ledger import schema
from geoclaims.ledger.filters import as_of_moment, in_region, now_ms, who
from geoclaims.ledger.records import claim_row, content_key, row_claim

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    import pandas

    from geoclaims.claims.claimset import ClaimSet
    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.timeline.core import Timeline

__all__ = ["Ledger", "AddResult", "HISTORY_COLUMNS", "LOG_COLUMNS"]

#: Columns of :meth:`Ledger.history`.
HISTORY_COLUMNS = ("claim_id", "revision", "kind", "entered_at", "entered_by", "batch", "supersedes", "why",
                   "source", "rows", "claims")
#: Columns of :meth:`Ledger.log`.
LOG_COLUMNS = ("batch", "entered_at", "entered_by", "kind", "source", "claims", "note")
_CHUNK = 900  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one :meth:`Ledger.add` did: its batch, and the claim ids by what happened to them.

    ``entered``: new ids; ``revised``: a new revision of a current claim; ``restored``: a new revision of a
    retracted claim; ``unchanged``: the same content as the current revision (nothing written).
    """

    batch: int | None
    entered_at: dt.datetime | None
    entered_by: str
    entered: tuple[str, ...] = ()
    revised: tuple[str, ...] = ()
    restored: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()

    def __str__(self) -> str:
        parts = [f"{len(v)} {k}" for k, v in (("entered", self.entered), ("revised", self.revised),
                                              ("restored", self.restored), ("unchanged", self.unchanged)) if v]
        where = f"batch {self.batch} by {self.entered_by} at {self.entered_at:%Y-%m-%d %H:%M:%S} UTC" \
            if self.batch is not None else "nothing written"
        return f"{', '.join(parts) or 'no claims'} ({where})"


class Ledger:
    """A store of claims with history: a GeoPackage file, or a PostGIS database for a team.

    Parameters
    ----------
    url : str or path
        A ``.gpkg`` path (one file, nothing to install) or ``postgresql://user@host/database``
        (PostGIS; needs ``pip install 'geoclaims[postgis]'``; ``PGPASSWORD`` and the other libpq
        variables fill what the URL leaves out).
    create : bool, default False
        Create the ledger (the file, or the tables in the database) instead of opening it.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> ledger = Ledger(pathlib.Path(tempfile.mkdtemp()) / "claims.gpkg", create=True)
    >>> print(ledger.add("examples/kursk/claims.csv", by="ana"))  # doctest: +ELLIPSIS
    71 entered (batch 1 by ana at ...)
    >>> ledger.retract("K048", "unconfirmed; the Guardian withdrew it", by="ben")
    2
    >>> len(ledger.claims()), len(ledger.claims(as_of=1))
    (112, 114)
    >>> ledger.history("K048")[["revision", "kind", "entered_by", "why"]].values.tolist()[-1]
    [2, 'retracted', 'ben', 'unconfirmed; the Guardian withdrew it']
    """

    def __init__(self, url: "str | os.PathLike[str]", *, create: bool = False) -> None:
        self.backend, self._where = schema.parse_url(url)
        #: Where the ledger is (a path, or the URL without its password).
        self.url: str = schema.display_url(self._where)
        self._engine = schema.open_engine(self.backend, self._where)
        self._t = schema.tables(self.backend).tables
        try:
            if create:
                schema.create_schema(self.backend, self._where, self._engine)
            else:
                schema.check_schema(self.backend, self._where, self._engine)
        except Exception as e:
            self._engine.dispose()
            import sqlalchemy as sa

            if isinstance(e, sa.exc.SQLAlchemyError):
                raise LedgerError(f"{self.url}: {schema._db_message(e)}") from None
            raise

    @classmethod
    def create(cls, url: "str | os.PathLike[str]") -> "Ledger":
        """Create a new ledger (``Ledger(url, create=True)``)."""
        return cls(url, create=True)

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Ledger {self.backend} {self.url}>"

    # -- writing ------------------------------------------------------------------------------------------
    def add(self, claims: "ClaimSet | Iterable[Claim] | str | os.PathLike[str] | pandas.DataFrame", *,
            by: str | None = None, note: str = "", gazetteer: "Gazetteer | None" = None,
            accept_fuzzy: bool = False, encoding: str = "auto", format: str | None = None) -> AddResult:
        """Add claims in one transaction: all of them, or (on any error) none.

        Parameters
        ----------
        claims : ClaimSet, iterable of Claim, path or DataFrame
            Files and frames are read by :func:`geoclaims.read_claims` (same validation, same messages):
            one bad row and nothing of the batch is written.
        by : str, optional
            Who enters them (default: ``GEOCLAIMS_USER``, else the login name).
        note : str
            Said of the whole batch (:meth:`log`).
        gazetteer, accept_fuzzy, encoding, format
            As for :func:`geoclaims.read_claims`.

        Returns
        -------
        AddResult
            Each claim id is a new revision (entered, revised, restored) or unchanged. All rows of one
            claim id in the input form one revision (a statement naming several places).

        Raises
        ------
        ClaimFormatError
            The input has bad rows (as :func:`read_claims` raises it); nothing was written.
        LedgerError
            The database failed; nothing was written.
        """
        from geoclaims.claims.claimset import ClaimSet
        from geoclaims.claims.read import read_claims

        if isinstance(claims, (str, os.PathLike)) or type(claims).__name__ in ("DataFrame", "GeoDataFrame"):
            source = os.fspath(claims) if isinstance(claims, (str, os.PathLike)) else "<DataFrame>"
            claims = read_claims(claims, gazetteer=gazetteer, accept_fuzzy=accept_fuzzy, encoding=encoding,
                                 format=format)
        else:
            source = claims.source if isinstance(claims, ClaimSet) else ""
        claims = list(claims)
        for c in claims:
            if not isinstance(c, Claim):
                raise InvalidArgumentType(f"add takes claims (Claim objects, a ClaimSet, a claims file or a "
                                          f"DataFrame), got {type(c).__name__}")
        by = who(by)
        groups: dict[str, list[dict[str, Any]]] = {}
        for c in claims:
            groups.setdefault(c.claim_id, []).append(claim_row(c))
        if not groups:
            return AddResult(None, None, by)
        return self._write(groups, by=by, kind="add", source=source, note=note)

    def retract(self, claim_id: "str | Iterable[str]", why: str, *, by: str | None = None) -> int:
        """Retract a claim (or several, in one batch): a new revision that takes it off the map.

        Parameters
        ----------
        claim_id : str or iterable of str
        why : str
            The reason, kept in :meth:`history` (required).
        by : str, optional
            Who retracts it (default as for :meth:`add`).

        Returns
        -------
        int
            The new revision number (of the last id, when several are given).

        Raises
        ------
        UnknownClaim
            An id the ledger does not hold, or holds only as retracted; nothing is written.
        """
        ids = [claim_id] if isinstance(claim_id, str) else list(claim_id)
        if not ids or not all(isinstance(i, str) and i.strip() for i in ids):
            raise InvalidArgument(f"claim_id must be a claim id or a list of them, got {claim_id!r}")
        if not isinstance(why, str) or not why.strip():
            raise InvalidArgument("why is required: say why the claim is retracted (it stays in the history)")
        result = self._write({i.strip(): None for i in ids}, by=who(by), kind="retract", source="",
                             note=why.strip())
        return result[1]

    def _write(self, groups: Mapping[str, "list[dict] | None"], *, by: str, kind: str, source: str, note: str):
        import sqlalchemy as sa

        t = self._t
        try:
            with self._engine.connect() as conn:
                conn.execution_options(ledger_write=True)
                with conn.begin():
                    conn.execute(sa.select(t["ledger_info"].c.value).where(t["ledger_info"].c.key == "lock")
                                 .with_for_update()).all()
                    last = conn.execute(sa.select(sa.func.max(t["ledger_batches"].c.entered_at))).scalar()
                    now = now_ms()
                    if last is not None and now <= last:  # one order for time and batches, whatever the clocks
                        now = last + dt.timedelta(milliseconds=1)
                    latest = self._latest(conn, list(groups))
                    if kind == "retract":
                        return self._retract(conn, groups, latest, now, by, note)
                    return self._enter(conn, groups, latest, now, by, source, note)
        except sa.exc.SQLAlchemyError as e:
            raise LedgerError(f"{self.url}: nothing was written: {schema._db_message(e)}") from None

    def _latest(self, conn, ids: list[str]) -> dict[str, tuple[int, bool]]:
        """claim id -> (latest revision, retracted) for the ids the ledger holds."""
        import sqlalchemy as sa

        rev = self._t["ledger_revisions"]
        out = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            top = sa.select(rev.c.claim_id, sa.func.max(rev.c.revision).label("revision")) \
                .where(rev.c.claim_id.in_(chunk)).group_by(rev.c.claim_id).subquery()
            q = sa.select(rev.c.claim_id, rev.c.revision, rev.c.retracted).join(
                top, sa.and_(rev.c.claim_id == top.c.claim_id, rev.c.revision == top.c.revision))
            out.update({r.claim_id: (r.revision, bool(r.retracted)) for r in conn.execute(q)})
        return out

    def _new_batch(self, conn, now, by, kind, source, n, note) -> int:
        """The next batch number (no gaps: a failed batch leaves none, as the writers' lock is held)."""
        import sqlalchemy as sa

        b = self._t["ledger_batches"]
        batch = (conn.execute(sa.select(sa.func.max(b.c.fid))).scalar() or 0) + 1
        conn.execute(b.insert().values(fid=batch, entered_at=now, entered_by=by, kind=kind, source=source,
                                       claims=n, note=note))
        return batch

    def _enter(self, conn, groups, latest, now, by, source, note) -> AddResult:
        t = self._t
        current = self._rows_of(conn, {cid: r for cid, (r, gone) in latest.items() if not gone})
        outcome: dict[str, list[str]] = {"entered": [], "revised": [], "restored": [], "unchanged": []}
        revisions, rows = [], []
        for cid, new_rows in groups.items():
            prev, gone = latest.get(cid, (0, False))
            if prev and not gone and content_key(current.get(cid, ())) == content_key(new_rows):
                outcome["unchanged"].append(cid)
                continue
            what = "entered" if not prev else "restored" if gone else "revised"
            outcome[what].append(cid)
            revisions.append(dict(claim_id=cid, revision=prev + 1, entered_at=now, entered_by=by, kind=what,
                                  supersedes=prev or None, retracted=False, why=note or None, rows=len(new_rows)))
            rows += [{**r, "revision": prev + 1, "row": k, "geom": self._geom_in(r["geom"])}
                     for k, r in enumerate(new_rows)]
        if not revisions:
            return AddResult(None, None, by, unchanged=tuple(outcome["unchanged"]))
        batch = self._new_batch(conn, now, by, "add", source, len(revisions), note)
        for r in revisions:
            r["batch"] = batch
        # RETURNING makes SQLAlchemy send many rows per statement ("insertmanyvalues") on every driver
        conn.execute(t["ledger_revisions"].insert().returning(t["ledger_revisions"].c.fid), revisions).all()
        conn.execute(t["ledger_claims"].insert().returning(t["ledger_claims"].c.fid), rows).all()
        return AddResult(batch, now, by, **{k: tuple(v) for k, v in outcome.items()})

    def _retract(self, conn, groups, latest, now, by, why) -> tuple[int, int]:
        for cid in groups:
            if cid not in latest:
                raise UnknownClaim(f"{self.url}: no claim {cid!r}{self._did_you_mean(conn, cid)}; nothing retracted")
            if latest[cid][1]:
                raise UnknownClaim(f"{self.url}: claim {cid!r} is already retracted (revision {latest[cid][0]}); "
                                   "see its history")
        batch = self._new_batch(conn, now, by, "retract", "", len(groups), why)
        revisions = [dict(claim_id=cid, revision=latest[cid][0] + 1, batch=batch, entered_at=now, entered_by=by,
                          kind="retracted", supersedes=latest[cid][0], retracted=True, why=why, rows=0)
                     for cid in groups]
        conn.execute(self._t["ledger_revisions"].insert(), revisions)
        return batch, revisions[-1]["revision"]

    def _did_you_mean(self, conn, cid: str) -> str:
        import difflib

        import sqlalchemy as sa

        rev = self._t["ledger_revisions"]
        ids = conn.execute(sa.select(rev.c.claim_id).distinct()).scalars().all()
        close = difflib.get_close_matches(cid, ids, n=3)
        return f" (did you mean: {', '.join(close)}?)" if close else ""

    def _geom_in(self, g: Any) -> Any:
        if g is None or self.backend == "gpkg":
            return g
        from geoalchemy2.shape import from_shape

        return from_shape(g, srid=schema.SRID)

    def _geoms_out(self, values: list[Any]) -> list[Any]:
        if self.backend == "gpkg":
            return values
        import shapely

        return list(shapely.from_wkb([None if v is None else bytes(v.data) for v in values]))

    # -- reading ------------------------------------------------------------------------------------------
    def _rows_of(self, conn, revisions: Mapping[str, int]) -> dict[str, list[dict[str, Any]]]:
        """The claim rows of the given (claim id, revision)s, in entry order."""
        import sqlalchemy as sa

        c = self._t["ledger_claims"]
        out: dict[str, list[dict[str, Any]]] = {}
        ids = list(revisions)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            res = conn.execute(sa.select(c).where(c.c.claim_id.in_(chunk)).order_by(c.c.fid)).mappings().all()
            res = [r for r in res if r["revision"] == revisions[r["claim_id"]]]
            for r, g in zip(res, self._geoms_out([r["geom"] for r in res])):
                out.setdefault(r["claim_id"], []).append({**r, "geom": g})
        return out

    def _current_rows(self, conn, as_of: Any) -> list[dict[str, Any]]:
        import sqlalchemy as sa

        rev, c = self._t["ledger_revisions"], self._t["ledger_claims"]
        top = sa.select(rev.c.claim_id, sa.func.max(rev.c.revision).label("revision"))
        if as_of is not None:
            top = top.where(rev.c.batch <= as_of if isinstance(as_of, int) else rev.c.entered_at <= as_of)
        top = top.group_by(rev.c.claim_id).subquery("top")
        live = sa.select(rev.c.claim_id, rev.c.revision, rev.c.batch, rev.c.entered_at, rev.c.entered_by).join(
            top, sa.and_(rev.c.claim_id == top.c.claim_id, rev.c.revision == top.c.revision)) \
            .where(rev.c.retracted == sa.false()).subquery("live")
        q = sa.select(c, live.c.batch, live.c.entered_at, live.c.entered_by).join(
            live, sa.and_(c.c.claim_id == live.c.claim_id, c.c.revision == live.c.revision)).order_by(c.c.fid)
        rows = [dict(r) for r in conn.execute(q).mappings()]
        for r, g in zip(rows, self._geoms_out([r["geom"] for r in rows])):
            r["geom"] = g
        return rows

    def _query(self, as_of, region, claimant, since) -> list[tuple[dict[str, Any], Claim]]:
        import sqlalchemy as sa

        as_of = as_of_moment(as_of)
        try:
            with self._engine.connect() as conn:
                rows = self._current_rows(conn, as_of)
        except sa.exc.SQLAlchemyError as e:
            raise LedgerError(f"{self.url}: cannot be read: {schema._db_message(e)}") from None
        pairs = [(r, row_claim(r, source=self.url)) for r in rows]
        if claimant is not None:
            wanted = {claimant.casefold()} if isinstance(claimant, str) else {str(x).casefold() for x in claimant}
            pairs = [(r, c) for r, c in pairs if c.claimant.casefold() in wanted]
        if since is not None:
            from geoclaims.timeline.dates import as_date

            d = as_date(since, "since")
            pairs = [(r, c) for r, c in pairs if c.date >= d]
        if region is not None:
            keep = in_region([c for _, c in pairs], region)
            pairs = [p for p, k in zip(pairs, keep) if k]
        return pairs

    def claims(self, *, as_of: Any = None, region: Any = None, claimant: "str | Iterable[str] | None" = None,
               since: "str | dt.date | None" = None) -> "ClaimSet":
        """The current claims (or those current at `as_of`), as a :class:`~geoclaims.ClaimSet`.

        Parameters
        ----------
        as_of : datetime, date, ISO text or int, optional
            The ledger as it was at that moment (naive times are UTC; a date means the end of that
            day, UTC), or after that batch number. The claims keep the places and coordinates they
            were entered with.
        region : str, (w, s, e, n) or polygon, optional
            Claims in this oblast or country (by their place's oblast or country as entered), box or
            polygon (by position); a claim without coordinates counts when the region it names lies there.
        claimant : str or iterable of str, optional
            Only these claimants (case does not matter).
        since : str or date, optional
            Only claims dated on or after this day.

        Returns
        -------
        ClaimSet
            In entry order; ``source`` is the ledger.
        """
        from geoclaims.claims.claimset import ClaimSet

        pairs = self._query(as_of, region, claimant, since)
        return ClaimSet(tuple(c for _, c in pairs), (), self.url, len(pairs))

    def to_geodataframe(self, *, as_of: Any = None, region: Any = None, claimant: Any = None,
                        since: Any = None) -> "geopandas.GeoDataFrame":
        """The claims of :meth:`claims` in the claims format's columns, with ``revision``, ``batch``,
        ``entered_at``, ``entered_by`` and the geometry (place point or drawn polygon, EPSG:4326)."""
        import geopandas
        from geoclaims.claims.claimset import ClaimSet

        pairs = self._query(as_of, region, claimant, since)
        df = ClaimSet(tuple(c for _, c in pairs)).to_dataframe()
        for col in ("revision", "batch", "entered_at", "entered_by"):
            df[col] = [r[col] for r, _ in pairs]
        return geopandas.GeoDataFrame(df, geometry=[r["geom"] for r, _ in pairs], crs=f"EPSG:{schema.SRID}")

    def history(self, claim_id: str) -> "pandas.DataFrame":
        """Every revision of a claim id, oldest first: who, when, what kind, why, and what it said.

        Columns: :data:`HISTORY_COLUMNS`; ``claims`` describes the revision's rows (empty for a retraction).
        """
        import pandas as pd
        import sqlalchemy as sa

        rev, b = self._t["ledger_revisions"], self._t["ledger_batches"]
        with self._engine.connect() as conn:
            revs = conn.execute(sa.select(rev, b.c.source).join(b, b.c.fid == rev.c.batch)
                                .where(rev.c.claim_id == claim_id).order_by(rev.c.revision)).mappings().all()
            if not revs:
                raise UnknownClaim(f"{self.url}: no claim {claim_id!r}{self._did_you_mean(conn, claim_id)}")
            c = self._t["ledger_claims"]
            rows = conn.execute(sa.select(c).where(c.c.claim_id == claim_id).order_by(c.c.fid)).mappings().all()
        text: dict[int, list[str]] = {}
        for r, g in zip(rows, self._geoms_out([r["geom"] for r in rows])):
            text.setdefault(r["revision"], []).append(row_claim({**r, "geom": g}, source=self.url).describe())
        recs = [{"claim_id": r["claim_id"], "revision": r["revision"], "kind": r["kind"],
                 "entered_at": pd.Timestamp(r["entered_at"]), "entered_by": r["entered_by"], "batch": r["batch"],
                 "supersedes": r["supersedes"], "why": r["why"] or "", "source": r["source"] or "",
                 "rows": r["rows"], "claims": "; ".join(text.get(r["revision"], []))} for r in revs]
        df = pd.DataFrame(recs, columns=list(HISTORY_COLUMNS))
        df["supersedes"] = df["supersedes"].astype("Int64")
        return df

    def log(self) -> "pandas.DataFrame":
        """Every batch, oldest first: :data:`LOG_COLUMNS` (``note`` holds a retraction's reason)."""
        import pandas as pd
        import sqlalchemy as sa

        b = self._t["ledger_batches"]
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(b).order_by(b.c.fid)).mappings().all()
        return pd.DataFrame([{"batch": r["fid"], "entered_at": pd.Timestamp(r["entered_at"]),
                              "entered_by": r["entered_by"], "kind": r["kind"], "source": r["source"] or "",
                              "claims": r["claims"], "note": r["note"] or ""} for r in rows], columns=list(LOG_COLUMNS))

    def timeline(self, *, as_of: Any = None, region: Any = None, claimant: Any = None, since: Any = None,
                 **kwargs: Any) -> "Timeline":
        """:meth:`Timeline.from_claims <geoclaims.Timeline.from_claims>` of :meth:`claims`.

        ``as_of``, ``region``, ``claimant`` and ``since`` choose the claims; every other keyword goes to
        ``Timeline.from_claims`` (``method``, ``window_days``, ``baseline``, ...).
        """
        from geoclaims.timeline.core import Timeline

        return Timeline.from_claims(self.claims(as_of=as_of, region=region, claimant=claimant, since=since),
                                    **kwargs)

    def export(self, path: "str | os.PathLike[str]", *, as_of: Any = None, region: Any = None,
               claimant: Any = None, since: Any = None) -> "os.PathLike[str]":
        """Write the claims of :meth:`claims` to a file, atomically.

        ``.csv`` and ``.json`` are the claims format with each place's ``lat``/``lon`` as entered, so
        :func:`geoclaims.read_claims` (and another ledger's :meth:`add`) reads them back to the same
        claims. ``.gpkg`` and ``.geojson`` are a GIS layer of :meth:`to_geodataframe`.
        """
        from pathlib import Path

        from geoclaims.ledger.export import write_export

        return write_export(self, Path(path), dict(as_of=as_of, region=region, claimant=claimant, since=since))
