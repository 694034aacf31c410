"""The CAMEO codebook and the PLOVER type and mode each code carries."""

import pytest

from eventwire.codebooks import PLOVER_TYPES, UnknownCameoCode, all_codes, cameo, event_codes


@pytest.mark.parametrize("code, quad, plover", [
    ("042", 1, ("CONSULT", "visit")),        # table row
    ("0841", 2, ("RETREAT", "release")),     # table row
    ("1723", 4, ("COERCE", "curfew")),       # table row
    ("1384", 3, ("THREATEN", "violence")),   # table row
    ("0213", 1, ("REQUEST", None)),          # appeals have no row: PLOVER folds them into REQUEST
])
def test_table_gives_plover_type_and_mode(code, quad, plover):
    c = cameo(code)
    assert c.quad_class == quad
    assert (c.plover_type, c.plover_mode) == plover


@pytest.mark.parametrize("code, plover", [
    ("0813", ("CONCEDE", None)),           # easing a curfew: the manual's CONCEDE, the table said RETREAT
    ("0814", ("CONCEDE", None)),           # easing a state of emergency
    ("0831", ("RETREAT", "resign")),       # a resignation: RETREAT resign, the table said CONCEDE
    ("163", ("SANCTION", "discontinue")),  # international sanctions: SANCTION discontinue, the table said COERCE
])
def test_manual_text_overrides_the_table(code, plover):
    c = cameo(code)
    assert (c.plover_type, c.plover_mode) == plover


def test_every_event_code_but_statements_has_a_plover_type():
    missing = [c.code for c in event_codes() if c.plover_type is None and not c.code.startswith("01")]
    assert missing == []
    assert all(c.plover_type in PLOVER_TYPES for c in all_codes() if c.plover_type)


def test_codebook_holds_all_cameo_codes_with_goldstein():
    codes = all_codes()
    assert len(codes) >= 300
    assert all(c.goldstein is not None for c in codes if len(c.code) >= 3)


def test_unknown_code_names_itself_and_the_fix():
    with pytest.raises(UnknownCameoCode, match="'999'.*all_codes"):
        cameo("999")
