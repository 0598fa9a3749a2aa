"""Language-neutral views of source code: tokens, syntax issues, the normalised tree, line maps.

Every language frontend produces these same types, so the skeleton strategies, the profiler and
the training code never need to know which language they handle.

Offsets are byte offsets into the UTF-8 (or arbitrary) source bytes; lines and columns are
1-based, columns counted in characters, as compilers print them.
"""

from __future__ import annotations

import bisect
import enum
from array import array
from collections.abc import Iterator, Sequence
from typing import overload

import attrs

from .errors import SourceError


class TokenKind(enum.IntEnum):
    """What a token is. Stored as one byte per token, so the values are fixed."""

    KEYWORD = 1
    IDENTIFIER = 2
    BUILTIN = 3  # a library or builtin name: len, sorted, std, vector, Math, HashMap, ...
    TYPE = 4  # a primitive type word: int, double, boolean, usize, ...
    OPERATOR = 5
    PUNCTUATION = 6
    NUMBER = 7
    STRING = 8
    COMMENT = 9
    OTHER = 10

    @property
    def label(self) -> str:
        return self.name.lower()


def decode(raw: bytes) -> str:
    """Decode source bytes so that ``decode(b).encode('utf-8', 'surrogateescape') == b``."""
    return raw.decode("utf-8", "surrogateescape")


@attrs.frozen
class Token:
    """One token of a source file: its kind, text and where it stands."""

    index: int
    kind: TokenKind
    text: str
    start_byte: int
    end_byte: int
    line: int
    column: int
    node_type: str

    def to_dict(self) -> dict[str, object]:
        return {
            "index": self.index,
            "kind": self.kind.label,
            "text": self.text,
            "start_byte": self.start_byte,
            "end_byte": self.end_byte,
            "line": self.line,
            "column": self.column,
            "node_type": self.node_type,
        }


