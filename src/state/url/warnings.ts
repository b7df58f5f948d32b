/**
 * The warnings of one decode: each listed once (a Set, so a link with thousands of bad keys is
 * read in linear time), at most MAX_WARNINGS of them, then one line counting the rest. Pure.
 */

/** Most warnings listed for one link; the rest are counted in one last line. */
export const MAX_WARNINGS = 30;

export class Warnings {
  private readonly seen = new Set<string>();
  private readonly listed: string[] = [];
  private more = 0;
  readonly add = (w: string): void => {
    if (this.seen.has(w)) return;
    this.seen.add(w);
    if (this.listed.length < MAX_WARNINGS) this.listed.push(w);
    else this.more++;
  };
  list(): string[] {
    return this.more > 0 ? [...this.listed, `link: ${this.more.toLocaleString("en-US")} more problems not listed`] : [...this.listed];
  }
}
