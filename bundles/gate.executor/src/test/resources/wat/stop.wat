(module
  (global $stop (export "stop") (mut i32) (i32.const 0))
  ;; counts loop iterations until $stop is set, then returns the count
  (func (export "spin") (result i64) (local i64)
    (loop $l
      (local.set 0 (i64.add (local.get 0) (i64.const 1)))
      (br_if $l (i32.eqz (global.get $stop))))
    (local.get 0)))
