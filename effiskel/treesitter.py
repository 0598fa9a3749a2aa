"""A language frontend built on a tree-sitter grammar wheel.

A frontend for a new language is a subclass that names its grammar and says how the grammar's
node types map onto :class:`~effiskel.syntax.TokenKind`::

    import tree_sitter_rust
    from effiskel.treesitter import TreeSitterFrontend

    class RustFrontend(TreeSitterFrontend):
        name = "rust"
        version = "0.1.0"
        extensions = (".rs",)
        grammar = staticmethod(tree_sitter_rust.language)
        identifier_types = frozenset({"identifier", "field_identifier", "type_identifier"})
        ...

Everything else -- tokens, syntax issues, the normalised tree, line maps -- comes from here.
Tokens are the leaves of the concrete syntax tree, except that nodes of ``atomic_types`` (string
literals, say) are kept whole as one token.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from typing import ClassVar

import tree_sitter

from .errors import SourceError
from .syntax import (
    ANON_LABELS,
    NormalNode,
    NormalTree,
    ParsedSource,
    SyntaxIssue,
    TokenKind,
    TokenStream,
    decode,
)

_WORD = re.compile(r"#?[A-Za-z_][A-Za-z0-9_]*[!?]?\Z")
DEFAULT_PUNCTUATION = frozenset({"(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "::", "->", "=>", "@", "#", "\\"})
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
_ID_SPACE = 1 << 16
#: Leaves labelled by their text in the normalised tree.
_TEXT_LABELS = frozenset({TokenKind.KEYWORD, TokenKind.TYPE, TokenKind.OPERATOR, TokenKind.PUNCTUATION})
_ERROR_ID = _ID_SPACE - 1
#: How a leaf of each node kind is labelled in the normalised tree.
_SKIP, _FIXED, _TEXT, _IDENT = 0, 1, 2, 3


class TreeSitterFrontend:
    """Base class of the frontends built on tree-sitter grammars (see the module docstring)."""

    name: ClassVar[str]
    version: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]
    #: Returns the grammar's language capsule (the grammar wheel's ``language`` function).
    grammar: ClassVar[Callable[[], object]]
    identifier_types: ClassVar[frozenset[str]] = frozenset({"identifier"})
    number_types: ClassVar[frozenset[str]] = frozenset()
    string_types: ClassVar[frozenset[str]] = frozenset()
    comment_types: ClassVar[frozenset[str]] = frozenset({"comment"})
    #: Grammar words that are primitive types rather than keywords (int, double, ...).
    type_types: ClassVar[frozenset[str]] = frozenset()
    #: Node types kept whole as a single token (string literals with their parts).
    atomic_types: ClassVar[frozenset[str]] = frozenset()
    #: Identifiers with these texts are library/builtin names rather than user names.
    builtin_names: ClassVar[frozenset[str]] = frozenset()
    #: Identifiers with these texts are keywords the grammar does not mark (contextual
    #: keywords such as Java's ``var``, keywords inside Rust macro arguments).
    keyword_names: ClassVar[frozenset[str]] = frozenset()
    punctuation: ClassVar[frozenset[str]] = DEFAULT_PUNCTUATION
    #: Explicit kinds for node types the rules above get wrong; checked first.
    kind_overrides: ClassVar[dict[str, TokenKind]] = {}
    max_bytes: ClassVar[int] = DEFAULT_MAX_BYTES

    def __init__(self) -> None:
        self.language = tree_sitter.Language(type(self).grammar())
        self._parser = tree_sitter.Parser(self.language)
        count = self.language.node_kind_count
        # Tables are indexed by node-kind id, and tree-sitter gives ERROR nodes id 0xFFFF.
        self.type_names: list[str] = [""] * _ID_SPACE
        self.type_names[_ERROR_ID] = "ERROR"
        self._kinds = bytearray([TokenKind.OTHER]) * _ID_SPACE
        self._atomic = bytearray(_ID_SPACE)
        self._identifier = bytearray(_ID_SPACE)
        for i in range(count):
            type_name = self.type_names[i] = self.language.node_kind_for_id(i) or ""
            named = self.language.node_kind_is_named(i)
            self._kinds[i] = self._classify(type_name, named)
            self._atomic[i] = type_name in self.atomic_types
            self._identifier[i] = self._kinds[i] == TokenKind.IDENTIFIER
        self._builtins = frozenset(n.encode() for n in self.builtin_names)
        self._keywords = frozenset(n.encode() for n in self.keyword_names)
        # Per node kind, how its leaves are labelled: comments are dropped, identifiers are
        # anonymised unless a keyword (or kept builtin) name, literals get a placeholder,
        # keywords, operators, punctuation and primitive types their text (`int` and `f64`
        # differ, though both are primitive_type), anything else its node type.
        self._leaf_modes = bytearray(_ID_SPACE)
        self._leaf_labels: list[str] = list(self.type_names)
        for i, kind in enumerate(self._kinds):
            if kind == TokenKind.COMMENT:
                self._leaf_modes[i] = _SKIP
            elif kind == TokenKind.IDENTIFIER:
                self._leaf_modes[i] = _IDENT
            elif kind in _TEXT_LABELS:
                self._leaf_modes[i] = _TEXT
            else:
                self._leaf_modes[i] = _FIXED
                self._leaf_labels[i] = ANON_LABELS.get(TokenKind(kind), self.type_names[i])

    def _classify(self, type_name: str, named: bool) -> TokenKind:
        if type_name in self.kind_overrides:
            return self.kind_overrides[type_name]
        if type_name in self.comment_types:
            return TokenKind.COMMENT
        if type_name in self.string_types:
            return TokenKind.STRING
        if type_name in self.number_types:
            return TokenKind.NUMBER
        if type_name in self.identifier_types:
            return TokenKind.IDENTIFIER
        if type_name in self.type_types:
            return TokenKind.TYPE
        if named:
            return TokenKind.OTHER
        if type_name in self.punctuation:
            return TokenKind.PUNCTUATION
        if _WORD.match(type_name):
            return TokenKind.KEYWORD
        return TokenKind.OPERATOR

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.version}>"

    # -- the frontend protocol -------------------------------------------------------------

    def parse(self, source: bytes | str, *, path: str | None = None) -> TreeSitterParse:
        """Parse ``source``; never raises on bad syntax (see :attr:`ParsedSource.issues`)."""
        data = _as_bytes(source, path)
        if len(data) > self.max_bytes:
            raise SourceError(
                f"source is {len(data)} bytes, over the {self.max_bytes}-byte limit of the "
                f"{self.name} frontend",
                path=path,
            )
        return TreeSitterParse(self, data, self._parser.parse(data))

    def tokenize(self, source: bytes | str, *, path: str | None = None) -> TokenStream:
        return self.parse(source, path=path).tokens

    # -- the work ----------------------------------------------------------------------------

    def _collect_tokens(self, tree: tree_sitter.Tree, source: bytes) -> TokenStream:
        # Lists grow faster than arrays; they become arrays once, at the end.
        starts: list[int] = []
        ends: list[int] = []
        kinds = bytearray()
        type_ids: list[int] = []
        kind_table = self._kinds
        atomic = self._atomic
        ident = self._identifier
        builtins = self._builtins
        keywords = self._keywords
        builtin = TokenKind.BUILTIN
        keyword = TokenKind.KEYWORD
        add_start, add_end, add_kind, add_type = starts.append, ends.append, kinds.append, type_ids.append
        cursor = tree.walk()
        first_child, next_sibling, parent = (
            cursor.goto_first_child,
            cursor.goto_next_sibling,
            cursor.goto_parent,
        )
        prev_end = 0
        while True:
            node = cursor.node
            kid = node.kind_id
            if atomic[kid] or not first_child():
                s, e = node.byte_range
                if s < prev_end:  # noqa: PLR1730 (no call per token); never overlap, even on a confused error recovery
                    s = prev_end
                if e > s:
                    kind = kind_table[kid]
                    if ident[kid]:
                        word = source[s:e]
                        if word in builtins:
                            kind = builtin
                        elif word in keywords:
                            kind = keyword
                    add_start(s)
                    add_end(e)
                    add_kind(kind)
                    add_type(kid)
                    prev_end = e
                while not next_sibling():
                    if not parent():
                        return TokenStream(
                            source, array("L", starts), array("L", ends), kinds, array("H", type_ids), self.type_names
                        )

    def _normalize(
        self, tree: tree_sitter.Tree, source: bytes, keep_builtins: bool, with_tokens: bool = False
    ) -> tuple[NormalTree, TokenStream | None]:
        """The normalised tree in one pre-order walk of a tree cursor (no recursion, no per-node
        Python objects beyond the column entries); with ``with_tokens``, the same walk collects
        the tokens too (what :meth:`_collect_tokens` does), which saves a second walk."""
        modes = self._leaf_modes
        fixed = self._leaf_labels
        type_names = self.type_names
        atomic = self._atomic
        keywords = self._keywords
        builtins = self._builtins if keep_builtins else frozenset()
        texts: dict[bytes, str] = {}
        labels: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        sizes: list[int] = []
        add_label, add_start, add_end, add_size = labels.append, starts.append, ends.append, sizes.append
        # Token columns, filled only with_tokens.
        kind_table = self._kinds
        ident = self._identifier
        all_builtins = self._builtins
        builtin_kind, keyword_kind = TokenKind.BUILTIN, TokenKind.KEYWORD
        t_starts: list[int] = []
        t_ends: list[int] = []
        t_kinds = bytearray()
        t_types: list[int] = []
        add_t_start, add_t_end, add_t_kind, add_t_type = t_starts.append, t_ends.append, t_kinds.append, t_types.append
        prev_end = 0
        cursor = tree.walk()
        first_child, next_sibling, parent = (
            cursor.goto_first_child,
            cursor.goto_next_sibling,
            cursor.goto_parent,
        )
        # The root is an inner node whatever its kind; `open_` holds the inner nodes whose
        # subtrees are not finished, and a node's size is set when the walk leaves it.
        root = cursor.node
        s, e = root.byte_range
        add_label(type_names[root.kind_id])
        add_start(s)
        add_end(e)
        add_size(1)
        open_ = [0]
        push, pop = open_.append, open_.pop
        walking = first_child()
        if with_tokens and not walking and e > s:
            # A root without children is a token of its own (and no leaf of the tree).
            add_t_start(s)
            add_t_end(e)
            add_t_kind(kind_table[root.kind_id])
            add_t_type(root.kind_id)
        while walking:
            node = cursor.node
            kid = node.kind_id
            if not atomic[kid] and first_child():
                s, e = node.byte_range
                push(len(labels))
                add_label(type_names[kid])
                add_start(s)
                add_end(e)
                add_size(1)
                continue
            mode = modes[kid]
            if mode != _SKIP or with_tokens:
                s, e = node.byte_range
                if with_tokens:
                    # As _collect_tokens: never overlapping, even on a confused error recovery.
                    ts = s if s >= prev_end else prev_end  # noqa: FURB136 (no call per token)
                    if e > ts:
                        kind = kind_table[kid]
                        if ident[kid]:
                            word = source[ts:e]
                            if word in all_builtins:
                                kind = builtin_kind
                            elif word in keywords:
                                kind = keyword_kind
                        add_t_start(ts)
                        add_t_end(e)
                        add_t_kind(kind)
                        add_t_type(kid)
                        prev_end = e
                if mode != _SKIP and (e > s or node.is_missing):
                    if mode == _FIXED:
                        label = fixed[kid]
                    else:
                        word = source[s:e]
                        if mode == _TEXT or word in keywords or word in builtins:
                            label = texts.get(word)  # type: ignore[assignment]
                            if label is None:
                                label = texts[word] = decode(word)
                        else:
                            label = "$id"
                    add_label(label)
                    add_start(s)
                    add_end(e)
                    add_size(1)
            while not next_sibling():
                if not parent():
                    walking = False
                    break
                i = pop()
                sizes[i] = len(labels) - i
        sizes[0] = len(labels)
        normal = NormalTree(labels, starts, ends, sizes)
        if not with_tokens:
            return normal, None
        return normal, TokenStream(
            source, array("L", t_starts), array("L", t_ends), t_kinds, array("H", t_types), self.type_names
        )

    def _issues(self, tree: tree_sitter.Tree, source: bytes) -> list[SyntaxIssue]:
        root = tree.root_node
        if not root.has_error:
            return []
        from .syntax import LineIndex

        lines = LineIndex(source)
        found: list[SyntaxIssue] = []
        stack = [root]
        while stack:
            node = stack.pop()
            if node.is_missing:
                message = f"missing {node.type!r}"
            elif node.is_error:
                s, e = node.byte_range
                snippet = decode(source[s:e]).strip().splitlines()
                first = snippet[0] if snippet else ""
                if len(first) > 40:
                    first = first[:37] + "..."
                message = f"unexpected {first!r}" if first else "syntax error"
            else:
                stack.extend(c for c in reversed(node.children) if c.has_error or c.is_missing)
                continue
            line, column = lines.position(node.start_byte)
            found.append(SyntaxIssue(line, column, node.start_byte, node.end_byte, message))
        found.sort(key=lambda i: i.start_byte)
        return found


class TreeSitterParse(ParsedSource):
    """A source parsed by a :class:`TreeSitterFrontend`; each view is computed once, on demand."""

    def __init__(self, frontend: TreeSitterFrontend, source: bytes, tree: tree_sitter.Tree) -> None:
        self.frontend = frontend
        self.language = frontend.name
        self.source = source
        self.tree = tree
        self._tokens: TokenStream | None = None
        self._issues: list[SyntaxIssue] | None = None
        self._normal: dict[bool, NormalTree] = {}

    @property
    def tokens(self) -> TokenStream:
        if self._tokens is None:
            self._tokens = self.frontend._collect_tokens(self.tree, self.source)
        return self._tokens

    @property
    def issues(self) -> list[SyntaxIssue]:
        if self._issues is None:
            self._issues = self.frontend._issues(self.tree, self.source)
        return self._issues

    def normal_tree(self, *, keep_builtins: bool = True) -> NormalTree:
        found = self._normal.get(keep_builtins)
        if found is None:
            # Tokens not made yet come from the same walk (unless the root is a token itself).
            with_tokens = self._tokens is None and not self.frontend._atomic[self.tree.root_node.kind_id]
            found, tokens = self.frontend._normalize(self.tree, self.source, keep_builtins, with_tokens)
            self._normal[keep_builtins] = found
            if tokens is not None:
                self._tokens = tokens
        return found

    def normalized(self, *, keep_builtins: bool = True) -> NormalNode:
        return self.normal_tree(keep_builtins=keep_builtins).root()


def _as_bytes(source: bytes | str, path: str | None) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, str):
        return source.encode("utf-8", "surrogateescape")
    raise SourceError(f"source must be bytes or str, not {type(source).__name__}", path=path)
