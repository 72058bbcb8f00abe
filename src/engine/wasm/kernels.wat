;; The matrix products of a dense layer in WebAssembly with 128-bit SIMD, on Float64 (f64x2).
;; Compiled at build time (scripts/wasm.mjs, wabt) and embedded in every bundle; src/engine/wasm/
;; kernels.ts loads it and keeps src/engine/matmul.ts as the fallback and the reference.
;;
;; One kernel serves the three products: out[r][c] = init[c] + Σ_k A(r, k)·B[k][c], k ascending,
;; with A(r, k) = a[r·sr + k·sk] (so a transposed operand is only a change of strides), B row-major
;; (inner × cols) and out row-major (rows × cols). Every output is the sum in the same order as the
;; scalar kernels (start from the bias or 0, add the products k = 0, 1, …), and f64x2.mul then
;; f64x2.add rounds exactly as the scalar `s += a * v` does (no fused multiply-add): the results are
;; the same bit for bit. All pointers are byte offsets into the imported memory.
(module
  (import "env" "memory" (memory 1))

  ;; gemm(a, sr, sk, b, out, init, rows, inner, cols): init = byte offset of a row of `cols`
  ;; numbers added first, or -1 for zero. sr and sk are in elements.
  (func $gemm (export "gemm")
    (param $a i32) (param $sr i32) (param $sk i32) (param $b i32) (param $out i32) (param $init i32)
    (param $rows i32) (param $inner i32) (param $cols i32)
    (local $r i32) (local $c i32) (local $k i32) (local $ap i32) (local $bp i32) (local $op i32)
    (local $arow i32) (local $bstride i32) (local $astride i32) (local $cols4 i32) (local $cols2 i32)
    (local $x v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $t f64) (local $xs f64)
    (local.set $bstride (i32.shl (local.get $cols) (i32.const 3)))
    (local.set $astride (i32.shl (local.get $sk) (i32.const 3)))
    (local.set $cols4 (i32.sub (local.get $cols) (i32.and (local.get $cols) (i32.const 7))))
    (local.set $cols2 (i32.sub (local.get $cols) (i32.and (local.get $cols) (i32.const 1))))
    (local.set $r (i32.const 0))
    (block $rows_done
      (loop $rows_loop
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $arow (i32.add (local.get $a)
          (i32.shl (i32.mul (local.get $r) (local.get $sr)) (i32.const 3))))
        (local.set $op (i32.add (local.get $out)
          (i32.shl (i32.mul (local.get $r) (local.get $cols)) (i32.const 3))))
        ;; Eight columns at a time: four f64x2 sums, each loaded number of A used four times.
        (local.set $c (i32.const 0))
        (block $c8_done
          (loop $c8_loop
            (br_if $c8_done (i32.ge_u (local.get $c) (local.get $cols4)))
            (if (i32.lt_s (local.get $init) (i32.const 0))
              (then
                (local.set $s0 (f64x2.splat (f64.const 0)))
                (local.set $s1 (local.get $s0))
                (local.set $s2 (local.get $s0))
                (local.set $s3 (local.get $s0)))
              (else
                (local.set $bp (i32.add (local.get $init) (i32.shl (local.get $c) (i32.const 3))))
                (local.set $s0 (v128.load (local.get $bp)))
                (local.set $s1 (v128.load offset=16 (local.get $bp)))
                (local.set $s2 (v128.load offset=32 (local.get $bp)))
                (local.set $s3 (v128.load offset=48 (local.get $bp)))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $k (local.get $inner))
            (block $k_done
              (loop $k_loop
                (br_if $k_done (i32.eqz (local.get $k)))
                (local.set $x (v128.load64_splat (local.get $ap)))
                (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $x) (v128.load (local.get $bp)))))
                (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $x) (v128.load offset=16 (local.get $bp)))))
                (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $x) (v128.load offset=32 (local.get $bp)))))
                (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $x) (v128.load offset=48 (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $astride)))
                (local.set $bp (i32.add (local.get $bp) (local.get $bstride)))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $k_loop)))
            (local.set $bp (i32.add (local.get $op) (i32.shl (local.get $c) (i32.const 3))))
            (v128.store (local.get $bp) (local.get $s0))
            (v128.store offset=16 (local.get $bp) (local.get $s1))
            (v128.store offset=32 (local.get $bp) (local.get $s2))
            (v128.store offset=48 (local.get $bp) (local.get $s3))
            (local.set $c (i32.add (local.get $c) (i32.const 8)))
            (br $c8_loop)))
        ;; Then two columns at a time.
        (block $c2_done
          (loop $c2_loop
            (br_if $c2_done (i32.ge_u (local.get $c) (local.get $cols2)))
            (if (i32.lt_s (local.get $init) (i32.const 0))
              (then (local.set $s0 (f64x2.splat (f64.const 0))))
              (else (local.set $s0 (v128.load (i32.add (local.get $init) (i32.shl (local.get $c) (i32.const 3)))))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $k (local.get $inner))
            (block $k2_done
              (loop $k2_loop
                (br_if $k2_done (i32.eqz (local.get $k)))
                (local.set $s0 (f64x2.add (local.get $s0)
                  (f64x2.mul (v128.load64_splat (local.get $ap)) (v128.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $astride)))
                (local.set $bp (i32.add (local.get $bp) (local.get $bstride)))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $k2_loop)))
            (v128.store (i32.add (local.get $op) (i32.shl (local.get $c) (i32.const 3))) (local.get $s0))
            (local.set $c (i32.add (local.get $c) (i32.const 2)))
            (br $c2_loop)))
        ;; And the last column, if cols is odd.
        (if (i32.lt_u (local.get $c) (local.get $cols))
          (then
            (if (i32.lt_s (local.get $init) (i32.const 0))
              (then (local.set $t (f64.const 0)))
              (else (local.set $t (f64.load (i32.add (local.get $init) (i32.shl (local.get $c) (i32.const 3)))))))
            (local.set $ap (local.get $arow))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $k (local.get $inner))
            (block $k1_done
              (loop $k1_loop
                (br_if $k1_done (i32.eqz (local.get $k)))
                (local.set $t (f64.add (local.get $t) (f64.mul (f64.load (local.get $ap)) (f64.load (local.get $bp)))))
                (local.set $ap (i32.add (local.get $ap) (local.get $astride)))
                (local.set $bp (i32.add (local.get $bp) (local.get $bstride)))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $k1_loop)))
            (f64.store (i32.add (local.get $op) (i32.shl (local.get $c) (i32.const 3))) (local.get $t))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows_loop))))

  ;; transpose(src, dst, rows, cols): dst (cols × rows) = srcᵀ (src rows × cols), row-major.
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $c i32)
    (local.set $r (i32.const 0))
    (block $done
      (loop $rl
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $c (i32.const 0))
        (block $cdone
          (loop $cl
            (br_if $cdone (i32.ge_u (local.get $c) (local.get $cols)))
            (f64.store
              (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 3)))
              (f64.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 3)))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cl)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rl))))

  ;; columnSums(d, out, rows, cols): out[c] = 0 + d[0][c] + d[1][c] + …, rows ascending.
  (func (export "columnSums") (param $d i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $c i32) (local $r i32) (local $p i32) (local $s f64)
    (local.set $c (i32.const 0))
    (block $done
      (loop $cl
        (br_if $done (i32.ge_u (local.get $c) (local.get $cols)))
        (local.set $s (f64.const 0))
        (local.set $p (i32.add (local.get $d) (i32.shl (local.get $c) (i32.const 3))))
        (local.set $r (local.get $rows))
        (block $rdone
          (loop $rl
            (br_if $rdone (i32.eqz (local.get $r)))
            (local.set $s (f64.add (local.get $s) (f64.load (local.get $p))))
            (local.set $p (i32.add (local.get $p) (i32.shl (local.get $cols) (i32.const 3))))
            (local.set $r (i32.sub (local.get $r) (i32.const 1)))
            (br $rl)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 3))) (local.get $s))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cl))))

  ;; peak(iterations): the machine's f64x2 multiply-add rate without memory traffic, for the
  ;; bench's "share of the measured peak" (16 independent chains of x = x·m + c: 64 flops per
  ;; iteration). Returns a sum of the chains so the work cannot be left out. Not used in training.
  (func (export "peak") (param $n i32) (result f64)
    (local $m v128) (local $c v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $a8 v128) (local $a9 v128) (local $a10 v128) (local $a11 v128)
    (local $a12 v128) (local $a13 v128) (local $a14 v128) (local $a15 v128)
    (local.set $m (f64x2.splat (f64.const 0.5)))
    (local.set $c (f64x2.splat (f64.const 1)))
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $a0 (f64x2.add (f64x2.mul (local.get $a0) (local.get $m)) (local.get $c)))
        (local.set $a1 (f64x2.add (f64x2.mul (local.get $a1) (local.get $m)) (local.get $c)))
        (local.set $a2 (f64x2.add (f64x2.mul (local.get $a2) (local.get $m)) (local.get $c)))
        (local.set $a3 (f64x2.add (f64x2.mul (local.get $a3) (local.get $m)) (local.get $c)))
        (local.set $a4 (f64x2.add (f64x2.mul (local.get $a4) (local.get $m)) (local.get $c)))
        (local.set $a5 (f64x2.add (f64x2.mul (local.get $a5) (local.get $m)) (local.get $c)))
        (local.set $a6 (f64x2.add (f64x2.mul (local.get $a6) (local.get $m)) (local.get $c)))
        (local.set $a7 (f64x2.add (f64x2.mul (local.get $a7) (local.get $m)) (local.get $c)))
        (local.set $a8 (f64x2.add (f64x2.mul (local.get $a8) (local.get $m)) (local.get $c)))
        (local.set $a9 (f64x2.add (f64x2.mul (local.get $a9) (local.get $m)) (local.get $c)))
        (local.set $a10 (f64x2.add (f64x2.mul (local.get $a10) (local.get $m)) (local.get $c)))
        (local.set $a11 (f64x2.add (f64x2.mul (local.get $a11) (local.get $m)) (local.get $c)))
        (local.set $a12 (f64x2.add (f64x2.mul (local.get $a12) (local.get $m)) (local.get $c)))
        (local.set $a13 (f64x2.add (f64x2.mul (local.get $a13) (local.get $m)) (local.get $c)))
        (local.set $a14 (f64x2.add (f64x2.mul (local.get $a14) (local.get $m)) (local.get $c)))
        (local.set $a15 (f64x2.add (f64x2.mul (local.get $a15) (local.get $m)) (local.get $c)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.set $a0 (f64x2.add (f64x2.add (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3)))
      (f64x2.add (f64x2.add (local.get $a4) (local.get $a5)) (f64x2.add (local.get $a6) (local.get $a7)))))
    (local.set $a8 (f64x2.add (f64x2.add (f64x2.add (local.get $a8) (local.get $a9)) (f64x2.add (local.get $a10) (local.get $a11)))
      (f64x2.add (f64x2.add (local.get $a12) (local.get $a13)) (f64x2.add (local.get $a14) (local.get $a15)))))
    (local.set $a0 (f64x2.add (local.get $a0) (local.get $a8)))
    (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
)
