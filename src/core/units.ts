/**
 * Units as types for the quantities that cross module boundaries inside the core (as Excalidraw
 * brands its coordinates): a Seconds is a number, but a number, a Bytes or a Flop is not a
 * Seconds, so a step that returns bytes where time is expected fails to compile. Arithmetic on
 * branded values gives plain numbers; a result is branded where it is made, with the constructor
 * of its unit. Branding costs nothing at run time.
 */
declare const unit: unique symbol;
type Unit<U extends string> = number & { readonly [unit]: U };

/** Time, s. */
export type Seconds = Unit<"s">;
/** Memory or traffic, bytes (decimal multiples elsewhere: 1 GB = 1e9 B). */
export type Bytes = Unit<"B">;
/** Floating-point operations (a multiply-add is 2). */
export type Flop = Unit<"FLOP">;
/** Throughput of compute, FLOP/s. */
export type FlopPerS = Unit<"FLOP/s">;
/** Memory or link bandwidth, B/s. */
export type BytesPerS = Unit<"B/s">;

export const seconds = (x: number) => x as Seconds;
export const bytes = (x: number) => x as Bytes;
export const flop = (x: number) => x as Flop;
export const flopPerS = (x: number) => x as FlopPerS;
export const bytesPerS = (x: number) => x as BytesPerS;

/** FLOPs over a rate: seconds. */
export const flopTime = (f: Flop, rate: FlopPerS) => seconds(f / rate);
/** Bytes over a bandwidth: seconds. */
export const byteTime = (b: Bytes, bw: BytesPerS) => seconds(b / bw);
