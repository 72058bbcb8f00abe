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
  (func $transpose (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
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
  (func $columnSums (export "columnSums") (param $d i32) (param $out i32) (param $rows i32) (param $cols i32)
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

  ;; derive(d, mask, v, count, kind): the gradient back through dropout and φ′ of the layer below,
  ;; in place: d ·= mask (when mask ≥ 0), then d ·= φ′ read from v, for kind 0 linear (nothing),
  ;; 1 tanh (v = act: d·(1 − t·t)), 2 ReLU (v = pre: d where z > 0, else 0), 3 sigmoid (v = act:
  ;; d·(s·(1 − s))): the operations of the activation table's kernels in their order, so the same
  ;; numbers bit for bit.
  (func $derive (param $d i32) (param $mask i32) (param $v i32) (param $n i32) (param $kind i32)
    (local $i i32) (local $x v128) (local $t v128) (local $lanes i32)
    (local.set $i (i32.const 0))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; Two numbers at a time, the last one alone when count is odd (a zero in its other lane,
        ;; which is computed and dropped).
        (local.set $lanes (i32.sub (local.get $n) (local.get $i)))
        (if (i32.ge_u (local.get $lanes) (i32.const 2))
          (then (local.set $x (v128.load (local.get $d))))
          (else (local.set $x (v128.load64_zero (local.get $d)))))
        (if (i32.ge_s (local.get $mask) (i32.const 0))
          (then
            (if (i32.ge_u (local.get $lanes) (i32.const 2))
              (then (local.set $t (v128.load (local.get $mask))))
              (else (local.set $t (v128.load64_zero (local.get $mask)))))
            (local.set $x (f64x2.mul (local.get $x) (local.get $t)))
            (local.set $mask (i32.add (local.get $mask) (i32.const 16)))))
        (if (i32.ne (local.get $kind) (i32.const 0))
          (then
            (if (i32.ge_u (local.get $lanes) (i32.const 2))
              (then (local.set $t (v128.load (local.get $v))))
              (else (local.set $t (v128.load64_zero (local.get $v)))))
            (if (i32.eq (local.get $kind) (i32.const 1))
              (then (local.set $x (f64x2.mul (local.get $x)
                (f64x2.sub (v128.const f64x2 1 1) (f64x2.mul (local.get $t) (local.get $t)))))))
            (if (i32.eq (local.get $kind) (i32.const 2))
              (then (local.set $x (v128.bitselect (local.get $x) (v128.const i64x2 0 0)
                (f64x2.gt (local.get $t) (v128.const f64x2 0 0))))))
            (if (i32.eq (local.get $kind) (i32.const 3))
              (then (local.set $x (f64x2.mul (local.get $x)
                (f64x2.mul (local.get $t) (f64x2.sub (v128.const f64x2 1 1) (local.get $t)))))))))
        (if (i32.ge_u (local.get $lanes) (i32.const 2))
          (then (v128.store (local.get $d) (local.get $x)))
          (else (v128.store64_lane 0 (local.get $d) (local.get $x))))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (local.set $v (i32.add (local.get $v) (i32.const 16)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $l))))

  ;; backward(x, d, w, wt, gw, gb, dx, mask, v, rows, inner, cols, kind): one layer backward in one
  ;; call: gW = Xᵀ·D, gB = column sums of D, and, when dx ≥ 0, DX = D·Wᵀ (through wt, room for Wᵀ)
  ;; taken back through the layer below's dropout and φ′ (derive).
  (func (export "backward") (param $x i32) (param $d i32) (param $w i32) (param $wt i32) (param $gw i32) (param $gb i32)
    (param $dx i32) (param $mask i32) (param $v i32) (param $rows i32) (param $inner i32) (param $cols i32) (param $kind i32)
    (call $gemm (local.get $x) (i32.const 1) (local.get $inner) (local.get $d) (local.get $gw) (i32.const -1)
      (local.get $inner) (local.get $rows) (local.get $cols))
    (call $columnSums (local.get $d) (local.get $gb) (local.get $rows) (local.get $cols))
    (if (i32.ge_s (local.get $dx) (i32.const 0))
      (then
        (call $transpose (local.get $w) (local.get $wt) (local.get $inner) (local.get $cols))
        (call $gemm (local.get $d) (local.get $cols) (i32.const 1) (local.get $wt) (local.get $dx) (i32.const -1)
          (local.get $rows) (local.get $cols) (local.get $inner))
        (call $derive (local.get $dx) (local.get $mask) (local.get $v) (i32.mul (local.get $rows) (local.get $inner)) (local.get $kind)))))

  ;; tanh of two numbers at once, within 2 ulp of Math.tanh over the whole range (test/unit/engine/
  ;; wasm-tanh.test.ts measures it: at most 1 ulp from the correctly rounded value, at most 2 from
  ;; Math.tanh, which is itself up to 2 ulp off), tanh(±∞) = ±1 and tanh(±0) = ±0 exactly, NaN in, NaN out.
  ;; On a = |x|, the sign put back at the end (tanh is odd):
  ;;   a < 0.55   Taylor series, tanh a = a + a·u·P(u), u = a², P to the u¹⁶ term (the next term is
  ;;              below 2⁻⁵⁷ of the result there), evaluated by Estrin's scheme (powers u², u⁴, u⁸,
  ;;              u¹⁶: a chain of 5 steps instead of Horner's 16); a·u·P is at most 0.1·a, so its
  ;;              rounding errors hardly reach the result, rounded once in the last step a + (small).
  ;;   a < 22     1 − 2/(e^(2a) + 1), well conditioned once the result is ≥ 0.5; e^y = 2^k·e^r with
  ;;              k = round(y/ln 2), r = y − k·ln 2 in two parts (|r| ≤ ln 2/2), e^r by its Taylor
  ;;              series to r¹³ (remainder < 2⁻⁵⁷; Estrin again), 2^k built in the exponent bits (1 ≤ k ≤ 64).
  ;;   a ≥ 22     1: 1 − tanh 22 < 2⁻⁶³, so every such tanh rounds to 1 (and ∞ lands here).
  ;; A NaN fails a < 0.55 and a ≥ 22, so it takes the middle path, where every step keeps it a NaN.
  ;; Each pair of lanes computes only the paths one of its lanes needs.
  (func $tanh2 (param $x v128) (result v128)
    (local $a v128) (local $u v128) (local $q v128) (local $r v128) (local $k v128)
    (local $small v128) (local $large v128) (local $lanes v128)
    (local $u2 v128) (local $u4 v128) (local $u8 v128) (local $u16 v128) (local $r2 v128) (local $r4 v128) (local $r8 v128)
    (local.set $a (f64x2.abs (local.get $x)))
    (local.set $lanes (f64x2.lt (local.get $a) (v128.const f64x2 0.55 0.55)))
    (if (v128.any_true (local.get $lanes))
      (then
        (local.set $u (f64x2.mul (local.get $a) (local.get $a)))
        (local.set $u2 (f64x2.mul (local.get $u) (local.get $u)))
        (local.set $u4 (f64x2.mul (local.get $u2) (local.get $u2)))
        (local.set $u8 (f64x2.mul (local.get $u4) (local.get $u4)))
        (local.set $u16 (f64x2.mul (local.get $u8) (local.get $u8)))
        (local.set $q (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 -0.3333333333333333 -0.3333333333333333) (f64x2.mul (local.get $u) (v128.const f64x2 0.13333333333333333 0.13333333333333333))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -0.05396825396825397 -0.05396825396825397) (f64x2.mul (local.get $u) (v128.const f64x2 0.021869488536155203 0.021869488536155203))))) (f64x2.mul (local.get $u4) (f64x2.add (f64x2.add (v128.const f64x2 -0.008863235529902197 -0.008863235529902197) (f64x2.mul (local.get $u) (v128.const f64x2 0.003592128036572481 0.003592128036572481))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -0.0014558343870513183 -0.0014558343870513183) (f64x2.mul (local.get $u) (v128.const f64x2 0.000590027440945586 0.000590027440945586))))))) (f64x2.mul (local.get $u8) (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 -0.00023912911424355248 -0.00023912911424355248) (f64x2.mul (local.get $u) (v128.const f64x2 9.691537956929451e-05 9.691537956929451e-05))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -3.927832388331683e-05 -3.927832388331683e-05) (f64x2.mul (local.get $u) (v128.const f64x2 1.5918905069328964e-05 1.5918905069328964e-05))))) (f64x2.mul (local.get $u4) (f64x2.add (f64x2.add (v128.const f64x2 -6.451689215655431e-06 -6.451689215655431e-06) (f64x2.mul (local.get $u) (v128.const f64x2 2.6147711512907546e-06 2.6147711512907546e-06))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -1.0597268320104654e-06 -1.0597268320104654e-06) (f64x2.mul (local.get $u) (v128.const f64x2 4.294911078273806e-07 4.294911078273806e-07))))))))) (f64x2.mul (local.get $u16) (v128.const f64x2 -1.7406618963571648e-07 -1.7406618963571648e-07))))
        (local.set $small (f64x2.add (local.get $a)
          (f64x2.mul (local.get $a) (f64x2.mul (local.get $u) (local.get $q)))))))
    (if (i32.eqz (i64x2.all_true (local.get $lanes)))
      (then
        ;; y = 2a; k = round(y·log₂e); r = y − k·ln2_hi − k·ln2_lo (ln2_hi ends in 21 zero bits: k·ln2_hi is exact).
        (local.set $u (f64x2.add (local.get $a) (local.get $a)))
        (local.set $k (f64x2.nearest (f64x2.mul (local.get $u) (v128.const f64x2 1.4426950408889634 1.4426950408889634))))
        (local.set $r (f64x2.sub
          (f64x2.sub (local.get $u) (f64x2.mul (local.get $k) (v128.const f64x2 0.6931471803691238 0.6931471803691238)))
          (f64x2.mul (local.get $k) (v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
        (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
        (local.set $q (f64x2.add (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $r) (v128.const f64x2 0.16666666666666666 0.16666666666666666))) (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 0.041666666666666664 0.041666666666666664) (f64x2.mul (local.get $r) (v128.const f64x2 0.008333333333333333 0.008333333333333333))))) (f64x2.mul (local.get $r4) (f64x2.add (f64x2.add (v128.const f64x2 0.001388888888888889 0.001388888888888889) (f64x2.mul (local.get $r) (v128.const f64x2 0.0001984126984126984 0.0001984126984126984))) (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05) (f64x2.mul (local.get $r) (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06))))))) (f64x2.mul (local.get $r8) (f64x2.add (f64x2.add (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07) (f64x2.mul (local.get $r) (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08))) (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09) (f64x2.mul (local.get $r) (v128.const f64x2 1.6059043836821613e-10 1.6059043836821613e-10))))))))
        ;; e^r = 1 + (r + r²·Q(r)): the 1 added last, so the small part keeps its bits.
        (local.set $q (f64x2.add (v128.const f64x2 1 1)
          (f64x2.add (local.get $r) (f64x2.mul (f64x2.mul (local.get $r) (local.get $r)) (local.get $q)))))
        ;; 2^k: k + 2⁵² has k in its low mantissa bits; add the exponent bias and shift into place.
        (local.set $k (i64x2.shl
          (i64x2.add (f64x2.add (local.get $k) (v128.const f64x2 4503599627370496 4503599627370496)) (v128.const i64x2 1023 1023))
          (i32.const 52)))
        (local.set $q (f64x2.mul (local.get $q) (local.get $k)))
        (local.set $large (f64x2.sub (v128.const f64x2 1 1)
          (f64x2.div (v128.const f64x2 2 2) (f64x2.add (local.get $q) (v128.const f64x2 1 1)))))
        (local.set $large (v128.bitselect (v128.const f64x2 1 1) (local.get $large)
          (f64x2.ge (local.get $a) (v128.const f64x2 22 22))))))
    (v128.or
      (v128.bitselect (local.get $small) (local.get $large) (local.get $lanes))
      (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))

  ;; tanh(src, dst, count): dst[i] = tanh(src[i]) (src and dst may be the same). The pairs run
  ;; $tanh2's code inline (a call per pair measured slower); an odd last number calls it.
  (func $tanhArray (export "tanh") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32) (local $x v128)
    (local $a v128) (local $u v128) (local $q v128) (local $r v128) (local $k v128)
    (local $small v128) (local $large v128) (local $lanes v128)
    (local $u2 v128) (local $u4 v128) (local $u8 v128) (local $u16 v128) (local $r2 v128) (local $r4 v128) (local $r8 v128)
    (local.set $end (i32.add (local.get $src) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $src) (local.get $end)))
        (local.set $x (v128.load (local.get $src)))
        (local.set $a (f64x2.abs (local.get $x)))
        (local.set $lanes (f64x2.lt (local.get $a) (v128.const f64x2 0.55 0.55)))
        (if (v128.any_true (local.get $lanes))
          (then
            (local.set $u (f64x2.mul (local.get $a) (local.get $a)))
            (local.set $u2 (f64x2.mul (local.get $u) (local.get $u)))
            (local.set $u4 (f64x2.mul (local.get $u2) (local.get $u2)))
            (local.set $u8 (f64x2.mul (local.get $u4) (local.get $u4)))
            (local.set $u16 (f64x2.mul (local.get $u8) (local.get $u8)))
            (local.set $q (f64x2.add (f64x2.add (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 -0.3333333333333333 -0.3333333333333333) (f64x2.mul (local.get $u) (v128.const f64x2 0.13333333333333333 0.13333333333333333))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -0.05396825396825397 -0.05396825396825397) (f64x2.mul (local.get $u) (v128.const f64x2 0.021869488536155203 0.021869488536155203))))) (f64x2.mul (local.get $u4) (f64x2.add (f64x2.add (v128.const f64x2 -0.008863235529902197 -0.008863235529902197) (f64x2.mul (local.get $u) (v128.const f64x2 0.003592128036572481 0.003592128036572481))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -0.0014558343870513183 -0.0014558343870513183) (f64x2.mul (local.get $u) (v128.const f64x2 0.000590027440945586 0.000590027440945586))))))) (f64x2.mul (local.get $u8) (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 -0.00023912911424355248 -0.00023912911424355248) (f64x2.mul (local.get $u) (v128.const f64x2 9.691537956929451e-05 9.691537956929451e-05))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -3.927832388331683e-05 -3.927832388331683e-05) (f64x2.mul (local.get $u) (v128.const f64x2 1.5918905069328964e-05 1.5918905069328964e-05))))) (f64x2.mul (local.get $u4) (f64x2.add (f64x2.add (v128.const f64x2 -6.451689215655431e-06 -6.451689215655431e-06) (f64x2.mul (local.get $u) (v128.const f64x2 2.6147711512907546e-06 2.6147711512907546e-06))) (f64x2.mul (local.get $u2) (f64x2.add (v128.const f64x2 -1.0597268320104654e-06 -1.0597268320104654e-06) (f64x2.mul (local.get $u) (v128.const f64x2 4.294911078273806e-07 4.294911078273806e-07))))))))) (f64x2.mul (local.get $u16) (v128.const f64x2 -1.7406618963571648e-07 -1.7406618963571648e-07))))
            (local.set $small (f64x2.add (local.get $a)
              (f64x2.mul (local.get $a) (f64x2.mul (local.get $u) (local.get $q)))))))
        (if (i32.eqz (i64x2.all_true (local.get $lanes)))
          (then
            ;; y = 2a; k = round(y·log₂e); r = y − k·ln2_hi − k·ln2_lo (ln2_hi ends in 21 zero bits: k·ln2_hi is exact).
            (local.set $u (f64x2.add (local.get $a) (local.get $a)))
            (local.set $k (f64x2.nearest (f64x2.mul (local.get $u) (v128.const f64x2 1.4426950408889634 1.4426950408889634))))
            (local.set $r (f64x2.sub
              (f64x2.sub (local.get $u) (f64x2.mul (local.get $k) (v128.const f64x2 0.6931471803691238 0.6931471803691238)))
              (f64x2.mul (local.get $k) (v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10))))
            (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
            (local.set $r4 (f64x2.mul (local.get $r2) (local.get $r2)))
            (local.set $r8 (f64x2.mul (local.get $r4) (local.get $r4)))
            (local.set $q (f64x2.add (f64x2.add (f64x2.add (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $r) (v128.const f64x2 0.16666666666666666 0.16666666666666666))) (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 0.041666666666666664 0.041666666666666664) (f64x2.mul (local.get $r) (v128.const f64x2 0.008333333333333333 0.008333333333333333))))) (f64x2.mul (local.get $r4) (f64x2.add (f64x2.add (v128.const f64x2 0.001388888888888889 0.001388888888888889) (f64x2.mul (local.get $r) (v128.const f64x2 0.0001984126984126984 0.0001984126984126984))) (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05) (f64x2.mul (local.get $r) (v128.const f64x2 2.7557319223985893e-06 2.7557319223985893e-06))))))) (f64x2.mul (local.get $r8) (f64x2.add (f64x2.add (v128.const f64x2 2.755731922398589e-07 2.755731922398589e-07) (f64x2.mul (local.get $r) (v128.const f64x2 2.505210838544172e-08 2.505210838544172e-08))) (f64x2.mul (local.get $r2) (f64x2.add (v128.const f64x2 2.08767569878681e-09 2.08767569878681e-09) (f64x2.mul (local.get $r) (v128.const f64x2 1.6059043836821613e-10 1.6059043836821613e-10))))))))
            ;; e^r = 1 + (r + r²·Q(r)): the 1 added last, so the small part keeps its bits.
            (local.set $q (f64x2.add (v128.const f64x2 1 1)
              (f64x2.add (local.get $r) (f64x2.mul (f64x2.mul (local.get $r) (local.get $r)) (local.get $q)))))
            ;; 2^k: k + 2⁵² has k in its low mantissa bits; add the exponent bias and shift into place.
            (local.set $k (i64x2.shl
              (i64x2.add (f64x2.add (local.get $k) (v128.const f64x2 4503599627370496 4503599627370496)) (v128.const i64x2 1023 1023))
              (i32.const 52)))
            (local.set $q (f64x2.mul (local.get $q) (local.get $k)))
            (local.set $large (f64x2.sub (v128.const f64x2 1 1)
              (f64x2.div (v128.const f64x2 2 2) (f64x2.add (local.get $q) (v128.const f64x2 1 1)))))
            (local.set $large (v128.bitselect (v128.const f64x2 1 1) (local.get $large)
              (f64x2.ge (local.get $a) (v128.const f64x2 22 22))))))
        ;; A path left out this time is for lanes the select does not take.
        (v128.store (local.get $dst)
          (v128.or
            (v128.bitselect (local.get $small) (local.get $large) (local.get $lanes))
            (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000))))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $l)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (v128.store64_lane 0 (local.get $dst) (call $tanh2 (v128.load64_zero (local.get $src)))))))

  ;; activate(pre, act, count, kind): act = φ(pre) for kind 0 linear (a copy), 1 tanh, 2 ReLU
  ;; (z > 0 ? z : 0, as the scalar kernel: NaN and −0 give +0).
  (func $activate (param $pre i32) (param $act i32) (param $n i32) (param $kind i32)
    (local $end i32) (local $z v128)
    (if (i32.eq (local.get $kind) (i32.const 1))
      (then (call $tanhArray (local.get $pre) (local.get $act) (local.get $n)) (return)))
    (local.set $end (i32.add (local.get $pre) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $pre) (local.get $end)))
        (local.set $z (v128.load (local.get $pre)))
        (if (i32.eq (local.get $kind) (i32.const 2))
          (then (local.set $z (v128.bitselect (local.get $z) (v128.const i64x2 0 0) (f64x2.gt (local.get $z) (v128.const f64x2 0 0))))))
        (v128.store (local.get $act) (local.get $z))
        (local.set $pre (i32.add (local.get $pre) (i32.const 16)))
        (local.set $act (i32.add (local.get $act) (i32.const 16)))
        (br $l)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $z (v128.load64_zero (local.get $pre)))
        (if (i32.eq (local.get $kind) (i32.const 2))
          (then (local.set $z (v128.bitselect (local.get $z) (v128.const i64x2 0 0) (f64x2.gt (local.get $z) (v128.const f64x2 0 0))))))
        (v128.store64_lane 0 (local.get $act) (local.get $z)))))

  ;; dense(x, w, b, pre, act, rows, inner, cols, kind): one layer forward, pre = X·W + b (gemm) and
  ;; act = φ(pre) (activate), in one call.
  (func (export "dense") (param $x i32) (param $w i32) (param $b i32) (param $pre i32) (param $act i32)
    (param $rows i32) (param $inner i32) (param $cols i32) (param $kind i32)
    (call $gemm (local.get $x) (local.get $inner) (i32.const 1) (local.get $w) (local.get $pre) (local.get $b)
      (local.get $rows) (local.get $inner) (local.get $cols))
    (call $activate (local.get $pre) (local.get $act) (i32.mul (local.get $rows) (local.get $cols)) (local.get $kind)))

  ;; peak(iterations): an f64x2 multiply-add rate without memory traffic, one of the bench's two
  ;; yardsticks for "share of the measured peak" (bench/kernels.ts): 12 independent chains of
  ;; x = x·m + c, 48 flops per iteration. Twelve, because V8 gives WebAssembly the 16 xmm registers
  ;; of x86-64: with m and c that is 14, while 16 chains spilled to the stack. Returns a sum of the
  ;; chains so the work cannot be left out. Not used in training.
  (func (export "peak") (param $n i32) (result f64)
    (local $m v128) (local $c v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local $a8 v128) (local $a9 v128) (local $a10 v128) (local $a11 v128)
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
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.set $a0 (f64x2.add (f64x2.add (f64x2.add (local.get $a0) (local.get $a1)) (f64x2.add (local.get $a2) (local.get $a3)))
      (f64x2.add (f64x2.add (local.get $a4) (local.get $a5)) (f64x2.add (local.get $a6) (local.get $a7)))))
    (local.set $a8 (f64x2.add (f64x2.add (local.get $a8) (local.get $a9)) (f64x2.add (local.get $a10) (local.get $a11))))
    (local.set $a0 (f64x2.add (local.get $a0) (local.get $a8)))
    (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
)
