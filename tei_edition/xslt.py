"""Run the edition's XSLT 3.0 stylesheets with saxonche, safely and once per process.

Every writer (HTML, PDF, text) goes through `Stylesheet`: it compiles a stylesheet
once per process (compiling is the slow part), feeds Saxon only trees that
`tei_edition.xmlio` parsed (so Saxon never reads a file or entity by itself), and
turns Saxon's errors into `StylesheetError`s that name the TEI file and line.

    >>> from lxml import etree
    >>> sheet = Stylesheet.load(Path("xslt/html.xsl"))          # doctest: +SKIP
    >>> html = sheet.transform(tree, {"view": "reading"})       # doctest: +SKIP
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Union

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor, PyXdmNode, PyXdmValue, PyXsltExecutable

from tei_edition.errors import OutputError, TeiEditionError
from tei_edition.xmlio import serialize, write_failure

#: What a stylesheet parameter may be given as from Python.
ParamValue = Union[str, int, bool, etree._ElementTree, PyXdmNode, Sequence[str], Sequence[PyXdmNode]]

# Errors the stylesheets raise name the offending node as `at /TEI[1]/text[1]/...`
# (see te:node-path in xslt/common/functions.xsl); we turn that into a line.
_NODE_PATH = re.compile(r"\bat (/[A-Za-z][\w.-]*\[\d+\](?:/[A-Za-z][\w.-]*\[\d+\])*)")


class StylesheetError(TeiEditionError):
    """Raised when a stylesheet does not compile or stops a transformation with an error."""

    def __init__(self, stylesheet: Path, message: str, source: Path | str | None = None, line: int | None = None) -> None:
        self.stylesheet = stylesheet
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}:{line or 1}: " if source else ""
        super().__init__(f"{where}{message} (stylesheet {stylesheet})")


class _Saxon:
    """The one Saxon processor of this process; Saxon/C wants exactly one."""

    _processor: PySaxonProcessor | None = None

    @classmethod
    def processor(cls) -> PySaxonProcessor:
        if cls._processor is None:
            cls._processor = PySaxonProcessor(license=False)
        return cls._processor


class Stylesheet:
    """A compiled stylesheet; `load` returns the same object for the same file."""

    _compiled: dict[Path, Stylesheet] = {}

    def __init__(self, path: Path, executable: PyXsltExecutable) -> None:
        self.path = path
        self._executable = executable
        self._capture: PyXsltExecutable | None = None

    def _capturing(self) -> PyXsltExecutable:
        """A copy of the executable that keeps result documents in memory (made on first use):
        one executable switched back and forth crashed Saxon/C freeing the documents it kept."""
        if self._capture is None:
            self._capture = self._executable.clone()
            self._capture.set_capture_result_documents(True)
        return self._capture

    @classmethod
    def load(cls, path: Path) -> Stylesheet:
        """Compile `path` the first time it is asked for, then hand out the same executable
        (found by an absolute path as given first: resolving it again costs system calls per page)."""
        given = Path(path)
        if given in cls._compiled and given.is_absolute():
            return cls._compiled[given]
        path = given.resolve()
        if path not in cls._compiled:
            if not path.is_file():
                raise StylesheetError(path, "stylesheet not found")
            compiler = _Saxon.processor().new_xslt30_processor()
            try:
                executable = compiler.compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as exc:
                raise StylesheetError(path, f"does not compile: {_clean(exc)}") from exc
            if executable is None:
                raise StylesheetError(path, "does not compile")
            cls._compiled[path] = Stylesheet(path, executable)
        if given.is_absolute():
            cls._compiled[given] = cls._compiled[path]
        return cls._compiled[path]

    def transform(
        self,
        tree: etree._ElementTree | PyXdmNode,
        params: Mapping[str, ParamValue] | None = None,
        *,
        source: Path | str | None = None,
        parsed: etree._ElementTree | None = None,
    ) -> str:
        """Transform one document (safe-parsed tree or an already built node) to a string.

        `source` names the file in error messages; it defaults to the tree's own URL.
        `parsed` is the tree a node was made from, for the line an error names (a node
        made once serves several transformations).
        """
        return self._run(tree, params, source, parsed, False)[0]

    def transform_with_documents(
        self,
        tree: etree._ElementTree | PyXdmNode,
        params: Mapping[str, ParamValue] | None = None,
        *,
        source: Path | str | None = None,
        parsed: etree._ElementTree | None = None,
    ) -> tuple[str, dict[str, str]]:
        """Like `transform`, and the text of each result document the transformation made
        (xsl:result-document method="text"), by the last step of its href: several outputs
        of one transformation, kept in memory, with the principal one serialised as it is made."""
        return self._run(tree, params, source, parsed, True)

    def _run(
        self,
        tree: etree._ElementTree | PyXdmNode,
        params: Mapping[str, ParamValue] | None,
        source: Path | str | None,
        parsed: etree._ElementTree | None,
        capture: bool,
    ) -> tuple[str, dict[str, str]]:
        """The serialised result, and (capture) the text of each result document by name."""
        node = tree if isinstance(tree, PyXdmNode) else document_node(tree)
        tree = parsed if parsed is not None else tree
        name = source or (tree.docinfo.URL if isinstance(tree, etree._ElementTree) else None)
        executable = self._capturing() if capture else self._executable
        executable.clear_parameters()
        # Saxon/C keeps only a pointer to each parameter's value: the Python objects
        # must outlive the transformation, or Saxon reads freed memory (segfault).
        held = {key: to_xdm(value) for key, value in (params or {}).items()}
        for key, value in held.items():
            executable.set_parameter(key, value)
        documents: dict[str, str] = {}
        try:
            result = executable.transform_to_string(xdm_node=node)
            if capture:
                documents = _texts(executable.get_result_documents() or {})
        except PySaxonApiError as exc:
            message = _clean(exc)
            line = _line_of_path(tree, message) if isinstance(tree, etree._ElementTree) else None
            raise StylesheetError(self.path, message, name, line) from exc
        finally:
            executable.clear_parameters()
        if result is None:
            raise StylesheetError(self.path, "the transformation returned nothing", name)
        return result, documents


def _texts(documents: dict[str, PyXdmValue]) -> dict[str, str]:
    """The text of each result document, by the last step of its URI."""
    return {uri.rsplit("/", 1)[-1]: value.head.string_value for uri, value in documents.items()}


def document_node(tree: etree._ElementTree | etree._Element) -> PyXdmNode:
    """Hand a safe-parsed tree to Saxon as a document node (parse once, pass many times)."""
    text = serialize(tree).decode("utf-8")
    return _Saxon.processor().parse_xml(xml_text=text, encoding="UTF-8")


def source_node(source: bytes, tree: etree._ElementTree) -> PyXdmNode:
    """A file's document node for Saxon, from the bytes `tree` was safe-parsed from (`xmlio.parse_xml_bytes`).

    Serialising the tree again only for Saxon to parse it cost every document a
    serialisation (some 50 us for a 10 KB cable, besides Saxon's parse, which
    stays). The bytes themselves are handed over when Saxon reads in them
    what lxml read: XML 1.0 in UTF-8 (declared so, or not declared) with no DOCTYPE,
    so there is no DTD, entity or other file for Saxon to load (and parse_xml_bytes
    refused entity references and XInclude in them). Any other file goes as its tree.
    """
    if not plain_source(source):
        return document_node(tree)
    return _Saxon.processor().parse_xml(xml_text=source.decode("utf-8"), encoding="UTF-8")


def plain_source(source: bytes) -> bool:
    """Whether Saxon reads in a file's bytes as they stand what lxml read (see `source_node`)."""
    return b"<!DOCTYPE" not in source and _PLAIN_START.match(source) is not None


