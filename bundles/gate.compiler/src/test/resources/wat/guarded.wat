;; Bodies of GuardShape's shape (a pure prefix, an if, a pure tail) and near misses: the way
;; around the if runs without a frame. GuardedBodiesTest runs them against the interpreter.
(module
  (memory 1)
  ;; clang's n < 2 ? n : fib(n - 1) + fib(n - 2), not exported: its result comes back in rax.
  (func $fib (param $n i32) (result i32) (local $acc i32)
    (if (i32.ge_u (local.get $n) (i32.const 2))
      (then
        (loop $l
          (local.set $acc (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                                   (local.get $acc)))
          (br_if $l (i32.gt_u (local.tee $n (i32.sub (local.get $n) (i32.const 2)))
                              (i32.const 1))))))
    (i32.add (local.get $n) (local.get $acc)))
  (func (export "fib") (param i32) (result i32)
    (call $fib (local.get 0)))
  ;; Two results; a branch to the if's end and a return from inside its body; memory there.
  (func (export "two") (param $a i64) (param $b i32) (result i64 i32) (local $t i32)
    (if (i32.lt_s (local.get $b) (i32.const 10))
      (then
        (local.set $t (i32.mul (local.get $b) (i32.const 3)))
        (br_if 0 (i32.eqz (local.get $t)))
        (if (i32.eq (local.get $t) (i32.const 9))
          (then (return (i64.const 99) (i32.const 9))))
        (i64.store (i32.const 8) (local.get $a))
        (local.set $a (i64.add (local.get $a) (i64.load (i32.const 8))))))
    (i64.add (local.get $a) (i64.extend_i32_s (local.get $t)))
    (i32.xor (local.get $b) (local.get $t)))
  ;; Recursion without a loop; the condition is a bare local.
  (func $gcd (export "gcd") (param $x i32) (param $y i32) (result i32)
    (if (local.get $y)
      (then (return (call $gcd (local.get $y) (i32.rem_u (local.get $x) (local.get $y))))))
    (local.get $x))
  ;; A float tail.
  (func (export "fsel") (param $n i32) (param $d f64) (result f64)
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then (local.set $d (f64.mul (local.get $d) (f64.const 2)))))
    (local.get $d))
  ;; Not guarded (the tail calls): compiled as usual.
  (func (export "tail_calls") (param $n i32) (result i32)
    (if (i32.gt_u (local.get $n) (i32.const 3))
      (then (local.set $n (i32.const 3))))
    (call $fib (local.get $n)))
  ;; A loop calling a guarded function that takes its frameless way every time.
  (func (export "leaf_loop") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $fib (i32.const 1))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
)
