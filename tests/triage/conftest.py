"""Triage fixtures: suggesters for the two pilot regencies, built once from the shipped taxonomy."""

from __future__ import annotations

import pytest

from radio_desk.domain.taxonomy import default_taxonomy_path, load_taxonomy
from radio_desk.triage.suggest import Suggester

BOJONEGORO = "35.22"
PROBOLINGGO = "35.13"


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(default_taxonomy_path())


@pytest.fixture(scope="session")
def bojonegoro(taxonomy) -> Suggester:
    return Suggester(taxonomy, BOJONEGORO)


@pytest.fixture(scope="session")
def probolinggo(taxonomy) -> Suggester:
    return Suggester(taxonomy, PROBOLINGGO)
