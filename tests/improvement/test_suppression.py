"""Small-cell suppression: worked examples and properties of what a reader can work out."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from improvement.suppression import (
    COMPLEMENTARY_LABEL,
    MIN_CELL_SIZE,
    SUPPRESSED_LABEL,
    Cell,
    display_n,
    display_value,
    suppress,
    suppress_series,
)


def hidden(result, reason=None):
    return {k for k, c in result.items() if c.suppressed and reason in (None, c.reason)}


# --- primary suppression ------------------------------------------------------------------------


def test_threshold_constants():
    assert MIN_CELL_SIZE == 11
    assert SUPPRESSED_LABEL == "fewer than 11"


def test_groups_under_eleven_are_hidden_and_eleven_is_shown():
    result = suppress({"EL": (10, 0.4), "SED": (11, 0.25)})
    assert result["EL"] == Cell("EL", None, None, True, "small")
    assert result["SED"] == Cell("SED", 11, 0.25, False, "")


def test_empty_and_unknown_groups_are_hidden():
    result = suppress({"FOS": (0, None), "HOM": (None, 0.1), "ALL": (300, 0.2)})
    assert hidden(result) == {"FOS", "HOM"}
    assert result["HOM"].value is None


def test_min_size_can_be_lowered():
    result = suppress({"A": (5, 0.1), "B": (4, 0.2)}, min_size=5)
    assert hidden(result) == {"B"}


# --- complementary suppression ------------------------------------------------------------------


def test_lone_small_group_takes_the_next_smallest_group_with_it():
    cells = {"ALL": (100, 0.2), "HI": (55, 0.2), "WH": (20, 0.1), "AS": (16, 0.3), "AA": (9, 0.5)}
    result = suppress(cells, total_key="ALL")
    assert hidden(result, "small") == {"AA"}
    assert hidden(result, "complementary") == {"AS"}
    assert result["ALL"].n == 100
    # 100 - 55 - 20 = 25 is now shared by AA and AS: AA could be anything from 0 to 10.


def test_two_small_groups_need_no_complement():
    cells = {"ALL": (100, 0.2), "HI": (80, 0.2), "WH": (12, 0.1), "AS": (5, 0.3), "AA": (3, 0.5)}
    result = suppress(cells, total_key="ALL")
    assert hidden(result) == {"AS", "AA"}


def test_an_empty_group_does_not_protect_a_small_one():
    # If readers know no AA students attend, 100 - 70 - 25 = 5 would be AS.
    cells = {"ALL": (100, 0.2), "HI": (70, 0.2), "WH": (25, 0.1), "AS": (5, 0.3), "AA": (0, None)}
    result = suppress(cells, total_key="ALL")
    assert hidden(result, "small") == {"AS", "AA"}
    assert hidden(result, "complementary") == {"WH"}


def test_small_groups_at_the_ceiling_are_protected():
    # Two hidden groups summing to 20, each known to be under 11, must both be 10.
    cells = {"ALL": (100, 0.2), "HI": (60, 0.2), "WH": (20, 0.1), "AS": (10, 0.3), "AA": (10, 0.5)}
    result = suppress(cells, total_key="ALL")
    assert hidden(result, "complementary") == {"WH"}


def test_no_complement_without_a_total():
    result = suppress({"HI": (55, 0.2), "AA": (9, 0.5)})
    assert hidden(result) == {"AA"}


def test_small_total_hides_everything_without_complement():
    result = suppress({"ALL": (9, 0.2), "HI": (5, 0.2), "WH": (4, 0.1)}, total_key="ALL")
    assert hidden(result, "small") == {"ALL", "HI", "WH"}
    assert hidden(result, "complementary") == set()


def test_overlapping_groups_are_left_out_of_the_partition():
    # EL and SED overlap the race groups, so EL (12) is not the complement, WH (30) is.
    cells = {
        "ALL": (100, 0.2),
        "EL": (12, 0.3),
        "SED": (60, 0.25),
        "HI": (62, 0.2),
        "WH": (30, 0.1),
        "AA": (8, 0.5),
    }
    result = suppress(cells, total_key="ALL", partition=["HI", "WH", "AA"])
    assert hidden(result, "complementary") == {"WH"}
    assert not result["EL"].suppressed
    # By default every group counts as a part, so the smallest shown one (EL) goes.
    assert hidden(suppress(cells, total_key="ALL"), "complementary") == {"EL"}


def test_ties_take_the_first_group_in_partition_order():
    cells = {"ALL": (60, 0.2), "A": (20, 0.1), "B": (20, 0.2), "C": (15, 0.3), "D": (5, 0.4)}
    result = suppress(cells, total_key="ALL", partition=["B", "A", "D"])
    assert hidden(result, "complementary") == {"B"}


def test_total_is_hidden_when_no_part_is_left_to_hide():
    # Parts that do not add up (a remainder is unreported): both parts are hidden, one empty.
    cells = {"ALL": (40, 0.2), "A": (5, 0.1), "B": (0, None)}
    result = suppress(cells, total_key="ALL")
    assert result["ALL"] == Cell("ALL", None, None, True, "complementary")


def test_unknown_keys_are_errors():
    with pytest.raises(KeyError):
        suppress({"A": (20, 0.1)}, total_key="ALL")
    with pytest.raises(KeyError):
        suppress({"ALL": (20, 0.1), "A": (20, 0.1)}, total_key="ALL", partition=["A", "B"])


# --- display and series -------------------------------------------------------------------------


def test_display_n():
    cells = {"ALL": (100, 0.2), "HI": (55, 0.2), "WH": (36, 0.1), "AA": (9, 0.5)}
    result = suppress(cells, total_key="ALL")
    assert display_n(result["HI"]) == "55"
    assert display_n(result["AA"]) == "fewer than 11"
    assert display_n(result["WH"]) == COMPLEMENTARY_LABEL
    assert COMPLEMENTARY_LABEL != SUPPRESSED_LABEL
    assert COMPLEMENTARY_LABEL == "hidden so the small group cannot be worked out"


def test_each_hidden_cell_says_why():
    cells = {"ALL": (600, 0.2), "HI": (310, 0.2), "WH": (284, 0.1), "PI": (6, 0.5)}
    result = suppress(cells, total_key="ALL")
    assert result["PI"].label == SUPPRESSED_LABEL
    assert result["WH"].label == COMPLEMENTARY_LABEL
    assert result["HI"].label == ""
    assert display_value(result["WH"]) == COMPLEMENTARY_LABEL
    assert display_value(result["PI"]) == SUPPRESSED_LABEL
    assert display_value(result["HI"]) is None


def test_suppress_series_judges_each_date_on_its_own_counts():
    rows = {
        date(2025, 1, 31): {"ALL": (40, 0.1), "EL": (9, 0.2), "EO": (31, 0.05)},
        date(2025, 2, 28): {"ALL": (42, 0.1), "EL": (12, 0.2), "EO": (30, 0.05)},
    }
    result = suppress_series(rows, total_key="ALL")
    assert [day for day, _ in result] == list(rows)
    january, february = (cells for _, cells in result)
    assert hidden(january) == {"EL", "EO"}
    assert hidden(february) == set()
    # A list of (date, cells) pairs works the same way.
    assert suppress_series(list(rows.items()), total_key="ALL") == result


def test_suppress_series_reuses_a_one_shot_partition_iterator():
    rows = [(1, {"ALL": (40, 0.1), "A": (5, 0.2), "B": (35, 0.0)})] * 2
    result = suppress_series(rows, total_key="ALL", partition=iter(["A", "B"]))
    assert [hidden(cells) for _, cells in result] == [{"A", "B"}, {"A", "B"}]


# --- properties ---------------------------------------------------------------------------------

# Mostly small groups, so suppression is exercised often; sometimes large ones.
group_sizes = st.lists(st.one_of(st.integers(0, 12), st.integers(0, 80)), min_size=1, max_size=8)


def _partition_cells(sizes):
    cells = {"ALL": (sum(sizes), 0.5)}
    cells |= {f"g{i}": (n, i / 10) for i, n in enumerate(sizes)}
    return cells


def _feasible_range(key, result, total):
    """What a reader can deduce about a hidden part from the shown total and shown parts.

    Each hidden part is known to be 0..10 (small) or 11..total (complementary); the hidden
    parts sum to the total minus the shown parts.
    """
    bounds = {
        k: (0, MIN_CELL_SIZE - 1) if c.reason == "small" else (MIN_CELL_SIZE, total)
        for k, c in result.items()
        if c.suppressed and k != "ALL"
    }
    rest = total - sum(c.n for k, c in result.items() if not c.suppressed and k != "ALL")
    others_low = sum(low for k, (low, _) in bounds.items() if k != key)
    others_high = sum(high for k, (_, high) in bounds.items() if k != key)
    low, high = bounds[key]
    return max(low, rest - others_high), min(high, rest - others_low)


@given(group_sizes)
def test_every_small_group_is_hidden_and_shown_cells_are_exact(sizes):
    cells = _partition_cells(sizes)
    result = suppress(cells, total_key="ALL")
    for key, (n, value) in cells.items():
        if n < MIN_CELL_SIZE:
            assert result[key] == Cell(key, None, None, True, "small")
        elif not result[key].suppressed:
            assert (result[key].n, result[key].value) == (n, value)


@given(group_sizes)
def test_no_lone_hidden_part_beside_a_shown_total(sizes):
    result = suppress(_partition_cells(sizes), total_key="ALL")
    if result["ALL"].suppressed:
        return
    parts = [k for k in result if k != "ALL" and result[k].suppressed]
    assert len(parts) != 1
    # A small group with students never hides beside only empty groups (whose emptiness
    # readers may know), or its size and value would be the remainder.
    non_empty = [k for k in parts if sizes[int(k[1:])] != 0]
    if any(result[k].reason == "small" for k in non_empty):
        assert len(non_empty) >= 2


@given(group_sizes)
def test_no_small_group_size_can_be_worked_out(sizes):
    cells = _partition_cells(sizes)
    result = suppress(cells, total_key="ALL")
    if result["ALL"].suppressed:
        return
    for key, cell in result.items():
        if cell.reason == "small" and cells[key][0] > 0:
            low, high = _feasible_range(key, result, cells["ALL"][0])
            assert low <= cells[key][0] <= high  # the deduction itself is sound
            assert low < high, f"{key} pinned to {low}"


@given(group_sizes)
def test_at_most_one_complement_and_it_is_the_smallest_shown_part(sizes):
    cells = _partition_cells(sizes)
    result = suppress(cells, total_key="ALL")
    extra = hidden(result, "complementary")
    assert len(extra) <= 1
    shown = [cells[k][0] for k, c in result.items() if not c.suppressed and k != "ALL"]
    for key in extra - {"ALL"}:
        assert cells[key][0] >= MIN_CELL_SIZE
        assert all(cells[key][0] <= n for n in shown)
