"""A throwaway PostgreSQL + PostGIS cluster for the ledger tests and benchmarks.

``initdb`` in a temporary folder, a free port on 127.0.0.1 only (no Unix socket, no other address),
password authentication with a random password, removed on :meth:`PgCluster.stop`. Uses Debian's
server (``/usr/lib/postgresql/<version>/bin``; ``GEOCLAIMS_PG_BINDIR`` for another) with its PostGIS
extension; ``.ci/ensure-postgis`` (run by ``make test``) installs both. PostgreSQL refuses to run as
root, so under root the cluster runs as the ``postgres`` system user (``nobody`` if there is none).
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = ["PgCluster", "PostgisMissing", "find_bindir"]


class PostgisMissing(RuntimeError):
    """No PostgreSQL server with PostGIS here; the message says which package to install."""


def find_bindir() -> Path:
    """The bin folder of the PostgreSQL server to use, with PostGIS available, or :class:`PostgisMissing`."""
    env = os.environ.get("GEOCLAIMS_PG_BINDIR")
    candidates = [Path(env)] if env else [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                                                 key=_version, reverse=True)]
    if not env and shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
        if out:
            candidates.append(Path(out))
    servers = [b for b in candidates if (b / "initdb").exists() and (b / "postgres").exists()]
    if not servers:
        raise PostgisMissing("no PostgreSQL server found (initdb, postgres): install Debian's packages "
                             "'postgresql' and 'postgresql-<version>-postgis-3' (apt-get install postgresql "
                             "postgis; `make test` runs .ci/ensure-postgis, which does it), or set GEOCLAIMS_PG_BINDIR")
    for b in servers:
        if (_sharedir(b) / "extension" / "postgis.control").exists():
            return b
    version = servers[0].parent.name
    raise PostgisMissing(f"PostgreSQL at {servers[0]} has no PostGIS extension: install Debian's package "
                         f"'postgresql-{version}-postgis-3' (apt-get install postgresql-{version}-postgis-3; "
                         "`make test` runs .ci/ensure-postgis, which does it)")


def _version(path: str) -> tuple:
    name = Path(path).parent.name
    return tuple(int(x) for x in name.split(".") if x.isdigit())


def _sharedir(bindir: Path) -> Path:
    try:
        out = subprocess.run([str(bindir / "pg_config"), "--sharedir"], capture_output=True, text=True, timeout=30)
        if out.returncode == 0 and out.stdout.strip():
            return Path(out.stdout.strip())
    except OSError:
        pass
    return Path("/usr/share/postgresql") / bindir.parent.name


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """A PostgreSQL cluster of our own on 127.0.0.1; ``url(db)`` for SQLAlchemy, ``new_database()`` per test."""

    user = "geoclaims"

    def __init__(self, *, durable: bool = False) -> None:
        self.bindir = find_bindir()
        self.password = secrets.token_urlsafe(18)
        self.root = Path(tempfile.mkdtemp(prefix="geoclaims-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self._run_as = None
        if os.geteuid() == 0:  # initdb and postgres refuse root
            try:
                self._run_as = pwd.getpwnam("postgres")
            except KeyError:
                self._run_as = pwd.getpwnam("nobody")
            os.chown(self.root, self._run_as.pw_uid, self._run_as.pw_gid)
        self._durable = durable
        self._counter = 0
        self._started = False

    # -- lifecycle ---------------------------------------------------------------------------------
    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        kw = {}
        if self._run_as is not None:
            kw = dict(user=self._run_as.pw_uid, group=self._run_as.pw_gid, extra_groups=[])
        r = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout, cwd=self.root,
                           env={**os.environ, "LC_ALL": "C"}, **kw)
        if r.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed ({r.returncode}): {r.stderr.strip()[-2000:]}\n{log}")
        return r

    def start(self) -> "PgCluster":
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n")
        if self._run_as is not None:
            os.chown(pwfile, self._run_as.pw_uid, self._run_as.pw_gid)
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user, f"--pwfile={pwfile}",
                  "--auth=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync")
        pwfile.unlink()
        opts = ("-c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=30 "
                "-c shared_buffers=32MB")
        if not self._durable:  # tests: a throwaway cluster need not survive a power cut
            opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        for attempt in range(5):
            self.port = _free_port()
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                          "-o", f"{opts} -p {self.port}", "start")
                break
            except RuntimeError:
                if attempt == 4:
                    raise
        self._started = True
        with self.connect("postgres") as conn:
            conn.autocommit = True
            cur = conn.cursor()
            cur.execute("CREATE DATABASE template_postgis")
        with self.connect("template_postgis") as conn:
            conn.autocommit = True
            conn.cursor().execute("CREATE EXTENSION postgis")
        return self

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            if self._started:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            self._started = False
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "PgCluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- use ----------------------------------------------------------------------------------------
    def connect(self, database: str):
        import pg8000.dbapi

        for attempt in range(50):
            try:
                return pg8000.dbapi.connect(user=self.user, password=self.password, host="127.0.0.1",
                                            port=self.port, database=database)
            except pg8000.dbapi.InterfaceError:
                if attempt == 49:
                    raise
                time.sleep(0.1)

    def url(self, database: str, *, password: bool = True) -> str:
        auth = f"{self.user}:{self.password}" if password else self.user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def new_database(self, *, postgis: bool = True) -> str:
        """A new empty database (with PostGIS enabled unless `postgis` is False); its name."""
        self._counter += 1
        name = f"ledger_{self._counter}_{secrets.token_hex(3)}"
        with self.connect("postgres") as conn:
            conn.autocommit = True
            conn.cursor().execute(f"CREATE DATABASE {name}" + (" TEMPLATE template_postgis" if postgis else ""))
        return name
