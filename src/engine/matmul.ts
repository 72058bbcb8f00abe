// The three matrix products of a dense layer over a minibatch, on flat row-major Float64Arrays.
// Each walks 3 × 4 output blocks and keeps the 12 partial sums in local variables (registers)
// while it runs along the shared dimension: every loaded number is used three or four times
// instead of once, which is what makes scalar JavaScript fast here. 3 × 4 rather than 4 × 4: twelve
// sums plus the seven loaded operands still fit x86-64's sixteen floating-point registers, so
// nothing spills to the stack (measured ~10% faster than 4 × 4, which spills). Edges that are not
// a multiple of the block fall back to 1 × 4 and scalar loops.
//
// Layouts: X is rows × inner (one sample per row), W is inner × cols (row-major inputs × units,
// the layout of the weights file), Z/D are rows × cols.

/** Z = X·W + b (b broadcast over rows). */
export function forwardProduct(x: Float64Array, w: Float64Array, b: Float64Array, z: Float64Array, rows: number, inner: number, cols: number): void {
  const rows3 = rows - (rows % 3);
  const cols4 = cols - (cols % 4);
  for (let r = 0; r < rows3; r += 3) {
    const x0 = r * inner;
    const x1 = x0 + inner;
    const x2 = x1 + inner;
    for (let c = 0; c < cols4; c += 4) {
      let s00 = b[c], s01 = b[c + 1], s02 = b[c + 2], s03 = b[c + 3];
      let s10 = s00, s11 = s01, s12 = s02, s13 = s03;
      let s20 = s00, s21 = s01, s22 = s02, s23 = s03;
      for (let k = 0, wi = c; k < inner; k++, wi += cols) {
        const a0 = x[x0 + k], a1 = x[x1 + k], a2 = x[x2 + k];
        let v = w[wi];
        s00 += a0 * v; s10 += a1 * v; s20 += a2 * v;
        v = w[wi + 1];
        s01 += a0 * v; s11 += a1 * v; s21 += a2 * v;
        v = w[wi + 2];
        s02 += a0 * v; s12 += a1 * v; s22 += a2 * v;
        v = w[wi + 3];
        s03 += a0 * v; s13 += a1 * v; s23 += a2 * v;
      }
      let o = r * cols + c;
      z[o] = s00; z[o + 1] = s01; z[o + 2] = s02; z[o + 3] = s03;
      o += cols;
      z[o] = s10; z[o + 1] = s11; z[o + 2] = s12; z[o + 3] = s13;
      o += cols;
      z[o] = s20; z[o + 1] = s21; z[o + 2] = s22; z[o + 3] = s23;
    }
    for (let c = cols4; c < cols; c++) {
      let s0 = b[c], s1 = s0, s2 = s0;
      for (let k = 0, wi = c; k < inner; k++, wi += cols) {
        const v = w[wi];
        s0 += x[x0 + k] * v;
        s1 += x[x1 + k] * v;
        s2 += x[x2 + k] * v;
      }
      z[r * cols + c] = s0;
      z[(r + 1) * cols + c] = s1;
      z[(r + 2) * cols + c] = s2;
    }
  }
  for (let r = rows3; r < rows; r++) {
    const xr = r * inner;
    const zr = r * cols;
    for (let c = 0; c < cols4; c += 4) {
      let s0 = b[c], s1 = b[c + 1], s2 = b[c + 2], s3 = b[c + 3];
      for (let k = 0, wi = c; k < inner; k++, wi += cols) {
        const a = x[xr + k];
        s0 += a * w[wi]; s1 += a * w[wi + 1]; s2 += a * w[wi + 2]; s3 += a * w[wi + 3];
      }
      z[zr + c] = s0; z[zr + c + 1] = s1; z[zr + c + 2] = s2; z[zr + c + 3] = s3;
    }
    for (let c = cols4; c < cols; c++) {
      let s = b[c];
      for (let k = 0, wi = c; k < inner; k++, wi += cols) s += x[xr + k] * w[wi];
      z[zr + c] = s;
    }
  }
}

