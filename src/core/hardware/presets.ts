/**
 * Built-in accelerators. Values are copied (as data) from shared/reference/hardware.md; its source
 * keys ([N1]…, [A1]…, [G1]…, [R1]…, [C1]…) are spelled out briefly in each preset's `source`.
 *
 * Units: SI and unscaled. memoryBytes = the vendor "GB" label read as GiB (hardware.md units note:
 * HBM/GDDR labels are binary in practice); bandwidths in bytes/s, ONE direction per chip; peakFlops
 * dense (no 2:4 sparsity) FLOP/s (or OP/s for int8). GeForce bf16/fp16 = the FP32-accumulate rate.
 */
import type { HardwareSpec } from "../types";

export type Vendor = "nvidia" | "amd" | "google" | "apple" | "intel";

/** A built-in accelerator: one chip's spec plus how many chips a default scenario uses. */
export interface HardwarePreset {
  id: string;
  vendor: Vendor;
  spec: Omit<HardwareSpec, "chips">;
  defaultChips: number;
  source: string;
  notes?: string;
  /** Fields (dotted paths into spec) whose values hardware.md marks "(?)" or flags as doubtful. */
  uncertain?: string[];
}

const GiB = 2 ** 30;
const MiB = 2 ** 20;
const G = 1e9; // GB/s → bytes/s
const T = 1e12; // TFLOP/s → FLOP/s

/** PCIe x16 per-direction bandwidth (hardware.md pitfall 5: Gen4 ≈ 32 GB/s, Gen5 ≈ 64 GB/s). */
const PCIE4 = 32 * G;
const PCIE5 = 64 * G;

/** 400 Gb/s InfiniBand/RoCE NIC per GPU, one direction. */
const IB400 = 50 * G;
/** 200 Gb/s HDR InfiniBand per GPU (DGX A100), one direction. */
const IB200 = 25 * G;

/**
 * TPU matrix units (MXU, 128×128 systolic) spend ~128 cycles filling and draining per pass; with
 * double buffering half of that shows: a matmul of M token rows runs at M / (M + 64) of its rate.
 * PaLM 62B's batch-512 decode then lands at ~0.43 MFU against 0.37 measured (Pope et al. Table 3)
 * and 540B int8 at batch 64 stays weight-bound as measured; without it 62B lands at 0.52.
 */
const MXU_ROWS_HALF = 64;
/**
 * ICI collectives under XLA: 3 µs + 5 µs per hop. With Pope et al.'s 2D layout that is ~170 µs per
 * layer on 64 chips, which separates PaLM 540B's measured 28.5/36.9 ms per token (int8/bf16, batch
 * 64) from its 7.2/14.3 ms weight floor (Pope et al. §4.4: the int8–bf16 gap equals the weight-load
 * gap, so the rest is a fixed additive cost), and PaLM 62B's 11.4 ms on 16 chips.
 */
const ICI_LATENCY = { baseS: 3e-6, perStepS: 5e-6 };

const R1 = "ai-dynamo/aiconfigurator system presets (NVIDIA)";
const R3 = "stas00/ml-engineering accelerator and network chapters";

