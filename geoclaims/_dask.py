"""What the Dask paths of every stage share (extraction over a corpus, snapshot archives, area series).

The single-process paths stay the default and import no Dask: a stage given a ``dask.distributed``
``Client`` (``client=``) sends its work to the client's workers, with the same results. Workers read
document and snapshot files by path: on several machines they need the same files at the same paths
(a shared filesystem); a zip archive is read by the caller and its members sent.
"""

from __future__ import annotations

from typing import Any

__all__ = ["client_threads"]


def client_threads(client: Any) -> int:
    """The worker threads of a Dask client (at least 1), which the stages size their tasks by."""
    return max(1, sum(client.nthreads().values()))
