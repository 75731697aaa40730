"""The ledger's tables, on a GeoPackage (SQLite) or on PostGIS, and how to open or create them.

Four tables, the same on both backends (SQLAlchemy Core):

- ``ledger_info``: key/value facts (schema version, creation time) and the row writers lock;
- ``ledger_batches``: one row per :meth:`Ledger.add` or :meth:`Ledger.retract` (who, when, from where);
- ``ledger_revisions``: one row per revision of a claim id (entered, revised, retracted, restored);
- ``ledger_claims``: the claim rows of each revision, with the place and coordinates resolved at entry
  and a point (or the drawn polygon) as geometry (EPSG:4326).

A view ``ledger_current`` holds the current claims (latest revision, not retracted); on a GeoPackage it
is registered as a feature layer, so QGIS opens the file and shows them.

The GeoPackage is created by pyogrio (GDAL), without a spatial index (its triggers need GDAL's SQL
functions, which a plain SQLite connection lacks); geometries are GeoPackage binary blobs. On PostGIS
the geometry column is GeoAlchemy2's ``Geometry(srid=4326)`` with a GiST index.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import struct
from pathlib import Path
from typing import Any

from geoclaims.errors import InvalidArgument, LedgerError, LedgerNotFound

__all__ = ["tables", "CLAIM_COLUMNS", "SCHEMA_VERSION", "parse_url", "open_engine", "create_schema", "check_schema", "display_url"]

SCHEMA_VERSION = "geoclaims-ledger 1"
SRID = 4326

_CLAIM_TEXT = ("claim_id", "date", "claimant", "claimant_side", "side", "action", "status", "place", "place_id",
               "place_name", "region", "qualifier", "area_basis", "source_url", "note", "country", "admin1", "admin2",
               "kind", "location_note", "place_names", "source")
_CLAIM_FLOAT = ("distance_km", "area_km2", "lat", "lon", "uncertainty_km")
_CLAIM_INT = ("revision", "row", "population", "line")
_CLAIM_BOOL = ("place_uncertain", "drawn")


def _metadata(geometry_type: Any):
    """The tables, with the backend's geometry column type."""
    import sqlalchemy as sa

    UTCTime = _utctime()
    md = sa.MetaData()
    sa.Table("ledger_info", md, sa.Column("fid", sa.Integer, primary_key=True),
             sa.Column("key", sa.String, nullable=False, unique=True), sa.Column("value", sa.String))
    sa.Table("ledger_batches", md, sa.Column("fid", sa.Integer, primary_key=True),
             sa.Column("entered_at", UTCTime, nullable=False), sa.Column("entered_by", sa.String, nullable=False),
             sa.Column("kind", sa.String, nullable=False), sa.Column("source", sa.String),
             sa.Column("claims", sa.Integer), sa.Column("note", sa.String))
    sa.Table("ledger_revisions", md, sa.Column("fid", sa.Integer, primary_key=True),
             sa.Column("claim_id", sa.String, nullable=False), sa.Column("revision", sa.Integer, nullable=False),
             sa.Column("batch", sa.Integer, nullable=False), sa.Column("entered_at", UTCTime, nullable=False),
             sa.Column("entered_by", sa.String, nullable=False), sa.Column("kind", sa.String, nullable=False),
             sa.Column("supersedes", sa.Integer), sa.Column("retracted", sa.Boolean, nullable=False),
             sa.Column("why", sa.String), sa.Column("rows", sa.Integer, nullable=False),
             sa.UniqueConstraint("claim_id", "revision", name="ledger_revisions_claim_revision"))
    sa.Table("ledger_claims", md, sa.Column("fid", sa.Integer, primary_key=True),
             *(sa.Column(c, sa.String) for c in _CLAIM_TEXT),
             *(sa.Column(c, sa.Float) for c in _CLAIM_FLOAT),
             *(sa.Column(c, sa.Integer) for c in _CLAIM_INT),
             *(sa.Column(c, sa.Boolean) for c in _CLAIM_BOOL),
             sa.Column("geom", geometry_type),
             sa.Index("ledger_claims_claim_revision", "claim_id", "revision"))
    return md


#: Column names of ledger_claims other than fid and geom, in table order.
CLAIM_COLUMNS: tuple[str, ...] = (*_CLAIM_TEXT, *_CLAIM_FLOAT, *_CLAIM_INT, *_CLAIM_BOOL)


