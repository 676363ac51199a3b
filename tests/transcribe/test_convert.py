"""CTranslate2 → openai-whisper conversion: the format, the weights, the network, the text."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from radio_desk.errors import ModelError
from radio_desk.transcribe.convert import (
    checkpoint_dims,
    convert_ct2_to_openai,
    converted_checkpoint,
    openai_state_dict,
    read_ct2_model,
)
from radio_desk.transcribe.engine import TranscribeOptions

BASE_DIMS = {
    "n_mels": 80,
    "n_audio_ctx": 1500,
    "n_audio_state": 512,
    "n_audio_head": 8,
    "n_audio_layer": 6,
    "n_vocab": 51865,
    "n_text_ctx": 448,
    "n_text_state": 512,
    "n_text_head": 8,
    "n_text_layer": 6,
}


@pytest.fixture(scope="module")
def ct2(bundled_model: Path):
    return read_ct2_model(bundled_model / "model.bin")


def test_bundled_model_bin_header_and_dtypes(ct2) -> None:
    assert (ct2.version, ct2.spec, ct2.revision) == (6, "WhisperSpec", 3)
    weights = {n: d for n, d in ct2.dtypes.items() if ct2.variables[n].ndim >= 1}
    # The bundled whisper-base is stored in float16 (dtype id 4): no int8 scales to undo.
    assert set(weights.values()) == {"float16"}
    assert not any(n.endswith("_scale") for n in ct2.variables)
    assert ct2.aliases == {"decoder/projection/weight": "decoder/embeddings/weight"}
    assert checkpoint_dims(ct2) == BASE_DIMS


def test_state_dict_is_an_exact_rearrangement_of_the_ct2_weights(ct2) -> None:
    sd = openai_state_dict(ct2)
    for side, n in (("encoder", 6), ("decoder", 6)):
        for i in range(n):
            src, dst = f"{side}/layer_{i}/self_attention", f"{side}.blocks.{i}.attn"
            fused_w = ct2.get(f"{src}/linear_0/weight")
            fused_b = ct2.get(f"{src}/linear_0/bias")
            assert np.array_equal(
                np.concatenate(
                    [sd[f"{dst}.query.weight"], sd[f"{dst}.key.weight"], sd[f"{dst}.value.weight"]]
                ),
                fused_w,
            )
            assert f"{dst}.key.bias" not in sd  # Whisper's key projection has no bias ...
            assert not np.any(fused_b[512:1024])  # ... and the converter had stored zeros there
            assert np.array_equal(sd[f"{dst}.value.bias"], fused_b[1024:])
    for i in range(6):
        src, dst = f"decoder/layer_{i}/attention", f"decoder.blocks.{i}.cross_attn"
        kv = ct2.get(f"{src}/linear_1/weight")
        assert np.array_equal(np.concatenate([sd[f"{dst}.key.weight"], sd[f"{dst}.value.weight"]]), kv)
        assert np.array_equal(sd[f"{dst}.out.weight"], ct2.get(f"{src}/linear_2/weight"))
    # every stored tensor is used exactly once (only scalars and the tied projection are not mapped)
    used = sum(v.size for v in sd.values())
    stored = sum(v.size for n, v in ct2.variables.items() if v.ndim >= 1)
    key_biases = 12 * 512 + 6 * 512  # the dropped all-zero key biases (self + cross attention)
    assert used == stored - key_biases


def test_checkpoint_loads_in_openai_whisper_with_identical_weights(
    ct2, bundled_model: Path, tmp_path: Path
) -> None:
    import torch
    import whisper

    path = convert_ct2_to_openai(bundled_model, tmp_path / "base.pt")
    model = whisper.load_model(str(path), device="cpu")
    assert model.dims.__dict__ == BASE_DIMS
    params = dict(model.state_dict())
    # float16 weights widened to float32 by load_state_dict: compare after dequantisation
    for name, value in openai_state_dict(ct2).items():
        assert torch.equal(params[name], torch.from_numpy(value.astype(np.float32))), name
    checkpoint = torch.load(path, weights_only=True)
    assert checkpoint["alignment_heads"]  # from config.json, applied by the engine


def test_conversion_is_cached(bundled_model: Path) -> None:
    first = converted_checkpoint(bundled_model)
    mtime = first.stat().st_mtime_ns
    assert converted_checkpoint(bundled_model) == first
    assert first.stat().st_mtime_ns == mtime
    assert first.is_relative_to(Path(__import__("os").environ["RADIO_DESK_HOME"]))


def _write_ct2(path: Path, variables: list[tuple[str, np.ndarray, int]], aliases=()) -> None:
    """A tiny model.bin, written independently of the reader under test."""

    def s(text: str) -> bytes:
        raw = text.encode() + b"\0"
        return struct.pack("<H", len(raw)) + raw

    out = struct.pack("<I", 6) + s("WhisperSpec") + struct.pack("<I", 3) + struct.pack("<I", len(variables))
    for name, arr, dtype_id in variables:
        out += s(name) + struct.pack("<B", arr.ndim) + b"".join(struct.pack("<I", d) for d in arr.shape)
        out += struct.pack("<BI", dtype_id, arr.nbytes) + arr.tobytes()
    out += struct.pack("<I", len(aliases)) + b"".join(s(a) + s(b) for a, b in aliases)
    path.write_bytes(out)


def test_int8_weights_are_dequantised(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    w = rng.standard_normal((4, 6)).astype(np.float32)
    scale = (127.0 / np.abs(w).max(axis=1)).astype(np.float32)  # CTranslate2's per-row int8 scheme
    q = np.rint(w * scale[:, None]).astype(np.int8)
    bf = np.array([1.5, -2.0], dtype=np.float32).view(np.uint32) >> 16
    _write_ct2(
        tmp_path / "model.bin",
        [
            ("x/weight", q, 1),
            ("x/weight_scale", scale, 0),
            ("y/gamma", bf.astype(np.uint16), 5),
        ],
        aliases=[("z/weight", "x/weight")],
    )
    m = read_ct2_model(tmp_path / "model.bin")
    assert m.dtypes["x/weight"] == "int8"
    assert np.allclose(m.dequantised("x/weight"), w, atol=np.abs(w).max() / 127)
    assert np.array_equal(m.dequantised("z/weight"), m.dequantised("x/weight"))
    assert m.dequantised("y/gamma").tolist() == [1.5, -2.0]


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_damaged_model_bin_gives_a_clear_error(tmp_path: Path, bundled_model: Path, damage: str) -> None:
    bad = tmp_path / "model.bin"
    if damage == "truncate":
        with (bundled_model / "model.bin").open("rb") as f:
            bad.write_bytes(f.read(5_000_000))
    else:
        bad.write_bytes(b"\x06\x00\x00\x00" + b"\xff" * 1000)
    with pytest.raises(ModelError, match="rusak atau bukan model CTranslate2"):
        read_ct2_model(bad)


@pytest.mark.slow
def test_encoder_and_language_probabilities_match_ctranslate2(stock_fw32, oa_engine, speech) -> None:
    """Same weights, same input features: the two runtimes compute the same network."""
    import ctranslate2
    import torch
    from faster_whisper.audio import pad_or_trim

    fw = stock_fw32
    features = pad_or_trim(fw.feature_extractor(speech))[None].astype(np.float32)
    ct2_out = np.array(fw.model.encode(ctranslate2.StorageView.from_array(features)))
    with torch.no_grad():
        oa_out = oa_engine._model.encoder(torch.from_numpy(features)).numpy()
    rel = np.abs(ct2_out - oa_out).max() / np.abs(oa_out).max()
    assert rel < 1e-3, rel
    ct2_langs = dict(fw.model.detect_language(ctranslate2.StorageView.from_array(ct2_out))[0])
    with torch.no_grad():
        _, probs = oa_engine._model.detect_language(torch.from_numpy(oa_out))
    oa_langs = probs[0]
    for lang in ("id", "ms", "jw", "en"):
        assert abs(ct2_langs[f"<|{lang}|>"] - oa_langs[lang]) < 1e-3, lang


@pytest.mark.slow
def test_both_engines_give_the_same_text(stock_fw32, oa_engine, speech) -> None:
    """Greedy decoding, same options, no VAD: CTranslate2 and the converted checkpoint agree word
    for word (faster-whisper's own ``transcribe``, so Radio Desk's pipeline is not under test here)."""
    options = TranscribeOptions(language="id", beam_size=1, temperature=(0.0,), vad=False)
    segments, _ = stock_fw32.transcribe(
        speech,
        language="id",
        beam_size=1,
        temperature=0.0,
        vad_filter=False,
        condition_on_previous_text=False,
        without_timestamps=False,
    )
    fw_text = " ".join(s.text.strip() for s in segments)
    oa = oa_engine.transcribe(speech, options)
    assert fw_text and fw_text == oa.text
    assert oa.engine == "openai-whisper"
