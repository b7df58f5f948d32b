#!/usr/bin/env python3
"""Measure real transformer steps on one GPU, as ground truth for the cost model (issue 18).

Llama-shaped models with random bf16 weights built from a config (no weights downloaded). Every
figure is the median of repeats timed with CUDA events after warm-up; peak memory is
torch.cuda.max_memory_allocated over the measurement. Results stream to OUT/results.jsonl as they
are taken (a slow or killed run keeps what it measured) and are gathered in OUT/measurements.json.

    python3 calibration/measure.py --out DIR [--budget-s 300]     # on the GPU machine
    python3 calibration/measure.py --out /tmp/x --cpu-check        # syntax and shape check, tiny config, CPU

What is measured (each item says which figure of the cost model it checks):
  ceilings  device-to-device copy (HBM bandwidth), 8192³ bf16 matmul (dense peak), fp8 matmul if
            torch._scaled_mm runs, a 1-element kernel launched 2,000 times eagerly and from a CUDA
            graph (per-kernel overhead)
  decode    one step (embed, L × [norm, QKV, RoPE, KV write, attention, O, norm, SwiGLU], norm,
            LM head, argmax) at batch 1…256 and context 512…8,192 over a preallocated KV cache,
            eager and replayed from a CUDA graph
  prefill   prompt lengths × batches, logits for the last position only, KV written to the cache
  mixed     one prefill chunk (256/1,024/2,048 tokens) with 16…128 decoding sequences in one
            iteration, as continuous-batching engines run them: matmuls over all rows at once,
            causal attention for the chunk, decode attention for the rest
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, replace

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Cfg:
    name: str
    layers: int
    d_model: int
    heads: int
    kv_heads: int
    head_dim: int
    d_ff: int
    vocab: int
    tied: bool
    rope_theta: float = 500000.0


# Shapes from the models' config.json (meta-llama on Hugging Face), as in src/core/model/presets.ts.
LLAMA_1B = Cfg("llama-3.2-1b", 16, 2048, 32, 8, 64, 8192, 128256, True)
LLAMA_8B = Cfg("llama-3.1-8b", 32, 4096, 32, 8, 128, 14336, 128256, False)
# The MQA/GQA/MHA contrast: Llama-3.1-8B's shape with 1 or 32 KV heads (its own has 8).
LLAMA_8B_MQA = replace(LLAMA_8B, name="llama-3.1-8b-mqa", kv_heads=1)
LLAMA_8B_MHA = replace(LLAMA_8B, name="llama-3.1-8b-mha", kv_heads=32)
TINY = Cfg("tiny", 2, 64, 4, 2, 16, 128, 512, False)

DT = torch.bfloat16


# ----------------------------------------------------------------------------------------------
# The model: random weights, explicit KV cache. Functions, not nn.Modules, so every op is visible.
# ----------------------------------------------------------------------------------------------

def math_sdpa(q, k, v, is_causal=False, enable_gqa=False):
    """Reference attention in float32 (shape checks on PyTorch builds without SDPA)."""
    if enable_gqa:
        k, v = k.repeat_interleave(q.shape[1] // k.shape[1], 1), v.repeat_interleave(q.shape[1] // v.shape[1], 1)
    s = (q.float() @ k.float().transpose(-1, -2)) / math.sqrt(q.shape[-1])
    if is_causal:
        Lq, Lk = s.shape[-2], s.shape[-1]
        s = s.masked_fill(torch.ones(Lq, Lk, dtype=torch.bool).triu(1 + Lk - Lq), float("-inf"))
    return (s.softmax(-1) @ v.float()).to(q.dtype)


if not hasattr(F, "scaled_dot_product_attention"):  # Debian's PyTorch 1.13, used for --cpu-check
    F.scaled_dot_product_attention = math_sdpa


# Which SDPA kernel runs: probed once on the GPU (probe_sdpa), the fastest kernel that accepts the
# call, so a GQA prefill never silently falls back to the math kernel (S² scores in memory).
SDPA = {"gqa": None, "plain": None, "repeatKv": False}


def sdpa(q, k, v, causal):
    """PyTorch's scaled-dot-product attention; q may have more heads than k/v (GQA)."""
    gqa = q.shape[1] != k.shape[1]
    if gqa and SDPA["repeatKv"]:
        rep = q.shape[1] // k.shape[1]
        k, v, gqa = k.repeat_interleave(rep, 1), v.repeat_interleave(rep, 1), False
    backend = SDPA["gqa" if gqa else "plain"]
    kw = {"enable_gqa": True} if gqa else {}
    if backend is None:
        return F.scaled_dot_product_attention(q, k, v, is_causal=causal, **kw)
    from torch.nn.attention import sdpa_kernel
    with sdpa_kernel([backend]):
        return F.scaled_dot_product_attention(q, k, v, is_causal=causal, **kw)


