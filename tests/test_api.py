"""The public API: every exported name exists, is documented, and `import geoclaims` stays light."""

import inspect
import subprocess
import sys

import pytest

import geoclaims


@pytest.mark.parametrize("name", [n for n in geoclaims.__all__ if n != "__version__"])
def test_public_name_is_exported_and_documented(name):
    obj = getattr(geoclaims, name)
    doc = inspect.getdoc(obj)
    assert doc and len(doc) > 20, f"{name} has no docstring"
    if inspect.isfunction(obj):
        assert "Examples" in doc and "Returns" in doc, f"{name}: numpydoc sections missing"
        hints = inspect.signature(obj)
        assert hints.return_annotation is not inspect.Signature.empty, f"{name}: no return annotation"


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        geoclaims.no_such_thing  # noqa: B018


def test_import_is_light():
    code = (
        "import sys, geoclaims; geoclaims.geocode('Berdin'); "
        "heavy = [m for m in ('folium', 'matplotlib', 'geopandas', 'shapely', 'pyproj') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"import geoclaims + geocode pulled in: {out}"


def test_py_typed_is_shipped():
    from importlib import resources

    assert (resources.files("geoclaims") / "py.typed").is_file()

