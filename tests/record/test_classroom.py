"""The classroom block is typed by people: only clean, short names get into the record."""

from councilgame.record.classroom import NAME_LENGTH, STUDENTS_PER_SEAT, clean_name, parse


def test_names_lose_control_and_bidirectional_characters_and_keep_their_accents():
    assert clean_name("Zoë\x1b[2J\u202e Ångström\n\tB") == "Zoë [2J Ångström B"
    assert clean_name("Côte d'Ivoire") == "Côte d'Ivoire"


def test_a_name_too_long_is_cut_and_nothing_else_is_a_name():
    long = clean_name("x" * 500)
    assert long is not None and len(long) == NAME_LENGTH and long.endswith("…")
    assert clean_name(42) is None and clean_name(None) is None and clean_name(" \x00 ") is None


def test_a_malformed_block_drops_what_it_cannot_use_and_says_so():
    block = {"seats": {"FRA": {"team": ["not", "a", "name"], "students": "Ana"}, "NGA": "Ada",
                       "XYZ": {"team": "Ghosts"}, "GBR": {"students": [f"s{i}" for i in range(STUDENTS_PER_SEAT + 5)]}}}
    room = parse(block, {"FRA", "NGA", "GBR"})
    assert room.seats["FRA"].team is None and room.seats["FRA"].students == ()
    assert "NGA" not in room.seats and "XYZ" not in room.seats
    assert len(room.seats["GBR"].students) == STUDENTS_PER_SEAT
    assert len(room.notes) == 3
    assert parse(None, {"FRA"}).seats == {} and parse("x", {"FRA"}).notes
