"""Skeletons from keep-masks: rendering, character spans, per-tokenizer-token masks, restoring.

Every skeleton strategy decides a keep-mask over a solution's frontend tokens and hands it to
:func:`build_skeleton`, which makes the :class:`~effiskel.datamodel.Skeleton`: the kept tokens'
character spans in the solution's source *string* (frontends work in bytes; the two differ as
soon as the source has a non-ASCII character) and the rendered text, in which every non-kept
token is replaced by a placeholder (``<MASK>`` by default) and the text between tokens (spaces,
newlines, indentation) is kept as it is.

Training needs the skeleton as a weight per *model* token. :func:`token_mask` maps a character
mask onto any Hugging Face fast tokenizer's tokens through their ``offset_mapping``:

* a token's weight is decided by its *content* characters: those that are not whitespace when
  the text is given (BPE tokens such as ``" for"`` carry the space before the word, which no
  skeleton ever keeps), all of its characters otherwise;
* a token straddling a skeleton boundary gets, by ``rule``: ``"fraction"`` (the default) the
  share of its content characters inside the skeleton; ``"any"`` 1 if any is inside;
  ``"all"`` 1 only if all are; ``"majority"`` 1 if at least half are;
* a whitespace-only token gets 0 under every rule;
* a special token (flagged in ``special``, or with an empty offset span -- which is how the
  tokenizers report EOS/BOS/padding) gets ``special_weight``, 0 by default: the end of the code
  is trained by ``L_code``; ``L_mask`` is about the skeleton's own tokens.

:func:`restore` puts the masked words back into a rendered text and gives the source exactly
(the property tests check it on generated sources).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import accumulate
from typing import Any

import attrs

from .datamodel import Skeleton, Solution
from .syntax import TokenStream, decode

DEFAULT_PLACEHOLDER = "<MASK>"
#: The rules :func:`token_mask` knows for a model token straddling a skeleton boundary.
TOKEN_MASK_RULES = ("fraction", "any", "all", "majority")


@attrs.frozen
class Rendering:
    """A source with its non-kept words replaced by a placeholder.

    ``masked`` holds the text each placeholder stands for, in order; ``holes`` the offset of
    each placeholder in ``text``, so restoring is exact even when the source itself contains
    the placeholder's text.
    """

    text: str
    masked: tuple[str, ...]
    holes: tuple[int, ...]
    placeholder: str


def char_offsets(tokens: TokenStream) -> tuple[Sequence[int], Sequence[int]]:
    """The tokens' start and end offsets in characters of the decoded source (not bytes).

    For an ASCII source they are the byte offsets themselves; otherwise each offset is found by
    decoding the bytes between consecutive token boundaries (tokens are ordered and do not
    overlap), so the cost is one pass over the source.
    """
    source = tokens.source
    if source.isascii():
        return tokens.starts, tokens.ends
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    chars = 0
    for s, e in zip(tokens.starts, tokens.ends):
        chars += len(decode(source[pos:s]))
        starts.append(chars)
        chars += len(decode(source[s:e]))
        ends.append(chars)
        pos = e
    return starts, ends


def render(
    text: str,
    tokens: TokenStream,
    keep: Sequence[bool],
    *,
    placeholder: str = DEFAULT_PLACEHOLDER,
    merge_runs: bool = False,
    offsets: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Rendering:
    """Render ``text`` (the source of ``tokens``) with every non-kept token replaced by ``placeholder``.

    With ``merge_runs``, a run of non-kept tokens on one line becomes one placeholder standing
    for the whole run (the spaces inside it included); line breaks are always kept.
    ``offsets`` are :func:`char_offsets` of ``tokens`` when the caller has them already.
    """
    if len(keep) != len(tokens):
        raise ValueError(f"keep-mask has {len(keep)} entries for {len(tokens)} tokens")
    starts, ends = offsets or char_offsets(tokens)
    # Only the masked tokens are visited: kept text is copied in slices between them.
    runs = [i for i, kept in enumerate(keep) if not kept]
    if merge_runs and runs:
        merged: list[tuple[int, int]] = []
        first = last = runs[0]
        for i in runs[1:]:
            # A run stops at a line break, so the rendering keeps the solution's layout.
            if i == last + 1 and "\n" not in text[ends[last] : starts[i]]:
                last = i
            else:
                merged.append((first, last))
                first = last = i
        merged.append((first, last))
    else:
        merged = [(i, i) for i in runs]
    out: list[str] = []
    masked: list[str] = []
    holes: list[int] = []
    width = len(placeholder)
    length = 0
    prev = 0
    for first, last in merged:
        start = starts[first]
        gap = text[prev:start]
        out.append(gap)
        out.append(placeholder)
        length += len(gap)
        holes.append(length)
        length += width
        prev = ends[last]
        masked.append(text[start:prev])
    out.append(text[prev:])
    return Rendering("".join(out), tuple(masked), tuple(holes), placeholder)


def restore(
    rendered: str,
    masked: Sequence[str],
    *,
    placeholder: str = DEFAULT_PLACEHOLDER,
    holes: Sequence[int] | None = None,
) -> str:
    """The source back from a rendered text and the masked words, in order.

    Without ``holes`` the placeholders are found by their text, which is ambiguous when the
    source itself contains it: then the count does not match and this raises ValueError.
    """
    if holes is None:
        pieces = rendered.split(placeholder)
        if len(pieces) != len(masked) + 1:
            raise ValueError(
                f"the rendered text has {len(pieces) - 1} placeholders {placeholder!r} for "
                f"{len(masked)} masked words (pass holes= when the source contains the placeholder)"
            )
        out = [pieces[0]]
        for word, piece in zip(masked, pieces[1:]):
            out.append(word)
            out.append(piece)
        return "".join(out)
    if len(holes) != len(masked):
        raise ValueError(f"{len(holes)} holes for {len(masked)} masked words")
    out = []
    prev = 0
    for hole, word in zip(holes, masked):
        if hole < prev or rendered[hole : hole + len(placeholder)] != placeholder:
            raise ValueError(f"no placeholder {placeholder!r} at offset {hole} of the rendered text")
        out.append(rendered[prev:hole])
        out.append(word)
        prev = hole + len(placeholder)
    out.append(rendered[prev:])
    return "".join(out)


def kept_spans(
    tokens: TokenStream,
    keep: Sequence[bool],
    *,
    offsets: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[tuple[int, int]]:
    """Character spans of the kept tokens, touching spans merged (text between tokens is not kept)."""
    if len(keep) != len(tokens):
        raise ValueError(f"keep-mask has {len(keep)} entries for {len(tokens)} tokens")
    starts, ends = offsets or char_offsets(tokens)
    spans: list[tuple[int, int]] = []
    end = -1
    for i in [i for i, kept in enumerate(keep) if kept]:
        if starts[i] == end:
            end = ends[i]
            spans[-1] = (spans[-1][0], end)
        else:
            end = ends[i]
            spans.append((starts[i], end))
    return spans


def build_skeleton(
    solution: Solution,
    tokens: TokenStream,
    keep: Sequence[bool],
    strategy: str,
    params: Mapping[str, Any],
    *,
    placeholder: str = DEFAULT_PLACEHOLDER,
    merge_runs: bool = False,
) -> Skeleton:
    """The skeleton of ``solution`` that keeps the tokens flagged in ``keep``.

    ``tokens`` must be the frontend's tokens of ``solution.source``; ``params`` are the
    strategy's parameters, recorded with the skeleton together with the rendering's
    ``placeholder`` and ``merge_runs`` (so the rendering can be reproduced and restored).
    """
    encoded = solution.source.encode("utf-8", "surrogateescape")
    if tokens.source != encoded:
        raise ValueError(f"{strategy} skeleton of {solution.id}: the tokens are not of this solution's source")
    if len(keep) != len(tokens):
        raise ValueError(
            f"{strategy} skeleton of {solution.id}: keep-mask has {len(keep)} entries for "
            f"{len(tokens)} tokens"
        )
    if not placeholder:
        raise ValueError("the placeholder must not be empty")
    flags = tuple(bool(k) for k in keep)
    offsets = char_offsets(tokens)
    rendering = render(
        solution.source, tokens, flags, placeholder=placeholder, merge_runs=merge_runs, offsets=offsets
    )
    recorded = dict(params)
    recorded["placeholder"] = placeholder
    recorded["merge_runs"] = merge_runs
    return Skeleton(
        solution_id=solution.id,
        strategy=strategy,
        keep=flags,
        rendered=rendering.text,
        spans=kept_spans(tokens, flags, offsets=offsets),
        params=recorded,
    )


def skeleton_rendering(solution: Solution, tokens: TokenStream, skeleton: Skeleton) -> Rendering:
    """The rendering of ``skeleton`` again, with its masked words (to restore the source)."""
    return render(
        solution.source,
        tokens,
        skeleton.keep,
        placeholder=skeleton.params.get("placeholder", DEFAULT_PLACEHOLDER),
        merge_runs=bool(skeleton.params.get("merge_runs", False)),
    )


def char_mask(skeleton: Skeleton, source: str) -> bytearray:
    """One byte per character of ``source``: 1 inside the skeleton, 0 outside."""
    return skeleton.char_mask(len(source))


def token_mask(
    char_mask: bytes | bytearray | Sequence[int],
    offsets: Sequence[tuple[int, int]],
    *,
    special: Sequence[int] | None = None,
    rule: str = "fraction",
    text: str | None = None,
    special_weight: float = 0.0,
) -> list[float]:
    """A weight per tokenizer token from a character mask and the tokenizer's ``offset_mapping``.

    ``char_mask`` has one entry per character of the encoded string (nonzero: in the skeleton);
    ``offsets`` are the ``(start, end)`` character offsets of each token into that same string
    (a Hugging Face fast tokenizer's ``return_offsets_mapping=True``); ``special`` flags special
    tokens, one entry per token (``return_special_tokens_mask=True``). ``text`` is the encoded
    string: when given, whitespace characters do not count (see the module docstring for the
    rules). The result has exactly one weight per token, special tokens included.
    """
    if rule not in TOKEN_MASK_RULES:
        raise ValueError(f"unknown token-mask rule {rule!r}; known: {', '.join(TOKEN_MASK_RULES)}")
    length = len(char_mask)
    if text is not None and len(text) != length:
        raise ValueError(f"the text has {len(text)} characters but the character mask {length}")
    if special is not None and len(special) != len(offsets):
        raise ValueError(f"special has {len(special)} flags for {len(offsets)} tokens")
    if text is None:
        content = [1] * length
        inside = [1 if m else 0 for m in char_mask]
    else:
        content = [0 if c.isspace() else 1 for c in text]
        inside = [1 if m and c else 0 for m, c in zip(char_mask, content)]
    # Prefix sums: each token's counts in O(1) whatever its length.
    content_sum = [0, *accumulate(content)]
    inside_sum = [0, *accumulate(inside)]
    weights: list[float] = []
    for index, (start, end) in enumerate(offsets):
        if special is not None and special[index]:
            weights.append(float(special_weight))
            continue
        if start == end:
            weights.append(float(special_weight))
            continue
        if not 0 <= start < end <= length:
            raise ValueError(f"token {index}: offsets ({start}, {end}) outside a text of {length} characters")
        total = content_sum[end] - content_sum[start]
        hit = inside_sum[end] - inside_sum[start]
        if total == 0:
            weights.append(0.0)
        elif rule == "fraction":
            weights.append(hit / total)
        elif rule == "any":
            weights.append(1.0 if hit else 0.0)
        elif rule == "all":
            weights.append(1.0 if hit == total else 0.0)
        else:
            weights.append(1.0 if 2 * hit >= total else 0.0)
    return weights


def skeleton_token_mask(
    skeleton: Skeleton,
    source: str,
    offsets: Sequence[tuple[int, int]],
    *,
    special: Sequence[int] | None = None,
    rule: str = "fraction",
    special_weight: float = 0.0,
) -> list[float]:
    """:func:`token_mask` for a skeleton of ``source`` (whitespace ignored, as recommended)."""
    return token_mask(
        skeleton.char_mask(len(source)),
        offsets,
        special=special,
        rule=rule,
        text=source,
        special_weight=special_weight,
    )
