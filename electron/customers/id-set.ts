/** A set of row ids in one bit each (a 10-million-row snapshot needs ~1.2 MB). */
export class IdSet {
  private bits = new Uint8Array(1 << 16);
  add(id: number): void {
    if (id >> 3 >= this.bits.length) {
      const next = new Uint8Array(Math.max(this.bits.length * 2, (id >> 3) + 1));
      next.set(this.bits);
      this.bits = next;
    }
    this.bits[id >> 3]! |= 1 << (id & 7);
  }
  has(id: number): boolean {
    return id >> 3 < this.bits.length && (this.bits[id >> 3]! & (1 << (id & 7))) !== 0;
  }
}
