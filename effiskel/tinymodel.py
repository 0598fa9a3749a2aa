"""Tiny local models: a BPE tokenizer trained on the spot and a small random Llama checkpoint.

Nothing here downloads anything. Tests, the demo and the JAX/torch parity check use these to
have a real Hugging Face model directory (``config.json`` + ``model.safetensors`` + tokenizer
files) without a model hub. ``transformers``, ``tokenizers`` and ``torch`` are imported only
when a function is called.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: The special tokens of a tokenizer made by :func:`train_tokenizer`.
BOS, EOS, PAD, UNK = "<s>", "</s>", "<pad>", "<unk>"


def train_tokenizer(texts: Iterable[str], output_dir: str | Path, *, vocab_size: int = 512,
                    min_frequency: int = 2) -> Path:
    """Train a byte-level BPE tokenizer on ``texts``; save it as a Hugging Face fast tokenizer.

    Byte-level: every string encodes (no unknown characters) and the offset mapping gives
    character offsets, which the skeleton mask needs. Returns ``output_dir``.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    corpus = [t for t in texts if t]
    if not corpus:
        raise ValueError("train_tokenizer: no text to train on")
    tokenizer = Tokenizer(models.BPE(unk_token=UNK))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    # trim_offsets=False: a token's offsets cover the space it carries, so spans stay exact.
    tokenizer.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=[PAD, BOS, EOS, UNK],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(corpus, trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, bos_token=BOS, eos_token=EOS, pad_token=PAD, unk_token=UNK,
        model_max_length=1 << 20,
    )
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    fast.save_pretrained(output)
    return output


def write_tiny_llama(
    output_dir: str | Path,
    *,
    vocab_size: int,
    hidden_size: int = 32,
    num_layers: int = 2,
    num_heads: int = 4,
    num_kv_heads: int = 2,
    intermediate_size: int = 64,
    max_position_embeddings: int = 1024,
    tie_word_embeddings: bool = False,
    rope_theta: float = 10000.0,
    bos_token_id: int | None = 1,
    eos_token_id: int | None = 2,
    pad_token_id: int | None = 0,
    seed: int = 0,
    dtype: str = "float32",
) -> Path:
    """Write a randomly initialised Llama checkpoint (config.json + model.safetensors).

    The defaults make a model of a few tens of thousands of parameters: enough to exercise
    attention with grouped KV heads, rotary embeddings and the SwiGLU MLP, small enough for a
    CPU test; bigger sizes (up to billions of parameters, e.g. for a GPU throughput run) work
    the same way. ``dtype`` (``float32``, ``bfloat16``, ``float16``) is the dtype the weights
    are stored in. The ids of the special tokens default to those of :func:`train_tokenizer`.
    """
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    if dtype not in ("float32", "bfloat16", "float16"):
        raise ValueError(f"dtype must be float32, bfloat16 or float16, not {dtype!r}")
    if hidden_size % num_heads or num_heads % num_kv_heads:
        raise ValueError(f"hidden_size {hidden_size} must divide into {num_heads} heads, "
                         f"and the heads into {num_kv_heads} KV heads")
    config = LlamaConfig(
        vocab_size=vocab_size,
        hidden_size=hidden_size,
        intermediate_size=intermediate_size,
        num_hidden_layers=num_layers,
        num_attention_heads=num_heads,
        num_key_value_heads=num_kv_heads,
        max_position_embeddings=max_position_embeddings,
        tie_word_embeddings=tie_word_embeddings,
        rope_parameters={"rope_type": "default", "rope_theta": rope_theta},
        bos_token_id=bos_token_id,
        eos_token_id=eos_token_id,
        pad_token_id=pad_token_id,
    )
    generator_state = torch.random.get_rng_state()
    try:
        torch.manual_seed(seed)
        model = LlamaForCausalLM(config).to(getattr(torch, dtype))
    finally:
        # Leave the caller's random stream as it was.
        torch.random.set_rng_state(generator_state)
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(output)
    return output


def write_tiny_model(texts: Iterable[str], output_dir: str | Path, *, vocab_size: int = 512,
                     seed: int = 0, **llama: object) -> Path:
    """A tokenizer trained on ``texts`` and a tiny random Llama sized to it, in one directory."""
    output = train_tokenizer(texts, output_dir, vocab_size=vocab_size)
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(output, local_files_only=True)
    write_tiny_llama(
        output,
        vocab_size=len(tokenizer),
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        seed=seed,
        **llama,  # type: ignore[arg-type]
    )
    return output
