#!/usr/bin/env python3
"""Reference timings for `sdstereo bench`: the same Stable Diffusion work done by diffusers.

Builds the full-size SD 1.5 and SD 2.1 networks with random weights (speed does not
depend on the values, so nothing is downloaded) from the configs written below, and
times what `sdstereo bench --sections sd` times:

  text_encode        CLIP text encoder, batch 2 (prompt + negative prompt), 77 tokens
  unet_step@S        one denoising step at SxS: UNet on batch 2 (CFG), guidance, DDIM step
  vae_decode@S       VAE decode of one SxS image
  txt2img@S          whole txt2img at SxS: text encode, N DDIM steps with CFG, decode, to 8-bit

Diffusers and the CLIP text model are imported from PYTHONPATH (see BENCHMARKS.md for
the set-up: diffusers v0.25.1 sources in .ref/, never committed). The txt2img loop is
the one StableDiffusionPipeline.__call__ runs, written out so that no tokenizer or
safety checker is needed. Prints one JSON object (and writes it to --out).

Usage:
  PYTHONPATH=.ref python3 scripts/bench_reference.py --device cpu --threads 2 --out ref.json
  PYTHONPATH=.ref python3 scripts/bench_reference.py --device cuda --out ref-cuda.json
"""
import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time

# ---- configs (diffusers/transformers config.json of the published checkpoints) ----------
UNET_COMMON = {
    "act_fn": "silu", "block_out_channels": [320, 640, 1280, 1280], "center_input_sample": False,
    "down_block_types": ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"],
    "downsample_padding": 1, "flip_sin_to_cos": True, "freq_shift": 0, "in_channels": 4, "layers_per_block": 2,
    "mid_block_scale_factor": 1, "norm_eps": 1e-5, "norm_num_groups": 32, "out_channels": 4,
    "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"],
}
VAE = {
    "act_fn": "silu", "block_out_channels": [128, 256, 512, 512],
    "down_block_types": ["DownEncoderBlock2D"] * 4, "up_block_types": ["UpDecoderBlock2D"] * 4,
    "in_channels": 3, "out_channels": 3, "latent_channels": 4, "layers_per_block": 2, "norm_num_groups": 32,
    "sample_size": 512, "scaling_factor": 0.18215,
}
SCHEDULER = {
    "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear", "clip_sample": False,
    "set_alpha_to_one": False, "steps_offset": 1, "num_train_timesteps": 1000,
}
MODELS = {
    # runwayml/stable-diffusion-v1-5
    "sd15": {
        "unet": dict(UNET_COMMON, attention_head_dim=8, cross_attention_dim=768, sample_size=64),
        "text": {"hidden_size": 768, "intermediate_size": 3072, "num_attention_heads": 12, "num_hidden_layers": 12,
                 "hidden_act": "quick_gelu", "max_position_embeddings": 77, "vocab_size": 49408},
        "scheduler": dict(SCHEDULER, prediction_type="epsilon"),
    },
    # stabilityai/stable-diffusion-2-1 (OpenCLIP-H text tower with its last layer dropped: 23 layers)
    "sd21": {
        "unet": dict(UNET_COMMON, attention_head_dim=[5, 10, 20, 20], cross_attention_dim=1024,
                     use_linear_projection=True, upcast_attention=True, sample_size=96),
        "text": {"hidden_size": 1024, "intermediate_size": 4096, "num_attention_heads": 16, "num_hidden_layers": 23,
                 "hidden_act": "gelu", "max_position_embeddings": 77, "vocab_size": 49408},
        "scheduler": dict(SCHEDULER, prediction_type="v_prediction"),
    },
}
# stabilityai/stable-diffusion-xl-base-1.0 unet/config.json: only the UNet is timed (unet_step@S,
# batch 2 with CFG, the added conditioning of pooled text embeddings and 6 size ids included). The same file is
# compiled into `sdstereo bench --only sdxl`, so both sides time one configuration.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench_configs", "sdxl_base_unet.json")) as f:
    SDXL_UNET = {k: v for k, v in json.load(f).items() if not k.startswith("_")}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--threads", type=int, default=0, help="CPU threads (default: all cores, as sdstereo)")
    p.add_argument("--models", default="sd15,sd21", help="comma list of sd15, sd21, sdxl (sdxl: the UNet step only)")
    p.add_argument("--sizes", default="", help="comma list; default 512 on cuda, 256,512 on cpu")
    p.add_argument("--steps", type=int, default=0, help="txt2img steps; default 20 on cuda, 4 on cpu")
    p.add_argument("--repeats", type=int, default=0, help="timed runs per measurement (median)")
    p.add_argument("--quick", action="store_true", help="smoke run: sd15 at 256 only, 1 repeat, 2 steps")
    p.add_argument("--out", default="")
    p.add_argument("--profile", default="", help="write per-operator times of one UNet step to PREFIX.MODEL.SIZE.txt")
    p.add_argument("--dtypes", default="", help="comma list of float32, bfloat16, float16 (default: float16 on cuda, "
                   "float32 on cpu); results of a dtype other than the default get keys ending in ':<dtype>'")
    p.add_argument("--no-txt2img", action="store_true", help="time the parts only (text encode, UNet step, decode)")
    a = p.parse_args()
    cuda = a.device == "cuda"
    if a.quick:
        a.models, a.sizes, a.steps, a.repeats = a.models.split(",")[0], a.sizes or "256", a.steps or 2, a.repeats or 1
    a.sizes = [int(s) for s in (a.sizes or ("512" if cuda else "256,512")).split(",")]
    a.steps = a.steps or (20 if cuda else 4)
    a.repeats = a.repeats or (10 if cuda else 3)
    a.threads = a.threads or int(os.environ.get("SDSTEREO_THREADS", "0") or 0) or os.cpu_count()
    a.dtypes = (a.dtypes or ("float16" if cuda else "float32")).split(",")
    return a


