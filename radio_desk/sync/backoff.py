"""When the sync tries again: exponential backoff with full jitter (AWS architecture blog) for a server
that answers with a fault (5xx, 429, a refused key), and a cheap probe every 15–30 s while the server
cannot be reached at all, so a case saved during an outage goes out within half a minute of its end."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 1.0  # seconds before the first retry (upper bound of the jitter)
    cap: float = 300.0  # never wait longer than five minutes
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        """Record a failure and return how long to wait: uniform in [0, min(cap, base·2^n)]."""
        ceiling = min(self.cap, self.base * (2**self.failures))
        self.failures += 1
        return self.rng.uniform(0, ceiling)

    def reset(self) -> None:
        self.failures = 0


@dataclass
class Probe:
    """How often an unreachable server is probed: uniform in [low, high] seconds (the jitter spreads
    the desks of a regency coming back after the same outage)."""

    low: float = 15.0
    high: float = 30.0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        return self.rng.uniform(self.low, self.high)
