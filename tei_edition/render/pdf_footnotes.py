"""The order of the footnotes at the foot of a printed page: the critical apparatus last.

A printed critical edition sets its apparatus as a series of its own below the other
notes. WeasyPrint has one footnote area per page (CSS GCPM's `@footnote`) and fills it
in the order of the calls, and CSS gives no way to order its footnotes otherwise (the
area is always a block box: no flex `order`, no table footer). So the print HTML marks
the footnotes of a later series with `data-footnote-order` (an integer, 0 when absent;
the apparatus has 1, xslt/pdf/text.xsl), and `install` has WeasyPrint lay a page's
footnotes in that order, in the order of their calls within a series.

WeasyPrint has no public hook for this. The one place its layout hands a page's
footnotes to the footnote area, to measure it and finally to print it, is
`LayoutContext._update_footnote_area`; that method is wrapped, once, to sort the page's
footnotes first (a stable sort, so the same input gives the same layout). What is
measured is then what is printed. A page too full for its footnotes gives up the last
in this order (WeasyPrint moves the last one to the next page): the apparatus first.
A WeasyPrint without that method is left alone: the notes then follow their calls,
each series still with its own marks (tests/test_witnesses_pdf.py says so at once).
"""

from __future__ import annotations

from collections.abc import Callable

from weasyprint.formatting_structure.boxes import Box
from weasyprint.layout import LayoutContext

#: The HTML attribute that puts a footnote in a later series.
ORDER_ATTRIBUTE = "data-footnote-order"


def footnote_order(footnote: Box) -> int:
    """The series a footnote box belongs to (0 for the ordinary notes)."""
    element = footnote.element
    return int(element.get(ORDER_ATTRIBUTE, "0")) if element is not None else 0


def install() -> bool:
    """Have WeasyPrint lay each page's footnotes in the order of their series; idempotent.

    False when this WeasyPrint has no such step to wrap (a PDF is still made).
    """
    update: Callable[[LayoutContext], object] | None = getattr(LayoutContext, "_update_footnote_area", None)
    if update is None:
        return False
    if getattr(update, "_in_series_order", False):
        return True

    def update_in_series_order(context: LayoutContext) -> object:
        context.current_page_footnotes.sort(key=footnote_order)
        return update(context)

    update_in_series_order._in_series_order = True  # type: ignore[attr-defined]
    LayoutContext._update_footnote_area = update_in_series_order  # type: ignore[method-assign]
    return True


__all__ = ["ORDER_ATTRIBUTE", "footnote_order", "install"]
