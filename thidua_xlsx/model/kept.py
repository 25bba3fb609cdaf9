"""The cache of what is made once from an object by its identity (docs/conventions.md: one cache mechanism,
``functools.lru_cache``): :func:`per_object`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class _Same:
    """An object as a key by its identity; held by the cache, so that no other object takes its id while kept."""

    __slots__ = ("value",)

    def __init__(self, value: object):
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and self.value is other.value


def per_object(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """``function(value, *rest)`` made once for the same object ``value`` (and equal ``rest``), at most ``maxsize``
    kept: ``functools.lru_cache`` keyed by the identity of ``value``, which lru_cache cannot do alone. For the
    campaign's parts that every workbook shares: equal objects may differ in what is made of them (10 == 10.0, which
    repr and JSON tell apart), and comparing or hashing a whole rubric at each workbook would cost what is saved."""

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        @functools.lru_cache(maxsize=maxsize)
        def kept(same: _Same, *rest: Any) -> T:
            return function(same.value, *rest)

        @functools.wraps(function)
        def made(value: object, *rest: Any) -> T:
            return kept(_Same(value), *rest)

        return made

    return decorate
