"""Token patterns matched over a text's words, as spaCy's ``Matcher`` matches
them: every (label, start, end) at which a pattern matches, all lengths of its
``?``, ``*`` and ``+`` tokens included (spaCy's non-greedy default).

spaCy's Matcher makes a Python ``Token`` at every token for every predicate it
tries and tries the first predicate of every pattern at every token. Here what
a token satisfies is worked out once per distinct word and kept, so a long
text costs about one look-up per token and pattern start. The walk over the
patterns' prefix tree is compiled (``_token_patterns.c``) where a C compiler
was found at install time; its Python twin (``python_matches``) tries a pattern
only where its first token can stand. The patterns are spaCy's own format (the
entity ruler keeps them), read for the attributes and operators they use:
``ORTH``/``TEXT``, ``LOWER`` and ``NORM``, compared equal or with ``IN``,
``NOT_IN`` and ``REGEX``, quantified by ``?``, ``*``, ``+`` or nothing.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

TokenKey = tuple[str, str]  # a token's text and its norm
Test = Callable[[str], bool]

_ATTRIBUTES = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "NORM": 2}  # index into (text, lower, norm)
_OPERATORS = {None, "1", "?", "*", "+"}
_KEPT = 100_000  # distinct tokens remembered before starting afresh (a batch meets ever more words)


@dataclass(frozen=True, slots=True)
class _Element:
    predicate: int  # index into TokenPatterns.predicates
    optional: bool  # "?" or "*": may match no token
    repeats: bool  # "*" or "+": may match more than one


class _Node:
    """A point in the prefix tree of the patterns: the elements that may follow
    (patterns sharing their first elements share the nodes), the labels of the
    patterns that end here, and every label at or below."""

    __slots__ = ("edges", "ends", "labels")

    def __init__(self) -> None:
        self.edges: list[tuple[_Element, _Node]] = []
        self.ends: list[str] = []
        self.labels: frozenset[str] = frozenset()

    def grow(self, element: _Element) -> _Node:
        """A new node reached from this one through ``element``."""
        child = _Node()
        self.edges.append((element, child))
        return child


class _Token:
    """What is known of one distinct token: the root edges a match can open
    with at it, and each predicate's answer (None until asked)."""

    __slots__ = ("key", "openers", "answers")

    def __init__(self, key: TokenKey, predicates: int) -> None:
        self.key = key
        self.openers: tuple[tuple[_Element, _Node], ...] = ()
        self.answers: list[bool | None] = [None] * predicates


class TokenPatterns:
    """Compiled token patterns, by label."""

    def __init__(self, patterns: dict[str, Sequence[list[dict]]]) -> None:
        self.predicates: list[Callable[[str, str, str], bool]] = []
        self._predicate_ids: dict[str, int] = {}
        self._root = _Node()
        for label, label_patterns in patterns.items():
            for pattern in label_patterns:
                self._add(label, [self._element(spec) for spec in pattern])
        _gather_labels(self._root)
        self._tokens: dict[TokenKey, _Token] = {}
        self._labels = list(patterns)
        self._label_bits = {label: 1 << number for number, label in enumerate(self._labels)}
        if len(self._labels) > 64:
            raise ValueError("token patterns of at most 64 labels are supported")
        self._compiled = _compiled_matcher(self._root, self._labels, self.predicates)
        self._compiled_lock = threading.Lock()

    def matches(self, keys: Sequence[TokenKey], labels: Iterable[str]) -> list[tuple[str, int, int]]:
        """Every (label, start, end) at which a pattern of ``labels`` matches
        the tokens ``keys`` (each token's text and norm), each once."""
        if self._compiled is None:
            return self.python_matches(keys, labels)
        names, bits = self._labels, self._label_bits
        wanted = sum(bits[label] for label in set(labels) if label in bits)
        with self._compiled_lock:  # its token table must not change under a walk
            found = self._compiled.matches(keys, wanted)
        return [(names[label], start, end) for label, start, end in found]

    def python_matches(self, keys: Sequence[TokenKey], labels: Iterable[str]) -> list[tuple[str, int, int]]:
        """``matches`` in Python: the matches ``_token_patterns.c`` finds, in the same order."""
        wanted = frozenset(labels)
        if len(self._tokens) > _KEPT:
            self._tokens.clear()
        tokens = [self._tokens.get(key) or self._token(key) for key in keys]
        found: list[tuple[str, int, int]] = []
        for start, token in enumerate(tokens):
            if token.openers:
                self._follow(token.openers, start, start, tokens, wanted, found)
        return list(dict.fromkeys(match for match in found if match[2] > match[1]))

    def _follow(self, edges: Iterable[tuple[_Element, _Node]], start: int, position: int, tokens: list[_Token], wanted: frozenset[str], found: list) -> None:
        """The matches begun at token ``start`` that go on from token
        ``position`` through one of ``edges``."""
        for element, node in edges:
            if node.labels.isdisjoint(wanted):
                continue
            if element.optional:
                self._reach(node, start, position, tokens, wanted, found)
            predicate = element.predicate
            at = position
            while at < len(tokens):
                token = tokens[at]
                answer = token.answers[predicate]
                if not (self._answer(predicate, token) if answer is None else answer):
                    break
                at += 1
                self._reach(node, start, at, tokens, wanted, found)
                if not element.repeats:
                    break

    def _reach(self, node: _Node, start: int, position: int, tokens: list[_Token], wanted: frozenset[str], found: list) -> None:
        """A match begun at ``start`` has come to ``node`` before token ``position``."""
        found += [(label, start, position) for label in node.ends if label in wanted]
        if node.edges:
            self._follow(node.edges, start, position, tokens, wanted, found)

    def _answer(self, predicate: int, token: _Token) -> bool:
        text, norm = token.key
        answer = token.answers[predicate] = self.predicates[predicate](text, text.lower(), norm)
        return answer

    def _token(self, key: TokenKey) -> _Token:
        token = self._tokens[key] = _Token(key, len(self.predicates))
        token.openers = tuple(edge for edge in self._root.edges if self._opens(*edge, token))
        return token

    def _opens(self, element: _Element, node: _Node, token: _Token) -> bool:
        """Whether a match can take ``token`` as its first through ``element``."""
        if self._answer(element.predicate, token):
            return True
        return element.optional and any(self._opens(*edge, token) for edge in node.edges)

    def _add(self, label: str, elements: list[_Element]) -> None:
        node = self._root
        for element in elements:
            node = next((child for edge, child in node.edges if edge == element), None) or node.grow(element)
        node.ends.append(label)

    def _element(self, spec: dict) -> _Element:
        operator = spec.get("OP")
        if operator not in _OPERATORS:
            raise ValueError(f"token pattern operator {operator!r} is not supported (use ?, *, + or none)")
        tests = {name: value for name, value in spec.items() if name != "OP"}
        signature = json.dumps(tests, sort_keys=True)
        if signature not in self._predicate_ids:
            self._predicate_ids[signature] = len(self.predicates)
            self.predicates.append(_predicate(tests))
        return _Element(self._predicate_ids[signature], optional=operator in ("?", "*"), repeats=operator in ("*", "+"))


