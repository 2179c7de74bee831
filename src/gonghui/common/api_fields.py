"""Text fields for public API input, checked at the edge: length and NUL bytes before any query (422)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints


def _no_nul(value: str) -> str:
    # PostgreSQL refuses NUL in text; a NUL reaching a query would be a 500, not a clear answer.
    if "\x00" in value:
        raise ValueError("不能包含空字符（NUL）。")
    return value


NoNul = AfterValidator(_no_nul)
Text6 = Annotated[str, StringConstraints(max_length=6), NoNul]
Text20 = Annotated[str, StringConstraints(max_length=20), NoNul]
Text30 = Annotated[str, StringConstraints(max_length=30), NoNul]
Text50 = Annotated[str, StringConstraints(max_length=50), NoNul]
Text64 = Annotated[str, StringConstraints(max_length=64), NoNul]
Text100 = Annotated[str, StringConstraints(max_length=100), NoNul]
Text150 = Annotated[str, StringConstraints(max_length=150), NoNul]
Text200 = Annotated[str, StringConstraints(max_length=200), NoNul]
Text500 = Annotated[str, StringConstraints(max_length=500), NoNul]
# A year a union's records can carry: a date lookup outside it would fail in the database, not answer 422.
Year = Annotated[int, Field(ge=1949, le=2100)]
