"""集体合同: models."""

from __future__ import annotations