export const HARDWARE_PRESETS: readonly HardwarePreset[] = [
  // --- NVIDIA data-center ---
  {
    id: "v100",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA V100 SXM2 32GB",
      memoryBytes: 32 * GiB,
      memoryBandwidth: 900 * G,
      peakFlops: { fp16: 125 * T },
      interconnectBandwidth: 150 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: 12.5 * G,
      powerWatts: 300,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: `[N1] NVIDIA V100 datasheet; [R2] cli99/llm-analysis gpu_configs; [R3] ${R3}; [R5] NVLink generations table`,
    notes:
      "FP16 tensor cores only (no BF16; bf16 math runs at the fp16 rate). INT8 has no tensor-core speed-up (~62 TOPS via DP4A), so none is listed. NVLink 2: 300 GB/s bidirectional = 150 per direction (DGX-1 hybrid cube-mesh, modelled as a switch). Scale-out 100 Gb/s EDR per GPU is an assumption, not from hardware.md.",
    uncertain: ["scaleOutBandwidth", "topology"],
  },
  {
    id: "a10g",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA A10G (AWS)",
      memoryBytes: 24 * GiB,
      memoryBandwidth: 600 * G,
      peakFlops: { bf16: 70 * T, fp16: 70 * T, int8: 140 * T },
      interconnectBandwidth: PCIE4,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE4,
      powerWatts: 300,
      pricePerHour: 1.006,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: "[P1] Baseten, A10 vs A10G; [R2] cli99/llm-analysis A10G preset; [C4] AWS g5.xlarge on-demand price (us-east-1, June 2026)",
    notes:
      "AWS-only part with no NVIDIA datasheet; tensor throughput from the llm-analysis preset. 300 W is what AWS instances report. Price: g5.xlarge (1 GPU + 4 vCPU).",
    uncertain: ["peakFlops.bf16", "peakFlops.fp16", "peakFlops.int8", "powerWatts"],
  },
  {
    id: "l4",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA L4",
      memoryBytes: 24 * GiB,
      memoryBandwidth: 300 * G,
      peakFlops: { bf16: 121 * T, fp16: 121 * T, fp8: 242.5 * T, int8: 242.5 * T },
      interconnectBandwidth: PCIE4,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE4,
      powerWatts: 72,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: `[N2] NVIDIA L4 product page; [R1] ${R1} l4.yaml`,
    notes: "PCIe Gen4 x16 only (no NVLink).",
  },
  {
    id: "l40s",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA L40S",
      memoryBytes: 48 * GiB,
      memoryBandwidth: 864 * G,
      peakFlops: { bf16: 362 * T, fp16: 362 * T, fp8: 733 * T, int8: 733 * T },
      interconnectBandwidth: PCIE4,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE4,
      powerWatts: 350,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: `[N3] NVIDIA L40S product page; [R1] ${R1} l40s.yaml; [R3] ${R3}`,
    notes: "PCIe Gen4 x16 only (no NVLink).",
  },
  {
    id: "a100-40gb",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA A100 40GB SXM",
      memoryBytes: 40 * GiB,
      memoryBandwidth: 1555 * G,
      peakFlops: { bf16: 312 * T, fp16: 312 * T, int8: 624 * T },
      interconnectBandwidth: 300 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB200,
      powerWatts: 400,
      sparseTensorCores: true,
      achievable: { compute: 0.87 },
    },
    defaultChips: 1,
    source: `[N4] NVIDIA A100 product page; [R4] hahnyuan/LLM-Viewer hardware params; [R3] ${R3} (MAMF 271/312)`,
    notes: "NVLink 3: 600 GB/s bidirectional = 300 per direction (12 links). No FP8. Scale-out: 200 Gb/s HDR InfiniBand per GPU (DGX A100).",
  },
  {
    id: "a100-80gb",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA A100 80GB SXM",
      memoryBytes: 80 * GiB,
      memoryBandwidth: 2039 * G,
      peakFlops: { bf16: 312 * T, fp16: 312 * T, int8: 624 * T },
      interconnectBandwidth: 300 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB200,
      powerWatts: 400,
      pricePerHour: 1.99,
      sparseTensorCores: true,
      achievable: { compute: 0.87 },
    },
    defaultChips: 1,
    source: `[N4] NVIDIA A100 product page; [R1] ${R1} a100_sxm.yaml; [R3] ${R3} (MAMF 271/312); [C2] pricegpu, H100 vs A100 cloud price (early 2026)`,
    notes: "NVLink 3: 300 GB/s per direction. No FP8. Price: midpoint of the $1.49–$2.49 neocloud range (early 2026).",
  },
  {
    id: "a100-80gb-pcie",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA A100 80GB PCIe",
      memoryBytes: 80 * GiB,
      memoryBandwidth: 1935 * G,
      peakFlops: { bf16: 312 * T, fp16: 312 * T, int8: 624 * T },
      interconnectBandwidth: PCIE4,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE4,
      powerWatts: 300,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: `[N4] NVIDIA A100 product page; [R1] ${R1} a100_pcie.yaml; [R3] ${R3}`,
    notes: "PCIe Gen4 x16 (32 GB/s per direction); an optional 2-GPU NVLink bridge (600 GB/s bidirectional) is not modelled.",
  },
  {
    id: "h100-sxm",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA H100 SXM",
      memoryBytes: 80 * GiB,
      memoryBandwidth: 3350 * G,
      peakFlops: { bf16: 989 * T, fp16: 989 * T, fp8: 1979 * T, int8: 1979 * T },
      interconnectBandwidth: 450 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB400,
      powerWatts: 700,
      pricePerHour: 2.49,
      sparseTensorCores: true,
      achievable: { compute: 0.8 },
    },
    defaultChips: 1,
    source: `[N5] NVIDIA H100 datasheet; [R1] ${R1} h100_sxm.yaml; [R3] ${R3} (MAMF 795/989); [P2] Glenn Lockwood H100 notes; [C3] computespec cloud GPU pricing (Lambda, 1 GPU); [C2] pricegpu (neocloud range)`,
    notes:
      "NVLink 4: 900 GB/s bidirectional = 450 per direction (18 links). BF16 989.4 dense. Price: Lambda $2.49 (typical neocloud range $2.49–$3.99 early 2026; AWS p5 list $12.29 per GPU, possibly stale).",
    uncertain: ["pricePerHour"],
  },
  {
    id: "h100-pcie",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA H100 PCIe",
      memoryBytes: 80 * GiB,
      memoryBandwidth: 2000 * G,
      peakFlops: { bf16: 756 * T, fp16: 756 * T, fp8: 1513 * T, int8: 1513 * T },
      interconnectBandwidth: PCIE5,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE5,
      powerWatts: 350,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: `[N5] NVIDIA H100 datasheet; [R1] ${R1} h100_pcie.yaml; [R3] ${R3}`,
    notes: "HBM2e. Power configurable 300–350 W (350 used). PCIe Gen5 x16 (64 GB/s per direction); optional NVLink bridge not modelled.",
  },
  {
    id: "h100-nvl",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA H100 NVL",
      memoryBytes: 94 * GiB,
      memoryBandwidth: 3900 * G,
      peakFlops: { bf16: 835 * T, fp16: 835 * T, fp8: 1671 * T, int8: 1671 * T },
      interconnectBandwidth: 300 * G,
      topology: "switch",
      fastDomainChips: 2,
      scaleOutBandwidth: PCIE5,
      powerWatts: 400,
      pricePerHour: 3.07,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: `[N5] NVIDIA H100 datasheet (NVL column); [R3] ${R3}; [C5] gpu.blog H100 NVL (price only, RunPod)`,
    notes:
      "Per GPU (early material quoted a bridged pair: 188 GB, 7.8 TB/s). Dense compute is half the sparse 1,671 / 3,341 figures, not confirmed from a primary source. Sold as NVLink-bridged pairs: 600 GB/s bidirectional = 300 per direction inside the pair. Power configurable 350–400 W.",
    uncertain: ["peakFlops.bf16", "peakFlops.fp16", "peakFlops.fp8", "peakFlops.int8", "pricePerHour"],
  },
  {
    id: "h200",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA H200 SXM",
      memoryBytes: 141 * GiB,
      memoryBandwidth: 4800 * G,
      peakFlops: { bf16: 989 * T, fp16: 989 * T, fp8: 1979 * T, int8: 1979 * T },
      interconnectBandwidth: 450 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB400,
      powerWatts: 700,
      pricePerHour: 10,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: `[N6] NVIDIA H200 product page; [R1] ${R1} h200_sxm.yaml; [R3] ${R3}; [R8] jax-ml/scaling-book (Google Cloud H200 price)`,
    notes: "NVLink 4: 450 GB/s per direction. Price: ~$10 per GPU-hour, Google Cloud list price (2025).",
  },
  {
    id: "b200",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA B200 (HGX)",
      memoryBytes: 180 * GiB,
      memoryBandwidth: 8000 * G,
      peakFlops: { bf16: 2250 * T, fp16: 2250 * T, fp8: 4500 * T, int8: 4500 * T, fp4: 9000 * T },
      interconnectBandwidth: 900 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB400,
      powerWatts: 1000,
      sparseTensorCores: true,
      achievable: { compute: 0.78 },
    },
    defaultChips: 1,
    source: `[N7] NVIDIA DGX B200 datasheet; [N12] NVIDIA Blackwell datasheet (HGX B200 column); [R1] ${R1} b200_sxm.yaml; [R3] ${R3} (MAMF 1,745/2,250); [R6] jax-ml/scaling-book gpus.md`,
    notes:
      "Bandwidth: 8,000 GB/s per the DGX B200 datasheet; the Blackwell datasheet prints 7,700 (aiconfigurator uses 7.7). NVLink 5: 1,800 GB/s bidirectional = 900 per direction. 1,000 W maximum TGP (DGX default set point 700 W).",
    uncertain: ["memoryBandwidth"],
  },
  {
    id: "gb200",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA GB200 NVL72 (per GPU)",
      memoryBytes: 189471 * MiB,
      memoryBandwidth: 8000 * G,
      peakFlops: { bf16: 2500 * T, fp16: 2500 * T, fp8: 5000 * T, int8: 5000 * T, fp4: 10000 * T },
      interconnectBandwidth: 900 * G,
      topology: "switch",
      fastDomainChips: 72,
      scaleOutBandwidth: IB400,
      powerWatts: 1200,
      sparseTensorCores: true,
      achievable: { compute: 0.73 },
    },
    defaultChips: 1,
    source: `[N8] NVIDIA GB200 NVL72 product page; [N12] NVIDIA Blackwell datasheet (GB200 NVL72 column); [R1] ${R1} gb200.yaml; [R3] ${R3} (MAMF 73 %)`,
    notes:
      "Per Blackwell GPU (a GB200 superchip is 1 Grace + 2 GPUs). Memory: the \"186 GB\" label is binary; nvidia-smi reports 189,471 MiB (≈185 GiB), used here as NVIDIA's estimator does. 72-GPU NVLink 5 domain, 900 GB/s per direction. Power configurable up to 1,200 W. Scale-out 400 Gb/s per GPU is an assumption.",
    uncertain: ["scaleOutBandwidth"],
  },
  // --- NVIDIA GeForce ---
  {
    id: "rtx-3090",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA GeForce RTX 3090",
      memoryBytes: 24 * GiB,
      memoryBandwidth: 936 * G,
      peakFlops: { bf16: 71 * T, fp16: 71 * T, int8: 284 * T },
      interconnectBandwidth: PCIE4,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE4,
      powerWatts: 350,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: "[N9] NVIDIA Ampere GA102 architecture whitepaper (not re-read)",
    notes:
      "bf16/fp16 = the FP32-accumulate rate (142 with FP16 accumulation). Values are recollections of the whitepaper table. An NVLink bridge (112.5 GB/s bidirectional) exists but is not modelled.",
    uncertain: ["peakFlops.bf16", "peakFlops.fp16", "peakFlops.int8"],
  },
  {
    id: "rtx-4090",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA GeForce RTX 4090",
      memoryBytes: 24 * GiB,
      memoryBandwidth: 1008 * G,
      peakFlops: { bf16: 165.2 * T, fp16: 165.2 * T, fp8: 330.3 * T, int8: 660.6 * T },
      interconnectBandwidth: PCIE4,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE4,
      powerWatts: 450,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: "[N10] NVIDIA Ada Lovelace whitepaper (not re-read); [P3] waredb and hmc-tech RTX 4090 tensor tables",
    notes: "bf16/fp16 = the FP32-accumulate rate (330.3 with FP16 accumulation). FP8 330.3 with FP32 accumulation (660.6 with FP16 accumulation).",
    uncertain: ["peakFlops.fp8"],
  },
  {
    id: "rtx-5090",
    vendor: "nvidia",
    spec: {
      name: "NVIDIA GeForce RTX 5090",
      memoryBytes: 32 * GiB,
      memoryBandwidth: 1792 * G,
      peakFlops: { bf16: 209.5 * T, fp16: 209.5 * T, fp8: 419 * T, int8: 838 * T, fp4: 1676 * T },
      interconnectBandwidth: PCIE5,
      topology: "none",
      fastDomainChips: 1,
      scaleOutBandwidth: PCIE5,
      powerWatts: 575,
      sparseTensorCores: true,
    },
    defaultChips: 1,
    source: `[N11] NVIDIA RTX 5090 product page (not re-read); [P4] Spheron and Linux Format RTX 5090 spec summaries; [R1] ${R1} rtx_5090.yaml`,
    notes:
      "Dense values are halves of NVIDIA's sparse figures. bf16/fp16 = the inferred FP32-accumulate rate (419 with FP16 accumulation); fp8 = 419 with FP32 accumulation (838 with FP16 accumulation), inferred from the GeForce pattern.",
    uncertain: ["peakFlops.bf16", "peakFlops.fp16", "peakFlops.fp8", "peakFlops.int8"],
  },
  // --- AMD Instinct ---
  {
    id: "mi250x",
    vendor: "amd",
    spec: {
      name: "AMD Instinct MI250X (OAM, 2 GCDs)",
      memoryBytes: 128 * GiB,
      memoryBandwidth: 3277 * G,
      peakFlops: { bf16: 383 * T, fp16: 383 * T, int8: 383 * T },
      interconnectBandwidth: 350 * G,
      topology: "switch",
      fastDomainChips: 4,
      scaleOutBandwidth: IB200,
      powerWatts: 500,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: `[A1] AMD Instinct MI250X product page; [R3] ${R3}; [R2] cli99/llm-analysis MI250X preset`,
    notes:
      "Vendor figures for the whole OAM. The OS sees TWO GPUs (GCDs) of 64 GB / 1,638 GB/s / ~191.5 TFLOPS each: to model what a runtime addresses, use 2 chips per OAM with half of each figure. No FP8; INT8 has no speed-up over FP16 (llm-analysis's 766 contradicts AMD). Infinity Fabric: 350 GB/s per direction all-to-all (ml-engineering's reading; AMD quotes up to 800 GB/s aggregate), 4 OAMs per node. Scale-out 200 Gb/s per OAM is an assumption. 500 W TDP (560 W peak TBP).",
    uncertain: ["interconnectBandwidth", "scaleOutBandwidth", "fastDomainChips"],
  },
  {
    id: "mi300x",
    vendor: "amd",
    spec: {
      name: "AMD Instinct MI300X",
      memoryBytes: 192 * GiB,
      memoryBandwidth: 5300 * G,
      peakFlops: { bf16: 1307.4 * T, fp16: 1307.4 * T, fp8: 2614.9 * T, int8: 2614.9 * T },
      interconnectBandwidth: 448 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB400,
      powerWatts: 750,
      sparseTensorCores: true,
      achievable: { compute: 0.6 },
    },
    defaultChips: 1,
    source: `[A2] AMD Instinct MI300X product page and platform data sheet; [R3] ${R3} (MAMF 51–68 %); [R7] abhibambhaniya/GenZ-LLM-Analyzer system configs`,
    notes:
      "Infinity Fabric: 7 links × 128 GB/s (bidirectional) = 448 GB/s per direction all-to-all, but only 64 GB/s per direction to any single peer (small TP groups see 1/7). Scale-out 400 Gb/s per GPU is an assumption.",
    uncertain: ["scaleOutBandwidth", "achievable.compute"],
  },
  {
    id: "mi325x",
    vendor: "amd",
    spec: {
      name: "AMD Instinct MI325X",
      memoryBytes: 256 * GiB,
      memoryBandwidth: 6000 * G,
      peakFlops: { bf16: 1307.4 * T, fp16: 1307.4 * T, fp8: 2614.9 * T, int8: 2614.9 * T },
      interconnectBandwidth: 448 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB400,
      powerWatts: 1000,
      sparseTensorCores: true,
      achievable: { compute: 0.6 },
    },
    defaultChips: 1,
    source: `[A3] AMD Instinct MI325X product page; [R3] ${R3} (MAMF 51–68 %)`,
    notes: "Infinity Fabric as MI300X (448 GB/s per direction all-to-all, 64 per peer). Scale-out 400 Gb/s per GPU is an assumption.",
    uncertain: ["scaleOutBandwidth", "achievable.compute"],
  },
  {
    id: "mi355x",
    vendor: "amd",
    spec: {
      name: "AMD Instinct MI355X",
      memoryBytes: 288 * GiB,
      memoryBandwidth: 8000 * G,
      peakFlops: { bf16: 2516.6 * T, fp16: 2516.6 * T, fp8: 5033 * T, int8: 5033 * T, fp4: 10066 * T },
      interconnectBandwidth: 535.5 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: IB400,
      powerWatts: 1400,
      sparseTensorCores: true,
      achievable: { compute: 0.62 },
    },
    defaultChips: 1,
    source: `[A4] AMD Instinct MI355X product page; [R3] ${R3} (MAMF 68 % of 2,300 = 62 % of 2,516.6); [P6] Tom's Hardware / The Register MI355X power; [P12] MI350 launch coverage; [P13] AMD ISSCC 2026 MI355X paper coverage`,
    notes:
      "BF16 = 2,400 MHz × 1,024 matrix cores × 512 FMA × 2 (AMD rounds to 2.5 PF). fp4 = MXFP4/MXFP6. Infinity Fabric: 7 × 153 GB/s = 535.5 GB/s per direction all-to-all, 76.5 per peer. 1,400 W TBP, liquid cooled. Scale-out 400 Gb/s per GPU is an assumption.",
    uncertain: ["scaleOutBandwidth"],
  },
  // --- Google TPU (per chip) ---
  {
    id: "tpu-v4",
    vendor: "google",
    spec: {
      name: "Google TPU v4",
      memoryBytes: 32 * GiB,
      memoryBandwidth: 1200 * G,
      peakFlops: { bf16: 275 * T, int8: 275 * T },
      interconnectBandwidth: 270 * G,
      topology: "torus",
      matmulRowsHalf: MXU_ROWS_HALF,
      collectiveLatency: ICI_LATENCY,
      fastDomainChips: 4096,
      powerWatts: 192,
      sparseTensorCores: false,
    },
    defaultChips: 4,
    source: "[G1] Google Cloud TPU v4 documentation; [R8] jax-ml/scaling-book tpus.md (per-link ICI); [R3] ml-engineering",
    notes:
      "ICI: 6 links × ~45 GB/s per direction ≈ 270 GB/s per direction per chip (scaling book; Google gives no per-chip figure). 3D mesh, 3D torus on full-cube slices; 4,096-chip pod. Power: measured 192 W max (170 mean, 90 min). No FP8. Scale-out (DCN) bandwidth not in the reference: left unset.",
    uncertain: ["interconnectBandwidth"],
  },
  {
    id: "tpu-v5e",
    vendor: "google",
    spec: {
      name: "Google TPU v5e",
      memoryBytes: 16 * GiB,
      memoryBandwidth: 819 * G,
      peakFlops: { bf16: 197 * T, int8: 394 * T },
      interconnectBandwidth: 200 * G,
      topology: "torus",
      matmulRowsHalf: MXU_ROWS_HALF,
      collectiveLatency: ICI_LATENCY,
      fastDomainChips: 256,
      pricePerHour: 1.2,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: "[G2] Google Cloud TPU v5e documentation; [R8] jax-ml/scaling-book tpus.md; [C6] AI wiki TPU v5 guide (on-demand $1.20 per chip-hour, 2026-01)",
    notes: "ICI 400 GB/s bidirectional (4 ports) = 200 per direction. 2D torus, 256-chip pod. No FP8. Power not published. INT8 393–394 TOPS.",
  },
  {
    id: "tpu-v5p",
    vendor: "google",
    spec: {
      name: "Google TPU v5p",
      memoryBytes: 95 * GiB,
      memoryBandwidth: 2765 * G,
      peakFlops: { bf16: 459 * T, fp8: 459 * T, int8: 918 * T },
      interconnectBandwidth: 600 * G,
      topology: "torus",
      matmulRowsHalf: MXU_ROWS_HALF,
      collectiveLatency: ICI_LATENCY,
      fastDomainChips: 8960,
      pricePerHour: 4.2,
      sparseTensorCores: false,
    },
    defaultChips: 4,
    source: "[G3] Google Cloud TPU v5p documentation; [G5] TPU7x comparison table; [R8] jax-ml/scaling-book tpus.md; [C6] AI wiki TPU v5 guide ($4.20 per chip-hour)",
    notes: "95 GiB usable (96 physical). ICI 1,200 GB/s bidirectional (6 ports) = 600 per direction. 3D torus, 8,960-chip pod. FP8 accepted at the BF16 rate. Power not published.",
  },
  {
    id: "tpu-v6e",
    vendor: "google",
    spec: {
      name: "Google TPU v6e (Trillium)",
      memoryBytes: 32 * GiB,
      memoryBandwidth: 1638 * G,
      peakFlops: { bf16: 918 * T, fp8: 918 * T, int8: 1836 * T },
      interconnectBandwidth: 400 * G,
      topology: "torus",
      matmulRowsHalf: MXU_ROWS_HALF,
      collectiveLatency: ICI_LATENCY,
      fastDomainChips: 256,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: "[G4] Google Cloud TPU v6e documentation; [G5] TPU7x comparison table; [R8] jax-ml/scaling-book tpus.md",
    notes: "ICI 800 GB/s bidirectional (4 ports) = 400 per direction. 2D torus, 256-chip pod. FP8 at the BF16 rate. Power not published.",
  },
  {
    id: "tpu7x",
    vendor: "google",
    spec: {
      name: "Google TPU7x (Ironwood)",
      memoryBytes: 192 * GiB,
      memoryBandwidth: 7370 * G,
      peakFlops: { bf16: 2307 * T, fp8: 4614 * T },
      interconnectBandwidth: 600 * G,
      topology: "torus",
      matmulRowsHalf: MXU_ROWS_HALF,
      collectiveLatency: ICI_LATENCY,
      fastDomainChips: 9216,
      sparseTensorCores: false,
    },
    defaultChips: 4,
    source: `[G5] Google Cloud TPU7x documentation and Ironwood performance page; [P7] Hot Chips 2025 Ironwood coverage; [R3] ${R3}`,
    notes: "HBM bandwidth \"approximately 7.37 TB/s\" (Hot Chips coverage: 7.3). ICI 1,200 GB/s bidirectional = 600 per direction, 6 neighbours. 3D torus, 9,216-chip pod. INT8 and power not published.",
  },
  // --- Apple silicon (unified memory) ---
  {
    id: "m2-ultra",
    vendor: "apple",
    spec: {
      name: "Apple M2 Ultra (76-core GPU)",
      memoryBytes: 192 * GiB,
      memoryBandwidth: 800 * G,
      peakFlops: { fp32: 27 * T, fp16: 27 * T },
      interconnectBandwidth: 5 * G,
      topology: "none",
      fastDomainChips: 1,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: "[AP1] Apple newsroom (M2 Ultra, June 2023); [P8] M2 Ultra / M4 Max bandwidth reports",
    notes:
      "GPU TFLOPS is a community estimate (cores × 128 FP32 ALUs × 2 × ~1.4 GHz); FP16 assumed at the FP32 rate. Neural Engine 31.6 TOPS not modelled. No multi-device interconnect: Thunderbolt 4 (40 Gb/s = 5 GB/s) is an assumption. Power not published.",
    uncertain: ["peakFlops.fp32", "peakFlops.fp16", "interconnectBandwidth"],
  },
  {
    id: "m3-max",
    vendor: "apple",
    spec: {
      name: "Apple M3 Max (40-core GPU)",
      memoryBytes: 128 * GiB,
      memoryBandwidth: 400 * G,
      peakFlops: { fp32: 14.3 * T, fp16: 14.3 * T },
      interconnectBandwidth: 5 * G,
      topology: "none",
      fastDomainChips: 1,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: "[AP1] Apple newsroom (M3 family, Oct 2023); [P8] bandwidth reports; [P9] per-SKU Mac bandwidth table; [P14] hmc-tech Apple GPU clock estimates",
    notes:
      "Top bin (16-core CPU / 40-core GPU); the 30-core GPU bin has 300 GB/s and max 96 GB. GPU TFLOPS estimated from a 1,398 MHz clock; FP16 assumed at the FP32 rate. Thunderbolt 4 (5 GB/s) is an assumption.",
    uncertain: ["peakFlops.fp32", "peakFlops.fp16", "interconnectBandwidth"],
  },
  {
    id: "m4-max",
    vendor: "apple",
    spec: {
      name: "Apple M4 Max (40-core GPU)",
      memoryBytes: 128 * GiB,
      memoryBandwidth: 546 * G,
      peakFlops: { fp32: 17.2 * T, fp16: 17.2 * T },
      interconnectBandwidth: 15 * G,
      topology: "none",
      fastDomainChips: 1,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: "[AP1] Apple newsroom (M4 Pro/Max, Oct 2024); [P8] M4 Max bandwidth report; [P10] M4 family comparison; [P14] hmc-tech Apple GPU clock estimates",
    notes:
      "Top bin (16-core CPU / 40-core GPU); the 32-core GPU bin has 410 GB/s and max 36 GB. GPU TFLOPS estimated from a 1,678 MHz clock; FP16 assumed at the FP32 rate. Only link: Thunderbolt 5 (~120 Gb/s ≈ 15 GB/s).",
    uncertain: ["peakFlops.fp32", "peakFlops.fp16"],
  },
  // --- Intel Gaudi ---
  {
    id: "gaudi2",
    vendor: "intel",
    spec: {
      name: "Intel Gaudi 2",
      memoryBytes: 96 * GiB,
      memoryBandwidth: 2460 * G,
      peakFlops: { bf16: 432 * T, fp16: 432 * T, fp8: 865 * T },
      interconnectBandwidth: 262.5 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: 37.5 * G,
      powerWatts: 600,
      sparseTensorCores: false,
    },
    defaultChips: 1,
    source: `[I1] Intel Gaudi 2 white paper and HLS-Gaudi2 datasheet; [R3] ${R3}`,
    notes:
      "24 × 100 GbE RoCE on chip = 300 GB/s per direction: 21 links inside an 8-card HLS-Gaudi2 node (262.5 GB/s per direction, all-to-all) and 3 for scale-out (37.5 GB/s). BF16 432 is a clock × MME geometry computation (ml-engineering). INT8 not published.",
    uncertain: ["peakFlops.bf16", "peakFlops.fp16"],
  },
  {
    id: "gaudi3",
    vendor: "intel",
    spec: {
      name: "Intel Gaudi 3 (OAM)",
      memoryBytes: 128 * GiB,
      memoryBandwidth: 3700 * G,
      peakFlops: { bf16: 1677 * T, fp16: 1677 * T, fp8: 1677 * T },
      interconnectBandwidth: 525 * G,
      topology: "switch",
      fastDomainChips: 8,
      scaleOutBandwidth: 75 * G,
      powerWatts: 900,
      sparseTensorCores: false,
      achievable: { compute: 0.74 },
    },
    defaultChips: 1,
    source: `[I2] Intel Gaudi 3 white paper; [R3] ${R3} (MAMF 74 %)`,
    notes:
      "BF16 1,677 at the 1.6 GHz MME clock actually shipped (white paper: 1,835 at 1.75 GHz). FP8 runs at the BF16 rate. 24 × 200 GbE = 600 GB/s per direction: 21 links inside the node (525 GB/s), 3 for scale-out (75 GB/s). INT8 not published.",
    uncertain: ["peakFlops.bf16", "peakFlops.fp16", "peakFlops.fp8", "achievable.compute"],
  },
];

/** The preset with this id (exact, lowercase kebab), or undefined. */
export function findHardwarePreset(id: string): HardwarePreset | undefined {
  return HARDWARE_PRESETS.find((p) => p.id === id);
}
