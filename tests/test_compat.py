"""The module paths of geoclaims 0.1 keep working for one release, with a DeprecationWarning naming the new place."""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest

import geoclaims
from geoclaims._compat import MOVED, SPLIT

OLD_PATHS = sorted([*MOVED, *SPLIT])


def _forget(old: str) -> None:
    """Drop an old path from sys.modules and from the package, so the next import finds it again."""
    sys.modules.pop(old, None)
    parent, _, name = old.rpartition(".")
    if parent in sys.modules:
        vars(sys.modules[parent]).pop(name, None)


@pytest.fixture
def fresh():
    """Forget every old path before and after a test (other tests must not see them bound)."""
    for old in OLD_PATHS:
        _forget(old)
    yield
    for old in OLD_PATHS:
        _forget(old)


def test_every_module_of_0_1_is_covered():
    """Each top-level module of 0.1 that moved has an old path here (the list of 0.1's modules is fixed)."""
    modules_0_1 = {
        "area", "basemap", "boundaries", "claims_io", "cognates", "compare", "dayview", "distributed", "evaluation",
        "gazetteer", "gazetteer_io", "geocoding", "geonames", "geopy_geocoder", "georef", "index_page", "infer",
        "lookup_context", "maps", "name_index", "names", "place", "place_checks", "postal", "projection", "regions",
        "render", "reverse", "shapes", "snapshots", "static", "styles", "territory", "_web",
    }
    assert {f"geoclaims.{m}" for m in modules_0_1} | {"geoclaims.ledger.cli"} == set(OLD_PATHS)


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_path_imports_the_new_module_with_a_warning(old, fresh):
    new = MOVED[old]
    with pytest.warns(DeprecationWarning, match=rf"^{old} is deprecated: it moved to {new}") as caught:
        module = importlib.import_module(old)
    assert caught[0].filename == __file__ or caught[0].filename.endswith("importlib/__init__.py")
    target = importlib.import_module(new)
    for name in getattr(target, "__all__", ()):
        assert getattr(module, name) is getattr(target, name), f"{old}.{name}"


@pytest.mark.parametrize("old", sorted(MOVED))
def test_from_old_path_import_name(old, fresh):
    new = MOVED[old]
    names = list(getattr(importlib.import_module(new), "__all__", ()))[:3]
    if not names:
        pytest.skip(f"{new} exports no names")  # pragma: no cover - every moved module has __all__
    with pytest.warns(DeprecationWarning, match=rf"moved to {new}") as caught:
        ns: dict = {}
        exec(f"from {old} import {', '.join(names)}", ns)
    assert caught[0].filename == "<string>"  # the warning names the code that imported the old path
    target = importlib.import_module(new)
    assert all(ns[n] is getattr(target, n) for n in names)


@pytest.mark.parametrize("old", sorted(o for o in OLD_PATHS if o.count(".") == 1 and o[10:] not in geoclaims.__all__))
def test_old_path_as_an_attribute_of_the_package(old, fresh):
    """``geoclaims.gazetteer`` without an import (geoclaims.compare is the function, as in 0.1)."""
    name = old.split(".")[1]
    with pytest.warns(DeprecationWarning, match=rf"^{old} is deprecated"):
        module = getattr(geoclaims, name)
    assert module.__name__ in (MOVED.get(old), old)


def test_split_module_gives_each_name_from_its_new_home(fresh):
    with pytest.warns(DeprecationWarning, match=r"^geoclaims.distributed is deprecated: it moved to "):
        from geoclaims.distributed import extract_corpus, map_snapshots, snapshot_areas
    from geoclaims.extract.corpus import extract_corpus as a
    from geoclaims.observed.dask_archive import map_snapshots as b
    from geoclaims.timeline.dask_areas import snapshot_areas as c

    assert (extract_corpus, map_snapshots, snapshot_areas) == (a, b, c)
    with pytest.raises(ImportError):
        exec("from geoclaims.distributed import no_such_name", {})


def test_importing_geoclaims_compare_keeps_the_function_callable(fresh):
    """`import geoclaims.compare` binds the name on the package; geoclaims.compare(...) must still work."""
    with pytest.warns(DeprecationWarning):
        import geoclaims.compare  # noqa: F401
    assert geoclaims.compare.Comparison is geoclaims.Comparison
    from geoclaims.observed.comparison import compare

    with pytest.raises(geoclaims.InvalidArgumentType):  # the function itself answers
        geoclaims.compare("not claims", "not a timeline")
    with pytest.raises(geoclaims.InvalidArgumentType):
        compare("not claims", "not a timeline")


def test_package_code_importing_an_old_path_is_an_error_in_tests(fresh):
    """pyproject's filter turns these warnings into errors: code and tests must use the new paths."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        with pytest.raises(DeprecationWarning, match="geoclaims.gazetteer is deprecated"):
            import geoclaims.gazetteer  # noqa: F401


@pytest.mark.parametrize("package, names", [
    ("geoclaims.timeline", ["Timeline", "Perspective", "STATE_COLUMNS", "PIECE_COLUMNS", "BAND_COLUMNS",
                            "DIFF_COLUMNS", "CHANGES_COLUMNS"]),
    ("geoclaims.claims", ["Claim", "ACTIONS", "SIDES", "CLAIMANT_SIDES", "STATUSES", "AREA_BASES", "DIRECTIONS",
                          "QUALIFIERS", "parse_date", "geometry_problem", "MIN_DATE", "MAX_DATE", "parse_qualifier",
                          "other_side"]),
    ("geoclaims.control", ["Piece", "replay", "outcome", "sort_key", "union", "geoms_of", "differences", "window",
                           "polygonal", "robust", "valid_polygons", "STATUSES"]),
    ("geoclaims.cli", ["main"]),
])
def test_modules_that_became_packages_keep_their_names(package, names):
    """geoclaims.timeline, .claims, .control and .cli were modules in 0.1: the names of their __all__ stay."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        module = importlib.import_module(package)
        for name in names:
            assert getattr(module, name) is not None, f"{package}.{name}"
