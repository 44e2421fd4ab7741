;; A well-behaved program for HostileProgramsTest: each call runs n rounds of xorshift64 on an
;; accumulator kept in a global across calls, and returns it.
(module
  (global $acc (mut i64) (i64.const 88172645463325252))
  (func (export "work") (param $n i32) (result i64)
    (local $x i64)
    (local.set $x (global.get $acc))
    (loop $l
      (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 13))))
      (local.set $x (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 7))))
      (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 17))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get $n) (i32.const 0))))
    (global.set $acc (local.get $x))
    (local.get $x)))
