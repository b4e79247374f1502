from __future__ import annotations

import pytest

from echoscope.errors import EchoscopeError
from echoscope.targets.entities import Entities, is_generic_speaker, read_aliases


def test_alias_file_rows_and_their_errors(tmp_path):
    good = tmp_path / "aliases.csv"
    good.write_text(
        "entity,alias,kind,member_of\nAltaf Hussain,الطاف حسین,person,MQM\nMQM,,party,\n",
        encoding="utf-8",
    )
    assert read_aliases(good) == [
        ("Altaf Hussain", "الطاف حسین", "person", "MQM"),
        ("MQM", "", "party", ""),
    ]
    cases = {
        "alias,kind\nx,person\n": ":1: the entity file needs a header",
        "entity,alias,colour\nA,B,red\n": ":1: unknown column 'colour'",
        "entity,alias\nA,B\n,C\n": ":3: the entity column is empty",
        "entity,kind\nA,planet\n": ":2: unknown kind 'planet'",
        "entity,alias\nA,B,C\n": ":2: 3 fields",
        'entity,alias\n"unclosed,x\n': ":2: unexpected end of data",
        'entity,alias\n"two\nlines",x\n': ":3: a name with a line break",
    }
    for text, message in cases.items():
        bad = tmp_path / "bad.csv"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(EchoscopeError, match=message):
            read_aliases(bad)
    (tmp_path / "latin1.csv").write_bytes(b"entity\nJos\xe9\n")
    with pytest.raises(EchoscopeError, match="not UTF-8"):
        read_aliases(tmp_path / "latin1.csv")
    with pytest.raises(EchoscopeError, match="cannot read"):
        read_aliases(tmp_path / "missing.csv")


def test_the_list_resolves_aliases_surnames_and_parties():
    e = Entities.build(
        [("Rustam Keshvani", "the DRF chief", "person", "DRF")],
        [("Harun Delavar", "Marwen Times", "NCP", "NCP"), ("Staff reporter", None, None, None)],
    )
    assert e.lookup("The DRF chief's") == "Rustam Keshvani"
    assert e.by_surname("keshvani") == "Rustam Keshvani"
    assert e.party_of("Harun Delavar") == "NCP" and e.kind_of("NCP") == "party"
    assert e.lookup("Staff reporter") is None and is_generic_speaker("Our Correspondent")
    before = e.digest()
    e.add("Harun Delavar", "ہارون دلاور")
    assert e.lookup("ہارون دلاور") == "Harun Delavar" and e.digest() != before
