;; random_get through an export (AbiModeTest: a deficiency is resumable and the call is retried).
(module
  (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "get") (param $ptr i32) (param $len i32) (result i32)
    (call $random (local.get $ptr) (local.get $len))))
