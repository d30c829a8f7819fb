"""Read a file into a SourceDocument: bytes, media type, decoded text. The only file I/O of the loaders."""

from __future__ import annotations

import hashlib
import io
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from ratsgraph.graph.errors import SourceError
from ratsgraph.graph.ids import document_id
from ratsgraph.graph.model import Node

TEXT_TYPES = {"text/plain", "text/markdown", "text/html", "application/pdf"}
_SUFFIX_TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}


@dataclass(frozen=True)
class SourceDocument:
    id: str
    uri: str
    sha256: str
    media_type: str
    text: str
    size: int
    title: str | None = None

    def node(self, loaded_at: str) -> Node:
        return Node(
            label="Document",
            id=self.id,
            props={
                "name": self.title or Path(self.uri).name,
                "uri": self.uri,
                "sha256": self.sha256,
                "media_type": self.media_type,
                "title": self.title,
                "loaded_at": loaded_at,
                "size": self.size,
            },
        )


def media_type_of(path: Path, data: bytes) -> str:
    if data[:5] == b"%PDF-":
        return "application/pdf"
    if path.suffix.lower() in _SUFFIX_TYPES:
        return _SUFFIX_TYPES[path.suffix.lower()]
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 first (with or without BOM); otherwise Windows-1252, the usual encoding of older council exports."""
    if b"\x00" in data[:4096]:
        raise SourceError(path, "binary content (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > 0.01:
            raise SourceError(path, "undecodable: control characters, not a text document")
        return text
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps them to C1 controls.
        text = data.decode("latin-1")
    if _control_share(text) > 0.01:
        raise SourceError(path, "undecodable: neither UTF-8 nor Windows-1252 text")
    return text


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0)
    return bad / len(text)


def pdf_text(data: bytes, path: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise SourceError(path, f"unreadable PDF ({exc.__class__.__name__}: {exc})") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise SourceError(path, "PDF has no text layer (scanned image?)")
    return text


def html_text(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    # Only the page's content is the document: the <title> and the site's navigation, header and
    # footer ("Niederschriften", "Sitzungskalender", ...) would otherwise read as its first words.
    for tag in soup(["head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    text = soup.get_text("\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)


def html_title(markup: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.I | re.S)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else None


def read_source(path: Path) -> SourceDocument:
    """Read one file; raise SourceError naming the file and the reason when it is not a usable text."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(name, f"cannot read ({exc.strerror or exc})") from exc
    try:
        return document_from_bytes(data, path.resolve().as_uri(), media_type_of(path, data))
    except SourceError as exc:
        raise SourceError(name, exc.reason) from exc  # name the file as the user gave it


def document_from_bytes(data: bytes, uri: str, media_type: str) -> SourceDocument:
    if not data.strip():
        raise SourceError(uri, "empty file")
    title = None
    if media_type == "application/pdf":
        text = pdf_text(data, uri)
    elif media_type == "text/html":
        markup = decode_text(data, uri)
        title = html_title(markup)
        text = html_text(markup)
    elif media_type in ("text/plain", "text/markdown"):
        text = decode_text(data, uri)
    else:
        raise SourceError(uri, f"unsupported media type {media_type}")
    if not text.strip():
        raise SourceError(uri, "no text content")
    sha = hashlib.sha256(data).hexdigest()
    return SourceDocument(
        id=document_id(sha), uri=uri, sha256=sha, media_type=media_type, text=text, size=len(data), title=title
    )
