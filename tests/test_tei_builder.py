"""The TEI builder every reader uses: its documented examples hold."""

from __future__ import annotations

import doctest

from tei_edition import tei


def test_the_builders_examples_hold() -> None:
    failures, tried = doctest.testmod(tei)
    assert tried > 0 and failures == 0
