import pytest

from members.names import STATE_NAMES, state_code


def test_state_names_cover_fifty_states_dc_and_the_territories():
    assert len(STATE_NAMES) == 56
    assert {"DC", "PR", "GU", "VI", "AS", "MP"} <= STATE_NAMES.keys()


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("OH", "OH"),
        ("oh", "OH"),
        ("Ohio", "OH"),
        ("Mass.", "MA"),
        ("Calif.", "CA"),
        ("Fla.", "FL"),
        ("N.J.", "NJ"),
        ("N.Y.", "NY"),
        ("Pa.", "PA"),
        ("Tenn.", "TN"),
        ("Conn.", "CT"),
        ("La.", "LA"),
        ("Colo.", "CO"),
        ("R.I.", "RI"),
        ("Ky.", "KY"),
        ("W.Va.", "WV"),
        ("Wis.", "WI"),
        ("Texas", "TX"),
        ("New Hampshire", "NH"),
        ("District of Columbia", "DC"),
        ("D.C.", "DC"),
        ("Puerto Rico", "PR"),
        ("Guam", "GU"),
        ("U.S. Virgin Islands", "VI"),
        ("American Samoa", "AS"),
        ("Northern Mariana Islands", "MP"),
        ("N. Mariana Islands", "MP"),
        ("V.I.", "VI"),
        ("W. Va.", "WV"),
        ("Ind.", "IN"),
        ("Ore.", "OR"),
        ("Okla.", "OK"),
        ("Ariz.", "AZ"),
        ("Tex.", "TX"),
    ],
)
def test_state_code_reads_postal_codes_names_and_ap_abbreviations(written, code):
    assert state_code(written) == code


@pytest.mark.parametrize("written", ["", "Atlantis", "XX", "Marcy", "..."])
def test_state_code_is_none_for_anything_else(written):
    assert state_code(written) is None
