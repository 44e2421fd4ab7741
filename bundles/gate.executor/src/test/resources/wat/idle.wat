;; An idle instance for IdleInstancesTest: it writes its id into its one page of memory, then
;; waits for input in a host call (the process stays blocked in the runtime's host slot) and
;; returns what the host answered plus the id read back from memory.
(module
  (import "env" "wait" (func $wait (param i32) (result i32)))
  (memory 1 1)
  (func (export "idle") (param $id i32) (result i32)
    (i32.store (i32.const 0) (local.get $id))
    (i32.add (call $wait (local.get $id)) (i32.load (i32.const 0)))))
