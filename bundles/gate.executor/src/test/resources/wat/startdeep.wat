;; A start function that recurses without end: instantiation fails with the typed trap.
(module
  (func $down (param i32) (result i32) (i32.add (local.get 0) (call $down (local.get 0))))
  (func $start (drop (call $down (i32.const 1))))
  (start $start))