ARGS = parse_args()

import torch  # noqa: E402  (after argument parsing so --help is fast)
import diffusers.utils.import_utils as diffusers_imports  # noqa: E402
# The UNet and VAE need no transformers; diffusers v0.25.1 would import it for its
# LoRA helpers (and peft) when installed, and a transformers built for a newer huggingface_hub
# than the one .ref/ puts first fails there (GPU machines).
diffusers_imports._transformers_available = diffusers_imports._peft_available = False
import diffusers.utils  # noqa: E402
diffusers.utils.USE_PEFT_BACKEND = diffusers.utils.constants.USE_PEFT_BACKEND = False  # (peft imports transformers)
from diffusers import AutoencoderKL, DDIMScheduler, UNet2DConditionModel  # noqa: E402

try:  # real transformers when installed (GPU machines); else the .ref/ text path of it
    from transformers import CLIPTextConfig, CLIPTextModel  # noqa: E402
    TEXT_SOURCE = "transformers"
except Exception:  # noqa: BLE001  not only ImportError: a transformers built for another huggingface_hub than
    # the one .ref/ puts first (diffusers v0.25.1 needs hub 0.20) fails in its own ways at import
    try:
        from transformers_clip import CLIPTextConfig, CLIPTextModel  # noqa: E402
        TEXT_SOURCE = "transformers modeling_clip text path (local framework stand-in)"
    except ImportError:
        from clip_text_plain import CLIPTextConfig, CLIPTextModel  # noqa: E402
        TEXT_SOURCE = "plain PyTorch CLIP text transformer (scripts/clip_text_plain.py; no transformers here)"

DEVICE = torch.device(ARGS.device)
DEFAULT_DTYPE = "float16" if ARGS.device == "cuda" else "float32"
DTYPE = getattr(torch, DEFAULT_DTYPE)  # the dtype of the model being timed (run_model sets it)
torch.set_num_threads(ARGS.threads)


# ---- measuring ------------------------------------------------------------------------------
def sync():
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()


