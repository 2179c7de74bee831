from gonghui.common.log_filters import redact
from gonghui.common.masking import mask, mask_bank_account, mask_idcard, mask_mobile


def test_masks_as_the_design_says() -> None:
    assert mask_idcard("11010519491231002X") == "110105********002X"
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_bank_account("6222021234567890") == "************7890"
    assert mask("idcard", None) == ""


def test_log_redaction_masks_ids_and_phones_in_free_text() -> None:
    line = "import row 3: 11010519491231002X / 13812345678 failed"
    assert redact(line) == "import row 3: 110105********002X / 138****5678 failed"
