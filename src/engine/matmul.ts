// The three matrix products of a dense layer over a minibatch, on flat row-major Float64Arrays.
// Each walks 4 × 4 output blocks and keeps the 16 partial sums in local variables (registers)
// while it runs along the shared dimension: every loaded number is used four times instead of once,
// which is what makes scalar JavaScript fast here. Edges that are not a multiple of 4 fall back to
// plain loops.
//
// Layouts: X is rows × inner (one sample per row), W is inner × cols (row-major inputs × units,
// the layout of the weights file), Z/D are rows × cols.

/** Z = X·W + b (b broadcast over rows). */
export function forwardProduct(x: Float64Array, w: Float64Array, b: Float64Array, z: Float64Array, rows: number, inner: number, cols: number): void {
  const rows4 = rows - (rows % 4);
  const cols4 = cols - (cols % 4);
  for (let r = 0; r < rows4; r += 4) {
    const x0 = r * inner;
    const x1 = x0 + inner;
    const x2 = x1 + inner;
    const x3 = x2 + inner;
    for (let c = 0; c < cols4; c += 4) {
      const b0 = b[c], b1 = b[c + 1], b2 = b[c + 2], b3 = b[c + 3];
      let s00 = b0, s01 = b1, s02 = b2, s03 = b3;
      let s10 = b0, s11 = b1, s12 = b2, s13 = b3;
      let s20 = b0, s21 = b1, s22 = b2, s23 = b3;
      let s30 = b0, s31 = b1, s32 = b2, s33 = b3;
      let wi = c;
      for (let k = 0; k < inner; k++, wi += cols) {
        const w0 = w[wi], w1 = w[wi + 1], w2 = w[wi + 2], w3 = w[wi + 3];
        const a0 = x[x0 + k];
        s00 += a0 * w0; s01 += a0 * w1; s02 += a0 * w2; s03 += a0 * w3;
        const a1 = x[x1 + k];
        s10 += a1 * w0; s11 += a1 * w1; s12 += a1 * w2; s13 += a1 * w3;
        const a2 = x[x2 + k];
        s20 += a2 * w0; s21 += a2 * w1; s22 += a2 * w2; s23 += a2 * w3;
        const a3 = x[x3 + k];
        s30 += a3 * w0; s31 += a3 * w1; s32 += a3 * w2; s33 += a3 * w3;
      }
      let o = r * cols + c;
      z[o] = s00; z[o + 1] = s01; z[o + 2] = s02; z[o + 3] = s03;
      o += cols;
      z[o] = s10; z[o + 1] = s11; z[o + 2] = s12; z[o + 3] = s13;
      o += cols;
      z[o] = s20; z[o + 1] = s21; z[o + 2] = s22; z[o + 3] = s23;
      o += cols;
      z[o] = s30; z[o + 1] = s31; z[o + 2] = s32; z[o + 3] = s33;
    }
    for (let c = cols4; c < cols; c++) {
      let s0 = b[c], s1 = s0, s2 = s0, s3 = s0;
      for (let k = 0, wi = c; k < inner; k++, wi += cols) {
        const wk = w[wi];
        s0 += x[x0 + k] * wk;
        s1 += x[x1 + k] * wk;
        s2 += x[x2 + k] * wk;
        s3 += x[x3 + k] * wk;
      }
      z[r * cols + c] = s0;
      z[(r + 1) * cols + c] = s1;
      z[(r + 2) * cols + c] = s2;
      z[(r + 3) * cols + c] = s3;
    }
  }
  for (let r = rows4; r < rows; r++) {
    const xr = r * inner;
    const zr = r * cols;
    for (let c = 0; c < cols; c++) z[zr + c] = b[c];
    for (let k = 0; k < inner; k++) {
      const a = x[xr + k];
      if (a === 0) continue;
      const wr = k * cols;
      for (let c = 0; c < cols; c++) z[zr + c] += a * w[wr + c];
    }
  }
}