def reset_peak():
    gc.collect()
    if DEVICE.type == "cuda":
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
    else:
        try:  # Linux: "5" resets the peak resident set size (VmHWM) of this process
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass


def peak_mb():
    if DEVICE.type == "cuda":
        return torch.cuda.max_memory_allocated() / 2**20
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(fn, repeats, warmup=1):
    """Median wall time in ms over `repeats` runs after `warmup` runs, and the peak memory."""
    for _ in range(warmup):
        fn()
    sync()
    reset_peak()
    times, cpu = [], []
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        sync()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    # cpu_ms: CPU time of all threads (user + sys), less sensitive than wall time to other load on the machine.
    return {"ms": statistics.median(times), "runs_ms": [round(t, 1) for t in times],
            "cpu_ms": round(statistics.median(cpu), 1), "peak_mb": round(peak_mb(), 1)}


# ---- the work -------------------------------------------------------------------------------
def build(cfg):
    torch.manual_seed(0)
    text_cfg = CLIPTextConfig(**cfg["text"])
    if DEVICE.type == "cuda":
        text_cfg._attn_implementation = "sdpa"
    text = CLIPTextModel(text_cfg).eval()
    unet = UNet2DConditionModel(**cfg["unet"]).eval()
    vae = AutoencoderKL(**VAE).eval()
    return [m.to(DEVICE, DTYPE) for m in (text, unet, vae)]


def tokens(batch):
    # BOS, a few words, EOS, padding: the shape the tokenizer gives (values do not change speed).
    ids = torch.full((batch, 77), 49407, dtype=torch.long)
    ids[:, 0] = 49406
    ids[:, 1:8] = torch.arange(320, 327)
    return ids.to(DEVICE)


def run_model(name, cfg):
    text, unet, vae = build(cfg)
    suffix = "" if DTYPE == getattr(torch, DEFAULT_DTYPE) else ":" + str(DTYPE).split(".")[-1]
    scheduler = DDIMScheduler(**cfg["scheduler"])
    ids = tokens(2)
    guidance = 7.5
    out = {}

    def encode():
        return text(ids).last_hidden_state  # [2, 77, D]

    with torch.inference_mode():
        out["text_encode" + suffix] = measure(encode, ARGS.repeats)
        context = encode()
        for size in ARGS.sizes:
            h = w = size // 8
            scheduler.set_timesteps(ARGS.steps, device=DEVICE)
            t = scheduler.timesteps[0]
            latents = torch.randn(1, 4, h, w, device=DEVICE, dtype=DTYPE)

            def step():
                x = scheduler.scale_model_input(torch.cat([latents] * 2), t)
                noise = unet(x, t, encoder_hidden_states=context).sample
                uncond, cond = noise.chunk(2)
                noise = uncond + guidance * (cond - uncond)
                return scheduler.step(noise, t, latents).prev_sample

            out[f"unet_step@{size}{suffix}"] = measure(step, ARGS.repeats)
            if ARGS.profile:  # per-operator CPU totals of one step
                with torch.autograd.profiler.profile() as prof:
                    step()
                with open(f"{ARGS.profile}.{name}.{size}.txt", "w") as f:
                    f.write(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=40))

            def decode():
                img = vae.decode(latents / VAE["scaling_factor"]).sample
                return img

            out[f"vae_decode@{size}{suffix}"] = measure(decode, ARGS.repeats)

            if ARGS.no_txt2img:
                print(f"# {name} {size} {DTYPE}: step {out[f'unet_step@{size}{suffix}']['ms']:.0f} ms, "
                      f"decode {out[f'vae_decode@{size}{suffix}']['ms']:.0f} ms", file=sys.stderr, flush=True)
                continue
            loop_ms = []

            def txt2img():
                # StableDiffusionPipeline.__call__ (diffusers v0.25.1), tokenizer and safety checker aside.
                prompt_embeds = text(ids).last_hidden_state  # negative + positive prompt, one batch
                scheduler.set_timesteps(ARGS.steps, device=DEVICE)
                x = torch.randn(1, 4, h, w, device=DEVICE, dtype=DTYPE) * scheduler.init_noise_sigma
                sync()
                t0 = time.perf_counter()
                for ti in scheduler.timesteps:
                    xin = scheduler.scale_model_input(torch.cat([x] * 2), ti)
                    noise = unet(xin, ti, encoder_hidden_states=prompt_embeds).sample
                    uncond, cond = noise.chunk(2)
                    noise = uncond + guidance * (cond - uncond)
                    x = scheduler.step(noise, ti, x).prev_sample
                sync()
                loop_ms.append((time.perf_counter() - t0) * 1000)
                img = vae.decode(x / VAE["scaling_factor"]).sample
                img = (img / 2 + 0.5).clamp(0, 1)
                return (img.permute(0, 2, 3, 1).float() * 255).round().to(torch.uint8).cpu()

            warm = 1 if DEVICE.type == "cuda" else 0  # on CPU the runs above warmed everything up
            r = measure(txt2img, max(1, ARGS.repeats - 1) if DEVICE.type == "cpu" else ARGS.repeats, warm)
            loop = statistics.median(loop_ms[warm:])
            r.update(steps=ARGS.steps, loop_ms=round(loop, 1), steps_per_s=round(ARGS.steps / (loop / 1000), 3))
            out[f"txt2img@{size}{suffix}"] = r
            print(f"# {name} {size}: step {out[f'unet_step@{size}{suffix}']['ms']:.0f} ms, "
                  f"txt2img {r['ms']:.0f} ms", file=sys.stderr, flush=True)
    del text, unet, vae
    gc.collect()
    return out


