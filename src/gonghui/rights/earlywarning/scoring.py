"""The score and the level: score = Σ weight × value over the indicators; the level is the highest whose
threshold the score reaches (below 蓝's threshold: 正常). A union's scheme is the nearest up the tree that
has one, else the platform default below."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from gonghui.orgs.models import paths_up
from gonghui.rights.earlywarning.choices import Indicator, WarningLevel
from gonghui.rights.earlywarning.models import Scheme

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Weights:
    """A scheme as the computation reads it: a weight per indicator and the four thresholds (蓝 < 黄 < 橙 < 红)."""

    weights: Mapping[str, Decimal]
    blue: Decimal
    yellow: Decimal
    orange: Decimal
    red: Decimal
    scheme_id: int | None = None

    def level(self, score: Decimal) -> str:
        for level, threshold in (
            (WarningLevel.RED, self.red),
            (WarningLevel.ORANGE, self.orange),
            (WarningLevel.YELLOW, self.yellow),
            (WarningLevel.BLUE, self.blue),
        ):
            if score >= threshold:
                return level.value
        return WarningLevel.NONE.value

    def score(self, values: Mapping[str, Decimal]) -> Decimal:
        total = sum((self.weights.get(k, Decimal(0)) * v for k, v in values.items()), Decimal(0))
        return total.quantize(CENT)


# The platform's default (used where no union up the tree has a scheme): one open arrears report and one
# dispute make 蓝; a collective dispute alone makes 黄; 40 points 橙, 60 红.
DEFAULT = Weights(
    weights={
        Indicator.ARREARS: Decimal(10),
        Indicator.ARREARS_AMOUNT: Decimal(2),
        Indicator.DISPUTES: Decimal(5),
        Indicator.COLLECTIVE: Decimal(20),
        Indicator.LAYOFFS: Decimal("0.5"),
        Indicator.SOCIAL_INSURANCE: Decimal(5),
        Indicator.OVERTIME: Decimal(5),
        Indicator.CHECKUP: Decimal(3),
    },
    blue=Decimal(10),
    yellow=Decimal(20),
    orange=Decimal(40),
    red=Decimal(60),
)


def weights_of(scheme: Scheme) -> Weights:
    return Weights(
        weights={k: getattr(scheme, f"w_{k}") for k in Indicator.values},
        blue=scheme.blue,
        yellow=scheme.yellow,
        orange=scheme.orange,
        red=scheme.red,
        scheme_id=scheme.pk,
    )


class SchemeFinder:
    """The nearest scheme up the tree for a union path; every scheme is read once (there are few)."""

    def __init__(self, schemes: Iterable[Scheme] | None = None) -> None:
        rows = Scheme.objects.select_related("org") if schemes is None else schemes
        self.by_path = {s.org.path: weights_of(s) for s in rows}
        self._memo: dict[str, Weights] = {}

    def for_path(self, path: str) -> Weights:
        found = self._memo.get(path)
        if found is None:
            found = next((self.by_path[p] for p in reversed(paths_up(path)) if p in self.by_path), DEFAULT)
            self._memo[path] = found
        return found
