"""The normalised tree: its exact output on a few sources per language, the flat form
(:class:`NormalTree`) against the linked one (:class:`NormalNode`), and the walk that builds the
tokens and the tree together against the tokens-only walk."""

from __future__ import annotations

import pytest

import effiskel
from effiskel.syntax import NormalNode, NormalTree, ParsedSource

# The shapes are pinned: a change in them changes every syntactic skeleton.
PINNED = {
    "python": (
        "def f(xs):  # c\n    return sorted(xs)[0] + 1\n",
        ("(module (function_definition def $id (parameters ( $id )) : (block (return_statement return "
        "(binary_operator (subscript (call sorted (argument_list ( $id ))) [ $num ]) + $num)))))"),
        25,
    ),
    "cpp": (
        "int f(int n) { return std::max(n, 2); } // c\n",
        ("(translation_unit (function_definition int (function_declarator $id (parameter_list ( "
        "(parameter_declaration int $id) ))) (compound_statement { (return_statement return "
        "(call_expression (qualified_identifier std :: max) (argument_list ( $id , $num ))) ;) })))"),
        28,
    ),
    "java": (
        "class A { int f(int n) { return Math.max(n, 2); } }\n",
        ("(program (class_declaration class $id (class_body { (method_declaration (integral_type int) $id "
        "(formal_parameters ( (formal_parameter (integral_type int) $id) )) (block { (return_statement "
        "return (method_invocation Math . max (argument_list ( $id , $num ))) ;) })) })))"),
        34,
    ),
    "rust": (
        "fn f(n: i64) -> i64 { n.max(2) } // c\n",
        ("(source_file (function_item fn $id (parameters ( (parameter $id : i64) )) -> i64 (block { "
        "(call_expression (field_expression $id . max) (arguments ( $num ))) })))"),
        25,
    ),
}


def frontend(language: str):
    if language not in effiskel.get_host().languages:
        pytest.fail(f"the {language} frontend is not installed (run `make setup`)")
    return effiskel.get_language(language)


def rows(root: NormalNode) -> list[tuple[str, int, int, int, int]]:
    return [(n.label, n.start, n.end, n.size, len(n.children)) for n in root.walk()]


@pytest.mark.parametrize("language", sorted(PINNED))
def test_normalised_tree_is_pinned(language):
    source, shape, count = PINNED[language]
    parsed = frontend(language).parse(source)
    root = parsed.normalized()
    assert root.shape() == shape
    assert root.size == count == len(parsed.normal_tree())
    assert (root.start, root.end) == (0, len(source.encode()))
    # Without builtins, library names are anonymised like any identifier.
    plain = parsed.normalized(keep_builtins=False).shape()
    assert plain.count("$id") > shape.count("$id")
    assert all(name not in plain for name in ("sorted", "std", "Math", " max"))


def test_pinned_spans_and_missing_tokens():
    parsed = frontend("python").parse(PINNED["python"][0])
    tree = parsed.normal_tree()
    assert list(zip(tree.labels, tree.starts, tree.ends, tree.sizes))[:6] == [
        ("module", 0, 45, 25),
        ("function_definition", 0, 44, 24),
        ("def", 0, 3, 1),
        ("$id", 4, 5, 1),
        ("parameters", 5, 9, 4),
        ("(", 5, 6, 1),
    ]
    # A token tree-sitter inserts to recover is an empty leaf at the gap, labelled by its text.
    broken = frontend("cpp").parse("int f() { return 1 }\n")
    assert broken.issues and broken.issues[0].message == "missing ';'"
    tree = broken.normal_tree()
    assert [(label, s, e) for label, s, e in zip(tree.labels, tree.starts, tree.ends) if s == e] == [("", 18, 18)]


@pytest.mark.parametrize("language", sorted(PINNED))
def test_flat_and_linked_trees_agree(language):
    source = PINNED[language][0] * 3 + "\n"
    parsed = frontend(language).parse(source)
    tree = parsed.normal_tree()
    root = parsed.normalized()
    assert root is tree.root() is parsed.normalized()
    assert rows(root) == [
        (label, s, e, size, len(tree.children(i)))
        for i, (label, s, e, size) in enumerate(zip(tree.labels, tree.starts, tree.ends, tree.sizes))
    ]
    for node, i in zip(root.walk(), range(len(tree))):
        assert node.size == 1 + sum(c.size for c in node.children) == tree.sizes[i]
    again = NormalTree.from_root(root)
    assert (again.labels, again.starts, again.ends, again.sizes) == (tree.labels, tree.starts, tree.ends, tree.sizes)
    assert NormalNode("x", (NormalNode("y", (), 0, 1),), 0, 1).size == 2


@pytest.mark.parametrize("language", sorted(PINNED))
@pytest.mark.parametrize(
    "source",
    [
        b"",
        b"   \n",
        b"// only a comment\n",
        b"(" * 300 + b"1" + b")" * 300,
        b"\xff\xfe x = 1 /* \xc3 */ y",
        "s = 'é' # é\n".encode(),
    ],
)
def test_one_walk_gives_the_same_tokens_and_tree(language, source):
    source = source + PINNED[language][0].encode()[: len(source) % 17]
    fe = frontend(language)
    tree_first = fe.parse(source)
    tree_first.normal_tree()  # the tokens come from the same walk
    tokens_first = fe.parse(source)
    a, b = tree_first.tokens, tokens_first.tokens
    assert (a.starts, a.ends, a.kinds, a.type_ids) == (b.starts, b.ends, b.kinds, b.type_ids)
    assert rows(tree_first.normalized()) == rows(tokens_first.normalized())
    assert rows(tree_first.normalized(keep_builtins=False)) == rows(tokens_first.normalized(keep_builtins=False))


def test_a_frontend_implements_either_form():
    class Linked(ParsedSource):
        def normalized(self, *, keep_builtins: bool = True) -> NormalNode:
            return NormalNode("root", (NormalNode("a", (), 0, 1), NormalNode("b", (), 1, 2)), 0, 2)

    class Flat(ParsedSource):
        def normal_tree(self, *, keep_builtins: bool = True) -> NormalTree:
            return NormalTree(["root", "a"], [0, 0], [1, 1], [2, 1])

    assert Linked().normal_tree().labels == ["root", "a", "b"]
    assert Flat().normalized().shape() == "(root a)"
    with pytest.raises(NotImplementedError, match="neither normalized"):
        ParsedSource().normalized()
    with pytest.raises(ValueError, match="root's size 3 is not the node count 2"):
        NormalTree(["root", "a"], [0, 0], [1, 1], [3, 1])
    with pytest.raises(ValueError, match="equally long"):
        NormalTree(["root"], [0, 0], [1], [1])