def run_sdxl():
    torch.manual_seed(0)
    unet = UNet2DConditionModel(**SDXL_UNET).eval().to(DEVICE, DTYPE)
    suffix = "" if DTYPE == getattr(torch, DEFAULT_DTYPE) else ":" + str(DTYPE).split(".")[-1]
    context = torch.randn(2, 77, 2048, device=DEVICE, dtype=DTYPE)
    added = {"text_embeds": torch.randn(2, 1280, device=DEVICE, dtype=DTYPE),
             "time_ids": torch.tensor([[1024.0, 1024.0, 0.0, 0.0, 1024.0, 1024.0]] * 2, device=DEVICE, dtype=DTYPE)}
    out = {}
    with torch.inference_mode():
        for size in ARGS.sizes:
            x = torch.randn(2, 4, size // 8, size // 8, device=DEVICE, dtype=DTYPE)
            out[f"unet_step@{size}{suffix}"] = r = measure(
                lambda: unet(x, 901, encoder_hidden_states=context, added_cond_kwargs=added).sample, ARGS.repeats)
            print(f"# sdxl {size} {DTYPE}: step {r['ms']:.0f} ms", file=sys.stderr, flush=True)
    del unet
    gc.collect()
    return out


def machine():
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    line = f"CPU: {cpu} ({os.cpu_count()} cores, {torch.get_num_threads()} threads)"
    if DEVICE.type == "cuda":
        line += f", GPU: {torch.cuda.get_device_name(0)}"
    return line


def main():
    import diffusers
    report = {
        "tool": "diffusers", "diffusers": diffusers.__version__, "torch": torch.__version__,
        "text_encoder": TEXT_SOURCE, "machine": machine(), "device": ARGS.device, "dtype": DEFAULT_DTYPE,
        "dtypes": ARGS.dtypes,
        "threads": torch.get_num_threads(), "steps": ARGS.steps, "sizes": ARGS.sizes, "results": {},
    }
    global DTYPE
    for name in ARGS.models.split(","):
        report["results"][name] = {}
        for dtype in ARGS.dtypes:
            DTYPE = getattr(torch, dtype)
            report["results"][name].update(run_sdxl() if name == "sdxl" else run_model(name, MODELS[name]))
    text = json.dumps(report, indent=1)
    print(text)
    if ARGS.out:
        with open(ARGS.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
