"""Candidate claims from many documents (:func:`extract_corpus`), in one process or on a Dask cluster.

The loop in this process is the default and imports no Dask. Give a ``dask.distributed`` ``Client``
(``client=``) and batches of documents are scattered to its workers, or map the partitions of a
``dask.dataframe``; each worker process loads the bundled gazetteer once. The results are the same
(the same functions run on the workers; the tests compare them on a ``LocalCluster``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from geoclaims._dask import client_threads
from geoclaims.errors import CorpusError, GeoclaimsError, InvalidArgument, InvalidArgumentType

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["extract_corpus", "CORPUS_COLUMNS", "DOCUMENT_SUFFIXES"]

#: File endings :func:`extract_corpus` takes from a folder.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
_FLOATS = ("distance_km", "area_km2", "confidence")


def _columns(on_error: str) -> list[str]:
    from geoclaims.extract import OUTPUT_COLUMNS

    return ["doc", *OUTPUT_COLUMNS, *(["error"] if on_error == "collect" else [])]


#: Columns of :func:`extract_corpus`: ``doc``, then the claims format and review columns of
#: :meth:`geoclaims.Extraction.to_dataframe` (``error`` follows with ``on_error="collect"``).
CORPUS_COLUMNS: tuple[str, ...] = ("doc", "claim_id", "date", "claimant", "claimant_side", "side", "action",
                                   "place", "place_id", "region", "qualifier", "distance_km", "area_km2",
                                   "area_basis", "status", "source_url", "note", "span", "quote", "confidence",
                                   "candidates")


def extract_corpus(
    source: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | pandas.DataFrame | Any",
    *,
    client: Any = None,
    published: Any = None,
    region: str | None = None,
    source_url: str = "",
    encoding: str = "auto",
    on_error: str = "raise",
    partition_size: int | None = None,
    progress: bool | None = None,
) -> "pandas.DataFrame | Any":
    """Candidate claims from many documents, in one process or on a Dask cluster.

    Parameters
    ----------
    source : folder, iterable of paths, pandas DataFrame or dask DataFrame
        A folder (its ``.txt``, ``.html`` and ``.htm`` files, recursively, in name order), a list of
        files, or a frame with a ``text`` column and optionally ``doc`` (an id; default the index),
        ``published``, ``region`` and ``source_url`` columns (blank cells take the options below).
    client : dask.distributed.Client, optional
        Run on its workers (batches of documents scattered to them; each worker loads the gazetteer
        once).
        None (default): a loop in this process, no Dask. A dask DataFrame is always mapped lazily.
    published, region, source_url
        As for :func:`geoclaims.extract_claims`, for every document that does not give its own.
    encoding : str
        Of the files (default: UTF-8, or what a byte-order mark says).
    on_error : {'raise', 'collect'}
        A document that cannot be read (missing, another encoding, a bad ``published``): ``"raise"``
        raises :class:`~geoclaims.errors.CorpusError` after the whole corpus, naming every failed
        document, with the claims of the others in ``.result``; ``"collect"`` adds a row per failed
        document with its ``error`` (the column is '' on claim rows).
    partition_size : int, optional
        Documents per Dask task (default: about four tasks per worker thread, at most 500 documents).
    progress : bool, optional
        A progress bar on stderr for the loop in this process (default: when stderr is a terminal).

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        One row per candidate claim, in document order: :data:`CORPUS_COLUMNS`. Claim ids are
        ``<doc>#<id>`` so that they stay unique across the corpus. A dask DataFrame in, a dask
        DataFrame out (lazy); otherwise pandas.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc": ["a", "b"], "published": ["2025-01-07", "2025-01-08"], "text": [
    ...     "Russian forces captured Berdin, the Russian Defense Ministry said.",
    ...     "ISW assessed that Ukrainian forces advanced in southern Sudzha."]})
    >>> extract_corpus(docs)[["doc", "claim_id", "side", "action", "place"]].values.tolist()
    [['a', 'a#X1', 'RU', 'capture', 'Berdin'], ['b', 'b#X1', 'UA', 'advance', 'Sudzha']]
    """
    if on_error not in ("raise", "collect"):
        raise InvalidArgument(f"on_error={on_error!r} is not valid; valid: raise, collect")
    if partition_size is not None and (isinstance(partition_size, bool) or not isinstance(partition_size, int)
                                       or partition_size < 1):
        raise InvalidArgument(f"partition_size={partition_size!r} is not valid; give a number of documents >= 1")
    defaults = dict(published=published, region=region, source_url=source_url, encoding=encoding)
    if type(source).__module__.startswith("dask"):
        return _dask_frame(source, defaults, on_error)
    docs = _documents(source)
    if client is None:
        from tqdm import tqdm

        bar = tqdm(docs, desc="extracting", unit="doc", file=sys.stderr,
                   disable=(not sys.stderr.isatty()) if progress is None else not progress)
        frame = _frame([r for d in bar for r in _extract_one(d, defaults)])
    else:
        import pandas as pd

        n = partition_size or _partition_size(client, len(docs))
        parts = client.scatter([docs[i:i + n] for i in range(0, len(docs), n)])  # to the workers, not the graph
        frames = client.gather(client.map(_extract_frame, parts, defaults=defaults, pure=False))
        frame = pd.concat(frames, ignore_index=True) if frames else _frame([])
    return _finish(frame, on_error)


def _documents(source: Any) -> list[tuple[str, str | None, dict[str, Any]]]:
    """(doc id, path or None, fields) per document, in order; fields hold 'text' for frame rows."""
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        if "text" not in source.columns:
            raise InvalidArgument(f"the frame needs a 'text' column; it has: {', '.join(map(str, source.columns))}")
        ids = source["doc"] if "doc" in source.columns else pd.Series(source.index, index=source.index)
        cols = [c for c in ("text", "published", "region", "source_url") if c in source.columns]
        return [(str(i), None, {c: v for c, v in zip(cols, vals)})
                for i, vals in zip(ids, source[cols].itertuples(index=False, name=None))]
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
            if not files:
                raise InvalidArgument(f"{path}: no documents ({', '.join(DOCUMENT_SUFFIXES)}) in this folder")
            return [(str(p.relative_to(path)), str(p), {}) for p in files]
        paths = [path]
    elif isinstance(source, Iterable):
        paths = [Path(p) if isinstance(p, (str, os.PathLike)) else p for p in source]
        bad = next((p for p in paths if not isinstance(p, Path)), None)
        if bad is not None:
            raise InvalidArgumentType(f"documents are given as paths, not {type(bad).__name__}")
    else:
        raise InvalidArgumentType(f"extract_corpus takes a folder, a list of files or a DataFrame with a 'text' "
                                  f"column, not {type(source).__name__}")
    names = [p.name for p in paths]
    unique = len(set(names)) == len(names)
    return [(p.name if unique else str(p), str(p), {}) for p in paths]


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip()) or \
        type(v).__name__ in ("NAType", "NaTType")


def _extract_one(doc: tuple[str, str | None, dict[str, Any]], defaults: dict[str, Any]) -> list[dict[str, Any]]:
    """The candidate rows of one document, or one row with its error."""
    from geoclaims.extract import extract_claims

    key, path, fields = doc
    opts = {k: (defaults[k] if _blank(fields.get(k)) else fields[k]) for k in ("published", "region", "source_url")}
    try:
        if path is not None:
            from geoclaims._input import decode, read_bytes

            text = decode(read_bytes(Path(path), what="document"), source=path, encoding=defaults["encoding"])
        else:
            text = "" if _blank(fields.get("text")) else fields["text"]
            if not isinstance(text, str):
                raise InvalidArgumentType(f"text is {type(text).__name__}, not text")
        ex = extract_claims(text, published=opts["published"], region=opts["region"] or None,
                            source_url=str(opts["source_url"] or ""))
    except (GeoclaimsError, OSError) as e:
        return [{"doc": key, "error": f"{key}: {e}"}]
    return [{"doc": key, **c.to_record(), "claim_id": f"{key}#{c.claim_id}"} for c in ex.claims]


def _frame(rows: list[dict[str, Any]]) -> "pandas.DataFrame":
    """Candidate rows as a frame of :data:`CORPUS_COLUMNS` plus ``error`` ('' on claim rows)."""
    import pandas as pd

    cols = _columns("collect")
    df = pd.DataFrame.from_records(rows, columns=cols)
    for c in cols:
        df[c] = df[c].astype("float64") if c in _FLOATS else df[c].astype(object).fillna("").astype(str)
    return df


def _extract_frame(docs: Sequence[Any], defaults: dict[str, Any]) -> "pandas.DataFrame":
    return _frame([r for d in docs for r in _extract_one(d, defaults)])


def _finish(frame: "pandas.DataFrame", on_error: str) -> "pandas.DataFrame":
    """Raise for failed documents (with the rest as ``.result``), or keep them as error rows."""
    if on_error == "collect":
        return frame
    failed = frame["error"] != ""
    good = frame[~failed].drop(columns="error").reset_index(drop=True)
    if failed.any():
        raise CorpusError(list(zip(frame.loc[failed, "doc"], frame.loc[failed, "error"])), good)
    return good


def _partition_size(client: Any, n_docs: int) -> int:
    threads = client_threads(client)
    return max(1, min(500, -(-n_docs // (4 * threads))))


def _dask_frame(ddf: Any, defaults: dict[str, Any], on_error: str) -> Any:
    if "text" not in ddf.columns:
        raise InvalidArgument(f"the frame needs a 'text' column; it has: {', '.join(map(str, ddf.columns))}")
    meta = _finish(_frame([]), on_error)
    return ddf.map_partitions(_extract_partition, defaults, on_error, meta=meta)


def _extract_partition(part: "pandas.DataFrame", defaults: dict[str, Any], on_error: str) -> "pandas.DataFrame":
    return _finish(_extract_frame(_documents(part), defaults), on_error)
