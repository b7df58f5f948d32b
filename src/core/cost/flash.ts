/**
 * Attention without FlashAttention (scenario.flashAttention = false). A non-fused kernel writes
 * the score matrix S = QKᵀ and the probabilities P = softmax(S) to HBM and reads each back (Dao et
 * al. 2022, "FlashAttention", Algorithm 0): per layer, every query row × every key × every head,
 * at the activation width. FlashAttention keeps both on chip, so with it these terms are 0.
 * Causal masking still materialises the full matrix in a standard kernel.
 */

/** Bytes of one layer's score matrix for `queryRows` query rows over `keys` keys: heads × rows × keys × b_a (bytes). */
export function scoreMatrixBytes(heads: number, queryRows: number, keys: number, bytesPerElement: number): number {
  return heads * queryRows * keys * bytesPerElement;
}

/**
 * Extra HBM traffic of a prefill over `sequences` prompts of `promptTokens` tokens: S and P each
 * written once and read once (4×), batch × heads × prompt² × b_a per layer, all layers (bytes, all chips).
 */
export function scoreMatrixTrafficBytes(layers: number, heads: number, sequences: number, promptTokens: number, bytesPerElement: number): number {
  return 4 * layers * scoreMatrixBytes(heads, sequences * promptTokens, promptTokens, bytesPerElement);
}
