"""The ed: XPath functions the Schematron rules call, for what XPath 1.0 cannot say.

Dates are the hard part of the editorial rules: whether 1950-02-30 exists, and
whether a date with a time comes after one without. They are written once here,
in Python, and registered in lxml's function namespace `urn:tei-edition:functions`
(prefix ed: in schema/rules/), so the rules stay one-line tests.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Final

from lxml import etree

FUNCTIONS_NS: Final = "urn:tei-edition:functions"

#: The W3C forms an @when may take, most precise first; groups give the parts.
_TEMPORAL: Final = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2})(?:\.\d+)?)?)?)?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?$"
)


@lru_cache(maxsize=4096)
def temporal_key(value: str) -> tuple[int, ...] | None:
    """The parts of an ISO date or dateTime as integers, or None when it is not a real one.

    Cached: the rules ask about the same few dates of a document several times each.

    >>> temporal_key("1950-10-09T07:05:00")
    (1950, 10, 9, 7, 5, 0)
    >>> temporal_key("1950-02-30") is None
    True
    """
    match = _TEMPORAL.match(value.strip())
    if not match:
        return None
    parts = [int(p) for p in match.group("year", "month", "day", "hour", "minute", "second") if p is not None]
    try:
        if len(parts) >= 3:
            _dt.date(*parts[:3])
        if len(parts) == 6:
            _dt.time(*parts[3:])
        if len(parts) == 2 and not 1 <= parts[1] <= 12:
            return None
    except ValueError:
        return None
    return tuple(parts)


def is_date(_context: object, value: object) -> bool:
    """ed:is-date($s): true when $s is a real calendar date, dateTime, year-month or year."""
    return temporal_key(_string(value)) is not None


def in_order(_context: object, earlier: object, later: object) -> bool:
    """ed:in-order($a, $b): true unless a date of $b is before a date of $a, at their common precision.

    $a and $b may be strings or node-sets (every pair is compared). A date without
    a time is not before a dateTime of the same day. Values that are not dates
    count as in order: ed:is-date reports them.
    """
    for first in filter(None, map(temporal_key, _strings(earlier))):
        for second in filter(None, map(temporal_key, _strings(later))):
            common = min(len(first), len(second))
            if first[:common] > second[:common]:
                return False
    return True


#: The control characters XML 1.0 lets through, as UTF-8 writes them: DEL, and the C1 block (mis-decoded Windows-1252)
#: behind its lead byte, which a search finds by its one literal first byte rather than by testing every byte against a class.
_DELETE: Final = b"\x7f"
_C1_CONTROL: Final = re.compile(b"\xc2[\x80-\x9f]")


def has_control_characters(_context: object, elements: object) -> bool:
    """ed:has-control-characters(/*): whether any text or attribute under the elements holds a control character.

    One search over the serialized elements (in C) rather than a walk over every text and
    attribute in Python: a document without control characters, nearly every one, costs
    a fortieth of a millisecond. Serialized as UTF-8 bytes, as libxml2 writes them, not
    decoded to a string first. A control character in a comment or processing
    instruction makes it true too; the rule's own test then finds no element to report.
    """
    for root in elements if isinstance(elements, list) else []:
        if isinstance(root, etree._Element):
            data = etree.tostring(root, encoding="UTF-8", with_tail=False)
            if _DELETE in data or _C1_CONTROL.search(data) is not None:
                return True
    return False


def today(_context: object) -> str:
    """ed:today(): today's date, YYYY-MM-DD, the last date this edition may contain."""
    return _dt.date.today().isoformat()


def _strings(value: object) -> list[str]:
    """Every string value of an XPath argument (a node-set gives one per node)."""
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _string(value: object) -> str:
    """XPath passes node-sets as lists: take the string value of the first, as XPath 1.0 does."""
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value)


def register_functions() -> None:
    """Make the ed: functions visible to every XPath and XSLT lxml evaluates in this process."""
    namespace = etree.FunctionNamespace(FUNCTIONS_NS)
    namespace["is-date"] = is_date
    namespace["in-order"] = in_order
    namespace["today"] = today
    namespace["has-control-characters"] = has_control_characters


__all__ = ["FUNCTIONS_NS", temporal_key.__name__, is_date.__name__, in_order.__name__, today.__name__, has_control_characters.__name__, register_functions.__name__]
