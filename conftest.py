# Root conftest: keep `python -m geoclaims` out of doctest collection (it runs the CLI).
collect_ignore = ["geoclaims/__main__.py"]
