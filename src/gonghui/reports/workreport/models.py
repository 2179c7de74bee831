"""Models of workreport (ADR 0019)."""
