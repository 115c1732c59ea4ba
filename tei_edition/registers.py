"""The registers of persons, places and organisations, and one matcher over all their names.

Every mention of a person, place or organisation in the edition points into a
register (`ref="persons.xml#stalin"`, docs/encoding.md). Which names exist and
how the texts spell them is data, kept in `persons.xml`, `places.xml` and
`organisations.xml`; this module reads those files, refuses ambiguous ones,
and answers the two questions the converter asks: which entry does this whole
name stand for (`Registers.lookup`), and where in this running text are names
(`Registers.find_names`, one precompiled regex, because it runs on every
paragraph of every document).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

from tei_edition.errors import XmlInputError
from tei_edition.xmlio import TEI_NS, XML_NS, parse_xml

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lxml import etree

# tables

#: The registers, by file stem: the list element of the body and its entry element.
REGISTERS: Final[dict[str, tuple[str, str]]] = {
    "persons": ("listPerson", "person"),
    "places": ("listPlace", "place"),
    "organisations": ("listOrg", "org"),
}

#: The registers' file names. A TEI file of one of these names is a register even before
#: its first entry, when it has no list yet (TEI allows no empty list).
FILE_NAMES: Final[frozenset[str]] = frozenset(f"{stem}.xml" for stem in REGISTERS)

#: The children of an entry that each hold one form of its name.
NAME_ELEMENTS: Final[tuple[str, ...]] = ("persName", "placeName", "geogName", "orgName")

#: What the @type of a name form may say; every entry has exactly one "preferred".
NAME_KINDS: Final[tuple[str, ...]] = (
    "preferred",
    "variant",
    "pseudonym",
    "misreading",
    "initials",
    "abbreviation",
)

#: The capitals a letter-spaced name starts with ("G O L O V K O"), Latin and Cyrillic, as a regex range.
LETTERSPACING_CAPITALS: Final[str] = "A-ZА-ЯЁ"

#: Kinds of form that match only in the case written: "AM" (Mansourov) is not the word "am".
CASE_SENSITIVE_KINDS: Final[tuple[str, ...]] = ("initials", "abbreviation")

#: Titles written before a name that are not part of it ("Cde. Shtykov", "т.Булганину").
HONORIFICS: Final[tuple[str, ...]] = (
    "Comrades",
    "Comrade",
    "Comr.",
    "Com.",
    "Cmrds.",
    "Cmrds",
    "Cdes.",
    "Cde.",
    "товарищу",
    "товарищ",
    "тов.",
    "т.",
)

#: Characters the sources use as apostrophes, interchangeably (Vasil'yev, People’s).
APOSTROPHES: Final[str] = "'’ʼ‘"

#: Punctuation that closes a salutation or signature around a name ("Comrade Kim Il Sung!").
SURROUNDING_PUNCTUATION: Final[str] = ",;:!?\"“”«»()[]"

# errors


class RegisterError(XmlInputError):
    """Raised when a register is well-formed XML but not a usable register (names file and line)."""


# the model


@dataclass(frozen=True)
class Entry:
    """One person, place or organisation of a register."""

    register: str
    """The register's file stem: "persons", "places" or "organisations"."""
    id: str
    """The entry's xml:id."""
    preferred: str
    """The name the edition shows."""

    @functools.cached_property
    def ref(self) -> str:
        """The pointer the edition's documents use, relative to the document: "persons.xml#stalin"."""
        return f"{self.register}.xml#{self.id}"


@dataclass(frozen=True)
class NameMatch:
    """One mention of a register entry in a searched text."""

    start: int
    end: int
    form: str
    """The text as found, from `start` to `end`."""
    entry: Entry
    kind: str
    """The @type of the name form that matched (one of NAME_KINDS)."""
    regular: str
    """For a misreading, the entry's correct form for <reg>; otherwise `form` itself."""


@dataclass(frozen=True)
class _NameForm:
    """One name form of a register, with where it is written (for error messages)."""

    text: str
    kind: str
    entry: Entry
    regular: str
    path: Path
    line: int
    entry_line: int

    def accepts(self, found: str) -> bool:
        """Whether `found`, which has this form's key, is this form (initials and acronyms must match in case)."""
        return self.kind not in CASE_SENSITIVE_KINDS or _normalise(found) == _normalise(self.text)

    def regular_for(self, found: str) -> str:
        """The regular form of `found`: the entry's correct form for a misreading, in the case found."""
        if self.kind != "misreading":
            return found
        if found.isupper():
            return self.regular.upper()
        return self.regular


