;; An import-heavy loop for per-call figures (AbiCallFiguresTest): clock_time_get n times.
(module
  (import "wasi_snapshot_preview1" "clock_time_get" (func $time (param i32 i64 i32) (result i32)))
  (memory (export "memory") 1)
  ;; the errnos summed (0 when every call succeeded)
  (func (export "loop") (param $n i32) (result i32)
    (local $k i32) (local $errors i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $errors (i32.add (local.get $errors)
          (call $time (i32.const 1) (i64.const 1) (i32.const 8))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $l)))
    (local.get $errors)))
