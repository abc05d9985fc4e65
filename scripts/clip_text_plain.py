"""A CLIP text transformer in plain PyTorch, for bench_reference.py where `transformers` is not installed.

The same computation as the CLIP text model of the released checkpoints (token + position embeddings, pre-norm
encoder layers with causal self-attention and an MLP, final layer norm), written with ordinary torch ops as an eager
implementation would run them; used only to time a text encode, never for numbers.
"""
from dataclasses import dataclass
from types import SimpleNamespace

import torch
from torch import nn


@dataclass
class CLIPTextConfig:
    hidden_size: int = 768
    intermediate_size: int = 3072
    num_attention_heads: int = 12
    num_hidden_layers: int = 12
    hidden_act: str = "quick_gelu"
    max_position_embeddings: int = 77
    vocab_size: int = 49408
    layer_norm_eps: float = 1e-5


def _act(name):
    if name == "quick_gelu":
        return lambda x: x * torch.sigmoid(1.702 * x)
    return nn.functional.gelu


class _Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        d, self.heads = c.hidden_size, c.num_attention_heads
        self.ln1, self.ln2 = nn.LayerNorm(d, eps=c.layer_norm_eps), nn.LayerNorm(d, eps=c.layer_norm_eps)
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.fc1, self.fc2, self.act = nn.Linear(d, c.intermediate_size), nn.Linear(c.intermediate_size, d), _act(c.hidden_act)

    def forward(self, x, mask):
        b, t, d = x.shape
        h = self.ln1(x)
        split = lambda y: y.view(b, t, self.heads, d // self.heads).transpose(1, 2)  # noqa: E731
        q, k, v = split(self.q(h) * (d // self.heads) ** -0.5), split(self.k(h)), split(self.v(h))
        w = torch.softmax(q @ k.transpose(-1, -2) + mask, dim=-1)
        x = x + self.o((w @ v).transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(self.act(self.fc1(self.ln2(x))))


class CLIPTextModel(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.tok = nn.Embedding(c.vocab_size, c.hidden_size)
        self.pos = nn.Embedding(c.max_position_embeddings, c.hidden_size)
        self.layers = nn.ModuleList(_Layer(c) for _ in range(c.num_hidden_layers))
        self.final = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)

    def forward(self, ids):
        t = ids.shape[1]
        x = self.tok(ids) + self.pos(torch.arange(t, device=ids.device))
        mask = torch.full((t, t), float("-inf"), device=ids.device, dtype=x.dtype).triu(1)
        for layer in self.layers:
            x = layer(x, mask)
        return SimpleNamespace(last_hidden_state=self.final(x))
