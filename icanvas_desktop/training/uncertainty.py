"""How sure a measured change is: bootstrap intervals over the pictures of a split.

Why: a validation split holds 47 to 61 pictures, and the colour match is a share balanced over
six colour families, some of them seen in three or four pictures. One picture that changes
colour can move the figure by several hundredths, so "0.427 against 0.441" says nothing by
itself. Two settings are measured on the same pictures, so the interval is paired: each round
draws the pictures again (with replacement) and measures both settings on that same draw. A
change whose interval holds zero is within the noise of the split.

    change = hue_match_change(families, hits_before, hits_after)
    print(change)      # +0.021 (95 % of redraws: -0.034 to +0.079)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from icanvas_desktop.training.evaluate import balanced_share

ROUNDS = 2000


@dataclass(frozen=True)
class Change:
    value: float    # after minus before, on the pictures as measured
    low: float      # the middle `level` of the redraws lies between low and high
    high: float
    level: float = 0.95

    @property
    def clear(self) -> bool:
        """True when the interval leaves zero out: the change is larger than the split's noise."""
        return self.low > 0 or self.high < 0

    def __str__(self) -> str:
        return (f"{self.value:+.3f} ({self.level:.0%} of redraws: {self.low:+.3f} to {self.high:+.3f}"
                f"{'' if self.clear else ', within the noise'})")


def interval(sizes: Sequence[int], stat: Callable[[list[np.ndarray]], float], rounds: int = ROUNDS,
             seed: int = 0, level: float = 0.95) -> tuple[float, float]:
    """The middle `level` of `stat` over `rounds` redraws. Each group of pictures (sizes[k] of
    them) is drawn again on its own, with replacement; `stat` gets the drawn positions."""
    rng = np.random.default_rng(seed)
    values = np.array([stat([rng.integers(0, n, n) for n in sizes]) for _ in range(rounds)])
    tail = (1.0 - level) / 2
    return float(np.quantile(values, tail)), float(np.quantile(values, 1.0 - tail))


def hue_match_change(families: np.ndarray, before: np.ndarray, after: np.ndarray, **kw) -> Change:
    """The change of the colour match (`evaluate.hue_match`) from one setting to another, both
    measured on the same pictures: `families` and the hits from `evaluate.hue_verdicts`."""
    return mean_hue_match_change([(families, [(before, after)])], **kw)


def mean_hue_match_change(groups: Sequence[tuple[np.ndarray, Sequence[tuple[np.ndarray, np.ndarray]]]],
                          rounds: int = ROUNDS, seed: int = 0, level: float = 0.95) -> Change:
    """The change of a mean of colour matches, as in `scripts/measure_index_transfer.py`: each
    group is one set of pictures (its families) measured in several pairs (before, after), for
    example by two foreign colour indexes. A set's pictures are drawn once per round and used
    for all of its pairs, because the pairs share them."""
    def mean_change(picks: list[np.ndarray]) -> float:
        changes = [balanced_share(fam[p], after[p]) - balanced_share(fam[p], before[p])
                   for (fam, pairs), p in zip(groups, picks) for before, after in pairs]
        return float(np.mean(changes))
    value = mean_change([np.arange(len(fam)) for fam, _ in groups])
    low, high = interval([len(fam) for fam, _ in groups], mean_change, rounds, seed, level)
    return Change(value, low, high, level)
