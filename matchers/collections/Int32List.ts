/** A growable list of int32s: the blocking loops push millions of numbers and must not allocate per push. */
export class Int32List {
  data = new Int32Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = v
  }
}