# normalisation


def _tidy(text: str) -> str:
    """NFC and single spaces: a name form as written, without the layout of the XML or the page."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_ONE_APOSTROPHE: Final = {ord(mark): "'" for mark in APOSTROPHES}


def _normalise(text: str) -> str:
    """A tidy name with one kind of apostrophe: the spelling differences that are not differences."""
    return _tidy(text).translate(_ONE_APOSTROPHE)


def _key(text: str) -> str:
    """The index key of a name: normalised and lower-cased, so that matching ignores case."""
    return _normalise(text).lower()


_HONORIFIC_PREFIX: Final = re.compile(
    "^(?:"
    + "|".join(
        re.escape(title) + (r"\s*" if title.endswith(".") else r"\s+")
        for title in sorted(HONORIFICS, key=len, reverse=True)
    )
    + ")+",
    re.IGNORECASE,
)
_LETTERSPACED: Final = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
_LEADING_INITIALS: Final = re.compile(r"^(?:[^\W\d_]\.\s*)+(?=\w)")
_TRAILING_INITIALS: Final = re.compile(r"(?<=\w)\s+(?:[^\W\d_]\.\s*)+$")


def _collapse_letterspacing(text: str) -> str:
    """Join letter-spaced capitals the way the register records them: "G O L O V K O" -> "GOLOVKO"."""
    return _LETTERSPACED.sub(lambda match: match.group().replace(" ", ""), text)


def _strip_initials(text: str) -> str:
    """Drop initials before or after a surname: "STALIN I.V." and "A. Gromyko" -> the surname."""
    return _TRAILING_INITIALS.sub("", _LEADING_INITIALS.sub("", text))


def _candidate_names(name: str) -> Iterator[str]:
    """The forms a whole name may be registered as, from the name as written to its bare surname."""
    bare = _HONORIFIC_PREFIX.sub("", _normalise(name))
    unpunctuated = bare.strip(SURROUNDING_PUNCTUATION).strip()
    for text in (bare, unpunctuated, unpunctuated.rstrip(".").strip()):
        collapsed = _collapse_letterspacing(text)
        for candidate in (text, collapsed, _strip_initials(collapsed)):
            yield candidate


# reading a register


def _tei(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _read_register(path: Path, register: str) -> list[_NameForm]:
    """Every name form of one register file, checked: each entry has an id and one preferred name.

    A register without entries has no list (TEI allows no empty one): it holds no
    form, unless its body holds entries or lists of some kind after all (a mistake).
    """
    list_name, entry_name = REGISTERS[register]
    root = parse_xml(path).getroot()
    name_list = root.find(f"{_tei('text')}/{_tei('body')}/{_tei(list_name)}")
    if name_list is None:
        body = root.find(f"{_tei('text')}/{_tei('body')}")
        kinds = {_tei(name) for pair in REGISTERS.values() for name in pair}
        if body is not None and next(body.iter(*kinds), None) is None:
            return []
        message = f"no text/body/{list_name}: not a register of {register}"
        raise RegisterError(path, root.sourceline or 1, 1, message)
    forms: list[_NameForm] = []
    for element in name_list.iter(_tei(entry_name)):
        forms.extend(_read_entry(path, register, element))
    return forms


class _WrittenName(NamedTuple):
    """A name element of an entry, as read: its text, its @type and its line."""

    text: str
    kind: str
    line: int


def _read_entry(path: Path, register: str, element: etree._Element) -> list[_NameForm]:
    """The name forms of one entry, the preferred one first."""
    line = element.sourceline or 1
    entry_id = element.get(f"{{{XML_NS}}}id")
    if not entry_id:
        raise RegisterError(path, line, 1, f"<{_local_name(element)}> without xml:id")
    names = [
        _WrittenName(_tidy("".join(child.itertext())), child.get("type", ""), child.sourceline or line)
        for child in element
        if _local_name(child) in NAME_ELEMENTS
    ]
    for name in names:
        if name.kind not in NAME_KINDS:
            message = f"{entry_id}: name type {name.kind!r} is not one of {', '.join(NAME_KINDS)}"
            raise RegisterError(path, name.line, 1, message)
        if not name.text:
            raise RegisterError(path, name.line, 1, f"{entry_id}: empty name")
    preferred = [name.text for name in names if name.kind == "preferred"]
    if len(preferred) != 1:
        raise RegisterError(path, line, 1, f"{entry_id}: {len(preferred)} preferred names, exactly one is needed")
    entry = Entry(register=register, id=entry_id, preferred=preferred[0])
    correct = [name.text for name in names if name.kind != "misreading"]
    return [
        _NameForm(
            text=name.text,
            kind=name.kind,
            entry=entry,
            regular=_closest(name.text, correct) if name.kind == "misreading" else name.text,
            path=path,
            line=name.line,
            entry_line=line,
        )
        for name in sorted(names, key=lambda name: name.kind != "preferred")
    ]


def _local_name(element: etree._Element) -> str:
    """The element's name without its namespace ("" for comments and processing instructions)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _closest(misreading: str, correct: list[str]) -> str:
    """The correct form a misreading stands for: the most similar one (the first, on a tie)."""
    return max(correct, key=lambda form: difflib.SequenceMatcher(None, misreading.lower(), form.lower()).ratio())


