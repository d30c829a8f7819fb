"""A speed-up for patterns scanned over long texts: test the first character before anything else.

`first_char_guard(pattern)` returns the pattern with a lookahead `(?=[...])` of every character
a match can start with in front. The matches are exactly the same (the lookahead only states
what the pattern requires anyway), but most positions are rejected with one class test instead
of trying every branch and look-behind of the pattern. When the first characters cannot be
listed (a match may be empty, or start with any character), the pattern is returned as it is.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python >= 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    pass


def _char(code: int) -> str:
    return re.escape(chr(code))


def _in_items(items: list[tuple[Any, Any]]) -> list[str]:
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(_char(av[0]) + "-" + _char(av[1]))
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE, unusual categories
            raise _Unknown
    return out


def _first(seq: Any) -> tuple[list[str], bool]:
    """(class items a match of `seq` can start with, whether `seq` can match the empty string)."""
    items: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL:
            items.append(_char(av))
            return items, False
        if op is _c.IN:
            items.extend(_in_items(av))
            return items, False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next item consumes the first character
        if op is _c.SUBPATTERN:
            sub, empty = _first(av[-1])
        elif op is _c.BRANCH:
            sub, empty = [], False
            for alt in av[1]:
                s, e = _first(alt)
                sub.extend(s)
                empty = empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            sub, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:  # ANY, backreferences, atomic groups, ...
            raise _Unknown
        items.extend(sub)
        if not empty:
            return items, False
    return items, True


def first_char_guard(pattern: re.Pattern[str]) -> re.Pattern[str]:
    if pattern.flags & re.VERBOSE:
        return pattern
    try:
        items, empty = _first(_p.parse(pattern.pattern, pattern.flags & ~re.UNICODE))
    except _Unknown:
        return pattern
    if empty or not items:
        return pattern
    return re.compile(f"(?=[{''.join(dict.fromkeys(items))}])(?:{pattern.pattern})", pattern.flags)


def guard_module_patterns(namespace: dict[str, Any], *names: str) -> None:
    """Put `first_char_guard` in front of the module-level patterns `names` of `namespace` (its globals())."""
    for name in names:
        namespace[name] = first_char_guard(namespace[name])
