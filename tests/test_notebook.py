"""notebooks/kursk.ipynb runs top to bottom (nbclient) and is stored without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "kursk.ipynb"


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_notebook_runs(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("GEOCLAIMS_NOTEBOOK_OUT", str(tmp_path / "maps"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "data" in o and "text/html" in o["data"]]
    assert any("<b>Timeline</b>" in h and "<svg" in h for h in html)       # the timeline's summary
    assert any("west of Malaya Loknya" in h for h in html)                  # the diff table
    assert any("Russkoye Porechnoye" in h and "assessed" in h for h in html)  # the extracted candidates
    maps = [h for h in html if "<iframe srcdoc=" in h]                      # the map, Leaflet embedded
    assert maps and "Leaflet 1." in maps[0] and "https://cdn.jsdelivr.net" not in maps[0]
    assert (tmp_path / "maps" / "index.html").exists()
    assert len(list((tmp_path / "maps").glob("????-??-??.html"))) > 10
