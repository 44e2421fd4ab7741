;; i64 operators with constants beyond a sign-extended imm32 read them from 8-byte literals after
;; the function (IntOps: imul r64, [rip+literal]), shared with float literals of the same bits.
;; WideConstantsTest runs them against the interpreter.
(module
  (func (export "ops") (param $x i64) (result i64)
    (i64.xor
      (i64.add (i64.mul (local.get $x) (i64.const 0xff51afd7ed558ccd))
               (i64.sub (local.get $x) (i64.const 0x123456789)))
      (i64.or (i64.and (local.get $x) (i64.const 0xf0f0f0f0f0f0))
              (i64.xor (local.get $x) (i64.const 0x8000000000000000)))))
  (func (export "compares") (param $x i64) (result i32)
    (i32.add
      (i32.add (i64.eq (local.get $x) (i64.const 0x100000000))
               (i32.shl (i64.lt_u (local.get $x) (i64.const 0x80000000)) (i32.const 1)))
      (i32.add (i32.shl (i64.gt_s (local.get $x) (i64.const -0x80000001)) (i32.const 2))
               (i32.shl (i64.ne (i64.const 0x7fffffffffffffff) (local.get $x)) (i32.const 3)))))
  ;; The mix of hash.c in a loop, a float literal with the same bits as a multiplier.
  (func (export "mix") (param $x i64) (param $n i32) (result i64) (local $f f64)
    (loop $l
      (local.set $x (i64.mul (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 33)))
                             (i64.const 0xc4ceb9fe1a85ec53)))
      (local.set $f (f64.add (local.get $f) (f64.reinterpret_i64 (i64.const 0xc4ceb9fe1a85ec53))))
      (local.set $x (i64.add (local.get $x) (i64.reinterpret_f64 (f64.mul (local.get $f)
        (f64.reinterpret_i64 (i64.const 0x3ff0000000000000))))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i64.mul (local.get $x) (i64.const 0xff51afd7ed558ccd))))