class LineIndex:
    """Maps byte offsets of one source to (line, column) and lines to byte ranges."""

    __slots__ = ("_source", "_starts")

    def __init__(self, source: bytes) -> None:
        self._source = source
        starts = array("L", [0])
        find = source.find
        pos = find(b"\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find(b"\n", pos + 1)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a byte offset, both 1-based, the column in characters."""
        line = self.line_of(offset)
        start = self._starts[line - 1]
        return line, len(decode(self._source[start:offset])) + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Byte range of a 1-based line, without its newline."""
        if not 1 <= line <= len(self._starts):
            raise IndexError(f"line {line} out of range 1..{len(self._starts)}")
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._source)
        return start, end


class TokenStream(Sequence[Token]):
    """The tokens of one source, stored by column; :class:`Token` objects are made on access.

    ``starts``/``ends`` are byte offsets, ``kinds`` one :class:`TokenKind` value per token,
    ``type_ids`` the grammar's node-kind id of each token, named through ``type_names``. Tokens
    are ordered, do not overlap, and lie inside the source, so the tokens together with the
    gaps between them (:meth:`gaps`) give back the source bytes exactly.
    """

    __slots__ = ("source", "starts", "ends", "kinds", "type_ids", "type_names", "_lines")

    def __init__(
        self,
        source: bytes,
        starts: array,
        ends: array,
        kinds: bytearray,
        type_ids: array,
        type_names: Sequence[str],
    ) -> None:
        self.source = source
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
        self.type_ids = type_ids
        self.type_names = type_names
        self._lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"token index {i} out of range")
        start, end = self.starts[i], self.ends[i]
        line, column = self.lines.position(start)
        return Token(
            index=i,
            kind=TokenKind(self.kinds[i]),
            text=decode(self.source[start:end]),
            start_byte=start,
            end_byte=end,
            line=line,
            column=column,
            node_type=self.type_names[self.type_ids[i]],
        )

    def __iter__(self) -> Iterator[Token]:
        for i in range(len(self)):
            yield self[i]

    def texts(self) -> list[str]:
        """The text of every token (faster than building :class:`Token` objects)."""
        src = self.source
        return [decode(src[s:e]) for s, e in zip(self.starts, self.ends)]

    def kind(self, i: int) -> TokenKind:
        return TokenKind(self.kinds[i])

    def gaps(self) -> list[bytes]:
        """The bytes between tokens: ``len(self) + 1`` pieces, before the first token to after the last."""
        src = self.source
        out = []
        prev = 0
        for s, e in zip(self.starts, self.ends):
            out.append(src[prev:s])
            prev = e
        out.append(src[prev:])
        return out

    def line_of(self, i: int) -> int:
        """The 1-based line a token starts on."""
        return self.lines.line_of(self.starts[i])

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering a byte offset, or None if it falls in a gap."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.ends[i]:
            return i
        return None

    def covered(self, start: int, end: int) -> range:
        """Indices of the tokens lying wholly inside the byte range [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_right(self.ends, end)
        return range(lo, max(lo, hi))


@attrs.frozen
class SyntaxIssue:
    """A syntax error found while parsing: where it is and what tree-sitter saw there."""

    line: int
    column: int
    start_byte: int
    end_byte: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


class NormalNode:
    """A node of the normalised tree: identifiers and literals anonymised, comments dropped.

    ``label`` is the grammar's node type for inner nodes and, for leaves, the token's text for
    keywords, operators and punctuation, or a placeholder (:data:`ANON_LABELS`) for identifiers
    and literals. ``start``/``end`` are the byte span in the original source, so a matched
    subtree maps back to the tokens it covers; ``size`` counts the nodes of the subtree.

    Nodes are read-only by convention and compare by identity. They are made from a
    :class:`NormalTree` (the flat form the frontends build); ``size`` is worked out from the
    children when not given.
    """

    # A plain slotted class: trees have tens of thousands of nodes, and attrs' frozen
    # __init__ and a computed default cost more than the walk that finds them.
    __slots__ = ("children", "end", "label", "size", "start")

    def __init__(
        self, label: str, children: tuple[NormalNode, ...], start: int, end: int, size: int | None = None
    ) -> None:
        self.label = label
        self.children = children
        self.start = start
        self.end = end
        self.size = 1 + sum(c.size for c in children) if size is None else size

    def __repr__(self) -> str:
        return f"NormalNode({self.label!r}, start={self.start}, end={self.end}, size={self.size})"

    def walk(self) -> Iterator[NormalNode]:
        """Every node of the subtree, in pre-order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def shape(self) -> str:
        """The subtree as an S-expression of labels: equal shapes mean equal normalised code."""
        if not self.children:
            return self.label
        return f"({self.label} {' '.join(c.shape() for c in self.children)})"


class NormalTree:
    """The normalised tree flattened in pre-order, one column entry per node.

    ``labels``, ``starts``, ``ends`` and ``sizes`` hold what the :class:`NormalNode` of the same
    pre-order position holds; the subtree of node ``i`` is the index range
    ``[i, i + sizes[i])``, its first child (if ``sizes[i] > 1``) is ``i + 1`` and each next
    sibling follows the previous one's subtree. This is the form the frontends build and the
    syntactic strategy reads; :meth:`root` makes the linked :class:`NormalNode` tree from it.
    """

    __slots__ = ("_root", "ends", "labels", "sizes", "starts")

    def __init__(self, labels: list[str], starts: list[int], ends: list[int], sizes: list[int]) -> None:
        if not (len(labels) == len(starts) == len(ends) == len(sizes)) or not labels:
            raise ValueError(
                f"a normal tree needs equally long, non-empty columns, got {len(labels)} labels, "
                f"{len(starts)} starts, {len(ends)} ends and {len(sizes)} sizes"
            )
        if sizes[0] != len(labels):
            raise ValueError(f"the root's size {sizes[0]} is not the node count {len(labels)}")
        self.labels = labels
        self.starts = starts
        self.ends = ends
        self.sizes = sizes
        self._root: NormalNode | None = None

    def __len__(self) -> int:
        return len(self.labels)

    def children(self, i: int) -> list[int]:
        """The indices of node ``i``'s children, in order."""
        sizes = self.sizes
        out = []
        j = i + 1
        end = i + sizes[i]
        while j < end:
            out.append(j)
            j += sizes[j]
        return out

    def root(self) -> NormalNode:
        """The tree as linked :class:`NormalNode` objects (made once, then the same root)."""
        if self._root is None:
            labels, starts, ends, sizes = self.labels, self.starts, self.ends, self.sizes
            nodes: list[NormalNode] = [None] * len(labels)  # type: ignore[list-item]
            node = NormalNode
            empty: tuple[NormalNode, ...] = ()
            # Reverse pre-order makes every child before its parent, without recursion.
            for i in range(len(labels) - 1, -1, -1):
                size = sizes[i]
                if size == 1:
                    nodes[i] = node(labels[i], empty, starts[i], ends[i], 1)
                    continue
                kids = []
                j = i + 1
                end = i + size
                while j < end:
                    kids.append(nodes[j])
                    j += sizes[j]
                nodes[i] = node(labels[i], tuple(kids), starts[i], ends[i], size)
            self._root = nodes[0]
        return self._root

    @classmethod
    def from_root(cls, root: NormalNode) -> NormalTree:
        """Flatten a linked tree (what a frontend that builds :class:`NormalNode` objects gives)."""
        labels: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        sizes: list[int] = []
        for node in root.walk():
            labels.append(node.label)
            starts.append(node.start)
            ends.append(node.end)
            sizes.append(node.size)
        tree = cls(labels, starts, ends, sizes)
        tree._root = root
        return tree


ANON_LABELS = {
    TokenKind.IDENTIFIER: "$id",
    TokenKind.BUILTIN: "$id",
    TokenKind.NUMBER: "$num",
    TokenKind.STRING: "$str",
}


class LineMap:
    """Source lines mapped to the tokens and normalised nodes that start on them."""

    __slots__ = ("tokens", "_token_lines", "_nodes")

    def __init__(self, tokens: TokenStream, tree: NormalNode | None = None) -> None:
        self.tokens = tokens
        lines = tokens.lines
        self._token_lines = array("L", (lines.line_of(s) for s in tokens.starts))
        self._nodes: dict[int, list[NormalNode]] = {}
        if tree is not None:
            for node in tree.walk():
                self._nodes.setdefault(lines.line_of(node.start), []).append(node)

    @property
    def line_count(self) -> int:
        return self.tokens.lines.line_count

    def line_of_token(self, i: int) -> int:
        return self._token_lines[i]

    def tokens_on(self, line: int) -> range:
        """Indices of the tokens that start on a 1-based line."""
        lo = bisect.bisect_left(self._token_lines, line)
        hi = bisect.bisect_right(self._token_lines, line)
        return range(lo, hi)

    def nodes_on(self, line: int) -> list[NormalNode]:
        """Normalised nodes starting on a line, outermost first."""
        return list(self._nodes.get(line, ()))


class ParsedSource:
    """One parsed source file as a frontend sees it.

    A frontend returns a subclass from ``parse``; the tree-sitter base class in
    :mod:`effiskel.treesitter` provides one, and a frontend built on another parser subclasses
    this and fills in :attr:`tokens`, :attr:`issues` and :meth:`normalized`.
    """

    language: str
    source: bytes

    @property
    def tokens(self) -> TokenStream:
        raise NotImplementedError

    @property
    def issues(self) -> list[SyntaxIssue]:
        """Syntax errors, in source order; empty when the source parsed cleanly."""
        raise NotImplementedError

    def normalized(self, *, keep_builtins: bool = True) -> NormalNode:
        """The normalised tree (see :class:`NormalNode`); ``keep_builtins`` keeps library names.

        A frontend implements this or :meth:`normal_tree` (the faster one to build); each
        default derives its answer from the other.
        """
        if type(self).normal_tree is ParsedSource.normal_tree:
            raise NotImplementedError(f"{type(self).__name__} implements neither normalized() nor normal_tree()")
        return self.normal_tree(keep_builtins=keep_builtins).root()

    def normal_tree(self, *, keep_builtins: bool = True) -> NormalTree:
        """The normalised tree in its flat pre-order form (see :class:`NormalTree`)."""
        if type(self).normalized is ParsedSource.normalized:
            raise NotImplementedError(f"{type(self).__name__} implements neither normalized() nor normal_tree()")
        return NormalTree.from_root(self.normalized(keep_builtins=keep_builtins))

    @property
    def ok(self) -> bool:
        return not self.issues

    def line_map(self, *, with_nodes: bool = True) -> LineMap:
        return LineMap(self.tokens, self.normalized() if with_nodes else None)

    def raise_for_issues(self, path: str | None = None) -> None:
        """Raise :class:`SourceError` at the first syntax issue, if there is one."""
        if self.issues:
            first = self.issues[0]
            more = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
            raise SourceError(first.message + more, path=path, line=first.line, column=first.column)

