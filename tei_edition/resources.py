"""Where the toolkit's schema and stylesheets are: in a checkout, or where an installation put them.

In a checkout (and an editable install) `schema/` and `xslt/` stand beside the
package, where editors and maintainers look for them; a normal installation
(`pip install tei-edition`, a pre-commit hook) copies them to
`<prefix>/share/tei-edition/` (pyproject's data-files).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tei_edition.errors import TeiEditionError


def resource_dir(name: str) -> Path:
    """The toolkit's `schema` or `xslt` folder."""
    for candidate in (Path(__file__).resolve().parents[1] / name, Path(sys.prefix) / "share" / "tei-edition" / name):
        if candidate.is_dir():
            return candidate
    raise TeiEditionError(f"the toolkit's {name}/ folder is missing: reinstall tei-edition")


__all__ = [resource_dir.__name__]
