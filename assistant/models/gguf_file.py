"""Read a GGUF file's header and layout in Python before llama.cpp sees it.

llama.cpp reports a bad file as a bare "Failed to load model from file" (and some builds abort the
whole process on a malformed header), so we check what we can first and say what is wrong in words:
not a file, empty, not GGUF, an unsupported version, a header cut short, tensor data past the end.
Only the header is read (string bodies and arrays are skipped by seeking), so this costs milliseconds.
"""
from __future__ import annotations

import mmap
import os
import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelUnavailable

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (2, 3)  # llama.cpp dropped version 1 (32-bit counts)
_DEFAULT_ALIGNMENT = 32
# sanity bounds: a header that claims more than this is corrupt, not large
_MAX_TENSORS = 1 << 20
_MAX_KV = 1 << 20
_MAX_DIMS = 8
_MAX_GGML_TYPE = 255  # ggml has about 40 types; a number past this is a corrupt field, not a new type
_MAX_PLAUSIBLE = 1 << 48  # 256 TB of tensor data: a claim beyond this is corruption, not truncation

# metadata value types -> fixed size in bytes (8 = string and 9 = array are variable)
_SCALAR_SIZE = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_STRING, _ARRAY = 8, 9
_UINT32 = 4
_U32, _U64 = struct.Struct("<I"), struct.Struct("<Q")

# ggml tensor types -> (elements per block, bytes per block), from ggml's type traits
_GGML_BLOCK = {
    0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24), 8: (32, 34), 9: (32, 36),
    10: (256, 84), 11: (256, 110), 12: (256, 144), 13: (256, 176), 14: (256, 210), 15: (256, 292),
    16: (256, 66), 17: (256, 74), 18: (256, 98), 19: (256, 50), 20: (32, 18), 21: (256, 110),
    22: (256, 82), 23: (256, 136), 24: (1, 1), 25: (1, 2), 26: (1, 4), 27: (1, 8), 28: (1, 8),
    29: (256, 56), 30: (1, 2), 34: (256, 54), 35: (256, 66),
}


@dataclass(frozen=True)
class GGUFSummary:
    version: int
    tensors: int
    metadata: int
    size_bytes: int
    data_bytes: int  # bytes the tensor data needs from its aligned start to the end of the last tensor


class _Short(Exception):
    """The header ends before a field it announced."""


def check_gguf(path: str | os.PathLike, *, layout: bool = True) -> GGUFSummary | None:
    """The file's header summary, or ModelUnavailable saying in words why llama.cpp cannot load it.

    layout=False stops after the magic bytes (for choosing a model: cheap; loading checks it all).
    """
    path = Path(path)
    if not path.exists():
        raise ModelUnavailable(f"no such model file: {path}")
    if path.is_dir():
        raise ModelUnavailable(f"{path} is a directory, not a GGUF model file")
    if not path.is_file():
        raise ModelUnavailable(f"{path} is not a regular file (a GGUF model file is expected)")
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            if size == 0:
                raise ModelUnavailable(f"the model file {path} is empty (0 bytes)")
            with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
                return _read(buf, path, size, layout)
    except PermissionError as exc:
        raise ModelUnavailable(f"cannot read the model file {path}: permission denied") from exc
    except OSError as exc:
        raise ModelUnavailable(f"cannot read the model file {path}: {exc.strerror or exc}") from exc


