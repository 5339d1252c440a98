/** A growable list of int32s: the blocking loops push millions of numbers and must not allocate per push. */
export class Int32List {
  data: Int32Array
  length = 0
  /** Room for `capacity` numbers before the first copy: a list sized to what it will hold leaves no copies behind. */
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity))
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = v
  }
}
