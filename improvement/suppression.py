"""Small-cell suppression for student-group data shown outside the team that owns it.

Pure Python (standard library only); the Django side wraps the labels in gettext.

Thresholds (shared reference ``domain.md`` 5.3 and ``quality-improvement.md`` section 5):

- primary suppression: a group with fewer than 11 students (`MIN_CELL_SIZE`) is hidden, as
  in the CDE/CAASPP research files, and shown as "fewer than 11";
- complementary suppression: when a shown total could reveal a hidden group by subtraction,
  the next-smallest shown group is hidden too (as Delaware and New York do); it is labelled
  `COMPLEMENTARY_LABEL`, not "fewer than 11", because it is not small.

California student groups overlap: one student can be EL, SED and SWD at once, so those
groups do not add up to the total and subtracting them from it gives no one group. Complementary
suppression therefore applies only to the keys passed as `partition`: groups that are
mutually exclusive and together make up the total (for example the race/ethnicity groups,
or EL and non-EL). By default every non-total key is taken as the partition, which is the
cautious choice: at worst it hides one more group than needed.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

MIN_CELL_SIZE = 11
SUPPRESSED_LABEL = "fewer than 11"
# A complementary cell has min_size students or more, so "fewer than 11" would be untrue.
COMPLEMENTARY_LABEL = "hidden so the small group cannot be worked out"
LABELS = {"": "", "small": SUPPRESSED_LABEL, "complementary": COMPLEMENTARY_LABEL}

Reason = Literal["", "small", "complementary"]
CellInput = tuple[int | None, float | None]
CellMap = Mapping[Hashable, CellInput]


@dataclass(frozen=True)
class Cell:
    """One group's figure as it may be shown. Suppressed cells carry no n and no value."""

    key: Hashable
    n: int | None
    value: float | None
    suppressed: bool
    reason: Reason

    @property
    def label(self) -> str:
        """Why the cell is hidden, in words for readers ("" when shown); untranslated."""
        return LABELS[self.reason]


def _is_small(n: int | None, min_size: int) -> bool:
    # n = 0 is suppressed too: a rate over no students means nothing, and showing "0" beside
    # "fewer than 11" would single out the empty groups from the small ones. An unknown n
    # cannot be shown to be safe, so it is hidden as well.
    return n is None or n < min_size


def _needs_complement(hidden: Sequence[int | None], min_size: int) -> bool:
    """True when a hidden part of a partition could be worked out from a shown total.

    The shown total minus the shown parts gives the sum of the hidden parts, so:

    - one hidden part equals that sum;
    - one hidden part with students, the others empty: empty groups are often public
      knowledge (no foster youth at a school), and then the sum, and the group's value
      from the total's value, belong to that one group;
    - every non-empty hidden part at min_size - 1: readers know each is below min_size, so
      a sum of k * (min_size - 1) pins every one of them.
    """
    non_empty = [n for n in hidden if n != 0]
    at_ceiling = bool(non_empty) and all(n == min_size - 1 for n in non_empty)
    return len(hidden) == 1 or len(non_empty) == 1 or at_ceiling


def _complement_key(
    partition: Sequence[Hashable], cells: CellMap, hidden: set[Hashable]
) -> Hashable | None:
    """The smallest shown part (ties: first in partition order): hiding it costs the least."""
    # Shown parts passed `_is_small`, so their n is a known int.
    sizes = {key: cells[key][0] for key in partition if key not in hidden}
    if not sizes:
        return None
    return min(sizes, key=lambda key: sizes[key] or 0)


def suppress(
    cells: CellMap,
    *,
    total_key: Hashable | None = None,
    partition: Iterable[Hashable] | None = None,
    min_size: int = MIN_CELL_SIZE,
) -> dict[Hashable, Cell]:
    """Apply primary and complementary suppression to one set of group cells.

    `cells` maps a group key to ``(n, value)``. Every cell with n < `min_size` (0 and unknown
    included) is hidden with reason "small". If `total_key` names a shown total, and the
    `partition` groups (default: every other key) sum to it, a hidden part that subtraction
    could reveal (see `_needs_complement`) is protected by also hiding the next-smallest
    shown part (reason "complementary"); if no part is left to hide, the total is hidden
    instead. Without a total there is nothing to subtract from.
    """
    if total_key is not None and total_key not in cells:
        raise KeyError(f"total {total_key!r} is not among the cells")
    hidden: dict[Hashable, Reason] = {
        key: "small" for key, (n, _value) in cells.items() if _is_small(n, min_size)
    }

    if total_key is not None and total_key not in hidden:
        parts = list(cells if partition is None else partition)
        parts = [key for key in parts if key != total_key]
        missing = [key for key in parts if key not in cells]
        if missing:
            raise KeyError(f"partition keys not among the cells: {missing!r}")
        hidden_parts = [cells[key][0] for key in parts if key in hidden]
        if hidden_parts and _needs_complement(hidden_parts, min_size):
            extra = _complement_key(parts, cells, set(hidden))
            hidden[total_key if extra is None else extra] = "complementary"

    return {
        key: Cell(key, None, None, True, hidden[key])
        if key in hidden
        else Cell(key, n, value, False, "")
        for key, (n, value) in cells.items()
    }


def suppress_series[D](
    rows: Mapping[D, CellMap] | Iterable[tuple[D, CellMap]],
    *,
    total_key: Hashable | None = None,
    partition: Iterable[Hashable] | None = None,
    min_size: int = MIN_CELL_SIZE,
) -> list[tuple[D, dict[Hashable, Cell]]]:
    """`suppress` applied to each date's group cells separately, in input order.

    Group sizes change from one date to the next, so each date is judged on its own counts.
    """
    pairs = rows.items() if isinstance(rows, Mapping) else rows
    keys = None if partition is None else list(partition)  # reused for every date
    return [
        (day, suppress(cells, total_key=total_key, partition=keys, min_size=min_size))
        for day, cells in pairs
    ]


def display_n(cell: Cell) -> str:
    """The group size as shown to readers outside the owning team."""
    return cell.label if cell.suppressed else str(cell.n)


def display_value(cell: Cell) -> str | None:
    """The reason shown in place of a hidden value; None when the value may be shown."""
    return cell.label if cell.suppressed else None
