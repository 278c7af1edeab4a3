"""Sentence embeddings from the ONNX graph match the reference implementation of
all-MiniLM-L6-v2: exactly in float32, closely in the int8 form the checks use.

`data/minilm_reference.json` holds vectors made once, in a scratch environment, with
transformers' BertModel loaded from the same wheel (mean pooling over the attention mask, then
L2 normalisation: what sentence-transformers does for this model, which agreed exactly).
The last sentence is longer than 256 tokens, so truncation is checked too.
"""

import json
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from safety import embeddings, minilm_graph
from safety.embeddings import DIMENSIONS, embed

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.json"


@pytest.fixture(scope="module")
def reference():
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return data["sentences"], np.array(data["vectors"], dtype=np.float64)


def _cosines(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_the_float32_graph_matches_the_reference_vectors(reference, tmp_path, monkeypatch):
    sentences, expected = reference
    assert len(sentences) >= 8
    path = tmp_path / "float32.onnx"
    minilm_graph.build(path, quantized=False)
    import onnxruntime

    monkeypatch.setattr(embeddings, "_session", lambda: onnxruntime.InferenceSession(str(path)))
    exact = embeddings._encode_texts(sentences)
    for sentence, cosine in zip(sentences, _cosines(exact, expected), strict=True):
        assert cosine > 0.9999, (sentence[:40], cosine)


def test_the_int8_model_stays_close_to_the_reference_vectors(reference):
    sentences, expected = reference
    cosines = _cosines(embed(sentences), expected)
    assert cosines.min() > 0.95, cosines
    assert cosines.mean() > 0.98, cosines


def test_it_returns_one_unit_vector_per_text(reference):
    sentences, _ = reference
    vectors = embed(sentences)
    assert vectors.shape == (len(sentences), DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_vector_does_not_depend_on_the_texts_beside_it(reference):
    sentences, _ = reference
    alone = np.vstack([embed([s], remember=False) for s in sentences])
    together = embed(sentences[::-1], remember=False)[::-1]
    np.testing.assert_array_equal(together, alone)


def test_the_model_file_is_made_once_and_named_by_its_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("DEARLY_VECTOR_DIR", str(tmp_path))
    built = []
    monkeypatch.setattr(
        embeddings, "build", lambda path: built.append(path) or path.write_text("m")
    )
    first = embeddings._model_file()
    assert first.parent == tmp_path
    assert first.read_text() == "m"
    assert embeddings._model_file() == first
    assert len(built) == 1
    assert list(tmp_path.iterdir()) == [first]  # no partial file left behind
    monkeypatch.setattr(embeddings, "ENCODING", "something else")
    assert embeddings._model_file() != first
    assert len(built) == 2


def test_building_the_int8_model_says_nothing_unless_something_is_wrong(tmp_path, caplog):
    # The quantizer logs a line for each tensor it leaves in float32, on the root logger.
    with caplog.at_level(logging.INFO):
        minilm_graph.build(tmp_path / "int8.onnx")
    assert (tmp_path / "int8.onnx").stat().st_size > 10_000_000
    assert [r.getMessage() for r in caplog.records] == []


def test_it_keeps_the_order_of_the_texts(reference):
    sentences, _ = reference
    forward = embed(sentences)
    backward = embed(sentences[::-1])
    np.testing.assert_allclose(backward[::-1], forward, atol=1e-5)


def test_it_handles_no_texts_and_empty_texts():
    assert embed([]).shape == (0, DIMENSIONS)
    [vector] = embed([""])
    assert np.isfinite(vector).all()


def test_it_needs_neither_torch_nor_transformers_nor_the_hub():
    code = (
        "import sys; from safety.embeddings import embed; embed(['hello']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'torch', 'transformers', 'huggingface_hub', 'sentence_transformers'}))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert out.stdout.strip() == "[]"


def test_a_text_embedded_again_is_answered_from_memory_with_the_same_vector(monkeypatch):
    monkeypatch.setattr(embeddings, "_recent", type(embeddings._recent)())
    fresh = embed(["The first sentence to keep.", "A second one."])
    assert len(embeddings._recent) == 2

    def no_encoder(texts):
        raise AssertionError(f"encoded again: {texts}")

    monkeypatch.setattr(embeddings, "_encode_texts", no_encoder)
    again = embed(["A second one.", "The first sentence to keep.", "A second one."])
    np.testing.assert_array_equal(again, fresh[[1, 0, 1]])
    # The vectors handed out are copies: changing one leaves memory as it was.
    again[0] *= 0
    np.testing.assert_array_equal(embed(["A second one."])[0], fresh[1])


def test_memory_of_recent_texts_is_bounded_and_holds_no_text(monkeypatch):
    monkeypatch.setattr(embeddings, "_recent", type(embeddings._recent)())
    monkeypatch.setattr(embeddings, "RECENT", 3)
    texts = [f"Sentence number {n} about my sister." for n in range(5)]
    embed(texts)
    assert len(embeddings._recent) == 3
    assert all(isinstance(key, bytes) and len(key) == 16 for key in embeddings._recent)
    assert not any(b"sister" in key for key in embeddings._recent)
    # The oldest went first: the last three are answered without the encoder.
    encoded = []
    monkeypatch.setattr(embeddings, "_encode_texts", lambda t: encoded.extend(t) or embed_none(t))
    embed(texts[2:])
    assert encoded == []
    embed(texts[:1])
    assert encoded == texts[:1]


def embed_none(texts):
    return np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
