;; Small functions whose machine code is checked in as golden listings (src/test/resources/golden).
(module
  (type $ii (func (param i32) (result i32)))
  (memory 1)
  (table 2 funcref)
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "sum") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $n)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func (export "copy_word") (param $from i32) (param $to i32)
    (i64.store offset=8 (local.get $to) (i64.load (local.get $from))))
  (func (export "dispatch") (param i32 i32) (result i32)
    (call_indirect (type $ii) (local.get 1) (local.get 0)))
  ;; clang's shape of naive Fibonacci: a register argument, the loop polled by the call.
  (func $fib (export "fib") (param i32) (result i32) (local i32)
    (if (i32.ge_u (local.get 0) (i32.const 2))
      (then
        (loop $l
          (local.set 1 (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                (local.get 1)))
          (br_if $l (i32.gt_u (local.tee 0 (i32.sub (local.get 0) (i32.const 2)))
                              (i32.const 1))))))
    (i32.add (local.get 0) (local.get 1)))
  (func (export "classify") (param i32) (result i32)
    (block $b (block $a (br_table $a $b $a (local.get 0))) (return (i32.const 10)))
    (i32.const 20))
;; A loop whose body starts with a call of a leaf (GuardShape): the leaf has no entry
  ;; check, so the loop's back-edge keeps its own.
  (func (export "leaf_loop") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (call $rotate (local.get $s) (local.get $n)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func $rotate (param i32 i32) (result i32)
    (i32.rotl (local.get 0) (local.get 1)))
;; br_table through a table of 32-bit offsets: targets that need no value moves directly,
  ;; the others (moves to a lower block's slot, a return) through stubs after the jump.
  (func (export "jump_table") (param i32) (result i32)
    (i32.add (i32.const 1000)
      (block $out (result i32)
        (i32.add (i32.const 10)
          (block $b (result i32)
            (i32.mul (i32.const 3)
              (block $a (result i32)
                (br_table $a $b $out 3 $a (i32.const 5) (local.get 0)))))))))
)
