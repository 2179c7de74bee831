"""English is a full translation: every message in the catalog has an English string."""

from pathlib import Path

from babel.messages.pofile import read_po

PO = Path(__file__).resolve().parent.parent / "src" / "gonghui" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated() -> None:
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []
