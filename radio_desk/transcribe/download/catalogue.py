"""The catalogue of Whisper models the desk can fetch, and where a downloaded one lives.

Every Hugging Face file is pinned at a fixed commit (``resolve/<revision>/``, never the moving
``main``) with its size and SHA-256; the openai-whisper checkpoints are named by their SHA-256.
Where the pins come from: the revisions and hashes below are those that several independent projects
record for the same Hugging Face commits (file sizes and LFS SHA-256 agree across them; for
whisper-base the same sources give our bundled model's SHA-256).  Moving a model to a new revision
means pinning its new hashes here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from radio_desk.paths import app_paths

ENGINES = ("faster-whisper", "openai-whisper")
_HF = "https://huggingface.co/{repo}/resolve/{revision}/{file}"
_OPENAI = "https://openaipublic.azureedge.net/main/whisper/models/{sha}/{name}.pt"


@dataclass(frozen=True)
class RemoteFile:
    url: str
    name: str  # file name inside the model folder (or the checkpoint's name)
    sha256: str | None = None  # required to download: a file without a pinned hash is refused
    optional: bool = False  # a 404 is fine (the folder works without it)
    size: int | None = None  # bytes, when pinned: a different length is refused before hashing


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    size_mb: dict[str, int]  # approximate download size per engine, for the interface
    files: dict[str, tuple[RemoteFile, ...]] = field(default_factory=dict)  # engine -> files


def _hf_files(repo: str, revision: str, files: dict[str, tuple[int, str]]) -> tuple[RemoteFile, ...]:
    """A CTranslate2 folder at one commit of a Hugging Face repository: name -> (size, SHA-256)."""
    return tuple(
        RemoteFile(_HF.format(repo=repo, revision=revision, file=name), name, sha256=sha, size=size)
        for name, (size, sha) in files.items()
    )


def _openai_file(name: str, sha: str) -> tuple[RemoteFile, ...]:
    return (RemoteFile(_OPENAI.format(sha=sha, name=name), f"{name}.pt", sha256=sha),)


# the multilingual tokenizer and vocabulary that Systran's small and medium conversions share
_SYSTRAN_TOKENIZER = (2_203_239, "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab")
_SYSTRAN_VOCABULARY = (459_861, "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913")

CATALOGUE: dict[str, CatalogueEntry] = {
    "small": CatalogueEntry(
        "small",
        {"faster-whisper": 484, "openai-whisper": 461},
        {
            "faster-whisper": _hf_files(
                "Systran/faster-whisper-small",
                "536b0662742c02347bc0e980a01041f333bce120",
                {
                    "config.json": (
                        2_370,
                        "b55496ac7940a7ae47d2c01eab40edfd8701feec1229d9cce3b40014383fb828",
                    ),
                    "model.bin": (
                        483_546_902,
                        "3e305921506d8872816023e4c273e75d2419fb89b24da97b4fe7bce14170d671",
                    ),
                    "tokenizer.json": _SYSTRAN_TOKENIZER,
                    "vocabulary.txt": _SYSTRAN_VOCABULARY,
                },
            ),
            "openai-whisper": _openai_file(
                "small", "9ecf779972d90ba49c06d968637d720dd632c55bbf19d441fb42bf17a411e794"
            ),
        },
    ),
    "medium": CatalogueEntry(
        "medium",
        {"faster-whisper": 1530, "openai-whisper": 1457},
        {
            "faster-whisper": _hf_files(
                "Systran/faster-whisper-medium",
                "08e178d48790749d25932bbc082711ddcfdfbc4f",
                {
                    "config.json": (
                        2_257,
                        "3622a2ddc41ec0e0fd4e68c13c6830f03b90c38d89aaad184de02c8c642cf807",
                    ),
                    "model.bin": (
                        1_527_906_378,
                        "9b45e1009dcc4ab601eff815b61d80e60ce3fd8c74c1a14f4a282258286b51ae",
                    ),
                    "tokenizer.json": _SYSTRAN_TOKENIZER,
                    "vocabulary.txt": _SYSTRAN_VOCABULARY,
                },
            ),
            "openai-whisper": _openai_file(
                "medium", "345ae4da62f9b3d59415adc60127b97c714f32e89e936602e85993674d08dcb1"
            ),
        },
    ),
    "large-v3-turbo": CatalogueEntry(
        "large-v3-turbo",
        {"faster-whisper": 1620, "openai-whisper": 1550},
        {
            # formerly mobiuslabsgmbh/faster-whisper-large-v3-turbo (the old name redirects); same commit
            "faster-whisper": _hf_files(
                "dropbox-dash/faster-whisper-large-v3-turbo",
                "0a363e9161cbc7ed1431c9597a8ceaf0c4f78fcf",
                {
                    "config.json": (
                        2_263,
                        "b0253ea6c0d3bea6b1e19e91a02acfd3b53f4467362efcb5a3e6b16c9b3a9b7e",
                    ),
                    "model.bin": (
                        1_617_884_929,
                        "e76620f83d5f5b69efd3d87e3dc180c1bd21df9fbebacfd4335e5e1efcc018da",
                    ),
                    "preprocessor_config.json": (
                        340,
                        "7ccc62c6f2765af1f3b46c00c9b5894426835a05021c8b9c01eecb6dfb542711",
                    ),
                    "tokenizer.json": (
                        2_710_337,
                        "297b13372ac43916285644fb9687add3cc62ee2a1adb60da3dc25cc94c1871fd",
                    ),
                    "vocabulary.json": (
                        1_068_114,
                        "c69260f2ab26d659b7c398f9a2b2b48ed0df16c3b47d7326782fd9cba71690c1",
                    ),
                },
            ),
            "openai-whisper": _openai_file(
                "large-v3-turbo", "aff26ae408abcba5fbf8813c21e62b0941638c5f6eebfb145be0c9839262a19a"
            ),
        },
    ),
}


def engine_dir(engine: str) -> Path:
    return app_paths().models / engine


def downloaded_model_path(name: str, engine: str) -> Path | None:
    """Where a downloaded catalogue model lives, or None.

    openai-whisper prefers its own checkpoint and falls back to the CTranslate2 folder (converted on
    load); faster-whisper needs the CTranslate2 folder.
    """
    ct2 = engine_dir("faster-whisper") / name
    pt = engine_dir("openai-whisper") / f"{name}.pt"
    if engine == "openai-whisper" and pt.is_file():
        return pt
    if (ct2 / "model.bin").is_file() and (ct2 / "config.json").is_file():
        return ct2
    return None
