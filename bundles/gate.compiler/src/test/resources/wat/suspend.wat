;; A call stack with operands and locals live at a loop back-edge, for stack walks.
(module
  (import "env" "host" (func $host (param i32 i64) (result i32)))
  (func $inner (param $n i32) (result i32) (local $acc i32) (local $x f64)
    (local.set $x (f64.const 1.5))
    (loop $l (result i32)
      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n))
      (local.get $acc)))
  (func (export "outer") (param i32) (result i32)
    (i32.add (i32.const 5) (i64.const 9) (drop) (call $inner (local.get 0))))
  (func (export "calls_host") (param i32) (result i32)
    (i32.add (i32.const 7) (call $host (local.get 0) (i64.const -2))))
  ;; The shape clang gives `n < 2 ? n : fib(n - 1) + fib(n - 2)` (GuardShape): the way
  ;; that skips the if runs without a frame.
  (func $fib (export "fib") (param $n i32) (result i32) (local $acc i32)
    (if (i32.ge_u (local.get $n) (i32.const 2))
      (then
        (loop $l
          (local.set $acc (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                                   (local.get $acc)))
          (br_if $l (i32.gt_u (local.tee $n (i32.sub (local.get $n) (i32.const 2)))
                              (i32.const 1))))))
    (i32.add (local.get $n) (local.get $acc)))
;; A leaf (GuardShape): no frame and no suspension point of its own; its ENTRY site is
  ;; only for states the interpreter captures at its entry.
  (func $mix (param $a i32) (param $b i32) (result i32)
    (i32.add (i32.rotl (local.get $a) (local.get $b)) (local.get $b)))
  (func (export "leaf_loop") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (call $mix (local.get $s) (local.get $n)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
)
