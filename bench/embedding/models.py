"""Builds two variants of all-minilm-l6-v2 for bench/embedding-ceiling (needs Debian's python3-onnx).

usage: models.py FLOAT_MODEL_OPTIMIZED OUT_DIR

FLOAT_MODEL_OPTIMIZED is the full-precision model after ONNX Runtime's own online optimizer
(LayerNormalization, BiasGelu and FusedMatMul already fused; written by EmbeddingCeiling.java).

- fused.onnx: the same weights as one fused encoder per layer, as ONNX Runtime's offline
  transformer optimizer would export it: QAttention (int8 Q/K/V projection and attention in one
  kernel), DynamicQuantizeMatMul, SkipLayerNormalization, BiasGelu; weights int8 per column.
- gemm-only.onnx: only the encoder's int8 matrix products, with the same shapes and weights
  (per layer: Q/K/V 384x1152, output 384x384, FFN 384x1536 and 1536x384) and nothing else:
  no attention, softmax, GELU or layer norm. Its speed is the ceiling of any export of this
  model on ONNX Runtime's int8 kernels on this CPU.
"""
import sys
import numpy as np
import onnx
from onnx import helper as h, numpy_helper as nh, TensorProto

src = onnx.load(sys.argv[1])
out_dir = sys.argv[2]
weights = {i.name: nh.to_array(i) for i in src.graph.initializer}
LAYERS, HEADS = 6, 12


def matmul_weight(output_suffix):
    for node in src.graph.node:
        if node.op_type == 'MatMul' and node.output[0].endswith(output_suffix):
            return weights[node.input[1]]
    raise KeyError(output_suffix)


def per_column_int8(w):
    scale = np.abs(w).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32), np.zeros(w.shape[1], np.int8)


def layer_weights(layer):
    p, b = f'/encoder/layer.{layer}', f'encoder.layer.{layer}'
    qkv = np.concatenate([matmul_weight(f'{p}/attention/self/{k}/MatMul_output_0') for k in ('query', 'key', 'value')], axis=1)
    qkv_bias = np.concatenate([weights[f'{b}.attention.self.{k}.bias'] for k in ('query', 'key', 'value')])
    return dict(
        qkv=qkv, qkv_bias=qkv_bias,
        out=matmul_weight(f'{p}/attention/output/dense/MatMul_output_0'), out_bias=weights[f'{b}.attention.output.dense.bias'],
        ln1=(weights[f'{b}.attention.output.LayerNorm.weight'], weights[f'{b}.attention.output.LayerNorm.bias']),
        ff1=matmul_weight(f'{p}/intermediate/dense/MatMul_output_0'), ff1_bias=weights[f'{b}.intermediate.dense.bias'],
        ff2=matmul_weight(f'{p}/output/dense/MatMul_output_0'), ff2_bias=weights[f'{b}.output.dense.bias'],
        ln2=(weights[f'{b}.output.LayerNorm.weight'], weights[f'{b}.output.LayerNorm.bias']))


class Graph:
    def __init__(self):
        self.nodes, self.initializers = [], []

    def const(self, name, array):
        self.initializers.append(nh.from_array(np.asarray(array), name))
        return name

    def node(self, op, inputs, outputs, microsoft=False, **attrs):
        self.nodes.append(h.make_node(op, inputs, outputs, domain='com.microsoft' if microsoft else '', **attrs))
        return outputs[0]

    def int8_matmul(self, x, w, name):
        q, s, z = per_column_int8(w)
        return self.node('DynamicQuantizeMatMul', [x, self.const(name + '.w', q), self.const(name + '.s', s), self.const(name + '.z', z)], [name], microsoft=True)

    def save(self, path, output):
        graph = h.make_graph(self.nodes, 'minilm', list(src.graph.input), [h.make_tensor_value_info(output, TensorProto.FLOAT, None)], self.initializers)
        opsets = [o for o in src.opset_import if o.domain in ('', 'ai.onnx')] + [h.make_opsetid('com.microsoft', 1)]
        model = h.make_model(graph, opset_imports=opsets)
        model.ir_version = src.ir_version
        onnx.save(model, path)


def embeddings(g):
    """The source's own embedding nodes (gathers, adds, layer norm) up to the first layer norm."""
    for node in src.graph.node:
        for name in node.input:
            if name in weights and name not in {i.name for i in g.initializers}:
                g.const(name, weights[name])
        g.nodes.append(node)
        if node.op_type == 'LayerNormalization':
            return node.output[0]
    raise ValueError('no embedding layer norm')


fused = Graph()
x = embeddings(fused)
fused.node('Cast', ['attention_mask'], ['mask32'], to=TensorProto.INT32)
for layer in range(LAYERS):
    w, n = layer_weights(layer), f'l{layer}'
    q, s, z = per_column_int8(w['qkv'])
    fused.node('DynamicQuantizeLinear', [x], [n + '.xq', n + '.xs', n + '.xz'])
    attention = fused.node('QAttention', [n + '.xq', fused.const(n + '.qkv', q), fused.const(n + '.qkv_bias', w['qkv_bias']), n + '.xs',
                                          fused.const(n + '.qkv_s', s), 'mask32', n + '.xz', fused.const(n + '.qkv_z', z)],
                           [n + '.attention'], microsoft=True, num_heads=HEADS)
    out = fused.int8_matmul(attention, w['out'], n + '.out')
    ln1 = fused.node('SkipLayerNormalization', [out, x, fused.const(n + '.ln1g', w['ln1'][0]), fused.const(n + '.ln1b', w['ln1'][1]),
                                                fused.const(n + '.out_bias', w['out_bias'])], [n + '.ln1'], microsoft=True, epsilon=1e-12)
    ff1 = fused.int8_matmul(ln1, w['ff1'], n + '.ff1')
    gelu = fused.node('BiasGelu', [ff1, fused.const(n + '.ff1_bias', w['ff1_bias'])], [n + '.gelu'], microsoft=True)
    ff2 = fused.int8_matmul(gelu, w['ff2'], n + '.ff2')
    x = fused.node('SkipLayerNormalization', [ff2, ln1, fused.const(n + '.ln2g', w['ln2'][0]), fused.const(n + '.ln2b', w['ln2'][1]),
                                              fused.const(n + '.ff2_bias', w['ff2_bias'])], [n + '.ln2'], microsoft=True, epsilon=1e-12)
fused.save(f'{out_dir}/fused.onnx', x)

gemm = Graph()
x = embeddings(gemm)
for layer in range(LAYERS):
    w, n = layer_weights(layer), f'l{layer}'
    qkv = gemm.int8_matmul(x, w['qkv'], n + '.qkv')
    out = gemm.int8_matmul(x, w['out'], n + '.out')
    ff1 = gemm.int8_matmul(out, w['ff1'], n + '.ff1')
    ff2 = gemm.int8_matmul(ff1, w['ff2'], n + '.ff2')
    # keep the Q/K/V product live without any attention work: add its first 384 columns
    first = gemm.node('Slice', [qkv, gemm.const(n + '.s0', np.array([0])), gemm.const(n + '.s1', np.array([384])), gemm.const(n + '.s2', np.array([2]))], [n + '.qkv384'])
    x = gemm.node('Add', [ff2, first], [n + '.x'])
gemm.save(f'{out_dir}/gemm-only.onnx', x)
print(f'wrote {out_dir}/fused.onnx and {out_dir}/gemm-only.onnx')