#: The start of a file Saxon may parse as lxml did: an XML 1.0 declaration of UTF-8 (or of no
#: encoding), or no declaration at all (not even a byte order mark).
_PLAIN_START = re.compile(
    rb"""<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])(?i:utf-8)\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>"""
    rb"""|<(?!\?xml[\s?])"""
)


def wrapped_node(root: str, parts: Iterable[bytes]) -> PyXdmNode:
    """A document node of elements this toolkit serialised itself (UTF-8), wrapped in `<root>`.

    The parts go one by one into a temporary file that Saxon parses as it reads: a
    corpus of 10,000 summaries is never one string in Python and again in Saxon (over
    a gigabyte). The file starts with the wrapper's start tag, so it can declare no
    DTD and make Saxon load no entity or other file.
    """
    if not re.fullmatch(r"[A-Za-z][\w.-]*(?:\s+xmlns=\"[^\"<&]*\")?", root):
        raise ValueError(f"not a start tag's content: {root!r}")
    with tempfile.TemporaryDirectory(prefix="tei-edition-") as folder:
        path = Path(folder) / "wrapped.xml"
        try:
            with open(path, "wb") as handle:
                handle.write(f"<{root}>".encode())
                handle.writelines(parts)
                handle.write(f"</{root.split()[0]}>".encode())
        except OSError as exc:  # a full disk is an editor's error to report, not a crash
            raise OutputError(path, f"cannot write the temporary file Saxon reads: {write_failure(exc)}") from exc
        return _Saxon.processor().parse_xml(xml_file_name=str(path))


