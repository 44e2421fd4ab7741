;; A long-running computation for the suspend/restore test: recursion with operands live across
;; calls, loops, memory, a mutable global, a call through a table, and an imported host function
;; ("env" "tick") called often, where the test requests interruptions.
(module
  (import "env" "tick" (func $tick))
  (memory 1)
  (global $g (mut i32) (i32.const 0))
  (table 1 funcref)
  (elem (i32.const 0) $fib)
  (type $fibType (func (param i32) (result i32)))
  (func $fib (param $n i32) (result i32)
    (call $tick)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func $sum (result i64) (local $i i32) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc) (i64.load (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 65536))))
    (local.get $acc))
  (func $mix (export "mix") (param $seed i64) (param $rounds i32) (result i64)
    (local $i i32) (local $h i64) (local $f f64)
    (local.set $h (local.get $seed))
    (loop $l
      (call $tick)
      (i64.store (i32.and (i32.mul (local.get $i) (i32.const 8)) (i32.const 0xfff8)) (local.get $h))
      (local.set $h
        (i64.xor
          (i64.mul (local.get $h) (i64.const 0x100000001b3))
          (i64.extend_i32_u
            (call_indirect (type $fibType) (i32.and (local.get $i) (i32.const 15)) (i32.const 0)))))
      (local.set $f (f64.add (local.get $f) (f64.convert_i64_s (local.get $h))))
      (global.set $g (i32.add (global.get $g) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $rounds))))
    (i64.add (local.get $h)
      (i64.add (i64.trunc_sat_f64_s (local.get $f))
        (i64.add (i64.extend_i32_u (global.get $g)) (call $sum))))))