/** gW = Xᵀ·D (inner × cols) and gB = column sums of D: the weight and bias gradients. */
export function weightGradient(x: Float64Array, d: Float64Array, gw: Float64Array, gb: Float64Array, rows: number, inner: number, cols: number): void {
  const inner4 = inner - (inner % 4);
  const cols4 = cols - (cols % 4);
  for (let k = 0; k < inner4; k += 4) {
    for (let c = 0; c < cols4; c += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let r = 0, xi = k, di = c; r < rows; r++, xi += inner, di += cols) {
        const d0 = d[di], d1 = d[di + 1], d2 = d[di + 2], d3 = d[di + 3];
        const a0 = x[xi];
        s00 += a0 * d0; s01 += a0 * d1; s02 += a0 * d2; s03 += a0 * d3;
        const a1 = x[xi + 1];
        s10 += a1 * d0; s11 += a1 * d1; s12 += a1 * d2; s13 += a1 * d3;
        const a2 = x[xi + 2];
        s20 += a2 * d0; s21 += a2 * d1; s22 += a2 * d2; s23 += a2 * d3;
        const a3 = x[xi + 3];
        s30 += a3 * d0; s31 += a3 * d1; s32 += a3 * d2; s33 += a3 * d3;
      }
      let o = k * cols + c;
      gw[o] = s00; gw[o + 1] = s01; gw[o + 2] = s02; gw[o + 3] = s03;
      o += cols;
      gw[o] = s10; gw[o + 1] = s11; gw[o + 2] = s12; gw[o + 3] = s13;
      o += cols;
      gw[o] = s20; gw[o + 1] = s21; gw[o + 2] = s22; gw[o + 3] = s23;
      o += cols;
      gw[o] = s30; gw[o + 1] = s31; gw[o + 2] = s32; gw[o + 3] = s33;
    }
    for (let c = cols4; c < cols; c++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let r = 0, xi = k, di = c; r < rows; r++, xi += inner, di += cols) {
        const dv = d[di];
        s0 += x[xi] * dv;
        s1 += x[xi + 1] * dv;
        s2 += x[xi + 2] * dv;
        s3 += x[xi + 3] * dv;
      }
      gw[k * cols + c] = s0;
      gw[(k + 1) * cols + c] = s1;
      gw[(k + 2) * cols + c] = s2;
      gw[(k + 3) * cols + c] = s3;
    }
  }
  for (let k = inner4; k < inner; k++) {
    const gr = k * cols;
    for (let c = 0; c < cols; c++) gw[gr + c] = 0;
    for (let r = 0; r < rows; r++) {
      const a = x[r * inner + k];
      if (a === 0) continue;
      const dr = r * cols;
      for (let c = 0; c < cols; c++) gw[gr + c] += a * d[dr + c];
    }
  }
  for (let c = 0; c < cols; c++) gb[c] = 0;
  for (let r = 0; r < rows; r++) {
    const dr = r * cols;
    for (let c = 0; c < cols; c++) gb[c] += d[dr + c];
  }
}

/** DX = D·Wᵀ (rows × inner): the gradient passed back to the previous layer's outputs. */
export function inputGradient(d: Float64Array, w: Float64Array, dx: Float64Array, rows: number, inner: number, cols: number): void {
  const rows4 = rows - (rows % 4);
  const inner4 = inner - (inner % 4);
  for (let r = 0; r < rows4; r += 4) {
    const d0 = r * cols;
    const d1 = d0 + cols;
    const d2 = d1 + cols;
    const d3 = d2 + cols;
    for (let k = 0; k < inner4; k += 4) {
      const w0 = k * cols;
      const w1 = w0 + cols;
      const w2 = w1 + cols;
      const w3 = w2 + cols;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let c = 0; c < cols; c++) {
        const v0 = w[w0 + c], v1 = w[w1 + c], v2 = w[w2 + c], v3 = w[w3 + c];
        const a0 = d[d0 + c];
        s00 += a0 * v0; s01 += a0 * v1; s02 += a0 * v2; s03 += a0 * v3;
        const a1 = d[d1 + c];
        s10 += a1 * v0; s11 += a1 * v1; s12 += a1 * v2; s13 += a1 * v3;
        const a2 = d[d2 + c];
        s20 += a2 * v0; s21 += a2 * v1; s22 += a2 * v2; s23 += a2 * v3;
        const a3 = d[d3 + c];
        s30 += a3 * v0; s31 += a3 * v1; s32 += a3 * v2; s33 += a3 * v3;
      }
      let o = r * inner + k;
      dx[o] = s00; dx[o + 1] = s01; dx[o + 2] = s02; dx[o + 3] = s03;
      o += inner;
      dx[o] = s10; dx[o + 1] = s11; dx[o + 2] = s12; dx[o + 3] = s13;
      o += inner;
      dx[o] = s20; dx[o + 1] = s21; dx[o + 2] = s22; dx[o + 3] = s23;
      o += inner;
      dx[o] = s30; dx[o + 1] = s31; dx[o + 2] = s32; dx[o + 3] = s33;
    }
    for (let k = inner4; k < inner; k++) {
      const wk = k * cols;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let c = 0; c < cols; c++) {
        const v = w[wk + c];
        s0 += d[d0 + c] * v;
        s1 += d[d1 + c] * v;
        s2 += d[d2 + c] * v;
        s3 += d[d3 + c] * v;
      }
      dx[r * inner + k] = s0;
      dx[(r + 1) * inner + k] = s1;
      dx[(r + 2) * inner + k] = s2;
      dx[(r + 3) * inner + k] = s3;
    }
  }
  for (let r = rows4; r < rows; r++) {
    const dr = r * cols;
    for (let k = 0; k < inner; k++) {
      const wk = k * cols;
      let s = 0;
      for (let c = 0; c < cols; c++) s += d[dr + c] * w[wk + c];
      dx[r * inner + k] = s;
    }
  }
}