def to_xdm(value: ParamValue) -> PyXdmValue:
    """Turn a Python value into the XDM value a stylesheet parameter declares."""
    processor = _Saxon.processor()
    if isinstance(value, PyXdmValue):
        return value
    if isinstance(value, bool):
        return processor.make_boolean_value(value)
    if isinstance(value, int):
        return processor.make_integer_value(value)
    if isinstance(value, str):
        return processor.make_string_value(value)
    if isinstance(value, (etree._ElementTree, etree._Element)):
        return document_node(value)
    return _sequence(value)


def xdm_parameters(params: Mapping[str, ParamValue]) -> dict[str, PyXdmValue]:
    """Parameters made Saxon values once, for parameters that serve many transformations
    (a page's edition, registers and front matter were made values again for every page);
    `to_xdm` hands such a value on as it is."""
    return {key: to_xdm(value) for key, value in params.items()}


def _sequence(values: Sequence[str] | Sequence[PyXdmNode]) -> PyXdmValue:
    """A sequence of strings or of nodes (for `as="xs:string*"`, `as="document-node()*"`)."""
    processor = _Saxon.processor()
    sequence = PyXdmValue(processor)
    for item in values:
        sequence.add_xdm_item(item if isinstance(item, PyXdmNode) else processor.make_string_value(str(item)))
    return sequence


def _clean(exc: PySaxonApiError) -> str:
    """Saxon's message on one line, without its blank lines."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return " ".join(lines) if lines else "unknown Saxon error"


def _line_of_path(tree: etree._ElementTree, message: str) -> int | None:
    """The source line of the node a stylesheet error names by its path, if any."""
    match = _NODE_PATH.search(message)
    if not match:
        return None
    steps = match.group(1).strip("/").split("/")
    xpath = "/" + "/".join(f"*[local-name()='{s.split('[')[0]}'][{s.split('[')[1]}" for s in steps)
    found = tree.xpath(xpath)
    return found[0].sourceline if found and hasattr(found[0], "sourceline") else None


__all__ = [
    "ParamValue",
    StylesheetError.__name__,
    Stylesheet.__name__,
    document_node.__name__,
    source_node.__name__,
    plain_source.__name__,
    wrapped_node.__name__,
    to_xdm.__name__,
    xdm_parameters.__name__,
]
