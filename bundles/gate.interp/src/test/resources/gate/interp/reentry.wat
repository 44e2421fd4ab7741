;; A host function between two wasm functions: for retried import calls and re-entrant calls.
(module
  (import "env" "host" (func $host (param i32) (result i32)))
  (func (export "inner") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 2)))
  (func (export "outer") (param i32) (result i32)
    (i32.add (call $host (local.get 0)) (i32.const 1))))