@functools.cache
def _utctime():
    import sqlalchemy as sa

    class _UTCTime(sa.types.TypeDecorator):
        """Aware UTC datetimes: ``timestamptz`` on PostGIS, ISO 8601 text (``...Z``) in a GeoPackage."""

        impl = sa.DateTime(timezone=True)
        cache_ok = True

        def load_dialect_impl(self, dialect):
            return dialect.type_descriptor(sa.String() if dialect.name == "sqlite" else sa.DateTime(timezone=True))

        def process_bind_param(self, value, dialect):
            if value is None:
                return None
            value = value.astimezone(dt.timezone.utc)
            if dialect.name != "sqlite":
                return value
            return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"  # GeoPackage DATETIME

        def process_result_value(self, value, dialect):
            if value is None:
                return None
            if isinstance(value, str):
                value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)

    return _UTCTime


@functools.cache
def _gpkg_geometry():
    import sqlalchemy as sa

    class _GpkgGeometry(sa.types.TypeDecorator):
        """Shapely geometries as GeoPackage binary (a ``GP`` header, the SRS id, the envelope, then WKB)."""

        impl = sa.LargeBinary
        cache_ok = True

        def process_bind_param(self, value, dialect):
            return None if value is None else gpkg_blob(value)

        def process_result_value(self, value, dialect):
            return None if value is None else from_gpkg_blob(value)

    return _GpkgGeometry


def gpkg_blob(geom: Any) -> bytes:
    """A shapely geometry as a GeoPackage geometry blob (GeoPackage 1.4, clause 2.1.3), EPSG:4326.

    Examples
    --------
    >>> import shapely
    >>> from_gpkg_blob(gpkg_blob(shapely.Point(35.4, 51.3))).wkt
    'POINT (35.4 51.3)'
    """
    import shapely

    if geom.geom_type == "Point":  # no envelope: a point is its own
        return b"GP\x00\x01" + struct.pack("<i", SRID) + shapely.to_wkb(geom, byte_order=1)
    w, s, e, n = geom.bounds
    return b"GP\x00\x03" + struct.pack("<i4d", SRID, w, e, s, n) + shapely.to_wkb(geom, byte_order=1)


def from_gpkg_blob(blob: bytes) -> Any:
    """The shapely geometry of a GeoPackage geometry blob (any envelope, either byte order)."""
    import shapely

    blob = bytes(blob)
    if blob[:2] != b"GP":
        raise LedgerError("a geometry in the ledger is not a GeoPackage geometry blob")
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0x07)
    if envelope is None:
        raise LedgerError("a geometry in the ledger has an unknown envelope kind")
    return shapely.from_wkb(blob[8 + envelope:])


@functools.cache
def tables(backend: str) -> Any:
    """The ledger's MetaData for ``"gpkg"`` or ``"postgis"``."""
    if backend == "gpkg":
        return _metadata(_gpkg_geometry())
    from geoalchemy2 import Geometry

    return _metadata(Geometry(geometry_type="GEOMETRY", srid=SRID, spatial_index=True))


# -- URLs and engines -------------------------------------------------------------------------------------
def parse_url(url: "str | os.PathLike[str]") -> tuple[str, Any]:
    """``("gpkg", Path)`` or ``("postgis", sqlalchemy URL)`` for a ledger location, or a clear error.

    A ``postgresql://`` URL takes what it lacks from the usual libpq variables (``PGHOST``, ``PGPORT``,
    ``PGUSER``, ``PGPASSWORD``, ``PGDATABASE``) and is driven by pg8000 unless it names a driver
    (``postgresql+psycopg://``).

    Examples
    --------
    >>> parse_url("claims.gpkg")
    ('gpkg', PosixPath('claims.gpkg'))
    >>> parse_url("postgresql://analyst@db.example/claims")[1].drivername
    'postgresql+pg8000'
    """
    text = os.fspath(url) if isinstance(url, (str, os.PathLike)) else None
    if text is None:
        raise InvalidArgument(f"a ledger is a GeoPackage path or a postgresql:// URL, not {type(url).__name__}")
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme.startswith(("postgresql", "postgres")):
        import sqlalchemy as sa

        try:
            u = sa.engine.make_url("postgresql" + text[len(scheme.split("+")[0]):])
        except Exception as e:  # noqa: BLE001 - sqlalchemy's ArgumentError and friends
            raise InvalidArgument(f"not a valid PostgreSQL URL: {display_text(text)} ({e})") from None
        if "+" not in u.drivername:
            u = u.set(drivername="postgresql+pg8000")
        env = os.environ
        u = u.set(host=u.host or env.get("PGHOST") or "localhost",
                  port=u.port or (int(env["PGPORT"]) if env.get("PGPORT", "").isdigit() else None),
                  username=u.username or env.get("PGUSER") or None,
                  password=u.password if u.password is not None else env.get("PGPASSWORD"),
                  database=u.database or env.get("PGDATABASE") or None)
        if not u.database:
            raise InvalidArgument(f"{display_url(u)}: name the database (postgresql://user@host/DATABASE, or PGDATABASE)")
        return "postgis", u
    if scheme:
        raise InvalidArgument(f"unknown ledger URL scheme {scheme!r} in {display_text(text)}; valid: a GeoPackage "
                              "path (claims.gpkg) or postgresql://user@host/database")
    path = Path(text)
    if path.suffix.lower() != ".gpkg":
        raise InvalidArgument(f"{text}: a ledger file is a GeoPackage ending in .gpkg; or give a "
                              "postgresql://user@host/database URL")
    return "gpkg", path


