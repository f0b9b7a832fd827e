"""Read a letter file (.txt, .pdf, .docx) into a normalized ``Document``.

Every failure a user can cause raises ``UnreadableFileError`` naming the file and why.
"""

from __future__ import annotations

import hashlib
import os

from imr_desk.domain.document import Document
from imr_desk.domain.errors import UnreadableFileError
from imr_desk.readers.layout import build_text
from imr_desk.readers.lines import UnreadableSource
from imr_desk.readers.textfile import NotText, read_text, text_lines

#: Letters are a few pages; anything larger is not a letter (and would stall an import).
MAX_FILE_BYTES = 25 * 1024 * 1024

SUPPORTED_SUFFIXES = {".txt": "txt", ".text": "txt", ".pdf": "pdf", ".docx": "docx"}

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "files_under", "is_supported", "load_file", "read_bytes", "read_document"]


def is_supported(path: str | os.PathLike[str]) -> bool:
    return os.path.splitext(path)[1].lower() in SUPPORTED_SUFFIXES


def files_under(folder: str | os.PathLike[str]) -> list[str]:
    """Every file under ``folder`` (recursively, sorted as paths), leaving out hidden files and folders."""
    found: list[str] = []
    join = os.path.join
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(join(parent, name) for name in names if not name.startswith("."))
    return sorted(found, key=_path_parts)


def _path_parts(path: str) -> list[str]:
    """The sort key that orders paths as ``pathlib`` does: folder by folder."""
    return os.path.normcase(path).split(os.sep)


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read and normalize the letter at ``path``."""
    data, fmt = load_file(path)
    return read_bytes(data, fmt, source_path=os.fspath(path))


def load_file(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The bytes of a letter file and its format, refusing unsupported and oversized files."""
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1]
    fmt = SUPPORTED_SUFFIXES.get(suffix.lower())
    if fmt is None:
        raise UnreadableFileError(name, f"unsupported file type {suffix or '(none)'!r}; expected .txt, .pdf or .docx")
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_BINARY", 0))  # no file object: letters are read in bulk
        try:
            size = os.fstat(fd).st_size
            if size > MAX_FILE_BYTES:
                raise UnreadableFileError(name, f"file is too large ({size // (1024 * 1024)} MB; the limit is 25 MB)")
            return _read_all(fd, size), fmt
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise UnreadableFileError(name, "file not found") from None
    except IsADirectoryError:
        raise UnreadableFileError(name, "is a folder, not a file") from None
    except PermissionError:
        reason = "is a folder, not a file" if os.path.isdir(name) else "permission denied"  # Windows says so for folders
        raise UnreadableFileError(name, reason) from None
    except OSError as exc:
        raise UnreadableFileError(name, f"cannot be read ({exc.strerror or exc})") from None


def _read_all(fd: int, size: int) -> bytes:
    """Everything left in ``fd``: one read when the file is as large as ``fstat`` said."""
    data = os.read(fd, size + 1)
    if len(data) == size:
        return data
    chunks = [data]
    while chunk := os.read(fd, 1 << 16):  # a short read, or a file still growing
        chunks.append(chunk)
    return b"".join(chunks)


def read_bytes(data: bytes, fmt: str, source_path: str = "", sha256: str | None = None) -> Document:
    """Normalize letter bytes of a known format ("txt", "pdf" or "docx").

    ``sha256`` is the hex digest of ``data`` when the caller has it already."""
    name = source_path or f"<{fmt}>"
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFileError(name, "file is too large (the limit is 25 MB)")
    if not data or data.isspace():
        raise UnreadableFileError(name, "file is empty")
    encoding = None
    real_paragraphs = False
    try:
        if fmt == "txt":
            text, encoding = read_text(data)
            lines = text_lines(text)
        elif fmt == "pdf":
            from imr_desk.readers.pdf import pdf_lines  # pypdfium2 loads only when needed

            lines = pdf_lines(data)
        elif fmt == "docx":
            from imr_desk.readers.docx import docx_lines  # python-docx (lxml) loads only when needed

            lines, real_paragraphs = docx_lines(data)
        else:
            raise UnreadableFileError(name, f"unsupported format {fmt!r}")
    except (NotText, UnreadableSource) as exc:
        raise UnreadableFileError(name, str(exc)) from None
    text, page_starts = build_text(lines, real_paragraphs=real_paragraphs)
    if not text or text.isspace():
        raise UnreadableFileError(name, "file has no text")
    return Document(
        text=text,
        format=fmt,
        source_path=source_path,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        page_starts=page_starts,
    )