def probe_sdpa(device):
    """Pick, for plain and GQA calls, the first of flash, cuDNN, memory-efficient that runs."""
    if device.type != "cuda":
        return {"gqa": None, "plain": None, "repeatKv": False}
    from torch.nn.attention import SDPBackend, sdpa_kernel
    order = [SDPBackend.FLASH_ATTENTION, SDPBackend.CUDNN_ATTENTION, SDPBackend.EFFICIENT_ATTENTION]
    q = torch.randn(2, 32, 256, 128, device=device, dtype=DT)
    kv = torch.randn(2, 8, 256, 128, device=device, dtype=DT)
    found = {}
    for name, (k, kw) in {"plain": (q, {}), "gqa": (kv, {"enable_gqa": True})}.items():
        for b in order:
            try:
                with sdpa_kernel([b]):
                    F.scaled_dot_product_attention(q, k, k, is_causal=True, **kw)
                torch.cuda.synchronize()
                found[name] = b
                break
            except Exception:  # noqa: BLE001 - this kernel refuses the call; try the next
                continue
    SDPA["plain"] = found.get("plain")
    SDPA["gqa"] = found.get("gqa")
    SDPA["repeatKv"] = "gqa" not in found  # no fast kernel takes GQA: repeat K/V heads instead
    return {k: (v.name if hasattr(v, "name") else v) for k, v in SDPA.items()}


def rms_norm(x, w):
    if hasattr(F, "rms_norm"):
        return F.rms_norm(x, (x.shape[-1],), w, 1e-5)
    return x * torch.rsqrt(x.float().pow(2).mean(-1, keepdim=True) + 1e-5).to(x.dtype) * w


def rope(x, cos, sin):
    """Rotate-half RoPE; x (..., T, hd), cos/sin broadcastable (T, hd)."""
    h = x.shape[-1] // 2
    rot = torch.cat((-x[..., h:], x[..., :h]), dim=-1)
    return x * cos + rot * sin