/** gW = Xᵀ·D (inner × cols) and gB = column sums of D: the weight and bias gradients. */
export function weightGradient(x: Float64Array, d: Float64Array, gw: Float64Array, gb: Float64Array, rows: number, inner: number, cols: number): void {
  const inner3 = inner - (inner % 3);
  const cols4 = cols - (cols % 4);
  for (let k = 0; k < inner3; k += 3) {
    for (let c = 0; c < cols4; c += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      for (let r = 0, xi = k, di = c; r < rows; r++, xi += inner, di += cols) {
        const a0 = x[xi], a1 = x[xi + 1], a2 = x[xi + 2];
        let v = d[di];
        s00 += a0 * v; s10 += a1 * v; s20 += a2 * v;
        v = d[di + 1];
        s01 += a0 * v; s11 += a1 * v; s21 += a2 * v;
        v = d[di + 2];
        s02 += a0 * v; s12 += a1 * v; s22 += a2 * v;
        v = d[di + 3];
        s03 += a0 * v; s13 += a1 * v; s23 += a2 * v;
      }
      let o = k * cols + c;
      gw[o] = s00; gw[o + 1] = s01; gw[o + 2] = s02; gw[o + 3] = s03;
      o += cols;
      gw[o] = s10; gw[o + 1] = s11; gw[o + 2] = s12; gw[o + 3] = s13;
      o += cols;
      gw[o] = s20; gw[o + 1] = s21; gw[o + 2] = s22; gw[o + 3] = s23;
    }
    for (let c = cols4; c < cols; c++) {
      let s0 = 0, s1 = 0, s2 = 0;
      for (let r = 0, xi = k, di = c; r < rows; r++, xi += inner, di += cols) {
        const v = d[di];
        s0 += x[xi] * v;
        s1 += x[xi + 1] * v;
        s2 += x[xi + 2] * v;
      }
      gw[k * cols + c] = s0;
      gw[(k + 1) * cols + c] = s1;
      gw[(k + 2) * cols + c] = s2;
    }
  }
  for (let k = inner3; k < inner; k++) {
    const gr = k * cols;
    for (let c = 0; c < cols4; c += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let r = 0, xi = k, di = c; r < rows; r++, xi += inner, di += cols) {
        const a = x[xi];
        s0 += a * d[di]; s1 += a * d[di + 1]; s2 += a * d[di + 2]; s3 += a * d[di + 3];
      }
      gw[gr + c] = s0; gw[gr + c + 1] = s1; gw[gr + c + 2] = s2; gw[gr + c + 3] = s3;
    }
    for (let c = cols4; c < cols; c++) {
      let s = 0;
      for (let r = 0, xi = k, di = c; r < rows; r++, xi += inner, di += cols) s += x[xi] * d[di];
      gw[gr + c] = s;
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
  const rows3 = rows - (rows % 3);
  const inner4 = inner - (inner % 4);
  for (let r = 0; r < rows3; r += 3) {
    const d0 = r * cols;
    const d1 = d0 + cols;
    const d2 = d1 + cols;
    for (let k = 0; k < inner4; k += 4) {
      const w0 = k * cols;
      const w1 = w0 + cols;
      const w2 = w1 + cols;
      const w3 = w2 + cols;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      for (let c = 0; c < cols; c++) {
        const a0 = d[d0 + c], a1 = d[d1 + c], a2 = d[d2 + c];
        let v = w[w0 + c];
        s00 += a0 * v; s10 += a1 * v; s20 += a2 * v;
        v = w[w1 + c];
        s01 += a0 * v; s11 += a1 * v; s21 += a2 * v;
        v = w[w2 + c];
        s02 += a0 * v; s12 += a1 * v; s22 += a2 * v;
        v = w[w3 + c];
        s03 += a0 * v; s13 += a1 * v; s23 += a2 * v;
      }
      let o = r * inner + k;
      dx[o] = s00; dx[o + 1] = s01; dx[o + 2] = s02; dx[o + 3] = s03;
      o += inner;
      dx[o] = s10; dx[o + 1] = s11; dx[o + 2] = s12; dx[o + 3] = s13;
      o += inner;
      dx[o] = s20; dx[o + 1] = s21; dx[o + 2] = s22; dx[o + 3] = s23;
    }
    for (let k = inner4; k < inner; k++) {
      const wk = k * cols;
      let s0 = 0, s1 = 0, s2 = 0;
      for (let c = 0; c < cols; c++) {
        const v = w[wk + c];
        s0 += d[d0 + c] * v;
        s1 += d[d1 + c] * v;
        s2 += d[d2 + c] * v;
      }
      dx[r * inner + k] = s0;
      dx[(r + 1) * inner + k] = s1;
      dx[(r + 2) * inner + k] = s2;
    }
  }
  for (let r = rows3; r < rows; r++) {
    const dr = r * cols;
    for (let k = 0; k < inner4; k += 4) {
      const w0 = k * cols;
      const w1 = w0 + cols;
      const w2 = w1 + cols;
      const w3 = w2 + cols;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let c = 0; c < cols; c++) {
        const a = d[dr + c];
        s0 += a * w[w0 + c]; s1 += a * w[w1 + c]; s2 += a * w[w2 + c]; s3 += a * w[w3 + c];
      }
      const o = r * inner + k;
      dx[o] = s0; dx[o + 1] = s1; dx[o + 2] = s2; dx[o + 3] = s3;
    }
    for (let k = inner4; k < inner; k++) {
      const wk = k * cols;
      let s = 0;
      for (let c = 0; c < cols; c++) s += d[dr + c] * w[wk + c];
      dx[r * inner + k] = s;
    }
  }
}
