"""CTranslate2 Whisper model → openai-whisper checkpoint, so both engines run from the same weights.

CTranslate2's ``model.bin`` (binary version 6, written by ``ctranslate2.specs.ModelSpec._serialize``):

    uint32 version · string spec name · uint32 revision · uint32 variable count
    per variable: string name · uint8 rank · uint32 dims[rank] · uint8 dtype id · uint32 byte count · data
    uint32 alias count · per alias: string alias · string target

Strings are a uint16 length (including a NUL) then the bytes and the NUL; all little-endian.
Dtype ids follow ``include/ctranslate2/types.h``: float32, int8, int16, int32, float16, bfloat16.
Quantised weights (int8/int16) carry a ``<name>_scale`` variable; we dequantise to float32.

The Whisper spec (``ctranslate2/specs/whisper_spec.py`` + ``converters/transformers.py`` WhisperLoader)
names variables like ``encoder/layer_0/self_attention/linear_0/weight``.  Self-attention stores
q, k and v fused in ``linear_0`` (output rows q|k|v) with the out projection in ``linear_1``; the
cross-attention (``attention``) keeps q in ``linear_0``, fuses k|v in ``linear_1`` and puts the out
projection in ``linear_2``.  Whisper's key projection has no bias: the converter filled zeros there,
and any constant key bias would cancel in the softmax anyway, so dropping it is exact.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import logging
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from radio_desk.errors import ModelError
from radio_desk.fsutil import atomic_write
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

CONVERTER_VERSION = 1  # bump when the checkpoint layout changes, to invalidate the cache
DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")
_NP = {
    "float32": np.float32,
    "int8": np.int8,
    "int16": np.int16,
    "int32": np.int32,
    "float16": np.float16,
    "bfloat16": np.uint16,  # numpy has no bfloat16: read the raw bits, widen below
}


@dataclass
class Ct2Model:
    spec: str
    revision: int
    version: int
    variables: dict[str, np.ndarray]
    dtypes: dict[str, str]  # stored dtype of each variable
    aliases: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> np.ndarray:
        return self.variables[self.aliases.get(name, name)]

    def has(self, name: str) -> bool:
        return name in self.variables or name in self.aliases

    def dequantised(self, name: str) -> np.ndarray:
        """A weight as float32, undoing CTranslate2's int8/int16 quantisation when present."""
        name = self.aliases.get(name, name)
        value = self.variables[name]
        dtype = self.dtypes[name]
        if dtype == "bfloat16":
            return (value.astype(np.uint32) << 16).view(np.float32)
        if dtype in ("int8", "int16"):
            scale_name = f"{name}_scale"
            if scale_name not in self.variables:
                return value.astype(np.float32)
            scale = self.variables[scale_name].astype(np.float32)
            if scale.ndim == 0 or scale.size == 1:  # int16: one scale for the whole matrix
                return value.astype(np.float32) / scale.reshape(())
            shape = (-1,) + (1,) * (value.ndim - 1)  # int8: one scale per output row
            return value.astype(np.float32) / scale.reshape(shape)
        return value.astype(np.float32) if dtype != "float16" else value