class Model:
    def __init__(self, cfg: Cfg, device):
        self.cfg, self.device = cfg, device
        d, hd, H, K, ff = cfg.d_model, cfg.head_dim, cfg.heads, cfg.kv_heads, cfg.d_ff
        g = torch.Generator(device=device).manual_seed(0)

        def w(*shape):
            return (torch.randn(*shape, device=device, dtype=DT, generator=g) * 0.02)

        self.emb = w(cfg.vocab, d)
        self.lm_head = self.emb if cfg.tied else w(cfg.vocab, d)
        self.norm_f = torch.ones(d, device=device, dtype=DT)
        self.layers = []
        for _ in range(cfg.layers):
            self.layers.append(dict(
                n1=torch.ones(d, device=device, dtype=DT),
                wqkv=w(d, (H + 2 * K) * hd),
                wo=w(H * hd, d),
                n2=torch.ones(d, device=device, dtype=DT),
                wgu=w(d, 2 * ff),
                wd=w(ff, d),
            ))
        inv = 1.0 / (cfg.rope_theta ** (torch.arange(0, hd, 2, device=device).float() / hd))
        self.inv_freq = inv

    def weight_bytes(self):
        n = sum(t.numel() for l in self.layers for t in l.values()) + self.emb.numel() + self.norm_f.numel()
        if not self.cfg.tied:
            n += self.lm_head.numel()
        return n * 2

    def cos_sin(self, positions):
        f = positions.float()[:, None] * self.inv_freq[None, :]
        e = torch.cat((f, f), dim=-1)
        return e.cos().to(DT), e.sin().to(DT)

    def new_cache(self, batch, tokens):
        """Preallocated KV cache, filled with random values (never time on zeros)."""
        c = self.cfg
        shape = (batch, c.kv_heads, tokens, c.head_dim)
        out = []
        for _ in range(c.layers):
            k = torch.empty(shape, device=self.device, dtype=DT).normal_()
            v = torch.empty(shape, device=self.device, dtype=DT).normal_()
            out.append((k, v))
        return out

    def _split(self, qkv, rows_shape):
        c = self.cfg
        H, K, hd = c.heads, c.kv_heads, c.head_dim
        q, k, v = qkv.split([H * hd, K * hd, K * hd], dim=-1)
        return q.view(*rows_shape, H, hd), k.view(*rows_shape, K, hd), v.view(*rows_shape, K, hd)

    def decode_attention(self, q, k_new, v_new, cache, pos, cos, sin):
        """q (B, H, hd), k_new/v_new (B, K, hd): write at pos, attend over 0..pos (no mask needed).
        GQA groups ride in the query-length dimension: q → (B, K, G, hd), one SDPA call."""
        c = self.cfg
        B = q.shape[0]
        G = c.heads // c.kv_heads
        q = rope(q, cos, sin)
        k_new = rope(k_new, cos, sin)
        kc, vc = cache
        kc[:, :, pos] = k_new
        vc[:, :, pos] = v_new
        qg = q.view(B, c.kv_heads, G, c.head_dim)
        o = sdpa(qg, kc[:, :, : pos + 1], vc[:, :, : pos + 1], causal=False)
        return o.reshape(B, c.heads * c.head_dim)

    def prefill_attention(self, q, k, v, cache, cos, sin):
        """q (B, S, H, hd), k/v (B, S, K, hd): causal attention; K/V written to the cache."""
        S = q.shape[1]
        q = rope(q.transpose(1, 2), cos, sin)
        k = rope(k.transpose(1, 2), cos, sin)
        v = v.transpose(1, 2)
        kc, vc = cache
        kc[:, :, :S] = k
        vc[:, :, :S] = v
        o = sdpa(q, k, v, causal=True)
        return o.transpose(1, 2).reshape(q.shape[0], S, -1)

    def mlp(self, h, L):
        gu = h @ L["wgu"]
        gate, up = gu.chunk(2, dim=-1)
        return (F.silu(gate) * up) @ L["wd"]

    def decode_step(self, tokens, caches, pos, want_logits=False):
        """One decode step for tokens (B,) at position pos (the context before it is pos)."""
        c = self.cfg
        B = tokens.shape[0]
        cos, sin = self._cs_decode
        x = self.emb[tokens]
        for L, cache in zip(self.layers, caches):
            h = rms_norm(x, L["n1"])
            q, k, v = self._split(h @ L["wqkv"], (B,))
            x = x + self.decode_attention(q, k, v, cache, pos, cos, sin) @ L["wo"]
            x = x + self.mlp(rms_norm(x, L["n2"]), L)
        logits = rms_norm(x, self.norm_f) @ self.lm_head.t()
        return logits if want_logits else logits.argmax(-1)

    def prefill(self, tokens, caches, want_logits=False):
        """Prefill a batch of prompts tokens (B, S); logits for the last position only."""
        B, S = tokens.shape
        cos, sin = self._cs_prefill
        x = self.emb[tokens]
        for L, cache in zip(self.layers, caches):
            h = rms_norm(x, L["n1"])
            q, k, v = self._split(h @ L["wqkv"], (B, S))
            x = x + self.prefill_attention(q, k, v, cache, cos, sin) @ L["wo"]
            x = x + self.mlp(rms_norm(x, L["n2"]), L)
        logits = rms_norm(x[:, -1], self.norm_f) @ self.lm_head.t()
        return logits if want_logits else logits.argmax(-1)

    def mixed_step(self, chunk_tokens, dec_tokens, chunk_cache, dec_caches, pos, want_logits=False):
        """One continuous-batching iteration: a prefill chunk (C,) of a new request and one decode
        token for each of D running sequences at context pos, matmuls over all C + D rows."""
        C, D = chunk_tokens.shape[0], dec_tokens.shape[0]
        cos_p, sin_p = self._cs_prefill
        cos_d, sin_d = self._cs_decode
        x = self.emb[torch.cat((chunk_tokens, dec_tokens))]
        for L, pc, dc in zip(self.layers, chunk_cache, dec_caches):
            h = rms_norm(x, L["n1"])
            q, k, v = self._split(h @ L["wqkv"], (C + D,))
            ap = self.prefill_attention(q[None, :C], k[None, :C], v[None, :C], pc, cos_p, sin_p)[0]
            ad = self.decode_attention(q[C:], k[C:], v[C:], dc, pos, cos_d, sin_d)
            x = x + torch.cat((ap, ad)) @ L["wo"]
            x = x + self.mlp(rms_norm(x, L["n2"]), L)
        rows = torch.cat((x[C - 1 : C], x[C:]))  # logits: last chunk token + every decode token
        logits = rms_norm(rows, self.norm_f) @ self.lm_head.t()
        return logits if want_logits else logits.argmax(-1)

    def set_positions(self, prefill_len=None, decode_pos=None):
        if prefill_len is not None:
            self._cs_prefill = self.cos_sin(torch.arange(prefill_len, device=self.device))
        if decode_pos is not None:
            cos, sin = self.cos_sin(torch.tensor([decode_pos], device=self.device))
            self._cs_decode = (cos[:, None, :], sin[:, None, :])  # broadcast over (B, heads, hd)


