;; Endless loop and endless recursion, for interruption and call stack exhaustion.
(module
  (import "env" "started" (func $started))
  (func (export "spin") (local $i i32)
    (call $started)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
  (func $down (export "down") (param i32) (result i32)
    (i32.add (call $down (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  (func $wide (export "wide") (param i32) (result i32)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (call $wide (local.get 0)))
  (func $depth (export "depth") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1))))))))