def display_text(text: str) -> str:
    """A URL with its password hidden."""
    import re

    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", text)


def display_url(u: Any) -> str:
    """How messages show a ledger: the path, or the URL without its password."""
    if isinstance(u, Path):
        return str(u)
    return u.set(drivername="postgresql").render_as_string(hide_password=True)


def open_engine(backend: str, where: Any):
    """A SQLAlchemy engine for the ledger; GeoPackage writes take SQLite's write lock at BEGIN."""
    import sqlalchemy as sa

    if backend == "gpkg":
        engine = sa.create_engine(f"sqlite:///{where}", connect_args={"timeout": 60},
                                  poolclass=sa.pool.NullPool)

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi_connection, record):  # noqa: ARG001
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (SQLAlchemy's pysqlite recipe)

        @sa.event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ledger_write") else "BEGIN")

        return engine
    try:
        import geoalchemy2  # noqa: F401 - registers the PostGIS types
    except ImportError:
        raise LedgerError("a PostGIS ledger needs GeoAlchemy2 and a driver: pip install 'geoclaims[postgis]'") \
            from None
    driver = where.drivername.split("+", 1)[1]
    try:
        __import__({"psycopg2": "psycopg2", "psycopg": "psycopg"}.get(driver, driver))
    except ImportError:
        raise LedgerError(f"the PostgreSQL driver {driver!r} is not installed: pip install 'geoclaims[postgis]' "
                          "(pg8000), or install that driver") from None
    return sa.create_engine(where, pool_pre_ping=True, pool_size=2, max_overflow=2)


# -- creating and checking ----------------------------------------------------------------------------------
def create_schema(backend: str, where: Any, engine: Any) -> None:
    """Create the ledger's tables (and, on a GeoPackage, the file itself)."""
    import sqlalchemy as sa

    md = tables(backend)
    if backend == "gpkg":
        _create_gpkg(where, md)
    else:
        with engine.begin() as conn:
            existing = sa.inspect(conn).get_table_names()
            if "ledger_info" in existing:
                raise LedgerError(f"{display_url(where)} already holds a ledger")
            has = conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").first()
            if has is None:
                try:
                    conn.exec_driver_sql("CREATE EXTENSION postgis")
                except sa.exc.DBAPIError as e:
                    raise LedgerError(f"{display_url(where)}: PostGIS is not enabled in this database and this "
                                      "user may not enable it; ask its owner to run CREATE EXTENSION postgis "
                                      f"({_db_message(e)})") from None
            md.create_all(conn)
            _finish_schema(backend, md, conn)  # one transaction: all the tables, or none
        return
    try:
        with engine.begin() as conn:
            _finish_schema(backend, md, conn)
    except BaseException:  # a half-made file would block the next init: remove it
        engine.dispose()
        Path(where).unlink(missing_ok=True)
        raise


def _finish_schema(backend: str, md: Any, conn: Any) -> None:
    """Indexes, the current-claims view and the first rows of ledger_info."""
    import sqlalchemy as sa

    if backend == "gpkg":
        for t in md.sorted_tables:
            for ix in t.indexes:
                ix.create(conn)
        conn.execute(sa.text("CREATE UNIQUE INDEX ledger_revisions_claim_revision ON "
                             "ledger_revisions (claim_id, revision)"))
    conn.execute(sa.text(f"CREATE VIEW ledger_current AS {current_view_sql(md, conn.dialect)}"))
    if backend == "gpkg":
        _register_gpkg_view(conn)
    info = md.tables["ledger_info"]
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    conn.execute(info.insert(), [{"key": "schema", "value": SCHEMA_VERSION}, {"key": "created_at", "value": now},
                                 {"key": "lock", "value": "writers take this row"}])


def current_view_sql(md: Any, dialect: Any) -> str:
    """SQL of the current claims: rows of each claim id's latest revision, unless that one retracts it."""
    import sqlalchemy as sa

    rev, rows = md.tables["ledger_revisions"], md.tables["ledger_claims"]
    latest = sa.select(rev.c.claim_id, sa.func.max(rev.c.revision).label("revision")) \
        .group_by(rev.c.claim_id).subquery("latest")
    q = sa.select(rows).join(latest, sa.and_(rows.c.claim_id == latest.c.claim_id,
                                             rows.c.revision == latest.c.revision))
    return str(q.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _create_gpkg(path: Path, md: Any) -> None:
    """A GeoPackage with the ledger's layers, written by GDAL (then indexes and the view are added)."""
    import geopandas
    import pandas as pd
    import pyogrio
    import sqlalchemy as sa

    from geoclaims._io import atomic_path

    if path.exists():
        raise LedgerError(f"{path} already exists; a new ledger needs a new file")

    def frame(table) -> pd.DataFrame:
        cols = {}
        for c in table.columns:
            if c.name in ("fid", "geom"):
                continue
            kind = c.type if not isinstance(c.type, sa.types.TypeDecorator) else c.type.impl
            cols[c.name] = pd.Series(dtype={sa.Integer: "int64", sa.Float: "float64", sa.Boolean: "bool"}.get(
                type(kind), "datetime64[ms, UTC]" if isinstance(kind, sa.DateTime) else "object"))
        return pd.DataFrame(cols)

    with atomic_path(path) as tmp:
        claims = md.tables["ledger_claims"]
        gdf = geopandas.GeoDataFrame(frame(claims), geometry=geopandas.GeoSeries([], crs=f"EPSG:{SRID}"))
        pyogrio.write_dataframe(gdf.rename_geometry("geom"), tmp, layer="ledger_claims", driver="GPKG",
                                geometry_type="Unknown", layer_options={"SPATIAL_INDEX": "NO", "FID": "fid"})
        for name in ("ledger_revisions", "ledger_batches", "ledger_info"):
            pyogrio.write_dataframe(frame(md.tables[name]), tmp, layer=name, driver="GPKG",
                                    layer_options={"FID": "fid"})


def _register_gpkg_view(conn: Any) -> None:
    """Make ``ledger_current`` a feature layer of the GeoPackage (GeoPackage 1.4, views as contents)."""
    import sqlalchemy as sa

    conn.execute(sa.text(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES "
        "('ledger_current', 'features', 'ledger_current', 'current claims: latest revision, not retracted', :srs)"),
        {"srs": SRID})
    conn.execute(sa.text(
        "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
        "VALUES ('ledger_current', 'geom', 'GEOMETRY', :srs, 0, 0)"), {"srs": SRID})


def check_schema(backend: str, where: Any, engine: Any) -> None:
    """Raise :class:`LedgerNotFound` when there is no ledger there, :class:`LedgerError` for another schema."""
    import sqlalchemy as sa

    if backend == "gpkg" and not Path(where).is_file():
        raise LedgerNotFound(f"no ledger at {where}: create it with `geoclaims ledger init --ledger {where}` "
                             "or Ledger(..., create=True)")
    try:
        with engine.connect() as conn:
            names = sa.inspect(conn).get_table_names()
            if "ledger_info" not in names:
                raise LedgerNotFound(f"{display_url(where)} holds no ledger (no ledger_info table): create it with "
                                     "`geoclaims ledger init` or Ledger(..., create=True)")
            info = tables(backend).tables["ledger_info"]
            version = conn.execute(sa.select(info.c.value).where(info.c.key == "schema")).scalar()
    except sa.exc.DatabaseError as e:
        raise LedgerError(f"{display_url(where)} cannot be read as a ledger ({_db_message(e)})") from None
    if version != SCHEMA_VERSION:
        raise LedgerError(f"{display_url(where)} holds a ledger of schema {version!r}; this geoclaims reads "
                          f"{SCHEMA_VERSION!r}")


def _db_message(e: Exception) -> str:
    """The database's own words, without SQLAlchemy's statement dump."""
    orig = getattr(e, "orig", None) or e
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], dict):  # pg8000: {'S': 'ERROR', 'M': message, ...}
        return str(args[0].get("M", args[0]))
    return str(orig).split("\n[SQL:", 1)[0][:300]
