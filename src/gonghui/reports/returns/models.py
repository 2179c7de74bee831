"""Models of returns (ADR 0019)."""