# the matcher

_END: Final = ""


def _token_class(token: str) -> str:
    """The characters one character of a key stands for, as the inside of a regex class ("k" -> "kK")."""
    if token == " ":
        return r"\s"
    if token == "'":
        return re.escape(APOSTROPHES)
    upper = token.upper()
    return re.escape(token) + (re.escape(upper) if len(upper) == 1 and upper != token else "")


def _token_regex(token: str) -> str:
    """One character of a key as a regex: either case, any apostrophe for "'", any run of whitespace for " "."""
    return f"[{_token_class(token)}]" + ("+" if token == " " else "")


def _trie_regex(node: dict[str, dict]) -> str:
    """The keys under a trie node as one regex that tries the longest continuation first.

    A trie keeps the alternation deterministic (one branch per next character),
    so the regex does not retry every name at every position: that is what
    makes `find_names` fast on a long text and a large register.
    """
    branches = [_token_regex(token) + _trie_regex(child) for token, child in sorted(node.items()) if token != _END]
    if _END in node:
        branches.append(r"(?!\w)")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _compile_matcher(keys: Iterable[str]) -> re.Pattern[str]:
    """One regex for every name form, plus letter-spaced words ("A. G R O M Y K O") to look up whole.

    Case is spelled out in classes ("[kK]") instead of re.IGNORECASE, and the
    regex starts with a class of every possible first character: together they
    let the engine skip quickly over the words that cannot begin a name.
    """
    trie: dict[str, dict] = {}
    for key in keys:
        node = trie
        for token in key:
            node = node.setdefault(token, {})
        node[_END] = {}
    names = _trie_regex(trie) if trie else "(?!)"
    first = "".join(_token_class(token) for token in sorted(trie) if token != _END)
    capital = f"[{LETTERSPACING_CAPITALS}]"
    spaced = rf"(?:{capital}\.\s)?{capital} (?:[^\W\d_] ){{2,}}[^\W\d_](?!\w)"
    return re.compile(rf"(?=[{first}{LETTERSPACING_CAPITALS}])(?<!\w)(?:(?P<name>{names})|(?P<spaced>{spaced}))")


# the registers

#: How many answers of each kind a Registers keeps (see Registers.__init__): far more names than an edition's texts use.
_KEPT_ANSWERS: Final = 1 << 16
#: How many texts' mentions a Registers keeps: those of the last few sources (their lines are searched more than once).
_KEPT_TEXTS: Final = 1 << 12


