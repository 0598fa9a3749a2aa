"""The skeleton core: rendering and restoring, character spans, and per-tokenizer-token masks.

Property tests run on the bundled suite's solutions (every language) and on generated text with
non-ASCII characters; the token-mask properties use two tokenizers trained here on the spot (a
byte-level BPE and a WordPiece), wrapped as Hugging Face fast tokenizers with an EOS appended.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import effiskel
from effiskel.datamodel import Skeleton, Solution
from effiskel.datasets.suite import load_suite
from effiskel.skeleton import (
    DEFAULT_PLACEHOLDER,
    build_skeleton,
    char_offsets,
    render,
    restore,
    skeleton_rendering,
    skeleton_token_mask,
    token_mask,
)

LANGUAGES = ["python", "cpp", "java"]
SUITE = load_suite()
SOURCES = [(s.language, s.source) for t in SUITE for sols in t.references.values() for s in sols]
CODE_CHARS = list("abcxyz_019 ()[]{}:;=+-<>*/.,\n\t\"'#") + ["é", "€", "😀", "\\", "\r\n"]


def _solution(language: str, source: str) -> Solution:
    return Solution(task_id="t", language=language, source=source)


sources = st.one_of(
    st.sampled_from(SOURCES),
    st.tuples(
        st.sampled_from(["python", "cpp", "java", "rust"]),
        st.lists(st.sampled_from(CODE_CHARS), max_size=120).map("".join),
    ),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), source=sources, merge_runs=st.booleans(),
       placeholder=st.sampled_from([DEFAULT_PLACEHOLDER, "_", "<M>", "⟨?⟩"]))
def test_restore_gives_the_source_exactly(data, source, merge_runs, placeholder):
    language, text = source
    tokens = effiskel.tokenize(text, language)
    keep = data.draw(st.lists(st.booleans(), min_size=len(tokens), max_size=len(tokens)))
    solution = _solution(language, text)
    skeleton = build_skeleton(solution, tokens, keep, "test", {"k": 1},
                              placeholder=placeholder, merge_runs=merge_runs)
    rendering = skeleton_rendering(solution, tokens, skeleton)
    assert rendering.text == skeleton.rendered
    assert restore(rendering.text, rendering.masked, placeholder=placeholder, holes=rendering.holes) == text
    if placeholder not in text:
        assert restore(rendering.text, rendering.masked, placeholder=placeholder) == text
    # Every kept token is inside the spans, every kept character belongs to a kept token.
    starts, ends = char_offsets(tokens)
    mask = skeleton.char_mask(len(text))
    kept_chars = {c for i, k in enumerate(keep) if k for c in range(starts[i], ends[i])}
    assert {c for c, m in enumerate(mask) if m} == kept_chars
    for i, k in enumerate(keep):
        if k:
            assert text[starts[i]:ends[i]] == tokens[i].text
    if not merge_runs:
        assert len(rendering.masked) == keep.count(False)
    assert skeleton.params["placeholder"] == placeholder and skeleton.params["k"] == 1


def test_rendering_known_answer():
    text = "def f(xs):\n    s = 0  # total\n    for x in xs:\n        s += x\n    return s\n"
    tokens = effiskel.tokenize(text, "python")
    keep = [t.kind.label in ("keyword", "operator") for t in tokens]
    solution = _solution("python", text)
    plain = build_skeleton(solution, tokens, keep, "test", {})
    assert plain.rendered == (
        "def <MASK><MASK><MASK><MASK><MASK>\n    <MASK> = <MASK>  <MASK>\n"
        "    for <MASK> in <MASK><MASK>\n        <MASK> += <MASK>\n    return <MASK>\n"
    )
    merged = build_skeleton(solution, tokens, keep, "test", {}, placeholder="…", merge_runs=True)
    # One placeholder per run of masked words, never across a line break.
    assert merged.rendered == "def …\n    … = …\n    for … in …\n        … += …\n    return …\n"
    assert [text[a:b] for a, b in plain.spans] == ["def", "=", "for", "in", "+=", "return"]


def test_spans_are_character_offsets_in_non_ascii_source():
    text = "s = '€😀' + t  # é\n"
    tokens = effiskel.tokenize(text, "python")
    keep = [t.text in ("'€😀'", "+") for t in tokens]
    skeleton = build_skeleton(_solution("python", text), tokens, keep, "test", {})
    assert [text[a:b] for a, b in skeleton.spans] == ["'€😀'", "+"]
    assert skeleton.rendered == "<MASK> <MASK> '€😀' + <MASK>  <MASK>\n"


def test_build_skeleton_refuses_mismatched_input():
    text = "x = 1\n"
    tokens = effiskel.tokenize(text, "python")
    with pytest.raises(ValueError, match="keep-mask has 2 entries for 3 tokens"):
        build_skeleton(_solution("python", text), tokens, [True, False], "lexical", {})
    with pytest.raises(ValueError, match="not of this solution's source"):
        build_skeleton(_solution("python", "y = 2\n"), tokens, [True] * 3, "lexical", {})
    with pytest.raises(ValueError, match="no placeholder"):
        restore("a <MASK> b", ["x"], holes=[0])
    with pytest.raises(ValueError, match="2 placeholders"):
        restore("a <MASK> <MASK>", ["x"])


# -- token masks ---------------------------------------------------------------------------------

EOS = "</s>"


def _fast(tokenizer):
    from tokenizers import processors
    from transformers import PreTrainedTokenizerFast

    eos_id = tokenizer.token_to_id(EOS)
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"$A {EOS}", special_tokens=[(EOS, eos_id)]
    )
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token=EOS, unk_token="[UNK]")


@pytest.fixture(scope="module")
def tokenizers_pair():
    """Two different tokenizers trained on the suite: byte-level BPE and WordPiece."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    corpus = [text for _, text in SOURCES]
    bpe = Tokenizer(models.BPE(unk_token="[UNK]"))
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.train_from_iterator(corpus, trainers.BpeTrainer(
        vocab_size=400, special_tokens=["[UNK]", EOS], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    wordpiece = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    wordpiece.normalizer = normalizers.NFC()
    wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    wordpiece.train_from_iterator(corpus, trainers.WordPieceTrainer(vocab_size=300, special_tokens=["[UNK]", EOS]))
    return _fast(bpe), _fast(wordpiece)


def _encode(tokenizer, text):
    enc = tokenizer(text, return_offsets_mapping=True, return_special_tokens_mask=True)
    return enc["input_ids"], enc["offset_mapping"], enc["special_tokens_mask"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), source=st.sampled_from(SOURCES))
def test_token_mask_one_weight_per_token_and_same_characters(tokenizers_pair, data, source):
    language, text = source
    tokens = effiskel.tokenize(text, language)
    keep = data.draw(st.lists(st.booleans(), min_size=len(tokens), max_size=len(tokens)))
    skeleton = build_skeleton(_solution(language, text), tokens, keep, "test", {})
    mask = skeleton.char_mask(len(text))
    content = [not c.isspace() for c in text]
    masked_content = sum(1 for m, c in zip(mask, content) if m and c)
    totals = []
    for tokenizer in tokenizers_pair:
        ids, offsets, special = _encode(tokenizer, text)
        assert ids[-1] == tokenizer.eos_token_id
        fraction = skeleton_token_mask(skeleton, text, offsets, special=special)
        # One weight per token the tokenizer produced, the EOS included (weight 0).
        assert len(fraction) == len(ids)
        assert fraction[-1] == 0.0
        assert all(0.0 <= w <= 1.0 for w in fraction)
        # Every content character lies in exactly one token: weighted by the fraction rule the
        # tokens mark exactly the skeleton's characters, whichever the tokenizer.
        covered = [0] * len(text)
        for (a, b), is_special in zip(offsets, special):
            if not is_special:
                for c in range(a, b):
                    covered[c] += 1
        assert all(covered[c] == 1 for c in range(len(text)) if content[c])
        total = sum(w * sum(content[a:b]) for w, (a, b) in zip(fraction, offsets))
        assert total == pytest.approx(masked_content)
        totals.append(total)
        # "any" marks a superset of the skeleton's characters, "all" a subset.
        anyw = skeleton_token_mask(skeleton, text, offsets, special=special, rule="any")
        allw = skeleton_token_mask(skeleton, text, offsets, special=special, rule="all")
        for w_any, w_all, (a, b) in zip(anyw, allw, offsets):
            chars = [c for c in range(a, b) if content[c]]
            assert w_any == (1.0 if any(mask[c] for c in chars) else 0.0)
            assert w_all == (1.0 if chars and all(mask[c] for c in chars) else 0.0)
    assert totals[0] == pytest.approx(totals[1])


def test_token_mask_rules_known_answer():
    text = "for x in xs"
    mask = bytes([1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0])  # "for" and "in" kept
    offsets = [(0, 5), (5, 8), (8, 11), (0, 0)]  # "for x", " in", " xs", EOS
    assert token_mask(mask, offsets, text=text) == [0.75, 1.0, 0.0, 0.0]
    assert token_mask(mask, offsets, text=text, rule="any") == [1.0, 1.0, 0.0, 0.0]
    assert token_mask(mask, offsets, text=text, rule="all") == [0.0, 1.0, 0.0, 0.0]
    assert token_mask(mask, offsets, text=text, rule="majority") == [1.0, 1.0, 0.0, 0.0]
    # Without the text the leading space counts: " in" is 2/3 in the skeleton.
    assert token_mask(mask, offsets)[1] == pytest.approx(2 / 3)
    assert token_mask(mask, offsets, special=[0, 0, 0, 1], special_weight=1.0)[-1] == 1.0


def test_token_mask_bad_input_is_named():
    with pytest.raises(ValueError, match="unknown token-mask rule 'most'"):
        token_mask(b"\x01", [(0, 1)], rule="most")
    with pytest.raises(ValueError, match=r"token 1: offsets \(0, 9\) outside a text of 3"):
        token_mask(b"\x01\x00\x01", [(0, 1), (0, 9)])
    with pytest.raises(ValueError, match="special has 1 flags for 2 tokens"):
        token_mask(b"\x01\x00", [(0, 1), (1, 2)], special=[0])
    with pytest.raises(ValueError, match="the text has 2 characters but the character mask 3"):
        token_mask(b"\x01\x00\x01", [(0, 1)], text="ab")


def test_skeleton_round_trips_through_json():
    from effiskel.datamodel import SkeletonFailure
    from effiskel.serialization import from_json, to_json

    text = "x = 1\n"
    tokens = effiskel.tokenize(text, "python")
    skeleton = build_skeleton(_solution("python", text), tokens, [False, True, False], "lexical", {"min_df": 1.0})
    assert from_json(Skeleton, to_json(skeleton)) == skeleton
    failure = SkeletonFailure("t/python/abc", "syntactic", "does not parse")
    assert from_json(SkeletonFailure, to_json(failure)) == failure
    assert render(text, tokens, [True, True, True]).masked == ()
