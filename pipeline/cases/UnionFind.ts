/** Disjoint sets over string keys, with path halving. Used to turn pairwise matches into groups. */
export class UnionFind {
  private readonly parent = new Map<string, string>()

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key)
  }

  find(key: string): string {
    this.add(key)
    let k = key
    for (;;) {
      const p = this.parent.get(k) ?? k
      if (p === k) return k
      const gp = this.parent.get(p) ?? p
      this.parent.set(k, gp)
      k = gp
    }
  }

  /** Joins the sets of a and b; true when they were apart. */
  union(a: string, b: string): boolean {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra === rb) return false
    // Smaller key wins so that group roots (and so iteration order) do not depend on input order.
    if (ra < rb) this.parent.set(rb, ra)
    else this.parent.set(ra, rb)
    return true
  }

  /** Every set, each sorted, listed in order of its smallest key. */
  groups(): Array<Array<string>> {
    const byRoot = new Map<string, Array<string>>()
    for (const key of this.parent.keys()) {
      const root = this.find(key)
      const list = byRoot.get(root)
      if (list === undefined) byRoot.set(root, [key])
      else list.push(key)
    }
    return [...byRoot.values()].map((g) => g.sort()).sort((a, b) => ((a[0] ?? "") < (b[0] ?? "") ? -1 : 1))
  }
}