def _read(buf, path: Path, size: int, layout: bool) -> GGUFSummary | None:
    head = bytes(buf[:4])
    if head != MAGIC:
        raise ModelUnavailable(f"{path} is not a GGUF model file (it starts with {head!r}, not b'GGUF'){_hint(path)}")
    if not layout:
        return None
    reader = _Reader(buf, path)
    reader.pos = 4
    try:
        version = reader.u32()
        if version not in SUPPORTED_VERSIONS:
            swapped = struct.unpack("<I", struct.pack(">I", version))[0]
            what = "a big-endian GGUF file" if swapped in SUPPORTED_VERSIONS else f"GGUF version {version}"
            raise ModelUnavailable(f"{path} is {what}; llama.cpp here reads little-endian GGUF versions 2 and 3")
        n_tensors, n_kv = reader.u64(), reader.u64()
        if n_tensors > _MAX_TENSORS or n_kv > _MAX_KV:
            raise ModelUnavailable(f"{path} has a corrupt GGUF header ({n_tensors} tensors, {n_kv} metadata entries)")
        alignment = _DEFAULT_ALIGNMENT
        for _ in range(n_kv):
            key = reader.string()
            vtype = reader.u32()
            if key == "general.alignment" and vtype == _UINT32:
                alignment = reader.u32()
            else:
                reader.skip_value(vtype)
        if alignment <= 0 or alignment & (alignment - 1):
            raise ModelUnavailable(f"{path} has a corrupt GGUF header (alignment {alignment})")
        tensors = [_read_tensor(reader, path) for _ in range(n_tensors)]
        header_end = reader.pos
    except _Short:
        raise ModelUnavailable(_truncated(path, size, "its header is cut short")) from None
    data_bytes = _check_layout(tensors, alignment, path)
    data_start = -(-header_end // alignment) * alignment if data_bytes else header_end
    if data_start + data_bytes > size:
        need = data_start + data_bytes
        if need > _MAX_PLAUSIBLE:
            raise ModelUnavailable(f"{path} has a corrupt GGUF tensor table (it claims {_mb(need)} of tensor data)")
        raise ModelUnavailable(_truncated(path, size, f"the tensor data needs {_mb(need)}, the file has {_mb(size)}"))
    return GGUFSummary(version, n_tensors, n_kv, size, data_bytes)


@dataclass(frozen=True)
class _Tensor:
    name: str
    offset: int  # from the start of the data section
    size: int | None  # None for a ggml type newer than our table


def _read_tensor(reader: "_Reader", path: Path) -> _Tensor:
    name = reader.string()
    n_dims = reader.u32()
    if n_dims > _MAX_DIMS:
        raise ModelUnavailable(f"{path} has a corrupt GGUF tensor table ({name!r} has {n_dims} dimensions)")
    elements = 1
    for _ in range(n_dims):
        elements *= reader.u64()
    ggml_type, offset = reader.u32(), reader.u64()
    block = _GGML_BLOCK.get(ggml_type)
    if block is None:
        if ggml_type > _MAX_GGML_TYPE:
            raise ModelUnavailable(f"{path} has a corrupt GGUF tensor table ({name!r} has type {ggml_type})")
        return _Tensor(name, offset, None)  # newer than this table: its start is still checked
    per_block, block_bytes = block
    return _Tensor(name, offset, -(-elements // per_block) * block_bytes)


def _check_layout(tensors: list[_Tensor], alignment: int, path: Path) -> int:
    """Bytes the data section needs; the tensors must be aligned and must not overlap (as llama.cpp requires)."""
    end = 0
    previous: _Tensor | None = None
    for tensor in sorted(tensors, key=lambda t: t.offset):
        if tensor.offset % alignment:
            raise ModelUnavailable(f"{path} has a corrupt GGUF tensor table ({tensor.name!r} at offset "
                                   f"{tensor.offset}, not a multiple of {alignment})")
        if previous is not None and tensor.offset < end:
            raise ModelUnavailable(f"{path} has a corrupt GGUF tensor table ({previous.name!r} and "
                                   f"{tensor.name!r} overlap)")
        end = tensor.offset + (tensor.size if tensor.size is not None else 1)
        previous = tensor
    return end


class _Reader:
    """Little-endian fields from an mmap of the file; a read past the end raises _Short."""

    def __init__(self, buf, path: Path):
        self.buf, self.size, self.path, self.pos = buf, len(buf), path, 0

    def _advance(self, n: int) -> int:
        at = self.pos
        if at + n > self.size:
            raise _Short()
        self.pos = at + n
        return at

    def take(self, n: int) -> bytes:
        at = self._advance(n)
        return self.buf[at:at + n]

    def u32(self) -> int:
        return _U32.unpack_from(self.buf, self._advance(4))[0]

    def u64(self) -> int:
        return _U64.unpack_from(self.buf, self._advance(8))[0]

    def string(self) -> str:
        return self.take(self.u64()).decode("utf-8", "replace")

    def skip_value(self, vtype: int) -> None:
        if vtype in _SCALAR_SIZE:
            self._advance(_SCALAR_SIZE[vtype])
        elif vtype == _STRING:
            self._advance(self.u64())
        elif vtype == _ARRAY:
            item, count = self.u32(), self.u64()
            if item in _SCALAR_SIZE:
                self._advance(_SCALAR_SIZE[item] * count)
            elif item == _STRING:
                self._skip_strings(count)
            else:
                raise ModelUnavailable(f"{self.path} has corrupt GGUF metadata (an array of type {item})")
        else:
            raise ModelUnavailable(f"{self.path} has corrupt GGUF metadata (value type {vtype})")

    def _skip_strings(self, count: int) -> None:
        # the vocabulary: 262,144 strings for Gemma 3, so this loop is kept tight
        buf, pos, size, unpack = self.buf, self.pos, self.size, _U64.unpack_from
        for _ in range(count):
            if pos + 8 > size:
                raise _Short()
            pos += 8 + unpack(buf, pos)[0]
        if pos > size:
            raise _Short()
        self.pos = pos


def _truncated(path: Path, size: int, detail: str) -> str:
    return f"the model file {path} is truncated ({detail}); was a download or copy interrupted?"


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n:,} bytes"


def _hint(path: Path) -> str:
    if path.suffix.lower() in (".safetensors", ".bin", ".pt", ".pth"):
        return "; convert it with llama.cpp's convert_hf_to_gguf.py first"
    return ""
