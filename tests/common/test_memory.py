from __future__ import annotations

from gonghui.common.memory import ShortMemory


def test_values_are_kept_for_their_age_and_the_memory_is_bounded() -> None:
    memory: ShortMemory[str, int] = ShortMemory(limit=2)
    memory.put("a", 1)
    assert memory.get("a", max_age=10) == 1
    assert memory.get("a", max_age=0) is None  # too old for this caller
    assert memory.get("b", max_age=10) is None
    memory.put("b", 2)
    memory.put("c", 3)  # full: it starts over
    assert memory.get("a", max_age=10) is None and memory.get("c", max_age=10) == 3
    memory.clear()
    assert memory.get("c", max_age=10) is None
