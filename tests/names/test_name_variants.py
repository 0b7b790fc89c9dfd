from members.names import fold, given_name_forms, given_names, name_variants, normalise


def test_name_variants_cover_the_ways_a_name_is_written():
    variants = name_variants(
        first="Charles", middle="E.", last="Schumer", nickname="Chuck", official_full="Charles E. Schumer"
    )
    assert {"Charles Schumer", "Chuck Schumer", "Charles E. Schumer", "Charles E Schumer"} <= variants


def test_name_variants_add_suffix_forms():
    variants = name_variants(first="Thomas", middle="H.", last="Kean", suffix="Jr.")
    assert {"Thomas Kean", "Thomas Kean Jr.", "Thomas Kean, Jr.", "Thomas H. Kean Jr."} <= variants


def test_name_variants_include_earlier_surnames():
    variants = name_variants(first="Mary", last="Bono Mack", other_names=("Bono",))
    assert {"Mary Bono Mack", "Mary Bono"} <= variants


def test_name_variants_include_a_middle_name_the_member_goes_by():
    variants = name_variants(first="James", middle="French", last="Hill", official_full="J. French Hill")
    assert {"French Hill", "J. French Hill", "James Hill"} <= variants


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("Díaz-Balart") == "diaz balart"
    assert normalise("O\u2019Rourke") == "o rourke"
    assert normalise("  Marcy  C. Kaptur ") == "marcy c kaptur"
    assert normalise("González-Colón") == "gonzalez colon"


def test_given_name_forms_know_common_nicknames():
    assert {"michael", "mike"} <= given_name_forms("Michael")
    assert "michael" in given_name_forms("Mike")
    assert "james" in given_name_forms("Jim")
    assert "william" in given_name_forms("Bill")
    assert "theodore" not in given_name_forms("Edward")


def test_given_names_read_the_sources_parenthesised_nicknames():
    assert given_names(first="Nicole (Nikki)", middle="Jai") == ["Nicole", "Nikki"]
    assert "Nicole Budzinski" in name_variants(first="Nicole (Nikki)", last="Budzinski")
    assert "Nikki Budzinski" in name_variants(first="Nicole (Nikki)", last="Budzinski")


def test_given_names_take_the_name_the_official_full_name_uses():
    assert "Val Hoyle" in name_variants(
        first="Valerie", middle="Anne", last="Hoyle", official_full="Val T. Hoyle"
    )
    assert "Greg Casar" in name_variants(first="Gregorio", last="Casar", official_full="Greg Casar")


def test_initials_as_a_given_name_are_also_written_together():
    variants = name_variants(first="J.D. (James)", middle="(David)", last="Vance", official_full="J.D. Vance")
    assert {"J.D. Vance", "JD Vance", "James Vance"} <= variants


def test_fold_keeps_the_length_so_offsets_survive():
    for text in ["Díaz-Balart\u2019s", "Kaiali\u02bbi Kahele", "Stra\u00dfe \u5317\u4eac", "\ud800x", ""]:
        assert len(fold(text)) == len(text)
    assert fold("Rep. Díaz-Balart\u2019s") == "rep  diaz balart s"


def test_given_name_forms_read_a_parenthesised_nickname():
    assert {"charles", "chuck", "charlie"} <= given_name_forms("Charles (Chuck)")


def test_an_abbreviated_first_name_is_spelled_out_and_the_middle_name_used_as_given():
    # "Wm. Lacy Clay" went by "Lacy Clay" and is also written "William Lacy Clay".
    variants = name_variants(first="Wm.", middle="Lacy", last="Clay", official_full="Wm. Lacy Clay")
    assert {"Wm. Lacy Clay", "Lacy Clay", "William Clay"} <= variants
    # A plain first name keeps its middle name out of the given names.
    assert given_names(first="Mark", middle="Lacy") == ["Mark"]
