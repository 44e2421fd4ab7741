;; Hostile programs that call the host: an endless loop of host calls, and unbounded recursion
;; with a host call at every level (HostileProgramsTest).
(module
  (import "env" "tick" (func $tick (param i64) (result i64)))
  (func (export "spin_calling") (param i64) (result i64)
    (loop $l
      (local.set 0 (call $tick (local.get 0)))
      (br $l))
    unreachable)
  (func $down (export "down") (param i64) (result i64)
    (i64.add (call $tick (local.get 0)) (call $down (i64.add (local.get 0) (i64.const 1))))))
