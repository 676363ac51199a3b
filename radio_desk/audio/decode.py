"""Audio that libsndfile cannot read (M4A/AAC, AMR from phones, WebM, 3GP) decoded with FFmpeg's own
decoders through PyAV, which ships them inside its wheel (faster-whisper depends on it too): no
system ``ffmpeg`` program is needed, so the packaged app imports phone recordings on Windows as well.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from radio_desk.errors import AudioError

log = logging.getLogger(__name__)


def av_blocks(path: Path) -> Iterator[tuple[np.ndarray, int]]:
    """The first audio track of ``path`` as planar float32 blocks ``(channels, samples)`` and its rate.

    Raises :class:`AudioError` naming the file when there is no audio track or a decoder fails."""
    import av

    path = Path(path)
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(f"Berkas '{path.name}' tidak memiliki trek audio.")
            stream = container.streams.audio[0]
            rate = int(stream.rate or stream.codec_context.sample_rate or 0)
            # planar float32, so channels arrive as rows; the rate and layout stay the file's own
            resampler = av.AudioResampler(format="fltp", layout=None, rate=None)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    yield out.to_ndarray(), rate
            for out in resampler.resample(None):
                yield out.to_ndarray(), rate
    except AudioError:
        raise
    except (av.FFmpegError, ValueError, OSError) as err:
        log.debug("FFmpeg could not decode %s: %s", path, err)
        raise AudioError(
            f"Berkas audio '{path.name}' rusak atau formatnya tidak dikenali; periksa berkasnya "
            "atau simpan ulang sebagai WAV."
        ) from err
