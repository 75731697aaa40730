"""The version of geoclaims, in a base module so that pages and files at any stage can record it."""

__version__ = "0.1.0"
