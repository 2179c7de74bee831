import logging

import pytest
from django.db import IntegrityError, connection

from gonghui.common.pii_crypto import blind_index, seal, unseal
from gonghui.common.pii_fields import Sealed
from tests.piitest.models import Person

ID = "11010519491231002X"


def test_database_holds_ciphertext_and_hmac_never_plain_text(db: None) -> None:
    Person.objects.create(name="张三", id_number=ID, mobile="13812345678")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, id_number_hmac, mobile FROM piitest_person")
        stored_id, stored_hmac, stored_mobile = cursor.fetchone()
    assert ID not in stored_id and "13812345678" not in stored_mobile
    assert stored_id.startswith("2$")  # current key version
    assert stored_hmac == blind_index(ID, purpose="idcard")


def test_loaded_values_print_masked_and_reveal_on_request(db: None) -> None:
    Person.objects.create(name="张三", id_number=ID, mobile="13812345678")
    person = Person.objects.get()
    assert isinstance(person.id_number, Sealed)
    assert str(person.id_number) == "110105********002X"
    assert ID not in repr(person.id_number)
    assert person.id_number.reveal() == ID
    assert person.mobile == "13812345678"


def test_lookup_by_blind_index_and_uniqueness(db: None) -> None:
    Person.objects.create(name="张三", id_number=ID)
    assert Person.objects.filter(id_number_hmac=blind_index(ID, purpose="idcard")).count() == 1
    with pytest.raises(IntegrityError):
        Person.objects.create(name="李四", id_number=ID)


def test_bulk_create_computes_the_blind_index(db: None) -> None:
    Person.objects.bulk_create([Person(name="王五", id_number=ID)])
    assert Person.objects.get().id_number_hmac == blind_index(ID, purpose="idcard")


def test_ciphertext_from_another_column_does_not_open() -> None:
    token = seal(ID, aad="piitest.person.id_number")
    assert unseal(token, aad="piitest.person.id_number") == ID
    with pytest.raises(Exception):  # noqa: B017 - cryptography raises InvalidTag
        unseal(token, aad="piitest.person.mobile")


def test_old_key_versions_still_decrypt_and_saves_use_the_current_key(db: None, settings: object) -> None:
    from gonghui.common import pii_keys

    person = Person.objects.create(name="张三", id_number=ID)
    # Re-key so that version 1 becomes current; rows sealed under 2 still open.
    settings.PII_KEYS = "1:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=,2:MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI="
    pii_keys.keyring.cache_clear()
    try:
        loaded = Person.objects.get(pk=person.pk)
        assert loaded.id_number.reveal() == ID
        loaded.id_number = loaded.id_number.reveal()  # re-seal under the current key
        loaded.save()
        with connection.cursor() as cursor:
            cursor.execute("SELECT id_number FROM piitest_person")
            assert cursor.fetchone()[0].startswith("1$")
    finally:
        pii_keys.keyring.cache_clear()


def test_a_sealed_value_in_a_log_line_is_masked(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("gonghui.test").info("person %s", Sealed("idcard", plain=ID))  # type: ignore[arg-type]
    assert ID not in caplog.text and "110105********002X" in caplog.text


def test_rotation_command_reseals_old_rows_and_is_safe_to_rerun(db: None, settings: object) -> None:
    from io import StringIO

    from django.core.management import call_command

    from gonghui.common import pii_keys

    Person.objects.create(name="张三", id_number=ID, mobile="13812345678")
    settings.PII_KEYS = "3:MzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzM=," + settings.PII_KEYS
    pii_keys.keyring.cache_clear()
    try:
        out = StringIO()
        call_command("pii_rotate", stdout=out)
        assert "piitest.Person: 1 row(s)" in out.getvalue()
        person = Person.objects.get()
        assert person.id_number.key_version == 3 and person.mobile.key_version == 3
        assert person.id_number.reveal() == ID
        out = StringIO()
        call_command("pii_rotate", stdout=out)
        assert "piitest.Person: 0 row(s)" in out.getvalue()
    finally:
        pii_keys.keyring.cache_clear()


def test_loading_rows_does_not_decrypt_until_asked(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from gonghui.common import pii_fields

    Person.objects.create(name="张三", id_number=ID, mobile="13812345678")
    calls: list[str] = []
    real = pii_fields.unseal
    monkeypatch.setattr(pii_fields, "unseal", lambda token, aad: calls.append(aad) or real(token, aad=aad))
    person = Person.objects.get()
    assert calls == []
    assert person.mobile.reveal() == "13812345678" and calls == ["piitest.person.mobile"]


def test_blind_index_is_hmac_sha256_of_purpose_and_value() -> None:
    import hashlib
    import hmac

    from gonghui.common.pii_keys import keyring

    expected = hmac.new(keyring().hmac_key, b"id\x00" + ID.encode(), hashlib.sha256).hexdigest()
    assert blind_index(ID, purpose="id") == expected
    assert blind_index(ID, purpose="mobile") != expected


def test_every_seal_takes_a_fresh_nonce_also_after_a_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    import base64
    import os

    from gonghui.common import pii_crypto

    def nonce(token: str) -> bytes:
        return base64.b64decode(token.partition("$")[2])[: pii_crypto.NONCE_BYTES]

    tokens = [seal(ID, aad="t") for _ in range(pii_crypto._Nonces.BATCH + 10)]  # across a refill
    assert len({nonce(t) for t in tokens}) == len(tokens)
    assert {unseal(t, aad="t") for t in tokens} == {ID}
    parent_next = pii_crypto._nonces.pool[pii_crypto._nonces.used : pii_crypto._nonces.used + pii_crypto.NONCE_BYTES]
    monkeypatch.setattr(os, "getpid", lambda: -1)  # as a forked child sees it: a new pid, the parent's pool
    assert nonce(seal(ID, aad="t")) != parent_next
