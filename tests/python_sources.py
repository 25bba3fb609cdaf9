"""Test helper: a Python module's source parsed once a process, for the checks that read the package's code (the
house's habits and architecture, the catalogue's codes, the portability of calls): each reads every module, and each
would parse it again. Keyed by the source itself, so a planted module's new source is parsed anew. Read only: no check
changes a tree."""

from __future__ import annotations

import ast
import functools


@functools.cache
def _parsed(source: str) -> tuple[ast.Module, tuple[ast.AST, ...]]:
    tree = ast.parse(source)
    return tree, tuple(ast.walk(tree))


def tree(source: str) -> ast.Module:
    return _parsed(source)[0]


def nodes(source: str) -> tuple[ast.AST, ...]:
    """Every node of ``source``'s tree, in ``ast.walk``'s order."""
    return _parsed(source)[1]