class Registers:
    """The three registers of an edition, indexed by name form.

    >>> registers = Registers.load(Path("xml"))
    >>> registers.lookup("Cde. Filippov").ref
    'persons.xml#stalin'
    >>> [match.entry.id for match in registers.find_names("to Cdes. Shtykov and Vasil'yev")]
    ['shtykov', 'vasilyev']
    """

    def __init__(self, forms: Iterable[_NameForm]) -> None:
        self._entries: dict[str, Entry] = {}
        self._forms: dict[str, list[str]] = {}
        self._by_key: dict[str, _NameForm] = {}
        for form in forms:
            self._entries.setdefault(form.entry.ref, form.entry)
            self._forms.setdefault(form.entry.ref, []).append(form.text)
            self._index(form)
        self._matcher = _compile_matcher(self._by_key)
        # The registers never change once read, and the same few names are asked for again and
        # again (every mention, every capitalised word tried as a name): the answers are kept.
        self._find_form = functools.lru_cache(maxsize=_KEPT_ANSWERS)(self._find_form)  # type: ignore[method-assign]
        self._form_as_written = functools.lru_cache(maxsize=_KEPT_ANSWERS)(self._form_as_written)  # type: ignore[method-assign]
        # A line is searched when it is classified (an address? a signature?), then again when it is marked up.
        self._mentions = functools.lru_cache(maxsize=_KEPT_TEXTS)(self._mentions)  # type: ignore[method-assign]

    def _index(self, form: _NameForm) -> None:
        """Index one form; a form that would name two entries makes the registers ambiguous."""
        key = _key(form.text)
        known = self._by_key.setdefault(key, form)
        if known.entry != form.entry:
            raise RegisterError(
                form.path,
                form.line,
                1,
                f"{form.text!r} of {form.entry.ref} is already a form of {known.entry.ref} "
                f"({known.path}:{known.line}); a name form must name one entry",
            )

    @classmethod
    def load(cls, directory: Path) -> Registers:
        """Read persons.xml, places.xml and organisations.xml in `directory` (a missing file: an empty register)."""
        forms: list[_NameForm] = []
        for register in REGISTERS:
            path = Path(directory) / f"{register}.xml"
            if path.is_file():
                forms.extend(_read_register(path, register))
        _check_unique_ids(forms)
        return cls(forms)

    def entries(self) -> list[Entry]:
        """Every entry, register by register, in the order of the files."""
        return list(self._entries.values())

    def forms(self, entry_ref: str) -> list[str]:
        """Every name form of the entry `entry_ref` ("persons.xml#stalin"), the preferred one first."""
        try:
            return list(self._forms[entry_ref])
        except KeyError:
            raise KeyError(f"no register entry {entry_ref!r}") from None

    def lookup(self, name: str) -> Entry | None:
        """The entry a whole name stands for, or None.

        Ignores case (but initials and acronyms must be written as registered:
        "AM", not "am"), spacing, titles ("Cde.", "т."), surrounding punctuation,
        letter-spacing ("G O L O V K O") and initials ("STALIN I.V.").
        """
        form = self._find_form(name)
        return form.entry if form else None

    def _find_form(self, name: str) -> _NameForm | None:
        """The form a whole name is registered as, trying it as written first, then ever barer."""
        for candidate in _candidate_names(name):
            form = self._by_key.get(candidate.lower())
            if form is not None and form.accepts(candidate):
                return form
        return None

    def _form_as_written(self, written: str) -> _NameForm | None:
        """The form a regex match spells: its key's form, if the match has the case that form needs."""
        form = self._by_key.get(_key(written))
        return form if form is not None and form.accepts(written) else None

    def find_names(self, text: str) -> list[NameMatch]:
        """Every mention of a registered name in `text`, longest first, never overlapping, on word boundaries.

        Case is ignored as in `lookup`; a word letter-spaced in capitals is looked up whole.
        """
        return list(self._mentions(text))

    def _mentions(self, text: str) -> tuple[NameMatch, ...]:
        """find_names' answer, as kept (see __init__): a tuple, which no caller can change for the next."""
        matches: list[NameMatch] = []
        position = 0
        while (found := self._matcher.search(text, position)) is not None:
            written = found.group()
            form = self._form_as_written(written) if found.lastgroup == "name" else self._find_form(written)
            if form is None:
                position = found.start() + 1
                continue
            regular = form.regular_for(written)
            matches.append(NameMatch(found.start(), found.end(), written, form.entry, form.kind, regular))
            position = found.end()
        return tuple(matches)


def _check_unique_ids(forms: Iterable[_NameForm]) -> None:
    """An xml:id names one entry across all three registers, since refs are resolved by id."""
    seen: dict[str, _NameForm] = {}
    for form in forms:
        first = seen.setdefault(form.entry.id, form)
        if (first.path, first.entry_line) != (form.path, form.entry_line):
            raise RegisterError(
                form.path,
                form.entry_line,
                1,
                f"xml:id {form.entry.id!r} is already used by {first.entry.ref} "
                f"({first.path}:{first.entry_line})",
            )


__all__ = [
    "REGISTERS",
    "FILE_NAMES",
    "NAME_ELEMENTS",
    "NAME_KINDS",
    "LETTERSPACING_CAPITALS",
    "CASE_SENSITIVE_KINDS",
    "HONORIFICS",
    "APOSTROPHES",
    "SURROUNDING_PUNCTUATION",
    RegisterError.__name__,
    Entry.__name__,
    NameMatch.__name__,
    Registers.__name__,
]