# ----------------------------------------------------------------------------------------------
# Timing
# ----------------------------------------------------------------------------------------------

class Timer:
    def __init__(self, device):
        self.cuda = device.type == "cuda"

    def sync(self):
        if self.cuda:
            torch.cuda.synchronize()

    def time(self, fn, repeats, warmup=3):
        """Median and spread of fn's time over repeats, after warm-up (CUDA events on a GPU)."""
        for _ in range(warmup):
            fn()
        self.sync()
        ts = []
        for _ in range(repeats):
            if self.cuda:
                a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
                a.record()
                fn()
                b.record()
                b.synchronize()
                ts.append(a.elapsed_time(b) / 1e3)
            else:
                t0 = time.perf_counter()
                fn()
                ts.append(time.perf_counter() - t0)
        ts.sort()
        return {"medianS": ts[len(ts) // 2], "minS": ts[0], "maxS": ts[-1], "repeats": repeats}

    def host_time(self, fn, n=5):
        """Host (CPU) time to issue fn's kernels without waiting for them: the eager launch cost."""
        self.sync()
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        t1 = time.perf_counter()
        self.sync()
        return (t1 - t0) / n

    def graph(self, fn):
        """Capture fn in a CUDA graph (after side-stream warm-up); returns its replay function."""
        s = torch.cuda.Stream()
        s.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(s):
            for _ in range(2):
                fn()
        torch.cuda.current_stream().wait_stream(s)
        g = torch.cuda.CUDAGraph()
        with torch.cuda.graph(g):
            fn()
        return g


def repeats_for(est_s, budget=0.25, lo=5, hi=30):
    return int(min(hi, max(lo, math.ceil(budget / max(est_s, 1e-6)))))


# ----------------------------------------------------------------------------------------------
# The run
# ----------------------------------------------------------------------------------------------

class Run:
    def __init__(self, out, device, budget_s):
        self.out, self.device, self.t = out, device, Timer(device)
        self.deadline = time.monotonic() + budget_s
        self.records, self.skipped = [], []
        os.makedirs(out, exist_ok=True)
        self.log = open(os.path.join(out, "results.jsonl"), "w")
        self.capacity = torch.cuda.get_device_properties(0).total_memory if device.type == "cuda" else 8 * 2**30

    def left(self):
        return self.deadline - time.monotonic()

    def emit(self, rec):
        self.records.append(rec)
        self.log.write(json.dumps(rec) + "\n")
        self.log.flush()
        keys = ("kind", "model", "batch", "context", "promptTokens", "chunk", "decodeSeqs", "graph")
        print(" ".join(f"{k}={rec[k]}" for k in keys if k in rec), f"{rec.get('medianS', 0) * 1e3:.3f} ms", flush=True)

    def skip(self, what, why):
        self.skipped.append({**what, "why": why})
        print("skip", what, why, flush=True)

    def peak_reset(self):
        if self.device.type == "cuda":
            torch.cuda.empty_cache()
            torch.cuda.reset_peak_memory_stats()

    def peak(self):
        return torch.cuda.max_memory_allocated() if self.device.type == "cuda" else 0

    def fits(self, need_bytes):
        return need_bytes <= 0.92 * self.capacity

    # -- ceilings --------------------------------------------------------------------------------
    def ceilings(self, small):
        dev = self.device
        n = (1 << 12) if small else (1 << 31)  # 4 GiB of bf16 on the GPU
        a = torch.empty(n, device=dev, dtype=DT).normal_()
        b = torch.empty_like(a)
        r = self.t.time(lambda: b.copy_(a), repeats=20)
        self.emit({"kind": "copy", "bytesMoved": 2 * a.numel() * 2, **r, "bytesPerS": 2 * a.numel() * 2 / r["medianS"]})
        del a, b
        for m in ([64] if small else [4096, 8192]):
            x = torch.randn(m, m, device=dev, dtype=DT)
            y = torch.randn(m, m, device=dev, dtype=DT)
            r = self.t.time(lambda: x @ y, repeats=20)
            self.emit({"kind": "matmul", "dtype": "bf16", "m": m, "n": m, "k": m, **r, "flopsPerS": 2 * m**3 / r["medianS"]})
        # GEMV-like decode matmul: 1 row against an 8B-sized FFN weight (bandwidth-bound).
        k_, n_ = (64, 128) if small else (4096, 2 * 14336)
        w = torch.randn(k_, n_, device=dev, dtype=DT)
        v = torch.randn(1, k_, device=dev, dtype=DT)
        r = self.t.time(lambda: v @ w, repeats=30)
        self.emit({"kind": "gemv", "dtype": "bf16", "k": k_, "n": n_, **r, "bytesPerS": w.numel() * 2 / r["medianS"]})
        del w, v
        if dev.type == "cuda" and hasattr(torch, "_scaled_mm"):
            m = 8192
            try:
                x8 = torch.randn(m, m, device=dev).to(torch.float8_e4m3fn)
                y8 = torch.randn(m, m, device=dev).to(torch.float8_e4m3fn).t()  # column-major B
                one = torch.ones((), device=dev)
                f = lambda: torch._scaled_mm(x8, y8, scale_a=one, scale_b=one, out_dtype=DT)
                r = self.t.time(f, repeats=20)
                self.emit({"kind": "matmul", "dtype": "fp8", "m": m, "n": m, "k": m, **r, "flopsPerS": 2 * m**3 / r["medianS"]})
            except Exception as e:  # noqa: BLE001 - record why fp8 is absent
                self.skip({"kind": "matmul", "dtype": "fp8"}, f"torch._scaled_mm failed: {e!r}"[:300])
        # Small-kernel launch cost: N one-element adds, eager and from a CUDA graph.
        t1 = torch.zeros(1, device=dev)
        N = 2000

        def many():
            for _ in range(N):
                t1.add_(1.0)

        r = self.t.time(many, repeats=5, warmup=1)
        self.emit({"kind": "launch", "graph": False, "kernels": N, **r, "perKernelS": r["medianS"] / N})
        if dev.type == "cuda":
            g = self.t.graph(many)
            r = self.t.time(g.replay, repeats=10, warmup=2)
            self.emit({"kind": "launch", "graph": True, "kernels": N, **r, "perKernelS": r["medianS"] / N})
            del g

    # -- decode ----------------------------------------------------------------------------------
    def decode(self, model, batches, contexts, graphs=True):
        c = model.cfg
        kv_tok = 2 * c.layers * c.kv_heads * c.head_dim * 2
        wbytes = model.weight_bytes()
        for T in contexts:
            for B in batches:
                what = {"kind": "decode", "model": c.name, "batch": B, "context": T}
                need = wbytes + B * (T + 1) * kv_tok + B * c.vocab * 4 + 64 * 2**20
                if not self.fits(need):
                    self.skip(what, f"needs ~{need / 1e9:.0f} GB (weights + KV for {B}×{T + 1} tokens) of {self.capacity / 1e9:.0f} GB")
                    continue
                if self.left() < 5:
                    self.skip(what, "time budget spent")
                    continue
                self.peak_reset()
                caches = model.new_cache(B, T + 1)
                tokens = torch.randint(0, c.vocab, (B,), device=self.device)
                model.set_positions(decode_pos=T)
                step = lambda: model.decode_step(tokens, caches, T)
                est = (wbytes + B * T * kv_tok) / 3e12
                host = self.t.host_time(step, n=3)
                r = self.t.time(step, repeats_for(est))
                rec = {**what, "graph": False, **r, "hostIssueS": host, "peakBytes": self.peak(),
                       "weightBytes": wbytes, "kvBytesRead": B * (T + 1) * kv_tok}
                self.emit(rec)
                if graphs and self.device.type == "cuda":
                    g = self.t.graph(step)
                    r = self.t.time(g.replay, repeats_for(est, lo=10))
                    self.emit({**rec, "graph": True, **r, "hostIssueS": None, "peakBytes": self.peak()})
                    del g
                del caches

    # -- prefill ---------------------------------------------------------------------------------
    def prefill(self, model, shapes, graph_max_tokens=2048):
        c = model.cfg
        kv_tok = 2 * c.layers * c.kv_heads * c.head_dim * 2
        wbytes = model.weight_bytes()
        for B, S in shapes:
            what = {"kind": "prefill", "model": c.name, "batch": B, "promptTokens": S}
            act = B * S * (c.d_model * 4 + 3 * c.d_ff + (c.heads + 2 * c.kv_heads) * c.head_dim) * 2
            need = wbytes + B * S * kv_tok + act + 256 * 2**20
            if not self.fits(need):
                self.skip(what, f"needs ~{need / 1e9:.0f} GB")
                continue
            if self.left() < 8:
                self.skip(what, "time budget spent")
                continue
            self.peak_reset()
            caches = model.new_cache(B, S)
            tokens = torch.randint(0, c.vocab, (B, S), device=self.device)
            model.set_positions(prefill_len=S)
            step = lambda: model.prefill(tokens, caches)
            est = 2 * wbytes / 2 * B * S / 5e14 + 4 * c.layers * c.heads * c.head_dim * B * S * S / 2 / 4e14
            r = self.t.time(step, repeats_for(est, budget=0.6, lo=3, hi=15), warmup=2)
            rec = {**what, "graph": False, **r, "peakBytes": self.peak(), "weightBytes": wbytes}
            self.emit(rec)
            if self.device.type == "cuda" and B * S <= graph_max_tokens:
                g = self.t.graph(step)
                r = self.t.time(g.replay, repeats_for(est, lo=10))
                self.emit({**rec, "graph": True, **r, "peakBytes": self.peak()})
                del g
            del caches

    # -- mixed iterations ------------------------------------------------------------------------
    def mixed(self, model, chunks, decode_seqs, context):
        c = model.cfg
        kv_tok = 2 * c.layers * c.kv_heads * c.head_dim * 2
        wbytes = model.weight_bytes()
        for C in chunks:
            for D in decode_seqs:
                what = {"kind": "mixed", "model": c.name, "chunk": C, "decodeSeqs": D, "context": context}
                if self.left() < 5:
                    self.skip(what, "time budget spent")
                    continue
                self.peak_reset()
                pc = model.new_cache(1, C)
                dc = model.new_cache(D, context + 1)
                ct = torch.randint(0, c.vocab, (C,), device=self.device)
                dt = torch.randint(0, c.vocab, (D,), device=self.device)
                model.set_positions(prefill_len=C, decode_pos=context)
                step = lambda: model.mixed_step(ct, dt, pc, dc, context)
                est = (wbytes + D * context * kv_tok) / 3e12 + 2 * wbytes / 2 * (C + D) / 5e14
                r = self.t.time(step, repeats_for(est))
                rec = {**what, "graph": False, **r, "peakBytes": self.peak(), "weightBytes": wbytes,
                       "kvBytesRead": D * (context + 1) * kv_tok}
                self.emit(rec)
                if self.device.type == "cuda":
                    g = self.t.graph(step)
                    r = self.t.time(g.replay, repeats_for(est, lo=10))
                    self.emit({**rec, "graph": True, **r, "peakBytes": self.peak()})
                    del g
                del pc, dc


def self_check(cfg, device):
    """The pieces compute one function: prefill of S+1 tokens gives the logits of prefill of S then
    a decode step at position S, and a mixed iteration gives both (up to bf16 rounding)."""
    m = Model(cfg, device)
    S, B = 12, 3
    toks = torch.randint(0, cfg.vocab, (B, S + 1), device=device)
    rel = lambda a, b: ((a.float() - b.float()).norm() / b.float().norm()).item()
    c_full = m.new_cache(B, S + 1)
    m.set_positions(prefill_len=S + 1)
    ref = m.prefill(toks, c_full, want_logits=True)
    c = m.new_cache(B, S + 1)
    m.set_positions(prefill_len=S)
    m.prefill(toks[:, :S], c)
    m.set_positions(decode_pos=S)
    got = m.decode_step(toks[:, S], c, S, want_logits=True)
    e1 = rel(got, ref)
    # Mixed: chunk = sequence 0's whole prompt; decode rows = sequences 1..B-1 at position S.
    pc = m.new_cache(1, S + 1)
    m.set_positions(prefill_len=S + 1, decode_pos=S)
    mixed = m.mixed_step(toks[0], toks[1:, S], pc, [(k[1:], v[1:]) for k, v in c], S, want_logits=True)
    e2 = rel(mixed, ref)
    print(f"self-check ({cfg.name}): prefill+decode vs prefill {e1:.2e}, mixed vs prefill {e2:.2e}", flush=True)
    # The CPU paths are exact (a wrong RoPE position gives 7e-3, a wrong GQA grouping 1e-2); on
    # the GPU, prefill and decode run different bf16 kernels, so only a gross error fails.
    tol = 1e-3 if device.type == "cpu" else 0.1
    if not (e1 < tol and e2 < tol):
        sys.exit("self-check failed: the decode or mixed path does not compute what prefill computes")
    return {"model": cfg.name, "prefillDecodeRelErr": e1, "mixedRelErr": e2}


def environment(device):
    env = {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "cudaRuntime": torch.version.cuda,
        "host": platform.node(),
        "startedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    if device.type == "cuda":
        p = torch.cuda.get_device_properties(0)
        env.update({
            "device": torch.cuda.get_device_name(0),
            "memoryBytes": p.total_memory,
            "multiprocessors": p.multi_processor_count,
            "capability": f"{p.major}.{p.minor}",
            "cudnn": torch.backends.cudnn.version(),
            "flashSdp": torch.backends.cuda.flash_sdp_enabled(),
        })
        try:
            q = "driver_version,clocks.max.sm,clocks.max.mem,power.limit"
            env["nvidiaSmi"] = subprocess.run(["nvidia-smi", f"--query-gpu={q}", "--format=csv,noheader"],
                                              capture_output=True, text=True, timeout=20).stdout.strip()
            env["driver"] = env["nvidiaSmi"].split(",")[0].strip()
        except Exception as e:  # noqa: BLE001
            env["driver"] = f"unknown ({e!r})"
    else:
        env["device"] = "cpu (shape check only)"
    return env


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.environ.get("OUT", "calibration/out"))
    ap.add_argument("--budget-s", type=float, default=300)
    ap.add_argument("--cpu-check", action="store_true", help="tiny config on the CPU: checks syntax and shapes")
    ap.add_argument("--only", default="", help="comma list of sections: ceilings,decode,prefill,mixed,contrast")
    a = ap.parse_args()

    small = a.cpu_check
    device = torch.device("cpu" if small or not torch.cuda.is_available() else "cuda")
    if device.type == "cpu" and not small:
        sys.exit("no CUDA device: use --cpu-check for a shape check")
    torch.backends.cuda.matmul.allow_tf32 = False
    run = Run(a.out, device, a.budget_s)
    env = environment(device)
    env["sdpa"] = probe_sdpa(device)
    print(json.dumps(env), flush=True)
    only = set(filter(None, a.only.split(",")))
    want = lambda s: not only or s in only
    t0 = time.monotonic()

    if small:
        models = {"main": [TINY], "contrast": [replace(TINY, name="tiny-mqa", kv_heads=1)]}
        batches, contexts = [1, 4], [8, 32]
        pshapes, chunks, dseqs, mctx = [(1, 16), (2, 32)], [8, 16], [2, 4], 32
        cbatches, ccontexts = [1, 4], [32]
    else:
        models = {"main": [LLAMA_8B, LLAMA_1B], "contrast": [LLAMA_8B_MQA, LLAMA_8B_MHA]}
        batches, contexts = [1, 2, 4, 8, 16, 32, 64, 128, 256], [512, 2048, 8192]
        pshapes = [(1, 128), (1, 512), (1, 2048), (1, 8192), (4, 512), (4, 2048), (16, 512), (2, 8192)]
        chunks, dseqs, mctx = [256, 1024, 2048], [16, 32, 64, 128], 2048
        cbatches, ccontexts = [1, 16, 64], [2048, 8192]

    env["selfCheck"] = [self_check(models["contrast"][0] if small else replace(LLAMA_1B, layers=2), device),
                        self_check(models["main"][0] if small else replace(LLAMA_8B, layers=2), device)]
    if want("ceilings"):
        run.ceilings(small)
    for cfg in models["main"]:
        if not (want("decode") or want("prefill") or want("mixed")):
            break
        if run.left() < 10:
            run.skip({"model": cfg.name}, "time budget spent")
            continue
        m = Model(cfg, device)
        if want("decode"):
            run.decode(m, batches, contexts)
        if want("prefill"):
            run.prefill(m, pshapes)
        if want("mixed"):
            run.mixed(m, chunks, dseqs, mctx)
        del m
        run.peak_reset()
    if want("contrast"):
        for cfg in models["contrast"]:
            if run.left() < 10:
                run.skip({"model": cfg.name}, "time budget spent")
                continue
            m = Model(cfg, device)
            run.decode(m, cbatches, ccontexts)
            del m
            run.peak_reset()

    env["wallS"] = time.monotonic() - t0
    cfgs = {c.name: asdict(c) for group in models.values() for c in group}
    doc = {"environment": env, "models": cfgs, "measurements": run.records, "skipped": run.skipped}
    with open(os.path.join(a.out, "measurements.json"), "w") as f:
        json.dump(doc, f, indent=1)
    print(f"done: {len(run.records)} measurements, {len(run.skipped)} skipped, {env['wallS']:.1f} s", flush=True)


if __name__ == "__main__":
    main()
