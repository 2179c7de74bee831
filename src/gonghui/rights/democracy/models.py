"""职代会和厂务公开: models."""

from __future__ import annotations