def _compiled_matcher(root: _Node, labels: list[str], predicates: list[Callable[[str, str, str], bool]]):
    """The compiled walk over the tree from ``root`` (None where it was not built)."""
    try:
        from pipeline.references._token_patterns import Matcher
    except ImportError:
        return None
    numbers = {label: number for number, label in enumerate(labels)}
    order = _nodes_in_order(root)
    index = {id(node): number for number, node in enumerate(order)}
    nodes = [
        (
            [(element.predicate, element.optional, element.repeats, index[id(child)]) for element, child in node.edges],
            [numbers[label] for label in node.ends],
            sum(1 << numbers[label] for label in node.labels),
        )
        for node in order
    ]

    def ask(key: TokenKey, predicate: int) -> bool:
        text, norm = key
        return predicates[predicate](text, text.lower(), norm)

    return Matcher(nodes, len(predicates), ask, _KEPT)


def _nodes_in_order(root: _Node) -> list[_Node]:
    """``root`` and every node below it, depth first."""
    order, waiting = [], [root]
    while waiting:
        node = waiting.pop()
        order.append(node)
        waiting.extend(child for _, child in reversed(node.edges))
    return order


def _gather_labels(node: _Node) -> frozenset[str]:
    """Set each node's ``labels``: those ending at it or below it."""
    below = [_gather_labels(child) for _, child in node.edges]
    node.labels = frozenset(node.ends).union(*below)
    return node.labels


def _predicate(tests: dict) -> Callable[[str, str, str], bool]:
    """One token spec's test of a token's (text, lower, norm): every attribute's test holds."""
    if not tests:
        raise ValueError("a token pattern element tests nothing")
    checks = [(_attribute(name), _value_test(name, value)) for name, value in tests.items()]
    return lambda *attributes: all(test(attributes[index]) for index, test in checks)


def _attribute(name: str) -> int:
    if name not in _ATTRIBUTES:
        raise ValueError(f"token pattern attribute {name!r} is not supported (use {', '.join(_ATTRIBUTES)})")
    return _ATTRIBUTES[name]


def _value_test(name: str, value) -> Test:
    if isinstance(value, str):
        return value.__eq__
    if isinstance(value, dict) and len(value) == 1:
        (operator, operand), = value.items()
        if operator == "IN":
            return frozenset(operand).__contains__
        if operator == "NOT_IN":
            excluded = frozenset(operand)
            return lambda attribute: attribute not in excluded
        if operator == "REGEX":
            search = re.compile(operand).search
            return lambda attribute: search(attribute) is not None
    raise ValueError(f"token pattern test {name}: {value!r} is not supported (a string, IN, NOT_IN or REGEX)")
