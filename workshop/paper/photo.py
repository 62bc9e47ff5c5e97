"""Reading a photo for a scan, safely: a missing file, a folder, a file that is no image, an
image too large to decode (a decompression bomb declares its size in its header: the size is
checked before a single pixel is decoded), and an iPhone's HEIC are each one clear line.

`load(path)` gives the photo as a grey numpy array (what the marker detectors read). HEIC is
read with pillow-heif when it is installed (`pip install 'workshop[heic]'`); without it the
line says how to get a JPEG instead.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np

from workshop.i18n import UserError
from workshop.paper import messages  # noqa: F401  (registers the scan's messages)

MAX_PIXELS = 60_000_000  # a 48 MP phone photo passes, a decompression bomb does not
# ISO base media files whose brand is HEIF's (an iPhone writes "heic"; "mif1" is HEIF's own)
_PILLOW_REFUSES = 2 * 89_478_485  # Pillow refuses from the header past twice its warning limit
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def is_heif(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError:
        return False
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


def _heif_opener() -> bool:
    """Teach Pillow HEIC if pillow-heif is installed; whether it could."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def check(path: Path) -> None:
    """Refuse a photo that is not there, or a folder, before anything is read."""
    if path.is_dir():
        raise UserError("scan_photo_folder", photo=str(path))
    if not path.exists():
        raise UserError("scan_photo_missing", photo=str(path))


def load(path: Path, *, max_pixels: int = MAX_PIXELS) -> np.ndarray:
    """The photo as a grey image (rows x columns, uint8)."""
    from PIL import Image, UnidentifiedImageError

    check(path)
    heif = is_heif(path)
    if heif and not _heif_opener():
        raise UserError("scan_photo_heic", photo=str(path))
    limit = max(max_pixels, 1)
    try:
        with warnings.catch_warnings():
            # Pillow warns (or refuses) past its own limit; ours is checked below, on the
            # header alone, before decoding.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:  # reads the header only
                width, height = image.size
                if width * height > limit:
                    raise _too_large(path, width * height, limit)
                if image.format == "JPEG":
                    image.draft("L", image.size)  # decode straight to grey: faster
                grey = image.convert("L")
                grey.load()
    except Image.DecompressionBombError as exc:  # past Pillow's own limit, said from the header
        said = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_large(path, int(said.group(1)) if said else 0, limit) from None
    except UnidentifiedImageError:
        raise UserError("scan_photo_unreadable", photo=str(path), detail=_what(path)) from None
    except (OSError, ValueError, SyntaxError) as exc:  # truncated, damaged, unreadable
        if isinstance(exc, PermissionError):
            detail = exc.strerror or "permission denied"
        else:
            detail = str(exc) or type(exc).__name__
        raise UserError("scan_photo_unreadable", photo=str(path), detail=detail) from None
    return np.asarray(grey)


def _too_large(path: Path, pixels: int, limit: int) -> UserError:
    return UserError(
        "scan_photo_too_large",
        photo=str(path),
        pixels=f"{pixels / 1e6:.0f}" if pixels else f"> {_PILLOW_REFUSES / 1e6:.0f}",
        limit=f"{limit / 1e6:.0f}",
    )


def _what(path: Path) -> str:
    """What the file seems to be, for the refusal (not an image format Pillow knows)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = -1
    if size == 0:
        return "0 bytes"
    return path.suffix.lower().lstrip(".") or "?"