def read_ct2_model(path: Path) -> Ct2Model:
    """Parse a CTranslate2 ``model.bin`` (raises :class:`ModelError` on a damaged file)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ModelError(f"Berkas model {path} tidak dapat dibaca: {err.strerror}.") from err
    try:
        return _parse(data)
    except (struct.error, ValueError, UnicodeDecodeError, IndexError) as err:
        raise ModelError(
            f"Berkas model {path} rusak atau bukan model CTranslate2 ({err}); unduh atau pasang ulang."
        ) from err


def _parse(data: bytes) -> Ct2Model:
    pos = 0

    def unpack(fmt: str) -> int:
        nonlocal pos
        (value,) = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize(fmt)
        return value

    def string() -> str:
        nonlocal pos
        n = unpack("H")
        if n == 0 or pos + n > len(data) or data[pos + n - 1] != 0:
            raise ValueError("bad string")
        text = data[pos : pos + n - 1].decode("utf-8")
        pos += n
        return text

    version = unpack("I")
    if version < 5 or version > 6:
        raise ValueError(f"unsupported binary version {version}")
    spec = string()
    revision = unpack("I")
    count = unpack("I")
    variables: dict[str, np.ndarray] = {}
    dtypes: dict[str, str] = {}
    for _ in range(count):
        name = string()
        rank = unpack("B")
        dims = tuple(unpack("I") for _ in range(rank))
        dtype = DTYPES[unpack("B")]
        nbytes = unpack("I")
        if pos + nbytes > len(data):
            raise ValueError(f"truncated at {name}")
        np_dtype = np.dtype(_NP[dtype])
        n = int(np.prod(dims)) if dims else 1
        if n * np_dtype.itemsize != nbytes:
            raise ValueError(f"size mismatch for {name}")
        arr = np.frombuffer(data, dtype=np_dtype, count=n, offset=pos).reshape(dims)
        variables[name] = arr
        dtypes[name] = dtype
        pos += nbytes
    aliases: dict[str, str] = {}
    for _ in range(unpack("I")):
        alias = string()
        aliases[alias] = string()
    if pos != len(data):
        raise ValueError(f"{len(data) - pos} trailing bytes")
    return Ct2Model(spec, revision, version, variables, dtypes, aliases)


# --- the mapping ----------------------------------------------------------------------------------


def _layers(model: Ct2Model, scope: str) -> int:
    pat = re.compile(rf"^{scope}/layer_(\d+)/")
    found = {int(m.group(1)) for n in model.variables if (m := pat.match(n))}
    return max(found) + 1 if found else 0


def _scalar(model: Ct2Model, name: str) -> int:
    return int(np.asarray(model.get(name)).reshape(()))


def checkpoint_dims(model: Ct2Model) -> dict[str, int]:
    enc_pos = model.get("encoder/position_encodings/encodings")
    dec_pos = model.get("decoder/position_encodings/encodings")
    return {
        "n_mels": int(model.get("encoder/conv1/weight").shape[1]),
        "n_audio_ctx": int(enc_pos.shape[0]),
        "n_audio_state": int(enc_pos.shape[1]),
        "n_audio_head": _scalar(model, "encoder/num_heads"),
        "n_audio_layer": _layers(model, "encoder"),
        "n_vocab": int(model.get("decoder/embeddings/weight").shape[0]),
        "n_text_ctx": int(dec_pos.shape[0]),
        "n_text_state": int(dec_pos.shape[1]),
        "n_text_head": _scalar(model, "decoder/num_heads"),
        "n_text_layer": _layers(model, "decoder"),
    }


def openai_state_dict(model: Ct2Model) -> dict[str, np.ndarray]:
    """openai-whisper parameter name → array (float16 kept as float16, anything else float32)."""
    if model.spec != "WhisperSpec":
        raise ModelError(f"Model ini bukan Whisper (spesifikasi {model.spec}); tidak dapat dikonversi.")
    w = model.dequantised
    sd: dict[str, np.ndarray] = {}

    def linear(dst: str, src: str, *, bias: bool = True) -> None:
        sd[f"{dst}.weight"] = w(f"{src}/weight")
        if bias:
            sd[f"{dst}.bias"] = w(f"{src}/bias")

    def norm(dst: str, src: str) -> None:
        sd[f"{dst}.weight"] = w(f"{src}/gamma")
        sd[f"{dst}.bias"] = w(f"{src}/beta")

    def self_attention(dst: str, src: str) -> None:
        qkv_w, qkv_b = w(f"{src}/linear_0/weight"), w(f"{src}/linear_0/bias")
        q_w, k_w, v_w = np.split(qkv_w, 3, axis=0)
        q_b, _k_b, v_b = np.split(qkv_b, 3, axis=0)
        sd[f"{dst}.query.weight"], sd[f"{dst}.query.bias"] = q_w, q_b
        sd[f"{dst}.key.weight"] = k_w
        sd[f"{dst}.value.weight"], sd[f"{dst}.value.bias"] = v_w, v_b
        linear(f"{dst}.out", f"{src}/linear_1")

    def cross_attention(dst: str, src: str) -> None:
        linear(f"{dst}.query", f"{src}/linear_0")
        kv_w, kv_b = w(f"{src}/linear_1/weight"), w(f"{src}/linear_1/bias")
        k_w, v_w = np.split(kv_w, 2, axis=0)
        _k_b, v_b = np.split(kv_b, 2, axis=0)
        sd[f"{dst}.key.weight"] = k_w
        sd[f"{dst}.value.weight"], sd[f"{dst}.value.bias"] = v_w, v_b
        linear(f"{dst}.out", f"{src}/linear_2")

    def block(dst: str, src: str, *, cross: bool) -> None:
        self_attention(f"{dst}.attn", f"{src}/self_attention")
        norm(f"{dst}.attn_ln", f"{src}/self_attention/layer_norm")
        if cross:
            cross_attention(f"{dst}.cross_attn", f"{src}/attention")
            norm(f"{dst}.cross_attn_ln", f"{src}/attention/layer_norm")
        linear(f"{dst}.mlp.0", f"{src}/ffn/linear_0")
        linear(f"{dst}.mlp.2", f"{src}/ffn/linear_1")
        norm(f"{dst}.mlp_ln", f"{src}/ffn/layer_norm")

    linear("encoder.conv1", "encoder/conv1")
    linear("encoder.conv2", "encoder/conv2")
    sd["encoder.positional_embedding"] = w("encoder/position_encodings/encodings")
    for i in range(_layers(model, "encoder")):
        block(f"encoder.blocks.{i}", f"encoder/layer_{i}", cross=False)
    norm("encoder.ln_post", "encoder/layer_norm")

    sd["decoder.token_embedding.weight"] = w("decoder/embeddings/weight")
    sd["decoder.positional_embedding"] = w("decoder/position_encodings/encodings")
    for i in range(_layers(model, "decoder")):
        block(f"decoder.blocks.{i}", f"decoder/layer_{i}", cross=True)
    norm("decoder.ln", "decoder/layer_norm")
    return sd


def alignment_heads_dump(config: dict, n_layers: int, n_heads: int) -> bytes | None:
    """config.json's alignment heads in openai-whisper's ``set_alignment_heads`` format."""
    heads = config.get("alignment_heads")
    if not heads:
        return None
    mask = np.zeros((n_layers, n_heads), dtype=bool)
    for layer, head in heads:
        mask[int(layer), int(head)] = True
    return base64.b85encode(gzip.compress(mask.tobytes()))


# --- conversion + cache ---------------------------------------------------------------------------


def convert_ct2_to_openai(model_dir: Path, out_path: Path) -> Path:
    """Write an openai-whisper checkpoint for the CTranslate2 folder ``model_dir`` (atomically)."""
    import torch

    model_dir = Path(model_dir)
    model = read_ct2_model(model_dir / "model.bin")
    dims = checkpoint_dims(model)
    state = {k: torch.from_numpy(np.array(v, copy=True)) for k, v in openai_state_dict(model).items()}
    checkpoint: dict[str, object] = {"dims": dims, "model_state_dict": state}
    config_file = model_dir / "config.json"
    if config_file.is_file():
        config = json.loads(config_file.read_text(encoding="utf-8"))
        dump = alignment_heads_dump(config, dims["n_text_layer"], dims["n_text_head"])
        if dump is not None:
            checkpoint["alignment_heads"] = dump  # applied by OpenAIWhisperEngine after loading
    checkpoint["radio_desk"] = {"converter_version": CONVERTER_VERSION, "source": str(model_dir)}
    with atomic_write(out_path, "wb") as f:
        torch.save(checkpoint, f)
    return out_path


def cached_checkpoint_path(model_dir: Path) -> Path:
    model_bin = Path(model_dir) / "model.bin"
    st = model_bin.stat()
    key = f"{model_bin.resolve()}|{st.st_size}|{st.st_mtime_ns}|{CONVERTER_VERSION}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    return app_paths().cache / "openai-whisper" / f"{Path(model_dir).name}-{digest}.pt"


def converted_checkpoint(model_dir: Path) -> Path:
    """The openai-whisper checkpoint for a CTranslate2 folder, converting once and caching it."""
    out = cached_checkpoint_path(model_dir)
    if out.is_file():
        return out
    log.info("converting %s to an openai-whisper checkpoint at %s", model_dir, out)
    for stale in out.parent.glob(f"{Path(model_dir).name}-*.pt"):  # older conversions of this folder
        stale.unlink(missing_ok=True)
    return convert_ct2_to_openai(model_dir, out)
