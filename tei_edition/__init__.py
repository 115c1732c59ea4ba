"""tei-edition: a toolkit for TEI-XML scholarly editions of archival documents.

Readers (Python) turn source texts into TEI P5; writers (XSLT 3.0) turn TEI
into HTML, PDF and plain text; the validator checks TEI against the edition's
schema and editorial rules.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
