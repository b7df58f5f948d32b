/**
 * The link between an accelerator and its host's memory, per hardware preset (issue 17, KV
 * offload): bytes/s one direction per chip, copied as data from shared/reference/hardware.md's
 * "Host link" column and its pitfall 5 (PCIe x16 per direction: Gen3 ≈ 16 GB/s, Gen4 ≈ 32 GB/s,
 * Gen5 ≈ 64 GB/s). A preset absent here has no separate host memory to offload to (Apple's
 * unified memory) or no published figure (hardware.md "n/p"); the block must then give its
 * bandwidth.
 */
const G = 1e9;

export interface HostLink {
  bytesPerS: number;
  what: string;
  source: string;
  /** Figures hardware.md marks "(?)" or that need a reading of a vendor figure. */
  uncertain?: string;
}

const GEN3 = { bytesPerS: 16 * G, what: "PCIe Gen3 x16 (16 GB/s per direction)" };
const GEN4 = { bytesPerS: 32 * G, what: "PCIe Gen4 x16 (32 GB/s per direction)" };
const GEN5 = { bytesPerS: 64 * G, what: "PCIe Gen5 x16 (64 GB/s per direction)" };
const SRC = "shared/reference/hardware.md, Host link column and pitfall 5 (vendor datasheets [N1]–[N12], [A1]–[A4], [I1]–[I2])";

export const HOST_LINKS: Readonly<Record<string, HostLink>> = {
  v100: { ...GEN3, source: SRC },
  a10g: { ...GEN4, source: SRC },
  l4: { ...GEN4, source: SRC },
  l40s: { ...GEN4, source: SRC },
  "a100-40gb": { ...GEN4, source: SRC },
  "a100-80gb": { ...GEN4, source: SRC },
  "a100-80gb-pcie": { ...GEN4, source: SRC },
  "h100-sxm": { ...GEN5, source: SRC },
  "h100-pcie": { ...GEN5, source: SRC },
  "h100-nvl": { ...GEN5, source: SRC },
  h200: { ...GEN5, source: SRC },
  b200: { ...GEN5, source: `${SRC}; NVIDIA's B200 datasheet prints "PCIe Gen5: 128 GB/s" bidirectional [N12]` },
  gb200: {
    bytesPerS: 450 * G,
    what: "NVLink-C2C to the Grace CPU (900 GB/s bidirectional = 450 GB/s per direction)",
    source: `${SRC} [N8]`,
    uncertain: "the 900 GB/s C2C figure is per Grace CPU, which a GB200 superchip shares between two GPUs",
  },
  "rtx-3090": { ...GEN4, source: SRC },
  "rtx-4090": { ...GEN4, source: SRC },
  "rtx-5090": { ...GEN5, source: SRC },
  mi250x: { ...GEN4, source: SRC },
  mi300x: { ...GEN5, source: SRC },
  mi325x: { ...GEN5, source: SRC },
  mi355x: { ...GEN5, source: SRC },
  "tpu-v5e": { bytesPerS: 15 * G, what: "host PCIe (~15 GB/s, the scaling book's figure)", source: `${SRC} [G2][R8]`, uncertain: "approximate" },
  gaudi2: { ...GEN4, source: SRC },
  gaudi3: { ...GEN5, source: SRC },
};

export function hostLinkOf(presetId: string | undefined): HostLink | undefined {
  return presetId === undefined ? undefined : HOST_LINKS[presetId];
}
