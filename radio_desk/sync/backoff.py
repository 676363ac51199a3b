"""Exponential backoff with full jitter (AWS architecture blog): spreads the retries of many desks."""

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
